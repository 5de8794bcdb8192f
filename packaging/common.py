"""What every platform's spec shares: app modules, data files and the Qt modules left out."""

from __future__ import annotations

import glob
import os
import re
import subprocess
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
    "player.cli.stats",
    "player.cli.appupdate",
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
    # The [reports] extra: `stats --html` writes its tables without charts in the bundle.
    "matplotlib",
    "numpy",
    # East Asian codecs: course files are UTF-8 (docs/package-format.md).
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "_multibytecodec",
]


def data_files() -> list[tuple[str, str]]:
    datas = [(str(ROOT / "assets" / "demo-course"), "assets/demo-course")]
    icons = ROOT / "assets" / "icons"
    if icons.is_dir():
        datas.append((str(icons), "assets/icons"))
    for keys in ("trusted-keys.txt", "release-keys.txt"):  # course publishers, app releases
        if (ROOT / "assets" / keys).is_file():
            datas.append((str(ROOT / "assets" / keys), "assets"))
    for qm in glob.glob(str(ROOT / "player" / "ui" / "i18n" / "*.qm")):
        datas.append((qm, "player/ui/i18n"))
    return datas


#: The VLC plugins a course needs, by folder: what plays the formats of docs/package-format.md
#: (MP4/M4A and WebM/Matroska; H.264, VP9, AAC, Opus; WebVTT/SRT subtitles) to the audio outputs
#: and X11 video outputs of a Linux desktop. Everything else VLC ships (streaming, encoders,
#: discs, GUIs, Lua, visualisations, 30+ other codecs) is left out, and with it the libraries it
#: loads. packaging/README.md says why each is kept.
VLC_PLUGINS: dict[str, set[str]] = {
    "access": {"filesystem"},
    "demux": {"mp4", "mkv", "es", "subtitle"},
    "codec": {"avcodec", "opus", "webvtt", "subsdec", "substx3g"},
    "packetizer": {
        "packetizer_h264",
        "packetizer_mpeg4audio",
        "packetizer_avparser",
        "packetizer_copy",
    },
    "audio_output": {"pulse", "alsa", "adummy"},
    "audio_filter": {
        "audio_format",
        "scaletempo",
        "scaletempo_pitch",
        "remap",
        "trivial_channel_mixer",
        "simple_channel_mixer",
        "ugly_resampler",
        "speex_resampler",
    },
    "audio_mixer": {"float_mixer", "integer_mixer"},
    "video_output": {"xcb_window", "xcb_xv", "xcb_x11", "vdummy"},
    "video_chroma": {
        "chain",
        "i420_rgb",
        "i420_rgb_sse2",
        "i420_yuy2",
        "i420_yuy2_sse2",
        "i420_nv12",
        "i422_i420",
        "yuy2_i420",
        "rv32",
        "swscale",
    },
    "text_renderer": {"freetype", "tdummy"},
    "stream_filter": {"cache_read", "cache_block"},
    "misc": {"dbus_screensaver", "xdg_screensaver", "logger"},
    "logger": {"console_logger"},
}

#: Windows and macOS bundles are not built here (docs/windows.md): their specs still take every
#: plugin but these folders, until a partner's build confirms a trimmed list plays there too.
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
}


def plugin_name(path: str) -> str:
    """``libavcodec_plugin.so`` -> ``avcodec`` (the same on .dll and .dylib)."""
    name = os.path.basename(path).split(".")[0]
    return name.removeprefix("lib").removesuffix("_plugin")


def vlc_plugins(plugins: str, suffix: str, keep: dict[str, set[str]] | None) -> list[str]:
    """The plugin files under ``plugins`` to bundle: those in ``keep`` (every plugin outside
    ``VLC_SKIP_FOLDERS`` when ``keep`` is None)."""
    chosen = []
    for plugin in sorted(glob.glob(os.path.join(plugins, "**", "*" + suffix), recursive=True)):
        folder = os.path.relpath(os.path.dirname(plugin), plugins).split(os.sep)[0]
        if keep is None:
            if folder not in VLC_SKIP_FOLDERS:
                chosen.append(plugin)
        elif plugin_name(plugin) in keep.get(folder, set()):
            chosen.append(plugin)
    return chosen


def missing_vlc_plugins(plugins: str, suffix: str) -> list[str]:
    """Names in ``VLC_PLUGINS`` that ``plugins`` does not hold (the build fails on them)."""
    found = {
        (os.path.relpath(os.path.dirname(p), plugins).split(os.sep)[0], plugin_name(p))
        for p in vlc_plugins(plugins, suffix, VLC_PLUGINS)
    }
    return sorted(
        f"{folder}/{name}"
        for folder, names in VLC_PLUGINS.items()
        for name in names
        if (folder, name) not in found
    )


def vlc_binaries(lib_dir: str, lib_names: list[str]) -> list[tuple[str, str]]:
    """libVLC, libvlccore and the plugins of ``VLC_PLUGINS``, laid out for the runtime hook."""
    binaries = [(os.path.join(lib_dir, name), ".") for name in lib_names]
    plugins = os.path.join(lib_dir, "vlc", "plugins")
    missing = missing_vlc_plugins(plugins, ".so")
    if missing:
        raise SystemExit(f"VLC plugins not found in {plugins}: {', '.join(missing)}")
    for plugin in vlc_plugins(plugins, ".so", VLC_PLUGINS):
        relative = os.path.relpath(os.path.dirname(plugin), os.path.join(lib_dir, "vlc"))
        binaries.append((plugin, os.path.join("vlc", relative)))
    return binaries


# --- trimming what PyInstaller collects (Linux) ------------------------------------------------

