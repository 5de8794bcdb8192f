"""Baseline for the start-up benchmark: a bare PySide6 script showing an empty QMainWindow,
quitting as soon as the window is shown and the event loop is idle (like --exit-when-ready).

With ``--database FILE`` it also opens that SQLite file with sqlite-utils and reads one row,
as every start of the app must with the chosen stack: the floor under the app's own work.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

if "--database" in sys.argv:
    from sqlite_utils import Database

    db = Database(sys.argv[sys.argv.index("--database") + 1])
    db.execute("select count(*) from sqlite_master").fetchone()

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1024, 640)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
