"""Printing the stakeholder report to PDF through Qt (its charts are SVG ``data:`` images,
which Qt's rich-text engine draws). Usable without a window: ``hitl report --pdf``."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument


def _ensure_app() -> None:
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _ensure_app.app = QGuiApplication([])  # type: ignore[attr-defined]  # kept alive


def print_pdf(html: str, path: Path) -> None:
    """Lay ``html`` out on A4 pages and write the PDF to ``path`` (OSError when it fails)."""
    _ensure_app()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15)))  # fmt: skip
    writer.setTitle("Dataset report")
    writer.setCreator("HITL Desktop")
    doc = QTextDocument()
    doc.setHtml(html)
    doc.print_(writer)
    del writer  # the file is finished when the writer goes
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"Qt wrote no PDF to {path}")
