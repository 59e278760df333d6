"""Privacy markers chosen per source at import (``provenance.privacy``) that sync enforces.

``local-only``: the source's blobs never leave the device that imported it (its events sync
with the hashes only). ``restricted:<role>[+<role>...]``: the server serves its blobs only to
those roles (admins always). Derived items (pages, rows) inherit their parent's markers. Other
markers ("personal-data", "faces"…) are descriptive and sync ignores them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .workspace.errors import WorkspaceError
from .workspace.workspace import ROLES

__all__ = ["LOCAL_ONLY", "RESTRICTED", "Policy", "PrivacyError", "enforced", "policy", "validate"]

LOCAL_ONLY = "local-only"
RESTRICTED = "restricted:"


class PrivacyError(WorkspaceError, ValueError):
    """A privacy marker that sync would enforce is malformed; the message says how to fix it."""


def validate(markers: Iterable[str]) -> None:
    """Raise PrivacyError for a ``restricted:`` marker naming no role or an unknown role."""
    for m in markers:
        if not m.startswith(RESTRICTED):
            continue
        roles = m[len(RESTRICTED) :].split("+")
        unknown = [r for r in roles if r not in ROLES]
        if unknown:
            what = f"unknown role {unknown[0]!r}" if unknown[0] else "a role name is missing"
            raise PrivacyError(
                f"privacy marker {m!r}: {what}; write restricted:<role>[+<role>...] with roles "
                f"from {', '.join(ROLES)} (admins may always read), or local-only"
            )


def enforced(markers: Iterable[str]) -> list[str]:
    """The markers sync enforces, in order, without duplicates."""
    return list(dict.fromkeys(m for m in markers if m == LOCAL_ONLY or m.startswith(RESTRICTED)))


@dataclass(frozen=True)
class Policy:
    local_only: bool = False
    roles: frozenset[str] | None = None  # None: not restricted

    def may_read(self, role: str) -> bool:
        if self.local_only:
            return False
        return self.roles is None or role == "admin" or role in self.roles

    def refusal(self) -> str:
        if self.local_only:
            return "this source is local-only: its files stay on the device that imported it"
        allowed = ", ".join(sorted(self.roles or ()))
        return f"this source is restricted to {allowed} (and admins)"


def policy(markers: Iterable[str]) -> Policy:
    """The strictest reading of ``markers``: local-only wins; restricted roles intersect."""
    local = False
    roles: frozenset[str] | None = None
    for m in markers:
        if m == LOCAL_ONLY:
            local = True
        elif m.startswith(RESTRICTED):
            named = frozenset(r for r in m[len(RESTRICTED) :].split("+") if r)
            roles = named if roles is None else roles & named
    return Policy(local, roles)
