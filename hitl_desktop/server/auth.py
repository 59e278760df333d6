"""Users, passwords (scrypt), expiring bearer tokens stored hashed, and device keys."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..lineage.signing import device_id_for
from ..workspace.workspace import ROLES
from . import db

__all__ = [
    "AuthError", "User", "add_user", "check_password", "hash_password", "issue_token",
    "register_device", "revoke_device", "user_for_token",
]  # fmt: skip

_N, _R, _P = 2**15, 8, 1
_MAXMEM = 64 * 1024 * 1024  # n=2**15, r=8 needs 32 MiB and a little more


class AuthError(Exception):
    """Refused: ``status`` is the HTTP status (401 unknown or expired, 403 not allowed)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class User:
    name: str
    role: str


def hash_password(password: str, salt: bytes | None = None) -> tuple[bytes, bytes]:
    """(hash, salt): scrypt n=2**15, r=8, p=1 with a 16-byte random salt."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, maxmem=_MAXMEM, dklen=32
    )
    return digest, salt


def add_user(conn: Connection, name: str, role: str, password: str) -> User:
    """Create a user; refuses an unknown role, an empty password or a taken name."""
    name = name.strip()
    if not name:
        raise ValueError("a user needs a name")
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if len(password) < 8:
        raise ValueError("the password needs at least 8 characters")
    if conn.execute(sa.select(db.users.c.name).where(db.users.c.name == name)).first():
        raise ValueError(f"user {name!r} already exists")
    digest, salt = hash_password(password)
    conn.execute(
        db.users.insert().values(
            name=name, role=role, pw_hash=digest, pw_salt=salt, created=int(time.time())
        )
    )
    return User(name, role)


def check_password(conn: Connection, name: str, password: str) -> User:
    row = conn.execute(
        sa.select(db.users.c.role, db.users.c.pw_hash, db.users.c.pw_salt).where(
            db.users.c.name == name
        )
    ).first()
    # hash even for an unknown user, so timing does not tell which names exist
    salt = row.pw_salt if row else b"\0" * 16
    digest, _ = hash_password(password, salt)
    if row is None or not hmac.compare_digest(digest, row.pw_hash):
        raise AuthError(401, "wrong user name or password")
    return User(name, row.role)


def _token_key(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(conn: Connection, user: User, ttl_s: int) -> tuple[str, int]:
    """A new random token (32 bytes, URL-safe base64) and its expiry (epoch seconds)."""
    token = base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode("ascii")
    now = int(time.time())
    expires = now + ttl_s
    conn.execute(db.tokens.delete().where(db.tokens.c.expires < now))  # tidy expired ones
    conn.execute(db.tokens.insert().values(token_sha256=_token_key(token), user=user.name,
                                           expires=expires))  # fmt: skip
    return token, expires


def user_for_token(conn: Connection, token: str | None) -> User:
    if not token:
        raise AuthError(401, "sign in first: this needs 'Authorization: Bearer <token>'")
    row = conn.execute(
        sa.select(db.tokens.c.expires, db.users.c.name, db.users.c.role)
        .join(db.users, db.users.c.name == db.tokens.c.user)
        .where(db.tokens.c.token_sha256 == _token_key(token))
    ).first()
    if row is None:
        raise AuthError(401, "the token is not valid; sign in again")
    if row.expires < time.time():
        raise AuthError(401, "the token has expired; sign in again")
    return User(row.name, row.role)


def register_device(conn: Connection, user: User, public_key: bytes) -> str:
    """Bind a device key to ``user``; the same user registering again is fine."""
    device_id = device_id_for(public_key)
    row = conn.execute(
        sa.select(db.devices.c.user, db.devices.c.revoked_at).where(
            db.devices.c.device_id == device_id
        )
    ).first()
    if row is None:
        conn.execute(db.devices.insert().values(device_id=device_id, user=user.name,
                                                public_key=public_key,
                                                created=int(time.time())))  # fmt: skip
        return device_id
    if row.revoked_at is not None:
        raise AuthError(403, f"device {device_id} was revoked; enrol a new device")
    if row.user != user.name:
        raise AuthError(403, f"device {device_id} belongs to another user")
    return device_id


def revoke_device(conn: Connection, device_id: str) -> bool:
    """Revoke a device key: its new events are refused. False when the device is unknown."""
    result = conn.execute(
        db.devices.update()
        .where(db.devices.c.device_id == device_id, db.devices.c.revoked_at.is_(None))
        .values(revoked_at=int(time.time()))
    )
    if result.rowcount:
        return True
    return (
        conn.execute(
            sa.select(db.devices.c.device_id).where(db.devices.c.device_id == device_id)
        ).first()
        is not None
    )
