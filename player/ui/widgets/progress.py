"""Showing a long operation's progress: a bar and "1 MB of 3 MB — 200 KB/s — 00:10 left"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QProgressBar

from player.core.progress import Progress, format_duration
from player.ui.units import format_size

#: Bars count in thousandths so small files still move the bar smoothly.
BAR_MAXIMUM = 1000


def progress_text(progress: Progress) -> str:
    return (
        QCoreApplication.translate("TransferProgress", "%1 of %2 — %3/s — %4 left")
        .replace("%1", format_size(progress.done))
        .replace("%2", format_size(progress.total))
        .replace("%3", format_size(progress.rate))
        .replace("%4", format_duration(progress.eta))
    )


def show_progress(bar: QProgressBar, label: QLabel, progress: Progress) -> None:
    """Move the bar and say where we are; the bar's accessible name carries the same words."""
    bar.setValue(round(progress.fraction * BAR_MAXIMUM))
    text = progress_text(progress)
    label.setText(text)
    bar.setAccessibleName(text)
