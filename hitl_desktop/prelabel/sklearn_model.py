"""scikit-learn text classifiers: skops files (safe), and pickle/joblib files the user trusts.

A ``.skops`` file is loaded with skops' type check: it names every type it will rebuild, and
any outside skops' trusted set (scikit-learn, numpy, builtins…) is refused unless the user
passed ``--trust SHA256`` of that exact file, in which case the listed types are recorded and
allowed for that file only. A ``.pkl``/``.pickle``/``.joblib`` file is never opened unless its
SHA-256 was trusted at registration. At load time the bytes are read once, hashed, compared
with the registration, and only then rebuilt from those same bytes, so a file swapped after
registration is refused rather than run.

What the model takes is declared in an optional JSON file beside it (``clf.skops`` +
``clf.json``): ``{"features": "text"}`` (the default: raw texts, e.g. a Pipeline of a
TfidfVectorizer and a classifier) or ``{"features": "sentence-embedding", "embedder": "NAME"}``
(the rows are sentence embeddings of a registered embedding model; default the usual one).
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError

from ..lineage import Agent
from ..workspace import Workspace
from .base import Prediction
from .errors import (
    CorruptWeights,
    LabelSetError,
    MissingConfig,
    ModelError,
    ModelNotFound,
    UntrustedTypes,
    WrongTask,
)  # fmt: skip
from .labels import LabelSet
from .model_files import ModelSpec, file_sha256
from .registry import ModelRecord, verify_files

FORMATS = {".skops": "skops", ".joblib": "joblib", ".pkl": "pickle", ".pickle": "pickle"}


class SklearnDeclaration(BaseModel):
    """What the model's ``predict`` takes: raw texts, or sentence embeddings."""

    model_config = ConfigDict(extra="forbid")

    features: Literal["text", "sentence-embedding"] = "text"
    embedder: str | None = None  # id or name of a registered sentence-embedding model


def _declaration(path: Path) -> tuple[SklearnDeclaration, Path | None]:
    decl_path = path.with_suffix(".json")
    if not decl_path.is_file():
        return SklearnDeclaration(), None
    try:
        return SklearnDeclaration.model_validate_json(decl_path.read_bytes()), decl_path
    except (OSError, ValidationError) as exc:
        raise MissingConfig(
            f"{decl_path} is not a valid declaration of {path.name}: {exc}"
        ) from None


def _skops_untrusted(data: bytes, path: Path) -> list[str]:
    import skops.io as sio

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise CorruptWeights(f"{path} is not a skops file (not a zip archive; damaged or renamed)")
    try:
        return sorted(sio.get_untrusted_types(data=data))
    except Exception as exc:  # skops raises assorted errors on damaged archives
        raise CorruptWeights(f"{path} is a damaged skops file ({exc})") from None


def _rebuild(data: bytes, fmt: str, trusted_types: list[str], path: Path) -> Any:
    """The estimator from bytes already checked (hash, trust); errors name the file."""
    try:
        if fmt == "skops":
            import skops.io as sio

            return sio.loads(data, trusted=trusted_types)
        import joblib

        return joblib.load(io.BytesIO(data))  # reads plain pickles too
    except Exception as exc:  # unpickling can fail in any way the file's author caused
        raise CorruptWeights(f"cannot load {path} ({type(exc).__name__}: {exc})") from None


def _classes(model: Any, path: Path) -> list[str]:
    if not callable(getattr(model, "predict", None)) or not hasattr(model, "classes_"):
        raise WrongTask(
            f"{path} holds a {type(model).__name__}, not a fitted scikit-learn classifier "
            "(no predict method or classes_)"
        )
    return [str(c) for c in model.classes_]


def _check_label_set(labels: list[str], label_set: LabelSet | None, path: Path) -> None:
    if label_set is not None and not set(labels) <= set(label_set.names):
        extra = sorted(set(labels) - set(label_set.names))
        raise WrongTask(
            f"{path} predicts {', '.join(extra)}, which label set {label_set.ref} lacks; give "
            "the matching label set or none"
        )


