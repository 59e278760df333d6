"""Privacy pre-labels: faces found by OpenCV's shipped Haar cascades, boxed for redaction.

Each box is labelled ``face``, meaning "a region to redact". The detector is the frontal-face
cascade (``haarcascade_frontalface_default.xml``) plus, by default, the profile cascade run on
the image and on its mirror (it only knows faces turned one way). Overlapping boxes from the
cascades are merged, keeping the higher score.

Score: ``detectMultiScale3`` reports, for each grouped detection, the weighted vote of the
cascade's last stage (a real number, larger is surer; a few units for a clear face, near or
below zero for a marginal one). It is squashed to 0..1 with the logistic function
``1 / (1 + exp(-weight))``: a ranking for review order, not a calibrated probability.

The model is built in: its registration (kind ``opencv-cascade``) names the cascade files by
SHA-256, so the id is ``faces@`` plus a hash of the XML, and each event's agent names the
OpenCV version, the files and every detection parameter.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np

from ..lineage import Agent
from .base import Box, Prediction, cpu_count
from .errors import LabelSetError, ModelError
from .labels import LabelSet
from .model_files import ModelSpec, file_sha256
from .registry import ModelRecord, verify_files

NAME = "faces"
KIND = "opencv-cascade"
FRONTAL = "haarcascade_frontalface_default.xml"
PROFILE = "haarcascade_profileface.xml"


@dataclass(frozen=True)
class FaceParams:
    """Detection settings; recorded at registration and in every event's agent."""

    scale_factor: float = 1.1  # detectMultiScale scaleFactor: step between scanned sizes
    min_neighbors: int = 5  # detectMultiScale minNeighbors: overlapping hits a face needs
    min_size: int = 24  # detectMultiScale minSize (pixels of the scanned image), square
    max_side: int = 1600  # longer images are scanned at this size (speed), boxes scaled back
    equalize: bool = True  # histogram-equalise the grey image first (dim or flat photos)
    profile: bool = True  # also run the profile cascade, on the image and its mirror
    merge_iou: float = 0.3  # boxes from different cascades overlapping this much are one face

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FaceParams:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def cascade_folder() -> Path:
    import cv2

    return Path(cv2.data.haarcascades)  # type: ignore[attr-defined]


def _cascades(params: FaceParams) -> tuple[str, ...]:
    return (FRONTAL, PROFILE) if params.profile else (FRONTAL,)


def face_spec(params: FaceParams | None = None) -> ModelSpec:
    """The built-in face detector as a model to register (nothing is downloaded)."""
    import cv2

    params = params or FaceParams()
    folder = cascade_folder()
    missing = [c for c in _cascades(params) if not (folder / c).is_file()]
    if missing:
        raise ModelError(
            f"OpenCV {cv2.__version__} at {folder} lacks {', '.join(missing)}; the face detector "
            "needs opencv-python-headless 4.x (OpenCV 5 ships no Haar cascades)"
        )
    files = {c: file_sha256(folder / c) for c in _cascades(params)}
    parameters = {"opencv": cv2.__version__, "detection": params.to_json(),
                  "score": "logistic(last-stage weight of detectMultiScale3)"}  # fmt: skip
    return ModelSpec(NAME, KIND, "object-detection", str(folder.resolve()), files,
                     tuple(files), ["face"], None, parameters)  # fmt: skip


def logistic(weight: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(weight, 50.0), -50.0)))


def _iou(a: Box, b: Box) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    union = (a.x1 - a.x0) * (a.y1 - a.y0) + (b.x1 - b.x0) * (b.y1 - b.y0) - inter
    return inter / union


def merge_boxes(boxes: list[Box], iou: float) -> list[Box]:
    """Greedy non-maximum suppression: best score first, drop boxes overlapping a kept one."""
    kept: list[Box] = []
    for box in sorted(boxes, key=lambda b: -b.score):
        if all(_iou(box, k) <= iou for k in kept):
            kept.append(box)
    return kept


