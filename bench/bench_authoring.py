"""Benchmark: light variants made at pack time, against their source.

Makes a 1080p screen-recording-like source (slides of text that change every few seconds, a
moving webcam inset and pointer, a sine tone; encoded the way screen recorders do, at several
Mbit/s), then measures for each variant:

- output bytes per minute of video, and the ratio to the source's;
- encoding time per minute of video, as a ratio to real time (one variant at a time, all cores);

and the whole ``prepare_media`` run (all variants in parallel), and a re-pack served from the
encode cache. The baselines (the source's size, real time) are measured in the same run.

    .venv/bin/python bench/bench_authoring.py [--seconds 45] [--write docs/performance.md]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from player.core.authoring import (
    EncodeSettings,
    FFmpeg,
    find_ffmpeg,
    parse_variants,
    prepare_media,
    probe,
)
from player.core.authoring.encode import encode

VARIANTS = "720,480,360,240,audio"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SECTION = "## Authoring"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import replace_section  # noqa: E402


def make_source(tools: FFmpeg, out: Path, seconds: int) -> None:
    slide = 8  # seconds per slide
    text = []
    if FONT.is_file():
        text.append(
            f"drawtext=fontfile={FONT}:fontsize=72:x=120:y=90:fontcolor=0x203060"
            f":text='Partie %{{eif\\:floor(t/{slide})+1\\:d}} - écouter et reformuler'"
        )
        for row in range(6):
            words = "Reformuler, c'est redire avec ses mots ce que l'on a compris"
            text.append(
                f"drawtext=fontfile={FONT}:fontsize=40:x=140:y={260 + 90 * row}:fontcolor=0x333333"
                f":text='{row + 1}. {words}'"
                f":enable='gte(mod(t,{slide}),{row + 1})'"
            )
    boxes = [
        "drawbox=x=120:y=200:w=1680:h=6:color=0x2060c0:t=fill",
        # the pointer, wandering over the slide
        "drawbox=x='300+600*abs(sin(t/2))':y='300+300*abs(cos(t/3))':w=24:h=24:color=black:t=fill",
    ]
    graph = (
        f"color=c=0xf4f4f0:s=1920x1080:r=30:d={seconds},{','.join(text + boxes)}[slides];"
        f"testsrc2=s=384x216:r=30:d={seconds}[cam];"
        "[slides][cam]overlay=x=1480:y=820[v]"
    )
    subprocess.run(
        [
            str(tools.ffmpeg),
            "-nostdin",
            "-hide_banner",
            "-loglevel",
            "error",
            "-y",
            "-filter_complex",
            graph,
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=220:beep_factor=2:duration={seconds}:sample_rate=48000",
            "-map",
            "[v]",
            "-map",
            "0:a",
            "-c:v",
            "libx264",
            "-preset",
            "veryfast",
            "-b:v",
            "4M",
            "-maxrate",
            "4M",
            "-bufsize",
            "8M",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-b:a",
            "128k",
            "-ac",
            "2",
            str(out),
        ],
        check=True,
    )


@dataclass
class Result:
    seconds: float
    ffmpeg: str
    cpus: int
    rows: list[dict[str, Any]]
    all_variants_ratio: float
    parallel_speedup: float
    cache_ratio: float
    cache_vs_encode: float
    load: float


def run(seconds: int) -> Result:
    tools = find_ffmpeg()
    load = os.getloadavg()[0]
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-authoring-") as tmp:
        folder = Path(tmp)
        source = folder / "raw" / "talk.mp4"
        source.parent.mkdir()
        make_source(tools, source, seconds)
        info = probe(tools, source)
        minutes = info.duration / 60
        source_bytes = source.stat().st_size
        rows.append(
            {
                "variant": f"source {info.height}p",
                "bytes_per_min": source_bytes / minutes,
                "size_ratio": 1.0,
                "kbit_s": source_bytes * 8 / info.duration / 1000,
                "encode_ratio": None,
            }
        )
        for variant in parse_variants(VARIANTS):
            settings = EncodeSettings.for_variant(variant)
            out = folder / f"out-{variant}{settings.suffix}"
            started = time.perf_counter()
            encode(tools, source, info, settings, out, name="talk", threads=os.cpu_count() or 1)
            elapsed = time.perf_counter() - started
            size = out.stat().st_size
            rows.append(
                {
                    "variant": variant.label,
                    "bytes_per_min": size / minutes,
                    "size_ratio": size / source_bytes,
                    "kbit_s": size * 8 / info.duration / 1000,
                    "encode_ratio": elapsed / info.duration,
                }
            )
        document = {
            "format": 1,
            "modules": [{"lessons": [{"id": "talk", "type": "video", "source": "raw/talk.mp4"}]}],
        }
        cache = folder / "cache"
        started = time.perf_counter()
        first = prepare_media(
            folder, document, variants=VARIANTS, work_dir=folder / "w1", cache_dir=cache
        )
        parallel = time.perf_counter() - started
        started = time.perf_counter()
        again = prepare_media(
            folder, document, variants=VARIANTS, work_dir=folder / "w2", cache_dir=cache
        )
        cached = time.perf_counter() - started
        assert first.encoded == len(first.generated) and again.encoded == 0
    sequential = sum(float(r["encode_ratio"] or 0) for r in rows) * info.duration
    version = subprocess.run(
        [str(tools.ffmpeg), "-version"], capture_output=True, text=True, check=False
    ).stdout.split("\n")[0]
    return Result(
        seconds=info.duration,
        ffmpeg=f"{tools.origin} {' '.join(version.split()[:3])}",
        cpus=os.cpu_count() or 1,
        rows=rows,
        all_variants_ratio=parallel / info.duration,
        parallel_speedup=sequential / parallel,
        cache_ratio=cached / info.duration,
        cache_vs_encode=cached / parallel,
        load=max(load, os.getloadavg()[0]),
    )


def render(result: Result) -> str:
    rows = result.rows
    lines = [
        SECTION,
        "",
        "`bench/bench_authoring.py`: a "
        f"{result.seconds:.0f} s 1080p screen-recording-like source (text slides, a "
        "moving webcam inset and pointer, a tone; x264 veryfast at 4 Mbit/s + AAC 128k stereo, "
        "as a "
        f"screen recorder would save it), encoded by `pack --variants {VARIANTS}` on this "
        f"machine ({result.cpus} cores, load average up to {result.load:.1f} from other work, "
        f"{result.ffmpeg}). Sizes are compared to the "
        "source, encoding times to real time (the video's own duration), both measured in "
        "the same run.",
        "",
        "| variant | MB per minute | ÷ source | kbit/s | encode time ÷ real time |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        encode_ratio = row["encode_ratio"]
        lines.append(
            f"| {row['variant']} | {row['bytes_per_min'] / 1e6:.2f} | {row['size_ratio']:.3f} "
            f"| {row['kbit_s']:.0f} | "
            + ("—" if encode_ratio is None else f"{encode_ratio:.2f}")
            + " |"
        )
    lines += [
        "",
        f"- All five variants in one `prepare_media` run (parallel over the cores): "
        f"{result.all_variants_ratio:.2f} × real time; speed-up over encoding them one after "
        f"another: {result.parallel_speedup:.2f}.",
        f"- Re-pack with an unchanged video (encode cache hit): "
        f"{result.cache_ratio:.3f} × real time, "
        f"{result.cache_vs_encode:.4f} of the first pack's encoding time "
        "(hashing the source is what remains).",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=45)
    parser.add_argument("--write", type=Path, help="update this file's Authoring section")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.seconds)
    if args.json:
        json.dump(asdict(result), sys.stdout, indent=1)
    section = render(result)
    print(section)
    if args.write:
        replace_section(args.write, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
