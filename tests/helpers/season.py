"""A seeded workshop season: progress files of many learners, with the odd cases mixed in.

``season_files`` writes JSON Lines files of xAPI statements about the test course
(``tests/helpers/courses.py``) as laptops export them, drawn from a seeded ``random.Random``: the
same seed gives the same bytes. Besides lessons, quiz attempts, time reports and completions it
mixes in what a season brings: learners on two laptops, the same statement in two files, a
learner renamed on one laptop or without a name, failed passes, negative scores, answered
questions, video sessions (``terminated``, whose time is already in the completion), module
completions in the older ``completed`` form, and statements about a newer course version.

Timestamps are written as this app writes them (UTC, milliseconds, ``Z``).
"""

from __future__ import annotations

import json
import random
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from player.core.sync.statements import (
    ACCOUNT_HOME_PAGE,
    DEFAULT_ACTIVITY_BASE,
    EXT_COURSE_VERSION,
    VERB_ANSWERED,
    VERB_COMPLETED,
    VERB_FAILED,
    VERB_PASSED,
    VERB_SATISFIED,
    VERB_SUSPENDED,
    VERB_TERMINATED,
)

COURSE = f"{DEFAULT_ACTIVITY_BASE}/test-course"
LESSONS = {"m1": ("m1-intro", "m1-read", "m1-quiz"), "m2": ("m2-read", "m2-quiz")}
QUIZZES = ("m1-quiz", "m2-quiz")
DURATIONS = ("PT30S", "PT1M3.5S", "PT0.25S", "PT2M", "PT12.5S", "PT1H0M1S")
START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class _Learner:
    def __init__(self, rng: random.Random, index: int, email: str | None) -> None:
        self.index = index
        self.email = email
        self.account = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        self.name: str | None = f"Apprenant {index:03d}"

    def actor(self, rng: random.Random) -> dict[str, Any]:
        actor: dict[str, Any] = {"objectType": "Agent"}
        if self.email:
            actor["mbox"] = f"mailto:{self.email}"
        else:
            actor["account"] = {"homePage": ACCOUNT_HOME_PAGE, "name": self.account}
        roll = rng.random()
        if self.name is None or roll < 0.05:
            return actor  # no name at all
        actor["name"] = f"{self.name} (B)" if roll < 0.1 else self.name
        return actor


def _statement(
    rng: random.Random,
    learner: _Learner,
    verb: str,
    target: str,
    moment: datetime,
    result: dict[str, Any] | None = None,
) -> dict[str, Any]:
    context: dict[str, Any] = {"platform": "course-player"}
    roll = rng.random()
    if roll < 0.04:
        context["revision"] = "2"  # about a version this laptop does not have
    elif roll < 0.08:
        context["extensions"] = {EXT_COURSE_VERSION: 1}  # the earlier form
    elif roll < 0.1:
        pass  # no version at all
    else:
        context["revision"] = "1"
    statement: dict[str, Any] = {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "actor": learner.actor(rng),
        "verb": {"id": verb, "display": {"en-US": verb.rsplit("/", 1)[-1]}},
        "object": {"objectType": "Activity", "id": target},
        "context": context,
        "timestamp": _stamp(moment),
    }
    if result is not None:
        statement["result"] = result
    return statement


def _learner_statements(
    rng: random.Random, learner: _Learner, moment: datetime
) -> list[dict[str, Any]]:
    """One learner's work on one laptop: a random walk through the course."""
    out: list[dict[str, Any]] = []

    def tick() -> datetime:
        nonlocal moment
        moment += timedelta(seconds=rng.randint(5, 900), milliseconds=rng.randint(0, 999))
        return moment

    for module, lessons in LESSONS.items():
        if rng.random() < 0.15:
            break  # stopped before this module
        for lesson in lessons:
            target = f"{COURSE}/lessons/{lesson}"
            if rng.random() < 0.1:
                continue  # skipped this lesson
            if lesson in QUIZZES:
                for _ in range(rng.randint(0, 4)):
                    score = rng.choice((-0.5, 0.0, 0.2, 0.25, 0.5))
                    result = {"score": {"scaled": score}, "success": False}
                    result["duration"] = rng.choice(DURATIONS)
                    out.append(_statement(rng, learner, VERB_FAILED, target, tick(), result))
                if rng.random() < 0.3:
                    answer = {"response": rng.choice(("a", "b", "")), "success": rng.random() < 0.5}
                    out.append(_statement(rng, learner, VERB_ANSWERED, target, tick(), answer))
                if rng.random() < 0.75:
                    passed: dict[str, Any] = {"score": {"scaled": rng.choice((0.75, 0.8, 1.0))}}
                    roll = rng.random()
                    if roll < 0.1:
                        passed["success"] = False  # a "passed" that says it failed
                    elif roll < 0.8:
                        passed["success"] = True
                    passed["duration"] = rng.choice(DURATIONS)
                    out.append(_statement(rng, learner, VERB_PASSED, target, tick(), passed))
            else:
                if lesson == "m1-intro" and rng.random() < 0.5:
                    session = {"duration": rng.choice(DURATIONS)}
                    out.append(_statement(rng, learner, VERB_TERMINATED, target, tick(), session))
                if rng.random() < 0.9:
                    done = {"completion": True, "duration": rng.choice(DURATIONS)}
                    out.append(_statement(rng, learner, VERB_COMPLETED, target, tick(), done))
            if rng.random() < 0.4:
                report = {"duration": rng.choice(DURATIONS)}
                out.append(_statement(rng, learner, VERB_SUSPENDED, target, tick(), report))
        if rng.random() < 0.8:
            verb = VERB_SATISFIED if rng.random() < 0.8 else VERB_COMPLETED
            out.append(_statement(rng, learner, verb, f"{COURSE}/modules/{module}", tick()))
    if rng.random() < 0.6:
        out.append(_statement(rng, learner, VERB_SATISFIED, COURSE, tick()))
    return out


def season_files(
    folder: Path, *, seed: int = 19, learners: int = 60, laptops: int = 4, emails: int = 3
) -> list[Path]:
    """Write one progress file per laptop; returns their paths.

    The first ``emails`` learners have the e-mails ``learner<N>@example.org`` (so a test can
    create them here: their progress is then merged); the others are known by account only.
    """
    rng = random.Random(seed)
    people = [
        _Learner(rng, index, f"learner{index}@example.org" if index < emails else None)
        for index in range(learners)
    ]
    files: list[list[dict[str, Any]]] = [[] for _ in range(laptops)]
    for learner in people:
        if rng.random() < 0.05:
            learner.name = None  # a profile without a name
        where = rng.sample(range(laptops), 2 if rng.random() < 0.2 else 1)
        moment = START + timedelta(days=rng.randint(0, 60))
        for laptop in where:
            work = _learner_statements(rng, learner, moment)
            files[laptop].extend(work)
            if work and rng.random() < 0.2:  # the same statements carried to another file
                files[(laptop + 1) % laptops].extend(work[: rng.randint(1, len(work))])
            moment += timedelta(days=1)
    paths = []
    for index, statements in enumerate(files):
        path = folder / f"laptop-{index}.jsonl"
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            for statement in statements:
                stream.write(json.dumps(statement, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths
