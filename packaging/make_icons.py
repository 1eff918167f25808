"""Render the application icon from its SVG: hicolor PNGs, a Windows .ico and a macOS .icns.

Run after editing the SVG:  .venv/bin/python packaging/make_icons.py
The outputs are committed, so building the app never needs an SVG renderer.
rsvg-convert (Debian: librsvg2-bin) is used when present, else Qt's QSvgRenderer.
"""
from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from app_metadata import read_app_metadata  # noqa: E402

ICON_DIR = REPO / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns element types that hold PNG data, by pixel size (Apple's "icns" format).
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def svg_path(app_id: str) -> Path:
    """Return the source SVG of the icon."""
    return ICON_DIR / "hicolor" / "scalable" / "apps" / f"{app_id}.svg"


def png_path(app_id: str, size: int) -> Path:
    """Return where the PNG of ``size`` pixels lives (freedesktop hicolor layout)."""
    return ICON_DIR / "hicolor" / f"{size}x{size}" / "apps" / f"{app_id}.png"


def render_png(svg: Path, size: int) -> bytes:
    """Return the SVG rendered as a ``size`` x ``size`` PNG."""
    if shutil.which("rsvg-convert"):
        return subprocess.run(
            ["rsvg-convert", "-w", str(size), "-h", str(size), str(svg)], check=True, capture_output=True
        ).stdout
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """Return a Windows .ico holding the given PNGs (PNG entries are valid since Windows Vista)."""
    sizes = [s for s in ICO_SIZES if s in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        # A width/height byte of 0 means 256.
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """Return a macOS .icns holding the given PNGs."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for size, kind in ICNS_TYPES.items() if size in pngs
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    """Write every PNG size, the .ico and the .icns next to the SVG; return 0."""
    app_id = read_app_metadata(REPO)["app_id"]
    svg = svg_path(app_id)
    pngs = {}
    for size in PNG_SIZES:
        pngs[size] = render_png(svg, size)
        target = png_path(app_id, size)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    (ICON_DIR / f"{app_id}.ico").write_bytes(ico_bytes(pngs))
    (ICON_DIR / f"{app_id}.icns").write_bytes(icns_bytes(pngs))
    print(f"wrote {len(pngs)} PNGs, {app_id}.ico and {app_id}.icns under {ICON_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
