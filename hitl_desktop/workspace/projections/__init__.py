"""The projections every workspace maintains, in the order they are applied."""

from __future__ import annotations

from .annotations import AnnotationsProjection
from .assignments import AssignmentsProjection
from .base import Projection, order_key
from .history import ItemHistoryProjection
from .items import ItemsProjection
from .ocr import OcrProjection
from .prelabel import ModelsProjection, PrelabelsProjection
from .provenance import FingerprintsProjection, ItemSourcesProjection, ItemTagsProjection
from .schemas import SchemasProjection


def default_projections() -> list[Projection]:
    # The review queue reads the annotation and assignment tables, so it comes after them.
    # It and the insights tables live with their domain code; imported here, not at module
    # level, because that code builds on the workspace package this module belongs to.
    from ...insights.projection import InsightsProjection
    from ...review.projection import ReviewProjection

    return [
        ItemsProjection(), ItemHistoryProjection(), ItemSourcesProjection(), FingerprintsProjection(),
        OcrProjection(), ModelsProjection(), PrelabelsProjection(), AnnotationsProjection(),
        ItemTagsProjection(), SchemasProjection(), AssignmentsProjection(), ReviewProjection(),
        InsightsProjection(),
    ]  # fmt: skip


__all__ = ["Projection", "default_projections", "order_key"]
