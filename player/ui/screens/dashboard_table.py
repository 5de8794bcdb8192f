"""The dashboard's table as model/view: one model over the rows, a proxy that sorts and filters.

A trainer's laptop after a workshop season holds 2,000 learners × their modules: one widget per
cell (``QTableWidget``) took seconds to fill and scrolled badly. ``DashboardModel`` answers the
view's questions from the ``DashboardRow`` list itself (no item objects), ``DashboardFilter``
keeps the rows of one course and those whose module and learner contain the typed text, and
sorts the rows themselves with one key sort (numbers as numbers, names case-insensitively).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from player.core import trainer_table as core
from player.core.progress import format_duration

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("learner", "course", "module", "state", "lessons", "score", "time", "last", "sync")
Index = QModelIndex | QPersistentModelIndex
#: Up to this many courses the dashboard opens on all of them; beyond, on the first one, so it
#: opens as fast as with one course (issue 19); "All courses" stays one click away.
ALL_COURSES_UP_TO = 3


def opening_course(course_ids: list[str]) -> str | None:
    """The course the dashboard opens on (None: every course)."""
    return course_ids[0] if len(course_ids) > ALL_COURSES_UP_TO else None


class DashboardModel(QAbstractTableModel):
    """``DashboardRow`` objects as table rows; texts come from the dialog (its translations)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[core.DashboardRow] = []
        self.headers: list[str] = list(COLUMNS)
        self.state_text: Callable[[str], str] = str
        self.sync_text: Callable[[core.DashboardRow], str] = lambda row: row.sync_state
        self.percent: Callable[[float], str] = lambda value: f"{value:.0%}"
        self.imported_tip: Callable[[str], str] = str

    def set_rows(self, rows: list[core.DashboardRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows themselves: one Python key sort, not a comparison call per pair."""
        if not 0 <= column < len(COLUMNS):
            return
        name = COLUMNS[column]
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(
            key=lambda row: self.sort_value(row, name),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.layoutChanged.emit()

    def set_headers(self, headers: list[str]) -> None:
        self.headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == SORT_ROLE:
            return self.sort_value(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and column == "learner" and row.imported_from:
            return self.imported_tip(row.imported_from)
        return None

    def text(self, row: core.DashboardRow, column: str) -> str:
        if column == "learner":
            return row.learner_name + ("" if row.source == "here" else " ⇄")
        if column == "course":
            return row.course_title
        if column == "module":
            return row.module_title
        if column == "state":
            return self.state_text(row.state)
        if column == "lessons":
            return f"{row.lessons_done}/{row.lessons_total}"
        if column == "score":
            return "—" if row.best_quiz_score is None else self.percent(row.best_quiz_score)
        if column == "time":
            return format_duration(row.time_spent_s)
        if column == "last":
            return (row.last_activity or "—")[:16].replace("T", " ")
        return self.sync_text(row)

    @staticmethod
    def sort_value(row: core.DashboardRow, column: str) -> Any:
        if column == "learner":
            return row.learner_name.casefold()
        if column == "course":
            return row.course_title.casefold()
        if column == "module":
            return row.module_title.casefold()
        if column == "state":
            return row.state
        if column == "lessons":
            return row.lessons_done / row.lessons_total if row.lessons_total else 0.0
        if column == "score":
            return -1.0 if row.best_quiz_score is None else row.best_quiz_score
        if column == "time":
            return row.time_spent_s
        if column == "last":
            return row.last_activity or ""
        return (row.sync_state, row.sync_waiting)


class DashboardFilter(QSortFilterProxyModel):
    """Rows of one course (or all), whose module and learner contain the typed texts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.course_id: str | None = None
        self.module_text = ""
        self.learner_text = ""
        self.setDynamicSortFilter(False)

    def set_filter(
        self, *, course_id: str | None, module_text: str = "", learner_text: str = ""
    ) -> None:
        self.beginFilterChange()
        self.course_id = course_id
        self.module_text = " ".join(module_text.split()).casefold()
        self.learner_text = " ".join(learner_text.split()).casefold()
        self.endFilterChange()

    def source_rows(self) -> list[core.DashboardRow]:
        model = self.sourceModel()
        assert isinstance(model, DashboardModel)
        return model.rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The model sorts its rows (a key sort); this proxy keeps their order and filters."""
        model = self.sourceModel()
        assert isinstance(model, DashboardModel)
        model.sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        return self.accepts(self.source_rows()[source_row])

    def accepts(self, row: core.DashboardRow) -> bool:
        if self.course_id is not None and row.course_id != self.course_id:
            return False
        if self.module_text and self.module_text not in row.module_title.casefold():
            return False
        return not self.learner_text or self.learner_text in row.learner_name.casefold()

    def visible_rows(self) -> list[core.DashboardRow]:
        """The rows the view shows, in its order (the model's: this proxy does not reorder)."""
        return [row for row in self.source_rows() if self.accepts(row)]
