"""Inspecting a local model before it is registered: what it is, what it does, its hashes.

Supported: a Hugging Face folder (config.json + safetensors/bin weights + tokenizer), a
sentence-embedding folder (the same plus modules.json or sentence_bert_config.json), an ONNX
file with a JSON declaration beside it (``model.onnx`` + ``model.json``), a scikit-learn
model saved with skops (see ``sklearn_model``), and, only when the user trusts that exact file
by its SHA-256, a pickle/joblib file. An http(s) URL is a REST model backend (see ``rest``).
Nothing is loaded into a framework here except the ONNX graph (to check the declaration) and
skops files (safe to load); weights are checked structurally (a truncated safetensors file or a
non-zip .bin is refused).
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..workspace.projections.prelabel import model_id
from .errors import (
    CorruptWeights,
    MissingConfig,
    ModelError,
    ModelNotFound,
    UntrustedPickle,
    WrongTask,
)
from .labels import LabelSet

PICKLE_SUFFIXES = (".pkl", ".pickle", ".joblib")
WEIGHT_SUFFIXES = (".safetensors", ".bin", ".onnx")
TOKENIZER_FILES = ("tokenizer.json", "vocab.txt", "vocab.json", "spiece.model",
                   "sentencepiece.bpe.model", "tokenizer.model")  # fmt: skip
NOT_WEIGHTS = ("training_args.bin",)  # a pickle the trainer writes; never loaded by the app
TEXT_TASKS = ("text-classification", "token-classification", "zero-shot-classification")
IMAGE_TASKS = ("image-classification", "object-detection")
TASKS = (*TEXT_TASKS, "sentence-embedding", "feature-extraction", *IMAGE_TASKS)
# architecture name suffix -> the tasks such a model does
_ARCH_TASKS = {
    "ForSequenceClassification": ("text-classification", "zero-shot-classification"),
    "ForTokenClassification": ("token-classification",),
    "ForImageClassification": ("image-classification",),
    "ForObjectDetection": ("object-detection",),
    "Model": ("feature-extraction", "sentence-embedding"),
}
_BIO = re.compile(r"^[BIESLU]-")

_hash_cache: dict[tuple[str, int, int], str] = {}


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, cached by (path, mtime, size) so re-checks before runs are cheap."""
    st = path.stat()
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    if key not in _hash_cache:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
        _hash_cache[key] = h.hexdigest()
    return _hash_cache[key]


def weights_digest(weight_files: dict[str, str]) -> str:
    """One hash over the weight files (name -> sha256), taken in name order."""
    joined = "".join(f"{k}={v};" for k, v in sorted(weight_files.items()))
    return hashlib.sha256(joined.encode()).hexdigest()


@dataclass(frozen=True)
class ModelSpec:
    """A checked model, ready to be recorded as ``model.registered``."""

    name: str
    kind: str  # transformers, sentence-embedding, onnx, head, pickle
    task: str
    path: str
    files: dict[str, str]  # every defining file -> sha256
    weight_files: tuple[str, ...]
    labels: list[str] = field(default_factory=list)
    label_set: LabelSet | None = None
    parameters: dict[str, Any] = field(default_factory=dict)

    @property
    def weights_sha256(self) -> str:
        return weights_digest({k: self.files[k] for k in self.weight_files})

    @property
    def id(self) -> str:
        return model_id(self.name, self.weights_sha256)


class OnnxDeclaration(BaseModel):
    """What an ONNX file needs to be run: its task, tensor names, labels and tokenizer."""

    model_config = ConfigDict(extra="forbid")

    task: str
    inputs: list[str] = Field(min_length=1)
    outputs: list[str] = Field(min_length=1)
    labels: list[str] = Field(default_factory=list)
    tokenizer: str | None = None  # a folder, relative to the declaration
    # what feeds the graph: the tokenizer's tensors, or one (n, d) array of sentence embeddings
    # from a registered embedding model (``embedder``: its id or name; default the usual one)
    features: Literal["tokens", "sentence-embedding"] = "tokens"
    embedder: str | None = None
    scores: Literal["logits", "probabilities"] = "logits"  # the first output; softmax on logits
    max_length: int | None = Field(default=None, ge=1)


