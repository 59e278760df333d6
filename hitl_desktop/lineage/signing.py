"""Ed25519 device keys: identity, genesis of a device chain, signatures over event hashes."""

from __future__ import annotations

import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .envelope_constants import DOMAIN

__all__ = [
    "DeviceKey",
    "device_id_for",
    "genesis_hash",
    "public_key_from_b64",
    "sign_hash",
    "verify_signature",
]

_SIG_DOMAIN = DOMAIN + b"sig\0"


def device_id_for(public_key: bytes) -> str:
    """A device id is derived from its public key, so the id cannot be claimed by another key."""
    return "d" + hashlib.sha256(DOMAIN + b"device\0" + public_key).hexdigest()[:32]


def genesis_hash(device_id: str, public_key: bytes) -> str:
    """The ``prev_hash`` of a device's first event: binds the chain to the device's key."""
    return hashlib.sha256(
        DOMAIN + b"genesis\0" + device_id.encode("ascii") + b"\0" + public_key
    ).hexdigest()


def sign_hash(private_key: Ed25519PrivateKey, event_hash: str) -> bytes:
    return private_key.sign(_SIG_DOMAIN + bytes.fromhex(event_hash))


def verify_signature(public_key: bytes, event_hash: str, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            signature, _SIG_DOMAIN + bytes.fromhex(event_hash)
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def public_key_from_b64(text: str) -> bytes:
    raw = base64.b64decode(text, validate=True)
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    return raw


class DeviceKey:
    """A device's key pair. The private half lives only in memory and in the OS keyring."""

    __slots__ = ("_private", "device_id", "public_key")

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._private = private_key
        self.public_key: bytes = private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self.device_id: str = device_id_for(self.public_key)

    @classmethod
    def generate(cls) -> DeviceKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_seed(cls, seed: bytes) -> DeviceKey:
        return cls(Ed25519PrivateKey.from_private_bytes(seed))

    def seed(self) -> bytes:
        """The 32-byte private seed, for the keyring only."""
        return self._private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )

    @property
    def public_key_b64(self) -> str:
        return base64.b64encode(self.public_key).decode("ascii")

    def sign(self, event_hash: str) -> bytes:
        return sign_hash(self._private, event_hash)

    def __repr__(self) -> str:  # never print key material
        return f"DeviceKey(device_id={self.device_id!r})"
