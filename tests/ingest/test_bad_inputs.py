"""Failure cases 6-8: every bad file gets a clear reason; the rest of the batch imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.workspace import Workspace, queries
from tests.support.files import (
    blank_pdf,
    encrypted_pdf,
    png_bomb,
    text_pdf,
    write_jpeg,
    write_png,
    write_tiff,
)


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    d = tmp_path / "inbox with spaces — ünïcødé"
    d.mkdir()
    good_png = write_png(d / "good.png", seed=1)
    good_jpg = write_jpeg(d / "good.jpg", seed=2)
    (d / "zero.png").write_bytes(b"")
    (d / "truncated.png").write_bytes(good_png.read_bytes()[:600])
    (d / "truncated.jpg").write_bytes(good_jpg.read_bytes()[:900])
    pdf = text_pdf(["page one", "page two"])
    (d / "truncated.pdf").write_bytes(pdf[: len(pdf) // 3])
    tiff = write_tiff(d / "full.tif", pages=3).read_bytes()
    (d / "full.tif").unlink()
    (d / "truncated.tif").write_bytes(tiff[: len(tiff) // 2])
    png_bomb(d / "bomb.png")
    (d / "encrypted.pdf").write_bytes(encrypted_pdf())
    (d / "thousands.pdf").write_bytes(blank_pdf(2_500))
    write_png(d / "really-a-png.jpg", seed=3)
    (d / "error-page.png").write_text("<html><body>404 Not Found</body></html>")
    (d / "random.bin").write_bytes(bytes(range(256)) * 8)
    (d / "latin1.txt").write_bytes("Café crème à deux euros, s'il vous plaît.".encode("latin-1"))
    (d / "utf16.txt").write_bytes("Ünïcødé 中文 العربية".encode("utf-16"))
    (d / "binary.txt").write_bytes(b"abc\x00\x01\x02" * 100)
    return d


EXPECTED = {
    "good.png": ("imported", ""),
    "good.jpg": ("imported", ""),
    "zero.png": ("refused", "empty file"),
    "truncated.png": ("refused", "truncated or corrupt image"),
    "truncated.jpg": ("refused", "truncated or corrupt image"),
    "truncated.pdf": ("refused", "damaged or truncated PDF"),
    "truncated.tif": ("refused", "truncated or corrupt image"),
    "bomb.png": ("refused", "50,000 x 50,000 = 2,500 megapixels, over the limit"),
    "encrypted.pdf": ("refused", "encrypted"),
    "thousands.pdf": ("refused", "2,500 pages, over the limit of 2,000"),
    "really-a-png.jpg": ("imported", ""),
    "error-page.png": ("refused", "named .png but the content is not PNG (it is text"),
    "random.bin": ("refused", "not a supported file"),
    "latin1.txt": ("imported", ""),
    "utf16.txt": ("imported", ""),
    "binary.txt": ("refused", "binary content"),
}


@pytest.mark.parametrize("workers", [1, 2])
def test_each_bad_file_is_refused_with_its_reason(
    workspace: Workspace, bad_folder: Path, workers: int
) -> None:
    report = import_paths(workspace, [bad_folder], ImportOptions(workers=workers, source="inbox"))
    got = {Path(f.path).name: f for f in report.files}
    assert set(got) == set(EXPECTED)
    for name, (status, reason) in EXPECTED.items():
        assert got[name].status == status, (name, got[name])
        assert reason in got[name].reason, (name, got[name].reason)
    assert "content is PNG" in got["really-a-png.jpg"].notes[0]
    # nothing half-written: exactly the good files are items, and the log verifies
    assert queries.count_items(workspace.reader()) == 5
    assert workspace.verify().ok
    assert not list((workspace.path / "blobs" / "tmp").glob("*"))


def test_limits_are_configurable(workspace: Workspace, tmp_path: Path) -> None:
    big = write_png(tmp_path / "big.png", seed=5, size=(2000, 1500))
    report = import_paths(workspace, [big], ImportOptions(workers=1, max_pixels=1_000_000))
    assert report.files[0].status == "refused" and "--max-pixels" in report.files[0].reason
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(blank_pdf(30))
    report = import_paths(workspace, [pdf], ImportOptions(workers=1, max_pdf_pages=20, dpi=36))
    assert "raise --max-pdf-pages" in report.files[0].reason
    report = import_paths(workspace, [pdf], ImportOptions(workers=1, max_pdf_pages=40, dpi=36))
    assert report.files[0].status == "imported" and report.files[0].parts == 30


def test_unreadable_and_vanished_files(workspace: Workspace, tmp_path: Path) -> None:
    import os

    locked = write_png(tmp_path / "locked.png", seed=9)
    locked.chmod(0)
    gone = tmp_path / "gone.png"
    report = import_paths(workspace, [locked, gone], ImportOptions(workers=1))
    reasons = {Path(f.path).name: f.reason for f in report.files}
    if os.geteuid() != 0:  # root reads anything
        assert "permission denied" in reasons["locked.png"]
    assert "disappeared" in reasons["gone.png"]
