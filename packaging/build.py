"""Build the one-folder app into dist/FactcheckDesk (dist/Factcheck Desk.app as well on macOS).

Steps: install the project, without dependencies, into build/stage (the layout `pip install .`
gives, with resources/ as factcheck_app/resources); run PyInstaller on packaging/factcheck.spec;
on Linux add the desktop entry, metainfo, icons and install.sh under the bundle's share/.
Run it with the virtualenv's Python that has the `[package]` extra: packaging/build.sh does.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
REPO = PACKAGING.parent
sys.path.insert(0, str(PACKAGING))

from app_metadata import read_app_metadata  # noqa: E402
import bundle_rules  # noqa: E402

STAGE = REPO / "build" / "stage"
WORK = REPO / "build" / "pyinstaller"
DIST = REPO / "dist"


def stage_install() -> None:
    """Install the project (not its dependencies) into STAGE, replacing what was there."""
    shutil.rmtree(STAGE, ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-compile", "--target", str(STAGE),
         str(REPO)],
        check=True,
    )


def packages_missing_from(stage: Path) -> list[str]:
    """Return the packages of the source tree that the staged install lacks (not listed in pyproject.toml)."""
    return sorted(
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "factcheck_app").rglob("__init__.py")
        if not (stage / init.relative_to(REPO)).is_file()
    )


def run_pyinstaller() -> None:
    """Run PyInstaller on the spec, writing the bundle under DIST."""
    env = dict(os.environ, FACTCHECK_STAGE=str(STAGE))
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(WORK), str(PACKAGING / "factcheck.spec")],
        check=True,
        env=env,
        cwd=REPO,
    )


def add_linux_integration(bundle: Path, app_id: str) -> None:
    """Put the .desktop entry, AppStream metainfo, hicolor icons and install.sh into the bundle."""
    share = bundle / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(PACKAGING / "linux" / f"{app_id}.desktop", share / "applications")
    shutil.copy2(PACKAGING / "linux" / f"{app_id}.metainfo.xml", share / "metainfo")
    shutil.copytree(REPO / "resources" / "icons" / "hicolor", share / "icons" / "hicolor", dirs_exist_ok=True)
    shutil.copy2(PACKAGING / "linux" / "install.sh", bundle / "install.sh")


def folder_size(path: Path) -> int:
    """Return the bytes of every file under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    """Build the bundle; print where it is and how big; return 0."""
    meta = read_app_metadata(REPO)
    print(f"Building {meta['name']} {meta['version']} ({meta['app_id']})", flush=True)
    stage_install()
    missing = packages_missing_from(STAGE)
    if missing:
        print(f"`pip install .` leaves out {', '.join(missing)}: add them to [tool.setuptools] packages "
              "in pyproject.toml", file=sys.stderr)
        return 1
    run_pyinstaller()
    bundle = DIST / meta["exe_name"]
    dangling = bundle_rules.dangling_links(bundle)
    if dangling:
        # A copy made with links followed (cp -L, zip tools, installers) fails on a dangling link.
        print("the bundle holds links to nothing: " + ", ".join(str(p.relative_to(bundle)) for p in dangling),
              file=sys.stderr)
        return 1
    if sys.platform.startswith("linux"):
        add_linux_integration(bundle, meta["app_id"])
    print(f"{bundle}: {folder_size(bundle) / 2**20:.0f} MiB")
    app = DIST / f"{meta['name']}.app"
    if sys.platform == "darwin" and app.is_dir():
        print(f"{app}: the macOS application bundle ({meta['app_id']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
