#!/bin/sh
# Screenshots of every screen, in French, from the demo course, under Xvfb at 1366×768 and at
# 1024×600 (a netbook). Output: docs/screenshots/*.png and docs/screenshots/1024x600/*.png. Needs xvfb (xvfb-run) and, for the video, libVLC.
set -eu
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
"$PYTHON" scripts/build_translations.py >/dev/null
export LANG=fr_FR.UTF-8 LANGUAGE=fr QT_QPA_PLATFORM=xcb
xvfb-run -a -s "-screen 0 1366x768x24" "$PYTHON" scripts/screenshots.py
exec xvfb-run -a -s "-screen 0 1024x600x24" "$PYTHON" scripts/screenshots.py
