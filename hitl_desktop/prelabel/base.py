"""What every pre-labeller shares: predictions, the agent record, device and thread set-up."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from ..lineage import Agent
from .labels import LabelSet
from .registry import ModelRecord

DEVICES = ("auto", "cpu", "cuda")


def offline() -> None:
    """Never reach the network for models: everything loads from local paths."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")


def cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class DeviceChoice:
    device: str  # "cpu" or "cuda"
    notice: str = ""  # said aloud when the request could not be met


def choose_device(requested: str = "auto") -> DeviceChoice:
    """CUDA when asked for (or on auto) and usable, else the CPU, with a notice why."""
    import torch

    if requested not in DEVICES:
        raise ValueError(f"unknown device {requested!r}; choose one of {', '.join(DEVICES)}")
    torch.set_num_threads(cpu_count())
    if requested == "cpu":
        return DeviceChoice("cpu")
    if torch.cuda.is_available():
        return DeviceChoice("cuda")
    if requested == "cuda":
        return DeviceChoice(
            "cpu", "CUDA was requested but torch sees no usable GPU; running on the CPU."
        )
    return DeviceChoice("cpu")


def framework_version() -> str:
    import torch
    import transformers

    return f"transformers {transformers.__version__}; torch {torch.__version__}"


@dataclass(frozen=True)
class Span:
    """A labelled span of the NFC text: ``text[start:end]``."""

    start: int
    end: int
    label: str
    score: float

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label,
                "score": round(min(max(self.score, 0.0), 1.0), 6)}  # fmt: skip


@dataclass(frozen=True)
class Box:
    """A labelled axis-aligned region in pixels of the upright page image."""

    x0: float
    y0: float
    x1: float
    y1: float
    label: str
    score: float

    def to_json(self) -> dict[str, Any]:
        return {"x0": round(self.x0, 2), "y0": round(self.y0, 2), "x1": round(self.x1, 2),
                "y1": round(self.y1, 2), "label": self.label,
                "score": round(min(max(self.score, 0.0), 1.0), 6)}  # fmt: skip


@dataclass(frozen=True)
class Prediction:
    """One item's suggestion: label scores (best first), spans of its text, boxes on its image."""

    labels: list[tuple[str, float]] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)

    @property
    def top(self) -> str | None:
        return self.labels[0][0] if self.labels else None

    def labels_json(self) -> list[dict[str, Any]]:
        return [{"label": lb, "score": round(min(max(s, 0.0), 1.0), 6)} for lb, s in self.labels]

    @classmethod
    def from_scores(cls, names: Sequence[str], scores: np.ndarray) -> Prediction:
        order = np.argsort(-scores, kind="stable")
        return cls(labels=[(names[i], float(scores[i])) for i in order])


class Prelabeller(Protocol):
    """A model that suggests labels for items, in batches.

    ``modality`` says what ``predict`` takes: ``"text"`` (NFC strings) or ``"image"``
    (upright RGB uint8 arrays, H x W x 3).
    """

    @property
    def modality(self) -> str: ...

    @property
    def record(self) -> ModelRecord: ...

    @property
    def device(self) -> str: ...

    @property
    def label_set(self) -> LabelSet | None: ...

    @property
    def notice(self) -> str: ...

    def agent(self) -> Agent:
        """The envelope's agent: model name, framework versions, weights hash, parameters."""
        ...

    def predict(self, inputs: Sequence[Any]) -> list[Prediction]:
        """One prediction per input (text or image, by ``modality``), in order."""
        ...


def make_agent(record: ModelRecord, device: str, **parameters: Any) -> Agent:
    params = {"model_id": record.id, "task": record.task, "kind": record.kind} | parameters
    return Agent(record.name, framework_version(), record.weights_sha256, params, device)


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    z = x - x.max(axis=axis, keepdims=True)
    e = np.exp(z)
    out: np.ndarray = e / e.sum(axis=axis, keepdims=True)
    return out
