"""Shared fixtures: an in-memory keyring, fresh workspaces, and the Qt import block.

With HITL_BLOCK_QT=1 (the Qt-free CI run) any import of PySide6, shiboken6 or pyqtgraph
raises ImportError, proving that nothing outside hitl_desktop/gui needs Qt.
"""

from __future__ import annotations

import importlib.abc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

_QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph")


class _BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):  # type: ignore[no-untyped-def]
        if fullname.split(".")[0] in _QT_MODULES:
            raise ImportError(f"{fullname} is blocked: this run proves the core works without Qt")
        return None


if os.environ.get("HITL_BLOCK_QT") == "1":
    sys.meta_path.insert(0, _BlockQt())
    for name in list(sys.modules):
        if name.split(".")[0] in _QT_MODULES:
            del sys.modules[name]
    os.environ.setdefault("PYTEST_QT_API", "pyside6")
    collect_ignore = ["gui"]


class MemoryKeyring(KeyringBackend):
    """Keyring backend holding secrets in a dict, installed through keyring's own API."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator:  # type: ignore[type-arg]
    from hitl_desktop.workspace import Workspace

    ws = Workspace.create(tmp_path / "ws", name="Test workspace")
    yield ws
    ws.close()


@pytest.fixture
def subprocess_env(tmp_path: Path) -> dict[str, str]:
    """Environment for child processes: a file keyring chosen explicitly, in a temp home."""
    env = dict(os.environ)
    env["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg-config")
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    env.pop("HITL_WORKSPACE", None)
    return env
