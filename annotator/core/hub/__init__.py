"""The team hub: a PostgreSQL database that desktops publish to, clone from and sync with.

``pgstore`` is the hub's store (all of its SQL); ``sync`` holds the rules, shared with merge.
"""
