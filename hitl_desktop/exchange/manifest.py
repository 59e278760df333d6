"""``MANIFEST.json``: what an export holds and how to check it.

The export hash covers every file except the manifest: one line ``<sha256> <size> <path>``
per file, paths relative with ``/``, sorted by their UTF-8 bytes, hashed with SHA-256. The
manifest hash is the SHA-256 of the ``MANIFEST.json`` bytes; approvals name it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from .model import ExportError

MANIFEST = "MANIFEST.json"
MANIFEST_VERSION = 1


@dataclass(frozen=True)
class FileEntry:
    path: str
    sha256: str
    size: int


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _relative_files(root: Path) -> list[str]:
    out = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            rel = (Path(folder) / name).relative_to(root).as_posix()
            if rel != MANIFEST:
                out.append(rel)
    return sorted(out, key=lambda p: p.encode("utf-8"))


def scan(root: Path) -> list[FileEntry]:
    """Every file under ``root`` except the manifest, in the defined order."""
    return [FileEntry(rel, _sha256_file(root / rel), (root / rel).stat().st_size)
            for rel in _relative_files(root)]  # fmt: skip


def export_hash(entries: list[FileEntry]) -> str:
    h = hashlib.sha256()
    for e in entries:
        h.update(f"{e.sha256} {e.size} {e.path}\n".encode())
    return h.hexdigest()


def write_manifest(root: Path, fields: dict[str, Any]) -> tuple[str, str, int]:
    """Scan ``root``, write its manifest; returns (manifest hash, export hash, file count)."""
    entries = scan(root)
    digest = export_hash(entries)
    doc = {
        "manifest_version": MANIFEST_VERSION,
        **fields,
        "files": [{"path": e.path, "sha256": e.sha256, "size": e.size} for e in entries],
        "export_sha256": digest,
    }
    data = orjson.dumps(doc, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
    (root / MANIFEST).write_bytes(data)
    return hashlib.sha256(data).hexdigest(), digest, len(entries)


def read_manifest(root: Path) -> tuple[dict[str, Any], str]:
    """The manifest and the hash of its bytes; ``ExportError`` when absent or unreadable."""
    path = root / MANIFEST
    if not root.is_dir():
        raise ExportError(f"{root} is not a folder")
    try:
        data = path.read_bytes()
        doc = json.loads(data)
    except FileNotFoundError:
        raise ExportError(f"{path} is missing: {root} is not an export (or the manifest was "
                          "deleted)") from None  # fmt: skip
    except (OSError, ValueError) as exc:
        raise ExportError(f"{path} cannot be read: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("files"), list):
        raise ExportError(f"{path} is not an export manifest (no file list)")
    return doc, hashlib.sha256(data).hexdigest()


@dataclass
class Verification:
    manifest_sha256: str
    export_sha256: str
    files: int
    altered: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    manifest: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not (self.altered or self.missing or self.extra)

    def problems(self) -> list[str]:
        return ([f"altered: {p}" for p in self.altered] + [f"missing: {p}" for p in self.missing]
                + [f"extra: {p}" for p in self.extra])  # fmt: skip


def verify(root: Path) -> Verification:
    """Check every file of the export against its manifest (hash, size, presence)."""
    doc, manifest_sha = read_manifest(root)
    listed: dict[str, dict[str, Any]] = {}
    for e in doc["files"]:
        if not isinstance(e, dict) or not isinstance(e.get("path"), str):
            raise ExportError(f"{root / MANIFEST}: a file entry is malformed: {e!r}")
        listed[e["path"]] = e
    present = _relative_files(root)
    out = Verification(manifest_sha, str(doc.get("export_sha256", "")), len(listed), manifest=doc)
    out.extra = [p for p in present if p not in listed]
    found = set(present)
    entries = []
    for path, e in sorted(listed.items(), key=lambda kv: kv[0].encode("utf-8")):
        if path not in found:
            out.missing.append(path)
            continue
        actual = FileEntry(path, _sha256_file(root / path), (root / path).stat().st_size)
        entries.append(actual)
        if actual.sha256 != e.get("sha256") or actual.size != e.get("size"):
            out.altered.append(path)
    if out.ok and export_hash(entries) != out.export_sha256:
        out.altered.append(MANIFEST)  # the file list is intact but its recorded hash is not
    return out
