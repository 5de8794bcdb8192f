#!/usr/bin/env bash
# Build the lean FFmpeg the Linux bundle ships: libavcodec.so.59 and libavutil.so.57 from the
# SAME source release as the system's libavcodec59 (so VLC's avcodec plugin, built against it,
# loads them unchanged), with only the decoders a course uses (H.264, VP9, AAC) and no external
# library at all (Opus is decoded by VLC's own opus plugin, with libopus). Debian's libavcodec.so.59 links 36 codec libraries (x265, codec2,
# SVT-AV1, librsvg and through it ICU's 30 MB of data...): about 130 MB a player never calls.
#
# The source comes from the Debian archive through apt (`apt-get source`, checked against the
# signed Sources index), using a temporary deb-src list; nothing in /etc/apt is changed.
# Needs: gcc, make, nasm (scripts/install.sh installs them), xz.
# Output: build/ffmpeg/lib/{libavcodec.so.59,libavutil.so.57}; reused while the version and
# this script's configure line are unchanged.
# Usage: bash packaging/build-ffmpeg.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/build/ffmpeg"
SRC="$ROOT/build/ffmpeg-src"
# The system's FFmpeg release (e.g. 5.1.9): the bundled libraries must match its ABI.
VERSION="$(dpkg-query -W -f='${source:Upstream-Version}' libavcodec59)"
DECODERS="h264,vp9,aac,aac_latm"
PARSERS="h264,vp9,aac,aac_latm"
CONFIGURE=(
    --prefix="$OUT" --enable-shared --disable-static --enable-pic
    --disable-programs --disable-doc --disable-debug --disable-network
    --disable-autodetect --disable-everything
    --disable-avdevice --disable-avformat --disable-avfilter --disable-swscale
    --disable-swresample --disable-postproc
    --enable-decoder="$DECODERS" --enable-parser="$PARSERS"
)
STAMP="$VERSION ${CONFIGURE[*]}"
if [ -f "$OUT/stamp" ] && [ "$(cat "$OUT/stamp")" = "$STAMP" ]; then
    echo "ffmpeg $VERSION (lean) already built in $OUT"
    exit 0
fi

mkdir -p "$SRC"
TARBALL="$SRC/ffmpeg_$VERSION.orig.tar.xz"
if [ ! -f "$TARBALL" ]; then
    APT="$(mktemp -d)"
    trap 'rm -rf "$APT"' EXIT
    mkdir -p "$APT/parts" "$APT/lists/partial" "$APT/cache/archives/partial"
    # deb-src twins of the system's own sources (deb822 .sources files, or one-line lists).
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] && sed 's/^Types: deb$/Types: deb-src/' "$f" > "$APT/parts/$(basename "$f")"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] && sed -n 's/^deb /deb-src /p' "$f" >> "$APT/parts/from-lists.list"
    done
    OPTS=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$APT/parts"
          -o "Dir::State::Lists=$APT/lists" -o "Dir::Cache=$APT/cache"
          -o "Debug::NoLocking=1")
    apt-get "${OPTS[@]}" -q update
    (cd "$SRC" && apt-get "${OPTS[@]}" -q source --download-only "ffmpeg=$(dpkg-query -W -f='${source:Version}' libavcodec59)")
fi
rm -rf "$SRC/ffmpeg-$VERSION"
tar -C "$SRC" -xJf "$TARBALL"
cd "$SRC/ffmpeg-$VERSION"
./configure "${CONFIGURE[@]}" > "$SRC/configure.log" 2>&1
make -j"$(nproc)" > "$SRC/make.log" 2>&1
rm -rf "$OUT"
make install > /dev/null
echo "$STAMP" > "$OUT/stamp"
echo "ffmpeg $VERSION (lean: $DECODERS) built in $OUT"
