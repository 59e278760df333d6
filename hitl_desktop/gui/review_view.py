"""The review view: the queue on the left, the competing answers side by side (or overlaid on
one page) in the centre, their differences listed under them, and the checker's decisions.

Decisions (1 / 2 accept the left / right answer, M merges the picks, E edits and
adjudicates, R rejects with a reason) become one ``review.decided`` event, built on the GUI
thread from what the checker saw and appended on the workspace's writer thread, so the window
never waits for the disk. If the item changed meanwhile (an answer synced in), the decision
is refused with the reason and the item is shown again as it is now. A decided item leaves
the queue and the next task opens.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..annotate import Annotation
from ..lineage import EventDraft
from ..review.decide import decision_draft, merge_answers
from ..review.disagreement import Difference
from ..review.errors import ReviewError
from ..review.view_model import ReviewPage, Side, load_page, merge_plan
from ..workspace import Workspace
from .editor_common import trigger_matching
from .review_adjudicate import AdjudicateDialog
from .review_answer import SIDE_COLOURS, AnswerPane, Layer, PageCanvas
from .review_dialogs import RejectDialog
from .review_queue import QueuePanel
from .shortcuts import plain
from .tasks import TaskRunner


class ReviewView(QWidget):
    """The checker's window; ``decided(event hash)`` after each recorded decision."""

    decided = Signal(str)

    def __init__(self, workspace: Callable[[], Workspace], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("ReviewView")
        self.setWindowTitle(self.tr("Review queue"))
        self._workspace = workspace
        self.runner = TaskRunner(self, max_threads=2)
        self.page: ReviewPage | None = None
        self.pending = 0  # decisions on their way to the log
        self.queue = QueuePanel(workspace, self)
        self.queue.open_requested.connect(self.open_item)
        self.left = AnswerPane(self.runner, self)
        self.right = AnswerPane(self.runner, self)
        self.overlay = PageCanvas(self.runner, self)
        self.overlay_header = QLabel(self)
        self.overlay_header.setTextFormat(Qt.TextFormat.RichText)
        self.diffs = QTreeWidget(self)
        self.diffs.setObjectName("ReviewDifferences")
        self.diffs.setHeaderLabels([self.tr("Difference"), self.tr("Detail"), self.tr("Take")])
        self.diffs.setRootIsDecorated(False)
        self.diffs.currentItemChanged.connect(lambda *_: self._difference_selected())
        self.message = QLabel(self)
        self.message.setObjectName("ReviewMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.item_label = QLabel(self)
        self.item_label.setTextFormat(Qt.TextFormat.PlainText)
        self._take: list[QComboBox] = []  # per difference row: the side its group takes
        self.adjudicate_dialog: AdjudicateDialog | None = None
        self._make_actions()
        self._lay_out()
        self._show_page(None)

    # ------------------------------------------------------------------ building
    def _action(self, name: str, text: str, keys: list[str], slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"review.{name}")
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setToolTip(f"{plain(text)} ({keys[0]})")
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        a = self._action
        self.accept_left_action = a("accept_left", self.tr("Accept &left answer"), ["1"],
                                    lambda: self.accept(0))  # fmt: skip
        self.accept_right_action = a("accept_right", self.tr("Accept &right answer"), ["2"],
                                     lambda: self.accept(1))  # fmt: skip
        self.merge_action = a("merge", self.tr("&Merge picks"), ["M"], self.merge)
        self.adjudicate_action = a("adjudicate", self.tr("&Edit and adjudicate…"), ["E"],
                                   self.adjudicate)  # fmt: skip
        self.reject_action = a("reject", self.tr("Re&ject…"), ["R"], self.reject)
        self.overlay_action = a("overlay", self.tr("&Overlay"), ["O"], self._overlay_toggled)
        self.overlay_action.setCheckable(True)
        self.next_action = a("next", self.tr("Next task"), ["J"], lambda: self.queue.step(1))
        self.previous_action = a("previous", self.tr("Previous task"), ["K"],
                                 lambda: self.queue.step(-1))  # fmt: skip
        self.open_action = a("open", self.tr("Open task"), ["Return", "Enter"],
                             self.queue.open_current)  # fmt: skip
        self.decision_actions = [self.accept_left_action, self.accept_right_action,
                                 self.merge_action, self.adjudicate_action, self.reject_action]  # fmt: skip
        self.review_actions = [*self.decision_actions, self.overlay_action, self.next_action,
                               self.previous_action, self.open_action]  # fmt: skip

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for action in [self.overlay_action, *self.decision_actions]:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        buttons.addStretch(1)
        sides = QSplitter(Qt.Orientation.Horizontal, self)
        sides.addWidget(self.left)
        sides.addWidget(self.right)
        overlaid = QWidget(self)
        ov = QVBoxLayout(overlaid)
        ov.setContentsMargins(0, 0, 0, 0)
        ov.addWidget(self.overlay_header)
        ov.addWidget(self.overlay, 1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(sides)
        self.pages.addWidget(overlaid)
        centre = QSplitter(Qt.Orientation.Vertical, self)
        centre.addWidget(self.pages)
        centre.addWidget(self.diffs)
        centre.setStretchFactor(0, 4)
        centre.setStretchFactor(1, 1)
        centre.setSizes([620, 170])
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.item_label)
        column.addLayout(buttons)
        column.addWidget(centre, 1)
        column.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.queue)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([380, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.resize(1400, 860)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # offscreen and in some focus states the key reaches the widget, not the shortcut map
        if not trigger_matching(self.review_actions, event):
            super().keyPressEvent(event)

    # ------------------------------------------------------------------ showing
    def reload(self) -> None:
        """Read the queue again; show the open item as it is now (or the first task)."""
        self.queue.reload()
        current = self.page.item_id if self.page is not None else None
        ids = [t.item_id for t in self.queue.tasks]
        if current in ids:
            self.open_item(current)
        elif ids:
            self.queue.select_row(0)
            self.open_item(ids[0])
        else:
            self._show_page(None)

    @Slot(str)
    def open_item(self, item_id: str) -> bool:
        try:
            page = load_page(self._workspace(), item_id)
        except ReviewError as exc:
            self._show_page(None)
            self.show_message(str(exc))
            return False
        self._show_page(page)
        ids = [t.item_id for t in self.queue.tasks]
        if item_id in ids and self.queue.current_item() != item_id:
            self.queue.select_row(ids.index(item_id))
        return True

    def _show_page(self, page: ReviewPage | None) -> None:
        self.page = page
        self.message.clear()
        has = page is not None
        two = page is not None and len(page.answers) >= 2
        overlay = two and page is not None and page.on_page
        for action, on in ((self.accept_left_action, has), (self.accept_right_action, two),
                           (self.merge_action, two), (self.adjudicate_action, has),
                           (self.reject_action, has), (self.overlay_action, overlay)):  # fmt: skip
            action.setEnabled(on and not self.pending)
        self.diffs.clear()
        self._take = []
        if page is None:
            self.item_label.setText(
                self.tr("The review queue is empty.") if not self.queue.tasks else
                self.tr("Select a task and press Enter to open it.")
            )  # fmt: skip
            self.left.header.clear()
            self.right.header.clear()
            return
        task = page.task
        kind = task.kind if task is not None else self.tr("no open task")
        self.item_label.setText(f"{page.item_name} · {kind}"
                                + (f" · {task.agreement:.2f}" if task is not None else ""))  # fmt: skip
        ws = self._workspace
        self.left.show_answer(ws, page, 0, self.tr("Left"))
        self.right.show_answer(ws, page, 1, self.tr("Right"))
        if overlay:
            a, b = page.answers[0], page.answers[1]
            self.overlay.show_layers(ws, page, [
                Layer(a.candidate.annotations, a.flagged, lambda _l: SIDE_COLOURS[0]),
                Layer(b.candidate.annotations, b.flagged, lambda _l: SIDE_COLOURS[1]),
            ])  # fmt: skip
            self.overlay_header.setText(
                " &nbsp; ".join(
                    f"<span style='color:{colour.name()}'>■ {html.escape(ans.candidate.actor)}</span>"
                    for colour, ans in zip(SIDE_COLOURS, (a, b), strict=True)
                )
            )
        self._fill_differences(page)
        self._overlay_toggled()

    def _difference_name(self, kind: str) -> str:
        """A difference kind in words, left and right as on screen."""
        names = {
            "classification": self.tr("Different class"),
            "region_only_in_a": self.tr("Region only on the left"),
            "region_only_in_b": self.tr("Region only on the right"),
            "region_label": self.tr("Different label"),
            "region_iou": self.tr("Regions differ in place"),
            "transcription": self.tr("Different text"),
            "span_only_in_a": self.tr("Span only on the left"),
            "span_only_in_b": self.tr("Span only on the right"),
            "span_label": self.tr("Different span label"),
            "span_boundary": self.tr("Span boundaries differ"),
        }  # fmt: skip
        return names.get(kind, kind)

    @staticmethod
    def _detail(d: Difference) -> str:
        """The figures behind a difference; none where its name says everything."""
        return "" if "only_in" in d.kind else d.detail

    def _fill_differences(self, page: ReviewPage) -> None:
        names = {"a": self.tr("Left"), "b": self.tr("Right")}
        for i, d in enumerate(page.differences):
            row = QTreeWidgetItem([self._difference_name(d.kind), self._detail(d), ""])
            row.setData(0, Qt.ItemDataRole.UserRole, i)
            self.diffs.addTopLevelItem(row)
            take = QComboBox(self.diffs)
            for side in ("a", "b"):
                take.addItem(names[side], side)
            take.setToolTip(self.tr("Which answer's version the merge keeps"))
            take.currentIndexChanged.connect(lambda _i, n=i: self._pick_changed(n))
            self.diffs.setItemWidget(row, 2, take)
            self._take.append(take)
        for col in range(2):
            self.diffs.resizeColumnToContents(col)

    @Slot()
    def _overlay_toggled(self) -> None:
        on = self.overlay_action.isChecked() and self.overlay_action.isEnabled()
        self.pages.setCurrentIndex(1 if on else 0)

    def _pick_changed(self, row: int) -> None:
        """One pick decides its whole group: the linked rows follow."""
        page = self.page
        if page is None:
            return
        side = self._take[row].currentData()
        for other in page.groups[page.group_of(row)].diffs:
            box = self._take[other]
            if box.currentData() != side:
                box.blockSignals(True)
                box.setCurrentIndex(box.findData(side))
                box.blockSignals(False)

    def set_pick(self, row: int, side: Side) -> None:
        """Choose which answer's version of difference ``row`` (and its group) the merge keeps."""
        self._take[row].setCurrentIndex(self._take[row].findData(side))

    def _difference_selected(self) -> None:
        page, row = self.page, self.diffs.currentItem()
        if page is None or row is None:
            return
        d = page.differences[int(row.data(0, Qt.ItemDataRole.UserRole))]
        self.left.canvas.select(d.a_ids)
        self.right.canvas.select(d.b_ids)
        self.overlay.select([*d.a_ids, *d.b_ids])

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    # ------------------------------------------------------------------ deciding
    def picks(self) -> dict[int, Side]:
        page = self.page
        if page is None:
            return {}
        return {g: self._take[group.diffs[0]].currentData() for g, group in enumerate(page.groups)}

    @Slot()
    def accept(self, index: int) -> None:
        page = self.page
        if page is None or index >= len(page.answers):
            return
        chosen = page.answers[index].candidate.hash
        self._submit(lambda ws: decision_draft(ws, page.item_id, "accept", chosen=[chosen],
                                               seen=page.seen))  # fmt: skip

    def merged(self) -> tuple[list[Annotation], list[str]]:
        """The answer the current picks build, and the revisions it takes from."""
        page = self.page
        assert page is not None
        take, used = merge_plan(page, self.picks())
        answers = {a.candidate.hash: a.candidate.annotations for a in page.answers}
        return merge_answers(answers, take), used

    @Slot()
    def merge(self) -> None:
        page = self.page
        if page is None:
            return
        try:
            result, used = self.merged()
        except ReviewError as exc:
            self.show_message(str(exc))
            return
        self._submit(lambda ws: decision_draft(ws, page.item_id, "merge", chosen=used,
                                               annotations=result, seen=page.seen))  # fmt: skip

    @Slot()
    def adjudicate(self) -> AdjudicateDialog | None:
        page = self.page
        if page is None:
            return None
        if len(page.answers) >= 2:
            start, used = self.merged()
        else:
            start, used = list(page.answers[0].candidate.annotations), page.seen
        dialog = AdjudicateDialog(self._workspace, page, start, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.adjudicate_dialog = dialog
        dialog.accepted.connect(
            lambda: self._submit(lambda ws: decision_draft(
                ws, page.item_id, "adjudicate", chosen=used, annotations=dialog.annotations(),
                seen=page.seen))
        )  # fmt: skip
        dialog.open()
        return dialog

    @Slot()
    def reject(self) -> RejectDialog | None:
        page = self.page
        if page is None:
            return None
        dialog = RejectDialog(page.item_name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._submit(lambda ws: decision_draft(
                ws, page.item_id, "reject", reason_=dialog.reason(), seen=page.seen))
        )  # fmt: skip
        dialog.open()
        return dialog

    def _submit(self, make: Callable[[Workspace], EventDraft]) -> bool:
        """Build the decision from what was seen, append it off the GUI thread."""
        page = self.page
        if page is None or self.pending:
            return False
        ws = self._workspace()
        try:
            draft = make(ws)
            future = ws.submit([draft])
        except Exception as exc:  # ReviewError (changed, not allowed), a read-only workspace
            self._refused(page.item_id, str(exc))
            return False
        self.pending += 1
        self._show_page(page)  # the decision buttons wait for this one

        def done() -> None:
            self.pending -= 1
            try:
                [event] = future.result()
            except Exception as exc:  # the writer reports why it could not append
                self._refused(page.item_id, str(exc))
                return
            self._after_decision(page.item_id)
            self.show_message(self.tr("{item}: {decision} recorded.").format(
                item=page.item_name, decision=event.payload.get("decision", "")))  # fmt: skip
            self.decided.emit(event.hash)

        future.add_done_callback(lambda _f: QTimer.singleShot(0, self, done))
        return True

    def _refused(self, item_id: str, text: str) -> None:
        """Show the item as it is now, and why the decision was not recorded."""
        self.queue.reload()
        if not self.open_item(item_id):
            self._show_page(None)
        self.show_message(text)

    def _after_decision(self, item_id: str) -> None:
        """The decided item leaves the queue; the task now in its place opens."""
        before = [t.item_id for t in self.queue.tasks]
        row = before.index(item_id) if item_id in before else 0
        self.page = None
        self.queue.reload()
        ids = [t.item_id for t in self.queue.tasks]
        if ids:
            row = min(row, len(ids) - 1)
            self.queue.select_row(row)
            self.open_item(ids[row])
        else:
            self._show_page(None)

    def wait_for_decisions(self, timeout_ms: int = 10_000) -> bool:
        """Process events until every decision in flight is recorded (closing, tests)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while self.pending and not deadline.hasExpired():
            QCoreApplication.processEvents()
        return not self.pending

    def shutdown(self) -> None:
        """Wait for a decision on its way, stop the page decodes, close (the app can quit)."""
        self.wait_for_decisions()
        self.runner.shutdown()
        self.close()
