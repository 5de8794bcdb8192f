"""The trainer dashboard window: PIN gate, table, chart, CSV and PDF exports."""

from __future__ import annotations

import io
from pathlib import Path

from player.core.dashboard import dashboard_table, write_csv
from player.core.learning import create_learner, record_reading
from player.core.learning.pins import mark_trainer_pin_offered, set_trainer_pin
from player.ui.screens.dashboard import DashboardDialog
from tests.ui.test_reports import pdf_pages


def add_learners(services) -> None:  # noqa: ANN001
    ctx = services.context
    manifest = ctx.manifest("test-course")
    ana = create_learner(ctx.db, "Ana").id
    create_learner(ctx.db, "Bea")
    record_reading(ctx.db, ana, manifest, "m1-read", elapsed=30, at_end=True)
    mark_trainer_pin_offered(ctx.db)  # the first-time offer was answered (test_shared_laptop)


def open_dialog(qtbot, services) -> DashboardDialog:  # noqa: ANN001
    dialog = DashboardDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_dashboard_table_chart_and_exports(qtbot, services, tmp_path: Path) -> None:  # noqa: ANN001
    add_learners(services)
    dialog = open_dialog(qtbot, services)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        pass
    assert dialog.stack.currentWidget() is dialog.board
    assert dialog.table.rowCount() == 4  # 2 learners × 2 modules
    names = {dialog.table.item(r, 0).text() for r in range(4)}
    assert names == {"Ana", "Bea"}
    assert [bar.module_id for bar in dialog.chart.bars] == ["m1", "m2"]
    assert dialog.chart.grab().width() > 0  # painted without error

    out = tmp_path / "table.csv"
    dialog.export_csv(out)
    qtbot.waitUntil(lambda: out.exists(), timeout=10_000)
    expected = io.StringIO()
    write_csv(dashboard_table(services.context), expected)
    assert out.read_text(encoding="utf-8") == expected.getvalue()

    dialog.table.selectRow(0)
    row = dialog.selected_row()
    assert row is not None
    pdf = tmp_path / "summary.pdf"
    dialog.print_summary(row, pdf)
    qtbot.waitUntil(lambda: pdf.exists(), timeout=10_000)
    assert pdf_pages(pdf) == 1

    # filtering by course keeps the same rows (one course installed)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.course.setCurrentIndex(1)
    assert dialog.course_id == "test-course" and dialog.table.rowCount() == 4


def test_trainer_pin_gate(qtbot, services) -> None:  # noqa: ANN001
    add_learners(services)
    set_trainer_pin(services.context.db, "2468")
    dialog = open_dialog(qtbot, services)
    qtbot.waitUntil(lambda: dialog.pin.hasFocus() or not services.tasks.busy, timeout=10_000)
    assert dialog.stack.currentWidget() is dialog.gate
    dialog.pin.setText("1111")
    dialog.unlock.click()
    qtbot.waitUntil(lambda: dialog.pin_message.text() != "", timeout=10_000)
    assert dialog.stack.currentWidget() is dialog.gate and dialog.table.rowCount() == 0
    dialog.pin.setText("2468")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.unlock.click()
    assert dialog.table.rowCount() == 4
