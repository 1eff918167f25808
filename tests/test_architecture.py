"""The project's shape: Qt stays in ui/ (import-linter), every package is installed, docs name every command."""
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    kept = re.search(r"Contracts: (\d+) kept, 0 broken", result.stdout)
    # Qt in ui/, the layers (ops among them), SQLite in store/: at least these three.
    assert kept and int(kept.group(1)) >= 3, result.stdout


def test_the_app_holds_no_sql():
    # The import-linter contract keeps sqlite3 and sqlite_utils out of ui/; this keeps SQL text out too.
    words = ("SELECT ", "INSERT ", "UPDATE ", "DELETE FROM", ".execute(", ".query(", "db[")
    for path in (ROOT / "factcheck_app" / "ui").rglob("*.py"):
        text = path.read_text()
        for word in words:
            assert word not in text, f"{path.relative_to(ROOT)} holds {word!r}: reads belong in store/views.py"


def test_every_package_folder_is_listed_for_installation():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "factcheck_app").rglob("__init__.py")
    }
    assert on_disk <= listed, f"add to [tool.setuptools] packages: {sorted(on_disk - listed)}"


def test_core_has_no_io_or_qt_imports():
    for path in (ROOT / "factcheck_app" / "core").glob("*.py"):
        text = path.read_text()
        for banned in ("import sqlite3", "import PySide6", "from PySide6", "open("):
            assert banned not in text, f"{path.name} uses {banned!r}: core holds rules, not I/O"


def test_command_modules_do_not_import_the_parser():
    # parser.py imports every command module; a command module importing it back makes a cycle.
    for path in (ROOT / "factcheck_app" / "cli").glob("*.py"):
        if path.name in ("parser.py", "__init__.py"):
            continue
        assert "cli.parser" not in path.read_text(encoding="utf-8"), f"{path.name} imports cli.parser"


def test_no_sql_outside_the_store():
    # The import contract keeps sqlite3 out; this keeps SQL text out of the packages that hold a connection.
    sql = re.compile(r"SELECT\s.+\sFROM\s|INSERT (OR \w+ )?INTO|UPDATE \w+ SET|DELETE FROM|PRAGMA \w+|"
                     r"CREATE (TABLE|INDEX|TRIGGER|VIRTUAL)|ALTER TABLE|DROP (TABLE|INDEX)")
    for package in ("ops", "cli", "reports", "ingest", "extract", "core"):
        for path in (ROOT / "factcheck_app" / package).rglob("*.py"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                assert not sql.search(line), f"{path.relative_to(ROOT)}:{number} holds SQL: {line.strip()}"
