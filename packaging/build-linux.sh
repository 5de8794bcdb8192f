#!/usr/bin/env bash
# Build the one-folder Linux bundle (build/dist/course-player) and smoke-test it from a copy in a
# fresh folder with no Python on PATH: --version, --exit-when-ready, pack and verify.
# Usage: bash packaging/build-linux.sh [--no-smoke]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY=.venv/bin/python
$PY -m pip install --quiet 'pyinstaller>=6.5'
$PY scripts/build_translations.py
$PY -m PyInstaller --noconfirm --log-level WARN \
    --distpath build/dist --workpath build/work packaging/course-player-linux.spec
BUNDLE="$ROOT/build/dist/course-player"
cp packaging/linux/course-player.desktop "$BUNDLE/"
[ -f assets/icons/course-player.png ] && cp assets/icons/course-player.png "$BUNDLE/"
echo "bundle: $(du -sh "$BUNDLE" | cut -f1) in $BUNDLE"
[ "${1:-}" = "--no-smoke" ] && exit 0

SMOKE="$(mktemp -d)"
trap 'rm -rf "$SMOKE"' EXIT
cp -a "$BUNDLE" "$SMOKE/app"
mkdir "$SMOKE/empty-path"
run() {
    env -i HOME="$SMOKE/home" PATH="$SMOKE/empty-path" QT_QPA_PLATFORM=offscreen \
        COURSE_PLAYER_HOME="$SMOKE/data" "$SMOKE/app/course-player" "$@"
}
run --version
run list                      # a fresh data folder: the bundled demo course is installed
run --exit-when-ready | tee "$SMOKE/ready.txt"
grep -q "ready: 1 course(s) in the library" "$SMOKE/ready.txt"
run pack "$ROOT/assets/demo-course" --out "$SMOKE/demo.zip"
run verify "$SMOKE/demo.zip"
echo "smoke test passed"
