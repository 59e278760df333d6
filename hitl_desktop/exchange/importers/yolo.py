"""YOLO (Ultralytics / Darknet) datasets: images, one ``.txt`` per image, class names.

Class names come from ``data.yaml`` (``names`` as a list or an index map; ``path``,
``train``/``val``/``test`` name the image folders) or ``classes.txt`` (one name a line).
Each label line is ``class cx cy w h`` (fractions of the image size), optionally followed by a
confidence, or a segment ``class x1 y1 x2 y2 x3 y3 …`` (optionally plus a confidence). The
label file of ``…/images/…/a.jpg`` is ``…/labels/…/a.txt``, or ``a.txt`` beside the image. An
image without a label file has no objects, as YOLO trainers read it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .model import AnnotationImportError, Found, Group, Parsed, Record
from .reading import read_text

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff", ".gif"}


def parse(path: Path, images: Path | None = None) -> Parsed:
    root = path.parent if path.is_file() else path
    names_file, names = _names(path, root)
    out = Parsed("yolo", names_file)
    folders = [images] if images is not None else _image_folders(path, root)
    for img in _walk(folders):
        label_file = _label_file(img)
        rel = os.path.relpath(img, root)
        key = f"image {rel}"
        rec = Record(key, rel, img)
        found: list[Found] = []
        ok = True
        if label_file is not None:
            try:
                lines = read_text(label_file).splitlines()
            except AnnotationImportError as exc:
                out.error(key, str(exc))
                continue
            for n, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    found.append(_line(line, names, f"{label_file.name} line {n}"))
                except ValueError as exc:
                    out.error(key, f"{label_file} line {n}: {exc}")
                    ok = False
        if ok:
            rec.groups.append(Group(found))
            out.records.append(rec)
    if not out.records and not out.errors:
        out.error("", f"no images found under {', '.join(map(str, folders))}")
    return out


def _names(path: Path, root: Path) -> tuple[Path, list[str]]:
    candidates = [path] if path.is_file() else [root / "data.yaml", root / "dataset.yaml",
                                                  root / "classes.txt", root / "labels" / "classes.txt"]  # fmt: skip
    for f in candidates:
        if not f.is_file():
            continue
        if f.suffix.lower() in (".yaml", ".yml"):
            return f, _yaml_names(f)
        return f, [ln.strip() for ln in read_text(f).splitlines() if ln.strip()]
    raise AnnotationImportError(
        f"{path}: no data.yaml or classes.txt found; YOLO labels are class numbers and need "
        "the class names"
    )


def _yaml_names(f: Path) -> list[str]:
    import yaml  # safe_load only: the file is data, never code

    try:
        data = yaml.safe_load(read_text(f))
    except yaml.YAMLError as exc:
        raise AnnotationImportError(f"{f}: not valid YAML ({exc})") from None
    names: Any = data.get("names") if isinstance(data, dict) else None
    if isinstance(names, dict) and all(isinstance(k, int) for k in names):
        if sorted(names) != list(range(len(names))):
            raise AnnotationImportError(f"{f}: 'names' must number the classes 0, 1, 2, …")
        return [str(names[k]) for k in sorted(names)]
    if isinstance(names, list) and names:
        return [str(n) for n in names]
    raise AnnotationImportError(f"{f}: needs 'names', a list of class names or an index map")


def _image_folders(path: Path, root: Path) -> list[Path]:
    if path.is_file() and path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(read_text(path)) or {}
        base = Path(str(data.get("path") or ""))
        base = base if base.is_absolute() else root / base
        found: list[Path] = []
        for split in ("train", "val", "test"):
            value = data.get(split)
            for v in value if isinstance(value, list) else [value] if value else []:
                folder = base / str(v)
                if folder.is_dir() and folder not in found:
                    found.append(folder)
        if found:
            return found
    return [root / "images"] if (root / "images").is_dir() else [root]


def _walk(folders: list[Path]) -> list[Path]:
    out: list[Path] = []
    for folder in folders:
        for dirpath, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "labels")
            out += [Path(dirpath) / f for f in sorted(files)
                    if Path(f).suffix.lower() in IMAGE_SUFFIXES and not f.startswith(".")]  # fmt: skip
    return out


def _label_file(img: Path) -> Path | None:
    parts = list(img.parts)
    if "images" in parts:
        i = len(parts) - 1 - parts[::-1].index("images")
        swapped = Path(*parts[:i], "labels", *parts[i + 1 :]).with_suffix(".txt")
        if swapped.is_file():
            return swapped
    beside = img.with_suffix(".txt")
    return beside if beside.is_file() else None


def _line(line: str, names: list[str], where: str) -> Found:
    fields = line.split()
    try:
        cls = int(fields[0])
        values = [float(v) for v in fields[1:]]
    except ValueError:
        raise ValueError(f"expected 'class x y w h' numbers, got {line.strip()!r}") from None
    if not 0 <= cls < len(names):
        raise ValueError(f"unknown class index {cls} (the dataset names {len(names)} classes)")
    label, n = names[cls], len(values)
    if n in (4, 5):
        cx, cy, w, h = values[:4]
        if w < 0 or h < 0:
            raise ValueError(f"negative width or height in {line.strip()!r}")
        score = values[4] if n == 5 else None
        return Found("box", label, ((cx - w / 2, cy - h / 2), (cx + w / 2, cy + h / 2)),
                     relative=True, score=score, where=where)  # fmt: skip
    if n >= 6:
        score = values.pop() if n % 2 else None
        pts = tuple(zip(values[0::2], values[1::2], strict=True))
        return Found("polygon", label, pts, relative=True, score=score, where=where)
    raise ValueError(f"a box needs 4 numbers and a segment 3 points or more; got {n} numbers")
