#!/usr/bin/env bash
# Install what the app needs on Debian/Ubuntu (run as root, or with sudo available):
# system libVLC and Qt's X11 libraries, then a Python venv in .venv with the app in it.
# Usage: scripts/install.sh [--test]   (--test adds what the test suite needs)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WITH_TESTS=0
[ "${1:-}" = "--test" ] && WITH_TESTS=1

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

APP_PACKAGES="python3 python3-venv python3-pip libvlc5 libvlc-bin vlc-plugin-base
  vlc-plugin-video-output libxcb-icccm4 libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1
  libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
  libxcb-randr0 libxcb-render0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0
  libxcb-xkb1 libx11-xcb1 libxkbcommon0 libglib2.0-0 libfontconfig1 libfreetype6
  libdbus-1-3 fontconfig fonts-dejavu-core"
TEST_PACKAGES="xvfb xauth nginx-light ffmpeg espeak-ng imagemagick xdotool poppler-utils util-linux
  chromium dbus-daemon at-spi2-core python3-pyatspi"
# chromium: the stats HTML report is rendered headless and looked at; dbus-daemon, at-spi2-core,
# python3-pyatspi: the accessibility bus the screen-reader test reads (tests/fixtures/atspi.py)
# node runs Learning Locker's xAPI validator in the statement tests; Debian's package when the
# machine has no node of its own
if [ "$WITH_TESTS" = 1 ] && ! { command -v node && command -v npm; } >/dev/null; then
    TEST_PACKAGES="$TEST_PACKAGES nodejs npm"
fi

PACKAGES="$APP_PACKAGES"
[ "$WITH_TESTS" = 1 ] && PACKAGES="$PACKAGES $TEST_PACKAGES"
missing=""
for package in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing="$missing $package"
done
if [ -n "$missing" ]; then
    echo "Installing Debian packages:$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "$WITH_TESTS" = 1 ]; then
    .venv/bin/python -m pip install --quiet -e ".[test,reports]"
    bash scripts/setup-ralph.sh
    # @learninglocker/xapi-validation, pinned by tests/xapi-validation/package-lock.json
    mkdir -p .test-env/xapi-validation
    cp tests/xapi-validation/package.json tests/xapi-validation/package-lock.json \
        .test-env/xapi-validation/
    (cd .test-env/xapi-validation && npm ci --no-audit --no-fund --silent)
else
    .venv/bin/python -m pip install --quiet -e .
fi
.venv/bin/python scripts/build_translations.py
