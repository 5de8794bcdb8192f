#!/bin/sh
# Screenshots of every screen, in French, from the demo course, under Xvfb: light and dark
# colour schemes, at 1366×768 and at the netbook size 1024×600.
# Output: docs/screenshots/<scheme>-<size>/*.png. Needs xvfb (xvfb-run) and, for the video,
# libVLC.
set -eu
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
"$PYTHON" scripts/build_translations.py >/dev/null
export LANG=fr_FR.UTF-8 LANGUAGE=fr QT_QPA_PLATFORM=xcb
for scheme in ${SCHEMES:-light dark}; do
    for size in ${SIZES:-1366x768 1024x600}; do
        COURSE_PLAYER_COLOR_SCHEME="$scheme" SCREENSHOTS_SIZE="$size" \
            SCREENSHOTS_SUBDIR="$scheme-$size" \
            xvfb-run -a -s "-screen 0 ${size}x24" "$PYTHON" scripts/screenshots.py
    done
done
