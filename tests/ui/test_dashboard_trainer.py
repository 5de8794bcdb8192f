"""Issue 15 items 7-8 and issue 19 on the trainer dashboard, in French: the course column, the
chart's axes, the placeholder profile, the CSV for French spreadsheets, sorting and filtering."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import Qt

from player.core.install import install
from player.core.learning import create_learner, record_reading
from player.core.learning.learners import ensure_default_learner
from player.core.learning.pins import mark_trainer_pin_offered
from player.core.package.pack import pack
from player.core.package.reader import FolderSource
from player.ui.screens.dashboard_dialog import DashboardDialog
from tests.helpers.courses import MEDIA, document, write_source
from tests.ui.test_dashboard_screen import cells


def second_course(
    services, tmp_path: Path, course_id: str = "second-course", title: str = "Deuxième cours"
) -> None:
    doc = document()
    doc.update(id=course_id, title=title)
    package = tmp_path / f"{course_id}-package"
    pack(write_source(tmp_path / course_id, doc, dict(MEDIA)), package)
    install(services.context, FolderSource(package))


def open_french(qtbot, services) -> DashboardDialog:
    services.translations.apply("fr")
    mark_trainer_pin_offered(services.context.db)
    dialog = DashboardDialog(services)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    return dialog


def headers(dialog: DashboardDialog) -> list[str]:
    model = dialog.table.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_two_courses_are_told_apart_by_a_course_column(qtbot, services, tmp_path: Path) -> None:
    second_course(services, tmp_path)
    ana = create_learner(services.context.db, "Ana").id
    for course_id in ("test-course", "second-course"):
        manifest = services.context.manifest(course_id)
        record_reading(services.context.db, ana, manifest, "m1-read", elapsed=20, at_end=True)
    dialog = open_french(qtbot, services)
    assert headers(dialog)[:3] == ["Apprenant", "Cours", "Module"]
    assert set(cells(dialog, 1)) == {"Cours d'essai", "Deuxième cours"}
    # the course list filters the rows (and the chart) without reading again
    dialog.course.setCurrentIndex(dialog.course.findData("second-course"))
    assert set(cells(dialog, 1)) == {"Deuxième cours"}
    assert {bar.course_id for bar in dialog.chart.bars} == {"second-course"}


def test_the_chart_has_axes_and_values(qtbot, services) -> None:
    ana = create_learner(services.context.db, "Ana").id
    create_learner(services.context.db, "Bea")
    manifest = services.context.manifest("test-course")
    record_reading(services.context.db, ana, manifest, "m1-read", elapsed=20, at_end=True)
    dialog = open_french(qtbot, services)
    vertical, horizontal = dialog.chart.axis_titles
    assert vertical.startswith("% des apprenants") and horizontal == "Modules"
    first = dialog.chart.bars[0]
    assert dialog.chart.value_texts(first) == ("0/2", "—")
    assert "Module 1: 0/2" in dialog.chart.accessibleDescription()
    assert not dialog.chart.grab().isNull()  # painted, axes included, without error


def test_the_placeholder_profile_is_not_a_learner_until_it_has_progress(qtbot, services) -> None:
    placeholder = ensure_default_learner(services.context.db, "Apprenant")
    ana = create_learner(services.context.db, "Ana").id
    manifest = services.context.manifest("test-course")
    record_reading(services.context.db, ana, manifest, "m1-read", elapsed=20, at_end=True)
    dialog = open_french(qtbot, services)
    assert set(cells(dialog, 0)) == {"Ana"} and dialog.status.text() == "1 apprenant"
    record_reading(services.context.db, placeholder.id, manifest, "m1-read", elapsed=5)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.reload()
    assert set(cells(dialog, 0)) == {"Ana", "Apprenant"}


def test_csv_for_a_french_spreadsheet(qtbot, services, tmp_path: Path) -> None:
    db, manifest = services.context.db, services.context.manifest("test-course")
    ana = create_learner(db, '=HYPERLINK("http://evil";"Ana")').id
    record_reading(db, ana, manifest, "m1-read", elapsed=3725, at_end=True)
    dialog = open_french(qtbot, services)
    out = tmp_path / "progression.csv"
    dialog.export_csv(out)
    qtbot.waitUntil(lambda: out.exists(), timeout=10_000)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the UTF-8 BOM
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    first = rows[0]
    assert first["Apprenant"] == '\'=HYPERLINK("http://evil";"Ana")'  # csv_cell still applied
    assert first["Cours terminé"] == "Non" and first["État"] == "ouvert"
    assert first["Temps passé"] == "1:02:05"
    assert first["Connu par"] == "cet ordinateur"
    assert "False" not in raw.decode("utf-8") and "state" not in raw.decode("utf-8")


def test_the_table_sorts_and_filters(qtbot, services) -> None:
    db, manifest = services.context.db, services.context.manifest("test-course")
    for name, seconds in (("Zoé", 50), ("Ana", 500), ("Moussa", 5)):
        learner = create_learner(db, name).id
        record_reading(db, learner, manifest, "m1-read", elapsed=seconds)
    dialog = open_french(qtbot, services)
    dialog.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert cells(dialog, 0)[::2] == ["Ana", "Moussa", "Zoé"]
    dialog.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)  # time spent: as numbers
    assert cells(dialog, 0)[:3] == ["Ana", "Zoé", "Moussa"]
    dialog.module_filter.setText("module 2")
    assert set(cells(dialog, 2)) == {"Module 2"} and len(cells(dialog, 0)) == 3
    dialog.learner_filter.setText("mOu")
    assert cells(dialog, 0) == ["Moussa"] and dialog.status.text() == "1 apprenant"
    assert [bar.module_id for bar in dialog.chart.bars] == ["m2"]
    dialog.module_filter.clear()
    dialog.learner_filter.clear()
    assert len(cells(dialog, 0)) == 6


def test_with_many_courses_the_dashboard_opens_on_one(qtbot, services, tmp_path: Path) -> None:
    """Issue 19: 50 courses open as fast as one; "All courses" reads them all on request."""
    for index in range(3):
        second_course(services, tmp_path, f"course-{index}", f"Atelier {index}")
    create_learner(services.context.db, "Ana", email="ana@example.org")
    dialog = open_french(qtbot, services)
    assert dialog.course_id == "course-0" and set(cells(dialog, 1)) == {"Atelier 0"}
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.course.setCurrentIndex(0)  # Tous les cours
    assert len(set(cells(dialog, 1))) == 4
    dialog.course.setCurrentIndex(dialog.course.findData("course-2"))  # filtered, not read
    assert set(cells(dialog, 1)) == {"Atelier 2"}
