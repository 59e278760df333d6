"""The server's own Ed25519 key, which signs checkpoints ``"<seq>|<head>"`` in ``hello``.

The private seed lives in the OS keyring (service ``hitl-desktop-server``, user = this
server's id) when one is usable; otherwise in ``checkpoint.key`` in the data dir, readable
by the owner only (mode 0600). A head of ``None`` is signed as the empty string.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

import keyring
import keyring.errors
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

__all__ = ["CheckpointKey", "checkpoint_message"]

SERVICE = "hitl-desktop-server"
KEY_FILE = "checkpoint.key"


def checkpoint_message(seq: int, head: str | None) -> bytes:
    return f"{seq}|{head or ''}".encode("ascii")


class CheckpointKey:
    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        self.public_key = private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @classmethod
    def load_or_create(cls, data_dir: Path, server_id: str) -> CheckpointKey:
        path = data_dir / KEY_FILE
        if path.is_file():
            return cls(Ed25519PrivateKey.from_private_bytes(bytes.fromhex(path.read_text())))
        try:
            stored = keyring.get_password(SERVICE, server_id)
            if stored is None:
                seed = Ed25519PrivateKey.generate().private_bytes_raw()
                keyring.set_password(SERVICE, server_id, seed.hex())
                stored = keyring.get_password(SERVICE, server_id)
            if stored is not None:
                return cls(Ed25519PrivateKey.from_private_bytes(bytes.fromhex(stored)))
        except (keyring.errors.KeyringError, RuntimeError, ValueError):
            pass  # no usable keyring (a headless server): fall back to the file
        seed = Ed25519PrivateKey.generate().private_bytes_raw()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(seed.hex())
        return cls(Ed25519PrivateKey.from_private_bytes(seed))

    def sign(self, seq: int, head: str | None) -> dict[str, object]:
        sig = self._private.sign(checkpoint_message(seq, head))
        return {"seq": seq, "head": head, "sig": base64.b64encode(sig).decode("ascii"),
                "key": base64.b64encode(self.public_key).decode("ascii")}  # fmt: skip
