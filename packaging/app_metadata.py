"""The app's name, version and reverse-DNS id, read from factcheck_app/__init__.py without importing it.

Every packaging file takes these from here (spec, icons, build script), so the package stays
the one place that says what the app is called and which version it is.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

FIELDS = {"APP_NAME": "name", "__version__": "version", "APP_ID": "app_id"}


def read_app_metadata(repo: Path) -> dict[str, str]:
    """Return {"name", "version", "app_id", "exe_name"} from the package's ``__init__.py`` under ``repo``."""
    init = Path(repo) / "factcheck_app" / "__init__.py"
    found: dict[str, str] = {}
    for node in ast.parse(init.read_text(encoding="utf-8"), filename=str(init)).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            key = FIELDS.get(node.targets[0].id)
            if key and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                found[key] = node.value.value
    missing = sorted(set(FIELDS.values()) - set(found))
    if missing:
        raise ValueError(f"{init} does not define {', '.join(missing)} as string constants")
    # The executable and bundle folder: the display name without spaces ("Factcheck Desk" -> FactcheckDesk).
    found["exe_name"] = "".join(found["name"].split())
    return found


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Return ``version``'s leading numbers padded to four, as Windows version resources need."""
    numbers = []
    for part in version.split("."):
        # "3rc1" counts as 3: a pre-release keeps the number of the release it leads to.
        digits = re.match(r"\d+", part)
        if digits is None:
            break
        numbers.append(min(int(digits.group()), 65535))
    return tuple((numbers + [0, 0, 0, 0])[:4])


def windows_version_info(meta: dict[str, str]) -> str:
    """Return a PyInstaller version-resource file (VSVersionInfo) naming the app, its version and id."""
    numbers = version_tuple(meta["version"])
    strings = {
        "CompanyName": "The Factcheck Desk team",
        "FileDescription": meta["name"],
        "FileVersion": meta["version"],
        "InternalName": meta["app_id"],
        "OriginalFilename": f"{meta['exe_name']}.exe",
        "ProductName": meta["name"],
        "ProductVersion": meta["version"],
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,\n"
        "                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([\n"
        "      StringTable('040904B0', [\n"
        f"          {table}])]),\n"
        "    VarFileInfo([VarStruct('Translation', [1033, 1200])])\n"
        "  ]\n"
        ")\n"
    )
