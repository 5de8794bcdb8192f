"""The window appears complete: its library is read first, and a held-up read never hides it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QObject

from player.ui.app import start


def test_the_window_shows_with_its_cards_already_drawn(qtbot, services) -> None:
    cards_at_show: list[int] = []

    class AtShow(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Show:
                cards_at_show.append(len(window.library.cards))
            return False

    window = start(services)
    qtbot.addWidget(window)
    spy = AtShow(window)
    window.installEventFilter(spy)
    assert not window.isVisible()  # not an empty frame first
    qtbot.waitUntil(window.isVisible, timeout=10_000)
    assert cards_at_show == [1]  # the test course's card was there when the window appeared
    card = window.library.cards[0]
    assert card.button.text() == "Start" and card.publisher.isVisibleTo(card)


def test_a_held_up_first_read_still_shows_the_window(qtbot, services) -> None:
    release = threading.Event()
    # Another instance writing, a slow disk: the storage lane is busy when the app starts.
    services.tasks.run(lambda: release.wait(30))
    window = start(services)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(window.isVisible, timeout=10_000)
        assert window.library.cards == []  # shown before its data, rather than not at all
    finally:
        release.set()
    qtbot.waitUntil(lambda: len(window.library.cards) == 1, timeout=10_000)


def test_back_in_the_library_the_same_cards_show_the_new_progress(qtbot, window, services):
    from PySide6.QtCore import Qt

    from player.ui import ops

    card = window.library.cards[0]
    assert card.bar.value() == 0 and card.button.text() == "Start"
    with qtbot.waitSignal(window.screen_changed):
        qtbot.mouseClick(card.button, Qt.MouseButton.LeftButton)
    # Progress made while the library is hidden (a page read to its end) ...
    services.tasks.run(lambda: ops.record_reading(services, "test-course", "m1-read", 1.0, True))
    qtbot.waitUntil(lambda: not services.tasks.busy)
    assert card.bar.value() == 0  # ... is not drawn while nobody sees the library,
    with qtbot.waitSignal(window.library.refreshed, timeout=10_000):
        window.show_library()  # ... but once it shows again
    assert window.library.cards[0] is card  # updated in place, not rebuilt
    assert card.bar.value() > 0 and card.button.text() == "Continue"


def test_a_lone_card_keeps_its_height_in_a_tall_window(qtbot, window) -> None:
    window.resize(1366, 900)
    qtbot.waitUntil(lambda: window.library.height() > 700)
    card = window.library.cards[0]
    qtbot.waitUntil(lambda: card.height() > 0)
    # The spare height stays below the cards; the card is not stretched to fill the window.
    assert card.height() <= card.sizeHint().height() + 4


def test_the_first_frame_of_a_scrolling_library_is_its_final_layout(qtbot, qapp, tmp_path):
    # 12 courses overflow a small window: the scroll bar must be there in the first frame, not
    # appear after it (which moved every card and painted the whole window twice).
    from player.core.context import open_context
    from player.core.paths import DataDir
    from player.ui.i18n import Translations
    from player.ui.services import build_services
    from tests.helpers.courses import install_copies

    data = DataDir(tmp_path / "data")
    ctx = open_context(data)
    try:
        install_copies(ctx, 12, tmp_path)
    finally:
        ctx.close()
    translations = Translations(qapp)
    translations.apply("en")
    services = build_services(data, translations=translations)
    try:
        window = start(services)
        qtbot.addWidget(window)
        window.resize(window.minimumSize())  # before it shows (once the library is read)
        library = window.library
        first_frame: list[tuple[bool, int]] = []

        class AtFirstPaint(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint and not first_frame:
                    bar = library.scroll_area.verticalScrollBar()
                    first_frame.append((bar.isVisible(), library.grid_host.width()))
                return False

        spy = AtFirstPaint(window)
        window.installEventFilter(spy)
        qtbot.waitUntil(lambda: bool(first_frame), timeout=10_000)
        qtbot.waitUntil(lambda: not services.tasks.busy, timeout=10_000)
        for _ in range(5):
            qapp.processEvents()  # whatever the first frame left to do
        assert len(library.cards) == 12
        settled = (library.scroll_area.verticalScrollBar().isVisible(), library.grid_host.width())
        assert settled[0], "12 courses should need a scroll bar"
        assert first_frame[0] == settled
    finally:
        services.close()
