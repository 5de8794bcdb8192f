#!/usr/bin/env bash
# Install the app and open it (on a fresh data folder the bundled demo course is installed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/install.sh
exec .venv/bin/course-player "$@"