class FaceDetector:
    """Boxes every face OpenCV's cascades find; the ``Prelabeller`` for kind opencv-cascade."""

    modality = "image"
    label_set = None

    def __init__(
        self, record: ModelRecord, *, label_set: LabelSet | None = None, device: str = "auto",
        params: FaceParams | None = None,
    ) -> None:  # fmt: skip
        """``params`` overrides the registered settings (each event's agent records them)."""
        import cv2

        if record.kind != KIND:
            raise ModelError(f"{record.id} is a {record.kind} model, not an OpenCV cascade")
        if label_set is not None:
            raise LabelSetError(
                f"{record.id} has one label, face (a region to redact); it takes no label set"
            )
        folder = verify_files(record)
        self.record = record
        self.params = params or FaceParams.from_json(record.parameters.get("detection", {}))
        self.device = "cpu"
        self.notice = "the OpenCV face detector runs on the CPU only" if device == "cuda" else ""
        cv2.setNumThreads(cpu_count())
        self._version = cv2.__version__
        self._classifiers = {}
        for name in _cascades(self.params):
            if name not in record.files:
                raise ModelError(f"{record.id} was registered without {name}; register it again")
            classifier = cv2.CascadeClassifier(str(folder / name))
            if classifier.empty():
                raise ModelError(f"OpenCV cannot load the cascade {folder / name}")
            self._classifiers[name] = classifier

    def agent(self) -> Agent:
        params = {"model_id": self.record.id, "task": self.record.task, "kind": KIND,
                  "cascades": {c: self.record.files[c] for c in self._classifiers},
                  **self.params.to_json(), "score": "logistic(last-stage weight)"}  # fmt: skip
        return Agent(self.record.name, f"opencv {self._version}", self.record.weights_sha256,
                     params, self.device)  # fmt: skip

    def predict(self, images: Sequence[np.ndarray]) -> list[Prediction]:
        return [Prediction(boxes=self.detect(img)) for img in images]

    def _run(self, name: str, grey: np.ndarray) -> list[tuple[list[int], float]]:
        p = self.params
        rects, _levels, weights = self._classifiers[name].detectMultiScale3(
            grey, scaleFactor=p.scale_factor, minNeighbors=p.min_neighbors,
            minSize=(p.min_size, p.min_size), outputRejectLevels=True,
        )  # fmt: skip
        return [(list(map(int, r)), float(w)) for r, w in zip(rects, weights, strict=True)]

    def detect(self, image: np.ndarray) -> list[Box]:
        """Face boxes in pixels of ``image`` (upright RGB uint8, H x W x 3), best first."""
        import cv2

        if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
            raise ModelError(f"the face detector takes RGB uint8 images, not {image.shape}")
        h, w = image.shape[:2]
        scale = min(1.0, self.params.max_side / max(h, w))
        grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
        if scale < 1.0:
            size = (max(1, round(w * scale)), max(1, round(h * scale)))
            grey = cv2.resize(grey, size, interpolation=cv2.INTER_AREA)
        if self.params.equalize:
            grey = cv2.equalizeHist(grey)
        sw = grey.shape[1]
        found: list[tuple[float, float, float, float, float]] = []
        for name in self._classifiers:
            for (x, y, bw, bh), weight in self._run(name, grey):
                found.append((x, y, x + bw, y + bh, weight))
            if name == PROFILE:  # the cascade knows one side; the mirror finds the other
                for (x, y, bw, bh), weight in self._run(name, np.ascontiguousarray(grey[:, ::-1])):
                    found.append((sw - x - bw, y, sw - x, y + bh, weight))
        boxes = [
            Box(min(x0 / scale, w), min(y0 / scale, h), min(x1 / scale, w), min(y1 / scale, h),
                "face", logistic(wt))
            for x0, y0, x1, y1, wt in found
        ]  # fmt: skip
        return merge_boxes(boxes, self.params.merge_iou)
