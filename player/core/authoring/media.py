"""Media preparation at pack time, run before the package's files are hashed.

For every video lesson: check its files exist and ffmpeg can read them, store ``duration``;
when its source is a single file (``"source": "raw/intro.mp4"``, or one ``sources`` entry
without ``height``) and variants are asked for, encode one file per variant (in parallel, with
an encode cache) and list them as ``sources``. Subtitles: ``.srt`` becomes ``.vtt``, ``.vtt``
is checked. Nothing is written outside ``work_dir`` and the cache, so a failure leaves no
half-written package.
"""

from __future__ import annotations

import copy
import os
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from player.core.authoring.encode import (
    EncodeCache,
    EncodeSettings,
    Running,
    Variant,
    encode,
    parse_variants,
    sha256_file,
)
from player.core.authoring.pictures import COVER, COVER_NAME, THUMBNAIL, still, thumbnail_name
from player.core.authoring.probe import MediaInfo, probe
from player.core.authoring.subtitles import check_vtt, srt_to_vtt
from player.core.authoring.tools import FFmpeg, find_ffmpeg
from player.core.errors import AuthoringError
from player.core.package.manifest import ITEM_ID_RE, path_problem
from player.core.paths import default_data_dir
from player.core.progress import ProgressCallback, ProgressMeter, ignore_progress

MEDIA_FOLDER = "media"
CACHE_FOLDER = "encode-cache"


def default_cache_dir() -> Path:
    """Encodes are kept in the data folder unless ``--cache DIR`` says otherwise."""
    return default_data_dir().root / CACHE_FOLDER


@dataclass
class PreparedMedia:
    document: dict[str, Any]  # the manifest document, rewritten
    generated: dict[str, Path]  # package path -> file on disk (in the cache or work_dir)
    warnings: list[str] = field(default_factory=list)
    pictures: dict[str, Path] = field(default_factory=dict)  # covers and thumbnails made
    encoded: int = 0  # files encoded by this run (cache misses)
    cached: int = 0  # files taken from the encode cache
    probed: int = 0


@dataclass
class _Job:
    lesson_id: str
    package_path: str
    source: Path
    source_name: str
    info: MediaInfo
    settings: EncodeSettings
    output: Path
    cached: bool


def prepare_media(
    source_dir: Path,
    document: dict[str, Any],
    *,
    variants: list[Variant] | str | None = None,
    work_dir: Path,
    cache_dir: Path | None = None,
    progress: ProgressCallback = ignore_progress,
    warn: Callable[[str], None] | None = None,
    tools: FFmpeg | None = None,
    workers: int | None = None,
) -> PreparedMedia:
    """Rewrite ``document`` (a ``course.yaml`` document) with probed, encoded, converted media.

    ``variants`` (``"480,240,audio"`` or parsed) overrides a ``variants:`` key in the document;
    with neither, single sources are kept as they are (their ``height`` filled in).
    """
    prep = _Preparation(source_dir, work_dir, warn, tools)
    document = copy.deepcopy(document)
    declared = document.pop("variants", None)
    chosen: list[Variant] | None
    if isinstance(variants, str):
        chosen = parse_variants(variants)
    elif variants is not None:
        chosen = list(variants)
    elif declared is not None:
        chosen = parse_variants(declared, origin="course.yaml: variants")
    else:
        chosen = None
    jobs: list[_Job] = []
    for lesson in _video_lessons(document):
        jobs += prep.lesson(lesson, chosen)
    for lesson in _all_lessons(document):
        prep.subtitles(lesson)
    result = PreparedMedia(document, prep.generated, prep.warnings, probed=prep.probed)
    if jobs:
        cache = EncodeCache(cache_dir or default_cache_dir())
        _plan_cache(jobs, cache)
        _run_jobs(jobs, progress, prep.tools, workers)
        for job in jobs:
            result.generated[job.package_path] = job.output
        result.encoded = sum(not job.cached for job in jobs)
        result.cached = sum(job.cached for job in jobs)
    if prep.picture_sources:  # ffmpeg read at least one video
        result.pictures = make_pictures(prep.tools, document, prep.picture_sources, work_dir)
        result.generated.update(result.pictures)
    return result