def inspect_sklearn(
    path: Path, name: str, task: str | None, label_set: LabelSet | None, trusted: set[str]
) -> ModelSpec:
    """Check a scikit-learn model file (pickles: already checked for trust by the caller)."""
    if task not in (None, "text-classification"):
        raise WrongTask(f"{path} is a scikit-learn classifier; it does text-classification only")
    fmt = FORMATS[path.suffix]
    decl, decl_path = _declaration(path)
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    untrusted: list[str] = []
    labels = label_set.names if label_set else []
    if fmt == "skops":
        untrusted = _skops_untrusted(data, path)
        if untrusted and sha not in trusted:
            raise UntrustedTypes(
                f"{path} asks to rebuild types skops does not trust by default: "
                f"{', '.join(untrusted)}. Loading them can run their code. If you trust this "
                f"file, pass --trust {sha} (its SHA-256)."
            )
        model = _rebuild(data, fmt, untrusted, path)
        labels = _classes(model, path)
        _check_label_set(labels, label_set, path)
        if decl.features == "text":
            try:
                model.predict(["a short text"])
            except Exception as exc:  # whatever the estimator raises on strings
                reason = (str(exc).splitlines() or [type(exc).__name__])[0][:160]
                raise WrongTask(
                    f"{path} does not take raw texts ({reason}); if it takes sentence embeddings, "
                    f'declare {{"features": "sentence-embedding"}} in {path.with_suffix(".json")}'
                ) from None
    files = {path.name: sha}
    if decl_path is not None:
        files[decl_path.name] = file_sha256(decl_path)
    params: dict[str, Any] = {"format": fmt, "features": decl.features, "trusted_types": untrusted}
    if decl.embedder:
        params["embedder"] = decl.embedder
    kind = "skops" if fmt == "skops" else "pickle"
    return ModelSpec(name, kind, "text-classification", str(path.resolve()), files,
                     (path.name,), labels, label_set, params)  # fmt: skip


class SklearnPrelabeller:
    """Pre-labels texts with a registered scikit-learn classifier (on the CPU)."""

    modality = "text"
    device = "cpu"

    def __init__(
        self, ws: Workspace, record: ModelRecord, *, label_set: LabelSet | None = None,
        embedder: object | None = None, device: str = "auto",
    ) -> None:  # fmt: skip
        if record.kind not in ("skops", "pickle"):
            raise ModelError(f"{record.id} is a {record.kind} model, not a scikit-learn one")
        path = verify_files(record)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ModelNotFound(f"cannot read {path} (model {record.id}): {exc}") from None
        # hashed afresh from the very bytes that will be loaded: no cache, no second read
        if hashlib.sha256(data).hexdigest() != record.files.get(path.name):
            raise ModelError(
                f"{path} changed since model {record.id} was registered; it is refused. "
                "Register the file again (with --trust for a pickle) to get a new id."
            )
        params = record.parameters
        self.format = str(params.get("format") or FORMATS.get(path.suffix, "pickle"))
        self.model = _rebuild(data, self.format, list(params.get("trusted_types") or []), path)
        self.labels = _classes(self.model, path)
        self.record, self.notice = record, ""
        if device == "cuda":
            self.notice = "scikit-learn models run on the CPU; CUDA was requested but is not used."
        self.label_set = label_set or record.label_set
        if self.label_set is not None and not set(self.labels) <= set(self.label_set.names):
            extra = sorted(set(self.labels) - set(self.label_set.names))
            raise LabelSetError(f"{record.id} predicts {extra}, not in {self.label_set.ref}")
        self.features = str(params.get("features") or "text")
        self.embedder: Any = None
        if self.features == "sentence-embedding":
            from .onnx_model import registered_embedder

            ref = params.get("embedder")
            self.embedder = registered_embedder(ws, str(ref) if ref else None, embedder, device)

    def agent(self) -> Agent:
        import sklearn

        version = f"scikit-learn {sklearn.__version__}"
        if self.format == "skops":
            import skops

            version += f"; skops {skops.__version__}"
        params: dict[str, Any] = {
            "model_id": self.record.id, "task": self.record.task, "kind": self.record.kind,
            "format": self.format, "features": self.features,
            "method": "predict_proba" if self._has_proba else "predict",
        }  # fmt: skip
        if self.embedder is not None:
            params |= {"base_model": self.embedder.record.id, **self.embedder.parameters()}
        if self.label_set is not None:
            params["label_set"] = self.label_set.ref
        return Agent(self.record.name, version, self.record.weights_sha256, params, self.device)

    @property
    def _has_proba(self) -> bool:
        return callable(getattr(self.model, "predict_proba", None))

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        if not texts:
            return []
        x: Any = list(texts)
        if self.embedder is not None:
            x = self.embedder.embed(list(texts)).astype(np.float64)
        if self._has_proba:
            proba = np.asarray(self.model.predict_proba(x), dtype=np.float64)
            return [Prediction.from_scores(self.labels, row) for row in proba]
        return [Prediction(labels=[(str(y), 1.0)]) for y in self.model.predict(x)]
