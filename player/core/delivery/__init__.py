"""Getting packages over HTTP(S): a published folder's ``course.json`` or a ``.zip``.

``open_http_source`` is what ``player.core.install.open_source`` calls for http(s) locations.
"""

from __future__ import annotations

from player.core.delivery.http import HttpFolderSource, HttpZipSource, open_http_source
from player.core.delivery.plan import default_quality, slow_link

__all__ = [
    "HttpFolderSource",
    "HttpZipSource",
    "default_quality",
    "open_http_source",
    "slow_link",
]