def make_pictures(
    tools: FFmpeg, document: dict[str, Any], videos: dict[str, Path], work_dir: Path
) -> dict[str, Path]:
    """Give each video lesson without a ``thumbnail`` one, and the course a ``cover`` when it
    has none (from its first video); return {package path: file made}."""
    made: dict[str, Path] = {}
    first: Path | None = None
    for lesson in _video_lessons(document):
        lesson_id = lesson.get("id")
        video = videos.get(lesson_id) if isinstance(lesson_id, str) else None
        if video is None or not isinstance(lesson_id, str) or not ITEM_ID_RE.match(lesson_id):
            continue
        first = first or video
        if lesson.get("thumbnail") is None:
            name = thumbnail_name(lesson_id)
            made[name] = still(tools, video, work_dir / name, THUMBNAIL, name=str(video.name))
            lesson["thumbnail"] = name
    if document.get("cover") is None and first is not None:
        made[COVER_NAME] = still(tools, first, work_dir / COVER_NAME, COVER, name=first.name)
        document["cover"] = COVER_NAME
    return made


def _all_lessons(document: dict[str, Any]) -> list[dict[str, Any]]:
    modules = document.get("modules")
    lessons: list[dict[str, Any]] = []
    for module in modules if isinstance(modules, list) else []:
        if isinstance(module, dict) and isinstance(module.get("lessons"), list):
            lessons += [les for les in module["lessons"] if isinstance(les, dict)]
    return lessons


