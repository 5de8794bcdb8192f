"""Share in a workshop ("Partager en atelier"): this laptop as the hub, or paired with one.

Top: start or stop sharing this laptop's courses on the local network — the address to type,
the pairing code and a QR code of both (``core/hub/share.py``), and how many statements the
laptops sent. Bottom: pair this laptop with a hub (address and code), remembered in the
settings; the sync then sends there (``core/hub/learner.py``).

The hub (``core/hub/server.py``) runs in its own thread until it is stopped here or the app
quits (``stop_sharing``), whether this window is open or not; starting and stopping it, and
pairing, run on the task runner's transfer lane. Statements arriving from
laptops are announced as ``outbox`` and ``progress`` changes (the dashboard redraws).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from player.ui.ops.changes import Changes
from player.ui.services import Services
from player.ui.tasks import one_line
from player.ui.widgets.common import Heading, Note, Retranslatable

if TYPE_CHECKING:
    from player.core.hub.discovery import Announcer
    from player.core.hub.server import HubServer
    from player.core.hub.share import Invitation

RECEIVED = Changes(outbox=True, progress=True)
# settings.json keys (docs/hub.md)
HUB_PORT = "hub_port"
HUB_BIND = "hub_bind"
HUB_DOWNLOADS_NEED_CODE = "hub_downloads_need_code"
EXTRAS_KEY = "workshop_hub"


class SharedHub(QObject):
    """The running hub, kept in ``services.extras`` so sharing outlives the window.

    The hub's thread reports statements through ``received`` (queued to the main thread, where
    this object lives); each report is announced as ``outbox`` and ``progress`` changes.
    """

    received = Signal(int)

    def __init__(
        self,
        services: Services,
        server: HubServer,
        announcer: Announcer | None,
        invitation: Invitation,
        qr_png: bytes,
    ) -> None:
        super().__init__()
        self.services = services
        self.server = server
        self.announcer = announcer
        self.invitation = invitation
        self.qr_png = qr_png
        self.count = 0
        self.received.connect(self._count)
        server.on_received = lambda received: self.received.emit(received.queued)

    def _count(self, count: int) -> None:
        self.count += count
        self.services.tasks.announce(RECEIVED, self)

    def stop(self) -> None:
        """Say goodbye on the network and stop serving (any thread)."""
        if self.announcer is not None:
            self.announcer.close()
        self.server.stop()


def shared_hub(services: Services) -> SharedHub | None:
    hub = services.extras.get(EXTRAS_KEY)
    return hub if isinstance(hub, SharedHub) else None


def stop_sharing(services: Services) -> None:
    """The app quits: stop the hub if it runs."""
    hub = services.extras.pop(EXTRAS_KEY, None)
    if isinstance(hub, SharedHub):
        hub.stop()


class WorkshopDialog(Retranslatable, QDialog):
    hub_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("workshop-dialog")
        self.hub: SharedHub | None = None

        self.title = Heading()
        self.share_box = QGroupBox()
        self.share_intro = Note()
        self.toggle = QPushButton()
        self.toggle.setObjectName("workshop-toggle")
        self.toggle.clicked.connect(self.toggle_sharing)
        self.address = QLabel()
        self.address.setObjectName("workshop-address")
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code = QLabel()
        self.code.setObjectName("workshop-code")
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr = QLabel()
        self.qr.setObjectName("workshop-qr")
        self.received_note = Note()
        self.received_note.setObjectName("workshop-received")
        self.address_label, self.code_label = QLabel(), QLabel()
        share_form = QFormLayout()
        share_form.addRow(self.address_label, self.address)
        share_form.addRow(self.code_label, self.code)
        share_layout = QVBoxLayout(self.share_box)
        share_layout.addWidget(self.share_intro)
        share_layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        share_layout.addLayout(share_form)
        share_layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        share_layout.addWidget(self.received_note)

        self.pair_box = QGroupBox()
        self.pair_intro = Note()
        self.hub_address = QLineEdit()
        self.hub_address.setObjectName("hub-address")
        self.hub_address.setPlaceholderText("192.168.1.10:8765")
        self.hub_code = QLineEdit()
        self.hub_code.setObjectName("hub-code")
        self.hub_address_label, self.hub_code_label = QLabel(), QLabel()
        self.hub_address_label.setBuddy(self.hub_address)
        self.hub_code_label.setBuddy(self.hub_code)
        self.pair_button = QPushButton()
        self.pair_button.setObjectName("hub-pair")
        self.pair_button.clicked.connect(self.pair)
        self.forget_button = QPushButton()
        self.forget_button.setObjectName("hub-forget")
        self.forget_button.clicked.connect(self.forget)
        self.paired = Note()
        self.paired.setObjectName("hub-paired")
        pair_form = QFormLayout()
        pair_form.addRow(self.hub_address_label, self.hub_address)
        pair_form.addRow(self.hub_code_label, self.hub_code)
        pair_buttons = QHBoxLayout()
        pair_buttons.addWidget(self.pair_button)
        pair_buttons.addWidget(self.forget_button)
        pair_buttons.addStretch(1)
        pair_layout = QVBoxLayout(self.pair_box)
        pair_layout.addWidget(self.pair_intro)
        pair_layout.addLayout(pair_form)
        pair_layout.addLayout(pair_buttons)
        pair_layout.addWidget(self.paired)

        self.message = Note()
        self.message.setObjectName("workshop-message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.share_box)
        layout.addWidget(self.pair_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._attach(shared_hub(services))
        self.retranslate()

    # ------------------------------------------------------------------ the hub

    @property
    def sharing(self) -> bool:
        return self.hub is not None

    @property
    def invitation(self) -> Invitation | None:
        return self.hub.invitation if self.hub is not None else None

    def _attach(self, hub: SharedHub | None) -> None:
        self.hub = hub
        if hub is not None:
            hub.received.connect(self._received)
            pixmap = QPixmap()
            pixmap.loadFromData(hub.qr_png, "PNG")
            self.qr.setPixmap(pixmap)

    def toggle_sharing(self) -> None:
        self.toggle.setEnabled(False)
        self.message.clear()
        if self.hub is None:
            self.services.tasks.run(
                self._start, self._started, self._failed, owner=self, lane="transfer"
            )
        else:
            hub, self.hub = self.hub, None
            self.services.extras.pop(EXTRAS_KEY, None)
            self.services.tasks.run(
                hub.stop, lambda _: self._show_state(), self._failed, owner=self, lane="transfer"
            )

    def _start(self) -> tuple[HubServer, Announcer | None, Invitation, bytes]:
        from player import __version__
        from player.core.hub.discovery import Announcer, lan_addresses
        from player.core.hub.pairing import DEFAULT_PORT
        from player.core.hub.server import HubOptions, HubServer, default_bundle
        from player.core.hub.share import invitation, qr_png

        settings = self.services.settings
        options = HubOptions(
            port=int(settings.get(HUB_PORT) or DEFAULT_PORT),
            bind=str(settings.get(HUB_BIND) or "0.0.0.0"),
            downloads_need_code=settings.get(HUB_DOWNLOADS_NEED_CODE) is True,
            bundle=default_bundle(),
        )
        server = HubServer(self.services.data, options).start()
        announcer = None
        # Announced only when serving every interface (a hub bound to one address is private).
        addresses = lan_addresses() if options.bind == "0.0.0.0" else []
        if addresses:
            try:
                announcer = Announcer(server.options.name, server.port or 0, addresses,
                                      version=__version__)  # fmt: skip
            except (OSError, ValueError):
                announcer = None  # multicast refused: the address and the QR code still work
        shared = invitation(server)
        return server, announcer, shared, qr_png(shared)

    def _started(self, started: tuple[HubServer, Announcer | None, Invitation, bytes]) -> None:
        hub = SharedHub(self.services, *started)
        self.services.extras[EXTRAS_KEY] = hub
        self._attach(hub)
        self._show_state()

    def _failed(self, error: BaseException) -> None:
        self.message.setText(one_line(error))
        self._show_state()

    def _received(self, _count: int) -> None:
        self._show_state()

    def _show_state(self) -> None:
        self.toggle.setEnabled(True)
        sharing = self.invitation is not None
        self.toggle.setText(self.tr("Stop sharing") if sharing else self.tr("Start sharing"))
        for widget in (self.address, self.code, self.qr, self.address_label, self.code_label):
            widget.setVisible(sharing)
        if self.invitation is not None:
            self.address.setText("\n".join([self.invitation.url, *self.invitation.other_urls]))
            self.code.setText(self.invitation.code)
            self.qr.setAccessibleName(self.tr("QR code of the address and the pairing code"))
        self.received_note.setVisible(sharing)
        self.received_note.setText(
            self.tr("%n statement(s) received from laptops.", "", self.hub.count if self.hub else 0)
        )

    # ------------------------------------------------------------------ pairing

    def pair(self) -> None:
        from player.core.hub.learner import code_in

        address = self.hub_address.text().strip()
        code = self.hub_code.text().strip() or (code_in(address) or "")
        self.pair_button.setEnabled(False)
        self.message.clear()
        self.services.tasks.run(
            lambda: _pair(self.services, address, code),
            self._paired,
            self._pair_failed,
            owner=self,
            lane="transfer",
        )

    def _paired(self, _: object) -> None:
        from player.core.settings import load_settings

        self.services.settings = load_settings(self.services.data.settings)
        self.pair_button.setEnabled(True)
        self.hub_code.clear()
        self._show_link()
        self.hub_changed.emit()

    def _pair_failed(self, error: BaseException) -> None:
        self.pair_button.setEnabled(True)
        self.message.setText(one_line(error))

    def forget(self) -> None:
        from player.core.hub.learner import KEY_NAME, KEY_TOKEN, KEY_URL

        self.services.save_settings(**{KEY_URL: None, KEY_TOKEN: None, KEY_NAME: None})
        self._show_link()
        self.hub_changed.emit()

    def _show_link(self) -> None:
        from player.core.hub.learner import KEY_NAME, KEY_URL

        url = self.services.settings.get(KEY_URL)
        self.forget_button.setVisible(bool(url))
        if url:
            name = self.services.settings.get(KEY_NAME) or url
            self.paired.setText(
                self.tr("Paired with the hub %1 (%2): progress is sent there.")
                .replace("%1", str(name))
                .replace("%2", str(url))
            )
        else:
            self.paired.setText(self.tr("Not paired with a hub."))

    # ------------------------------------------------------------------ chrome

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Share in a workshop"))
        self.title.setText(self.tr("Share in a workshop"))
        self.share_box.setTitle(self.tr("Share this laptop's courses"))
        self.share_intro.setText(
            self.tr(
                "Laptops on the same Wi-Fi install the courses from this one and send it their"
                " progress; this laptop forwards it when it is online. Sharing goes on when"
                " this window is closed, until you stop it or quit the app. On Windows, answer"
                " \u201cAllow\u201d for private networks when the firewall asks."
            )
        )
        self.address_label.setText(self.tr("Address:"))
        self.code_label.setText(self.tr("Pairing code:"))
        self.pair_box.setTitle(self.tr("Send my progress to a hub"))
        self.pair_intro.setText(
            self.tr(
                "Type the address and the code the trainer's laptop shows (or paste the"
                " address read from its QR code)."
            )
        )
        self.hub_address_label.setText(self.tr("Hub address:"))
        self.hub_code_label.setText(self.tr("Code:"))
        self.pair_button.setText(self.tr("Pair"))
        self.forget_button.setText(self.tr("Forget this hub"))
        self._show_state()
        self._show_link()


def _pair(services: Services, address: str, code: str) -> Any:
    from player.core.hub.learner import pair

    return pair(services.data.settings, address, code)


class HubSettingRow(Retranslatable, QWidget):
    """The Settings entry: which hub this laptop sends to, and a button to pair or forget."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("hub-setting")
        self.state = Note()
        self.state.setObjectName("hub-setting-state")
        self.open = QPushButton()
        self.open.setObjectName("hub-setting-open")
        self.open.clicked.connect(self.open_workshop)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.state, 1)
        row.addWidget(self.open)
        self.retranslate()

    def open_workshop(self) -> None:
        dialog = WorkshopDialog(self.services, self)
        dialog.hub_changed.connect(self.retranslate)
        dialog.exec()
        self.retranslate()

    def retranslate(self) -> None:
        from player.core.hub.learner import KEY_NAME, KEY_URL

        url = self.services.settings.get(KEY_URL)
        if url:
            name = self.services.settings.get(KEY_NAME) or url
            self.state.setText(
                self.tr("Workshop hub: %1 (%2)").replace("%1", str(name)).replace("%2", str(url))
            )
        else:
            self.state.setText(self.tr("Workshop hub: none (progress goes to the LRS only)."))
        self.open.setText(self.tr("&Workshop…"))
