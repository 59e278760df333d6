"""Privacy markers that sync enforces are checked before anything is imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.privacy import PrivacyError
from hitl_desktop.workspace import Profile, Workspace


def _items(path: Path) -> int:
    ws = Workspace.open(path, readonly=True)
    try:
        return int(ws.reader().execute("SELECT count(*) FROM items").fetchone()[0])
    finally:
        ws.close()


def test_unknown_role_is_refused_before_anything_is_imported(tmp_path: Path) -> None:
    path = tmp_path / "ws"
    Workspace.create(path, name="Markers", profile=Profile("ana", "admin")).close()
    doc = tmp_path / "a.txt"
    doc.write_text("hello\n", encoding="utf-8")
    bad = CliRunner().invoke(app, ["--workspace", str(path), "import", str(doc),
                                   "--privacy", "restricted:checker+boss"])  # fmt: skip
    assert bad.exit_code == 1
    assert "unknown role 'boss'" in bad.output and "restricted:<role>" in bad.output
    assert _items(path) == 0
    ok = CliRunner().invoke(app, ["--workspace", str(path), "import", str(doc), "--privacy",
                                  "restricted:checker+expert", "--privacy", "faces"])  # fmt: skip
    assert ok.exit_code == 0, ok.output
    assert _items(path) == 1


@pytest.mark.parametrize("marker", ["restricted:", "restricted:checker+", "restricted:Checker"])
def test_malformed_restricted_markers_are_errors(tmp_path: Path, marker: str) -> None:
    ws = Workspace.create(tmp_path / "ws", name="Markers", profile=Profile("ana", "admin"))
    try:
        doc = tmp_path / "a.txt"
        doc.write_text("hello\n", encoding="utf-8")
        with pytest.raises(PrivacyError, match="restricted:<role>"):
            import_paths(ws, [doc], ImportOptions(workers=1, privacy=(marker,)))
        assert ws.reader().execute("SELECT count(*) FROM items").fetchone()[0] == 0
    finally:
        ws.close()
