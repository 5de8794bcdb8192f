"""Issue 15's sync minors: the dialog counts what the status bar counts, in the same words, with
plain words for the learner, a "Send now" button, and an indicator that is a real button."""

from __future__ import annotations

from player.core.learning import record_reading
from player.core.sync import outbox
from player.core.sync.service import activity_bases, manifests_of


def test_the_details_say_what_the_status_bar_says(qtbot, services, window) -> None:
    services.translations.apply("fr")
    ctx = services.context
    manifest = ctx.manifest("test-course")
    record_reading(ctx.db, services.learner_id, manifest, "m1-read", elapsed=30, at_end=True)
    outbox.freeze_pending(ctx.db, activity_bases(manifests_of(ctx)))
    rows = outbox.pending_batch(ctx.db, 100)
    outbox.mark_rejected(ctx.db, rows[0], "quarantined", "bad statement")
    window.sync.refresh_counts()
    qtbot.waitUntil(lambda: "refusé" in window.sync_label.text())

    window.online.click()  # the connection indicator opens the details: not a fake button
    dialog = window.sync_details
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.details is not None)
    assert dialog.summary.text() == window.sync_label.text()
    labels = " ".join(label.text() for label in dialog.labels.values()) + dialog.heading.text()
    assert "LRS" not in labels and "Conflits" not in labels
    assert dialog.send_button.text() == "&Envoyer maintenant"
    assert not dialog.send_button.isEnabled()  # no server set: nothing can be sent now
    with qtbot.waitSignal(dialog.send_now, timeout=1_000):
        dialog.send_button.setEnabled(True)
        dialog.send_button.click()
