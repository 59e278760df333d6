"""Sentence embeddings (mean pooling over a transformer) and zero-shot labelling with them.

Zero-shot: each text and each label's description are embedded; cosine similarity, divided
by a temperature and put through a softmax, gives the label scores. Texts are embedded in
batches sorted by length (little padding) under ``torch.inference_mode``; embeddings are
cached by text so a head trained on the same texts, or a second run, costs nothing more.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..lineage import Agent
from .base import Prediction, choose_device, make_agent, offline, softmax
from .errors import LabelSetError, ModelError
from .labels import LabelSet
from .registry import ModelRecord, verify_files


def _pooling_mode(path: Path) -> str:
    """``cls`` or ``mean``, as the sentence-transformers pooling module says (mean if absent)."""
    for cfg in sorted(path.glob("*_Pooling/config.json")):
        try:
            data = json.loads(cfg.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if data.get("pooling_mode_cls_token") and not data.get("pooling_mode_mean_tokens"):
            return "cls"
    return "mean"


class SentenceEmbedder:
    """L2-normalised sentence embeddings from a local transformer folder."""

    def __init__(
        self, path: Path, *, device: str = "cpu", batch_size: int = 64, max_length: int = 256,
        cache_size: int = 50_000, record: ModelRecord | None = None,
    ) -> None:  # fmt: skip
        offline()
        from transformers import AutoModel, AutoTokenizer

        choice = choose_device(device)
        self.device, self.notice = choice.device, choice.notice
        self.path = Path(path)
        self.record = record
        self.batch_size = batch_size
        self.max_length = max_length
        self.pooling = _pooling_mode(self.path)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(self.path, local_files_only=True)
            model = AutoModel.from_pretrained(self.path, local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load the embedding model at {self.path}: {exc}") from None
        self.model = model.to(self.device).eval()
        # never more tokens than the model has positions for (long texts are truncated)
        limits = (max_length, self.tokenizer.model_max_length,
                  getattr(model.config, "max_position_embeddings", max_length))  # fmt: skip
        self.max_length = int(min(limits))
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    @classmethod
    def from_record(cls, record: ModelRecord, **kwargs: Any) -> SentenceEmbedder:
        if record.kind != "sentence-embedding":
            raise ModelError(f"{record.id} is a {record.kind} model, not a sentence-embedding one")
        return cls(verify_files(record), record=record, **kwargs)

    @property
    def dimension(self) -> int:
        return int(self.model.config.hidden_size)

    def parameters(self) -> dict[str, Any]:
        return {
            "pooling": self.pooling,
            "max_length": self.max_length,
            "batch_size": self.batch_size,
        }

    def _encode(self, texts: list[str]) -> np.ndarray:
        import torch

        enc = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_length,
                             return_tensors="pt").to(self.device)  # fmt: skip
        hidden = self.model(**enc).last_hidden_state
        if self.pooling == "cls":
            pooled = hidden[:, 0]
        else:
            mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        pooled = torch.nn.functional.normalize(pooled.float(), dim=-1)
        out: np.ndarray = pooled.cpu().numpy()
        return out

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """An (n, dimension) float32 array of unit vectors, one row per text."""
        import torch

        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        todo = [i for i, t in enumerate(texts) if t not in self._cache]
        unique = sorted({texts[i] for i in todo}, key=lambda t: (len(t), t))
        with torch.inference_mode():
            for start in range(0, len(unique), self.batch_size):
                chunk = unique[start : start + self.batch_size]
                for text, vec in zip(chunk, self._encode(chunk), strict=True):
                    self._cache[text] = vec
                    if len(self._cache) > self._cache_size:
                        self._cache.popitem(last=False)
        for i, t in enumerate(texts):
            vec = self._cache.get(t)
            out[i] = vec if vec is not None else self._encode([t])[0]
        return out


class EmbeddingZeroShot:
    """Zero-shot text classification: cosine similarity with label descriptions."""

    modality = "text"

    def __init__(
        self, embedder: SentenceEmbedder, label_set: LabelSet | None = None,
        *, temperature: float = 0.05,
    ) -> None:  # fmt: skip
        record = embedder.record
        if record is None:
            raise ModelError("register the embedding model first (it needs an id to be credited)")
        label_set = label_set or record.label_set
        if label_set is None:
            raise LabelSetError(
                f"zero-shot with {record.id} needs a label set with descriptions (--labels FILE)"
            )
        if temperature <= 0:
            raise ValueError("temperature must be positive")
        self.record, self.embedder, self.label_set = record, embedder, label_set
        self.device, self.notice = embedder.device, embedder.notice
        self.temperature = temperature
        self._label_vectors = embedder.embed([lb.prompt for lb in label_set.labels])

    def agent(self) -> Agent:
        return make_agent(
            self.record, self.device, method="embedding-zero-shot", temperature=self.temperature,
            label_set=self.label_set.ref, **self.embedder.parameters(),
        )  # fmt: skip

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """(n, labels) probabilities: softmax(cosine / temperature)."""
        sims = self.embedder.embed(texts) @ self._label_vectors.T
        return softmax(sims / self.temperature, axis=1)

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        names = self.label_set.names
        return [Prediction.from_scores(names, row) for row in self.scores(texts)]