#: Qt plugins the app loads, by folder; other folders are dropped whole. The xcb platform (and
#: offscreen, for the smoke test and CI) only: VLC is embedded through an X11 window id, so on a
#: Wayland session the app runs through XWayland, as it must.
QT_PLUGINS: dict[str, set[str]] = {
    "platforms": {"libqxcb.so", "libqoffscreen.so"},
    "platforminputcontexts": {
        "libcomposeplatforminputcontextplugin.so",  # dead keys: typing accents in answers
        "libibusplatforminputcontextplugin.so",
    },
    "platformthemes": {"libqxdgdesktopportal.so"},  # not gtk3: it pulls in all of GTK
    "xcbglintegrations": {"libqxcb-glx-integration.so"},
    "imageformats": {"libqjpeg.so", "libqgif.so", "libqsvg.so", "libqwebp.so"},  # page images
    "iconengines": {"libqsvgicon.so"},
}

#: Where in the bundle entries are roots (loaded by Python, Qt or VLC by name); every other
#: shared library is kept only if a root needs it (DT_NEEDED, recursively).
_ROOT_PREFIXES = ("vlc/plugins/", "PySide6/Qt/plugins/", "python3")
_EXTENSION = re.compile(r"\.(abi3|cpython-[^.]+)\.so$")


def app_languages() -> set[str]:
    """The languages the app ships a translation for (``course_player_fr.qm`` -> ``fr``)."""
    return {
        Path(qm).stem.rsplit("_", 1)[1]
        for qm in glob.glob(str(ROOT / "player" / "ui" / "i18n" / "course_player_*.qm"))
    }


def keep_qt_file(dest: str, languages: set[str]) -> bool:
    """False for Qt translations and plugins the app never loads."""
    dest = dest.replace(os.sep, "/")
    if dest.startswith("PySide6/Qt/translations/"):
        # Qt's own strings (standard buttons, dialogs) for the app's languages only.
        return any(dest.endswith(f"/qtbase_{lang}.qm") for lang in languages)
    if dest.startswith("PySide6/Qt/plugins/"):
        folder, _, name = dest.removeprefix("PySide6/Qt/plugins/").partition("/")
        return name in QT_PLUGINS.get(folder, set())
    return True


def _needed(path: str) -> list[str]:
    """DT_NEEDED of an ELF file (empty for anything else)."""
    done = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=False)
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", done.stdout)


def _is_root(dest: str) -> bool:
    base = os.path.basename(dest)
    return (
        dest.startswith(_ROOT_PREFIXES)
        or bool(_EXTENSION.search(base))
        or base.startswith(("libvlc.so", "libpython"))
        or not base.startswith("lib")
    )


def prune_libraries(binaries: list[tuple[str, str, str]]) -> tuple[list, list[str]]:
    """``binaries`` without the shared libraries no root loads; and the names dropped.

    PyInstaller collects the dependencies of everything it was given, including of plugins the
    spec drops afterwards (GTK for Qt's gtk3 theme, ...): this removes those orphans.
    """
    files = [e for e in binaries if e[2] != "SYMLINK"]
    by_name: dict[str, tuple[str, str, str]] = {}
    for entry in files:
        by_name.setdefault(os.path.basename(entry[0]), entry)
    kept: set[str] = set()
    todo = [e for e in files if _is_root(e[0].replace(os.sep, "/"))]
    while todo:
        entry = todo.pop()
        if entry[0] in kept:
            continue
        kept.add(entry[0])
        for name in _needed(entry[1]):
            dependency = by_name.get(name)
            if dependency is not None and dependency[0] not in kept:
                todo.append(dependency)
    # Symbolic links (typecode SYMLINK) follow what they point to, by name.
    kept_names = {os.path.basename(dest) for dest in kept}
    result, dropped = [], []
    for entry in binaries:
        if entry[0] in kept or (entry[2] == "SYMLINK" and os.path.basename(entry[0]) in kept_names):
            result.append(entry)
        else:
            dropped.append(entry[0])
    return result, sorted(dropped)


#: The workshop hub's libraries each ship C accelerators beside their pure-Python modules
#: (zeroconf compiles every module with Cython: 2.9 MB; aiohttp's HTTP parser; yarl, multidict,
#: frozenlist, propcache). The bundle takes their Python sources only (``module_collection_mode``
#: "py") and leaves the compiled twins out: 4.3 MB, the margin under the size budget. The hub
#: serves files with sendfile either way; parsing requests and mDNS in Python is slower, not
#: wrong, and each library falls back by itself when its extension is absent.
PURE_PYTHON_PACKAGES = ["zeroconf", "aiohttp", "yarl", "multidict", "frozenlist", "propcache"]


def _compiled_twin(dest: str) -> bool:
    top = dest.replace(os.sep, "/").split("/", 1)[0]
    return top in PURE_PYTHON_PACKAGES and bool(_EXTENSION.search(os.path.basename(dest)))


def trim(binaries: list, datas: list) -> tuple[list, list]:
    """What the Linux bundle ships: Qt trimmed, then libraries nothing loads removed."""
    languages = app_languages()
    twins = [e for e in binaries if _compiled_twin(e[0])]
    binaries = [e for e in binaries if not _compiled_twin(e[0])]
    for dest, source, _kind in twins:  # the Python module each compiled one was built from
        py = _EXTENSION.sub(".py", source)
        if os.path.isfile(py):
            datas.append((_EXTENSION.sub(".py", dest), py, "DATA"))
    binaries = [e for e in binaries if keep_qt_file(e[0], languages)]
    datas = [e for e in datas if keep_qt_file(e[0], languages)]
    binaries, dropped = prune_libraries(binaries)
    print(f"trim: {len(dropped)} libraries no kept plugin or module loads were left out")
    return binaries, datas
