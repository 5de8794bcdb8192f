"""The "Keyboard shortcuts" help page (F1): every key the app answers to, by place.

A table rather than a paragraph: a screen reader reads it row by row, key then action. Key
names are translated too ("Espace", "Flèche gauche"): Qt's own key names stay English unless
its translations are loaded. The list is kept here, so a new shortcut is added in one place;
the tooltips of the buttons name their own key as well.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
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

#: (place, [(keys, what they do)]), every text translated: key names too ("Espace").
SHORTCUTS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Everywhere"),
        [
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Tab"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Next button or field"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Shift+Tab"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous button or field"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Space"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Press the button, tick the box"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Alt+Left arrow"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Back"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Ctrl+Home"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Library"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Ctrl+O"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Add a course"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Ctrl+L"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Switch learner"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Ctrl+Shift+D"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Trainer dashboard"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Ctrl+,"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Settings"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "F1"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "This list of shortcuts"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Alt+underlined letter"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Press that button"),
            ),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Quiz and survey"),
        [
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Up arrow, Down arrow"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous or next answer choice"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Space"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Pick the answer choice that has the focus"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Enter"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "After a typed answer: next question"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Ctrl+Enter"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Submit the answers"),
            ),
        ],
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Video"),
        [
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Space"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Play or pause"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Left arrow"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Back 10 seconds"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Right arrow"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Forward 10 seconds"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "M"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Mute or unmute"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "F"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Full screen"),
            ),
            (
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Esc"),
                QT_TRANSLATE_NOOP("ShortcutsDialog", "Leave full screen"),
            ),
        ],
    ),
]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts-dialog")
        translate = QCoreApplication.translate  # for the texts marked in SHORTCUTS
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        intro = Note(
            self.tr(
                "Everything in the app can be done with the keyboard alone. "
                "The button or field that has the focus is circled in blue."
            )
        )
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("shortcuts-table")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
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
                self._add_row(translate(CONTEXT, keys), translate(CONTEXT, action))
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
