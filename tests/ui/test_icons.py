"""Icons stay sharp at 125–200 % scaling: every icon the screens show is an SVG, drawn at the
size and device pixel ratio Qt asks for, never a raster image scaled up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QAbstractButton, QWidget

from player.core.resources import assets_dir
from player.ui import style
from player.ui.widgets.svg import svg_icon

UI = Path(__file__).resolve().parents[2] / "player" / "ui"
ICONS = sorted(path.stem for path in (assets_dir() / "icons" / "ui").glob("*.svg"))


@pytest.mark.parametrize("scale", [1.25, 1.5, 2.0])
def test_every_svg_icon_is_drawn_at_the_screens_scale(qapp, scale: float) -> None:
    for name in ICONS:
        pixmap = svg_icon(name, "accent").pixmap(QSize(20, 20), scale)
        assert pixmap.size() == QSize(round(20 * scale), round(20 * scale)), name
        assert pixmap.devicePixelRatio() == pytest.approx(scale)
        image = pixmap.toImage()
        drawn = (
            image.pixelColor(x, y).alpha()
            for x in range(image.width())
            for y in range(image.height())
        )
        assert any(drawn), f"{name} draws nothing"


def test_the_online_dot_is_a_filled_circle_of_the_palettes_colour(qapp) -> None:
    image = svg_icon("dot", "success").pixmap(QSize(14, 14), 2.0).toImage()
    assert image.pixelColor(14, 14) == QColor(style.current().success)  # the middle is filled
    assert image.pixelColor(0, 0).alpha() == 0  # the corners stay see-through


def test_an_icon_named_by_its_palette_colour_follows_a_switch_to_dark(qapp) -> None:
    icon = svg_icon("dot", "success")
    old = qapp.palette(), qapp.style().name()
    try:
        for scheme in ("dark", "light"):
            palette = style.apply(qapp, style.SCHEMES[scheme])
            middle = icon.pixmap(QSize(14, 14), 1.0).toImage().pixelColor(7, 7)
            assert middle == QColor(palette.success), scheme
    finally:
        qapp.setStyleSheet("")
        qapp.setStyle(old[1])
        qapp.setPalette(old[0])


def is_vector(icon: QIcon) -> bool:
    """A raster icon (a file, a style's standard pixmap) lists the sizes it was drawn at; an SVG
    icon has none: it is drawn at whatever size is asked."""
    return not icon.isNull() and icon.availableSizes() == []


def shown_icons(widget: QWidget) -> dict[str, QIcon]:
    return {
        button.objectName() or button.toolTip() or button.text(): button.icon()
        for button in widget.findChildren(QAbstractButton)
        if not button.icon().isNull()
    }


def test_the_learners_list_status_bar_and_video_controls_show_only_svg_icons(
    qtbot, window, services
) -> None:
    from player.core.learning.learners import create_learner
    from player.ui.screens.learners import LearnerDialog
    from player.ui.screens.video_lesson import VideoLessonView

    create_learner(services.context.db, "Awa Diop", pin="1234")
    dialog = LearnerDialog(services, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 2)
    locked = [dialog.list.item(row).icon() for row in range(2)]
    assert [is_vector(icon) for icon in locked if not icon.isNull()] == [True]

    window.set_online(True)
    assert is_vector(window.online.icon())

    video = VideoLessonView()
    qtbot.addWidget(video)
    icons = shown_icons(video)
    assert len(icons) >= 5  # play, skip back, skip forward, mute, full screen
    assert [name for name, icon in icons.items() if not is_vector(icon)] == []
    video.release()


def test_no_screen_asks_for_a_raster_icon() -> None:
    """The style's standard pixmaps and image files are raster: the screens use SVG icons. The
    window icon and the pictures (covers, thumbnails, the hub's QR code) are not icons."""
    raster = re.compile(
        r"standardIcon\(|standardPixmap\(|QIcon\(\s*(str\(|[\"'])|\.(png|xpm|ico)\b"
    )
    allowed = {"app.py"}  # the window icon, which the desktop picks a size of
    offenders = [
        f"{path.relative_to(UI).as_posix()}:{number}"
        for path in UI.rglob("*.py")
        if path.name not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if raster.search(line)
    ]
    assert offenders == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_dialog_buttons_have_no_raster_icons_and_message_boxes_svg_ones(qapp, scheme) -> None:
    """Fusion puts raster icons on Ok/Cancel/Close and in message boxes; the app's style sheet
    takes them off the buttons and gives message boxes its SVG ones, in the palette's colours."""
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    old = qapp.palette(), qapp.style().name()
    try:
        palette = style.apply(qapp, style.SCHEMES[scheme])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.ensurePolished()
        assert [b.icon().isNull() for b in buttons.buttons()] == [True, True]
        for kind, colour in (
            (QMessageBox.Icon.Warning, palette.warning),
            (QMessageBox.Icon.Critical, palette.danger),
            (QMessageBox.Icon.Question, palette.accent),
            (QMessageBox.Icon.Information, palette.accent),
        ):
            box = QMessageBox(kind, "Titre", "Texte")
            box.ensurePolished()
            box.setIcon(kind)  # the icon is taken from the style once the sheet applies
            image = box.iconPixmap().toImage()
            assert not image.isNull(), kind
            colours = {
                image.pixelColor(x, y).name()
                for x in range(image.width())
                for y in range(image.height())
                if image.pixelColor(x, y).alpha() == 255
            }
            assert colour in colours, kind
    finally:
        qapp.setStyleSheet("")
        qapp.setStyle(old[1])
        qapp.setPalette(old[0])
