"""Baseline for the start-up benchmark: a bare PySide6 script showing an empty QMainWindow,
quitting as soon as the window is shown and the event loop is idle (like --exit-when-ready)."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1024, 640)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
