"""What a Dask worker needs to build the same OCR engine: its name, device and options."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .engine import OcrEngine


@dataclass(frozen=True)
class EngineSpec:
    """The arguments of ``make_engine``, small and picklable (paths must exist on workers)."""

    name: str = "rapidocr"
    device: str = "auto"
    options: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, name: str, device: str, options: dict[str, Any]) -> EngineSpec:
        return cls(name, device, tuple(sorted(options.items())))

    @property
    def key(self) -> str:
        return f"ocr:{self.name}:{self.device}:{self.options!r}"

    def build(self, threads: int | None = None) -> OcrEngine:
        """The engine; ``threads`` caps rapidocr's onnxruntime threads unless set explicitly."""
        from . import make_engine

        options = dict(self.options)
        if threads and self.name == "rapidocr":
            options.setdefault("threads", threads)
        return make_engine(self.name, device=self.device, **options)


def spec_of(engine: OcrEngine) -> EngineSpec | None:
    """The spec ``make_engine`` recorded on an engine (None for engines made otherwise)."""
    spec = getattr(engine, "spec", None)
    return spec if isinstance(spec, EngineSpec) else None
