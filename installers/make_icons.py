"""Render resources/icons/hitl-desktop.svg into the icon files installers need (build/icons/).

Windows wants an .ico, macOS an .icns, Linux menus take the SVG as it is. Qt renders the SVG
(offscreen), Pillow writes the multi-size containers. Usage: python installers/make_icons.py
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "hitl-desktop.svg"
OUT = ROOT / "build" / "icons"


def render_png(size: int, path: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not image.save(str(path)):
        raise SystemExit(f"could not write {path}")


def main() -> None:
    from PIL import Image

    OUT.mkdir(parents=True, exist_ok=True)
    big = OUT / "hitl-desktop-1024.png"
    render_png(1024, big)
    with Image.open(big) as img:
        img.save(OUT / "hitl-desktop.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
        img.save(OUT / "hitl-desktop.icns")
        img.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "hitl-desktop-256.png")
    print(f"icons in {OUT}")


if __name__ == "__main__":
    main()
