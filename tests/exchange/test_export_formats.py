"""Every format read back by a real reader: the Label Studio converter, an XML schema for
Pascal VOC (lxml), and readers written from the YOLO and PaddleOCR documentation.

One workspace (a FUNSD page with its entity boxes, a polygon, a face region and OCR lines;
a text with spans and a class label) is exported once per format for the whole module.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
import yaml
from PIL import Image

from hitl_desktop.exchange.export import export
from hitl_desktop.exchange.model import ExportOptions, ExportResult
from tests.conftest import MemoryKeyring

from .export_helpers import SPANS, TEXT, Built, build, funsd_boxes

Exports = dict[str, tuple[Path, ExportResult]]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Built, Exports]]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    tmp = tmp_path_factory.mktemp("formats")
    b = build(tmp)
    out: Exports = {}
    for fmt in ("yolo", "voc", "paddleocr", "labelstudio", "jsonl", "conll", "csv"):
        out[fmt] = (tmp / fmt, export(b.ws, fmt, tmp / fmt, ExportOptions()))
    yield b, out
    b.ws.close()
    keyring.set_keyring(previous)


def read_yolo(root: Path) -> tuple[dict[str, object], dict[str, list[list[float]]]]:
    """data.yaml and the label files, checked as YOLO documents them: one object a line,
    class index first, then normalised coordinates in [0, 1]."""
    data = yaml.safe_load((root / "data.yaml").read_text(encoding="utf-8"))
    labels: dict[str, list[list[float]]] = {}
    for txt in sorted((root / "labels").rglob("*.txt")):
        rows = []
        for line in txt.read_text(encoding="utf-8").splitlines():
            cls, *coords = line.split()
            assert 0 <= int(cls) < data["nc"]
            values = [float(c) for c in coords]
            assert all(0.0 <= v <= 1.0 for v in values), line
            assert len(values) == 4 or (len(values) >= 6 and len(values) % 2 == 0), line
            rows.append([float(cls), *values])
        labels[txt.stem] = rows
    return data, labels


def test_yolo_dataset_reads_back_with_its_images(exported: tuple[Built, Exports]) -> None:
    b, out = exported
    root, _result = out["yolo"]
    data, labels = read_yolo(root)
    assert data["task"] == "segment"  # a polygon is present: every line is a polygon
    names = data["names"]
    assert list(names.values())[:5] == ["header", "question", "answer", "other", "face"]
    [(stem, rows)] = labels.items()
    image = root / data["train"] / f"{stem}.png"
    assert image.is_file()
    with Image.open(image) as im:
        w, h = im.size
    assert len(rows) == b.boxes + 2
    # the first FUNSD entity comes back in pixels within rounding
    box, label, _text = funsd_boxes()[0]
    first = rows[0]
    assert names[int(first[0])] == label
    xs, ys = first[1::2], first[2::2]
    assert min(xs) * w == pytest.approx(box[0], abs=0.01)
    assert max(ys) * h == pytest.approx(box[3], abs=0.01)


VOC_XSD = b"""<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
 <xs:element name="annotation"><xs:complexType><xs:sequence>
  <xs:element name="folder" type="xs:string"/>
  <xs:element name="filename" type="xs:string"/>
  <xs:element name="source"><xs:complexType><xs:sequence>
   <xs:element name="database" type="xs:string"/>
   <xs:element name="annotation" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
  <xs:element name="size"><xs:complexType><xs:sequence>
   <xs:element name="width" type="xs:positiveInteger"/>
   <xs:element name="height" type="xs:positiveInteger"/>
   <xs:element name="depth" type="xs:positiveInteger"/></xs:sequence></xs:complexType></xs:element>
  <xs:element name="segmented" type="xs:integer"/>
  <xs:element name="object" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:sequence>
   <xs:element name="name" type="xs:string"/>
   <xs:element name="pose" type="xs:string"/>
   <xs:element name="truncated" type="xs:integer"/>
   <xs:element name="difficult" type="xs:integer"/>
   <xs:element name="bndbox"><xs:complexType><xs:sequence>
    <xs:element name="xmin" type="xs:integer"/><xs:element name="ymin" type="xs:integer"/>
    <xs:element name="xmax" type="xs:integer"/><xs:element name="ymax" type="xs:integer"/>
   </xs:sequence></xs:complexType></xs:element>
  </xs:sequence></xs:complexType></xs:element>
 </xs:sequence></xs:complexType></xs:element>
