"""Offline app updates: a new version of the app from a stick or the trainer's hub.

An update carries the new release's **signed file list** (every file with its size and SHA-256,
signed with an Ed25519 *release* key shipped in ``assets/release-keys.txt``) and only the files
that changed since the release it updates. Applying it (``course-player app-update apply``):

1. ``release``: the list's signature, key, version (never a downgrade) and paths are checked;
2. ``archive``: each file the update carries is read within bounds and checked against the list;
3. ``apply``: the new version is built beside the installed one (unchanged files hard-linked or
   copied from it, each checked too), then two renames swap it in; the old version stays as
   ``<folder>.previous`` for rolling back.

``hub_updates`` is the hub's shelf of update archives (``GET /app/updates``); ``fetch`` gets one
from a hub resumably. packaging/README.md ("App updates, offline") says how releases are made.
"""
