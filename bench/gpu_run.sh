#!/usr/bin/env bash
# GPU figures in one command, on a machine with an NVIDIA GPU and this repository:
#
#   bash bench/gpu_run.sh [--quick]
#
# 1. Checks for a GPU (nvidia-smi); without one it says so and stops (exit 1): nothing here
#    can be measured on CUDA.
# 2. Builds .venv-gpu once (the app with its pinned dependencies; on Linux, PyPI's torch wheel
#    of the pinned version carries CUDA) and swaps onnxruntime for onnxruntime-gpu, whose
#    CUDAExecutionProvider the OCR engines pick with --device cuda.
# 3. Runs bench/bench_ocr.py and bench/bench_embed.py with --device cuda and prints both
#    reports (each says which device it really ran on), saved under bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=()
[ "${1:-}" = "--quick" ] && QUICK=(--quick)

if ! command -v nvidia-smi >/dev/null 2>&1 || ! nvidia-smi -L >/dev/null 2>&1; then
  echo "No NVIDIA GPU found (nvidia-smi is missing or lists no device): no CUDA figures."
  echo "CPU figures: .venv/bin/python bench/bench_ocr.py; .venv/bin/python bench/bench_embed.py"
  exit 1
fi
echo "GPU: $(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader | head -1)"

PYTHON=${PYTHON:-python3.11}
VENV=.venv-gpu
if [ ! -f "$VENV/.installed" ]; then
  command -v "$PYTHON" >/dev/null || { echo "Python 3.11 is needed ($PYTHON not found); set PYTHON=..."; exit 1; }
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --upgrade pip
  "$VENV/bin/pip" install --quiet -c constraints.txt -e .
  # the GPU build of onnxruntime replaces the CPU one (both provide the onnxruntime module)
  "$VENV/bin/pip" uninstall --quiet -y onnxruntime
  "$VENV/bin/pip" install --quiet --force-reinstall --no-deps onnxruntime-gpu
  "$VENV/bin/pip" install --quiet onnxruntime-gpu  # its own dependencies
  touch "$VENV/.installed"
fi
"$VENV/bin/python" - <<'PY'
import onnxruntime, torch
providers = onnxruntime.get_available_providers()
print(f"onnxruntime {onnxruntime.__version__}: {', '.join(providers)}")
print(f"torch {torch.__version__}: CUDA {'available' if torch.cuda.is_available() else 'NOT available'}")
if "CUDAExecutionProvider" not in providers:
    print("warning: onnxruntime has no CUDA provider here (CUDA/cuDNN libraries missing?); "
          "OCR will say it fell back to the CPU")
PY

mkdir -p bench/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
# PaddleOCR's pipeline runs from .venv-paddle when it exists (bash bench/setup_paddle.sh)
"$VENV/bin/python" bench/bench_ocr.py --device cuda "${QUICK[@]}" | tee "bench/results/ocr-cuda-$STAMP.txt"
echo
"$VENV/bin/python" bench/bench_embed.py --device cuda "${QUICK[@]}" | tee "bench/results/embed-cuda-$STAMP.txt"
