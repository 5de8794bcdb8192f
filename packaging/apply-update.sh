#!/bin/sh
# Apply an offline Course Player update (made by packaging/app_update.py delta) to an installed
# bundle, with POSIX tools only. Nothing is changed until every file is verified:
#   1. the files this update carries are checked against SHA256SUMS;
#   2. the new version is built beside the installed one (COURSE-PLAYER.new), from hard links
#      (or copies) of the unchanged files and the carried ones, then checked file by file;
#   3. two renames swap it in; the old version stays as COURSE-PLAYER.previous.
# Usage: sh apply-update.sh /path/to/course-player      (close the app first)
# It checks every byte against the update's lists but NOT the release signature (that needs the
# app): where the app runs, prefer `course-player app-update apply` (packaging/README.md).
# Learners' data in a portable folder (course-player-data/, portable.txt) comes along untouched.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 1 ] || { echo "usage: sh $0 /path/to/course-player" >&2; exit 2; }
APP=$(cd "$1" && pwd)
[ -x "$APP/course-player" ] || { echo "$APP is not a Course Player folder" >&2; exit 2; }
NEW="$APP.new"
OLD="$APP.previous"
VERSION=$(cat "$HERE/VERSION")

echo "checking the update (version $VERSION)..."
if [ -s "$HERE/CARRIED.sha256" ]; then
    (cd "$HERE/files" && sha256sum -c --quiet "$HERE/CARRIED.sha256") || {
        echo "the update is damaged; nothing was changed" >&2; exit 1; }
fi

echo "building the new version beside $APP..."
rm -rf "$NEW"
cp -al "$APP" "$NEW" 2>/dev/null || { rm -rf "$NEW"; cp -a "$APP" "$NEW"; }
[ -s "$HERE/CARRIED" ] && (cd "$HERE/files" && while IFS= read -r path; do
    mkdir -p "$NEW/$(dirname "$path")"
    rm -f "$NEW/$path"                 # a hard link: never write through it into the old version
    cp -p "$path" "$NEW/$path"
done < "$HERE/CARRIED")
# Files the old release had and this one has not (nothing else: a portable data folder and
# portable.txt stay), then the symbolic links.
(cd "$NEW" && while IFS= read -r path; do rm -f "$path"; done < "$HERE/REMOVED")
while IFS=' ' read -r path target; do
    rm -f "$NEW/$path"
    ln -s "$target" "$NEW/$path"
done < "$HERE/LINKS"
# The new release's list, kept in the folder: `course-player app-update` reads the installed
# version from it.
rm -f "$NEW/release.files.json" "$NEW/release.files.json.sig"   # hard links to the old ones
cp "$HERE/files.json" "$NEW/release.files.json"
cp "$HERE/files.json.sig" "$NEW/release.files.json.sig"
(cd "$NEW" && sha256sum -c --quiet "$HERE/SHA256SUMS") || {
    rm -rf "$NEW"; echo "the new version does not check out; nothing was changed" >&2; exit 1; }

rm -rf "$OLD"
mv "$APP" "$OLD"
mv "$NEW" "$APP"
echo "Course Player $VERSION installed in $APP (the previous version is in $OLD)"
