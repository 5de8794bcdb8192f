"""Issue 20: the dashboard, add-course, settings and sync-details dialogs are real dialogs: a
title, a button that closes them, and a minimum size that fits a 1024×600 netbook screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox


@pytest.mark.parametrize(
    "dialog_class",
    [
        "player.ui.screens.dashboard_dialog.DashboardDialog",
        "player.ui.screens.add_course.AddCourseDialog",
        "player.ui.screens.settings.SettingsDialog",
        "player.ui.screens.sync_details.SyncDetailsDialog",
    ],
)
def test_dialogs_have_a_title_a_close_button_and_fit_a_netbook(
    qtbot, services, window, dialog_class: str
) -> None:
    module_name, class_name = dialog_class.rsplit(".", 1)
    module = __import__(module_name, fromlist=[class_name])
    dialog = getattr(module, class_name)(services, window)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, QDialog)
    assert dialog.windowTitle().strip()
    closers = [
        button
        for box in dialog.findChildren(QDialogButtonBox)
        for button in box.buttons()
        if box.buttonRole(button)
        in (QDialogButtonBox.ButtonRole.RejectRole, QDialogButtonBox.ButtonRole.DestructiveRole)
    ]
    assert closers, f"{class_name} has no Close or Cancel button"
    minimum = dialog.minimumSizeHint()
    assert minimum.width() <= 1024 and minimum.height() <= 600 - 40  # less the title bar