def _video_lessons(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [lesson for lesson in _all_lessons(document) if lesson.get("type") == "video"]


class _Preparation:
    def __init__(
        self,
        source_dir: Path,
        work_dir: Path,
        warn: Callable[[str], None] | None,
        tools: FFmpeg | None,
    ) -> None:
        self.source_dir = source_dir
        self.work_dir = work_dir
        self._warn = warn
        self._tools = tools
        self._no_ffmpeg: AuthoringError | None = None
        self.generated: dict[str, Path] = {}
        self.warnings: list[str] = []
        self.probed = 0
        self.picture_sources: dict[str, Path] = {}  # lesson id -> the video its picture shows

    @property
    def tools(self) -> FFmpeg:
        if self._tools is None:
            self._tools = find_ffmpeg()
        return self._tools

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        if self._warn is not None:
            self._warn(message)

    def file(self, where: str, name: Any, what: str) -> Path:
        if not isinstance(name, str):
            raise AuthoringError(f"{where}: the {what} file must be a path such as media/a.mp4.")
        problem = path_problem(name)
        if problem:
            raise AuthoringError(f"{where}: {what} path {name!r} {problem}.")
        path = self.source_dir / name
        if not path.is_file():
            raise AuthoringError(f"{where}: {what} file {name} is missing from the source folder.")
        if path.stat().st_size == 0:
            raise AuthoringError(f"{where}: {what} file {name} is empty (0 bytes).")
        return path

    def probe(self, path: Path, name: str, *, required: bool) -> MediaInfo | None:
        if self._no_ffmpeg is None:
            try:
                tools = self.tools
            except AuthoringError as error:
                self._no_ffmpeg = error
                if not required:
                    self.warn(f"{error} Media files are not probed; durations are not stored.")
        if self._no_ffmpeg is not None:
            if required:
                raise self._no_ffmpeg
            return None
        self.probed += 1
        return probe(tools, path, name=name)

    def lesson(self, lesson: dict[str, Any], variants: list[Variant] | None) -> list[_Job]:
        lesson_id = lesson.get("id")
        where = f"lesson {lesson_id!r}"
        single = self._single_source(lesson, where)
        if single is None:
            self._check_sources(lesson, where)
            return []
        path = self.file(where, single, "video")
        info = self.probe(path, single, required=True)
        assert info is not None
        if info.has_video and isinstance(lesson_id, str):
            self.picture_sources[lesson_id] = path
        lesson["duration"] = round(info.duration, 3)
        if variants is None:
            entry: dict[str, Any] = {"file": single}
            if info.has_video and info.height:
                entry["height"] = info.height
            else:
                entry["audio_only"] = True
            lesson["sources"] = [entry]
            return []
        if not isinstance(lesson_id, str) or not ITEM_ID_RE.match(lesson_id):
            raise AuthoringError(f"{where}: a video lesson needs a valid id to name its variants.")
        jobs = []
        for variant in self._feasible(variants, info, where, single):
            settings = EncodeSettings.for_variant(variant)
            stem = lesson_id if variant.audio_only else f"{lesson_id}-{variant.height}"
            package_path = f"{MEDIA_FOLDER}/{stem}{settings.suffix}"
            if (self.source_dir / package_path).exists():
                raise AuthoringError(
                    f"{where}: the variant {package_path} would replace a file of the same "
                    "name in the source folder; rename that file."
                )
            jobs.append(_Job(lesson_id, package_path, path, single, info, settings, path, False))
        lesson["sources"] = [
            {"file": job.package_path, "audio_only": True}
            if job.settings.height == 0
            else {"file": job.package_path, "height": job.settings.height}
            for job in jobs
        ]
        return jobs

    def _single_source(self, lesson: dict[str, Any], where: str) -> str | None:
        if "source" in lesson:
            if "sources" in lesson:
                raise AuthoringError(f"{where}: give either 'source' or 'sources', not both.")
            single = lesson.pop("source")
            if not isinstance(single, str):
                raise AuthoringError(f"{where}: 'source' must be a file path such as raw/a.mp4.")
            return single
        sources = lesson.get("sources")
        if (
            isinstance(sources, list)
            and len(sources) == 1
            and isinstance(sources[0], dict)
            and sources[0].get("height") is None
            and not sources[0].get("audio_only")
        ):
            file = sources[0].get("file")
            return file if isinstance(file, str) else None
        return None

    def _check_sources(self, lesson: dict[str, Any], where: str) -> None:
        """Sources made by the author: probe each, keep the longest duration."""
        sources = lesson.get("sources")
        durations = []
        tallest = 0
        for entry in sources if isinstance(sources, list) else []:
            if not isinstance(entry, dict):
                continue
            name = entry.get("file")
            path = self.file(where, name, "video")
            info = self.probe(path, str(name), required=False)
            if info is None:
                continue
            durations.append(info.duration)
            height = entry.get("height")
            if entry.get("audio_only") is True:
                if not info.has_audio:
                    raise AuthoringError(f"{name}: listed as audio only, but it has no sound.")
            elif not info.has_video:
                raise AuthoringError(f"{name}: listed with a height, but it has no picture.")
            elif isinstance(height, int) and info.height and height != info.height:
                self.warn(f"{where}: {name} is listed as {height}p but is {info.height} tall.")
            lesson_id = lesson.get("id")
            if info.has_video and (info.height or 1) > tallest and isinstance(lesson_id, str):
                tallest = info.height or 1
                self.picture_sources[lesson_id] = path
        if durations:
            lesson["duration"] = round(max(durations), 3)

    def _feasible(
        self, variants: list[Variant], info: MediaInfo, where: str, name: str
    ) -> list[Variant]:
        chosen = []
        for variant in variants:
            if variant.audio_only:
                if info.has_audio:
                    chosen.append(variant)
                else:
                    self.warn(f"{where}: no audio-only file, {name} has no sound.")
            elif not info.has_video or not info.height:
                self.warn(f"{where}: no {variant.label} variant, {name} has no picture.")
            elif variant.height > info.height:
                self.warn(
                    f"{where}: {variant.label} skipped, {name} is only {info.height} pixels tall."
                )
            else:
                chosen.append(variant)
        wanted_picture = any(not v.audio_only for v in variants)
        if wanted_picture and info.height and all(v.audio_only for v in chosen):
            own = Variant(info.height)
            self.warn(f"{where}: {name} encoded at its own height ({own.label}) instead.")
            chosen.insert(0, own)
        if not chosen:
            raise AuthoringError(f"{where}: none of the variants can be made from {name}.")
        return chosen

    def subtitles(self, lesson: dict[str, Any]) -> None:
        entries = lesson.get("subtitles")
        where = f"lesson {lesson.get('id')!r}"
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict):
                continue
            name = entry.get("file")
            path = self.file(where, name, "subtitle")
            assert isinstance(name, str)
            suffix = PurePosixPath(name).suffix.lower()
            if suffix == ".vtt":
                check_vtt(path, name)
            elif suffix == ".srt":
                target = str(PurePosixPath(name).with_suffix(".vtt"))
                if (self.source_dir / target).exists() or target in self.generated:
                    raise AuthoringError(
                        f"{name}: converting it would replace {target}; keep only one of them."
                    )
                out = self.work_dir / "subtitles" / target
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(srt_to_vtt(path, name), encoding="utf-8")
                self.generated[target] = out
                entry["file"] = target
            else:
                raise AuthoringError(f"{where}: subtitles must be .srt or .vtt files, not {name}.")


