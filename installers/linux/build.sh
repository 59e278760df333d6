#!/usr/bin/env bash
# Build the Linux bundle: dist/hitl-desktop-<version>[-full]-linux-<arch>.tar.gz
# VARIANT=core (default: no torch/transformers), full, or gpu (installers/README.md). PY: the Python with the app and
# PyInstaller installed (default: the checkout's .venv). Prints the tarball's path last.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PY=${PY:-$ROOT/.venv/bin/python}
VARIANT=${VARIANT:-core}
case "$VARIANT" in core) suffix="" ;; full) suffix="-full" ;; gpu) suffix="-gpu" ;;
  *) echo "VARIANT must be core, full or gpu, not '$VARIANT'" >&2; exit 2 ;; esac
"$PY" -c "import PyInstaller" 2>/dev/null || {
  echo "PyInstaller is not installed in $PY; run: make install (it is in the dev extra)" >&2; exit 2; }
if [ "$VARIANT" = gpu ]; then
  "$PY" -c "import onnxruntime as o, sys; sys.exit('CUDAExecutionProvider' not in o.get_available_providers())" || {
    echo "VARIANT=gpu needs onnxruntime-gpu (and a CUDA torch) in $PY; see installers/README.md" >&2; exit 2; }
fi
VERSION=$("$PY" installers/version.py)
NAME="hitl-desktop-$VERSION$suffix-linux-$(uname -m)"
WORK="build/pyinstaller/$VARIANT"

HITL_VARIANT="$VARIANT" "$PY" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$WORK/dist" --workpath "$WORK/work" installers/hitl.spec

STAGE="build/stage/$NAME"
rm -rf "$STAGE"
mkdir -p "$STAGE" dist
cp -a "$WORK/dist/hitl-desktop" "$STAGE/app"
cp resources/icons/hitl-desktop.svg "$STAGE/"
cp installers/linux/hitl-desktop.desktop installers/linux/install.sh \
  installers/linux/uninstall.sh installers/linux/README.txt "$STAGE/"
chmod +x "$STAGE/install.sh" "$STAGE/uninstall.sh"
echo "$VERSION $VARIANT" > "$STAGE/VERSION"
tar -C build/stage -czf "dist/$NAME.tar.gz" "$NAME"
echo "bundle: $(du -sh "$STAGE/app" | cut -f1) unpacked, $(du -h "dist/$NAME.tar.gz" | cut -f1) packed"
echo "dist/$NAME.tar.gz"
