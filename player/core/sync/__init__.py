"""Completions to an LRS as xAPI statements, exactly once; progress carried by USB.

- ``statements``: outbox events → xAPI 1.0.3 statements (pure, identifiers documented there);
- ``outbox``: freezing statements, batches, states;
- ``client``: HTTP to the LRS, ``is_reachable``;
- ``service``: ``sync_outbox`` (the CLI and the app's worker), ``sync_status``, ``AutoSync``;
- ``usb``: ``export_progress`` / ``import_progress`` (JSON Lines), with ``merge`` into progress;
- ``config``: endpoint and credentials from settings, environment and manifest (approved);
- ``credentials``: credentials bound to an origin, in the OS keyring or the settings file;
- ``endpoints``: configuring, approving and forgetting LRS addresses (CLI and Settings).
"""
