#!/usr/bin/env bash
# Build "HITL Desktop.app" (PyInstaller BUNDLE, see installers/hitl.spec), run its self-test,
# then pack dist/hitl-desktop-<version>[-full]-macos-<arch>.dmg with hdiutil. Run on macOS, on
# the architecture you ship (arm64 or x86_64): PyInstaller does not cross-build.
# VARIANT=core|full; PY: the Python with the app and PyInstaller (default .venv/bin/python);
# CODESIGN_IDENTITY: sign the .app (ad hoc "-" signing is PyInstaller's default otherwise).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
if [ "$(uname -s)" != Darwin ]; then
  echo "installers/macos/build.sh runs on macOS (it needs hdiutil); on Linux use installers/linux/build.sh" >&2
  exit 2
fi
PY=${PY:-$ROOT/.venv/bin/python}
VARIANT=${VARIANT:-core}
case "$VARIANT" in core) suffix="" ;; full) suffix="-full" ;;
  *) echo "VARIANT must be core or full, not '$VARIANT'" >&2; exit 2 ;; esac
VERSION=$("$PY" installers/version.py)
WORK="build/pyinstaller/$VARIANT"

"$PY" installers/make_icons.py
HITL_VARIANT="$VARIANT" "$PY" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$WORK/dist" --workpath "$WORK/work" installers/hitl.spec
APP="$WORK/dist/HITL Desktop.app"
"$APP/Contents/MacOS/hitl" --self-test
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --sign "$CODESIGN_IDENTITY" "$APP"
fi

STAGE="build/dmg/$VARIANT"
rm -rf "$STAGE"
mkdir -p "$STAGE" dist
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG="dist/hitl-desktop-$VERSION$suffix-macos-$(uname -m).dmg"
hdiutil create -volname "HITL Desktop $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
echo "$DMG"
