"""The "core" bundle leaves torch and transformers out: the app must say what is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from hitl_desktop.prelabel import ModelError, ModelRecord, load_prelabeller
from hitl_desktop.self_test import prelabel_note


@pytest.fixture
def without_torch(monkeypatch: pytest.MonkeyPatch) -> None:
    # a None entry makes `import torch` raise ModuleNotFoundError, as in the core bundle
    for name in ("torch", "transformers"):
        monkeypatch.setitem(sys.modules, name, None)


def _record(tmp_path: Path, kind: str, task: str) -> ModelRecord:
    return ModelRecord(id="m" * 12, name="tiny-bert", kind=kind, task=task, path=str(tmp_path),
                       weights_sha256="0" * 64, metrics={}, labels=[], base_model=None)  # fmt: skip


@pytest.mark.usefixtures("without_torch")
def test_a_transformers_model_says_it_needs_the_full_bundle(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ModelError) as caught:
        load_prelabeller(workspace, _record(tmp_path, "transformers", "text-classification"))
    message = str(caught.value)
    assert "tiny-bert needs transformers" in message
    assert "model pre-labels need the full bundle" in message


@pytest.mark.usefixtures("without_torch")
def test_the_self_test_reports_the_core_bundle() -> None:
    assert prelabel_note().startswith(
        "model pre-labels need the full bundle (torch and transformers"
    )


def test_the_self_test_reports_a_full_install() -> None:
    assert prelabel_note() == "model pre-labels available (torch and transformers present)"
