"""LRS address, credentials and approvals in the Settings and Sync details dialogs (issue 14)."""

from __future__ import annotations

from pathlib import Path

from player.core.install import install
from player.core.learning import record_reading
from player.core.package.pack import pack
from player.core.package.reader import FolderSource
from player.core.settings import load_settings
from player.core.sync.endpoints import configure
from player.ui.screens.settings import SettingsDialog
from tests.helpers.courses import document, write_source

COURSE_LRS = "https://course-lrs.example.org/xAPI/"


def test_settings_bind_credentials_to_the_address_and_refuse_plain_http(
    qtbot, window, services
) -> None:
    dialog = SettingsDialog(services, window)
    qtbot.addWidget(dialog)
    dialog.endpoint.setText("http://lrs.lan/xAPI/")
    dialog.username.setText("trainer")
    dialog.password.setText("secret")
    dialog.save()
    assert "plain http to another computer" in dialog.message.text()
    assert "lrs_endpoint" not in load_settings(services.data.settings)
    dialog.insecure.setChecked(True)
    dialog.save()
    stored = load_settings(services.data.settings)
    assert stored["lrs_allow_insecure"] is True
    assert stored["lrs_credentials"]["http://lrs.lan"]["username"] == "trainer"

    # Another server typed in: the password of the first one is not shown for it.
    configure(services.data.settings, "https://other.example.org/xAPI/")
    services.settings = load_settings(services.data.settings)
    reopened = SettingsDialog(services, window)
    qtbot.addWidget(reopened)
    assert reopened.endpoint.text() == "https://other.example.org/xAPI/"
    assert (reopened.username.text(), reopened.password.text()) == ("", "")

    # The first server's password, shown for it, does not follow a new address unless retyped.
    services.settings = load_settings(services.data.settings)
    configure(services.data.settings, "http://lrs.lan/xAPI/", allow_insecure=True)
    services.settings = load_settings(services.data.settings)
    third = SettingsDialog(services, window)
    qtbot.addWidget(third)
    assert third.password.text() == "secret"
    third.endpoint.setText("https://elsewhere.example.org/xAPI/")
    third.save()
    assert "saved for another server" in third.message.text()
    assert third.password.text() == ""
    assert "elsewhere" not in load_settings(services.data.settings)["lrs_endpoint"]
    qtbot.keyClicks(third.password, "secret")
    third.save()
    stored = load_settings(services.data.settings)["lrs_credentials"]
    assert stored["https://elsewhere.example.org"]["password"] == "secret"


def test_sync_details_offer_to_approve_the_lrs_a_course_names(
    qtbot, services, window, tmp_path: Path
) -> None:
    ctx = services.context
    source = write_source(
        tmp_path / "src", document(id="lrs-course", sync={"endpoint": COURSE_LRS})
    )
    install(ctx, FolderSource(pack(source, tmp_path / "lrs-course.pkg").dest))
    manifest = ctx.manifest("lrs-course")
    record_reading(ctx.db, services.learner_id, manifest, "m1-read", elapsed=30, at_end=True)

    window.sync_details_button.click()
    dialog = window.sync_details
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.details is not None and bool(dialog.details.unapproved))
    assert COURSE_LRS in dialog.approval.text()
    assert dialog.approve_button.isVisibleTo(dialog)
    dialog.approve_button.click()
    qtbot.waitUntil(lambda: dialog.details is not None and not dialog.details.unapproved)
    assert load_settings(services.data.settings)["lrs_approved_endpoints"] == [COURSE_LRS]
    assert not dialog.approve_button.isVisibleTo(dialog)
