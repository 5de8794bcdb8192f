"""The "Keyboard shortcuts" help page (F1): every key the app answers to, by place.

A table rather than a paragraph: a screen reader reads it row by row, key then action, and the
keys are written the way the platform names them (``QKeySequence.NativeText``, "Ctrl" in French
too). The list is kept here, next to nothing else, so a new shortcut is added in one place; the
tooltips of the buttons name their own key as well.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from player.core.errors import QT_TRANSLATE_NOOP
from player.ui.widgets.common import Note

CONTEXT = "ShortcutsDialog"

#: (place, [(keys, what they do)]): keys are portable QKeySequence text or a plain key name.
SHORTCUTS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Everywhere"),
        [
            ("Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Next button or field")),
            ("Shift+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous button or field")),
            ("Space", QT_TRANSLATE_NOOP("ShortcutsDialog", "Press the button, tick the box")),
            ("Alt+Left", QT_TRANSLATE_NOOP("ShortcutsDialog", "Back")),
            ("Ctrl+Home", QT_TRANSLATE_NOOP("ShortcutsDialog", "Library")),
            ("Ctrl+O", QT_TRANSLATE_NOOP("ShortcutsDialog", "Add a course")),
            ("Ctrl+L", QT_TRANSLATE_NOOP("ShortcutsDialog", "Switch learner")),
            ("Ctrl+Shift+D", QT_TRANSLATE_NOOP("ShortcutsDialog", "Trainer dashboard")),
            ("Ctrl+,", QT_TRANSLATE_NOOP("ShortcutsDialog", "Settings")),
            ("F1", QT_TRANSLATE_NOOP("ShortcutsDialog", "This list of shortcuts")),
            (
                "Alt",
                QT_TRANSLATE_NOOP("ShortcutsDialog", "With the underlined letter: that button"),
            ),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Quiz and survey"),
        [
            ("Up", QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous answer choice")),
            ("Down", QT_TRANSLATE_NOOP("ShortcutsDialog", "Next answer choice")),
            ("Return", QT_TRANSLATE_NOOP("ShortcutsDialog", "After a typed answer: next question")),
            ("Ctrl+Return", QT_TRANSLATE_NOOP("ShortcutsDialog", "Submit the answers")),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Video"),
        [
            ("Space", QT_TRANSLATE_NOOP("ShortcutsDialog", "Play or pause")),
            ("Left", QT_TRANSLATE_NOOP("ShortcutsDialog", "Back 10 seconds")),
            ("Right", QT_TRANSLATE_NOOP("ShortcutsDialog", "Forward 10 seconds")),
            ("M", QT_TRANSLATE_NOOP("ShortcutsDialog", "Mute or unmute")),
            ("F", QT_TRANSLATE_NOOP("ShortcutsDialog", "Full screen")),
            ("Esc", QT_TRANSLATE_NOOP("ShortcutsDialog", "Leave full screen")),
        ],
    ),
]


def key_text(keys: str) -> str:
    """Keys as the platform writes them, in the UI language where Qt translates them."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) or keys


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts-dialog")
        translate = QCoreApplication.translate
        self.setWindowTitle(translate(CONTEXT, "Keyboard shortcuts"))
        intro = Note(
            translate(
                CONTEXT,
                "Everything in the app can be done with the keyboard alone. "
                "The button or field that has the focus is circled in blue.",
            )
        )
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("shortcuts-table")
        self.table.setAccessibleName(translate(CONTEXT, "Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels(
            [translate(CONTEXT, "Keys"), translate(CONTEXT, "What they do")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        for place, rows in SHORTCUTS:
            self._add_row(translate(CONTEXT, place), "", heading=True)
            for keys, action in rows:
                self._add_row(key_text(keys), translate(CONTEXT, action))
        self.table.setCurrentCell(1, 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _add_row(self, first: str, second: str, *, heading: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((first, second)):
            item = QTableWidgetItem(text)
            if heading:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, column, item)
        if heading:
            self.table.setSpan(row, 0, 1, 2)

    def rows(self) -> list[tuple[str, str]]:
        """The table's text, row by row (for tests and the docs)."""
        rows = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, column) for column in (0, 1)]
            rows.append(tuple(cell.text() if cell is not None else "" for cell in cells))
        return rows  # type: ignore[return-value]
