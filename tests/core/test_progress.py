"""The CLI progress line: readable in a log (every 10 %), redrawn in place on a terminal."""

from __future__ import annotations

import io

from player.cli.authoring import EncodeProgressLine
from player.core.progress import CancelToken, Progress, ProgressLine, ProgressMeter


def test_log_output_prints_every_ten_percent_and_the_end() -> None:
    stream = io.StringIO()
    line = ProgressLine(stream)
    for done in range(0, 1001, 10):
        line(Progress(done, 1000, "media/a.mp4", rate=500.0, eta=(1000 - done) / 500))
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("  0%") and lines[-1].startswith("100%")
    assert len(lines) == 11
    assert "1.0 KB / 1.0 KB" in lines[-1] and "media/a.mp4" in lines[-1]


def test_encode_line_counts_minutes_of_video() -> None:
    stream = io.StringIO()
    EncodeProgressLine(stream)(Progress(90_000, 180_000, "intro-480.mp4", eta=30.0))
    assert " 50%  01:30 / 03:00 of video  ETA 00:30  intro-480.mp4" in stream.getvalue()


def test_meter_reports_rate_and_eta_and_cancel_stops_work() -> None:
    seen: list[Progress] = []
    meter = ProgressMeter(100, seen.append, min_interval=0.0)
    meter.add(40, label="x")
    meter.finish()
    assert seen[-1].done == 40 and seen[-1].fraction == 0.4
    token = CancelToken()
    token.cancel()
    try:
        token.raise_if_cancelled()
    except Exception as error:  # TransferCancelled: a one-line, resumable message
        assert "kept for next time" in str(error)
    else:
        raise AssertionError("a cancelled token must stop the work")
