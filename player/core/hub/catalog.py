"""The hub's courses: what ``/courses`` lists and which file answers each package URL.

A course is served in exactly the form a published package folder has, so ``install`` reads it
with its ordinary HTTP source: ``/courses/<id>/course.json`` (the installed manifest's exact
bytes), ``/courses/<id>/course.json.sig`` when the course was signed, and each member at its
manifest path, read from the content-addressed object store. Only members installed here are
served; a quality the hub did not install answers 404 and the listing says which are complete.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from player.core.context import Context
from player.core.errors import PlayerError
from player.core.install import QUALITIES, select_files
from player.core.package.manifest import MANIFEST_NAME, SIGNATURE_NAME, FileEntry, path_problem


@dataclass(frozen=True, slots=True)
class ServedFile:
    path: Path
    size: int


def course_listing(ctx: Context) -> list[dict[str, object]]:
    """Ids, versions, titles and sizes per quality of the installed courses (``/courses``)."""
    courses = []
    for row in ctx.db.query(
        "SELECT id, version, title, language, manifest_sha256 FROM courses ORDER BY title"
    ):
        try:
            manifest = ctx.manifest(row["id"])
        except (PlayerError, OSError):
            continue
        installed = ctx.installed_members(row["id"])
        qualities: dict[str, dict[str, object]] = {}
        for quality in QUALITIES:
            files = select_files(manifest, quality)
            qualities[quality] = {
                "bytes": sum(entry.size for entry in files),
                "complete": all(entry.path in installed for entry in files),
            }
        folder = ctx.manifest_folder(row["id"], row["manifest_sha256"])
        courses.append(
            {
                "id": row["id"],
                "version": row["version"],
                "title": row["title"],
                "language": row["language"],
                "manifest_sha256": row["manifest_sha256"],
                "signed": (folder / SIGNATURE_NAME).is_file(),
                "url": f"/courses/{row['id']}/{MANIFEST_NAME}",
                "qualities": qualities,
                "bytes": sum(e.size for e in manifest.files.values() if e.path in installed),
            }
        )
    return courses


def served_file(ctx: Context, course_id: str, member: str) -> ServedFile | None:
    """The file on disk for ``/courses/<course_id>/<member>``, or None (404)."""
    row = ctx.course_row(course_id)
    if row is None:
        return None
    if member in (MANIFEST_NAME, SIGNATURE_NAME):
        path = ctx.manifest_folder(course_id, row["manifest_sha256"]) / member
        try:
            return ServedFile(path, path.stat().st_size)
        except OSError:
            return None
    if path_problem(member) is not None:
        return None
    found = next(
        ctx.db.query(
            "SELECT sha256, size FROM course_files WHERE course_id = ? AND path = ?",
            [course_id, member],
        ),
        None,
    )
    if found is None:
        return None
    path = ctx.objects.path_for(FileEntry(member, found["size"], found["sha256"]))
    return ServedFile(path, found["size"]) if path.is_file() else None
