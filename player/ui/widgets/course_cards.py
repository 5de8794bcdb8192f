"""The library's course cards: a list view in a grid, each card painted by a delegate.

A card shows a course's cover, title, publisher line, details, a progress ring with
"3 leçons sur 9", one primary action drawn as a button ("Commencer" / "Continuer") and a "⋯"
button for the rest. There is no widget per card: ``CourseGrid`` (a ``QListView`` wrapping its
items like icons) asks the model for the data of the cards it shows and ``CourseDelegate``
paints them, so fifty courses cost what the cards on screen cost.

The model (``player.ui.screens.library_model``) answers the roles of ``CardRole`` with text
already in the UI language; the delegate only lays out and paints it with ``drawText`` (plain
text: a title from a package is never rendered as HTML).

Mouse: a click on the drawn button asks to open the course, on "⋯" for its menu; a double
click opens it (the view's ``activated``). Keyboard: arrows move between cards, Enter opens
(``activated``), the Menu key or Shift+F10 opens the menu of the current card; the current card
of the focused view wears the focus ring.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, fields

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from player.ui import style
from player.ui.style import RADIUS, SPACING
from player.ui.widgets.common import scaled
from player.ui.widgets.publisher import Tone, tone_colour
from player.ui.widgets.ring import paint_ring

Index = QModelIndex | QPersistentModelIndex

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter

#: A card's width; its height follows the font (two lines of title, then one line each).
CARD_WIDTH = 300
RING_DIAMETER = 44
TITLE_LINES = 2
COVER_LETTER_PIXELS = 64  # 42 % of the cover's height


class CardRole(enum.IntEnum):
    """What a card model answers, besides Qt's display, accessible text and decoration roles.

    Texts are in the UI language, ready to draw.
    """

    COURSE_ID = Qt.ItemDataRole.UserRole + 1
    PUBLISHER = enum.auto()  # the publisher line, or None (no line)
    PUBLISHER_TONE = enum.auto()  # a ``widgets.publisher.Tone``
    PUBLISHER_TIP = enum.auto()
    DETAILS = enum.auto()  # "Français · version 1 · 2,7 Mo"
    PROGRESS = enum.auto()  # 0..1
    LESSONS = enum.auto()  # "3 leçons sur 9", or "" when unknown
    ACTION = enum.auto()  # "Continuer" / "Commencer"
    MORE_TIP = enum.auto()  # "Autres actions"
    LETTER = enum.auto()  # the cover's placeholder letter


class Part(enum.Enum):
    """The parts of a card a pointer can act on."""

    CARD = "card"
    ACTION = "action"
    MORE = "more"
    PUBLISHER = "publisher"


@dataclass(frozen=True, slots=True)
class CardFonts:
    text: QFont
    title: QFont
    bold: QFont  # the primary action
    ring: QFont  # the figure in the ring
    more: QFont  # the "⋯"
    letter: QFont  # the cover's placeholder: the title's first letter, large

    @classmethod
    def of(cls, base: QFont) -> CardFonts:
        letter = scaled(base, 1.0, bold=True)
        letter.setPixelSize(COVER_LETTER_PIXELS)
        return cls(
            QFont(base),
            scaled(base, 1.2, bold=True),
            scaled(base, 1.0, bold=True),
            scaled(base, 0.8, bold=True),
            scaled(base, 1.3, bold=True),
            letter,
        )


@dataclass(frozen=True, slots=True)
class CardGeometry:
    """Where each part of a card goes inside its rectangle (the view's ``visualRect``)."""

    card: QRect
    cover: QRect
    title: QRect
    publisher: QRect
    details: QRect
    ring: QRect
    lessons: QRect
    action: QRect
    more: QRect

    @classmethod
    def of(cls, fonts: CardFonts) -> CardGeometry:
        """The parts of a card whose top left corner is at (0, 0)."""
        s = SPACING
        line = QFontMetrics(fonts.text).height()
        width = CARD_WIDTH - 2 * s.m
        x = y = s.m
        cover = QRect(x, y, width, width * 9 // 16)
        y = cover.bottom() + 1 + s.s
        title = QRect(x, y, width, QFontMetrics(fonts.title).lineSpacing() * TITLE_LINES)
        y = title.bottom() + 1 + s.xs
        publisher = QRect(x, y, width, line)
        y = publisher.bottom() + 1 + s.xs
        details = QRect(x, y, width, line)
        y = details.bottom() + 1 + s.m
        ring = QRect(x, y, RING_DIAMETER, RING_DIAMETER)
        lessons = QRect(ring.right() + 1 + s.s, y, width - RING_DIAMETER - s.s, RING_DIAMETER)
        y = ring.bottom() + 1 + s.m
        height = QFontMetrics(fonts.bold).height() + 2 * s.s
        more_width = QFontMetrics(fonts.more).horizontalAdvance("⋯") + 2 * s.l
        more = QRect(x + width - more_width, y, more_width, height)
        action = QRect(x, y, width - more_width - s.s, height)
        card = QRect(0, 0, CARD_WIDTH, action.bottom() + 1 + s.m)
        return cls(card, cover, title, publisher, details, ring, lessons, action, more)

    def at(self, rect: QRect) -> CardGeometry:
        """The same parts for a card drawn in ``rect`` (its top left corner counts)."""
        dx, dy = rect.left(), rect.top()
        return CardGeometry(*(getattr(self, f.name).translated(dx, dy) for f in fields(self)))

    def part_at(self, point: QPoint) -> Part | None:
        for part, area in (
            (Part.ACTION, self.action),
            (Part.MORE, self.more),
            (Part.PUBLISHER, self.publisher),
            (Part.CARD, self.card),
        ):
            if area.contains(point):
                return part
        return None


@dataclass(frozen=True, slots=True)
class CardLook:
    """A card's fonts and layout for one base font: the same for every card."""

    fonts: CardFonts
    geometry: CardGeometry  # at (0, 0)


_looks: dict[str, CardLook] = {}


def card_look(base: QFont) -> CardLook:
    """The look of a card in ``base`` (worked out once per font: every card shares it)."""
    key = base.key()
    look = _looks.get(key)
    if look is None:
        fonts = CardFonts.of(base)
        look = _looks[key] = CardLook(fonts, CardGeometry.of(fonts))
    return look


def card_size(base: QFont) -> QSize:
    """Every card's size for this font (the view lays out uniform items)."""
    return card_look(base).geometry.card.size()


def _elided_lines(text: str, font: QFont, width: int, lines: int) -> list[str]:
    """``text`` wrapped to ``width`` in at most ``lines`` lines, the last one elided."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    out: list[str] = []
    while len(out) < lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, length = line.textStart(), line.textLength()
        if len(out) == lines - 1:
            rest = text[start:]
            out.append(QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width))
        else:
            out.append(text[start : start + length].rstrip())
    layout.endLayout()
    return out


class CourseDelegate(QStyledItemDelegate):
    """Paints a course card and turns clicks on its drawn buttons into signals."""

    action_clicked = Signal(QModelIndex)
    more_clicked = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pressed: tuple[QPersistentModelIndex, Part] | None = None
        self.hovered: tuple[QPersistentModelIndex, Part] | None = None  # set by the view

    def geometry(self, option: QStyleOptionViewItem) -> CardGeometry:
        return card_look(option.font).geometry.at(option.rect)  # type: ignore[attr-defined]

    def sizeHint(self, option: QStyleOptionViewItem, _index: Index) -> QSize:  # noqa: N802
        return card_size(option.font)  # type: ignore[attr-defined]

    # --- painting ---------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        look = card_look(option.font)  # type: ignore[attr-defined]
        fonts, box = look.fonts, look.geometry.at(option.rect)  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        palette = style.current()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        # The card, its outline darker under the pointer.
        hovering = bool(state & QStyle.StateFlag.State_MouseOver)
        card = QRectF(box.card).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(QColor(palette.control if hovering else palette.border), 1))
        painter.setBrush(QColor(palette.surface))
        painter.drawRoundedRect(card, RADIUS, RADIUS)

        self._paint_cover(painter, box.cover, index, fonts)

        painter.setPen(QColor(palette.text))
        painter.setFont(fonts.title)
        metrics = QFontMetrics(fonts.title)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        for number, line in enumerate(
            _elided_lines(title, fonts.title, box.title.width(), TITLE_LINES)
        ):
            top = box.title.top() + number * metrics.lineSpacing()
            painter.drawText(
                QRect(box.title.left(), top, box.title.width(), metrics.height()),
                LEFT,
                line,
            )

        painter.setFont(fonts.text)
        publisher = index.data(CardRole.PUBLISHER)
        if publisher:
            tone: Tone = index.data(CardRole.PUBLISHER_TONE) or "unknown"
            painter.setPen(tone_colour(tone) or QColor(palette.text))
            self._line(painter, box.publisher, str(publisher), fonts.text)
        painter.setPen(QColor(palette.text_muted))
        self._line(painter, box.details, str(index.data(CardRole.DETAILS) or ""), fonts.text)

        paint_ring(
            painter, QRectF(box.ring), float(index.data(CardRole.PROGRESS) or 0.0), fonts.ring
        )
        painter.setPen(QColor(palette.text))
        self._line(painter, box.lessons, str(index.data(CardRole.LESSONS) or ""), fonts.text)

        hovered = self.hovered if self.hovered and self.hovered[0] == index else None
        self._paint_action(
            painter,
            box.action,
            str(index.data(CardRole.ACTION) or ""),
            fonts,
            hover=hovered is not None and hovered[1] == Part.ACTION,
        )
        self._paint_more(
            painter, box.more, fonts, hover=hovered is not None and hovered[1] == Part.MORE
        )

        if state & QStyle.StateFlag.State_HasFocus:
            ring = QRectF(box.card).adjusted(1, 1, -1, -1)
            painter.setPen(QPen(QColor(palette.focus), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(ring, RADIUS, RADIUS)
        painter.restore()

    @staticmethod
    def _line(painter: QPainter, rect: QRect, text: str, font: QFont) -> None:
        elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, LEFT, elided)

    @staticmethod
    def _paint_cover(painter: QPainter, rect: QRect, index: Index, fonts: CardFonts) -> None:
        """The cover with rounded corners; until it is decoded (or without one), a tinted
        placeholder with the title's first letter."""
        cover = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(cover, QPixmap) and not cover.isNull():
            painter.save()
            clip = QPainterPath()
            clip.addRoundedRect(QRectF(rect), RADIUS - 2, RADIUS - 2)
            painter.setClipPath(clip)
            painter.drawPixmap(rect, cover)
            painter.restore()
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.colour("surface_alt"))
        painter.drawRoundedRect(QRectF(rect), RADIUS - 2, RADIUS - 2)
        letter = str(index.data(CardRole.LETTER) or "")
        if letter:
            painter.setFont(fonts.letter)
            painter.setPen(style.colour("text_muted"))
            painter.drawText(rect, CENTRE, letter)

    @staticmethod
    def _paint_action(
        painter: QPainter, rect: QRect, text: str, fonts: CardFonts, *, hover: bool
    ) -> None:
        """The primary action, as the style sheet draws a ``QPushButton[primary="true"]``."""
        palette = style.current()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.accent_hover if hover else palette.accent))
        painter.drawRoundedRect(QRectF(rect), RADIUS - 2, RADIUS - 2)
        painter.setPen(QColor(palette.on_accent))
        painter.setFont(fonts.bold)
        inner = rect.adjusted(SPACING.s, 0, -SPACING.s, 0)
        elided = QFontMetrics(fonts.bold).elidedText(
            text, Qt.TextElideMode.ElideRight, inner.width()
        )
        painter.drawText(inner, CENTRE, elided)

    @staticmethod
    def _paint_more(painter: QPainter, rect: QRect, fonts: CardFonts, *, hover: bool) -> None:
        """The "⋯" button: outlined like the app's other buttons."""
        palette = style.current()
        painter.setPen(QPen(QColor(palette.control), 1))
        painter.setBrush(QColor(palette.surface_alt if hover else palette.surface))
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.setPen(QColor(palette.text))
        painter.setFont(fonts.more)
        painter.drawText(rect, CENTRE, "⋯")

    # --- the pointer ------------------------------------------------------------------------

    def editorEvent(  # noqa: N802 - Qt override
        self,
        event: QEvent,
        _model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        """A press then a release on the drawn button (or "⋯") of the same card clicks it."""
        if not isinstance(event, QMouseEvent) or event.button() != Qt.MouseButton.LeftButton:
            return False
        part = self.geometry(option).part_at(event.position().toPoint())
        if part not in (Part.ACTION, Part.MORE):
            self._pressed = None
            return False
        if event.type() == QEvent.Type.MouseButtonPress:
            self._pressed = (QPersistentModelIndex(index), part)
            return True
        if event.type() == QEvent.Type.MouseButtonRelease:
            pressed, self._pressed = self._pressed, None
            if pressed == (QPersistentModelIndex(index), part):
                (self.action_clicked if part == Part.ACTION else self.more_clicked).emit(index)
            return True
        return event.type() == QEvent.Type.MouseButtonDblClick  # not a second open

    def helpEvent(  # noqa: N802 - Qt override
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        """Tool tips: the publisher's (what the signature proves) and "More actions"."""
        if event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        part = self.geometry(option).part_at(event.pos())
        tip = {
            Part.PUBLISHER: index.data(CardRole.PUBLISHER_TIP),
            Part.MORE: index.data(CardRole.MORE_TIP),
        }.get(part)  # type: ignore[arg-type]
        if tip:
            QToolTip.showText(event.globalPos(), str(tip), view)
        else:
            QToolTip.hideText()
        return True


class CourseGrid(QListView):
    """Course cards in rows that wrap with the width, moved through with the arrow keys."""

    open_requested = Signal(QModelIndex)  # Enter, a double click, or the drawn button
    menu_requested = Signal(QModelIndex, QPoint)  # "⋯", the Menu key: where (global) to pop up

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("course-grid")
        self.setViewMode(QListView.ViewMode.IconMode)  # wraps, left to right
        self.setMovement(QListView.Movement.Static)  # no dragging cards around
        self.setDragEnabled(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setSpacing(SPACING.l)  # between cards, and around them
        # The cards stand on the window's colour, as the rest of the screen does.
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setProperty("draws_focus", True)  # the current card wears the ring (focus.py)
        self.setMouseTracking(True)  # the drawn buttons light up under the pointer
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.delegate = CourseDelegate(self)
        self.setItemDelegate(self.delegate)
        self.delegate.action_clicked.connect(self.open_requested)
        self.delegate.more_clicked.connect(self._more_clicked)
        self.activated.connect(self.open_requested)

    def card_geometry(self, index: QModelIndex) -> CardGeometry:
        """Where the parts of ``index``'s card are, in viewport coordinates."""
        return card_look(self.font()).geometry.at(self.visualRect(index))

    def cover_size(self) -> QSize:
        """The size, in device pixels, covers are shown at (and decoded to)."""
        return card_look(self.font()).geometry.cover.size() * self.devicePixelRatioF()

    def _more_clicked(self, index: QModelIndex) -> None:
        self.setCurrentIndex(index)
        below = self.card_geometry(index).more.bottomLeft()
        self.menu_requested.emit(index, self.viewport().mapToGlobal(below))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        """The Menu key or Shift+F10 (the current card), or a right click (the card under it)."""
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = self.currentIndex()
        else:
            index = self.indexAt(self.viewport().mapFromGlobal(event.globalPos()))
        if not index.isValid():
            event.ignore()
            return
        self.setCurrentIndex(index)
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self.scrollTo(index)
            point = self.viewport().mapToGlobal(self.card_geometry(index).more.bottomLeft())
        else:
            point = event.globalPos()
        self.menu_requested.emit(index, point)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """The Menu key and Shift+F10 open the current card's menu, as in the desktop's
        other applications (Qt itself turns neither into a context menu on every version)."""
        key, shift = event.key(), event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10 and shift):
            rect = self.visualRect(self.currentIndex())
            self.contextMenuEvent(
                QContextMenuEvent(
                    QContextMenuEvent.Reason.Keyboard,
                    rect.center(),
                    self.viewport().mapToGlobal(rect.center()),
                )
            )
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseMoveEvent(event)
        self._hover(event.position().toPoint())

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().leaveEvent(event)
        self._hover(None)

    def _hover(self, point: QPoint | None) -> None:
        """Repaint a card when the pointer moves onto or off one of its drawn buttons."""
        index = self.indexAt(point) if point is not None else QModelIndex()
        part = self.card_geometry(index).part_at(point) if index.isValid() and point else None
        hovered = (QPersistentModelIndex(index), part) if part in (Part.ACTION, Part.MORE) else None
        if hovered == self.delegate.hovered:
            return
        for old in (self.delegate.hovered, hovered):
            if old is not None and old[0].isValid():
                self.viewport().update(self.visualRect(self.model().index(old[0].row(), 0)))
        self.delegate.hovered = hovered
        cursor = Qt.CursorShape.PointingHandCursor if hovered else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(cursor)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size changed: new card size
            self.scheduleDelayedItemsLayout()
