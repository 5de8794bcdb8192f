"""The window appears complete: its library is read first, and a held-up read never hides it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QObject

from player.ui.app import start
from tests.helpers.library import card, cards, click_action


def test_the_window_shows_with_its_cards_already_drawn(qtbot, services) -> None:
    cards_at_show: list[int] = []

    class AtShow(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Show:
                cards_at_show.append(len(cards(window.library)))
            return False

    window = start(services)
    qtbot.addWidget(window)
    spy = AtShow(window)
    window.installEventFilter(spy)
    assert not window.isVisible()  # not an empty frame first
    qtbot.waitUntil(window.isVisible, timeout=10_000)
    assert cards_at_show == [1]  # the test course's card was there when the window appeared
    first = card(window.library)
    assert first.action == "Start" and first.publisher == "Unsigned"


def test_a_held_up_first_read_still_shows_the_window(qtbot, services) -> None:
    release = threading.Event()
    # Another instance writing, a slow disk: the storage lane is busy when the app starts.
    services.tasks.run(lambda: release.wait(30))
    window = start(services)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(window.isVisible, timeout=10_000)
        assert cards(window.library) == []  # shown before its data, rather than not at all
    finally:
        release.set()
    qtbot.waitUntil(lambda: len(cards(window.library)) == 1, timeout=10_000)


def test_back_in_the_library_the_same_cards_show_the_new_progress(qtbot, window, services):
    from player.ui import ops

    library = window.library
    first = card(library)
    assert first.progress == 0 and first.action == "Start"
    library.view.setCurrentIndex(first.index)
    resets: list[None] = []
    library.model.modelReset.connect(lambda: resets.append(None))
    with qtbot.waitSignal(window.screen_changed):
        click_action(qtbot, library)
    # Progress made while the library is hidden (a page read to its end) ...
    services.tasks.run(lambda: ops.record_reading(services, "test-course", "m1-read", 1.0, True))
    qtbot.waitUntil(lambda: not services.tasks.busy)
    assert first.progress == 0  # ... is not drawn while nobody sees the library,
    with qtbot.waitSignal(library.refreshed, timeout=10_000):
        window.show_library()  # ... but once it shows again
    assert resets == []  # updated in place, not rebuilt: the current card stays current
    assert library.view.currentIndex().row() == first.row
    assert first.progress > 0 and first.action == "Continue"


def test_a_lone_card_keeps_its_height_in_a_tall_window(qtbot, window) -> None:
    from player.ui.widgets.course_cards import card_size

    window.resize(1366, 900)
    qtbot.waitUntil(lambda: window.library.height() > 700)
    view = window.library.view
    rect = view.visualRect(card(window.library).index)
    # The spare height stays below the cards; the card is not stretched to fill the window.
    assert rect.size() == card_size(view.font())
    assert rect.bottom() < view.viewport().height() // 2


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
                    bar = library.view.verticalScrollBar()
                    first_frame.append((bar.isVisible(), library.view.viewport().width()))
                return False

        spy = AtFirstPaint(window)
        window.installEventFilter(spy)
        qtbot.waitUntil(lambda: bool(first_frame), timeout=10_000)
        qtbot.waitUntil(lambda: not services.tasks.busy, timeout=10_000)
        for _ in range(5):
            qapp.processEvents()  # whatever the first frame left to do
        assert len(cards(library)) == 12
        settled = (library.view.verticalScrollBar().isVisible(), library.view.viewport().width())
        assert settled[0], "12 courses should need a scroll bar"
        assert first_frame[0] == settled
    finally:
        services.close()
