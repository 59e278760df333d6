"""A local-only source syncs its events but never its files; another device of the project
gets the item without its file and a clear reason (issue 8 item 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.sync import fetch_blob, sync
from hitl_desktop.sync.errors import BlobWithheld
from hitl_desktop.sync.privacy import kept_local
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.store import iter_events
from tests.support.files import text_pdf

from .conftest import FAST, LiveServer
from .helpers import assign, hashes, new_workspace, second_device, server_hashes, sign_in


def _import(ws: Workspace, path: Path, text: str, *privacy: str) -> tuple[str, str]:
    path.write_text(text, encoding="utf-8")
    report = import_paths(ws, [path], ImportOptions(workers=1, privacy=privacy))
    item = report.files[0].item_id
    assert item is not None, report.to_json()
    row = ws.reader().execute("SELECT blob_sha256 FROM items WHERE id = ?", (item,)).fetchone()
    return item, str(row[0])


def test_local_only_source_syncs_events_not_files(live_server: LiveServer, tmp_path: Path) -> None:
    laptop, tablet = second_device(new_workspace(tmp_path / "laptop"), tmp_path / "tablet")
    try:
        secret, secret_sha = _import(laptop, tmp_path / "patient.txt", "Jane Roe, 1970\n",
                                     "local-only", "personal-data")  # fmt: skip
        public, public_sha = _import(laptop, tmp_path / "menu.txt", "Soup of the day\n")
        assign(laptop, secret)
        assign(laptop, public)
        sign_in(laptop, live_server.url)
        laptop.close()
        out = CliRunner().invoke(app, ["--workspace", str(tmp_path / "laptop"), "sync", "--json"])
        assert out.exit_code == 0, out.output
        result = json.loads(out.output)
        assert result["refused"] == [] and result["blob_problems"] == []
        assert (result["blobs_kept_local"], result["blobs_uploaded"]) == (1, 1)
        more = tmp_path / "scan.txt"
        more.write_text("Another patient\n", encoding="utf-8")
        cli = ["--workspace", str(tmp_path / "laptop")]
        imported = CliRunner().invoke(app, [*cli, "import", str(more), "--privacy", "local-only"])
        assert imported.exit_code == 0, imported.output
        text = CliRunner().invoke(app, [*cli, "sync"])
        assert text.exit_code == 0 and "uploaded 0" in text.output
        assert "kept local 1" in text.output, text.output
        laptop = Workspace.open(tmp_path / "laptop")
        assert set(server_hashes(live_server)) == hashes(laptop)  # every event went up
        assert not live_server.store.blobs.has(secret_sha)  # its file did not
        assert live_server.store.blobs.has(public_sha)

        sign_in(tablet, live_server.url)
        pulled = sync(tablet, policy=FAST)  # prefetches the assigned items
        assert pulled.refused == [] and pulled.blob_problems == []
        assert pulled.blobs_downloaded == 1 and tablet.blobs.has(public_sha)
        names = {r[0] for r in tablet.reader().execute("SELECT name FROM items")}
        assert names == {"patient.txt", "menu.txt", "scan.txt"}  # here, without their files
        assert not tablet.blobs.has(secret_sha)
        with pytest.raises(BlobWithheld, match="local-only"):
            fetch_blob(tablet, secret_sha)
    finally:
        laptop.close()
        tablet.close()


def test_pages_pushed_after_their_pdf_still_stay_local(tmp_path: Path) -> None:
    """A later chunk holding only the pages finds the PDF's markers in the workspace log."""
    ws = new_workspace(tmp_path / "ws")
    try:
        for name, privacy in (("secret.pdf", ("local-only",)), ("open.pdf", ())):
            (tmp_path / name).write_bytes(text_pdf([f"{name} page 1", f"{name} page 2"]))
            import_paths(ws, [tmp_path / name], ImportOptions(workers=1, dpi=60, privacy=privacy))
        events = [e for c in iter_events(ws.reader()) for e in c]
        parents = {e.subject_item: e.payload["name"] for e in events if e.type == "item.imported"}
        pages = [e for e in events if e.type == "item.derived"]
        mine = {e.payload["blob_sha256"]: parents[e.payload["parent"]] for e in pages}
        kept = kept_local(ws.reader(), pages)
        assert len(pages) == 4
        assert {sha for sha, pdf in mine.items() if pdf == "secret.pdf"} <= kept
        assert not kept & {sha for sha, pdf in mine.items() if pdf == "open.pdf"}
    finally:
        ws.close()
