#!/usr/bin/env bash
# Build the desktop app into dist/FactcheckDesk (called by `make package`).
# Uses the project's virtualenv, which needs the `[package]` extra (PyInstaller).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
# Low priority: the build takes minutes and the machine is shared.
exec nice -n 10 "$PYTHON" packaging/build.py "$@"