</xs:schema>"""


def test_voc_xml_is_valid_against_the_voc_layout(exported: tuple[Built, Exports]) -> None:
    etree = pytest.importorskip("lxml.etree")
    b, out = exported
    root, _ = out["voc"]
    schema = etree.XMLSchema(etree.fromstring(VOC_XSD))
    [xml] = sorted((root / "Annotations").glob("*.xml"))
    doc = etree.parse(str(xml))
    schema.assertValid(doc)
    assert (root / "JPEGImages" / doc.findtext("filename")).is_file()
    objects = doc.findall("object")
    assert len(objects) == b.boxes + 2
    box, label, _ = funsd_boxes()[0]
    assert objects[0].findtext("name") == label
    assert [int(objects[0].findtext(f"bndbox/{k}")) for k in ("xmin", "ymin", "xmax", "ymax")] \
        == [int(v) for v in box]  # FUNSD boxes are whole pixels  # fmt: skip
    assert (root / "ImageSets/Main/default.txt").read_text().split() == [xml.stem]


def read_paddle_det(path: Path) -> list[tuple[str, list[dict[str, object]]]]:
    """PaddleOCR's detection label format: ``image_path\\tJSON`` where the JSON is a list of
    {"transcription": str, "points": [[x, y] x 4]} (``###`` marks text to ignore)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        image, _, labels = line.partition("\t")
        entries = json.loads(labels)
        for e in entries:
            assert isinstance(e["transcription"], str)
            assert len(e["points"]) == 4 and all(len(p) == 2 for p in e["points"])
        out.append((image, entries))
    return out


def test_paddleocr_labels_and_line_crops(exported: tuple[Built, Exports]) -> None:
    b, out = exported
    root, result = out["paddleocr"]
    [(image, entries)] = read_paddle_det(root / "Label.txt")
    assert (root / image).is_file()
    assert len(entries) == b.lines
    texts = [t for _box, _label, t in funsd_boxes()[: b.lines]]
    assert [e["transcription"] for e in entries] == [t if t.strip() else "###" for t in texts]
    rec = [line.split("\t") for line in (root / "rec_gt.txt").read_text("utf-8").splitlines()]
    assert len(rec) == sum(1 for t in texts if t.strip()) == result.counts["written:line_crops"]
    crop, text = rec[0]
    box = funsd_boxes()[0][0]
    with Image.open(root / crop) as im:
        assert im.size == (round(box[2] - box[0]), round(box[3] - box[1]))
    assert text == texts[0]


def test_label_studio_converter_reads_the_tasks(
    exported: tuple[Built, Exports], tmp_path: Path
) -> None:
    converter_mod = pytest.importorskip("label_studio_converter")
    b, out = exported
    root, _ = out["labelstudio"]
    tasks = {kind: json.loads((root / f"{kind}_tasks.json").read_text(encoding="utf-8"))
             for kind in ("image", "text")}  # fmt: skip
    item_of = {t["id"]: t["meta"]["hitl_item"] for ts in tasks.values() for t in ts}
    rows = {}
    for kind in ("image", "text"):
        c = converter_mod.Converter(config=str(root / f"{kind}_label_config.xml"),
                                    project_dir=str(root), download_resources=False)  # fmt: skip
        c.convert_to_json_min(str(root / f"{kind}_tasks.json"), str(tmp_path / kind),
                              is_dir=False)  # fmt: skip
        [min_file] = (tmp_path / kind).iterdir()
        rows |= {item_of[r["id"]]: r for r in json.loads(min_file.read_text(encoding="utf-8"))}
    page, text = rows[b.page], rows[b.text]
    assert len(page["boxes"]) == b.boxes + 1  # the entities and the face
    assert page["boxes"][0]["rectanglelabels"] == [funsd_boxes()[0][1]]
    assert page["boxes"][0]["original_width"] > 0
    assert page["transcription"][: b.lines] == [t for _b, _l, t in funsd_boxes()[: b.lines]]
    assert [(s["start"], s["end"], s["labels"][0]) for s in text["spans"]] == SPANS
    assert text["class"] == "travel"
    assert text["text"] == TEXT
    # the model's suggestion travels as a prediction with its scores
    [text_task] = tasks["text"]
    [pred] = text_task["predictions"]
    assert pred["model_version"] == "tiny-ner@0123456789ab"
    scored = {(r["type"], r["score"]) for r in pred["result"]}
    assert scored == {("labels", 0.66), ("choices", 0.81)}
    assert pred["score"] == 0.66
    # the converter's own COCO writer places the boxes where the FUNSD ground truth has them
    c = converter_mod.Converter(config=str(root / "image_label_config.xml"),
                                project_dir=str(root), download_resources=False)  # fmt: skip
    c.convert_to_coco(str(root / "image_tasks.json"), str(tmp_path / "coco"), is_dir=False)
    coco = json.loads((tmp_path / "coco" / "result.json").read_text(encoding="utf-8"))
    names = {c["id"]: c["name"] for c in coco["categories"]}
    boxes = [a for a in coco["annotations"] if names[a["category_id"]] != "stamp"]
    assert len(boxes) == b.boxes + 1
    x, y, w, h = boxes[0]["bbox"]
    fx0, fy0, fx1, fy1 = funsd_boxes()[0][0]
    assert (x, y, x + w, y + h) == pytest.approx((fx0, fy0, fx1, fy1), abs=0.01)


def test_jsonl_conll_and_csv(exported: tuple[Built, Exports]) -> None:
    b, out = exported
    root, _ = out["jsonl"]
    rows = [json.loads(x) for x in (root / "all.jsonl").read_text("utf-8").splitlines()]
    [text_row] = [r for r in rows if r["id"] == b.text]
    assert text_row["labels"] == ["travel"] and text_row["annotator"] == "carl"
    assert [(s["start"], s["end"], s["label"]) for s in text_row["spans"]] == SPANS
    assert [s["text"] for s in text_row["spans"]] == ["Alice Martin", "Paris", "Berlin"]
    root, _ = out["conll"]
    lines = (root / "all.conll").read_text("utf-8").splitlines()
    assert lines[0] == "-DOCSTART- -X- -X- O"
    tags = [ln.split()[0] + "/" + ln.split()[3] for ln in lines[2:] if ln]
    assert tags[:6] == ["Alice/B-PERSON", "Martin/I-PERSON", "flew/O", "from/O",
                        "Paris/B-PLACE", "to/O"]  # fmt: skip
    assert "" in lines[2:-1]  # the two lines of the text are two sentences
    root, _ = out["csv"]
    with (root / "annotations.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    kinds = [r["kind"] for r in rows]
    assert kinds.count("box") == b.boxes + 1 and kinds.count("span") == 3
    first_box = next(r for r in rows if r["kind"] == "box")
    assert [float(first_box[k]) for k in ("x0", "y0", "x1", "y1")] == funsd_boxes()[0][0]
