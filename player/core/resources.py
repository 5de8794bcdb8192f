"""Files shipped with the app (the demo course, translations), found in a checkout or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def assets_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "assets"
    return Path(__file__).resolve().parents[2] / "assets"


def demo_course_source() -> Path:
    return assets_dir() / "demo-course"
