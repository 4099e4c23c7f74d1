"""The team hub: a PostgreSQL database that desktops publish to, clone from and sync with.

``sync`` holds the rules, shared with merge. The SQL is the store's: the hub's PostgreSQL
side in ``annotator/core/store/hub_server.py``, the project's side (the outbox) in
``annotator/core/store/hub_outbox.py`` (``project.hub``).
"""