def _check_pickles(files: Iterable[Path], trust: set[str]) -> dict[str, str]:
    trusted = {}
    for f in files:
        sha = file_sha256(f)
        if sha not in trust:
            raise UntrustedPickle(
                f"{f} is a pickle/joblib file: loading it can run any code its author put in it, "
                f"so it is refused. If you trust its origin, pass --trust {sha} (its SHA-256)."
            )
        trusted[f.name] = sha
    return trusted


def check_safetensors(path: Path) -> None:
    """Header sane and every tensor's bytes present (catches truncation and garbage)."""
    size = path.stat().st_size
    with open(path, "rb") as f:
        head = f.read(8)
        if len(head) < 8:
            raise CorruptWeights(f"{path} is not a safetensors file (only {size} bytes)")
        (n,) = struct.unpack("<Q", head)
        if n > min(size - 8, 100 << 20):
            raise CorruptWeights(f"{path} is not a valid safetensors file (header length {n})")
        try:
            header = json.loads(f.read(n))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise CorruptWeights(
                f"{path} is not a valid safetensors file (header is not JSON)"
            ) from None
    if not isinstance(header, dict):
        raise CorruptWeights(f"{path} is not a valid safetensors file (header is not an object)")
    try:
        end = max((int(t["data_offsets"][1]) for k, t in header.items() if k != "__metadata__"),
                  default=0)  # fmt: skip
    except (TypeError, KeyError, IndexError, ValueError):
        raise CorruptWeights(f"{path} is not a valid safetensors file (bad tensor entry)") from None
    if 8 + n + end != size:
        raise CorruptWeights(
            f"{path} is truncated or damaged: its header describes {8 + n + end:,} bytes, "
            f"the file has {size:,}. Copy the model again."
        )


def _check_bin(path: Path) -> None:
    if not zipfile.is_zipfile(path):
        raise CorruptWeights(
            f"{path} is not a PyTorch zip checkpoint (damaged, or an old pickled format the app "
            "does not load); convert it to safetensors"
        )
    try:
        with zipfile.ZipFile(path) as z:
            if not any(n.endswith("data.pkl") for n in z.namelist()):
                raise CorruptWeights(f"{path} is a zip file but not a PyTorch checkpoint")
    except zipfile.BadZipFile as exc:
        raise CorruptWeights(f"{path} is damaged ({exc})") from None


def _read_json(path: Path, what: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MissingConfig(f"{path} ({what}) cannot be read as JSON: {exc}") from None
    if not isinstance(data, dict):
        raise MissingConfig(f"{path} ({what}) is not a JSON object")
    return data


def _defining_files(folder: Path) -> list[Path]:
    """Top-level files plus sentence-transformers module folders (``1_Pooling/…``)."""
    out = []
    for p in sorted(folder.iterdir()):
        if p.name.startswith(".") or p.name.lower().startswith("readme"):
            continue
        if p.is_file():
            out.append(p)
        elif p.is_dir() and re.match(r"^\d+_\w+$", p.name):
            out += sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith("."))
    return out


def _tasks_of(config: dict[str, Any], path: Path) -> tuple[str, tuple[str, ...]]:
    archs = config.get("architectures") or []
    if not archs:
        raise MissingConfig(f"{path}/config.json names no architecture ('architectures' is empty)")
    arch = str(archs[0])
    for suffix, tasks in _ARCH_TASKS.items():
        if arch.endswith(suffix):
            return arch, tasks
    return arch, ()


def _model_labels(config: dict[str, Any]) -> list[str]:
    id2label = config.get("id2label") or {}
    return [str(id2label[k]) for k in sorted(id2label, key=lambda k: int(k))]


def _check_labels(labels: list[str], task: str, label_set: LabelSet | None, path: Path) -> None:
    if label_set is None or task not in ("text-classification", "token-classification"):
        return
    have = {_BIO.sub("", lb) for lb in labels} - {"O"}
    if have != set(label_set.names):
        raise WrongTask(
            f"{path} predicts {', '.join(sorted(have))}, but label set {label_set.ref} has "
            f"{', '.join(label_set.names)}; give the matching label set or none"
        )


