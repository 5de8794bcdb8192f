#!/usr/bin/env python3
"""Regenerate the bundled demo course, ``assets/demo-course/``, from the text held below.

Run from the repository root (needs ffmpeg with libx264, espeak-ng and the DejaVu fonts;
on Debian: ``apt-get install ffmpeg espeak-ng fonts-dejavu-core``)::

    .venv/bin/python scripts/make_demo_course.py            # rewrites assets/demo-course/
    .venv/bin/python scripts/make_demo_course.py --out /tmp/demo-course

Everything is derived from the ``VIDEOS``, ``READINGS`` and manifest data in this file:
slides are drawn with ffmpeg (lavfi ``color`` + ``drawtext``), each narration sentence is
spoken by ``espeak-ng -v fr`` and becomes one WebVTT cue, the diagrams of the reading pages
are drawn with ffmpeg too, and ``course.yaml`` (the manifest without ``files``) is written
last. The output is deterministic for given tool versions (single-threaded x264, bit-exact
flags, no timestamps), so running it twice gives identical files. The generated files are
committed: the app ships them and installs them on first run.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import textwrap
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "assets" / "demo-course"

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"

VOICE = "fr"
WORDS_PER_MINUTE = 150
SAMPLE_RATE = 22050  # espeak-ng's native rate; kept for the AAC track
FPS = 10  # slides are still: few frames cost almost nothing and keep seeking cheap
KEYFRAME_EVERY = 2 * FPS
LEAD_IN = 0.6  # seconds of silence before the first sentence
SENTENCE_GAP = 0.35  # between two sentences of a slide
SLIDE_TAIL = 0.8  # after the last sentence of a slide
VIDEO_TAIL = 1.0  # after the last slide
HEIGHTS = (480, 240)
CRF = {480: 26, 240: 27}
AUDIO_BITRATE = "40k"

BACKGROUND = "0xF7F5F0"
BAND = "0x1F6F78"
ACCENT = "0xE9A23B"
INK = "0x1E2A32"
MUTED = "0x6B7780"

COURSE_TITLE = "Bien communiquer : écoute et reformulation"


@dataclass(frozen=True)
class Slide:
    title: str
    bullets: tuple[str, ...]
    narration: tuple[str, ...]  # one subtitle cue per sentence


@dataclass(frozen=True)
class Video:
    name: str  # media/<name>-480.mp4 ...
    lesson_id: str
    title: str
    module_label: str
    slides: tuple[Slide, ...]


VIDEOS: dict[str, Video] = {
    "ecoute": Video(
        name="ecoute",
        lesson_id="m1-ecoute",
        title="L'écoute active",
        module_label="Module 1 · Écouter et reformuler",
        slides=(
            Slide(
                "L'écoute active",
                (
                    "Se rendre disponible",
                    "Laisser parler sans interrompre",
                    "Montrer que l'on suit",
                ),
                (
                    "Écouter activement, c'est d'abord se rendre disponible.",
                    "On laisse la personne parler, sans l'interrompre.",
                ),
            ),
            Slide(
                "Les signes d'attention",
                (
                    "Un regard attentif",
                    "De petits encouragements : « je vois »",
                    "Des silences respectés",
                ),
                (
                    "Un regard attentif et de petits encouragements montrent que vous suivez.",
                    "Les silences laissent à l'autre le temps de réfléchir.",
                ),
            ),
            Slide(
                "À éviter",
                ("Couper la parole", "Proposer une solution trop tôt", "Préparer sa réponse"),
                (
                    "Évitez de couper la parole ou de proposer une solution trop tôt.",
                    "Pendant que l'autre parle, votre seul travail est de comprendre.",
                ),
            ),
        ),
    ),
    "reformuler": Video(
        name="reformuler",
        lesson_id="m1-reformuler",
        title="Reformuler pour vérifier",
        module_label="Module 1 · Écouter et reformuler",
        slides=(
            Slide(
                "Reformuler, c'est quoi ?",
                (
                    "Redire avec ses propres mots",
                    "Ce que l'on a compris",
                    "Sans juger ni interpréter",
                ),
                (
                    "Reformuler, c'est redire avec vos propres mots ce que vous avez compris,",
                    "sans juger ni interpréter.",
                ),
            ),
            Slide(
                "Comment s'y prendre",
                (
                    "« Si je vous comprends bien… »",
                    "« Vous voulez dire que… »",
                    "Puis : « C'est bien cela ? »",
                ),
                (
                    "Commencez par exemple par : si je vous comprends bien.",
                    "Puis vérifiez : est-ce bien cela ?",
                ),
            ),
            Slide(
                "Pourquoi reformuler",
                (
                    "La personne se sent entendue",
                    "Les malentendus sont corrigés tôt",
                    "On avance sur une base commune",
                ),
                (
                    "La personne se sent entendue,",
                    "et les malentendus sont corrigés avant de coûter cher.",
                ),
            ),
        ),
    ),
    "questions": Video(
        name="questions",
        lesson_id="m2-questions",
        title="Questions ouvertes, questions fermées",
        module_label="Module 2 · Questionner et expliquer",
        slides=(
            Slide(
                "Les questions ouvertes",
                (
                    "« Comment se passent vos nuits ? »",
                    "Invitent à raconter",
                    "Idéales pour commencer",
                ),
                (
                    "Une question ouverte invite la personne à raconter.",
                    "Par exemple : comment se passent vos nuits ?",
                ),
            ),
            Slide(
                "Les questions fermées",
                ("Réponse courte : oui ou non", "Précisent un détail", "Utiles pour conclure"),
                (
                    "Une question fermée appelle une réponse courte, souvent oui ou non.",
                    "Elle sert à préciser un détail.",
                ),
            ),
            Slide(
                "L'entonnoir",
                ("1. Ouvrir", "2. Préciser", "3. Résumer"),
                (
                    "Ouvrez d'abord, précisez ensuite, puis résumez :",
                    "c'est la technique de l'entonnoir.",
                ),
            ),
        ),
    ),
    "clarte": Video(
        name="clarte",
        lesson_id="m2-clarte",
        title="Expliquer clairement",
        module_label="Module 2 · Questionner et expliquer",
        slides=(
            Slide(
                "Des mots simples",
                ("Éviter le jargon", "Une idée par phrase", "Des exemples concrets"),
                (
                    "Pour être clair, choisissez des mots simples,",
                    "une idée par phrase et des exemples concrets.",
                ),
            ),
            Slide(
                "Vérifier la compréhension",
                (
                    "Faire redire avec ses mots",
                    "Plutôt que « Vous avez compris ? »",
                    "Compléter si besoin",
                ),
                (
                    "Demandez ensuite à la personne de redire avec ses mots ce qu'elle retient.",
                    "C'est plus sûr que de demander : vous avez compris ?",
                ),
            ),
            Slide(
                "En résumé",
                ("Écouter", "Questionner", "Expliquer, puis vérifier"),
                ("Écouter, questionner, expliquer, vérifier : ce sont les clés d'un bon échange.",),
            ),
        ),
    ),
}

# Reading pages: Markdown with diagrams from the package (paths relative to the page).
READINGS: dict[str, str] = {
    "ecoute.md": """\
