"""What an import is asked to do: provenance to record, limits to enforce, how to read text."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lineage.payloads import Provenance

DEFAULT_DPI = 200
# A 20,000 x 30,000 scan is legitimate; a 50,000 x 50,000 PNG of a few KB is a bomb.
DEFAULT_MAX_PIXELS = 700_000_000
DEFAULT_MAX_PDF_PAGES = 2_000
DEFAULT_MAX_FILE_BYTES = 4 << 30


@dataclass(frozen=True)
class ImportOptions:
    source: str = ""
    collector: str = ""
    device: str = ""
    licence: str = ""
    consent: bool | None = None
    privacy: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    dpi: int = DEFAULT_DPI
    max_pixels: int = DEFAULT_MAX_PIXELS
    max_pdf_pages: int = DEFAULT_MAX_PDF_PAGES
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    text_column: str | None = None  # CSV/TSV column (name or 0-based index); default: guessed
    jsonl_field: str | None = None  # JSONL field; default: "text" or the first string field
    near_duplicate_bits: int = 6  # perceptual hashes this close (of 64 bits) are flagged
    batch_size: int = 200  # files per committed batch
    workers: int = 0  # decoding processes; 0: one per CPU core
    thumbnails: bool = True
    extra_tags: dict[str, str] = field(default_factory=dict)

    def provenance(self, original_path: str, modified_time: str) -> Provenance:
        return Provenance(
            source=self.source, collector=self.collector, device=self.device,
            licence=self.licence, consent=self.consent, privacy=list(self.privacy),
            tags=list(self.tags), original_path=original_path, modified_time=modified_time,
        )  # fmt: skip
