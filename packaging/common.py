"""What every platform's spec shares: app modules, data files and the Qt modules left out."""

from __future__ import annotations

import glob
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Sub-command modules are imported by name (player.cli.COMMAND_MODULES), so list them.
HIDDEN_IMPORTS = [
    "player.cli.packages",
    "player.cli.learning",
    "player.cli.sync",
    "player.cli.hub",
    "player.cli.partners",
    "player.cli.maintenance",
    # player.ui.ops loads its parts by name on first use (start-up needs only the library's).
    "player.ui.ops.courses",
    "player.ui.ops.learners",
    "player.ui.ops.lessons",
    "player.ui.ops.library",
    "player.ui.ops.sync",
]

#: Qt and stdlib modules the app never uses; leaving them out keeps the bundle small.
EXCLUDES = [
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDBus",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtConcurrent",
    "PySide6.QtXml",
    "PySide6.QtHelp",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtSvgWidgets",
    "PySide6.QtPrintSupport",
    "tkinter",
    "unittest",
    "pydoc",
    "pytest",
    "hypothesis",
    "imageio_ffmpeg",
]


def data_files() -> list[tuple[str, str]]:
    datas = [(str(ROOT / "assets" / "demo-course"), "assets/demo-course")]
    icons = ROOT / "assets" / "icons"
    if icons.is_dir():
        datas.append((str(icons), "assets/icons"))
    trusted = ROOT / "assets" / "trusted-keys.txt"
    if trusted.is_file():
        datas.append((str(trusted), "assets"))
    for qm in glob.glob(str(ROOT / "player" / "ui" / "i18n" / "*.qm")):
        datas.append((qm, "player/ui/i18n"))
    return datas


#: VLC plugin folders a player of local files never needs (streaming out, encoders, GUIs...).
VLC_SKIP_FOLDERS = {
    "access_output",
    "stream_out",
    "mux",
    "gui",
    "lua",
    "services_discovery",
    "control",
    "keystore",
    "meta_engine",
    "visualization",
    "vaapi",
    "vdpau",
}
#: Plugins that drag in large libraries for formats our packages never hold (encoders,
#: image formats, broadcast subtitles).
VLC_SKIP_PLUGINS = {
    "libx264_plugin",
    "libx26410b_plugin",
    "libx265_plugin",
    "libshine_plugin",
    "libtwolame_plugin",
    "libsvgdec_plugin",
    "libsdl_image_plugin",
    "libzvbi_plugin",
    "libaribsub_plugin",
    "libkate_plugin",
    "libvaapi_plugin",
    "libvaapi_drm_plugin",
    "libdav1d_plugin",
    "libtheora_plugin",
    "libjpeg_plugin",
}


def vlc_binaries(lib_dir: str, lib_names: list[str]) -> list[tuple[str, str]]:
    """libVLC, libvlccore and the plugins a local player needs, laid out for the runtime hook."""
    binaries = [(os.path.join(lib_dir, name), ".") for name in lib_names]
    plugins = os.path.join(lib_dir, "vlc", "plugins")
    for plugin in glob.glob(os.path.join(plugins, "**", "*.so"), recursive=True) + glob.glob(
        os.path.join(plugins, "**", "*.dll"), recursive=True
    ):
        folder = os.path.relpath(os.path.dirname(plugin), plugins).split(os.sep)[0]
        name = os.path.splitext(os.path.basename(plugin))[0]
        if folder in VLC_SKIP_FOLDERS or name in VLC_SKIP_PLUGINS:
            continue
        relative = os.path.relpath(os.path.dirname(plugin), os.path.join(lib_dir, "vlc"))
        binaries.append((plugin, os.path.join("vlc", relative)))
    return binaries
