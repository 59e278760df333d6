"""Importing real and generated files: what becomes an item, with which provenance."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest

from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.ingest.thumbnails import thumbnail_path
from hitl_desktop.workspace import Workspace, queries
from tests.support.files import text_pdf, write_jpeg, write_png, write_tiff

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
INLINE = ImportOptions(workers=1, source="tests")


def _payload(ws: Workspace, item_id: str) -> dict:
    (entry,) = [
        e
        for e in queries.item_history(ws.reader(), item_id)
        if e.type in ("item.imported", "item.derived") and e.subject_item == item_id
    ]
    return entry.payload


def test_funsd_pages_and_sroie_receipts_import_with_stats_and_thumbnails(
    workspace: Workspace,
) -> None:
    files = (
        sorted((DATA / "funsd" / "images").glob("*.png"))[:3]
        + sorted((DATA / "sroie" / "img").glob("*.jpg"))[:3]
    )
    report = import_paths(
        workspace, files, ImportOptions(workers=1, source="funsd+sroie", licence="research only")
    )
    assert report.counts() == {"imported": 6}
    for f in report.files:
        p = _payload(workspace, f.item_id)
        assert p["kind"] == "image" and p["source"] == "funsd+sroie"
        assert p["provenance"]["licence"] == "research only"
        assert p["provenance"]["original_path"] == f.path
        assert p["blob_sha256"] == hashlib.sha256(Path(f.path).read_bytes()).hexdigest()
        assert workspace.blobs.read_bytes(p["blob_sha256"]) == Path(f.path).read_bytes()
        stats = p["stats"]
        assert (
            stats["height"] == (1000 if "funsd" in f.path else stats["height"])
            and stats["width"] > 400
        )
        assert 0 < stats["brightness"] < 255 and len(stats["dhash"]) == 16
        assert thumbnail_path(workspace.path, p["blob_sha256"]).stat().st_size > 500
    assert workspace.verify().ok


def test_pdf_pages_are_derived_items_with_text_layer_and_renderer(
    workspace: Workspace, tmp_path: Path
) -> None:
    pdf = tmp_path / "Rechnung März.pdf"  # non-ASCII name with a space
    pdf.write_bytes(text_pdf(["Invoice 2026-001", "Total 42.00 EUR", "Signature"]))
    report = import_paths(workspace, [pdf], ImportOptions(workers=1, dpi=100))
    (f,) = report.files
    assert f.status == "imported" and f.parts == 3
    doc = _payload(workspace, f.item_id)
    assert (
        doc["kind"] == "document"
        and doc["stats"]["pages"] == 3
        and doc["stats"]["text_layer_pages"] == 3
    )
    pages = [
        r
        for r in queries.page_items(workspace.reader(), queries.ItemFilter(kind="scan_page"), 0, 10)
    ]
    assert [p.name for p in pages] == [
        "Rechnung März.pdf p1",
        "Rechnung März.pdf p2",
        "Rechnung März.pdf p3",
    ]
    first = _payload(workspace, pages[0].id)
    assert first["parent"] == f.item_id and first["transformation"] == "pdf.render"
    assert first["parameters"]["dpi"] == 100 and "pdfium" in first["parameters"]["renderer"]
    assert first["stats"]["width"] == round(612 * 100 / 72)
    assert workspace.blobs.read_bytes(first["text_layer_sha256"]).decode() == "Invoice 2026-001"
    # the PDF's history shows what was derived from it
    assert [e.type for e in queries.item_history(workspace.reader(), f.item_id)].count(
        "item.derived"
    ) == 3


def test_multipage_tiff_gives_one_item_per_page(workspace: Workspace, tmp_path: Path) -> None:
    tiff = write_tiff(tmp_path / "scanner batch.tif", pages=4)
    (f,) = import_paths(workspace, [tiff], INLINE).files
    assert f.status == "imported" and f.parts == 4
    page = _payload(
        workspace,
        queries.page_items(workspace.reader(), queries.ItemFilter(search="p4"), 0, 1)[0].id,
    )
    assert page["transformation"] == "tiff.page" and page["parameters"]["page"] == 4
    assert page["stats"]["width"] == 400 and page["stats"]["height"] == 300


def test_exif_orientation_is_applied_and_the_original_kept(
    workspace: Workspace, tmp_path: Path
) -> None:
    photo = write_jpeg(tmp_path / "phone.jpg", seed=1, orientation=6, size=(400, 300))
    (f,) = import_paths(workspace, [photo], INLINE).files
    p = _payload(workspace, f.item_id)
    assert p["stats"]["exif_orientation"] == 6
    assert (p["stats"]["width"], p["stats"]["height"]) == (300, 400)  # rotated for display
    assert workspace.blobs.read_bytes(p["blob_sha256"]) == photo.read_bytes()
    assert any("EXIF orientation 6" in n for n in f.notes)


def test_multilingual_texts_round_trip_exactly_and_as_nfc(workspace: Workspace) -> None:
    files = sorted((DATA / "multilingual").glob("*.txt"))
    report = import_paths(workspace, files, INLINE)
    assert report.counts() == {"imported": 18}
    for f in report.files:
        raw = Path(f.path).read_bytes()
        p = _payload(workspace, f.item_id)
        assert workspace.blobs.read_bytes(p["blob_sha256"]) == raw  # original, byte-exact
        text = workspace.blobs.read_bytes(p["text_sha256"]).decode()
        assert text == unicodedata.normalize("NFC", raw.decode("utf-8"))
        assert p["stats"]["characters"] == len(text)
    by_name = {Path(f.path).name: f for f in report.files}
    assert "text normalised to Unicode NFC" in by_name["vie.txt"].notes
    assert by_name["eng.txt"].notes == []
    scripts = {
        name: _payload(workspace, f.item_id)["stats"]["scripts"] for name, f in by_name.items()
    }
    assert max(scripts["arb.txt"], key=scripts["arb.txt"].get) == "ARABIC"
    assert max(scripts["hin.txt"], key=scripts["hin.txt"].get) == "DEVANAGARI"
    assert max(scripts["kor.txt"], key=scripts["kor.txt"].get) == "HANGUL"
    assert "CJK" in scripts["jpn.txt"] and "KANA" in scripts["jpn.txt"]


def test_legacy_encodings_are_detected(workspace: Workspace, tmp_path: Path) -> None:
    french = "Tous les êtres humains naissent libres et égaux en dignité et en droits. « Très bien », dit-elle."
    (tmp_path / "latin1.txt").write_bytes(french.encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes(french.encode("utf-16"))  # with BOM
    (tmp_path / "cp1252.txt").write_bytes(("Prix : 12 € – “offre” spéciale. " * 3).encode("cp1252"))
    report = import_paths(workspace, sorted(tmp_path.glob("*.txt")), INLINE)
    texts = {Path(f.path).name: workspace.blobs.read_bytes(_payload(workspace, f.item_id)["text_sha256"]).decode()
             for f in report.files}  # fmt: skip
    assert texts["latin1.txt"] == french and texts["utf16.txt"] == french
    assert "€" in texts["cp1252.txt"] and "“offre”" in texts["cp1252.txt"]


def test_tsv_rows_become_text_items_with_other_columns_kept(workspace: Workspace) -> None:
    sms = DATA / "textcls" / "sms_spam_2000.tsv"
    (f,) = import_paths(workspace, [sms], ImportOptions(workers=1, text_column="SMS")).files
    assert f.status == "imported" and f.parts == 2000  # bare quotes in messages are not CSV quoting
    rows = queries.page_items(workspace.reader(), queries.ItemFilter(kind="text"), 0, 3)
    first = _payload(workspace, rows[0].id)
    assert first["transformation"] == "tsv.row" and first["parameters"]["fields"] == {
        "Label": "ham"
    }
    assert first["parameters"]["column"] == "SMS"
    assert (
        workspace.blobs.read_bytes(first["blob_sha256"])
        .decode()
        .startswith("Go until jurong point")
    )


def test_jsonl_field_and_bad_lines_are_reported(workspace: Workspace, tmp_path: Path) -> None:
    jl = tmp_path / "reviews.jsonl"
    jl.write_text(
        '{"id": 1, "body": "Très bon"}\n{broken\n{"id": 3, "body": "مرحبا"}\n[1,2]\n',
        encoding="utf-8",
    )
    (f,) = import_paths(workspace, [jl], ImportOptions(workers=1, jsonl_field="body")).files
    assert f.status == "imported" and f.parts == 2
    assert any(n.startswith("line 2: not JSON") for n in f.notes)
    assert any(n.startswith("line 4: not a JSON object") for n in f.notes)


def test_parallel_workers_give_the_same_items_as_inline(tmp_path: Path) -> None:
    files = [write_png(tmp_path / f"p{i}.png", seed=i) for i in range(12)]
    results = []
    for workers in (1, 2):
        with Workspace.create(tmp_path / f"ws{workers}", name="w") as ws:
            report = import_paths(ws, files, ImportOptions(workers=workers, batch_size=5))
            assert report.counts() == {"imported": 12}
            results.append(
                [(Path(f.path).name, _payload(ws, f.item_id)["stats"]) for f in report.files]
            )
    assert results[0] == results[1]


@pytest.mark.parametrize("workers", [1, 2])
def test_progress_is_reported_and_cancel_stops_cleanly(tmp_path: Path, workers: int) -> None:
    from hitl_desktop.workspace import CancelToken

    files = [write_png(tmp_path / f"p{i}.png", seed=i) for i in range(30)]
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int, current: str) -> None:
        seen.append(done)
        assert total == 30 and current.endswith(".png")
        if done == 10:
            token.cancel()

    with Workspace.create(tmp_path / "ws", name="w") as ws:
        report = import_paths(
            ws, files, ImportOptions(workers=workers, batch_size=4), progress=progress, cancel=token
        )
        assert report.cancelled and seen[:10] == list(range(1, 11))
        imported = report.counts()["imported"]
        assert 10 <= imported < 30 and report.counts()["not processed"] == 30 - imported
        assert queries.count_items(ws.reader()) == imported
        again = import_paths(ws, files, ImportOptions(workers=1))  # resume: nothing twice
        assert again.counts() == {"duplicate": imported, "imported": 30 - imported}
        assert queries.count_items(ws.reader()) == 30
