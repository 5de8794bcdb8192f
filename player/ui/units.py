"""Sizes and times as the UI language writes them: "2.7 MB" in English, « 2,7 Mo » in French.

The core's ``format_bytes`` is for logs and the CLI; what a learner reads goes through here, so
the decimal separator follows the UI locale and the unit names are translated. The main window
and the screens share these helpers: they live below both, so no screen imports the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTime

from player.core.sync.status import local_moment

NBSP = "\u00a0"  # never wrap a line between a number and its unit


def _units() -> tuple[str, str, str, str]:
    return (
        QCoreApplication.translate("Units", "B"),
        QCoreApplication.translate("Units", "KB"),
        QCoreApplication.translate("Units", "MB"),
        QCoreApplication.translate("Units", "GB"),
    )


def format_size(count: float, locale: QLocale | None = None, *, like: float | None = None) -> str:
    """A byte count in decimal units (1 MB = 1,000,000 bytes), one decimal above bytes.

    ``like``: write it in the unit ``like`` would take, so sizes side by side share one unit
    ("12.3 MB to copy, 3,456.7 MB free").
    """
    locale = locale if locale is not None else QLocale()
    units = _units()
    value = float(count)
    index = 0
    scale = abs(float(like)) if like is not None else abs(value)
    while scale >= 1000 and index < len(units) - 1:
        value /= 1000
        scale /= 1000
        index += 1
    number = locale.toString(round(value)) if index == 0 else locale.toString(value, "f", 1)
    return f"{number}{NBSP}{units[index]}"


def local_time(timestamp: str) -> str:
    """An ISO UTC timestamp as local hours and minutes."""
    moment = local_moment(timestamp)
    if moment is None:
        return timestamp
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
