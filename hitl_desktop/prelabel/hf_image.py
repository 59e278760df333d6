"""Hugging Face image pipelines from a local folder: image classification and object detection.

The folder's model and image processor (``preprocessor_config.json``) are loaded with the
classes ``transformers.pipeline`` picks for the task (hub switched off, ``local_files_only``)
and run by the pipeline itself, so resizing, normalisation and box decoding are what the
model's authors tested. Inputs are the upright RGB pixels of image and page items; detection
boxes come back in pixels of that same upright image (clipped to it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..lineage import Agent
from .base import Box, Prediction, choose_device, make_agent, offline
from .errors import ModelError
from .labels import LabelSet
from .model_files import IMAGE_TASKS
from .registry import ModelRecord, verify_files


class ImagePipelinePrelabeller:
    """Runs a registered ``transformers`` image model through ``transformers.pipeline``.

    Classification keeps the ``top_k`` best labels (all of them for models with at most that
    many); detection keeps boxes scoring at least ``threshold`` (the pipeline's own default).
    """

    modality = "image"

    def __init__(
        self, record: ModelRecord, *, label_set: LabelSet | None = None, device: str = "auto",
        batch_size: int = 4, threshold: float = 0.5, top_k: int = 10,
    ) -> None:  # fmt: skip
        if record.kind != "transformers" or record.task not in IMAGE_TASKS:
            raise ModelError(
                f"{record.id} is a {record.kind} {record.task} model; image pipelines run "
                f"{', '.join(IMAGE_TASKS)} from Hugging Face folders"
            )
        offline()
        from transformers import AutoImageProcessor, pipeline
        from transformers.pipelines import check_task

        path = verify_files(record)
        choice = choose_device(device)
        self.record, self.device, self.notice = record, choice.device, choice.notice
        self.label_set = label_set or record.label_set
        self.batch_size, self.threshold = batch_size, threshold
        try:
            model_class = check_task(record.task)[1]["pt"][0]
            model = model_class.from_pretrained(
                path, local_files_only=True, trust_remote_code=False
            )
            processor = AutoImageProcessor.from_pretrained(path, local_files_only=True)
            self.pipe: Any = pipeline(  # type: ignore[call-overload]
                record.task, model=model, image_processor=processor, device=self.device
            )
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"cannot load {record.id} from {path}: {exc}") from None
        self.top_k = min(top_k, max(1, len(model.config.id2label)))

    def agent(self) -> Agent:
        params: dict[str, Any] = {"pipeline": self.record.task, "batch_size": self.batch_size}
        if self.record.task == "object-detection":
            params["threshold"] = self.threshold
        else:
            params["top_k"] = self.top_k
        if self.label_set is not None:
            params["label_set"] = self.label_set.ref
        return make_agent(self.record, self.device, **params)

    def predict(self, images: Sequence[np.ndarray]) -> list[Prediction]:
        from PIL import Image

        if not images:
            return []
        pictures = [Image.fromarray(np.asarray(img, dtype=np.uint8), "RGB") for img in images]
        if self.record.task == "image-classification":
            out = self.pipe(pictures, top_k=self.top_k, batch_size=self.batch_size)
            return [self._classes(r) for r in out]
        # one image at a time: detection processors pad a batch to its largest image
        out = self.pipe(pictures, threshold=self.threshold, batch_size=1)
        return [
            Prediction(boxes=self._boxes(r, img.shape[1], img.shape[0]))
            for r, img in zip(out, images, strict=True)
        ]

    @staticmethod
    def _classes(result: list[dict[str, Any]] | dict[str, Any]) -> Prediction:
        rows = result if isinstance(result, list) else [result]
        names = [str(r["label"]) for r in rows]
        return Prediction.from_scores(names, np.array([float(r["score"]) for r in rows]))

    @staticmethod
    def _boxes(result: list[dict[str, Any]], width: int, height: int) -> list[Box]:
        boxes = []
        for r in result:
            b = r["box"]
            x0, x1 = sorted((min(max(float(b["xmin"]), 0.0), width),
                             min(max(float(b["xmax"]), 0.0), width)))  # fmt: skip
            y0, y1 = sorted((min(max(float(b["ymin"]), 0.0), height),
                             min(max(float(b["ymax"]), 0.0), height)))  # fmt: skip
            if x1 > x0 and y1 > y0:  # a box wholly outside the image says nothing
                boxes.append(Box(x0, y0, x1, y1, str(r["label"]), float(r["score"])))
        return sorted(boxes, key=lambda bx: -bx.score)