def _plan_cache(jobs: list[_Job], cache: EncodeCache) -> None:
    hashes: dict[Path, str] = {}
    for job in jobs:
        if job.source not in hashes:
            hashes[job.source] = sha256_file(job.source)
        key = cache.key(hashes[job.source], job.settings)
        hit = cache.lookup(key, job.settings.suffix)
        job.cached = hit is not None
        job.output = hit or cache.path(key, job.settings.suffix)


def _run_jobs(
    jobs: list[_Job], progress: ProgressCallback, tools: FFmpeg, workers: int | None
) -> None:
    """Encode the cache misses in parallel; progress counts milliseconds of media encoded."""
    todo = [job for job in jobs if not job.cached]
    total_ms = sum(round(job.info.duration * 1000) for job in jobs)
    lock = threading.Lock()
    if not todo:
        note = f"all {len(jobs)} encoded files taken from the cache"
        ProgressMeter(total_ms, progress, label=note, done=total_ms).finish()
        return
    meter = ProgressMeter(total_ms, progress, label=f"encoding 0/{len(todo)} files")
    meter.add(sum(round(job.info.duration * 1000) for job in jobs if job.cached))
    cpus = os.cpu_count() or 1
    workers = max(1, min(len(todo), workers or cpus))
    threads = cpus  # x264 threads: a long job left alone at the end still uses every core
    running = Running()
    reported: dict[str, int] = {}
    finished: list[str] = []

    def label() -> str:
        busy = [
            f"{path.rsplit('/', 1)[-1]} {100 * reported[path] // _ms(job):d}%"
            for job in todo
            if (path := job.package_path) in reported and path not in finished
        ]
        return f"encoding {len(finished)}/{len(todo)} files  " + "  ".join(busy)

    def run(job: _Job) -> None:
        def on_time(seconds: float) -> None:
            with lock:
                done = min(_ms(job), round(seconds * 1000))
                step = done - reported.get(job.package_path, 0)
                reported[job.package_path] = max(done, reported.get(job.package_path, 0))
                meter.add(max(0, step), label=label())

        with lock:
            reported[job.package_path] = 0
        try:
            encode(
                tools,
                job.source,
                job.info,
                job.settings,
                job.output,
                name=job.source_name,
                threads=threads,
                on_time=on_time,
                running=running,
            )
        except BaseException as error:
            with lock:
                if not running.stopped.is_set():
                    errors.append(error)
            running.stop_all()
            raise
        with lock:
            finished.append(job.package_path)
            meter.add(_ms(job) - reported[job.package_path], label=label())
            reported[job.package_path] = _ms(job)

    errors: list[BaseException] = []  # the first failure, the one to show
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="encode") as pool:
        futures = [pool.submit(run, job) for job in todo]
        wait(futures, return_when=FIRST_EXCEPTION)
        if running.stopped.is_set():
            for future in futures:
                future.cancel()
        wait(futures)
    if errors:
        raise errors[0]


def _ms(job: _Job) -> int:
    return max(1, round(job.info.duration * 1000))


class MediaPreparer:
    """``pack(..., prepare_media=MediaPreparer(...))``; ``result`` holds what the run did.

    ``progress``, when given, replaces pack's callback for the encoding stage (whose units are
    milliseconds of media, not bytes).
    """

    def __init__(
        self,
        *,
        variants: list[Variant] | str | None = None,
        cache_dir: Path | None = None,
        warn: Callable[[str], None] | None = None,
        progress: ProgressCallback | None = None,
        tools: FFmpeg | None = None,
    ) -> None:
        self.variants = parse_variants(variants) if isinstance(variants, str) else variants
        self.cache_dir = cache_dir
        self.warn = warn
        self.progress = progress
        self.tools = tools
        self.result: PreparedMedia | None = None

    def __call__(
        self,
        source_dir: Path,
        document: dict[str, Any],
        work_dir: Path,
        pack_progress: ProgressCallback,
    ) -> tuple[dict[str, Any], dict[str, Path]]:
        self.result = prepare_media(
            source_dir,
            document,
            variants=self.variants,
            work_dir=work_dir,
            cache_dir=self.cache_dir,
            progress=self.progress or pack_progress,
            warn=self.warn,
            tools=self.tools,
        )
        return self.result.document, self.result.generated
