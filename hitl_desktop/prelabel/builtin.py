"""Models that ship with the app's dependencies and register themselves on first use.

``hitl prelabel --model faces`` works in a fresh workspace: when no registered model goes by
that name, the built-in of that name is registered (a ``model.registered`` event naming its
files by SHA-256) and then run, so its pre-labels have the same provenance as any model's.
"""

from __future__ import annotations

from collections.abc import Callable

from ..workspace import Workspace
from .errors import ModelNotFound
from .model_files import ModelSpec
from .registry import ModelRecord, find_model, register_spec


def _faces() -> ModelSpec:
    from .faces import face_spec

    return face_spec()


# name -> (what it is, how to describe it as a model)
BUILTIN: dict[str, tuple[str, Callable[[], ModelSpec]]] = {
    "faces": ("face boxes for redaction (OpenCV Haar cascades, frontal + profile)", _faces),
}


def builtin_help() -> str:
    return "; ".join(f"{name}: {what}" for name, (what, _) in BUILTIN.items())


def resolve_model(ws: Workspace, ref: str) -> tuple[ModelRecord, bool]:
    """A registered model by id, prefix or name; else a built-in of that name, registered now.

    Returns (record, newly registered).
    """
    try:
        return find_model(ws, ref), False
    except ModelNotFound:
        if ref not in BUILTIN:
            raise
    return register_spec(ws, BUILTIN[ref][1]()), True
