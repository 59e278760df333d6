"""Pieces of the self-test that need no Qt: its report lines and its private keyring."""

from __future__ import annotations

import io

import pytest
from keyring.backend import KeyringBackend

from hitl_desktop.self_test import Reporter, StepFailed, _MemoryKeyring


class _Console(io.StringIO):
    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def test_steps_print_a_tick_or_the_failure() -> None:
    out = _Console("utf-8")
    rep = Reporter(out)
    assert rep.step("first", lambda: (42, "detail")) == 42

    def broken() -> tuple[None, str]:
        raise FileNotFoundError("no such page")

    with pytest.raises(StepFailed, match="second"):
        rep.step("second", broken)
    first, second = out.getvalue().splitlines()
    assert first.startswith("✓ first (detail; ")
    assert second == "✗ second: FileNotFoundError: no such page"


def test_a_legacy_windows_console_gets_plain_words() -> None:
    out = _Console("cp1252")
    Reporter(out).step("only", lambda: (None, "fine"))
    assert out.getvalue().startswith("OK only (fine; ")


def test_the_private_keyring_is_never_picked_by_discovery() -> None:
    # a viable backend could become the "OS keyring" of a bundle that has none
    assert _MemoryKeyring not in set(KeyringBackend.get_viable_backends())
