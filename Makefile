# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: site serve test test-fast lint check clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Build the site from the bundled corpus into site/.
site: $(STAMP)
	$(BIN)/papersite build

## Serve the site locally, regenerating on change.
serve: $(STAMP)
	$(BIN)/papersite serve

## Run the whole test suite (lint and types included), one process per core; tests of
## one xdist_group share a process (and what they cache).
test: $(STAMP) lint
	$(BIN)/python -m pytest -q -n auto --dist loadgroup

## The fast tier: everything but the tests that build whole sites or drive Chromium.
test-fast: $(STAMP) lint
	$(BIN)/python -m pytest -q -n auto --dist loadgroup -m "not slow and not browser"

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/mypy

check: $(STAMP)
	$(BIN)/papersite check

clean:
	rm -rf $(VENV) docs site
