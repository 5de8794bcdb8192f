#!/usr/bin/env bash
# Install the Ralph LRS (used by the sync tests and benchmark) in its own venv.
# Idempotent: does nothing when the right version is already there.
# Usage: scripts/setup-ralph.sh [VENV_DIR]   (default: .test-env/ralph-venv in the repository)
set -euo pipefail

RALPH_VERSION="5.1.0"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${1:-${RALPH_VENV:-$ROOT/.test-env/ralph-venv}}"
PYTHON="${PYTHON:-python3}"

if [ -x "$VENV/bin/ralph" ] && [ "$("$VENV/bin/ralph" --version 2>/dev/null)" = "ralph, version $RALPH_VERSION" ]; then
    echo "Ralph $RALPH_VERSION already installed in $VENV"
    exit 0
fi

mkdir -p "$(dirname "$VENV")"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet "ralph-malph[cli,lrs]==$RALPH_VERSION" requests
"$VENV/bin/ralph" --version
