"""What a Dask worker needs to load the same pre-labeller: the model's record, labels, device.

A worker has no workspace, so only models that load from their own files travel: Hugging Face
folders (text and image), sentence-embedding models, OpenCV cascades and REST backends. Before
it runs, each worker hashes the model's files again against the registration, so a worker
whose copy differs fails its items instead of crediting them to the registered id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from .base import Prelabeller
from .errors import ModelError
from .labels import LabelSet
from .registry import ModelRecord

if TYPE_CHECKING:
    from ..workspace import Workspace

# kinds whose loading reads the workspace (heads, trusted pickles, ONNX with an embedder)
WORKSPACE_KINDS = ("head", "skops", "pickle", "onnx")


@dataclass(frozen=True)
class PrelabellerSpec:
    record: ModelRecord
    label_set: LabelSet | None
    device: str = "auto"

    @classmethod
    def of(cls, model: Prelabeller, device: str = "auto") -> PrelabellerSpec:
        """The spec of a loaded pre-labeller; ModelError if its kind cannot run on workers."""
        record = model.record
        if record.kind in WORKSPACE_KINDS:
            raise ModelError(
                f"{record.id} is a {record.kind} model, which loads from the workspace and runs "
                f"in this process only; run it without --dask/--scheduler"
            )
        return cls(record, model.label_set, device)

    @property
    def key(self) -> str:
        labels = self.label_set.ref if self.label_set else ""
        return f"prelabel:{self.record.id}:{labels}:{self.device}"

    def build(self, threads: int | None = None) -> Prelabeller:
        from .loading import load_prelabeller

        # these kinds never touch the workspace argument (WORKSPACE_KINDS are refused above)
        no_workspace = cast("Workspace", None)
        return load_prelabeller(
            no_workspace, self.record, label_set=self.label_set, device=self.device
        )
