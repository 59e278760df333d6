"""Spans on Arabic, Hindi and Japanese text index code points of the NFC text exactly."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from hitl_desktop.annotate import AnnotateError, Span, commands, open_document, save
from hitl_desktop.annotate.text_offsets import index_to_utf16, utf16_to_index
from hitl_desktop.workspace import Workspace
from tests.annotate.conftest import DATA, import_items

# A word from each text (Arabic with its article, Hindi with vowel signs, Japanese kanji).
WORDS = {"arb.txt": "بالكرامة", "hin.txt": "अधिकारों", "jpn.txt": "尊厳"}


@pytest.mark.parametrize("name", sorted(WORDS))
def test_a_labelled_word_reads_back_exactly_after_saving(
    workspace: Workspace, tmp_path: Path, name: str
) -> None:
    # stored decomposed (NFD) on disk: the workspace keeps NFC, and offsets index that
    src = tmp_path / name
    src.write_text(unicodedata.normalize("NFD", (DATA / "multilingual" / name).read_text("utf-8")),
                   encoding="utf-8")  # fmt: skip
    item = import_items(workspace, [src])[name]
    doc = open_document(workspace, item)
    assert doc.text is not None and unicodedata.is_normalized("NFC", doc.text)
    word = unicodedata.normalize("NFC", WORDS[name])
    start = doc.text.index(word)
    doc.push(commands.add_span(doc, start, start + len(word), "RIGHT"))
    overlap = commands.add_span(doc, start, start + 1, "FIRST-LETTER")  # overlapping spans
    doc.push(overlap)
    assert save(workspace, doc) is not None

    again = open_document(workspace, item)
    first, second = again.annotations
    assert again.span_text(first.id) == word and first.label == "RIGHT"
    assert again.span_text(second.id) == word[0]
    assert first.shape == Span(start, start + len(word))
    # the offset counts characters, not UTF-8 bytes of the text before the word
    assert len(doc.text[:start].encode("utf-8")) > start


def test_spans_outside_the_text_or_on_images_are_refused(workspace: Workspace, page_item: str,
                                                         tmp_path: Path) -> None:  # fmt: skip
    src = tmp_path / "jpn.txt"
    src.write_text((DATA / "multilingual" / "jpn.txt").read_text("utf-8"), encoding="utf-8")
    doc = open_document(workspace, import_items(workspace, [src])["jpn.txt"])
    assert doc.text is not None
    with pytest.raises(AnnotateError, match="runs past the end of the text"):
        commands.add_span(doc, len(doc.text) - 1, len(doc.text) + 1, "X")
    with pytest.raises(AnnotateError, match="not a text item"):
        commands.add_span(open_document(workspace, page_item), 0, 1, "X")


def test_utf16_offsets_from_a_text_widget_map_to_code_points() -> None:
    text = "𠮷野家で尊厳"  # the first character is outside the BMP: two UTF-16 units
    assert index_to_utf16(text, 1) == 2 and index_to_utf16(text, 6) == 7
    assert utf16_to_index(text, 2) == 1 and utf16_to_index(text, 7) == 6
    assert utf16_to_index(text, 1) == 0  # inside the surrogate pair: its character's start
    assert text[utf16_to_index(text, 5) : utf16_to_index(text, 7)] == "尊厳"
    with pytest.raises(ValueError, match="past the end"):
        utf16_to_index(text, 8)
