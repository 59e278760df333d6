"""The main window: menus, the editor of the open item in the centre, docks for the item
browser, labels, classification, OCR lines, OCR reading and history, and the status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from .. import __version__
from ..annotate import close_journal
from ..roles import Action
from ..schema import PublishResult
from ..workspace import Workspace, WorkspaceError, queries
from .dashboard_menu import DashboardMenu
from .desk import Desk
from .export_dialog import ExportDialog
from .help_pane import HelpPane
from .history_view import HistoryView
from .import_annotations_dialog import AnnotationImportController
from .import_runner import ImportController
from .item_browser import ItemBrowser
from .item_table_model import ItemTableModel
from .log_tools import LogTools
from .ocr_runner import OcrController
from .ocr_view import OcrView
from .opening import Opened, open_workspace
from .preferences import add_preferences_action
from .prelabel_runner import PrelabelController
from .provenance_dock import ProvenanceDocks, insights_menu
from .report_controller import ReportController
from .review_controller import ReviewController
from .role_gate import ProfileController
from .schema_editor import SchemaEditor
from .schema_file import SchemaFilePublisher
from .shortcuts import CheatSheet, ShortcutRegistry, ShortcutsDialog, plain
from .sync_controller import SyncController
from .tasks import TaskRunner
from .thumbnail_cache import ThumbnailCache
from .tour import Tour, start_tour
from .window_plumbing import (  # noqa: F401  (app.py imports these from here)
    LAYOUT_VERSION,
    SETTINGS_APP,
    SETTINGS_ORG,
    WindowPlumbing,
    app_settings,
)
from .work_position import WorkPosition, select_next_new

DEFAULT_SIZE = (1280, 800)


class MainWindow(WindowPlumbing):
    """The HITL Desktop main window over one open workspace; closing it closes the workspace."""

    def __init__(self, opened: Opened, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.runner = TaskRunner(self)
        self.workspace: Workspace = opened.workspace
        self._opened = opened
        self._closed = False

        self.items_dock = self._dock(
            self.tr("Items"), "ItemsDock", Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.labels_dock = self._dock(self.tr("Labels"), "LabelsDock")
        self.class_dock = self._dock(self.tr("Class"), "ClassDock")
        self.lines_dock = self._dock(self.tr("OCR lines"), "OcrLinesDock")
        self.ocr_dock = self._dock(self.tr("OCR"), "OcrDock")
        self.history_dock = self._dock(self.tr("History"), "HistoryDock")
        self.help_dock = self._dock(self.tr("Help"), "HelpDock")
        self.provenance = ProvenanceDocks(self, self._dock(self.tr("Provenance"), "ProvenanceDock"))

        self.log_tools = LogTools(lambda: self.workspace, self.runner, self.statusBar(), self)
        self.log_tools.projections_changed.connect(self.on_events_appended)
        self.log_tools.verified.connect(lambda _ok: self.on_events_appended())
        self.importer = ImportController(
            lambda: self.workspace, self.runner, self.statusBar(), self, app_settings
        )
        self.importer.items_changed.connect(self.on_events_appended)
        self.annotation_importer = AnnotationImportController(
            lambda: self.workspace, self.runner, self.statusBar(), self
        )
        self.annotation_importer.changed.connect(self.on_events_appended)
        self.ocr = OcrController(
            lambda: self.workspace,
            self.runner,
            self.statusBar(),
            self,
            lambda: self.browser.selected_item_ids(),
            app_settings,
        )
        self.ocr.ocr_changed.connect(self.on_events_appended)
        self.prelabel = PrelabelController(
            lambda: self.workspace,
            self.runner,
            self.statusBar(),
            self,
            lambda: self.browser.selected_item_ids(),
            self.ocr.device_label,
            app_settings,
        )
        self.prelabel.prelabels_changed.connect(self.on_events_appended)
        self.desk = Desk(lambda: self.workspace, self, app_settings)
        self.desk.session.problem.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.desk.session.saved.connect(self._item_saved)
        self.desk.next_action.triggered.connect(lambda: self._step(1))
        self.desk.previous_action.triggered.connect(lambda: self._step(-1))
        self.desk.next_new_action.triggered.connect(self.next_to_do)
        self.setCentralWidget(self.desk.stack)
        self.labels_dock.setWidget(self.desk.label_dock)
        self.class_dock.setWidget(self.desk.classify)
        self.lines_dock.setWidget(self.desk.ocr_lines)
        self.shortcuts = ShortcutRegistry(app_settings)
        self.setAcceptDrops(True)  # files and folders dropped on the window are imported

        self._build_status_bar()
        self.profiles = ProfileController(lambda: self.workspace, self.statusBar(), self)
        self.role_gate = self.profiles.gate
        self.schema_file = SchemaFilePublisher(
            lambda: self.workspace, self.runner, self.statusBar(), self
        )
        self.schema_file.published.connect(self.on_events_appended)
        self.review = ReviewController(lambda: self.workspace, self.statusBar(), self)
        self.review.decided.connect(self.on_events_appended)
        self.sync = SyncController(
            lambda: self.workspace, self.runner, self.statusBar(), self, app_settings
        )
        self.sync.synced.connect(self.on_events_appended)  # items, history, review queue
        self._build_menus()
        self._gate_actions()
        self.help_pane = HelpPane(lambda: self.workspace, self.shortcuts, self)
        self.help_dock.setWidget(self.help_pane)
        self.desk.session.opened.connect(
            lambda doc: self.help_pane.show_for(doc.schema_ref if doc is not None else None)
        )
        self._install_workspace(opened)
        # tabified once every dock holds its widget (earlier, Qt leaves a stray tab bar)
        self.tabifyDockWidget(self.labels_dock, self.class_dock)
        self.tabifyDockWidget(self.class_dock, self.help_dock)
        self.tabifyDockWidget(self.lines_dock, self.ocr_dock)
        self.tabifyDockWidget(self.ocr_dock, self.history_dock)
        self.tabifyDockWidget(self.history_dock, self.provenance.dock)
        self.labels_dock.raise_()
        self.lines_dock.raise_()  # the lines a worker corrects; the OCR tab shows the raw read
        self.resize(*DEFAULT_SIZE)
        self.resizeDocks([self.items_dock, self.ocr_dock], [440, 360], Qt.Orientation.Horizontal)
        self._restore_settings()

    # ------------------------------------------------------------------ building
    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        self.open_action = self._action(
            self.tr("&Open workspace…"), self.choose_workspace, shortcut=keys.Open
        )
        self.import_files_action = self._action(
            self.tr("&Import files…"),
            self.importer.choose_files,
            shortcut="Ctrl+I",
            tip=self.tr("Import images, scans, PDFs and text files with their provenance"),
        )
        self.import_folder_action = self._action(
            self.tr("Import &folder…"),
            self.importer.choose_folder,
            shortcut="Ctrl+Shift+I",
            tip=self.tr("Import every file in a folder and its subfolders"),
        )
        self.export_action = self._action(
            self.tr("&Export dataset…"), self.open_export_dialog, shortcut="Ctrl+E",
            tip=self.tr("Write the annotations in a training format, with a manifest"),
        )  # fmt: skip
        self.profile_action = self.profiles.action
        self.quit_action = self._action(self.tr("&Quit"), self.close, shortcut=keys.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.file_menu = self._menu(
            self.tr("&File"),
            [
                self.open_action,
                None,
                self.import_files_action,
                self.import_folder_action,
                self.annotation_importer.action,
                self.export_action,
                None,
                self.profile_action,
                None,
                self.sync.sign_in_action,
                self.sync.sign_out_action,
                None,
                self.quit_action,
            ],
        )
        self.preferences_action = add_preferences_action(
            self.file_menu, self.quit_action, app_settings, on_saved=self.sync.schedule
        )

        session = self.desk.session
        self.undo_action, self.redo_action = session.undo_action, session.redo_action
        self.find_action = self._action(
            self.tr("&Find items"), self.focus_search, shortcut=keys.Find
        )
        self.edit_menu = self._menu(
            self.tr("&Edit"),
            [self.undo_action, self.redo_action, None, session.save_action, None, self.find_action],
        )
        history_toggle = self.history_dock.toggleViewAction()
        history_toggle.setText(self.tr("&History"))
        ocr_toggle = self.ocr_dock.toggleViewAction()
        ocr_toggle.setText(self.tr("&OCR"))
        toggles = [d.toggleViewAction() for d in (self.items_dock, self.labels_dock,
                                                  self.class_dock, self.lines_dock)]  # fmt: skip
        self.view_menu = self._menu(self.tr("&View"), [history_toggle, ocr_toggle, *toggles])

        self.annotate_menu = self._menu(
            self.tr("&Annotate"),
            [self.desk.next_action, self.desk.previous_action, self.desk.next_new_action],
        )
        for title, actions in self.desk.editor_actions.items():
            submenu = self.annotate_menu.addMenu(title)
            submenu.addActions(actions)

        self.verify_action = self._action(
            self.tr("&Verify log"),
            self.log_tools.verify,
            tip=self.tr("Check every event's hash, chain and signature"),
        )
        self.rebuild_action = self._action(
            self.tr("&Rebuild projections…"),
            self.log_tools.rebuild,
            tip=self.tr("Replay the whole log into fresh tables"),
        )
        self.publish_schema_action = self.schema_file.action
        self.schema_editor_action = self._action(
            self.tr("&Label schema…"),
            self.edit_schema,
            tip=self.tr("Edit the label schema, publish its next version, see its history"),
        )
        self.tools_menu = self._menu(
            self.tr("&Tools"),
            [
                *self.ocr.actions,
                None,
                *self.prelabel.actions,
                None,
                self.verify_action,
                self.rebuild_action,
                None,
                self.publish_schema_action,
                self.schema_editor_action,
                None,
                self.sync.incidents_action,
            ],
        )

        self.review_actions = [self.review.action]
        self.review_menu = self._menu(self.tr("&Review"), list(self.review_actions))
        self.sync_menu = self._menu(self.tr("&Sync"), [*self.sync.actions])

        self.about_action = self._action(self.tr("&About HITL Desktop"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        about_qt = self._action(self.tr("About &Qt"), QApplication.aboutQt)
        about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        self.cheat_action = self._action(
            self.tr("&Keyboard cheat sheet"), self.show_cheat_sheet, shortcut=keys.HelpContents
        )
        self.shortcuts_action = self._action(self.tr("Edit &shortcuts…"), self.edit_shortcuts)
        self.help_pane_action = self.help_dock.toggleViewAction()
        self.help_pane_action.setText(self.tr("Help &pane"))
        self.tour_action = self._action(
            self.tr("&Tour"), self.show_tour, tip=self.tr("A short walk through the window")
        )
        self.help_menu = self._menu(
            self.tr("&Help"),
            [
                self.cheat_action,
                self.shortcuts_action,
                self.help_pane_action,
                self.tour_action,
                None,
                self.about_action,
                about_qt,
            ],
        )
        self.provenance.add_menus(self.view_menu)  # View → Provenance, Insights → Dataset…
        self.dashboard = DashboardMenu(self)  # Insights → Dashboard…
        self.report = ReportController(lambda: self.workspace, self.runner, self.statusBar(),
                                       self, lambda: insights_menu(self))  # fmt: skip
        for menu in (self.file_menu, self.edit_menu, self.annotate_menu, self.tools_menu):
            self.shortcuts.register(menu.title(), menu.actions())
        for title, actions in self.desk.editor_actions.items():
            self.shortcuts.register(title, actions)
        self.shortcuts.register(self.tr("Labels"), self.desk.palette.hotkey_actions)
        self.shortcuts.register(self.review_menu.title(), self.review_actions)
        self.shortcuts.register(self.sync_menu.title(), self.sync.actions)
        self.shortcuts.register(self.help_menu.title(), [self.cheat_action])
        self.addActions(self.desk.palette.hotkey_actions)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.name_label = QLabel(self)
        self.items_label = QLabel(self)
        self.events_label = QLabel(self)
        self.device_label = QLabel(self)
        self.position_label = WorkPosition(lambda: self.workspace, self)
        self.jobs_label = QLabel(self)
        self.jobs_label.setObjectName("JobsLabel")
        self.jobs_label.hide()
        self.runner.jobs_changed.connect(self._show_jobs)
        self.readonly_label = QLabel(self.tr("read-only"), self)
        self.readonly_label.setStyleSheet("font-weight: bold")
        for label in (
            self.position_label,
            self.jobs_label,
            self.name_label,
            self.items_label,
            self.events_label,
            self.device_label,
            self.ocr.device_label,
            self.readonly_label,
        ):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)

    def _gate_actions(self) -> None:
        """Tell the role gate what each role-limited action does; show the role."""
        gate = self.role_gate
        gate.gate(Action.IMPORT, [self.import_files_action, self.import_folder_action,
                                  self.annotation_importer.action])  # fmt: skip
        gate.gate(Action.RUN_MODELS, [*self.ocr.actions, *self.prelabel.actions])
        gate.gate(Action.REVIEW, self.review_actions)
        gate.gate(Action.PUBLISH_SCHEMA, [self.publish_schema_action])
        gate.gate(Action.ADMIN, [self.rebuild_action, self.sync.incidents_action])

    # ------------------------------------------------------------------ workspace
    def _install_workspace(self, opened: Opened) -> None:
        """Build the views for ``opened.workspace`` (on start, and after File → Open)."""
        ws = opened.workspace
        self.workspace = ws
        self._opened = opened
        self.model = ItemTableModel(ws.reader, thumbnails=ThumbnailCache(ws.path))
        self.browser = ItemBrowser(self.model, self, me=lambda: ws.profile.name)
        self.history = HistoryView(ws.reader, self)
        self.ocr_view = OcrView(ws.reader, self)
        self.desk.session.open_item(None)  # saves the item being edited, if any
        self.browser.current_item_changed.connect(
            lambda item_id, _name: self.desk.session.open_item(item_id)
        )
        self.browser.current_item_changed.connect(self.history.show_item)
        self.provenance.set_workspace(ws.reader, self.browser.current_item_changed)
        self.browser.current_item_changed.connect(
            lambda *_: self.position_label.update_for(self.browser)
        )
        self.browser.current_item_changed.connect(self.ocr_view.show_item)
        self.browser.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.browser.table.addActions([*self.ocr.actions, *self.prelabel.actions])
        old = [self.items_dock.widget(), self.history_dock.widget(), self.ocr_dock.widget()]
        self.browser.setMinimumWidth(240)  # the filter bar folds; the table scrolls
        self.items_dock.setWidget(self.browser)
        self.history_dock.setWidget(self.history)
        self.ocr_dock.setWidget(self.ocr_view)
        for widget in old:
            if widget is not None:
                widget.deleteLater()
        writable = not ws.readonly
        self.ocr.set_writable(writable)
        self.prelabel.set_writable(writable)
        needs_writing = self.tr("Needs the workspace open for writing")
        for action in (self.rebuild_action, self.import_files_action, self.import_folder_action,
                       self.publish_schema_action, self.annotation_importer.action):  # fmt: skip
            action.setEnabled(writable)  # the status tip keeps what the action does
            action.setToolTip(action.statusTip() if writable else needs_writing)
        self.profiles.set_writable(writable)
        self.export_action.setEnabled(writable)  # an export is recorded in the log
        self.sync.workspace_changed()
        self.refresh()
        if self.model.rowCount():
            self.browser.select_row(0)
        if opened.locked:
            self.statusBar().showMessage(
                self.tr("Another program is writing to this workspace, so it opened read-only.")
            )
        self.readonly_label.setToolTip(opened.lock_message)
        self.role_gate.apply(ws.profile)  # after the writable state: the gate sits on top
        self.help_pane.show_for(None)

    @Slot()
    def refresh(self) -> None:
        """Update the title and the status bar counts."""
        ws = self.workspace
        conn = ws.reader()
        title = self.tr("{name} — HITL Desktop").format(name=ws.name or ws.path.name)
        if ws.readonly:
            title += " " + self.tr("[read-only]")
        self.setWindowTitle(title)
        self.name_label.setText(ws.name or ws.path.name)
        self.name_label.setToolTip(str(ws.path))
        # the list's own count when it shows everything: a second scan costs 0.3 s at 1M items
        unfiltered = self.model.item_filter == queries.ItemFilter()
        items = self.model.rowCount() if unfiltered else queries.count_items(conn)
        events = queries.event_count(conn)
        self.items_label.setText(
            self.tr("1 item") if items == 1 else self.tr("%Ln items", "", items)
        )
        self.events_label.setText(
            self.tr("1 event") if events == 1 else self.tr("%Ln events", "", events)
        )
        device = ws.device_id
        self.device_label.setVisible(device is not None)
        if device is not None:
            self.device_label.setText(self.tr("signing as {id}").format(id=device[:9]))
            self.device_label.setToolTip(device)
        self.readonly_label.setVisible(ws.readonly)
        self.review.refresh()
        self.sync.refresh()

    @Slot()
    def on_events_appended(self) -> None:
        """Events were appended (or projections rebuilt): re-read what the views show."""
        self.browser.refresh()
        self.history.reload()
        self.provenance.reload()
        self.ocr_view.reload()
        self.desk.session.refresh()
        self.help_pane.refresh()  # a schema may have been published
        self.refresh()

    @Slot(str)
    def _item_saved(self, _event_hash: str) -> None:
        self.browser.refresh()  # the item's status is now "annotated"
        self.history.reload()
        self.provenance.reload()
        self.refresh()
        self.position_label.update_for(self.browser)

    @Slot(list)
    def _show_jobs(self, names: list[str]) -> None:
        """The status bar's count of background jobs (import, OCR, pre-labels, checks)."""
        self.jobs_label.setVisible(bool(names))
        self.jobs_label.setText(self.tr("%Ln job(s) running", "", len(names)))
        self.jobs_label.setToolTip(", ".join(names))

    @Slot()
    def next_to_do(self) -> None:
        if not select_next_new(self.browser, self.workspace):
            self.statusBar().showMessage(self.tr("Every item in the list is done."), 5000)

    def _step(self, delta: int) -> None:
        """Move to the next (1) or previous (-1) item of the browser's list."""
        index = self.browser.table.currentIndex()
        row = (index.row() if index.isValid() else -1) + delta
        if 0 <= row < self.model.rowCount():
            self.browser.select_row(row)

    @Slot()
    def show_cheat_sheet(self) -> CheatSheet:
        sheet = CheatSheet(self.shortcuts, self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.open()
        return sheet

    @Slot()
    def show_tour(self) -> Tour:
        return start_tour(self)

    def edit_schema(self) -> SchemaEditor:
        """Tools → Label schema…: the editor on the workspace's schema (publishing needs an
        expert or admin profile; others see it and its history)."""

        def published(_result: PublishResult) -> None:
            self.on_events_appended()
            self.desk.refresh_labels()

        palette_keys = set(self.desk.palette.hotkey_actions)
        reserved = {
            k.toString(): plain(a.text())
            for a in self.shortcuts.actions()
            if a not in palette_keys
            for k in a.shortcuts()
            if k.count() == 1 and len(k.toString()) == 1
        }
        editor = SchemaEditor(lambda: self.workspace, self.runner, self, on_published=published,
                              reserved_keys=reserved)  # fmt: skip
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        return editor

    @Slot()
    def open_export_dialog(self) -> ExportDialog:
        """File → Export dataset…: one dialog per window, kept between uses."""
        dialog = getattr(self, "_export_dialog", None)
        if dialog is None:
            dialog = self._export_dialog = ExportDialog(lambda: self.workspace, self.runner, self)
        dialog.show()
        dialog.raise_()
        return dialog

    @Slot()
    def edit_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.shortcuts, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot()
    def focus_search(self) -> None:
        self.browser.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.browser.search.selectAll()

    @Slot()
    def choose_workspace(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open workspace"), str(self.workspace.path.parent)
        )
        if folder:
            self.open_path(Path(folder))

    def open_path(self, path: Path) -> bool:
        """Switch this window to the workspace at ``path``; on failure keep the current one."""
        if self.runner.active_count:
            self._message(
                QMessageBox.Icon.Information,
                self.tr("Wait for the running job to finish, then open the workspace."),
            )
            return False
        try:
            opened = open_workspace(path)
        except WorkspaceError as exc:
            self._message(QMessageBox.Icon.Critical, str(exc))
            return False
        old = self.workspace
        self.desk.session.open_item(None)
        self.desk.session.wait_for_saves()
        self._install_workspace(opened)
        close_journal(old)
        old.close()
        return True

    # ------------------------------------------------------------------ help
    @Slot()
    def show_about(self) -> None:
        text = self.tr(
            "<h3>HITL Desktop {version}</h3>"
            "<p>Offline-first human-in-the-loop labelling. Every change is an event in a "
            "hash-chained, signed lineage log.</p>"
        ).format(version=__version__)
        self._message(QMessageBox.Icon.NoIcon, text, title=self.tr("About HITL Desktop"))

    def _message(self, icon: QMessageBox.Icon, text: str, *, title: str = "") -> QMessageBox:
        box = QMessageBox(
            icon, title or self.tr("HITL Desktop"), text, QMessageBox.StandardButton.Ok, self
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, without a nested event loop
        return box

    def close_workspace(self) -> None:
        """Stop the jobs and close the workspace (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self.desk.shutdown()  # saves the item being edited
        self.review.shutdown()  # waits for a decision on its way to the log
        self.sync.shutdown()
        self.runner.shutdown()
        close_journal(self.workspace)
        self.workspace.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.close_workspace()
        super().closeEvent(event)
