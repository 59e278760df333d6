"""Where workspaces live: any folder, by default one under the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "hitl-desktop"
DB_NAME = "workspace.db"
BLOBS_DIR = "blobs"
LOCK_NAME = "workspace.lock"


def default_workspace_dir() -> Path:
    """``$HITL_WORKSPACE`` if set, else ``<user data dir>/hitl-desktop/default``."""
    env = os.environ.get("HITL_WORKSPACE")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "default"


def settings_dir() -> Path:
    """Per-user settings (window layout, recent workspaces); never secrets."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
