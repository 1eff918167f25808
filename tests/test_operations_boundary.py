"""Every change goes through ops/: the command line (and the app) never call a store write function directly.

The store's write functions are found from the code itself: a public function in
factcheck_app/store/ that opens a write transaction, or inserts, updates or deletes rows.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "factcheck_app"
WRITE_METHODS = {"insert", "insert_all", "update", "upsert", "upsert_all", "delete", "delete_where"}
WRITE_SQL = ("INSERT", "UPDATE", "DELETE", "REPLACE")
# Writes to the library file as a whole rather than to its rows: backups, restores, the sample, checks.
FILE_LEVEL = {"backup", "restore", "daily_backup", "library", "bulk", "schema", "transaction", "info"}


def _writes(fn: ast.FunctionDef) -> bool:
    for node in ast.walk(fn):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "write":
            return True
        if isinstance(func, ast.Attribute) and func.attr in WRITE_METHODS:
            return True
        if isinstance(func, ast.Attribute) and func.attr in ("execute", "executemany") and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if first.value.lstrip().upper().startswith(WRITE_SQL):
                    return True
    return False


def store_write_functions() -> dict[str, set[str]]:
    """Return {store module name: names of its public functions that write rows}."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "store").glob("*.py")):
        if path.stem in FILE_LEVEL or path.stem.startswith("_"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.name for n in tree.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_") and _writes(n)}
        if names:
            found[path.stem] = names
    return found


def direct_calls(package: str, writers: dict[str, set[str]]) -> list[str]:
    """Return 'file:line name' for every use of a store write function in ``package``."""
    problems = []
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "factcheck_app.store":
                    for a in node.names:
                        aliases[a.asname or a.name] = a.name
                elif node.module.startswith("factcheck_app.store."):
                    module = node.module.rsplit(".", 1)[1]
                    for a in node.names:
                        if a.name in writers.get(module, ()):
                            problems.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {module}.{a.name}")
            elif isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.startswith("factcheck_app.store.") and a.asname:
                        aliases[a.asname] = a.name.rsplit(".", 1)[1]
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                module = aliases.get(node.value.id)
                if module and node.attr in writers.get(module, ()):
                    problems.append(f"{path.relative_to(ROOT)}:{node.lineno} calls {module}.{node.attr}")
    return problems


def test_the_store_write_functions_are_found():
    writers = store_write_functions()
    # A few that must be among them, so the detector cannot silently find nothing.
    assert {"add_evidence", "remove_evidence"} <= writers["evidence"]
    assert {"put_verdict", "record_change"} <= writers["verdicts"]
    assert {"add_source", "delete_source"} <= writers["sources"]


@pytest.mark.parametrize("package", ["cli", "ui"])
def test_no_direct_store_writes_from(package):
    problems = direct_calls(package, store_write_functions())
    assert problems == [], "go through factcheck_app.ops instead:\n" + "\n".join(problems)
