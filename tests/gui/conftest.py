"""GUI fixtures: a demo workspace, the real main window on it, and settings kept in tmp.

The in-memory keyring comes from tests/conftest.py (autouse).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings

from hitl_desktop.demo import create_demo_workspace
from hitl_desktop.gui.i18n import install_translators
from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.opening import open_workspace


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    """QSettings write under tmp, never into the developer's real configuration."""
    folder = tmp_path / "settings"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def english_locale() -> Iterator[None]:
    """Numbers and dates formatted as in en_US, whatever the machine's locale is."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture(autouse=True)
def english_catalogue(qapp) -> None:  # type: ignore[no-untyped-def]
    """The shipped English catalogue, so plurals read "1 job running", never "1 job(s)"."""
    install_translators(qapp, "en")


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo"
    create_demo_workspace(path).close()
    return path


@pytest.fixture
def window(qtbot, demo_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(open_workspace(demo_path))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
