#!/usr/bin/env bash
# Install (or with --uninstall, remove) this Factcheck Desk bundle for one user, or system-wide
# with PREFIX=/usr/local (as root). Run it from the unpacked FactcheckDesk folder.
set -euo pipefail

APP_ID=org.factcheckdesk.FactcheckDesk
PREFIX=${PREFIX:-$HOME/.local}
BUNDLE=$(cd "$(dirname "$0")" && pwd)
TARGET=$PREFIX/lib/factcheck-desk

remove() {
    rm -rf "$TARGET"
    rm -f "$PREFIX/bin/factcheck" "$PREFIX/share/applications/$APP_ID.desktop" \
          "$PREFIX/share/metainfo/$APP_ID.metainfo.xml"
    find "$PREFIX/share/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
}

refresh() {
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    remove
    refresh
    echo "Removed Factcheck Desk from $PREFIX"
    exit 0
fi

[ -x "$BUNDLE/FactcheckDesk" ] || { echo "install.sh: run me from the unpacked FactcheckDesk folder" >&2; exit 2; }
if [ "$BUNDLE" != "$TARGET" ]; then
    rm -rf "$TARGET"
    mkdir -p "$(dirname "$TARGET")"
    cp -a "$BUNDLE" "$TARGET"
fi
mkdir -p "$PREFIX/bin" "$PREFIX/share/applications" "$PREFIX/share/metainfo"
ln -sf "$TARGET/FactcheckDesk" "$PREFIX/bin/factcheck"
# The launcher must not depend on PATH: a desktop session may not include ~/.local/bin.
sed -e "s|^Exec=factcheck |Exec=$PREFIX/bin/factcheck |" -e "s|^TryExec=factcheck$|TryExec=$PREFIX/bin/factcheck|" \
    "$BUNDLE/share/applications/$APP_ID.desktop" > "$PREFIX/share/applications/$APP_ID.desktop"
cp "$BUNDLE/share/metainfo/$APP_ID.metainfo.xml" "$PREFIX/share/metainfo/"
cp -r "$BUNDLE/share/icons" "$PREFIX/share/"
refresh
echo "Installed Factcheck Desk in $TARGET; start it from the menu or with $PREFIX/bin/factcheck"
