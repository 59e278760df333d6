"""Label Studio JSON: ``tasks.json`` (a list of tasks with ``annotations`` and the models'
``predictions`` with scores) and ``label_config.xml``, the labelling interface those tasks
fit (paste it into a new project, then import the tasks).

Image regions are percentages of the image size, as Label Studio stores them. Control
names: ``boxes`` (RectangleLabels), ``polygons`` (PolygonLabels), ``lines`` (Polygon) with
``transcription`` (per-region TextArea), ``spans`` (Labels on the text), ``class``
(Choices). ``completed_by`` holds the annotator's name (this app's people are names, not
Label Studio user ids); the item id is in ``meta.hitl_item``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import quoteattr

import orjson

from .context import Context
from .model import ExportItem, Prediction

TAKES = ("image", "scan_page", "text")


def image_folder(ctx: Context, item: ExportItem) -> str:
    return "images"


def _pct(x: float, size: int) -> float:
    return 100.0 * x / size if size else 0.0


def _region(item: ExportItem, rid: str, kind: str, name: str, value: dict[str, Any],
            score: float | None = None) -> dict[str, Any]:  # fmt: skip
    to = "image" if item.is_image else "text"
    out: dict[str, Any] = {"id": rid, "type": kind, "from_name": name, "to_name": to,
                           "value": value, "origin": "manual"}  # fmt: skip
    if item.is_image:
        out.update(original_width=item.width, original_height=item.height, image_rotation=0)
    if score is not None:
        out["score"] = score
    return out


def _box(item: ExportItem, s: dict[str, Any]) -> dict[str, float]:
    w, h = item.width, item.height
    return {"x": _pct(s["x0"], w), "y": _pct(s["y0"], h), "width": _pct(s["x1"] - s["x0"], w),
            "height": _pct(s["y1"] - s["y0"], h), "rotation": 0}  # fmt: skip


def _points(item: ExportItem, pts: list[list[float]]) -> list[list[float]]:
    return [[_pct(x, item.width), _pct(y, item.height)] for x, y in pts]


def results(item: ExportItem, ctx: Context) -> list[dict[str, Any]]:
    out = []
    for n, a in enumerate(item.annotations):
        kind, s, rid = a.get("kind"), a.get("shape") or {}, str(a.get("id") or n)
        if kind == "box" and item.is_image:
            v = _box(item, s) | {"rectanglelabels": [a["label"]]}
            out.append(_region(item, rid, "rectanglelabels", "boxes", v))
        elif kind == "polygon" and item.is_image:
            v = {"points": _points(item, s["points"]), "polygonlabels": [a["label"]]}
            out.append(_region(item, rid, "polygonlabels", "polygons", v))
        elif kind == "ocr_line" and item.is_image:
            pts = _points(item, s["quad"])
            out.append(_region(item, rid, "polygon", "lines", {"points": pts}))
            out.append(_region(item, rid, "textarea", "transcription",
                               {"points": pts, "text": [s.get("text", "")]}))  # fmt: skip
        elif kind == "span" and item.text is not None:
            covered = item.text[s["start"] : s["end"]]
            sv: dict[str, Any] = {"start": s["start"], "end": s["end"], "text": covered,
                                  "labels": [a["label"]]}  # fmt: skip
            out.append(_region(item, rid, "labels", "spans", sv))
        elif kind == "classification":
            out.append(_region(item, rid, "choices", "class", {"choices": list(s["labels"])}))
        else:
            ctx.count(f"not_in_format:{kind}")
    return out


def prediction(item: ExportItem, p: Prediction) -> dict[str, Any]:
    result = []
    for n, b in enumerate(p.boxes):
        if item.is_image:
            v = _box(item, b) | {"rectanglelabels": [b["label"]]}
            result.append(_region(item, f"p{n}", "rectanglelabels", "boxes", v, b["score"]))
    for n, s in enumerate(p.spans):
        if item.text is not None:
            covered = item.text[s["start"] : s["end"]]
            sv: dict[str, Any] = {"start": s["start"], "end": s["end"], "text": covered,
                                  "labels": [s["label"]]}  # fmt: skip
            result.append(_region(item, f"s{n}", "labels", "spans", sv, s["score"]))
    if p.labels:
        top = p.labels[0]
        result.append(_region(item, "c0", "choices", "class", {"choices": [top["label"]]},
                              top["score"]))  # fmt: skip
    scores = [r["score"] for r in result]
    for r in result:
        r["origin"] = "prediction"
    return {"model_version": p.model_id, "score": min(scores) if scores else 0.0,
            "result": result, "hitl_event": p.event}  # fmt: skip


def label_config(items: Sequence[ExportItem], ctx: Context) -> str:
    kinds = {"box": "boxes", "polygon": "polygons", "span": "spans", "classification": "class"}
    labels = {k: ctx.labels(items, [k]) for k in kinds}
    for it in items:  # suggestions may use labels no answer uses
        for p in it.predictions:
            labels["box"] += [b["label"] for b in p.boxes if b["label"] not in labels["box"]]
            labels["span"] += [s["label"] for s in p.spans if s["label"] not in labels["span"]]
            labels["classification"] += [x["label"] for x in p.labels
                                         if x["label"] not in labels["classification"]]  # fmt: skip
    if not labels["classification"]:
        labels["classification"] = sorted({lb for it in items for a in it.annotations
                                           if a.get("kind") == "classification"
                                           for lb in a["shape"]["labels"]})  # fmt: skip

    def values(tag: str, names: list[str]) -> str:
        return "".join(f"\n    <{tag} value={quoteattr(n)}/>" for n in names)

    has_image = any(it.is_image for it in items)
    has_text = any(not it.is_image for it in items)
    parts = ["<View>"]
    if has_image:
        parts.append('  <Image name="image" value="$image"/>')
        if labels["box"]:
            parts.append(f'  <RectangleLabels name="boxes" toName="image">'
                         f'{values("Label", labels["box"])}\n  </RectangleLabels>')  # fmt: skip
        if labels["polygon"]:
            parts.append(f'  <PolygonLabels name="polygons" toName="image">'
                         f'{values("Label", labels["polygon"])}\n  </PolygonLabels>')  # fmt: skip
        parts.append('  <Polygon name="lines" toName="image"/>')
        parts.append('  <TextArea name="transcription" toName="image" perRegion="true"/>')
    if has_text:
        parts.append('  <Text name="text" value="$text"/>')
        if labels["span"]:
            parts.append(f'  <Labels name="spans" toName="text">'
                         f'{values("Label", labels["span"])}\n  </Labels>')  # fmt: skip
    if labels["classification"]:
        target = "text" if has_text and not has_image else "image" if has_image else "text"
        parts.append(f'  <Choices name="class" toName="{target}" choice="multiple">'
                     f'{values("Choice", labels["classification"])}\n  </Choices>')  # fmt: skip
    parts.append("</View>")
    return "\n".join(parts) + "\n"


def write(items: Sequence[ExportItem], ctx: Context) -> None:
    """One project per data type (a Label Studio project has one labelling interface):
    ``image_tasks.json`` + ``image_label_config.xml``, ``text_tasks.json`` + its config."""
    position = {it.id: n for n, it in enumerate(items, 1)}  # task ids unique across files
    for group in ("image", "text"):
        members = [it for it in items if it.is_image == (group == "image")]
        if group == "image":
            members = [it for it in members if it.file]
        if not members:
            continue
        tasks = []
        for item in members:
            n = position[item.id]
            ctx.tick(n, len(items))
            data = {"image": item.file} if item.is_image else {"text": item.text or ""}
            result = results(item, ctx)
            ctx.count("annotations", len(result))
            tasks.append({
                "id": n, "data": data,
                "meta": {"hitl_item": item.id, "name": item.name, "split": item.split},
                "annotations": [{"id": n, "completed_by": item.actor, "result": result,
                                 "was_cancelled": False,
                                 "ground_truth": item.decision is not None,
                                 "hitl_revision": item.revision}],
                "predictions": [prediction(item, p) for p in item.predictions],
            })  # fmt: skip
        opts = orjson.OPT_INDENT_2
        (ctx.root / f"{group}_tasks.json").write_bytes(orjson.dumps(tasks, option=opts))
        config = label_config(members, ctx)
        (ctx.root / f"{group}_label_config.xml").write_text(config, encoding="utf-8")
