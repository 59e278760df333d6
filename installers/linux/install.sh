#!/usr/bin/env bash
# Per-user install (no root): the app under ~/.local/opt/hitl-desktop, `hitl` on the PATH
# (~/.local/bin), a menu entry and its icon. Run it again to update. Workspaces are not touched.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
DEST=${HITL_INSTALL_DIR:-$HOME/.local/opt/hitl-desktop}
BIN=$HOME/.local/bin
rm -rf "$DEST"
mkdir -p "$DEST" "$BIN" "$DATA/applications" "$DATA/icons/hicolor/scalable/apps"
cp -a "$HERE/app/." "$DEST/"
cp "$HERE/VERSION" "$DEST/VERSION"
ln -sf "$DEST/hitl" "$BIN/hitl"
cp "$HERE/hitl-desktop.svg" "$DATA/icons/hicolor/scalable/apps/hitl-desktop.svg"
sed "s|@APPDIR@|$DEST|g" "$HERE/hitl-desktop.desktop" > "$DATA/applications/hitl-desktop.desktop"
if command -v update-desktop-database >/dev/null; then
  update-desktop-database -q "$DATA/applications" || true  # a stale menu cache is not fatal
fi
echo "Installed HITL Desktop $(cut -d' ' -f1 "$HERE/VERSION") in $DEST"
echo "Start it from the menu, or run: hitl   (check the install: hitl --self-test)"
case ":$PATH:" in *":$BIN:"*) ;; *) echo "Note: add $BIN to your PATH to run 'hitl' from a terminal." ;; esac
