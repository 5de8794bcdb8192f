"""The app's one visual language: named colours (light and dark), a spacing scale, a style sheet.

``apply(app)`` runs once, in ``player.ui.app``: it picks the palette from the system's colour
scheme (Qt 6.5+ ``QStyleHints.colorScheme``; light when Qt cannot tell), sets Qt's Fusion style
with that ``QPalette`` (Fusion honours every palette role on every OS, so the same contrast
holds everywhere) and one small application style sheet, and follows the system when it
switches. Widgets never write colours: they take them from ``current()`` or ``colour(name)``,
mark themselves with a property the style sheet knows (``mark(label, tone="danger")``,
``primary``, ``card``, ``muted``, ``figure``...), or draw SVG icons in a named colour
(``widgets/svg.py``).

Every colour the UI writes is named here, with the backgrounds it is drawn on and its use:
text needs 4.5:1 (WCAG 2.2 AA, 1.4.3), graphics — progress, focus ring, state icons and dots,
chart bars, control outlines — 3:1 (1.4.11, non-text contrast). ``tests/ui/test_contrast.py``
computes every ratio in both palettes and fails on any ``#rrggbb`` in ``player/ui`` that is not
one of them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget


@dataclass(frozen=True, slots=True)
class Palette:
    """Named colours, ``#rrggbb``."""

    name: str
    window: str  # the window behind everything
    surface: str  # cards, lists, text fields
    surface_alt: str  # a card's picture placeholder, alternate rows
    next_surface: str  # the next lesson's row, highlighted
    border: str  # card outlines (decorative)
    control: str  # outlines of text fields, check boxes and radio buttons (3:1)
    text: str
    text_muted: str  # details, durations
    accent: str  # primary buttons' background, links, the progress ring
    accent_hover: str
    on_accent: str  # text on ``accent``
    focus: str  # the keyboard focus ring
    track: str  # the empty part of a progress ring or bar (decorative)
    success: str  # done, online, what worked: text, state icons, chart bars
    warning: str  # in progress, offline, an unsigned publisher
    danger: str  # errors, failed quizzes
    locked: str  # locked modules and lessons, "offline mode": icons and text


LIGHT = Palette(
    name="light",
    window="#f3f5f8",
    surface="#ffffff",
    surface_alt="#e8edf3",
    next_surface="#e3eefb",
    border="#cdd5df",
    control="#6b7685",
    text="#17202b",
    text_muted="#4a5565",
    accent="#1d5fa8",
    accent_hover="#174e8c",
    on_accent="#ffffff",
    focus="#1a5fb4",
    track="#d7dee8",
    success="#1b6e34",
    warning="#8a4b00",
    danger="#b00020",
    locked="#5f6b7a",
)

DARK = Palette(
    name="dark",
    window="#161a1f",
    surface="#21272e",
    surface_alt="#2c343d",
    next_surface="#1c3350",
    border="#3b4450",
    control="#8a96a6",
    text="#e9edf2",
    text_muted="#b4bdc9",
    accent="#6aaef5",
    accent_hover="#8cc1f8",
    on_accent="#0b1320",
    focus="#8cc4ff",
    track="#3a434e",
    success="#74d08f",
    warning="#f2b866",
    danger="#ff8a93",
    locked="#a3adba",
)

#: Which colour is read on which backgrounds, and the ratio it needs (WCAG 2.2 AA).
TEXT_ON = {
    "text": ("window", "surface", "surface_alt", "next_surface"),
    "text_muted": ("window", "surface", "surface_alt", "next_surface"),
    "accent": ("window", "surface", "next_surface"),  # links, ring figures
    "success": ("window", "surface", "next_surface"),
    "warning": ("window", "surface", "next_surface"),
    "danger": ("window", "surface"),
    "locked": ("window", "surface", "surface_alt"),
}
ON_ACCENT = ("on_accent", ("accent", "accent_hover"))
GRAPHIC_ON = {
    "focus": ("window", "surface", "surface_alt", "next_surface"),
    "accent": ("window", "surface", "surface_alt", "next_surface", "track"),
    "success": ("window", "surface", "surface_alt", "track"),
    "warning": ("window", "surface", "track"),  # a quiz score bar not passed yet
    "locked": ("window", "surface", "surface_alt"),
    "control": ("window", "surface", "surface_alt"),
}
TEXT_RATIO = 4.5
GRAPHIC_RATIO = 3.0

#: Printed reports (``player/ui/reports.py``) are on paper, light whatever the screen's scheme:
#: black text on a grey header row.
PRINTED_TEXT = "#000000"
PRINTED_HEADER = "#e8e8e8"


@dataclass(frozen=True, slots=True)
class Spacing:
    """The spacing scale, in device-independent pixels: every margin and gap is one of these."""

    xs: int = 4
    s: int = 8
    m: int = 12
    l: int = 16  # noqa: E741 - the scale's usual name
    xl: int = 24
    xxl: int = 32


SPACING = Spacing()
RADIUS = 8

_current = LIGHT
_connected = False
SCHEME_VAR = "COURSE_PLAYER_COLOR_SCHEME"
SCHEMES = {"dark": Qt.ColorScheme.Dark, "light": Qt.ColorScheme.Light}


def current() -> Palette:
    """The palette in force (light until ``apply`` has run)."""
    return _current


def colour(name: str) -> QColor:
    return QColor(getattr(_current, name))


