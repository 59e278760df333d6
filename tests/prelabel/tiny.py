"""A tiny randomly initialised BERT written to a folder, as a user's local model would be."""

from __future__ import annotations

import json
from pathlib import Path

WORDS = [
    "zoe",
    "wohnt",
    "in",
    "zurich",
    "und",
    "isst",
    "creme",
    "brulee",
    "mit",
    "francois",
    "hello",
    "world",
    "free",
    "prize",
    "call",
    "now",
    "win",
    "text",
    "stop",
    "cash",
    "claim",
    "ok",
    "see",
    "you",
    "later",
    "the",
    "a",
    "to",
]
VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS, "##s", ".", ",", "!"]


def tiny_bert(
    folder: Path, task: str, labels: list[str], *, seed: int = 0, constant: int | None = None
) -> Path:
    """Save a 2-layer, 32-wide BERT for ``task`` and its tokenizer into ``folder``.

    With ``constant``, the classifier ignores its input and always favours that label index,
    so outputs are known in advance (every token its own B- entity, say).
    """
    import torch
    from transformers import (
        BertConfig,
        BertForSequenceClassification,
        BertForTokenClassification,
        BertModel,
        BertTokenizerFast,
    )

    folder.mkdir(parents=True, exist_ok=True)
    vocab = folder / "vocab.txt"
    vocab.write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(vocab), do_lower_case=True)
    config = BertConfig(
        vocab_size=len(VOCAB), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=128,
        id2label=dict(enumerate(labels)), label2id={lb: i for i, lb in enumerate(labels)},
    )  # fmt: skip
    torch.manual_seed(seed)
    cls = {"token-classification": BertForTokenClassification,
           "sentence-embedding": BertModel}.get(task, BertForSequenceClassification)  # fmt: skip
    model = cls(config)
    if task == "sentence-embedding":  # the sentence-transformers layout: modules + pooling
        (folder / "modules.json").write_text(json.dumps([
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        ]))  # fmt: skip
        (folder / "1_Pooling").mkdir(exist_ok=True)
        (folder / "1_Pooling" / "config.json").write_text(
            json.dumps({"word_embedding_dimension": 32, "pooling_mode_mean_tokens": True})
        )
    if constant is not None:
        with torch.no_grad():
            model.classifier.weight.zero_()
            model.classifier.bias.copy_(
                torch.nn.functional.one_hot(torch.tensor(constant), len(labels)) * 5.0
            )
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder
