PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint format clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build examples/ -o output/

test: $(STAMP)
	$(BIN)/ruff check kg tests benchmarks scripts docs
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check kg tests benchmarks scripts docs
	$(BIN)/ruff format --check kg tests benchmarks scripts docs
	$(BIN)/mypy kg

format: $(STAMP)
	$(BIN)/ruff format kg tests benchmarks scripts docs

clean:
	rm -rf $(VENV) output/graph.ttl output/graph.html output/lib
