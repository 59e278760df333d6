"""Any Hugging Face pipeline from a local folder: text, token and zero-shot classification.

The folder's model and tokenizer are loaded with the classes ``transformers.pipeline`` picks
for the task (hub switched off, ``local_files_only``) and run by the pipeline itself, so
pre- and post-processing are what the model's authors tested. Token classification
uses ``aggregation_strategy="simple"``; its character offsets index the exact NFC string
that was fed in, which is the item's stored text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..lineage import Agent
from .base import Prediction, Span, choose_device, make_agent, offline
from .errors import LabelSetError, ModelError
from .labels import LabelSet
from .registry import ModelRecord, verify_files

PIPELINE_TASKS = ("text-classification", "token-classification", "zero-shot-classification")
_BIO = re.compile(r"^[BIESLU]-")


class PipelinePrelabeller:
    """Runs a registered ``transformers`` model through ``transformers.pipeline``."""

    modality = "text"

    def __init__(
        self, record: ModelRecord, *, label_set: LabelSet | None = None, device: str = "auto",
        batch_size: int = 16, hypothesis_template: str = "This example is {}.",
    ) -> None:  # fmt: skip
        if record.kind != "transformers" or record.task not in PIPELINE_TASKS:
            raise ModelError(
                f"{record.id} is a {record.kind} {record.task} model; pipelines run "
                f"{', '.join(PIPELINE_TASKS)} from Hugging Face folders"
            )
        offline()
        from transformers import AutoTokenizer, pipeline
        from transformers.pipelines import check_task

        path = verify_files(record)
        choice = choose_device(device)
        self.record, self.device, self.notice = record, choice.device, choice.notice
        self.batch_size = batch_size
        self.hypothesis_template = hypothesis_template
        self.label_set = label_set or record.label_set
        if record.task == "zero-shot-classification" and self.label_set is None:
            raise LabelSetError(f"zero-shot with {record.id} needs a label set (--labels FILE)")
        try:
            # The pipeline's own model class for the task, loaded strictly from the folder
            # (transformers 5 forwards pipeline(local_files_only=...) to the pipeline class,
            # which rejects it, so the pieces are loaded here and handed over).
            model_class = check_task(record.task)[1]["pt"][0]
            model = model_class.from_pretrained(
                path, local_files_only=True, trust_remote_code=False
            )
            tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
            self.pipe: Any = pipeline(  # type: ignore[call-overload]
                record.task, model=model, tokenizer=tokenizer, device=self.device
            )
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"cannot load {record.id} from {path}: {exc}") from None

    def agent(self) -> Agent:
        params: dict[str, Any] = {"pipeline": self.record.task, "batch_size": self.batch_size}
        if self.record.task == "token-classification":
            params["aggregation_strategy"] = "simple"
        if self.record.task == "zero-shot-classification":
            params["hypothesis_template"] = self.hypothesis_template
        if self.label_set is not None:
            params["label_set"] = self.label_set.ref
        return make_agent(self.record, self.device, **params)

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        texts = [unicodedata.normalize("NFC", t) for t in texts]
        if not texts:
            return []
        task = self.record.task
        if task == "text-classification":
            out = self.pipe(texts, top_k=None, truncation=True, batch_size=self.batch_size)
            return [self._classes(r) for r in out]
        if task == "token-classification":
            out = self.pipe(texts, aggregation_strategy="simple", batch_size=self.batch_size)
            return [self._spans(t, r) for t, r in zip(texts, out, strict=True)]
        assert self.label_set is not None
        prompts = [lb.prompt for lb in self.label_set.labels]
        by_prompt = dict(zip(prompts, self.label_set.names, strict=True))
        out = self.pipe(texts, candidate_labels=prompts, batch_size=self.batch_size,
                        hypothesis_template=self.hypothesis_template, multi_label=False)  # fmt: skip
        if isinstance(out, dict):
            out = [out]
        return [
            Prediction(
                labels=[
                    (by_prompt[lb], float(s))
                    for lb, s in zip(r["labels"], r["scores"], strict=True)
                ]
            )
            for r in out
        ]

    @staticmethod
    def _classes(result: list[dict[str, Any]] | dict[str, Any]) -> Prediction:
        rows = result if isinstance(result, list) else [result]
        names = [str(r["label"]) for r in rows]
        return Prediction.from_scores(names, np.array([float(r["score"]) for r in rows]))

    @staticmethod
    def _spans(text: str, entities: list[dict[str, Any]]) -> Prediction:
        spans = []
        for e in entities:
            start, end = e.get("start"), e.get("end")
            if start is None or end is None:
                raise ModelError(
                    "the tokenizer gives no character offsets; a fast tokenizer is needed"
                )
            start, end = int(start), int(end)
            if not 0 <= start < end <= len(text):
                continue  # an empty or out-of-range piece (special tokens); nothing to show
            label = _BIO.sub("", str(e.get("entity_group") or e.get("entity") or ""))
            spans.append(Span(start, end, label, float(e["score"])))
        return Prediction(spans=spans)
