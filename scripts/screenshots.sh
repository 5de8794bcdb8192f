#!/bin/sh
# Screenshots of every screen, in French, from the demo course, under Xvfb at 1366×768.
# Output: docs/screenshots/*.png. Needs xvfb (xvfb-run) and, for the video, libVLC.
set -eu
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
"$PYTHON" scripts/build_translations.py >/dev/null
export LANG=fr_FR.UTF-8 LANGUAGE=fr QT_QPA_PLATFORM=xcb
exec xvfb-run -a -s "-screen 0 1366x768x24" "$PYTHON" scripts/screenshots.py
