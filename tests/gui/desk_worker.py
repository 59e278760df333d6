"""Child process for the GUI kill test: the real window, a box drawn through the session, the
idle timer left to write the draft; then it waits to be killed."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from hitl_desktop.annotate import Annotation, Box, commands
from hitl_desktop.gui.document_session import AUTOSAVE_MS
from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.opening import open_workspace


def main() -> None:
    path = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    win = MainWindow(open_workspace(path))
    win.show()
    session = win.desk.session

    def edit() -> None:
        doc = session.document
        assert doc is not None, "the first item should be open"
        session.push(commands.add(doc, Annotation(Box(40, 50, 300, 90), "total")))
        print("edited", flush=True)
        # after the idle interval the draft is written; say so a little later
        QTimer.singleShot(AUTOSAVE_MS + 500, lambda: print("idle", flush=True))

    QTimer.singleShot(500, edit)
    app.exec()


if __name__ == "__main__":
    main()
