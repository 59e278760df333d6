"""ONNX text classifiers run by onnxruntime, as their JSON declaration describes them.

The declaration beside ``model.onnx`` (``model.json``, checked at registration) says how to
feed the graph and read it:

- ``"features": "tokens"`` (the default): texts go through the tokenizer in the declared
  ``tokenizer`` folder (a Hugging Face tokenizer, local files only); each declared input
  (``input_ids``, ``attention_mask``, ``token_type_ids``…) gets the tokenizer tensor of that
  name. ``max_length`` caps the tokens (default: the tokenizer's limit, at most 512).
- ``"features": "sentence-embedding"``: the graph's single input takes an (n, d) float array of
  sentence embeddings from a registered embedding model (``"embedder"``: its id or name;
  default the registered one, else the bundled all-MiniLM-L6-v2).

The first declared output holds one row of scores per text, one column per declared label;
``"scores": "logits"`` (the default) puts them through a softmax, ``"probabilities"`` takes them
as they are. CPU by default; onnxruntime's CUDA execution provider when asked for (or on
``auto``) and installed (``onnxruntime-gpu``), with a notice when it was asked for but is absent.

Example: ``{"task": "text-classification", "inputs": ["input_ids", "attention_mask"],
"outputs": ["logits"], "labels": ["ham", "spam"], "tokenizer": "tokenizer"}``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..lineage import Agent
from ..workspace import Workspace
from .base import DEVICES, Prediction, cpu_count, offline, softmax
from .errors import LabelSetError, ModelError, WrongTask
from .labels import LabelSet
from .model_files import OnnxDeclaration
from .registry import ModelRecord, verify_files

CUDA = "CUDAExecutionProvider"
CPU = "CPUExecutionProvider"
_NUMPY_TYPES = {"tensor(int64)": np.int64, "tensor(int32)": np.int32,
                "tensor(float)": np.float32, "tensor(double)": np.float64}  # fmt: skip


def onnx_providers(requested: str) -> tuple[list[str], str, str]:
    """(execution providers, device, notice): CUDA when asked for or on auto and installed."""
    import onnxruntime as ort

    if requested not in DEVICES:
        raise ValueError(f"unknown device {requested!r}; choose one of {', '.join(DEVICES)}")
    if requested != "cpu" and CUDA in ort.get_available_providers():
        return [CUDA, CPU], "cuda", ""
    if requested == "cuda":
        return [CPU], "cpu", (
            "CUDA was requested but onnxruntime has no CUDA execution provider (install "
            "onnxruntime-gpu); running on the CPU."
        )  # fmt: skip
    return [CPU], "cpu", ""


class OnnxTextClassifier:
    """Pre-labels texts with a registered ONNX text-classification graph."""

    modality = "text"

    def __init__(
        self, ws: Workspace, record: ModelRecord, *, label_set: LabelSet | None = None,
        embedder: object | None = None, device: str = "auto", batch_size: int = 32,
    ) -> None:  # fmt: skip
        import onnxruntime as ort

        if record.kind != "onnx" or record.task != "text-classification":
            raise ModelError(f"{record.id} is a {record.kind} {record.task} model, not an ONNX "
                             "text classifier")  # fmt: skip
        path = verify_files(record)
        self.record, self.batch_size = record, batch_size
        self.decl = OnnxDeclaration.model_validate(record.parameters.get("declaration") or {})
        providers, self.device, self.notice = onnx_providers(device)
        options = ort.SessionOptions()
        options.intra_op_num_threads = cpu_count()
        options.log_severity_level = 3  # errors only; onnxruntime is chatty about providers
        try:
            self.session = ort.InferenceSession(str(path), options, providers=providers)
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise ModelError(f"onnxruntime cannot load {path} ({exc})") from None
        if self.device == "cuda" and self.session.get_providers()[0] != CUDA:
            self.device = "cpu"
            self.notice = "onnxruntime could not start its CUDA provider; running on the CPU."
        self.label_set = label_set or record.label_set
        self.labels = self.decl.labels or (self.label_set.names if self.label_set else [])
        if not self.labels:
            raise LabelSetError(f"{record.id} declares no labels; give a label set (--labels FILE)")
        if self.label_set is not None and not set(self.labels) <= set(self.label_set.names):
            raise LabelSetError(f"{record.id} predicts {self.labels}, not {self.label_set.ref}")
        self._types = {i.name: _NUMPY_TYPES.get(i.type) for i in self.session.get_inputs()}
        self.tokenizer: Any = None
        self.embedder: Any = None
        if self.decl.features == "sentence-embedding":
            self.embedder = registered_embedder(ws, self.decl.embedder, embedder, device)
            self._check_width()
        else:
            self._load_tokenizer(path.parent)

    def _load_tokenizer(self, base: Any) -> None:
        offline()
        from transformers import AutoTokenizer

        folder = base / (self.decl.tokenizer or ".")
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ModelError(
                f"cannot load the tokenizer of {self.record.id} from {folder}: {exc}"
            ) from None
        limit = int(min(self.tokenizer.model_max_length, 512))
        self.max_length = self.decl.max_length or limit
        given = set(self.tokenizer(["a"], return_tensors="np").keys())
        missing = [name for name in self.decl.inputs if name not in given]
        if missing:
            raise WrongTask(
                f"the graph of {self.record.id} takes {', '.join(missing)}, which its tokenizer "
                f"does not produce (it gives {', '.join(sorted(given))})"
            )

    def _check_width(self) -> None:
        shape = self.session.get_inputs()[0].shape
        width = shape[-1] if shape else None
        if isinstance(width, int) and width != self.embedder.dimension:
            raise WrongTask(
                f"the graph of {self.record.id} takes {width}-wide features, but the embedding "
                f"model {self.embedder.record.id} gives {self.embedder.dimension}"
            )

    def agent(self) -> Agent:
        import onnxruntime as ort

        version = f"onnxruntime {ort.__version__}"
        params: dict[str, Any] = {
            "model_id": self.record.id, "task": self.record.task, "kind": self.record.kind,
            "features": self.decl.features, "scores": self.decl.scores,
            "provider": self.session.get_providers()[0], "batch_size": self.batch_size,
        }  # fmt: skip
        if self.tokenizer is not None:
            import transformers

            version += f"; transformers {transformers.__version__}"
            params["max_length"] = self.max_length
        if self.embedder is not None:
            params |= {"base_model": self.embedder.record.id, **self.embedder.parameters()}
        if self.label_set is not None:
            params["label_set"] = self.label_set.ref
        return Agent(self.record.name, version, self.record.weights_sha256, params, self.device)

    def _feed(self, texts: list[str]) -> dict[str, np.ndarray]:
        if self.embedder is not None:
            name = self.decl.inputs[0]
            return {name: self.embedder.embed(texts).astype(self._types[name] or np.float32)}
        enc = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_length,
                             return_tensors="np")  # fmt: skip
        return {n: np.asarray(enc[n]).astype(self._types[n] or np.int64) for n in self.decl.inputs}

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """(n, labels) probabilities, in the declared label order.

        Texts go in batches of similar length (little padding), results back in input order."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        rows = []
        for start in range(0, len(texts), self.batch_size):
            chunk = [texts[i] for i in order[start : start + self.batch_size]]
            try:
                (out,) = self.session.run([self.decl.outputs[0]], self._feed(chunk))
            except Exception as exc:  # onnxruntime's errors (bad shapes, too many tokens…)
                raise ModelError(f"{self.record.id} failed on this input ({exc})") from None
            out = np.asarray(out, dtype=np.float64).reshape(len(chunk), -1)
            if out.shape[1] != len(self.labels):
                raise ModelError(
                    f"{self.record.id} gives {out.shape[1]} scores per text but declares "
                    f"{len(self.labels)} labels ({', '.join(self.labels)})"
                )
            rows.append(softmax(out, axis=1) if self.decl.scores == "logits" else out)
        result = np.zeros((len(texts), len(self.labels)))
        if rows:
            result[order] = np.concatenate(rows)
        return result

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        return [Prediction.from_scores(self.labels, row) for row in self.scores(texts)]


def registered_embedder(ws: Workspace, ref: str | None, given: object, device: str) -> Any:
    """The sentence embedder of a registered model (``ref``, or the default one); ``given`` is
    reused when it is that model already loaded."""
    from .embed import SentenceEmbedder
    from .registry import default_embedder

    record, _ = default_embedder(ws, ref)
    if isinstance(given, SentenceEmbedder) and given.record and given.record.id == record.id:
        return given
    return SentenceEmbedder.from_record(record, device=device)
