"""The team workflow, one module per concern; every function takes an open project.

* :mod:`.assignment` — spreading articles over annotators with overlap.
* :mod:`.metrics` — agreement measures on plain data (P/R/F1, kappa, alpha).
* :mod:`.agreement` — the corpus agreement report, and :func:`~.agreement.project_agreement`.
* :mod:`.queue` — the review queue, lowest agreement first.
* :mod:`.adjudication` — combining annotators' spans into a gold draft (:func:`~.adjudication.draft_gold`).
* :mod:`.gold` — gold annotations: span-by-span edits and batch adjudication.
"""
