"""Label Studio JSON export (a list of tasks with ``annotations`` and ``predictions``).

Image tasks only: ``data`` names the image (an upload URL, a local-files URL or a path);
regions are in percent of the image (``x``, ``y``, ``width``, ``height``, ``points``).
Imported result types: ``rectanglelabels``, ``polygonlabels``, ``keypointlabels``,
``choices``, and ``textarea`` attached to a region by its id (an OCR line; the region may be
a bare ``rectangle`` or ``polygon``, whose line gets the label ``line``). Each annotation
keeps its ``completed_by`` as the annotator; cancelled (skipped) annotations are left out.
Predictions keep their ``model_version`` and scores.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

from .model import Found, Group, Parsed, Record, find_image
from .reading import number, read_json
from .yolo import IMAGE_SUFFIXES

_UPLOAD_PREFIX = re.compile(r"^[0-9a-f]{8}-")  # Label Studio prefixes uploaded file names
REGION_TYPES = {"rectanglelabels", "polygonlabels", "keypointlabels"}
UNLABELLED = {"rectangle", "polygon"}  # Rectangle / Polygon tools: regions without a label
LINE_LABEL = "line"  # the label OCR lines carry (annotate.suggestions.OCR_LINE_LABEL)


def parse(path: Path, images: Path | None = None) -> Parsed:
    out = Parsed("labelstudio", path)
    data = read_json(path)
    if isinstance(data, dict):
        data = [data]  # a single task
    if not isinstance(data, list):
        out.error("", "not a Label Studio export: expected a JSON list of tasks")
        return out
    folders = [f for f in (images, path.parent, path.parent / "images") if f is not None]
    for i, task in enumerate(data):
        key = f"task {task.get('id', i)}" if isinstance(task, dict) else f"task [{i}]"
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            out.error(key, "a task must be an object with 'data'")
            continue
        ref = _image_ref(task["data"])
        if ref is None:
            out.error(key, "no image in 'data' (text tasks are not imported yet)")
            continue
        rec = Record(f"{key} ({ref})", ref, _locate(ref, folders))
        try:
            for j, ann in enumerate(task.get("annotations") or []):
                if isinstance(ann, dict) and ann.get("was_cancelled"):
                    continue
                rec.groups.append(_group(ann, rec, f"annotation {_id(ann, j)}", False))
            for j, pred in enumerate(task.get("predictions") or []):
                rec.groups.append(_group(pred, rec, f"prediction {_id(pred, j)}", True))
        except ValueError as exc:
            out.error(rec.key, str(exc))
            continue
        out.records.append(rec)
    return out


def _id(obj: object, j: int) -> object:
    return obj.get("id", j) if isinstance(obj, dict) else j


def _image_ref(data: dict[str, Any]) -> str | None:
    value = data.get("image")
    if isinstance(value, str) and value:
        return value
    for v in data.values():
        if isinstance(v, str) and Path(urlparse(v).path).suffix.lower() in IMAGE_SUFFIXES:
            return v
    return None


def _locate(ref: str, folders: list[Path]) -> Path | None:
    url = urlparse(ref)
    local = parse_qs(url.query).get("d")
    name = unquote(
        local[0] if local else url.path if url.scheme or ref.startswith("/data/") else ref
    )
    found = find_image(name, folders)
    if found is None and _UPLOAD_PREFIX.match(Path(name).name):
        found = find_image(_UPLOAD_PREFIX.sub("", Path(name).name), folders)
    return found


def annotator_of(ann: dict[str, Any]) -> str | None:
    """Who completed an annotation: the e-mail when the export has it, else the user id."""
    who = ann.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("username") or who.get("id")
    if isinstance(ann.get("created_username"), str) and not isinstance(who, str):
        name = ann["created_username"].split(",")[0].strip()
        if name:
            return name
    if isinstance(who, str) and who:
        return who
    if isinstance(who, int) and not isinstance(who, bool):
        return f"labelstudio-user-{who}"
    return None


def _group(obj: object, rec: Record, where: str, prediction: bool) -> Group:
    if not isinstance(obj, dict) or not isinstance(obj.get("result", []), list):
        raise ValueError(f"{where}: must be an object with a 'result' list")
    group = Group([], None if prediction else annotator_of(obj), prediction,
                  str(obj.get("model_version") or ""), number(obj.get("score")))  # fmt: skip
    texts: dict[str, str] = {}
    regions: list[tuple[str, list[Found]]] = []
    for k, res in enumerate(obj.get("result") or []):
        at = f"{where}, result {res.get('id', k) if isinstance(res, dict) else k}"
        if not isinstance(res, dict) or not isinstance(res.get("value"), dict):
            raise ValueError(f"{at}: a result needs a 'value' object")
        kind, value = res.get("type"), res["value"]
        _declared_size(rec, res, at)
        if kind == "textarea":
            lines = value.get("text")
            texts[str(res.get("id"))] = "\n".join(lines) if isinstance(lines, list) else str(lines)
        elif kind == "choices":
            choices = value.get("choices")
            if not isinstance(choices, list) or not choices:
                raise ValueError(f"{at}: 'choices' must list at least one choice")
            group.found.append(Found("classification", "", labels=tuple(map(str, choices)),
                                     score=number(res.get("score")), where=at))  # fmt: skip
        elif kind in REGION_TYPES:
            regions.append((str(res.get("id")), _region(kind, value, number(res.get("score")), at)))
        elif kind in UNLABELLED:  # a bare region: an OCR line once its textarea is attached
            value = {**value, f"{kind}labels": [LINE_LABEL]}
            found = _region(f"{kind}labels", value, number(res.get("score")), at)
            regions.append((str(res.get("id")), [dataclasses.replace(f, bare=True) for f in found]))
        else:
            raise ValueError(f"{at}: result type {kind!r} is not imported (supported: "
                             "rectanglelabels, polygonlabels, keypointlabels, choices, textarea, "
                             "rectangle or polygon with a textarea)")  # fmt: skip
    for rid, found in regions:
        for f in found:
            if rid in texts:
                group.found.append(_with_text(f, texts[rid]))
            elif f.bare:
                raise ValueError(f"{f.where}: a {f.kind} without a label needs a transcription")
            else:
                group.found.append(f)
        texts.pop(rid, None)
    if texts:
        raise ValueError(f"{where}: textarea results {sorted(texts)} are attached to no region")
    return group


def _declared_size(rec: Record, res: dict[str, Any], at: str) -> None:
    w, h = res.get("original_width"), res.get("original_height")
    if isinstance(w, int) and isinstance(h, int):
        if rec.width is not None and (rec.width, rec.height) != (w, h):
            raise ValueError(f"{at}: original size {w} x {h} differs from {rec.width} x "
                             f"{rec.height} given by earlier results")  # fmt: skip
        rec.width, rec.height = w, h


def _region(kind: str, value: dict[str, Any], score: float | None, at: str) -> list[Found]:
    labels = value.get(kind)
    if not isinstance(labels, list) or not labels:
        raise ValueError(f"{at}: '{kind}' must list the region's label")
    if kind == "rectanglelabels":
        x, y, w, h = (number(value.get(k)) for k in ("x", "y", "width", "height"))
        if x is None or y is None or w is None or h is None or w < 0 or h < 0:
            raise ValueError(f"{at}: needs numbers x, y and non-negative width, height")
        if number(value.get("rotation")) not in (None, 0.0):
            raise ValueError(f"{at}: rotated rectangles are not imported (rotation "
                             f"{value.get('rotation')})")  # fmt: skip
        pts: tuple[tuple[float, float], ...] = ((x / 100, y / 100), ((x + w) / 100, (y + h) / 100))
        shape = "box"
    elif kind == "polygonlabels":
        raw = value.get("points")
        if not isinstance(raw, list) or any(
            not isinstance(p, list) or len(p) != 2 or None in map(number, p) for p in raw
        ):
            raise ValueError(f"{at}: 'points' must be a list of [x, y] numbers")
        pts, shape = tuple((p[0] / 100, p[1] / 100) for p in raw), "polygon"
    else:
        x, y = number(value.get("x")), number(value.get("y"))
        if x is None or y is None:
            raise ValueError(f"{at}: a keypoint needs numbers x and y")
        pts, shape = ((x / 100, y / 100),), "point"
    return [Found(shape, str(lb), pts, relative=True, score=score, where=at)  # type: ignore[arg-type]
            for lb in labels]  # fmt: skip


def _with_text(f: Found, text: str) -> Found:
    """A region with a transcription is an OCR line: a box gives its 4 corners."""
    if f.kind == "box":
        (x0, y0), (x1, y1) = f.points
        quad = ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
    elif f.kind == "polygon" and len(f.points) == 4:
        quad = f.points
    else:
        raise ValueError(f"{f.where}: a transcription needs a rectangle or a 4-point polygon")
    return Found(
        "ocr_line",
        LINE_LABEL if f.bare else f.label,
        quad,
        relative=True,
        text=text,
        score=f.score,
        where=f.where,
    )
