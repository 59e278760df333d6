#!/usr/bin/env bash
# Remove the per-user install made by install.sh. Workspaces, settings and the device keys in
# your keyring stay: they are yours, not the app's (see README.txt to remove them too).
set -euo pipefail
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
DEST=${HITL_INSTALL_DIR:-$HOME/.local/opt/hitl-desktop}
rm -rf "$DEST"
[ -L "$HOME/.local/bin/hitl" ] && rm -f "$HOME/.local/bin/hitl"
rm -f "$DATA/applications/hitl-desktop.desktop" "$DATA/icons/hicolor/scalable/apps/hitl-desktop.svg"
echo "HITL Desktop removed from $DEST. Your workspaces were left where they are."
