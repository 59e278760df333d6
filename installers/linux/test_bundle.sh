#!/usr/bin/env bash
# Unpack the Linux tarball into a temp folder and run the bundled `hitl --self-test` there, with
# an empty environment (no venv, no PYTHONPATH), HOME in the temp folder and the checkout out of
# reach: proves the bundle needs neither Python nor the source tree.
# Usage: installers/linux/test_bundle.sh [TARBALL]   (default: this version's VARIANT tarball)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VARIANT=${VARIANT:-core}
suffix=""; [ "$VARIANT" != core ] && suffix="-$VARIANT"
if [ $# -ge 1 ]; then
  TARBALL=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
else
  PY=${PY:-$ROOT/.venv/bin/python}; [ -x "$PY" ] || PY=python3
  VERSION=$(cd "$ROOT" && "$PY" installers/version.py)
  TARBALL="$ROOT/dist/hitl-desktop-$VERSION$suffix-linux-$(uname -m).tar.gz"
fi
[ -f "$TARBALL" ] || { echo "no bundle at $TARBALL; run: make installer" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
tar -C "$TMP" -xzf "$TARBALL"
APP=$(find "$TMP" -mindepth 2 -maxdepth 2 -type d -name app)
mkdir -p "$TMP/home"
cd "$TMP"
run() { env -i HOME="$TMP/home" PATH=/usr/bin:/bin LANG=C.UTF-8 TMPDIR="$TMP" "$@"; }
run "$APP/hitl" --self-test
# the central store too: its schema comes from alembic migrations the bundle must carry
echo "bundle-test-password" | run "$APP/hitl" server init --data "$TMP/store" --admin ana --password-stdin
run "$APP/hitl" server migrate --data "$TMP/store" | grep -q "already at"
echo "central store: created and at the latest schema revision"