def inspect_folder(path: Path, name: str, task: str | None, label_set: LabelSet | None,
                   trust: set[str]) -> ModelSpec:  # fmt: skip
    files = _defining_files(path)
    pickles = _check_pickles([f for f in files if f.suffix in PICKLE_SUFFIXES], trust)
    is_st = (path / "modules.json").is_file() or (path / "sentence_bert_config.json").is_file()
    if not (path / "config.json").is_file():
        onnx = [f for f in files if f.suffix == ".onnx"]
        if len(onnx) == 1 and onnx[0].with_suffix(".json").is_file():
            return inspect_onnx(onnx[0], name, task, label_set)
        raise MissingConfig(
            f"{path} has no config.json, so it is not a Hugging Face model folder (for an ONNX "
            "model give the .onnx file with its .json declaration beside it)"
        )
    config = _read_json(path / "config.json", "model configuration")
    arch, can_do = _tasks_of(config, path)
    kind = "sentence-embedding" if is_st else "transformers"
    if task is None:
        if is_st:
            task = "sentence-embedding"
        elif not can_do:
            raise WrongTask(f"{path} holds a {arch}, which does none of {', '.join(TASKS)}")
        elif "entailment" in {lb.lower() for lb in _model_labels(config)}:
            task = "zero-shot-classification"
        else:
            task = can_do[0]
    if task not in can_do:
        does = ", ".join(can_do) or "no task the app runs"
        raise WrongTask(f"{path} holds a {arch}, which does {does}; not {task}")
    if task == "zero-shot-classification" and "entailment" not in {
        lb.lower() for lb in _model_labels(config)
    }:
        raise WrongTask(
            f"{path} has no 'entailment' label, so it cannot do zero-shot (NLI) classification"
        )
    if task in (*TEXT_TASKS, "sentence-embedding") and not any(
        (path / t).is_file() for t in TOKENIZER_FILES
    ):
        raise MissingConfig(f"{path} has no tokenizer files ({', '.join(TOKENIZER_FILES[:3])}, …)")
    if task in IMAGE_TASKS and not (path / "preprocessor_config.json").is_file():
        raise MissingConfig(
            f"{path} has no preprocessor_config.json: an image model needs its image processor "
            "(save it with the model: processor.save_pretrained(folder))"
        )
    weights = [f for f in files if f.parent == path and f.suffix in (".safetensors", ".bin")
               and f.name not in NOT_WEIGHTS]  # fmt: skip
    if not weights:
        raise CorruptWeights(f"{path} has no weights (model.safetensors or pytorch_model.bin)")
    for w in weights:
        (check_safetensors if w.suffix == ".safetensors" else _check_bin)(w)
    hashed = {str(f.relative_to(path)): file_sha256(f) for f in files
              if f.suffix not in PICKLE_SUFFIXES and f.name not in NOT_WEIGHTS}  # fmt: skip
    labels = (
        _model_labels(config)
        if task in ("text-classification", "token-classification", *IMAGE_TASKS)
        else []
    )
    _check_labels(labels, task, label_set, path)
    if not labels and label_set is not None:
        labels = label_set.names
    return ModelSpec(
        name, kind, task, str(path.resolve()), hashed | pickles, tuple(w.name for w in weights),
        labels, label_set, {"architecture": arch, "model_type": config.get("model_type", "")},
    )  # fmt: skip


