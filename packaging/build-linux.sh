#!/usr/bin/env bash
# Build the one-folder Linux bundle (build/dist/course-player), its download archive
# (build/dist/course-player-VERSION-linux-ARCH.tar.xz, xz -9) and the files an offline app update
# needs (packaging/README.md, "App updates"); print the size table and fail above the budget
# (150 MB on disk, 60 MB archive); then smoke-test the bundle from a copy in a fresh folder with
# no Python on PATH: --version, --exit-when-ready, pack, verify, the stats and app-update
# sub-commands, and play-check of the demo's video and audio (and of a VP9/Opus WebM) through
# the bundled libVLC with dummy outputs.
# Usage: bash packaging/build-linux.sh [--no-smoke]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY=.venv/bin/python
$PY -m pip install --quiet 'pyinstaller>=6.5'
$PY scripts/build_translations.py
bash packaging/build-ffmpeg.sh
$PY -m PyInstaller --noconfirm --log-level WARN \
    --distpath build/dist --workpath build/work packaging/course-player-linux.spec
BUNDLE="$ROOT/build/dist/course-player"
cp packaging/linux/course-player.desktop "$BUNDLE/"
[ -f assets/icons/course-player.png ] && cp assets/icons/course-player.png "$BUNDLE/"

VERSION="$($PY -c 'import player; print(player.__version__)')"
NAME="course-player-$VERSION-linux-$(uname -m)"
ARCHIVE="$ROOT/build/dist/$NAME.tar.xz"
# The release's file list, signed with the release key when COURSE_PLAYER_RELEASE_KEY names
# its file (packaging/README.md, "App updates, offline"), and kept in the bundle: an installed
# app reads its version there when an update comes.
KEY_ARGS=()
rm -f "build/dist/$NAME.files.json.sig"
[ -n "${COURSE_PLAYER_RELEASE_KEY:-}" ] && KEY_ARGS=(--key "$COURSE_PLAYER_RELEASE_KEY")
$PY packaging/app_update.py manifest "$BUNDLE" --version "$VERSION" \
    --out "build/dist/$NAME.files.json" "${KEY_ARGS[@]}"
cp "build/dist/$NAME.files.json" "$BUNDLE/release.files.json"
if [ -f "build/dist/$NAME.files.json.sig" ]; then
    cp "build/dist/$NAME.files.json.sig" "$BUNDLE/release.files.json.sig"
else
    echo "note: the file list is not signed (no COURSE_PLAYER_RELEASE_KEY): no update can be made from it"
fi
# Sorted names, fixed owner and times: the same bundle gives the same archive.
tar -C build/dist --sort=name --owner=0 --group=0 --numeric-owner --mtime='2020-01-01' \
    -cf - course-player | xz -9 -T"$(nproc)" > "$ARCHIVE"
(cd build/dist && sha256sum "$NAME.tar.xz" > "$NAME.tar.xz.sha256")
echo "bundle: $(du -sh "$BUNDLE" | cut -f1) in $BUNDLE; archive: $ARCHIVE"
$PY packaging/size_report.py "$BUNDLE" --archive "$ARCHIVE"
[ "${1:-}" = "--no-smoke" ] && exit 0

SMOKE="$(mktemp -d)"
trap 'rm -rf "$SMOKE"' EXIT
mkdir "$SMOKE/app"
tar -C "$SMOKE/app" -xJf "$ARCHIVE"   # what a user unpacks
mkdir "$SMOKE/empty-path"
run() {
    env -i HOME="$SMOKE/home" PATH="$SMOKE/empty-path" QT_QPA_PLATFORM=offscreen \
        COURSE_PLAYER_HOME="$SMOKE/data" "$SMOKE/app/course-player/course-player" "$@"
}
run --version
run list                      # a fresh data folder: the bundled demo course is installed
run --exit-when-ready | tee "$SMOKE/ready.txt"
grep -q "ready: 1 course(s) in the library" "$SMOKE/ready.txt"
run pack "$ROOT/assets/demo-course" --out "$SMOKE/demo.zip"
run verify "$SMOKE/demo.zip"
MEDIA=("$ROOT/assets/demo-course/media/clarte-240.mp4" "$ROOT/assets/demo-course/media/clarte.m4a")
if command -v ffmpeg > /dev/null; then  # WebM: VP9 video, Opus audio
    ffmpeg -loglevel error -f lavfi -i testsrc=size=320x240:rate=25 -f lavfi \
        -i sine=frequency=440 -t 4 -c:v libvpx-vp9 -deadline realtime -c:a libopus \
        "$SMOKE/vp9-opus.webm"
    MEDIA+=("$SMOKE/vp9-opus.webm")
fi
run hubs --wait 0.5           # the hub's libraries load from their Python sources
run stats --help > /dev/null  # sub-commands imported by name are in the bundle
run app-update --help > /dev/null
run play-check "${MEDIA[@]}" | tee "$SMOKE/play.txt"
[ "$(grep -c '^OK: ' "$SMOKE/play.txt")" = "${#MEDIA[@]}" ]
echo "smoke test passed"
