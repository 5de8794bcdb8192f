"""The trainer dashboard window: PIN gate, table, chart, CSV and PDF exports."""

from __future__ import annotations

import io
from pathlib import Path

from player.core.learning import create_learner, list_learners, record_reading
from player.core.learning.pins import mark_trainer_pin_offered, set_trainer_pin
from player.core.store.database import open_database, utc_now
from player.core.sync.progress_files import export_progress
from player.core.trainer_table import dashboard_table, write_csv
from player.ui.screens.dashboard_dialog import DashboardDialog, csv_style
from tests.helpers.outbox import add_course, add_event, event
from tests.ui.test_reports import pdf_pages


def add_learners(services) -> None:
    ctx = services.context
    manifest = ctx.manifest("test-course")
    ana = create_learner(ctx.db, "Ana").id
    create_learner(ctx.db, "Bea")
    record_reading(ctx.db, ana, manifest, "m1-read", elapsed=30, at_end=True)
    mark_trainer_pin_offered(ctx.db)  # the first-time offer was answered (test_shared_laptop)


def cells(dialog: DashboardDialog, column: int, role: int = 0) -> list[str]:
    """A column of the table as the view shows it (role 0: the text; 3: the tooltip)."""
    model = dialog.table.model()
    return [model.index(r, column).data(role) or "" for r in range(model.rowCount())]


def open_dialog(qtbot, services) -> DashboardDialog:
    dialog = DashboardDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_dashboard_table_chart_and_exports(qtbot, services, tmp_path: Path) -> None:
    add_learners(services)
    dialog = open_dialog(qtbot, services)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        pass
    assert dialog.stack.currentWidget() is dialog.board
    assert dialog.table.model().rowCount() == 4  # 2 learners × 2 modules
    assert set(cells(dialog, 0)) == {"Ana", "Bea"}
    assert [bar.module_id for bar in dialog.chart.bars] == ["m1", "m2"]
    assert dialog.chart.grab().width() > 0  # painted without error

    out = tmp_path / "table.csv"
    dialog.export_csv(out)
    qtbot.waitUntil(lambda: out.exists(), timeout=10_000)
    expected = io.StringIO()
    write_csv(dashboard_table(services.context), expected, csv_style())
    assert out.read_bytes().decode("utf-8") == expected.getvalue()

    dialog.table.selectRow(0)
    row = dialog.selected_row()
    assert row is not None
    pdf = tmp_path / "summary.pdf"
    dialog.print_summary(row, pdf)
    qtbot.waitUntil(lambda: pdf.exists(), timeout=10_000)
    assert pdf_pages(pdf) == 1

    # filtering by course keeps the same rows (one course installed)
    dialog.course.setCurrentIndex(1)
    assert dialog.course_id == "test-course" and dialog.table.model().rowCount() == 4


def test_trainer_pin_gate(qtbot, services) -> None:
    add_learners(services)
    set_trainer_pin(services.context.db, "2468")
    dialog = open_dialog(qtbot, services)
    qtbot.waitUntil(lambda: dialog.pin.hasFocus() or not services.tasks.busy, timeout=10_000)
    assert dialog.stack.currentWidget() is dialog.gate
    dialog.pin.setText("1111")
    dialog.unlock.click()
    qtbot.waitUntil(lambda: dialog.pin_message.text() != "", timeout=10_000)
    assert dialog.stack.currentWidget() is dialog.gate and dialog.table.model().rowCount() == 0
    dialog.pin.setText("2468")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.unlock.click()
    assert dialog.table.model().rowCount() == 4


def test_import_reports_merged_and_reported_statements(qtbot, services, tmp_path: Path) -> None:
    """Ana's file says she finished module 1; only her video counts: the claim is reported."""
    add_learners(services)
    ana = next(learner for learner in list_learners(services.context.db) if learner.name == "Ana")
    laptop = open_database(tmp_path / "laptop.sqlite3")
    add_course(laptop, "test-course")
    laptop.execute(
        "INSERT INTO learners (uuid, name, created_at) VALUES (?, 'Ana', ?)", [ana.uuid, utc_now()]
    )
    fields = {"course_id": "test-course", "module_id": "m1"}
    add_event(laptop, 1, "lesson_completed", event(ana.uuid, lesson_id="m1-intro", **fields))
    add_event(laptop, 1, "module_completed", event(ana.uuid, kind="module_completed", **fields))
    export_progress(laptop, tmp_path / "ana.jsonl", lambda _: None)
    dialog = open_dialog(qtbot, services)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        pass
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.import_file(tmp_path / "ana.jsonl")
    assert dialog.status.text() == (
        "ana.jsonl: 2 new (1 merged into progress, 1 not merged), 0 already here,"
        " 0 rejected line(s)."
    )
    tips = dict(zip(cells(dialog, 0), cells(dialog, 0, 3), strict=True))
    assert tips == {"Ana": "Imported from: ana.jsonl", "Bea": ""}
