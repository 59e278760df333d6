"""Per-source privacy enforced by the server (issue 8 item 5): local-only blobs are never
taken nor served, restricted ones only to the roles their source names (and admins)."""

from __future__ import annotations

from pathlib import Path

from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.lineage.envelope import Event
from hitl_desktop.server import Store
from hitl_desktop.server.db import item_privacy, meta, read_tx, write_tx
from hitl_desktop.server.privacy import BACKFILL_KEY, blob_policy
from hitl_desktop.workspace import Workspace
from tests.support.files import text_pdf

from .conftest import Server, all_events, make_workspace


def _import(ws: Workspace, path: Path, *privacy: str) -> list[Event]:
    report = import_paths(ws, [path], ImportOptions(workers=1, dpi=60, privacy=privacy))
    assert [f.status for f in report.files] == ["imported"], report.to_json()
    return all_events(ws)


def _note(tmp_path: Path, text: str = "Patient: Jane Roe, born 1970-01-01\n") -> Path:
    doc = tmp_path / "note.txt"
    doc.write_text(text, encoding="utf-8")
    return doc


def test_local_only_import_syncs_without_its_blob_and_the_blob_is_refused(
    sqlite_server: Server, tmp_path: Path
) -> None:
    ws = make_workspace(tmp_path, "alice", "worker")
    api = sqlite_server.client("alice")
    assert api.register(ws).status_code == 200
    events = _import(ws, _note(tmp_path), "local-only", "personal-data")
    sha = next(e for e in events if e.type == "item.imported").payload["blob_sha256"]
    r = api.push(events, ws.project_id).json()
    assert r["acknowledged"] == len(events), r  # no missing_blob: the blob is meant to stay home
    put = api.put_blob(sha, ws.blobs.read_bytes(sha))
    assert put.status_code == 403 and "local-only" in put.json()["detail"]
    assert not sqlite_server.store.blobs.has(sha)
    for user in ("alice", "root"):  # not even an admin gets it
        got = sqlite_server.client(user).http.get(f"/v1/blobs/{sha}")
        assert got.status_code == 403 and "local-only" in got.json()["detail"]
    ws.close()


def test_restricted_blob_served_to_named_roles_and_admins_only(
    sqlite_server: Server, tmp_path: Path
) -> None:
    ws = make_workspace(tmp_path, "alice", "worker")
    api = sqlite_server.client("alice")
    assert api.register(ws).status_code == 200
    events = _import(ws, _note(tmp_path), "restricted:checker+expert")
    sha = next(e for e in events if e.type == "item.imported").payload["blob_sha256"]
    assert api.put_blob(sha, ws.blobs.read_bytes(sha)).status_code == 201
    assert api.push(events, ws.project_id).json()["acknowledged"] == len(events)
    for user, status in (("carol", 200), ("erin", 200), ("root", 200), ("alice", 403)):
        got = sqlite_server.client(user).http.get(f"/v1/blobs/{sha}")
        assert got.status_code == status, (user, got.text)
        if status == 200:
            assert got.content == ws.blobs.read_bytes(sha)
        else:
            assert "restricted to checker, expert" in got.json()["detail"]
    ws.close()


def test_pages_of_a_local_only_pdf_inherit_it(server: Server, tmp_path: Path) -> None:
    ws = make_workspace(tmp_path, "alice", "worker")
    api = server.client("alice")
    assert api.register(ws).status_code == 200
    pdf = tmp_path / "contract.pdf"
    pdf.write_bytes(text_pdf(["Page one, a name", "Page two, an address"]))
    events = _import(ws, pdf, "local-only")
    pages = [e for e in events if e.type == "item.derived"]
    assert len(pages) == 2
    r = api.push(events, ws.project_id).json()  # the pages follow their PDF in the push
    assert r["acknowledged"] == len(events), r
    for page in pages:
        sha = page.payload["blob_sha256"]
        assert api.put_blob(sha, ws.blobs.read_bytes(sha)).status_code == 403
        assert server.client("root").http.get(f"/v1/blobs/{sha}").status_code == 403
    ws.close()


def test_an_unrestricted_blob_is_still_required_and_served(
    sqlite_server: Server, tmp_path: Path
) -> None:
    ws = make_workspace(tmp_path, "alice", "worker")
    api = sqlite_server.client("alice")
    assert api.register(ws).status_code == 200
    events = _import(ws, _note(tmp_path, "plain text\n"), "personal-data")  # descriptive only
    r = api.push(events, ws.project_id).json()
    assert [x["status"] for x in r["results"]][-1] == "missing_blob"
    ws.close()


def test_a_store_from_before_the_privacy_table_is_filled_once_on_open(
    sqlite_server: Server, tmp_path: Path
) -> None:
    ws = make_workspace(tmp_path, "alice", "worker")
    api = sqlite_server.client("alice")
    assert api.register(ws).status_code == 200
    pdf = tmp_path / "contract.pdf"
    pdf.write_bytes(text_pdf(["A name"]))
    events = _import(ws, pdf, "local-only")
    assert api.push(events, ws.project_id).json()["acknowledged"] == len(events)
    page = next(e for e in events if e.type == "item.derived").payload["blob_sha256"]
    with write_tx(sqlite_server.store.engine) as conn:  # as a store of the previous version
        conn.execute(item_privacy.delete())
        conn.execute(meta.delete().where(meta.c.key == BACKFILL_KEY))
    assert api.put_blob(page, ws.blobs.read_bytes(page)).status_code == 201  # nothing known
    reopened = Store(sqlite_server.config)
    try:
        with read_tx(reopened.engine) as conn:
            assert blob_policy(conn, page).local_only  # the page inherits, filled on open
    finally:
        reopened.close()
    assert sqlite_server.client("root").http.get(f"/v1/blobs/{page}").status_code == 403
    ws.close()
