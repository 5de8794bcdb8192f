"""Share in a workshop: start the hub from the app, pair a laptop, courses on the network.

On loopback only (``hub_bind`` 127.0.0.1, any free port): nothing is announced on the network.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import requests
from PySide6.QtWidgets import QWidget

from player.core.hub.pairing import token_for
from player.core.hub.server import HubOptions, HubServer
from player.core.paths import DataDir
from player.core.store.database import utc_now
from player.ui.screens.add_course import AddCourseDialog
from player.ui.screens.workshop import WorkshopDialog


@pytest.fixture
def loopback_services(services):
    services.save_settings(hub_bind="127.0.0.1", hub_port=0)
    return services


@pytest.fixture
def empty_services(qapp, tmp_path: Path):
    from player.ui.services import build_services

    built = build_services(DataDir(tmp_path / "laptop"))
    yield built
    built.close()


def statement() -> dict[str, object]:
    return {
        "id": str(uuid.uuid4()),
        "actor": {"mbox": "mailto:awa@example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"id": "https://course-player.invalid/xapi/activities/test-course/lessons/x"},
        "timestamp": utc_now(),
    }


def test_start_sharing_shows_address_code_and_qr_then_takes_statements(
    qtbot, loopback_services
) -> None:
    dialog = WorkshopDialog(loopback_services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.code.isVisible()
    dialog.toggle.click()
    qtbot.waitUntil(lambda: dialog.invitation is not None, timeout=20_000)
    assert dialog.toggle.text() == "Stop sharing"
    url = dialog.address.text().splitlines()[0]
    assert url.startswith("http://127.0.0.1:")
    code = dialog.code.text()
    assert len(code) == 6 and not dialog.qr.pixmap().isNull()
    assert requests.get(url + "courses", timeout=5).json()["courses"][0]["id"] == "test-course"
    runner = loopback_services.tasks
    with qtbot.waitSignal(runner.operation_did_execute, timeout=10_000) as announced:
        answer = requests.post(
            url + "xapi/statements",
            json=[statement(), statement()],
            headers={"Authorization": f"Bearer {token_for(code)}"},
            timeout=5,
        )
        assert answer.status_code == 200
    assert announced.args[0].outbox
    assert "2 statement(s) received" in dialog.received_note.text()
    dialog.close()  # sharing goes on without the window
    assert requests.get(url + "courses", timeout=5).status_code == 200
    again = WorkshopDialog(loopback_services)
    qtbot.addWidget(again)
    assert again.code.text() == code and "2 statement(s)" in again.received_note.text()
    again.toggle.click()
    qtbot.waitUntil(lambda: again.toggle.text() == "Start sharing", timeout=20_000)
    with pytest.raises(requests.ConnectionError):
        requests.get(url + "courses", timeout=5)


def test_quitting_the_app_stops_sharing(qtbot, loopback_services) -> None:
    from player.ui.screens.workshop import shared_hub, stop_sharing

    dialog = WorkshopDialog(loopback_services)
    qtbot.addWidget(dialog)
    dialog.toggle.click()
    qtbot.waitUntil(lambda: dialog.invitation is not None, timeout=20_000)
    url = dialog.address.text().splitlines()[0]
    assert shared_hub(loopback_services) is not None
    stop_sharing(loopback_services)
    assert shared_hub(loopback_services) is None
    with pytest.raises(requests.ConnectionError):
        requests.get(url + "courses", timeout=5)


def test_a_laptop_pairs_with_a_hub_and_remembers_it(qtbot, data_dir, empty_services) -> None:
    options = HubOptions(port=0, bind="127.0.0.1", code="ABCD23", name="Atelier")
    with HubServer(data_dir, options) as hub:
        dialog = WorkshopDialog(empty_services)
        qtbot.addWidget(dialog)
        dialog.hub_address.setText(f"127.0.0.1:{hub.port}")
        dialog.hub_code.setText("wrong9")
        dialog.pair_button.click()
        qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=10_000)
        assert "refused the pairing code" in dialog.message.text()
        dialog.hub_code.setText("abcd23")
        with qtbot.waitSignal(dialog.hub_changed, timeout=10_000):
            dialog.pair_button.click()
        assert "Paired with the hub Atelier" in dialog.paired.text()
        assert empty_services.settings["hub_url"] == f"http://127.0.0.1:{hub.port}/"
        dialog.forget_button.click()
        assert "hub_url" not in empty_services.settings
        assert dialog.paired.text() == "Not paired with a hub."


def test_add_a_course_lists_a_hubs_courses_by_address_and_plans_one(
    qtbot, data_dir, empty_services
) -> None:
    with HubServer(data_dir, HubOptions(port=0, bind="127.0.0.1", code="ABCD23")) as hub:
        dialog = AddCourseDialog(empty_services)
        qtbot.addWidget(dialog)
        panel = dialog.network
        panel.address.setText(f"127.0.0.1:{hub.port}")
        with qtbot.waitSignal(panel.searched, timeout=10_000) as searched:
            panel.show_hub.click()
        assert searched.args == [1]
        assert "Cours d'essai" in panel.courses.item(0).text()
        with qtbot.waitSignal(dialog.planned, timeout=20_000):
            panel.choose.click()
        assert dialog.url.text() == f"{hub.url}courses/test-course/course.json"
        assert "Cours d'essai, version 1" in dialog.plan_title.text()


def test_settings_show_the_paired_hub(qtbot, data_dir, empty_services) -> None:
    from player.core.hub.learner import pair
    from player.ui.screens.settings import SettingsDialog

    dialog = SettingsDialog(empty_services)
    qtbot.addWidget(dialog)
    assert "none" in dialog.findChild(QWidget, "hub-setting").state.text()
    options = HubOptions(port=0, bind="127.0.0.1", code="ABCD23", name="Atelier")
    with HubServer(data_dir, options) as hub:
        pair(empty_services.data.settings, hub.url, "ABCD23")
        empty_services.save_settings()  # re-read, as the workshop window does after pairing
        dialog = SettingsDialog(empty_services)
        qtbot.addWidget(dialog)
        row = dialog.findChild(QWidget, "hub-setting")
        assert "Workshop hub: Atelier" in row.state.text()


def test_the_status_bar_says_when_the_paired_hub_has_a_newer_app(
    qtbot, tmp_path: Path, services, window
) -> None:
    from player import __version__
    from player.core.hub.learner import pair
    from player.core.hub.updates import add_update
    from tests.helpers.releases import make_releases

    releases = make_releases(tmp_path / "releases", v1=__version__, v2="99.0.0")
    hub_data = DataDir(tmp_path / "hub")
    add_update(hub_data, releases.update, {releases.key})
    options = HubOptions(
        port=0, bind="127.0.0.1", code="ABCD23", release_keys=frozenset({releases.key})
    )
    with HubServer(hub_data, options) as hub:
        pair(services.data.settings, hub.url, "ABCD23")
        services.save_settings()
        assert window.app_update_label.isHidden()
        window.sync.tick()
        qtbot.waitUntil(lambda: not window.app_update_label.isHidden(), timeout=20_000)
    assert window.app_update_label.text() == "An app update is available on the hub"
    assert window.app_update_label.toolTip() == (
        f"Version 99.0.0. To install it, close the app and run: course-player app-update apply"
        f" {hub.url}"
    )
