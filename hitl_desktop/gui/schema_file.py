"""Tools → Publish schema…: publish a label schema file (JSON or YAML) as its next version, on a
worker; renamed labels are mapped and removed ones flagged by ``schema.publish`` on the way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStatusBar, QWidget

from ..schema import PublishResult, load_schema, publish
from ..workspace import Workspace
from .tasks import TaskRunner


class SchemaFilePublisher(QObject):
    """The action and the job; ``published`` once the new version is in the log.

    Its strings keep the main window's translation context, where they were first written."""

    published = Signal()

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        runner: TaskRunner,
        bar: QStatusBar,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self._bar = bar
        self._parent = parent
        self.action = QAction(QCoreApplication.translate("MainWindow", "&Publish schema…"), parent)
        self.action.setObjectName("main.publish_schema")
        tip = QCoreApplication.translate(
            "MainWindow", "Publish a label schema file (JSON or YAML) as its next version"
        )
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.choose)

    @Slot()
    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self._parent,
            QCoreApplication.translate("MainWindow", "Publish schema"),
            str(self._workspace().path.parent),
            QCoreApplication.translate("MainWindow", "Label schemas (*.json *.yaml *.yml)"),
        )
        if path:
            self.publish_file(Path(path))

    def publish_file(self, path: Path) -> None:
        """Publish the schema in ``path`` on a worker; errors name the file."""
        ws = self._workspace()

        def job(_cancel: object, _progress: object) -> PublishResult:
            return publish(ws, load_schema(path), note=f"published from {path.name}")

        def done(result: PublishResult) -> None:
            text = QCoreApplication.translate(
                "MainWindow",
                "Published {ref}: {mapped} item(s) mapped, {flagged} flagged for re-check.",
            )
            self._bar.showMessage(
                text.format(
                    ref=result.schema.ref,
                    mapped=len(result.migrated),
                    flagged=len(result.flagged),
                ),
                8000,
            )
            self.published.emit()

        def failed(exc: BaseException) -> None:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("MainWindow", "HITL Desktop"),
                f"{path}: {exc}",
                QMessageBox.StandardButton.Ok,
                self._parent,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

        name = QCoreApplication.translate("MainWindow", "publish schema")
        self._runner.start(name, job, on_done=done, on_error=failed)
