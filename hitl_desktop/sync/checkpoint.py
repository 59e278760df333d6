"""The server's signed checkpoint: its key pinned at sign-in, its signature checked at each sync.

``hello`` answers ``{"seq", "head", "sig", "key"}``: the server's Ed25519 signature over
``"<seq>|<head>"`` (a null head is the empty string). ``hitl login`` pins the key (trust on first
use; it is public, so it lives in the workspace ``meta``, not the keyring). Every sync checks the
signature under the pinned key before sending or taking anything, so a server that lost its key,
or an impostor at the same address, is refused instead of being given the work or trusted for
the log. A refusal is kept in ``sync_incidents`` (``state.record_incident``) for the user to see.
"""

from __future__ import annotations

import base64
import binascii
import sqlite3
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ..workspace import store
from .errors import CheckpointKeyChanged, CheckpointRefused
from .state import BAD_SIGNATURE, KEY_CHANGED

__all__ = ["BAD_SIGNATURE", "KEY_CHANGED", "Checkpoint", "check_pinned", "pin_key", "pinned_key"]

KEY_PREFIX = "sync.checkpoint_key:"  # + the server URL; the value is base64 of the raw key


def message(seq: int, head: str | None) -> bytes:
    """What the server signs (docs/sync-protocol.md, ``GET /v1/hello``)."""
    return f"{seq}|{head or ''}".encode("ascii")


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    head: str | None
    sig: str  # base64
    key: str  # base64 of the raw 32-byte Ed25519 public key

    @classmethod
    def from_hello(cls, url: str, hello: dict[str, Any]) -> Checkpoint:
        """The checkpoint of a ``hello`` answer, checked to be signed by the key it names."""
        obj = hello.get("checkpoint")
        try:
            if not isinstance(obj, dict):
                raise ValueError("no checkpoint")
            head = obj.get("head")
            cp = cls(int(obj["seq"]), None if head is None else str(head), str(obj["sig"]),
                     str(obj["key"]))  # fmt: skip
        except (KeyError, TypeError, ValueError):
            raise CheckpointRefused(
                f"the server at {url} sent no signed checkpoint (or a malformed one); it may "
                "not be a HITL central store. Nothing was sent or received"
            ) from None
        cp.verify(url)
        return cp

    def verify(self, url: str) -> None:
        """Check the signature under the key the checkpoint names."""
        try:
            public = Ed25519PublicKey.from_public_bytes(base64.b64decode(self.key))
            public.verify(base64.b64decode(self.sig), message(self.seq, self.head))
        except (InvalidSignature, ValueError, binascii.Error):
            raise CheckpointRefused(
                f"the checkpoint signature from {url} does not verify (server sequence "
                f"{self.seq}); the answer was altered on its way or it is not the real server. "
                "Nothing was sent or received; tell your administrator"
            ) from None


def pinned_key(conn: sqlite3.Connection, url: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (KEY_PREFIX + url,)).fetchone()
    return str(row[0]) if row else None


def pin_key(conn: sqlite3.Connection, url: str, key: str) -> None:
    """Remember ``key`` as the server's checkpoint key (writer connection, in a transaction)."""
    store.set_meta(conn, KEY_PREFIX + url, key)


def check_pinned(url: str, cp: Checkpoint, pinned: str | None) -> None:
    """Refuse a checkpoint signed by another key than the pinned one (``from_hello`` has
    checked the signature under the key the checkpoint names)."""
    if pinned is not None and pinned != cp.key:
        raise CheckpointKeyChanged(
            "the server's checkpoint key changed since you signed in; if your administrator "
            f"rotated it, sign in again with `hitl login {url}`. Until then nothing is sent "
            f"or received (the server at {url} may not be the real one)"
        )
