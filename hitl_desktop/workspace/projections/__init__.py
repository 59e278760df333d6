"""The projections every workspace maintains, in the order they are applied."""

from __future__ import annotations

from .annotations import AnnotationsProjection
from .base import Projection, order_key
from .history import ItemHistoryProjection
from .items import ItemsProjection
from .ocr import OcrProjection
from .prelabel import ModelsProjection, PrelabelsProjection
from .provenance import FingerprintsProjection, ItemSourcesProjection, ItemTagsProjection
from .schemas import SchemasProjection


def default_projections() -> list[Projection]:
    return [
        ItemsProjection(), ItemHistoryProjection(), ItemSourcesProjection(), FingerprintsProjection(),
        OcrProjection(), ModelsProjection(), PrelabelsProjection(), AnnotationsProjection(),
        ItemTagsProjection(), SchemasProjection(),
    ]  # fmt: skip


__all__ = ["Projection", "default_projections", "order_key"]
