"""Choosing where inference runs: the GPU when one is usable, else the CPU, always said aloud."""

from __future__ import annotations

from dataclasses import dataclass

DEVICES = ("auto", "cpu", "cuda")


@dataclass(frozen=True)
class DeviceChoice:
    device: str  # "cpu" or "cuda"
    notice: str = ""  # shown to the user when the request could not be met


def onnxruntime_providers() -> list[str]:
    try:
        import onnxruntime
    except ImportError:
        return []
    return list(onnxruntime.get_available_providers())


def torch_cuda_available() -> bool:
    try:
        import torch
    except ImportError:
        return False
    return bool(torch.cuda.is_available())


def choose_onnx_device(requested: str) -> DeviceChoice:
    """CUDA through onnxruntime's CUDA execution provider (onnxruntime-gpu), else CPU."""
    if requested not in DEVICES:
        raise ValueError(f"unknown device {requested!r}; choose one of {', '.join(DEVICES)}")
    has_cuda = "CUDAExecutionProvider" in onnxruntime_providers()
    if requested == "cpu":
        return DeviceChoice("cpu")
    if has_cuda:
        return DeviceChoice("cuda")
    if requested == "cuda":
        return DeviceChoice(
            "cpu",
            "CUDA was requested but onnxruntime has no CUDA provider here (install onnxruntime-gpu "
            "with a matching CUDA runtime); running on the CPU.",
        )
    return DeviceChoice("cpu", "No usable GPU found; running on the CPU.")
