"""Classifier heads trained in the app, and uncertainty ordering for active learning.

A head is a scikit-learn logistic regression on sentence embeddings, trained from human
labels. It is kept as JSON coefficients in the blob store (never pickle: loading JSON runs no
code) and registered as a model version whose ``model.registered`` event carries the
held-out metrics. Its id names the coefficients' hash, so every pre-label it makes is
traceable to exactly this training.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from ..lineage import Agent, Ref
from ..workspace import Workspace
from .base import Prediction, make_agent, softmax
from .embed import SentenceEmbedder
from .errors import ModelError, PrelabelError
from .labels import LabelSet
from .metrics import classification_metrics
from .model_files import ModelSpec
from .registry import ModelRecord, find_model, register_spec

HEAD_FORMAT = "hitl-linear-head/1"
HEAD_FILE = "head.json"


@dataclass(frozen=True)
class LinearHead:
    """Logistic-regression coefficients: probabilities as scikit-learn computes them."""

    labels: list[str]
    coef: np.ndarray  # (1, d) for two labels, else (k, d)
    intercept: np.ndarray
    base_model: str

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        logits = x @ self.coef.T + self.intercept
        if len(self.labels) == 2:
            p1 = 1.0 / (1.0 + np.exp(-logits[:, 0]))
            return np.stack([1.0 - p1, p1], axis=1)
        return softmax(logits, axis=1)

    def to_json_bytes(self) -> bytes:
        data = {
            "format": HEAD_FORMAT, "labels": self.labels, "base_model": self.base_model,
            "coef": [[float(v) for v in row] for row in self.coef],
            "intercept": [float(v) for v in self.intercept],
        }  # fmt: skip
        return json.dumps(data, sort_keys=True, separators=(",", ":")).encode()

    @classmethod
    def from_json_bytes(cls, data: bytes) -> LinearHead:
        try:
            d = json.loads(data)
            if d.get("format") != HEAD_FORMAT:
                raise ValueError(f"format {d.get('format')!r}")
            return cls(list(d["labels"]), np.asarray(d["coef"], dtype=np.float64),
                       np.asarray(d["intercept"], dtype=np.float64), str(d["base_model"]))  # fmt: skip
        except (ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"the head's coefficients are unreadable ({exc})") from None


@dataclass(frozen=True)
class TrainedHead:
    head: LinearHead
    metrics: dict[str, Any]
    record: ModelRecord | None  # None when not registered


def _dedupe(texts: Sequence[str], labels: Sequence[str]) -> tuple[list[str], list[str]]:
    """Exact duplicate texts kept once (first label), so none straddles the held-out split."""
    seen: dict[str, str] = {}
    for t, lb in zip(texts, labels, strict=True):
        seen.setdefault(t, lb)
    return list(seen), list(seen.values())


def train_head(
    ws: Workspace | None,
    embedder: SentenceEmbedder,
    texts: Sequence[str],
    labels: Sequence[str],
    held_out_fraction: float = 0.2,
    seed: int = 0,
    *,
    name: str = "head",
    label_set: LabelSet | None = None,
    c: float = 1.0,
) -> TrainedHead:
    """Train on ``1 - held_out_fraction`` of the labelled texts, measure on the rest.

    The split is deterministic (stratified when every label has two examples, ``seed``
    fixed). The registered head is the one measured, so its metrics describe it exactly.
    With a workspace, the head's JSON goes to the blob store and it is registered.
    """
    from sklearn import __version__ as sklearn_version
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split

    if embedder.record is None:
        raise ModelError("register the embedding model first: a head names the embedder it needs")
    texts, labels = _dedupe(texts, labels)
    classes = sorted(set(labels))
    if len(classes) < 2:
        raise PrelabelError(f"training needs at least two labels; got {classes}")
    if label_set is not None and not set(classes) <= set(label_set.names):
        raise PrelabelError(
            f"labels {sorted(set(classes) - set(label_set.names))} are not in {label_set.ref}"
        )
    counts = {c_: labels.count(c_) for c_ in classes}
    stratify = labels if min(counts.values()) >= 2 else None
    idx = np.arange(len(texts))
    train_idx, test_idx = train_test_split(idx, test_size=held_out_fraction, random_state=seed,
                                           stratify=stratify)  # fmt: skip
    x = embedder.embed(texts).astype(np.float64)
    y = np.asarray(labels)
    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    clf.fit(x[train_idx], y[train_idx])
    head = LinearHead([str(v) for v in clf.classes_], clf.coef_.copy(), clf.intercept_.copy(),
                      embedder.record.id)  # fmt: skip
    pred = [head.labels[i] for i in head.predict_proba(x[test_idx]).argmax(1)]
    metrics = classification_metrics([labels[i] for i in test_idx], pred, head.labels)
    metrics |= {"n_train": len(train_idx), "n_held_out": len(test_idx),
                "held_out_fraction": held_out_fraction, "seed": seed}  # fmt: skip
    if ws is None:
        return TrainedHead(head, metrics, None)
    data = head.to_json_bytes()
    sha = ws.blobs.put_bytes(data)
    spec = ModelSpec(
        name, "head", "text-classification", "", {HEAD_FILE: sha}, (HEAD_FILE,), head.labels,
        label_set, {"algorithm": "logistic-regression", "C": c, "class_weight": "balanced",
                    "sklearn": sklearn_version, "blob_sha256": sha},
    )  # fmt: skip
    record = register_spec(ws, spec, metrics=metrics, base_model=embedder.record.id,
                           inputs=[embedder.record.ref(), Ref("blob", sha, sha)])  # fmt: skip
    return TrainedHead(head, metrics, record)


def load_head(ws: Workspace, record: ModelRecord) -> LinearHead:
    sha = record.files.get(HEAD_FILE)
    if record.kind != "head" or sha is None:
        raise ModelError(f"{record.id} is not a head trained in the app")
    data = ws.blobs.read_bytes(sha)
    if hashlib.sha256(data).hexdigest() != sha:
        raise ModelError(f"the stored coefficients of {record.id} are damaged")
    return LinearHead.from_json_bytes(data)


class HeadPrelabeller:
    """Pre-labels texts with a trained head over its embedder."""

    modality = "text"

    def __init__(self, ws: Workspace, record: ModelRecord, embedder: SentenceEmbedder | None = None,
                 *, device: str = "auto") -> None:  # fmt: skip
        self.record = record
        self.head = load_head(ws, record)
        if (
            embedder is None
            or embedder.record is None
            or embedder.record.id != self.head.base_model
        ):
            embedder = SentenceEmbedder.from_record(
                find_model(ws, self.head.base_model), device=device
            )
        self.embedder = embedder
        self.device, self.notice = embedder.device, embedder.notice
        self.label_set = record.label_set

    def agent(self) -> Agent:
        return make_agent(self.record, self.device, method="linear-head",
                          base_model=self.head.base_model, **self.embedder.parameters())  # fmt: skip

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        return self.head.predict_proba(self.embedder.embed(texts).astype(np.float64))

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        return [Prediction.from_scores(self.head.labels, row) for row in self.scores(texts)]


def uncertainty_order(
    probabilities: np.ndarray, method: Literal["margin", "entropy"] = "margin"
) -> np.ndarray:
    """Row indices, most uncertain first: smallest top-two margin, or highest entropy."""
    p = np.asarray(probabilities, dtype=np.float64)
    if method == "margin":
        top = -np.sort(-p, axis=1)
        key = top[:, 0] - (top[:, 1] if p.shape[1] > 1 else 0.0)
    elif method == "entropy":
        key = (p * np.log(np.clip(p, 1e-12, 1.0))).sum(axis=1)  # negative entropy
    else:
        raise ValueError(f"unknown method {method!r}; choose margin or entropy")
    return np.argsort(key, kind="stable")


def uncertain_items(
    ws: Workspace, model_id: str, *, limit: int = 50,
    method: Literal["margin", "entropy"] = "margin",
) -> list[tuple[str, str | None, float]]:  # fmt: skip
    """Items still to label whose latest pre-label by this model is least certain.

    Returns (item id, suggested label, margin or entropy), for the next labelling round.
    """
    order = "p.margin ASC" if method == "margin" else "p.entropy DESC"
    rows = (
        ws.reader()
        .execute(
            f"""SELECT p.item_id, p.top_label, p.{method} FROM prelabel_latest AS l
            JOIN prelabels AS p ON p.hash = l.hash JOIN items AS i ON i.id = l.item_id
            WHERE l.model_id = ? AND i.status = 'new' AND p.{method} IS NOT NULL
            ORDER BY {order}, p.item_id LIMIT ?""",
            (model_id, limit),
        )
        .fetchall()
    )
    return [(r[0], r[1], float(r[2])) for r in rows]