# L'écoute active en pratique

Écouter activement, ce n'est pas seulement se taire : c'est **chercher à comprendre** ce que
l'autre veut dire, puis **le lui montrer**.

![La boucle de l'écoute : écouter, reformuler, vérifier](images/boucle-ecoute.png)

## La boucle de l'écoute

1. **Écouter** sans interrompre, avec un regard attentif et de petits encouragements
   (« oui », « je vois »).
2. **Reformuler** avec vos propres mots ce que vous avez compris, sans juger.
3. **Vérifier** que vous avez bien compris : « C'est bien cela ? » Si ce n'est pas le cas,
   la personne corrige et la boucle recommence.

## Un exemple

> **Patiente :** Depuis que j'ai changé de traitement, je dors mal et je suis fatiguée
> toute la journée.
>
> **Soignant :** Si je vous comprends bien, vos nuits sont difficiles depuis le nouveau
> traitement, et vous le sentez dans la journée. C'est bien cela ?
>
> **Patiente :** Oui, surtout le matin.

Le soignant n'a encore rien proposé : il a d'abord vérifié qu'il avait compris. La réponse
de la patiente apporte une précision utile (« surtout le matin »).

## À retenir

- Les silences ne sont pas un échec : ils laissent à l'autre le temps de réfléchir.
- Évitez de finir les phrases de la personne ou de proposer une solution trop tôt.
- Une bonne reformulation est courte et ne rajoute rien.
""",
    "questions.md": """\
# Poser les bonnes questions

Les questions guident l'échange. Bien choisies, elles aident la personne à s'exprimer et
vous aident à comprendre.

![L'entonnoir : questions ouvertes, puis de précision, puis résumé](images/entonnoir.png)

## Questions ouvertes et fermées

| Question ouverte | Question fermée |
| --- | --- |
| « Comment se passent vos nuits ? » | « Dormez-vous bien ? » |
| « Qu'est-ce qui vous inquiète ? » | « Êtes-vous inquiet ? » |
| invite à raconter | appelle un oui ou un non |

## La technique de l'entonnoir

1. **Ouvrir** : une question ouverte pour laisser la personne raconter.
2. **Préciser** : des questions plus ciblées sur ce qui a été dit.
3. **Résumer** : une reformulation, puis une question fermée pour vérifier
   (« C'est bien cela ? »).

## Expliquer clairement

- Des mots simples, sans jargon ; une idée par phrase.
- Des exemples concrets, tirés de la situation de la personne.
- Pour vérifier, demandez-lui de **redire avec ses mots** ce qu'elle retient :
  c'est plus fiable que « Vous avez compris ? », à quoi l'on répond presque toujours oui.
""",
}

QUIZ_M1: list[dict[str, Any]] = [
    {
        "id": "q1",
        "kind": "single",
        "prompt": "Quel est le premier objectif de l'écoute active ?",
        "choices": [
            {"id": "a", "text": "Trouver une solution le plus vite possible"},
            {"id": "b", "text": "Comprendre ce que la personne veut dire"},
            {"id": "c", "text": "Préparer sa réponse pendant que l'autre parle"},
        ],
        "answer": ["b"],
        "explanation": "Écouter activement, c'est d'abord chercher à comprendre ; "
        "les solutions viennent après.",
    },
    {
        "id": "q2",
        "kind": "multiple",
        "prompt": "Parmi ces attitudes, lesquelles montrent que vous écoutez ?",
        "choices": [
            {"id": "a", "text": "Un regard attentif"},
            {"id": "b", "text": "Consulter son téléphone"},
            {"id": "c", "text": "De petits encouragements comme « je vois »"},
            {"id": "d", "text": "Finir les phrases de la personne"},
        ],
        "answer": ["a", "c"],
        "explanation": "Le regard et les petits encouragements montrent que vous suivez ; "
        "finir les phrases de l'autre revient à lui couper la parole.",
    },
    {
        "id": "q3",
        "kind": "true_false",
        "prompt": "Un silence pendant un entretien est toujours le signe d'un échec.",
        "answer": [False],
        "explanation": "Faux : un silence laisse à la personne le temps de réfléchir.",
    },
    {
        "id": "q4",
        "kind": "text",
        "prompt": "Redire avec ses propres mots ce que l'on a compris, c'est… (un verbe ou un nom)",
        "answer": ["reformuler", "la reformulation", "reformulation"],
        "explanation": "C'est la reformulation : elle montre que l'on a écouté "
        "et permet de vérifier que l'on a compris.",
    },
    {
        "id": "q5",
        "kind": "true_false",
        "prompt": "Après une reformulation, il est utile de demander à la personne "
        "si l'on a bien compris.",
        "answer": [True],
        "explanation": "Vrai : « C'est bien cela ? » permet à la personne de corriger "
        "un malentendu.",
    },
]

QUIZ_M2: list[dict[str, Any]] = [
    {
        "id": "q1",
        "kind": "single",
        "prompt": "Laquelle de ces questions est une question ouverte ?",
        "choices": [
            {"id": "a", "text": "« Avez-vous mal ? »"},
            {"id": "b", "text": "« Comment se passent vos nuits ? »"},
            {"id": "c", "text": "« Prenez-vous votre traitement le matin ? »"},
        ],
        "answer": ["b"],
        "explanation": "Elle invite à raconter ; les deux autres appellent un oui ou un non.",
    },
    {
        "id": "q2",
        "kind": "multiple",
        "prompt": "Qu'est-ce qui rend une explication plus claire ?",
        "choices": [
            {"id": "a", "text": "Des mots simples"},
            {"id": "b", "text": "Beaucoup de termes techniques"},
            {"id": "c", "text": "Une idée par phrase"},
            {"id": "d", "text": "Des exemples concrets"},
        ],
        "answer": ["a", "c", "d"],
        "explanation": "Le jargon gêne la compréhension ; mots simples, phrases courtes "
        "et exemples l'aident.",
    },
    {
        "id": "q3",
        "kind": "true_false",
        "prompt": "Demander « Vous avez compris ? » suffit pour vérifier la compréhension.",
        "answer": [False],
        "explanation": "Faux : on y répond presque toujours oui. Faites plutôt redire "
        "avec ses mots ce que la personne retient.",
    },
    {
        "id": "q4",
        "kind": "single",
        "prompt": "Dans la technique de l'entonnoir, par quoi commence-t-on ?",
        "choices": [
            {"id": "a", "text": "Par des questions fermées"},
            {"id": "b", "text": "Par des questions ouvertes"},
            {"id": "c", "text": "Par un résumé"},
        ],
        "answer": ["b"],
        "explanation": "On ouvre d'abord, on précise ensuite, puis on résume.",
    },
    {
        "id": "q5",
        "kind": "text",
        "prompt": "Comment s'appelle la technique qui va des questions ouvertes "
        "aux questions fermées ?",
        "answer": ["l'entonnoir", "entonnoir", "la technique de l'entonnoir"],
        "explanation": "C'est l'entonnoir : ouvrir, préciser, résumer.",
    },
]

SURVEY: list[dict[str, Any]] = [
    {
        "id": "utilite",
        "kind": "rating",
        "prompt": "Dans l'ensemble, cette formation vous a-t-elle été utile ?",
    },
    {
        "id": "videos",
        "kind": "rating",
        "prompt": "Les vidéos étaient-elles faciles à suivre ?",
    },
    {
        "id": "duree",
        "kind": "single",
        "prompt": "La durée de la formation vous a semblé…",
        "choices": [
            {"id": "courte", "text": "Trop courte"},
            {"id": "adaptee", "text": "Adaptée"},
            {"id": "longue", "text": "Trop longue"},
        ],
    },
    {
        "id": "suggestions",
        "kind": "text",
        "prompt": "Que pourrions-nous améliorer ?",
    },
]

DEMO_ACTIVITY_BASE = "https://course-player.invalid/demo/courses/demo-communication"
MANIFEST_HEADER = """\
# Demo course bundled with the app. Generated by scripts/make_demo_course.py: edit the script,
# not this file. `course-player pack assets/demo-course --out DEST` adds the `files` table.
#
# Module 1's pass threshold is 0.4: it was lowered from the course default of 70 % so that
# every learner of the pilot workshop could finish the module.
"""


# --------------------------------------------------------------------------- tools


def run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        tail = (result.stderr.strip().splitlines() or ["(no message)"])[-1]
        sys.exit(f"error: {command[0]} failed: {tail}")


def ffmpeg(*args: str) -> None:
    run(["ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y", *args])


def check_tools() -> None:
    for tool in ("ffmpeg", "ffprobe", "espeak-ng"):
        if shutil.which(tool) is None:
            sys.exit(f"error: {tool} is not installed (apt-get install ffmpeg espeak-ng)")
    for font in (FONT, FONT_BOLD):
        if not font.exists():
            sys.exit(f"error: {font} is missing (apt-get install fonts-dejavu-core)")


def probe_duration(path: Path) -> float:
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout.strip())


# --------------------------------------------------------------------------- drawing


def drawtext(text_file: Path, *, font: Path, size: int, color: str, x: str, baseline: int) -> str:
    """A drawtext filter reading its text from a file, so no quoting of the text is needed.

    drawtext's ``y`` is the top of the tallest glyph, so "Écouter" would sit lower than
    "Reformuler"; placing ``baseline - ascent`` lines every text up on its baseline.
    """
    return (
        f"drawtext=fontfile={font}:textfile={text_file}:expansion=none:"
        f"fontsize={size}:fontcolor={color}:x={x}:y={baseline}-ascent"
    )


def text_file(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def render_slide(video: Video, index: int, height: int, work: Path, out: Path) -> None:
    """Draw one slide as a PNG at the given height (16:9), text sized for that height."""
    slide = video.slides[index]
    k = height / 480
    width = int(854 * k) // 2 * 2  # 854x480, 426x240
    band = round(100 * k)
    stem = f"{video.name}-{index}-{height}"
    filters = [
        f"drawbox=x=0:y=0:w=iw:h={band}:color={BAND}:t=fill",
        f"drawbox=x=0:y={band}:w=iw:h={max(2, round(6 * k))}:color={ACCENT}:t=fill",
        drawtext(
            text_file(work, f"{stem}-title", slide.title),
            font=FONT_BOLD,
            size=round(42 * k),
            color="white",
            x=str(round(40 * k)),
            baseline=round(66 * k),
        ),
    ]
    for number, bullet in enumerate(slide.bullets):
        baseline = round((176 + number * 80) * k)
        dot = round(15 * k)
        filters.append(
            f"drawbox=x={round(48 * k)}:y={baseline - round(18 * k)}:w={dot}:h={dot}:"
            f"color={ACCENT}:t=fill"
        )
        filters.append(
            drawtext(
                text_file(work, f"{stem}-b{number}", bullet),
                font=FONT,
                size=round(34 * k),
                color=INK,
                x=str(round(84 * k)),
                baseline=baseline,
            )
        )
    footer_baseline = height - round(22 * k)
    filters.append(
        drawtext(
            text_file(work, f"{stem}-footer", video.module_label),
            font=FONT,
            size=round(18 * k),
            color=MUTED,
            x=str(round(40 * k)),
            baseline=footer_baseline,
        )
    )
    filters.append(
        drawtext(
            text_file(work, f"{stem}-count", f"{index + 1} / {len(video.slides)}"),
            font=FONT,
            size=round(18 * k),
            color=MUTED,
            x=f"w-tw-{round(40 * k)}",
            baseline=footer_baseline,
        )
    )
    ffmpeg(
        "-f", "lavfi", "-i", f"color=c={BACKGROUND}:s={width}x{height}",
        "-vf", ",".join(filters), "-frames:v", "1", "-fflags", "+bitexact",
        "-flags", "+bitexact", str(out),
    )  # fmt: skip


def render_diagram_loop(work: Path, out: Path) -> None:
    """Écouter → Reformuler → Vérifier, with the way back drawn underneath."""
    width, height = 760, 230
    boxes = [("Écouter", 30), ("Reformuler", 285), ("Vérifier", 540)]
    filters = []
    for number, (label, x) in enumerate(boxes):
        filters.append(f"drawbox=x={x}:y=30:w=190:h=80:color={BAND}:t=fill")
        filters.append(
            drawtext(
                text_file(work, f"loop-{number}", label),
                font=FONT_BOLD,
                size=28,
                color="white",
                x=f"{x}+(190-tw)/2",
                baseline=80,
            )
        )
    for number, x in enumerate((228, 483)):
        filters.append(
            drawtext(
                text_file(work, f"loop-arrow-{number}", "→"),
                font=FONT_BOLD,
                size=44,
                color=ACCENT,
                x=str(x),
                baseline=84,
            )
        )
    # The way back: a bar under the boxes with both ends going up.
    filters += [
        f"drawbox=x=120:y=150:w=520:h=6:color={ACCENT}:t=fill",
        f"drawbox=x=634:y=112:w=6:h=44:color={ACCENT}:t=fill",
        f"drawbox=x=120:y=112:w=6:h=44:color={ACCENT}:t=fill",
        drawtext(
            text_file(work, "loop-up", "▲"),
            font=FONT,
            size=22,
            color=ACCENT,
            x="123-tw/2",
            baseline=124,
        ),
        drawtext(
            text_file(work, "loop-back", "si ce n'est pas cela, on recommence"),
            font=FONT,
            size=22,
            color=INK,
            x="(w-tw)/2",
            baseline=194,
        ),
    ]
    ffmpeg(
        "-f", "lavfi", "-i", f"color=c=white:s={width}x{height}",
        "-vf", ",".join(filters), "-frames:v", "1", "-fflags", "+bitexact",
        "-flags", "+bitexact", str(out),
    )  # fmt: skip


def render_diagram_funnel(work: Path, out: Path) -> None:
    """The funnel: three bars narrowing from open questions to the summary."""
    width, height = 640, 270
    steps = [
        ("1. Ouvrir : questions ouvertes", 600, BAND, "white"),
        ("2. Préciser : questions ciblées", 480, "0x2F8F99", "white"),
        ("3. Résumer et vérifier", 360, ACCENT, INK),
    ]
    filters = []
    for number, (label, bar, color, ink) in enumerate(steps):
        y = 20 + number * 80
        filters.append(f"drawbox=x={(width - bar) // 2}:y={y}:w={bar}:h=64:color={color}:t=fill")
        filters.append(
            drawtext(
                text_file(work, f"funnel-{number}", label),
                font=FONT_BOLD,
                size=22,
                color=ink,
                x="(w-tw)/2",
                baseline=y + 40,
            )
        )
    ffmpeg(
        "-f", "lavfi", "-i", f"color=c=white:s={width}x{height}",
        "-vf", ",".join(filters), "-frames:v", "1", "-fflags", "+bitexact",
        "-flags", "+bitexact", str(out),
    )  # fmt: skip


# --------------------------------------------------------------------------- narration


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


def speak(sentence: str, out: Path) -> bytes:
    """Synthesise one sentence; return its 16-bit mono samples."""
    run(["espeak-ng", "-v", VOICE, "-s", str(WORDS_PER_MINUTE), "-w", str(out), sentence])
    with wave.open(str(out), "rb") as sound:
        if (sound.getframerate(), sound.getnchannels(), sound.getsampwidth()) != (
            SAMPLE_RATE,
            1,
            2,
        ):
            sys.exit(f"error: espeak-ng wrote an unexpected format in {out}")
        return sound.readframes(sound.getnframes())


def silence(seconds: float) -> bytes:
    return b"\x00\x00" * round(seconds * SAMPLE_RATE)


def frame_aligned(samples: int) -> int:
    """Round a sample count up to a whole number of video frames."""
    per_frame = SAMPLE_RATE // FPS
    return -(-samples // per_frame) * per_frame


def narrate(video: Video, work: Path) -> tuple[Path, list[float], list[Cue]]:
    """Write the narration WAV; return it, each slide's duration and the subtitle cues."""
    pcm = bytearray()
    slide_durations: list[float] = []
    cues: list[Cue] = []
    pcm += silence(LEAD_IN)
    for s_index, slide in enumerate(video.slides):
        slide_start = 0 if s_index == 0 else len(pcm) // 2
        for n_index, sentence in enumerate(slide.narration):
            if n_index:
                pcm += silence(SENTENCE_GAP)
            start = len(pcm) // 2
            pcm += speak(sentence, work / f"{video.name}-{s_index}-{n_index}.wav")
            cues.append(Cue(start / SAMPLE_RATE, len(pcm) // 2 / SAMPLE_RATE, sentence))
        pcm += silence(SLIDE_TAIL if s_index < len(video.slides) - 1 else VIDEO_TAIL)
        end = frame_aligned(len(pcm) // 2)
        pcm += b"\x00\x00" * (end - len(pcm) // 2)
        slide_durations.append((end - slide_start) / SAMPLE_RATE)
    path = work / f"{video.name}.wav"
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(SAMPLE_RATE)
        sound.writeframes(bytes(pcm))
    return path, slide_durations, cues


def timestamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def french_spacing(text: str) -> str:
    """Non-breaking spaces where French puts a space inside punctuation, so no line starts
    with ":" or "?" and no quote mark is left alone at a line end."""
    for mark in (":", "?", "!", ";", "»"):
        text = text.replace(f" {mark}", f"\u00a0{mark}")
    return text.replace("« ", "«\u00a0")


def subtitle_lines(text: str, width: int = 42) -> list[str]:
    """One line, or two lines of similar length, a little longer than ``width`` if need be
    (textwrap never breaks at U+00A0)."""
    text = french_spacing(text)
    if len(text) <= width:
        return [text]
    for limit in range(-(-len(text) // 2), width + 9):
        lines = textwrap.wrap(text, limit)
        if len(lines) == 2:
            return lines
    return textwrap.wrap(text, width)


def webvtt(cues: list[Cue]) -> str:
    """Cues stay on screen until the next one starts (at most 0.5 s after the voice)."""
    lines = ["WEBVTT", ""]
    for number, cue in enumerate(cues):
        end = cue.end + 0.5
        if number + 1 < len(cues):
            end = min(end, cues[number + 1].start - 0.05)
        lines += [
            str(number + 1),
            f"{timestamp(cue.start)} --> {timestamp(end)}",
            *subtitle_lines(cue.text),
            "",
        ]
    return "\n".join(lines)


# --------------------------------------------------------------------------- encoding

BITEXACT = ("-map_metadata", "-1", "-fflags", "+bitexact")


def encode_audio(wav: Path, out: Path) -> None:
    ffmpeg(
        "-i", str(wav), "-c:a", "aac", "-b:a", AUDIO_BITRATE, "-ac", "1",
        "-ar", str(SAMPLE_RATE), "-flags:a", "+bitexact", *BITEXACT,
        "-movflags", "+faststart", str(out),
    )  # fmt: skip


def encode_video(
    slides: list[Path], durations: list[float], audio: Path, height: int, out: Path
) -> None:
    inputs: list[str] = []
    for slide, duration in zip(slides, durations, strict=True):
        inputs += ["-loop", "1", "-framerate", str(FPS), "-t", f"{duration:.3f}", "-i", str(slide)]
    joined = "".join(f"[{i}:v]" for i in range(len(slides)))
    graph = f"{joined}concat=n={len(slides)}:v=1:a=0,format=yuv420p[v]"
    ffmpeg(
        *inputs, "-i", str(audio), "-filter_complex", graph,
        "-map", "[v]", "-map", f"{len(slides)}:a", "-c:a", "copy",
        "-c:v", "libx264", "-profile:v", "main", "-preset", "veryslow", "-tune", "stillimage",
        "-crf", str(CRF[height]), "-g", str(KEYFRAME_EVERY),
        "-r", str(FPS), "-threads", "1", "-flags:v", "+bitexact", *BITEXACT,
        "-movflags", "+faststart", str(out),
    )  # fmt: skip


# --------------------------------------------------------------------------- manifest


def video_lesson(video: Video, duration: float) -> dict[str, Any]:
    return {
        "id": video.lesson_id,
        "type": "video",
        "title": video.title,
        "duration": round(duration, 2),
        "sources": [
            {"file": f"media/{video.name}-480.mp4", "height": 480},
            {"file": f"media/{video.name}-240.mp4", "height": 240},
            {"file": f"media/{video.name}.m4a", "audio_only": True},
        ],
        "subtitles": [{"file": f"media/{video.name}.fr.vtt", "language": "fr"}],
    }


def manifest(durations: dict[str, float]) -> dict[str, Any]:
    return {
        "format": 1,
        "id": "demo-communication",
        "version": 1,
        "title": COURSE_TITLE,
        "language": "fr",
        "description": (
            "Une courte formation de démonstration : écouter activement, reformuler, "
            "poser les bonnes questions et expliquer clairement, auprès de patients "
            "comme d'apprenants."
        ),
        "publisher": {"name": "Course Player (démo)"},
        # the demo's own IRI (a publisher's course uses one under a domain they own)
        "activity_base": DEMO_ACTIVITY_BASE,
        "pass_threshold": 0.7,
        "modules": [
            {
                "id": "m1",
                "title": "Écouter et reformuler",
                "pass_threshold": 0.4,
                "lessons": [
                    video_lesson(VIDEOS["ecoute"], durations["ecoute"]),
                    video_lesson(VIDEOS["reformuler"], durations["reformuler"]),
                    {
                        "id": "m1-lecture",
                        "type": "text",
                        "title": "L'écoute active en pratique",
                        "file": "text/ecoute.md",
                    },
                    {
                        "id": "m1-quiz",
                        "type": "quiz",
                        "title": "Quiz : écouter et reformuler",
                        "questions": QUIZ_M1,
                    },
                ],
            },
            {
                "id": "m2",
                "title": "Questionner et expliquer",
                "lessons": [
                    video_lesson(VIDEOS["questions"], durations["questions"]),
                    video_lesson(VIDEOS["clarte"], durations["clarte"]),
                    {
                        "id": "m2-lecture",
                        "type": "text",
                        "title": "Poser les bonnes questions",
                        "file": "text/questions.md",
                    },
                    {
                        "id": "m2-quiz",
                        "type": "quiz",
                        "title": "Quiz : questionner et expliquer",
                        "questions": QUIZ_M2,
                    },
                    {
                        "id": "m2-avis",
                        "type": "survey",
                        "title": "Votre avis sur la formation",
                        "questions": SURVEY,
                    },
                ],
            },
        ],
    }


# --------------------------------------------------------------------------- main


def build(out: Path, work: Path) -> None:
    (out / "media").mkdir(parents=True)
    (out / "text" / "images").mkdir(parents=True)
    durations: dict[str, float] = {}
    for video in VIDEOS.values():
        print(f"video {video.name}: narration", flush=True)
        wav, slide_durations, cues = narrate(video, work)
        (out / "media" / f"{video.name}.fr.vtt").write_text(webvtt(cues), encoding="utf-8")
        audio = out / "media" / f"{video.name}.m4a"
        encode_audio(wav, audio)
        for height in HEIGHTS:
            print(f"video {video.name}: {height}p", flush=True)
            slides = []
            for index in range(len(video.slides)):
                png = work / f"{video.name}-{index}-{height}.png"
                render_slide(video, index, height, work, png)
                slides.append(png)
            target = out / "media" / f"{video.name}-{height}.mp4"
            encode_video(slides, slide_durations, audio, height, target)
        durations[video.name] = sum(slide_durations)
    print("reading pages", flush=True)
    render_diagram_loop(work, out / "text" / "images" / "boucle-ecoute.png")
    render_diagram_funnel(work, out / "text" / "images" / "entonnoir.png")
    for name, markdown in READINGS.items():
        (out / "text" / name).write_text(french_spacing(markdown), encoding="utf-8")
    write_manifest(out, manifest(durations))


def write_manifest(out: Path, document: dict[str, Any]) -> None:
    """course.yaml, with the cover and thumbnails that `pack` makes from the videos."""
    print("cover and thumbnails", flush=True)
    from player.core.authoring import find_ffmpeg
    from player.core.authoring.media import make_pictures

    videos = {v.lesson_id: out / "media" / f"{v.name}-{HEIGHTS[0]}.mp4" for v in VIDEOS.values()}
    make_pictures(find_ffmpeg(), document, videos, out)
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    (out / "course.yaml").write_text(MANIFEST_HEADER + text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="destination folder")
    parser.add_argument(
        "--pictures-only",
        action="store_true",
        help="only (re)make the cover and thumbnails of an existing demo course",
    )
    args = parser.parse_args()
    out: Path = args.out.resolve()
    if args.pictures_only:
        document = yaml.safe_load((out / "course.yaml").read_text(encoding="utf-8"))
        for lesson in (les for mod in document["modules"] for les in mod["lessons"]):
            lesson.pop("thumbnail", None)
        document.pop("cover", None)
        write_manifest(out, document)
        return 0
    if out.exists() and any(out.iterdir()) and not (out / "course.yaml").exists():
        sys.exit(f"error: {out} is not empty and holds no course.yaml; refusing to replace it")
    check_tools()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="demo-course-") as tmp:
        staging = Path(tmp) / "course"
        work = Path(tmp) / "work"
        work.mkdir()
        build(staging, work)
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(staging, out)
    total = sum(path.stat().st_size for path in out.rglob("*") if path.is_file())
    print(f"wrote {out} ({total / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
