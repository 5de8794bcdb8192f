"""Sync details from the status line (quarantined statements and their reason); own PIN."""

from __future__ import annotations

from player.core.learning import record_reading
from player.core.sync import outbox
from player.core.sync.service import activity_bases, manifests_of
from player.ui.screens.learners import LearnerDialog

REASON = "Invalid statement: result.duration is not an ISO 8601 duration"


def test_sync_details_list_a_quarantined_statement_with_the_server_reason(
    qtbot, services, window
) -> None:
    ctx = services.context
    manifest = ctx.manifest("test-course")
    record_reading(ctx.db, services.learner_id, manifest, "m1-read", elapsed=30, at_end=True)
    outbox.freeze_pending(ctx.db, activity_bases(manifests_of(ctx)))
    rows = outbox.pending_batch(ctx.db, 100)
    assert rows
    # What the sync run records when the LRS answers 400 for this statement alone.
    outbox.mark_rejected(ctx.db, rows[0], "quarantined", REASON)

    assert window.sync_details_button.defaultAction() is window.action_sync_details
    window.sync_details_button.click()
    dialog = window.sync_details
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.details is not None)
    assert dialog.values["quarantined"].text() == "1"
    assert dialog.values["pending"].text() == str(len(rows) - 1)
    assert dialog.values["endpoint"].text().startswith("not set")
    assert dialog.problems.rowCount() == 1
    cells = [dialog.problems.item(0, column).text() for column in range(4)]
    assert cells[0] == "refused" and cells[2] == "Learner" and cells[3] == REASON
    assert rows[0].statement_id in dialog.problems.item(0, 3).toolTip()


def test_a_learner_sets_changes_and_removes_their_own_pin(qtbot, window, services) -> None:
    dialog = LearnerDialog(services, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 1)

    pin = dialog.change_my_pin()
    assert not pin.current.isVisibleTo(pin)  # no PIN yet: nothing to confirm
    qtbot.keyClicks(pin.new, "12")
    pin.save.click()
    assert pin.message.text() == "A PIN has 4 to 8 digits."
    pin.new.setText("2580")
    pin.again.setText("2581")
    pin.save.click()
    assert pin.message.text() == "The two new PINs differ. Type them again."
    pin.again.setText("2580")
    with qtbot.waitSignal(pin.changed, timeout=10_000):
        pin.save.click()
    assert services.learner.has_pin
    qtbot.waitUntil(lambda: dialog.message.text() == "Your PIN is set.")

    pin = dialog.change_my_pin()
    assert pin.current.isVisibleTo(pin) and pin.remove.isVisibleTo(pin)
    pin.remove.click()
    assert pin.message.text() == "Type your current PIN first."
    pin.current.setText("0000")
    pin.remove.click()
    qtbot.waitUntil(lambda: pin.message.text() == "Wrong current PIN. Nothing was changed.")
    assert services.learner.has_pin
    pin.current.setText("2580")
    with qtbot.waitSignal(pin.changed, timeout=10_000):
        pin.remove.click()
    assert not services.learner.has_pin
    qtbot.waitUntil(lambda: dialog.message.text() == "Your PIN was removed.")


def test_last_sent_time_is_shown_in_local_hours_as_qt_reads_the_timestamp(qapp) -> None:
    from PySide6.QtCore import QDateTime, QLocale, Qt

    from player.core.store.database import utc_now
    from player.ui.units import local_time

    for stamp in (utc_now(), "2026-01-15T23:59:59.999Z", "2026-07-01T00:00:00Z"):
        parsed = QDateTime.fromString(stamp, Qt.DateFormat.ISODateWithMs)
        assert parsed.isValid()
        expected = QLocale().toString(parsed.toLocalTime().time(), QLocale.FormatType.ShortFormat)
        assert local_time(stamp) == expected
    assert local_time("not a time") == "not a time"


def test_an_unreachable_lrs_shows_why_and_send_now_tries_again(qtbot, services, window) -> None:
    """Issue 15: the details say why the server could not be reached, with "Send now"."""
    import socket

    from player.core.sync.endpoints import configure

    with socket.socket() as probe:  # a port nothing listens on: connection refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    configure(services.data.settings, f"http://127.0.0.1:{port}/xapi/", None)
    ctx = services.context
    record_reading(ctx.db, services.learner_id, ctx.manifest("test-course"), "m1-read", at_end=True)

    window.sync_details_button.click()
    dialog = window.sync_details
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.details is not None)
    assert not dialog.values["problem"].isVisibleTo(dialog)  # nothing tried yet
    assert dialog.send_button.isEnabled()
    with qtbot.waitSignal(window.sync.changed, timeout=20_000):
        dialog.send_button.click()
    qtbot.waitUntil(lambda: dialog.values["problem"].isVisibleTo(dialog), timeout=10_000)
    assert "cannot reach the LRS" in dialog.values["problem"].text()
    assert window.sync.last_problem == dialog.values["problem"].text()
