# The README's two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install install-test lint bench clean

demo: install
	$(BIN)/brief generate --month 2026-01

test: install-test
	$(BIN)/python -m pytest

install: $(BIN)/python
	bash scripts/system-deps.sh
	$(BIN)/pip install --quiet .

install-test: $(BIN)/python
	bash scripts/system-deps.sh test
	$(BIN)/pip install --quiet ".[test]"

lint: install-test
	$(BIN)/pip install --quiet ".[dev]"
	$(BIN)/ruff check reports charts tests

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

clean:
	rm -rf $(VENV) build dist *.egg-info
