"""Sync in the main window against a real central store on loopback (uvicorn, SQLite): sign in
through the dialog, events waiting in the status bar, Sync now (F9) empties them onto the
server, another device's new item shows after the next sync, a stopped server reads "Offline"
without a dialog, the automatic sync fires on its own, and an admin sees the refused events."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import FastAPI
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from hitl_desktop.demo import create_demo_workspace
from hitl_desktop.gui.i18n import install_translators
from hitl_desktop.gui.main_window import MainWindow, app_settings
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.gui.preferences import PreferencesDialog
from hitl_desktop.gui.sync_controller import INTERVAL_KEY
from hitl_desktop.gui.sync_dialog import SignInDialog
from hitl_desktop.gui.sync_incidents import IncidentsView
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.review.queue import open_tasks
from hitl_desktop.server import create_app
from hitl_desktop.server import db as server_db
from hitl_desktop.server.auth import revoke_device
from hitl_desktop.sync import RetryPolicy, ServerUnreachable, login, sync
from hitl_desktop.sync.gui_support import LocalStatus, local_status
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.queries import ItemFilter, page_items
from hitl_desktop.workspace.workspace import Profile
from tests.gui.gui_helpers import SCREENSHOTS
from tests.review.test_queue import answer, boxes
from tests.sync.conftest import FAST, PASSWORD, LiveServer, make_server, serve
from tests.sync.helpers import assign, hashes, self_signed_cert, server_hashes

pytestmark = pytest.mark.gui

SYNC_MS = 15_000


@dataclass
class Rig:
    """A running server, the window on the demo workspace, and a copy of that workspace made
    before it opened: the same project on another device."""

    server: LiveServer
    window: MainWindow
    tablet_path: Path
    user: str
    _servers: Iterator[LiveServer]

    def stop_server(self) -> None:
        self._servers.close()  # uvicorn stops; the port answers nothing any more


@pytest.fixture
def rig(qtbot, tmp_path: Path) -> Iterator[Rig]:  # type: ignore[no-untyped-def]
    demo = tmp_path / "demo"
    create_demo_workspace(demo).close()
    tablet = tmp_path / "tablet"
    shutil.copytree(demo, tablet)
    conn = sqlite3.connect(tablet / "workspace.db")  # another device: a key of its own
    conn.execute("DELETE FROM meta WHERE key = 'device_id'")
    conn.commit()
    conn.close()
    servers = make_server(tmp_path / "server")
    server = next(servers)
    win = MainWindow(open_workspace(demo))
    qtbot.addWidget(win)
    win.sync.policy = FAST
    win.show()
    qtbot.waitExposed(win)
    user = win.workspace.profile.name  # the demo records work as the local user, an admin
    server.add_user(user, "admin")
    yield Rig(server, win, tablet, user, servers)
    win.close()
    servers.close()


def _label(win: MainWindow) -> str:
    return win.sync.status.label.text()


def _waiting(win: MainWindow) -> int:
    return local_status(win.workspace).waiting


def _press_f9(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(win, Qt.Key.Key_F9)


def _sign_in_programmatically(rig: Rig) -> None:
    login(rig.window.workspace, rig.server.url, rig.user, PASSWORD, policy=FAST)
    rig.window.sync.workspace_changed()


def _no_dialog_open() -> bool:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    return QApplication.activeModalWidget() is None and shown == []


def _sign_in_with_dialog(qtbot, win: MainWindow, url: str, password: str) -> SignInDialog:  # type: ignore[no-untyped-def]
    win.sync.sign_in_action.trigger()
    dialog = win.findChild(SignInDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.url.setText(url)
    dialog.password.setText(password)
    return dialog


def test_sign_in_starts_a_sync_that_brings_another_devices_item(
    qtbot, rig: Rig, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    win = rig.window
    assert _label(win) == "Not synced"
    assert not win.sync.sign_out_action.isEnabled()
    dialog = _sign_in_with_dialog(qtbot, win, rig.server.url, "not the password")
    assert dialog.user.text() == rig.user  # the profile's name, ready to use
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.handle is None and dialog.sign_in_button.isEnabled(),
                    timeout=SYNC_MS)  # fmt: skip
    assert dialog.message.text() == (
        f"The server at {rig.server.url} refused this user name or password; check them and "
        "try again."
    )
    assert dialog.isVisible() and not win.sync.running  # nothing starts on a refusal

    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.finished, timeout=SYNC_MS):
        dialog.sign_in_button.click()
    status = win.sync.status
    assert win.sync.running  # the first sync starts at once, without F9
    assert status.progress.isVisible() and status.cancel_button.isVisible()
    assert _label(win) == "Syncing…"
    qtbot.waitUntil(lambda: not win.sync.running, timeout=SYNC_MS)
    assert _label(win) == "Online · up to date · synced just now"
    assert sorted(server_hashes(rig.server)) == sorted(hashes(win.workspace))
    assert win.sync.status.label.toolTip() == f"Server: {rig.server.url}"
    assert win.sync.sign_out_action.isEnabled()
    assert win.sync.timer.isActive()  # automatic sync every 5 minutes by default
    assert win.sync.timer.interval() == 300_000

    assign(win.workspace, "item-x")  # a local edit: one more event to send
    win.refresh()
    assert _label(win) == "Online · 1 event waiting · synced just now"
    win.sync.sign_out_action.trigger()
    assert _label(win) == "Signed out · 1 event waiting · synced just now"
    assert not win.sync.timer.isActive()

    # meanwhile another device of the project imports a text file and syncs
    note = tmp_path / "field-note.txt"
    note.write_text("Delivery arrived damaged; customer asked for a refund.", encoding="utf-8")
    with Workspace.open(rig.tablet_path) as tablet:
        import_paths(tablet, [note], ImportOptions(workers=1, source="tablet"))
        login(tablet, rig.server.url, rig.user, PASSWORD, policy=FAST)
        assert sync(tablet, policy=FAST).refused == []
    rows = win.model.rowCount()
    names = [str(win.model.index(r, c).data()) for r in range(rows) for c in range(3)]
    assert not any("field-note" in n for n in names)

    dialog = _sign_in_with_dialog(qtbot, win, rig.server.url, PASSWORD)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: win.sync.last_result is not None and win.sync.last_result.pulled > 0,
                    timeout=SYNC_MS)  # fmt: skip
    qtbot.waitUntil(lambda: not win.sync.running, timeout=SYNC_MS)
    result = win.sync.last_result
    assert result.pushed == 1 and result.pulled >= 2
    qtbot.waitUntil(lambda: win.model.rowCount() == rows + 1)  # the list re-read itself
    names = [str(win.model.index(r, c).data()) for r in range(rows + 1) for c in range(3)]
    assert any("field-note.txt" in n for n in names)
    assert _label(win) == "Online · up to date · synced just now"
    assert win.items_label.text() == f"{rows + 1} items"
    win.grab().save(str(SCREENSHOTS / "sync_after_sign_in.png"))

    _press_f9(qtbot, win)  # Sync now still works: nothing left to do
    qtbot.waitUntil(lambda: not win.sync.running, timeout=SYNC_MS)
    assert (win.sync.last_result.pushed, win.sync.last_result.pulled) == (0, 0)


def test_stopped_server_reads_offline_without_a_dialog(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    win = rig.window
    _sign_in_programmatically(rig)
    rig.stop_server()
    win.sync.policy = RetryPolicy(base_s=0.01, cap_s=0.02, max_retries=1, timeout_s=2)
    _press_f9(qtbot, win)
    assert win.sync.running and win.sync.cancel_action.isEnabled()
    qtbot.waitUntil(lambda: not win.sync.running, timeout=SYNC_MS)
    assert _label(win).startswith("Offline · ")
    tip = win.sync.status.label.toolTip()
    assert f"Server: {rig.server.url}" in tip and "Last sync failed: " in tip
    assert "unreachable" in tip
    assert "Sync failed" in win.statusBar().currentMessage()
    assert _no_dialog_open()
    # the automatic sync waits twice as long after a failure, and local work is kept
    assert win.sync.failures == 1
    assert win.sync.timer.interval() == 600_000
    assert _waiting(win) > 0


def test_automatic_sync_fires_and_never_overlaps(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    win = rig.window
    _sign_in_programmatically(rig)
    settings = app_settings()
    settings.setValue(INTERVAL_KEY, 0.005)  # 0.3 s, where a person would choose minutes
    win.sync.schedule()
    assert win.sync.timer.isActive() and win.sync.timer.interval() == 300
    qtbot.waitUntil(lambda: win.sync.last_result is not None and not win.sync.running,
                    timeout=SYNC_MS)  # fmt: skip
    assert _waiting(win) == 0
    assert sorted(server_hashes(rig.server)) == sorted(hashes(win.workspace))
    assert win.sync.timer.isActive()  # the next one is due

    handle = win.sync.sync_now()
    assert handle is not None
    win.sync.timer.timeout.emit()  # the timer fires while a sync runs: nothing new starts
    assert win.sync.sync_now() is None
    assert win.runner.running_names.count("Sync") == 1
    qtbot.waitUntil(lambda: not win.sync.running, timeout=SYNC_MS)

    # Preferences → Sync every: Off stops it at once
    win.preferences_action.trigger()
    prefs = win.findChild(PreferencesDialog)
    assert prefs is not None
    prefs.sync_interval.setValue(0)
    assert prefs.sync_interval.text() == "Off"
    prefs.accept()
    assert not win.sync.timer.isActive()


def test_admin_sees_incidents_and_a_worker_cannot(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    win = rig.window
    rig.server.add_user("ana", "admin")
    # signed in as ana while the workspace records work as another name: the server refuses
    login(win.workspace, rig.server.url, "ana", PASSWORD, policy=FAST)
    win.sync.workspace_changed()
    win.sync.sync_now()
    qtbot.waitUntil(lambda: not win.sync.running, timeout=SYNC_MS)
    result = win.sync.last_result
    assert result is not None and result.refused and result.pushed == 0
    assert "The server refused" in win.statusBar().currentMessage()
    assert _no_dialog_open()

    assert win.sync.incidents_action in win.tools_menu.actions()
    assert win.sync.incidents_action.isEnabled()  # an admin profile
    win.sync.incidents_action.trigger()
    view = win.findChild(IncidentsView)
    assert view is not None and view.isVisible()
    qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=SYNC_MS)
    assert view.table.rowCount() == len(result.refused)
    assert {view.table.item(r, 1).text() for r in range(view.table.rowCount())} == {"forbidden"}
    assert view.table.item(0, 2).text() == "ana"
    assert view.message.text() == f"The server refused {len(result.refused)} events."
    view.reject()

    win.workspace.set_profile(Profile(rig.user, "worker"))
    win.role_gate.apply(win.workspace.profile)
    assert not win.sync.incidents_action.isEnabled()
    assert "admin" in win.sync.incidents_action.toolTip()


def _refusal(qtbot, dialog: SignInDialog, url: str, user: str = "") -> str:  # type: ignore[no-untyped-def]
    dialog.url.setText(url)
    if user:
        dialog.user.setText(user)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.handle is None, timeout=SYNC_MS)
    assert dialog.isVisible() and dialog.url.isEnabled()
    return dialog.message.text()


def test_each_sign_in_refusal_has_its_own_message(qtbot, rig: Rig, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = rig.window
    url = rig.server.url
    rig.server.add_user("cleo", "worker")
    conn = sqlite3.connect(rig.server.data_dir / "server.db")
    conn.execute("UPDATE users SET role = '' WHERE name = 'cleo'")
    conn.commit()
    conn.close()
    dialog = win.sync.sign_in()
    dialog.password.setText(PASSWORD)
    assert "has no role this app knows" in _refusal(qtbot, dialog, url, "cleo")
    assert "ask your administrator to give it a role" in dialog.message.text()
    assert _label(win) == "Not synced"  # a refused sign-in keeps nothing

    login(win.workspace, url, rig.user, PASSWORD, policy=FAST)  # signed in once, then revoked
    with server_db.write_tx(rig.server.store.engine) as conn_:
        revoke_device(conn_, win.workspace.device_id)
    text = _refusal(qtbot, dialog, url, rig.user)
    assert text.startswith(f"The server at {url} revoked this device")
    assert "fresh copy of the project" in text

    cert, key = self_signed_cert(tmp_path)
    server, thread, https = serve(create_app(rig.server.store), ssl_certfile=cert,
                                  ssl_keyfile=key)  # fmt: skip
    try:
        text = _refusal(qtbot, dialog, https)
    finally:
        server.should_exit = True
        thread.join(10)
    assert text.startswith(f"Could not open a secure connection to {https}: its certificate")
    assert "self-signed" in text or "self signed" in text
    dialog.reject()


def test_sign_in_shows_unreachable_and_upgrade_in_the_dialog(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    win = rig.window
    dialog = win.sync.sign_in()
    dialog.password.setText(PASSWORD)
    dialog.url.setText("ftp://example")
    dialog.sign_in_button.click()
    assert "starting with https://" in dialog.message.text() and dialog.handle is None

    rig.stop_server()
    dialog.url.setText(rig.server.url)
    dialog.sign_in_button.click()
    assert not dialog.url.isEnabled()  # the fields wait while the sign-in runs
    qtbot.waitUntil(lambda: dialog.handle is None, timeout=SYNC_MS)
    assert dialog.message.text().startswith(f"The server at {rig.server.url} is unreachable")
    assert dialog.url.isEnabled()
    install_translators(QApplication.instance(), "fr")  # the same refusal, in French
    try:
        text = dialog.refusal_text(ServerUnreachable("x", url=rig.server.url), rig.server.url)
    finally:
        install_translators(QApplication.instance(), "en")
    assert text.startswith(f"Le serveur {rig.server.url} est injoignable")

    future = FastAPI()  # a server of a later protocol version, really served on loopback
    future.get("/v1/hello")(lambda: {"protocol": 99, "project_id": None})
    server, thread, url = serve(future)
    try:
        dialog.url.setText(url)
        dialog.sign_in_button.click()
        qtbot.waitUntil(lambda: dialog.handle is None, timeout=SYNC_MS)
    finally:
        server.should_exit = True
        thread.join(10)
    assert dialog.message.text() == (
        f"The server at {url} speaks a newer sync protocol: upgrade the client (this app), then "
        "sign in again."
    )
    assert dialog.isVisible() and _label(win) == "Not synced"
    dialog.reject()


def test_cancel_stops_a_sync_waiting_on_the_network(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    win = rig.window
    _sign_in_programmatically(rig)
    rig.stop_server()
    win.sync.policy = RetryPolicy(base_s=5, cap_s=5, max_retries=3, timeout_s=2)  # backs off 5 s
    win.sync.sync_now()
    status = win.sync.status
    assert status.progress.isVisible() and status.cancel_button.isVisible()
    assert _label(win) == "Syncing…"
    qtbot.waitUntil(lambda: win.sync.running, timeout=SYNC_MS)
    status.cancel_button.click()
    qtbot.waitUntil(lambda: not win.sync.running, timeout=3000)  # well before the 5 s backoff
    assert "Sync cancelled" in win.statusBar().currentMessage()
    assert not status.progress.isVisible() and not status.cancel_button.isVisible()
    assert win.sync.failures == 0 and _label(win).startswith("Signed in · ")
    assert _no_dialog_open()


def test_last_sync_said_relatively_in_english_and_french(qapp, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    status = window.sync.status
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    synced = LocalStatus("http://store", 2, now - timedelta(minutes=3))
    assert status.status_text(synced, signed_in=True, online=True, now=now) == (
        "Online · 2 events waiting · synced 3 minutes ago"
    )
    assert status.relative_time(now - timedelta(hours=1), now) == "1 hour ago"
    assert status.relative_time(now - timedelta(days=2), now) == "2 days ago"
    assert status.relative_time(now - timedelta(days=30), now) == "1/30/26"  # en_US date
    install_translators(qapp, "fr")
    try:
        assert status.status_text(synced, signed_in=True, online=False, now=now) == (
            "Hors ligne · 2 événements en attente · synchronisé il y a 3 minutes"
        )
        one = LocalStatus("http://store", 1, None)
        assert status.status_text(one, signed_in=False, online=None, now=now) == (
            "Déconnecté · 1 événement en attente · jamais synchronisé"
        )
    finally:
        install_translators(qapp, "en")


def test_a_fork_pulled_by_sync_appears_in_the_review_queue(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    win = rig.window
    _sign_in_programmatically(rig)
    ws = win.workspace
    ws.set_profile(Profile(rig.user, "checker"))  # the checker's desktop
    win.role_gate.apply(ws.profile)
    pages = [r for r in page_items(ws.reader(), ItemFilter(), 0, 20) if r.name.endswith(".png")]
    item = pages[-1].id  # not the item open in the editor
    root = answer(ws, item, rig.user, boxes("question"))
    _sync_in_window(qtbot, win)
    with Workspace.open(rig.tablet_path) as tablet:
        login(tablet, rig.server.url, rig.user, PASSWORD, policy=FAST)
        sync(tablet, policy=FAST)  # gets the root answer
        # offline on both: each revises the same answer its own way
        mine = answer(ws, item, rig.user, boxes("question", "header"), base=[root])
        theirs = answer(tablet, item, rig.user, boxes("question", "other"), base=[root])
        sync(tablet, policy=FAST)
    win.on_events_appended()
    assert win.review.count_label.text() == "Review: 0"
    _sync_in_window(qtbot, win)
    assert win.review.count_label.text() == "Review: 1"  # refreshed without any other action
    assert win.review.action.isEnabled()
    win.review.action.trigger()  # Review → Review queue…
    view = win.review.view
    assert view.isVisible()
    tree = view.queue.tree
    assert tree.topLevelItemCount() == 1  # the checker's queue lists the fork, for that item
    row = tree.topLevelItem(0)
    assert (row.text(0), row.toolTip(1)) == ("fork", item)
    (task,) = [t for t in open_tasks(ws.reader()) if t.item_id == item]
    assert task.kind == "fork" and set(task.heads) == {mine, theirs}
    assert row.text(1) == task.item_name
    view.close()


def test_a_server_with_another_checkpoint_key_is_refused_until_signed_in_again(
    qtbot, rig: Rig
) -> None:  # type: ignore[no-untyped-def]
    win = rig.window
    _sign_in_programmatically(rig)
    _sync_in_window(qtbot, win)
    port = int(rig.server.url.rsplit(":", 1)[1])
    rig.stop_server()  # it comes back at the same address, signing with another key
    key = Ed25519PrivateKey.generate().private_bytes_raw().hex()
    (rig.server.data_dir / "checkpoint.key").write_text(key)
    servers = make_server(rig.server.data_dir, port=port)
    server = next(servers)
    try:
        edit = assign(win.workspace, "item-x")
        win.refresh()
        win.sync.sync_now()
        qtbot.waitUntil(lambda: not win.sync.running, timeout=SYNC_MS)
        assert "checkpoint key changed since you signed in" in win.statusBar().currentMessage()
        assert _label(win).startswith("Signed out · 1 event waiting")  # sign in again
        tip = win.sync.status.label.toolTip()
        assert "This device refused the server just now: its checkpoint key changed" in tip
        assert not win.sync.timer.isActive()  # no automatic retries against that server
        assert edit not in server_hashes(server) and _no_dialog_open()

        dialog = _sign_in_with_dialog(qtbot, win, server.url, PASSWORD)
        with qtbot.waitSignal(dialog.finished, timeout=SYNC_MS):
            dialog.sign_in_button.click()  # the administrator rotated it: the new key is pinned
        qtbot.waitUntil(lambda: not win.sync.running, timeout=SYNC_MS)
        assert edit in server_hashes(server)
        assert _label(win) == "Online · up to date · synced just now"
        assert "refused" not in win.sync.status.label.toolTip()
    finally:
        servers.close()


def _sync_in_window(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win.sync.sync_now()
    qtbot.waitUntil(lambda: not win.sync.running, timeout=SYNC_MS)
    assert win.sync.online, win.sync.last_error
