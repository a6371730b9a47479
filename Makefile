# The README's two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install install-test lint bench clean constraints

demo: install
	$(BIN)/brief generate --month 2026-01

test: install-test
	$(BIN)/python -m pytest

install: $(BIN)/python
	bash scripts/system-deps.sh
	$(BIN)/pip install --quiet --constraint constraints.txt .

install-test: $(BIN)/python
	bash scripts/system-deps.sh test
	$(BIN)/pip install --quiet --constraint constraints.txt ".[test]"

lint: install-test
	$(BIN)/pip install --quiet --constraint constraints.txt ".[dev]"
	$(BIN)/ruff check reports charts tests

# Every benchmark of benchmarks/RESULTS.md, each with its defaults (several minutes).
bench: install-test
	$(BIN)/pip install --quiet --constraint constraints.txt ".[bench]"
	for script in benchmarks/bench_*.py; do $(BIN)/python $$script || exit 1; done

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Pin what the tests passed with: run after changing dependencies, then commit constraints.txt.
constraints: install-test
	$(BIN)/pip install --quiet ".[bench,dev]"
	{ echo "# Versions brief is tested with; \`make constraints\` rewrites this file from the test venv."; \
	  $(BIN)/pip freeze --exclude-editable | grep -v -i -E '^(brief|pip|setuptools|wheel)=| @ '; } > constraints.txt

clean:
	rm -rf $(VENV) build dist *.egg-info