def inspect_onnx(path: Path, name: str, task: str | None, label_set: LabelSet | None) -> ModelSpec:
    decl_path = path.with_suffix(".json")
    if not decl_path.is_file():
        raise MissingConfig(
            f"{path} needs a declaration {decl_path.name} (task, inputs, outputs, labels)"
        )
    try:
        decl = OnnxDeclaration.model_validate(_read_json(decl_path, "ONNX declaration"))
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise MissingConfig(f"{decl_path} is not a valid declaration: {problems}") from None
    if task is not None and task != decl.task:
        raise WrongTask(f"{decl_path} declares task {decl.task}, not {task}")
    try:
        import onnxruntime as ort

        session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own untyped errors for bad graphs
        raise CorruptWeights(f"{path} is not a loadable ONNX model ({exc})") from None
    graph_in = {i.name for i in session.get_inputs()}
    graph_out = {o.name for o in session.get_outputs()}
    if set(decl.inputs) != graph_in or not set(decl.outputs) <= graph_out:
        raise WrongTask(
            f"{decl_path} declares inputs {decl.inputs} and outputs {decl.outputs}, but the graph "
            f"has inputs {sorted(graph_in)} and outputs {sorted(graph_out)}"
        )
    labels = decl.labels or (label_set.names if label_set else [])
    _check_labels(labels, decl.task, label_set, path)
    shape = next(o.shape for o in session.get_outputs() if o.name == decl.outputs[0])
    width = shape[-1] if shape and isinstance(shape[-1], int) else len(labels)
    if decl.task == "text-classification" and labels and width != len(labels):
        raise WrongTask(
            f"{path} gives {width} scores per text, but {decl_path.name} declares "
            f"{len(labels)} labels ({', '.join(labels)})"
        )
    files = {path.name: file_sha256(path), decl_path.name: file_sha256(decl_path)}
    files |= _tokenizer_files(decl, path)
    return ModelSpec(name, "onnx", decl.task, str(path.resolve()), files, (path.name,), labels,
                     label_set, {"declaration": decl.model_dump()})  # fmt: skip


def _tokenizer_files(decl: OnnxDeclaration, path: Path) -> dict[str, str]:
    """The declared tokenizer folder's files (hashed: they define the model too)."""
    if decl.features == "sentence-embedding":
        if len(decl.inputs) != 1:
            raise WrongTask(
                f"{path}: sentence-embedding features feed one input, not {decl.inputs}"
            )
        return {}
    if decl.tokenizer is None:
        if decl.task in TEXT_TASKS:
            raise MissingConfig(f"{path.with_suffix('.json')} names no tokenizer folder")
        return {}
    folder = path.parent / decl.tokenizer
    found = _defining_files(folder) if folder.is_dir() else []
    if not any(f.name in TOKENIZER_FILES for f in found):
        raise MissingConfig(f"the tokenizer folder {folder} declared for {path.name} has no "
                            f"tokenizer files ({', '.join(TOKENIZER_FILES[:3])}, …)")  # fmt: skip
    return {str(f.relative_to(path.parent)): file_sha256(f) for f in found}


def inspect_model(
    path: Path | str,
    *,
    name: str | None = None,
    task: str | None = None,
    label_set: LabelSet | None = None,
    trust: Iterable[str] = (),
) -> ModelSpec:
    """Check a local model (or a REST backend's URL) and describe it; raises a ``ModelError``
    naming what is wrong."""
    if isinstance(path, str) and re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", path):
        from .rest import inspect_backend

        return inspect_backend(path, name=name, task=task, label_set=label_set)
    path = Path(path).expanduser()
    if task is not None and task not in TASKS:
        raise WrongTask(f"unknown task {task!r}; choose one of {', '.join(TASKS)}")
    if not path.exists():
        raise ModelNotFound(f"no model at {path}")
    if path.is_file() and path.name == "config.json":
        path = path.parent
    trusted = {t.strip().lower() for t in trust}
    name = name or (path.stem if path.is_file() else path.name)
    if path.is_dir():
        return inspect_folder(path, name, task, label_set, trusted)
    if path.suffix in (*PICKLE_SUFFIXES, ".skops"):
        from .sklearn_model import inspect_sklearn

        if path.suffix != ".skops":
            _check_pickles([path], trusted)
        return inspect_sklearn(path, name, task, label_set, trusted)
    if path.suffix == ".onnx":
        return inspect_onnx(path, name, task, label_set)
    raise ModelError(
        f"{path} is not a model the app knows: give a Hugging Face or sentence-embedding folder, "
        "an .onnx file with its .json declaration, a scikit-learn .skops (or trusted pickle) "
        "file, or a REST backend's http(s):// URL"
    )
