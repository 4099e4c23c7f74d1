"""The sync stage: bringing annotations made elsewhere into this project.

* :mod:`.files` — ``annotator merge``: other project files (a colleague's ``.annotator``
  copy) merged into this one, articles matched by content hash.
* :mod:`.hub` — ``annotator hub|clone|sync``: a PostgreSQL team hub that desktops publish
  to, clone from and sync with; the same matching and conflict rules as :mod:`.files`.

The SQL is the store's: the hub's PostgreSQL side in ``annotator/core/store/hub_server.py``,
the project's side (the outbox) in ``annotator/core/store/hub_outbox.py`` (``project.hub``).
"""
