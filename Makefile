# Two commands do all set-up: `make run` (the GUI on the built-in sample) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test stress bench lint package package-test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	QT_QPA_PLATFORM= $(BIN)/factcheck gui --sample

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

stress: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m stress

lint: $(STAMP)
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python -m benchmarks.store_bench
	$(BIN)/python -m benchmarks.extract_bench

clean:
	rm -rf $(VENV) build dist *.egg-info
