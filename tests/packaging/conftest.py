"""Fixtures for the packaging tests: a staged install, and the spec run without PyInstaller.

In run_spec the spec's build steps become recorders.

PyInstaller runs a spec as Python with Analysis, PYZ, EXE, COLLECT and BUNDLE (and SPECPATH,
workpath) injected; here they record their arguments, so a test can read what the spec asks for.
"""
from __future__ import annotations

import shutil
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
SPEC = PACKAGING / "factcheck.spec"


@dataclass
class SpecRun:
    """What one run of the spec asked PyInstaller to do."""

    calls: dict[str, list[tuple[tuple, dict]]] = field(default_factory=dict)
    collected_data: list[str] = field(default_factory=list)
    copied_metadata: list[str] = field(default_factory=list)

    def only(self, step: str) -> tuple[tuple, dict]:
        """Return the (args, kwargs) of the single call to ``step``."""
        assert len(self.calls.get(step, [])) == 1, f"{step} called {len(self.calls.get(step, []))} times"
        return self.calls[step][0]


class _Recorded:
    def __init__(self, run: SpecRun, step: str, args: tuple, kwargs: dict):
        run.calls.setdefault(step, []).append((args, kwargs))
        self.args, self.kwargs = args, kwargs
        self.binaries, self.datas, self.pure, self.scripts = [], list(kwargs.get("datas", [])), [], []


def stage_like_pip(target: Path) -> Path:
    """Lay out ``target`` the way `pip install --target` does: the package, with resources/ inside it."""
    package = target / "factcheck_app"
    shutil.copytree(REPO / "factcheck_app", package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "resources", package / "resources", ignore=shutil.ignore_patterns("__pycache__"))
    return target


def run_spec(monkeypatch, stage: Path, workpath: Path, platform: str = "linux") -> SpecRun:
    """Execute the spec against ``stage`` as if on ``platform`` ("linux", "win32", "darwin")."""
    run = SpecRun()

    def step(name):
        return lambda *args, **kwargs: _Recorded(run, name, args, kwargs)

    def collect_data_files(package, **kwargs):
        run.collected_data.append(package)
        return [(f"/site-packages/{package}/data.txt", package)]

    def copy_metadata(name, recursive=False):
        run.copied_metadata.append(name)
        return [(f"/site-packages/{name}-1.0.dist-info", f"{name}-1.0.dist-info")]

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files, hooks.copy_metadata = collect_data_files, copy_metadata
    bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    bindepend.get_imports = lambda source: set()
    compat = types.ModuleType("PyInstaller.compat")
    compat.is_win, compat.is_darwin = platform == "win32", platform == "darwin"
    root = types.ModuleType("PyInstaller")
    root.compat = compat
    for name, module in {
        "PyInstaller": root, "PyInstaller.compat": compat, "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
        "PyInstaller.utils.hooks": hooks, "PyInstaller.depend": types.ModuleType("PyInstaller.depend"),
        "PyInstaller.depend.bindepend": bindepend,
    }.items():
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setenv("FACTCHECK_STAGE", str(stage))
    # The spec puts packaging/ and the stage on sys.path; undo that after the test.
    monkeypatch.setattr(sys, "path", list(sys.path))
    namespace = {
        "__file__": str(SPEC), "__name__": "__main__", "SPECPATH": str(PACKAGING), "workpath": str(workpath),
        "DISTPATH": str(workpath / "dist"),
        **{name: step(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")},
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return run


@pytest.fixture(scope="session")
def staged_install(tmp_path_factory):
    """A staged install laid out as `pip install --target` lays it out."""
    return stage_like_pip(tmp_path_factory.mktemp("stage"))


@pytest.fixture
def spec_run(monkeypatch, staged_install, tmp_path):
    """Return a function that runs the spec for a platform ("linux", "win32", "darwin") and returns a SpecRun."""
    return lambda platform="linux", stage=staged_install: run_spec(monkeypatch, stage, tmp_path, platform)
