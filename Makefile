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

## Run the whole test suite (lint and types included) in one process per core and one
## more (the browser tests wait on Chromium and its timers: on this shared 2-core machine
## three processes took 222-231 s, two 252-259 s, measured in turn); tests of one
## xdist_group share a process (and what they cache).
WORKERS := $(shell $(PYTHON) -c "import os; print((os.cpu_count() or 1) + 1)")
test: $(STAMP) lint
	$(BIN)/python -m pytest -q -n $(WORKERS) --dist loadgroup

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
