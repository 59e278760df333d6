"""Light and dark themes: follow the system by default, or a setting / ``HITL_THEME``.

Qt 6 follows the system colour scheme by itself (``QStyleHints.colorScheme()``); an explicit
choice asks the platform for that scheme and also sets a Fusion palette, because not every
platform theme (offscreen, older X11 desktops) honours the request. Widgets take their colours
from palette roles, so both themes read well.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEME_KEY = "ui/theme"
SYSTEM, LIGHT, DARK = "system", "light", "dark"
THEMES = (SYSTEM, LIGHT, DARK)


def chosen_theme(settings: QSettings | None = None) -> str:
    """``HITL_THEME`` if set, else the ``ui/theme`` setting, else ``"system"``."""
    value = os.environ.get("HITL_THEME", "").strip().lower()
    if not value and settings is not None:
        value = str(settings.value(THEME_KEY, SYSTEM) or SYSTEM).strip().lower()
    return value if value in THEMES else SYSTEM


def set_high_dpi_policy() -> None:
    """Crisp on fractional scales (125 %, 150 %): no rounding of the scale factor.

    Must run before the QApplication exists.
    """
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style, every role set (disabled text dimmed)."""
    p = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: "#2b2b2b",
        roles.WindowText: "#e6e6e6",
        roles.Base: "#1e1e1e",
        roles.AlternateBase: "#262626",
        roles.ToolTipBase: "#3a3a3a",
        roles.ToolTipText: "#f0f0f0",
        roles.PlaceholderText: "#9a9a9a",
        roles.Text: "#e6e6e6",
        roles.Button: "#353535",
        roles.ButtonText: "#e6e6e6",
        roles.BrightText: "#ff6b6b",
        roles.Light: "#4a4a4a",
        roles.Midlight: "#3e3e3e",
        roles.Mid: "#303030",
        roles.Dark: "#1a1a1a",
        roles.Shadow: "#000000",
        roles.Highlight: "#3d7bd9",
        roles.HighlightedText: "#ffffff",
        roles.Link: "#7fb2ff",
        roles.LinkVisited: "#c09cff",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor("#7a7a7a"))
    return p


def apply_theme(app: QApplication, theme: str) -> None:
    """Apply ``theme``: ``"system"`` leaves Qt following the system's light or dark scheme."""
    if theme not in (LIGHT, DARK):
        return
    scheme = Qt.ColorScheme.Dark if theme == DARK else Qt.ColorScheme.Light
    app.styleHints().setColorScheme(scheme)
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
        app.setPalette(dark_palette() if theme == DARK else fusion.standardPalette())


def is_dark(palette: QPalette) -> bool:
    """True when the palette draws light text on a dark window."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128
