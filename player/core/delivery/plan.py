"""The download plan's inputs: which quality by default, and what each quality costs.

The plan itself (files chosen, objects already held, free disk) is ``install.plan_install``;
this module adds what the learner needs to choose before it: bytes per quality level and the
default quality for a link (``slow_link`` in ``settings.json``, written by the desktop app).
"""

from __future__ import annotations

from player.core.install import SMALLEST
from player.core.paths import DataDir
from player.core.settings import load_settings

SLOW_LINK_KEY = "slow_link"
#: On a slow link: each video's smallest source.
SLOW_LINK_QUALITY = SMALLEST
DEFAULT_QUALITY = "480"


def slow_link(data: DataDir) -> bool:
    """Whether the learner told the app the link is slow (``settings.json``: ``slow_link``)."""
    return load_settings(data.settings).get(SLOW_LINK_KEY) is True


def default_quality(data: DataDir) -> str:
    """The quality an HTTP install uses when none is chosen."""
    return SLOW_LINK_QUALITY if slow_link(data) else DEFAULT_QUALITY
