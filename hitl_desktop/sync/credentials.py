"""Where the sync credentials live: the server URL in the workspace meta (not secret), the
token only in the OS keyring (service ``hitl-desktop``, user ``sync-token/<server URL>``)."""

from __future__ import annotations

import keyring.errors

from ..workspace import Workspace, identity
from ..workspace.errors import KeyringUnavailable
from . import state
from .errors import SyncError


def token_user(url: str) -> str:
    return f"sync-token/{url}"


def load_token(url: str) -> str | None:
    try:
        return identity.check_keyring().get_password(identity.SERVICE, token_user(url))
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"the keyring refused to give the sync token: {exc}") from None


def save_token(url: str, token: str) -> None:
    try:
        identity.check_keyring().set_password(identity.SERVICE, token_user(url), token)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(f"the keyring refused to store the sync token: {exc}") from None


def server_url(ws: Workspace) -> str | None:
    row = ws.reader().execute("SELECT value FROM meta WHERE key = ?", (state.SERVER_URL_KEY,))
    found = row.fetchone()
    return found[0] if found else None


def require_url(ws: Workspace) -> str:
    url = server_url(ws)
    if not url:
        raise SyncError(f"{ws.path} is not connected to a server; run `hitl login URL` first")
    return url