def relative_luminance(value: str) -> float:
    """WCAG 2.2's relative luminance of ``#rrggbb``."""
    channels = [int(value[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    red, green, blue = (
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    )
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """From 1 (the same colour) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def palette_for(scheme: Qt.ColorScheme) -> Palette:
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def qt_palette(p: Palette) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: p.window,
        role.WindowText: p.text,
        role.Base: p.surface,
        role.AlternateBase: p.surface_alt,
        role.Text: p.text,
        role.Button: p.surface,
        role.ButtonText: p.text,
        role.BrightText: p.on_accent,
        role.Highlight: p.accent,
        role.HighlightedText: p.on_accent,
        role.ToolTipBase: p.surface,
        role.ToolTipText: p.text,
        role.PlaceholderText: p.text_muted,
        role.Link: p.accent,
        role.LinkVisited: p.accent,
        role.Light: p.surface_alt,
        role.Midlight: p.surface_alt,
        role.Mid: p.border,
        role.Dark: p.border,
        role.Shadow: p.window,
        role.Accent: p.accent,
    }
    for key, value in pairs.items():
        palette.setColor(key, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for key in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, key, QColor(p.locked))
    return palette


def stylesheet(p: Palette) -> str:
    """The few rules the palette cannot say: cards, the primary button, tones, outlines of
    fields that reach 3:1 (Fusion derives its own from the window colour, at about 2:1), bars,
    and the style's raster icons replaced by ours: dialog buttons without icons, message boxes
    with SVG ones."""
    s = SPACING
    return f"""
QFrame[card="true"] {{
    background: {p.surface}; border: 1px solid {p.border}; border-radius: {RADIUS}px;
}}
QFrame[locked="true"] {{ background: {p.surface_alt}; }}
QLabel[muted="true"] {{ color: {p.text_muted}; }}
QLabel[figure="true"] {{ color: {p.accent}; }}
QLabel[tone="success"] {{ color: {p.success}; }}
QLabel[tone="danger"] {{ color: {p.danger}; }}
QLabel[tone="warning"] {{ color: {p.warning}; }}
QLabel[tone="locked"] {{ color: {p.locked}; }}
QLabel[notice="success"] {{
    background: {p.surface}; color: {p.success}; border: 2px solid {p.success};
    border-radius: 4px; padding: {s.s}px; font-weight: bold;
}}
QPushButton[primary="true"] {{
    background: {p.accent}; color: {p.on_accent}; border: none;
    border-radius: {RADIUS - 2}px; padding: {s.s}px {s.l}px; font-weight: bold;
}}
QPushButton[primary="true"]:hover {{ background: {p.accent_hover}; }}
QPushButton[primary="true"]:disabled {{ background: {p.track}; color: {p.locked}; }}
QToolButton#course-menu {{ padding: {s.xs}px {s.s}px; }}
QToolButton#course-menu::menu-indicator {{ image: none; width: 0px; }}
QLineEdit, QPlainTextEdit, QTextEdit {{
    border: 1px solid {p.control}; border-radius: 4px; background: {p.surface};
}}
QLineEdit {{ padding: 3px {s.xs}px; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{ border: 2px solid {p.focus}; }}
QRadioButton::indicator, QCheckBox::indicator {{
    width: 14px; height: 14px; border: 2px solid {p.control}; background: {p.surface};
}}
QRadioButton::indicator {{ border-radius: 9px; }}
QCheckBox::indicator {{ border-radius: 3px; }}
QRadioButton::indicator:checked {{
    border-color: {p.accent};
    background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5,
        stop:0 {p.accent}, stop:0.55 {p.accent}, stop:0.6 {p.surface}, stop:1 {p.surface});
}}
QCheckBox::indicator:checked {{
    border-color: {p.accent}; background: {p.accent}; image: url({_icon("check", p)});
}}
QRadioButton::indicator:disabled, QCheckBox::indicator:disabled {{ border-color: {p.track}; }}
QProgressBar {{
    background: {p.track}; border: none; border-radius: 4px; color: {p.text};
    text-align: center; min-height: 8px;
}}
QProgressBar::chunk {{ background: {p.accent}; border-radius: 4px; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
QMessageBox {{
    messagebox-information-icon: url({_icon("information", p)});
    messagebox-question-icon: url({_icon("question", p)});
    messagebox-warning-icon: url({_icon("warning", p)});
    messagebox-critical-icon: url({_icon("critical", p)});
}}
"""


def _icon(name: str, p: Palette) -> str:
    """An SVG of ``assets/icons/ui`` drawn in this palette's colours, for the style sheet (which
    Qt draws at the screen's scale, through its SVG icon engine)."""
    from player.core.resources import assets_dir

    return (assets_dir() / "icons" / "ui" / f"{name}-{p.name}.svg").as_posix()


def apply(app: QApplication, scheme: Qt.ColorScheme | None = None) -> Palette:
    """Give the app the palette of the system's colour scheme, now and when it changes.

    ``scheme`` overrides the system's; so does ``COURSE_PLAYER_COLOR_SCHEME=dark|light``
    (screenshots, and systems whose Qt cannot tell).
    """
    global _current, _connected
    hints = QGuiApplication.styleHints()
    if scheme is None:
        forced = os.environ.get(SCHEME_VAR, "").lower()
        scheme = SCHEMES.get(forced, hints.colorScheme())
    _current = palette_for(scheme)
    if not _connected:
        app.setStyle("Fusion")
    app.setPalette(qt_palette(_current))
    app.setStyleSheet(stylesheet(_current))
    if not _connected:
        _connected = True
        hints.colorSchemeChanged.connect(lambda changed: apply(app, changed))
    return _current


def mark(widget: QWidget, **properties: object) -> None:
    """Set style-sheet properties on a widget (``mark(button, primary=True)``).

    A widget not styled yet takes them when it is first shown; one already styled is restyled
    now (Qt's recipe for a dynamic property the style sheet reads)."""
    for key, value in properties.items():
        widget.setProperty(key, value)
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)


def palette_colours(p: Palette) -> dict[str, str]:
    return {f.name: getattr(p, f.name) for f in fields(p) if f.name != "name"}
