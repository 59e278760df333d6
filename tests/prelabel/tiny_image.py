"""Tiny randomly initialised image models written to a folder, as a user's local model would be.

Both are saved with their image processor (``preprocessor_config.json``) and load offline
through ``transformers.pipeline``. With ``constant``, the heads ignore the pixels: the
classifier always favours one label and the detector puts every query on one known box, so a
test knows the outputs in advance.
"""

from __future__ import annotations

import math
from pathlib import Path


def tiny_vit_classifier(folder: Path, labels: list[str], *, constant: int | None = None) -> Path:
    """A 2-layer, 32-wide ViT image classifier on 32 x 32 inputs."""
    import torch
    from transformers import ViTConfig, ViTForImageClassification, ViTImageProcessor

    config = ViTConfig(
        image_size=32, patch_size=8, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, id2label=dict(enumerate(labels)),
        label2id={lb: i for i, lb in enumerate(labels)},
    )  # fmt: skip
    torch.manual_seed(0)
    model = ViTForImageClassification(config)
    if constant is not None:
        with torch.no_grad():
            model.classifier.weight.zero_()
            model.classifier.bias.copy_(
                torch.nn.functional.one_hot(torch.tensor(constant), len(labels)) * 5.0
            )
    model.save_pretrained(folder)
    ViTImageProcessor(size={"height": 32, "width": 32}).save_pretrained(folder)
    return folder


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def tiny_yolos_detector(
    folder: Path,
    labels: list[str],
    *,
    constant: int | None = None,
    box: tuple[float, float, float, float] = (0.5, 0.5, 0.5, 0.5),
) -> Path:
    """A 2-layer YOLOS detector (10 detection tokens) on images resized to 64-96 pixels.

    With ``constant``, every query predicts label ``constant`` with a score near 1 and the
    box ``box`` (centre x, centre y, width, height, as fractions of the image).
    """
    import torch
    from transformers import YolosConfig, YolosForObjectDetection, YolosImageProcessor

    config = YolosConfig(
        image_size=[64, 64], patch_size=16, hidden_size=32, num_hidden_layers=2,
        num_attention_heads=2, intermediate_size=64, num_detection_tokens=10,
        id2label=dict(enumerate(labels)), label2id={lb: i for i, lb in enumerate(labels)},
    )  # fmt: skip
    torch.manual_seed(0)
    model = YolosForObjectDetection(config)
    if constant is not None:
        with torch.no_grad():
            head = model.class_labels_classifier.layers[-1]  # labels + "no object"
            head.weight.zero_()
            head.bias.fill_(-10.0)
            head.bias[constant] = 10.0
            last = model.bbox_predictor.layers[-1]  # sigmoid of its output: cx, cy, w, h
            last.weight.zero_()
            last.bias.copy_(torch.tensor([_logit(v) for v in box]))
    model.save_pretrained(folder)
    YolosImageProcessor(size={"shortest_edge": 64, "longest_edge": 96}).save_pretrained(folder)
    return folder
