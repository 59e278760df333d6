#!/usr/bin/env bash
# Build .venv-paddle: PaddleOCR 3.x beside the app, in its own environment, because paddleocr
# pulls opencv-contrib-python, whose Qt plugins clash with the app's PySide6.
#
#   bash bench/setup_paddle.sh            # paddleocr + onnxruntime (engine="onnxruntime")
#   PADDLE=1 bash bench/setup_paddle.sh   # also paddlepaddle (Paddle's own inference engine)
#
# The app is installed into it without its dependencies (no PySide6, torch or rapidocr), plus
# the few it needs to import hitl_desktop.ocr, so bench/bench_ocr.py can run the PaddleOCR
# engine there in a worker process. Models are never downloaded: see hitl_desktop/ocr/paddle.py.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
VENV=${VENV:-.venv-paddle}
command -v "$PYTHON" >/dev/null || { echo "Python 3.11 is needed ($PYTHON not found); set PYTHON=..."; exit 1; }
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install --quiet --upgrade pip
ORT=$(grep -i '^onnxruntime==' constraints.txt || echo onnxruntime)
"$VENV/bin/pip" install --quiet "paddleocr>=3.4,<4" "$ORT" pyyaml keyring orjson platformdirs pytest
if [ "${PADDLE:-0}" = 1 ]; then "$VENV/bin/pip" install --quiet paddlepaddle; fi
# rapidocr's wheel only for the PP-OCRv6 ONNX files it ships (the models both engines run)
RAPID=$(grep -i '^rapidocr==' constraints.txt || echo rapidocr)
"$VENV/bin/pip" install --quiet --no-deps -e . "$RAPID"
"$VENV/bin/python" - <<'PY'
import importlib.metadata as m
print("PaddleOCR environment ready:", ", ".join(
    f"{p} {m.version(p)}" for p in ("paddleocr", "paddlex", "onnxruntime")))
PY
