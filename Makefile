# ChezFlora — `make run` serves the API with embedded defaults, `make test` is what CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test lint test-unit test-integration bench services-up install clean worker scheduler

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/chezflora migrate
	$(BIN)/chezflora seed
	$(BIN)/chezflora serve --host 127.0.0.1 --port 8000

worker: $(STAMP)
	$(BIN)/chezflora worker

scheduler: $(STAMP)
	$(BIN)/chezflora scheduler

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

test-unit: $(STAMP)
	$(BIN)/python -m pytest tests/unit

test-integration: $(STAMP)
	$(BIN)/python -m pytest tests/integration

test: lint
	$(BIN)/python -m pytest tests

bench: $(STAMP)
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	bash .ci/services-up
	$(BIN)/python -m bench $(BENCH_ARGS)

services-up:
	bash .ci/services-up

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache
