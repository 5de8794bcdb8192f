"""PyInstaller runtime hook: use the libVLC and plugins bundled beside the app.

Runs before any app code. python-vlc reads PYTHON_VLC_LIB_PATH / PYTHON_VLC_MODULE_PATH;
libVLC itself reads VLC_PLUGIN_PATH. A bundle built without libVLC falls back to the system's.
"""

import os
import sys

_base = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
_plugins = os.path.join(_base, "vlc", "plugins")
for _name in ("libvlc.so.5", "libvlc.dll", "libvlc.dylib"):
    _lib = os.path.join(_base, _name)
    if os.path.exists(_lib) and os.path.isdir(_plugins):
        os.environ.setdefault("PYTHON_VLC_LIB_PATH", _lib)
        os.environ.setdefault("PYTHON_VLC_MODULE_PATH", _plugins)
        os.environ.setdefault("VLC_PLUGIN_PATH", _plugins)
        break
