"""Installing the bundled demo course on a fresh data folder."""

from __future__ import annotations

import shutil
import tempfile
from typing import TYPE_CHECKING

from player.core.resources import demo_course_source

if TYPE_CHECKING:
    from player.core.context import Context


def install_demo_course(ctx: Context) -> bool:
    """Pack the demo source into staging and install it; False when the app ships no demo."""
    from player.core.install import install
    from player.core.package.pack import pack
    from player.core.package.reader import FolderSource
    from player.core.transfer import ensure_free_space

    source = demo_course_source()
    if not (source / "course.yaml").is_file():
        return False
    # Packed into staging first: a full disk is said in one line before anything is written.
    size = sum(path.stat().st_size for path in source.rglob("*") if path.is_file())
    ensure_free_space(ctx.data.staging, size)
    work = tempfile.mkdtemp(prefix="demo-", dir=ctx.data.staging)
    try:
        packed = ctx.data.staging / work / "package"
        pack(source, packed)
        install(ctx, FolderSource(packed))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return True
