# Two commands do all set-up: `make run` (the GUI on the built-in sample) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test stress bench lint package package-deps package-test clean

# The pip the venv brings, not upgraded: the install must work as the README's path does it.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	QT_QPA_PLATFORM= $(BIN)/factcheck gui --sample

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

stress: $(STAMP)
	QT_QPA_PLATFORM=offscreen FACTCHECK_HYPOTHESIS_PROFILE=stress $(BIN)/python -m pytest -q -m stress

lint: $(STAMP)
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python -m benchmarks.store_bench
	$(BIN)/python -m benchmarks.documents_bench
	$(BIN)/python -m benchmarks.extract_bench
	$(BIN)/python -m benchmarks.report_bench
	$(BIN)/python -m benchmarks.exchange_bench
	$(BIN)/python -m benchmarks.match_bench
	$(BIN)/python -m benchmarks.gui_bench
	$(BIN)/python -m benchmarks.article_bench $(if $(ARTICLE_BENCH_DATA),--data $(ARTICLE_BENCH_DATA))
	$(BIN)/python -m benchmarks.import_bench
	@if [ -d dist/FactcheckDesk ]; then $(BIN)/python -m benchmarks.startup_bench; \
	else echo "startup_bench: no bundle yet (make package), skipped"; fi

# Debian packages the bundle build needs: Qt's X11 plugin links against the xcb libraries
# (PyInstaller copies them), icons render with rsvg-convert, and the .desktop entry and
# AppStream metainfo are validated. Installed only where apt-get runs as root; listed otherwise.
PACKAGE_DEBS := libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 librsvg2-bin desktop-file-utils appstream
package-deps:
	@if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		dpkg -s $(PACKAGE_DEBS) >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq $(PACKAGE_DEBS); }; \
	else echo "make package needs these (or your platform's equivalents): $(PACKAGE_DEBS)"; fi

# The desktop app as a one-folder bundle in dist/FactcheckDesk (PyInstaller, the [package] extra).
package: package-deps $(STAMP)
	$(BIN)/python -c 'import PyInstaller' 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[test,package]'
	PYTHON=$(BIN)/python bash packaging/build.sh

# Build the bundle, then run it from a copy outside the repo with an empty environment.
package-test: package
	FACTCHECK_PACKAGE_TEST=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/packaging

clean:
	rm -rf $(VENV) build dist *.egg-info
