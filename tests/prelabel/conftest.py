"""Fixtures for pre-labelling: tiny local models, label sets, and an SMS subset."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest

from tests.prelabel.tiny import tiny_bert

os.environ["HF_HUB_OFFLINE"] = "1"
DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
SMS = DATA / "textcls" / "sms_spam_2000.tsv"
SMS_LABELS = {
    "name": "sms",
    "version": 1,
    "labels": [
        {"name": "ham", "description": "a normal personal message"},
        {"name": "spam", "description": "unsolicited advertising, prizes, premium numbers"},
    ],
}
NER_LABELS = {"name": "ner", "version": 1, "labels": [{"name": "PLACE"}, {"name": "PERSON"}]}


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def tiny_cls(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny BERT text classifier with labels ham/spam."""
    return tiny_bert(
        tmp_path_factory.mktemp("models") / "tiny-sms", "text-classification", ["ham", "spam"]
    )


@pytest.fixture(scope="session")
def tiny_ner(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny BERT tagger that calls every token the start of a PLACE."""
    labels = ["O", "B-PLACE", "I-PLACE", "B-PERSON", "I-PERSON"]
    return tiny_bert(tmp_path_factory.mktemp("models") / "tiny-ner", "token-classification", labels,
                     constant=1)  # fmt: skip


def sms_subset(path: Path, n: int) -> Path:
    """The first ``n`` SMS with distinct texts (exact duplicates dropped), as a TSV."""
    header, *lines = SMS.read_text(encoding="utf-8").splitlines()
    seen: set[str] = set()
    kept = []
    for line in lines:
        text = unicodedata.normalize("NFC", line.split("\t", 1)[1])
        if text not in seen:
            seen.add(text)
            kept.append(line)
    path.write_text("\n".join([header, *kept[:n]]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def tiny_embedder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny BERT laid out as a sentence-transformers folder (modules.json, 1_Pooling)."""
    return tiny_bert(tmp_path_factory.mktemp("models") / "tiny-emb", "sentence-embedding", [])
