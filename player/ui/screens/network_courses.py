"""Courses available on the network ("Cours disponibles sur le réseau"), in Add a course.

"Search" browses for workshop hubs (mDNS, a few seconds, on the transfer lane) and lists each
hub's courses; on a Wi-Fi that blocks multicast nothing is found, so the hub's address can be
typed (or pasted from its QR code) instead. Choosing a course hands its ``course.json`` URL to
the dialog, which shows the plan and installs it like any web address.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from player.ui.services import Services
from player.ui.tasks import one_line
from player.ui.units import format_size
from player.ui.widgets.common import Note, Retranslatable


class NetworkCoursesPanel(Retranslatable, QWidget):
    course_chosen = Signal(str)  # the course.json URL on the hub
    searched = Signal(int)  # courses listed (tests wait on it)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("network-courses")
        self.intro = Note()
        self.search = QPushButton()
        self.search.setObjectName("network-search")
        self.search.clicked.connect(lambda: self.look(""))
        self.courses = QListWidget()
        self.courses.setObjectName("network-list")
        self.courses.itemActivated.connect(self._chosen)
        self.address_label = QLabel()
        self.address = QLineEdit()
        self.address.setObjectName("network-address")
        self.address.setPlaceholderText("192.168.1.10:8765")
        self.address_label.setBuddy(self.address)
        self.show_hub = QPushButton()
        self.show_hub.setObjectName("network-show")
        self.show_hub.clicked.connect(lambda: self.look(self.address.text()))
        self.address.returnPressed.connect(self.show_hub.click)
        self.choose = QPushButton()
        self.choose.setObjectName("network-choose")
        self.choose.clicked.connect(lambda: self._chosen(self.courses.currentItem()))
        self.status = Note()
        self.status.setObjectName("network-status")
        row = QHBoxLayout()
        row.addWidget(self.address, 1)
        row.addWidget(self.show_hub)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.search, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.courses, 1)
        layout.addWidget(self.choose, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.address_label)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.retranslate()

    def look(self, typed: str) -> None:
        from player.core.hub.learner import load_link, network_courses

        self.search.setEnabled(False)
        self.show_hub.setEnabled(False)
        self.status.setText(self.tr("Looking for courses on the network…"))
        self.services.tasks.run(
            lambda: network_courses(typed=typed, link=load_link(self.services.data.settings)),
            self._show,
            self._failed,
            owner=self,
            lane="transfer",
        )

    def _show(self, found: list) -> None:
        self.search.setEnabled(True)
        self.show_hub.setEnabled(True)
        self.courses.clear()
        for course in found:
            item = QListWidgetItem(
                self.tr("%1 (version %2, %3) — hub %4")
                .replace("%1", course.title)
                .replace("%2", str(course.version))
                .replace("%3", format_size(course.bytes))
                .replace("%4", course.hub_name)
            )
            item.setData(Qt.ItemDataRole.UserRole, course.url)
            self.courses.addItem(item)
        if found:
            self.courses.setCurrentRow(0)
            self.status.clear()
        else:
            self.status.setText(
                self.tr(
                    "No course found. If the Wi-Fi blocks discovery, type the address the"
                    " trainer's laptop shows."
                )
            )
        self.searched.emit(len(found))

    def _failed(self, error: BaseException) -> None:
        self.search.setEnabled(True)
        self.show_hub.setEnabled(True)
        self.status.setText(one_line(error))
        self.searched.emit(0)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.course_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "A trainer's laptop sharing in a workshop offers its courses to every laptop on"
                " the same Wi-Fi, with no internet needed."
            )
        )
        self.search.setText(self.tr("&Search the network"))
        self.choose.setText(self.tr("Show this course"))
        self.address_label.setText(self.tr("Or the hub's &address:"))
        self.address.setAccessibleName(self.tr("Address of the hub"))
        self.courses.setAccessibleName(self.tr("Courses on the network"))
        self.show_hub.setText(self.tr("Show its courses"))
