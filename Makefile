# Two commands for a fresh machine (see README.md):
#   make demo   set up, then validate, score and draw the bundled flagship theory
#   make test   set up, then lint, check the layering and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT := out
JOBS ?= 2
MUTANTS ?= 10
# The CI sample covers every target of scripts/mutation.py (10 mutants each, seed 15); survivors
# listed in scripts/mutation-equivalent.toml are counted apart (docs/mutation.md argues each).
CI_TARGETS ?=

.PHONY: setup demo test lint bench bench-stores bench-startup docs-images clean mutation mutation-ci coverage

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/install-system-deps.sh
	scripts/install-system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: setup
	$(BIN)/beleidstheorie validate intensiveringsaanpak
	$(BIN)/beleidstheorie score intensiveringsaanpak
	$(BIN)/beleidstheorie coverage intensiveringsaanpak
	mkdir -p $(OUT)
	$(BIN)/beleidstheorie score intensiveringsaanpak -o $(OUT)/scores.json
	$(BIN)/beleidstheorie render schema intensiveringsaanpak --evidence -o $(OUT)/schema.svg
	$(BIN)/beleidstheorie render samenhang intensiveringsaanpak -o $(OUT)/samenhang.svg
	$(BIN)/beleidstheorie interactive intensiveringsaanpak -o $(OUT)/intensiveringsaanpak.html
	@echo "Diagrams and the interactive graph are in $(OUT)/"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest -n $(JOBS)

# Mutation testing of the modules that decide results (docs/mutation.md): every mutant,
# then the fixed seeded sample CI runs (.ci/run) so the kill rate cannot silently fall.
mutation: setup
	$(BIN)/python scripts/mutation.py --report $(OUT)/mutation.md

mutation-ci: setup
	$(BIN)/python scripts/mutation.py $(foreach t,$(CI_TARGETS),--only $(t)) --sample $(MUTANTS) --seed 15 \
	  --min-rate 0.9 --report $(OUT)/mutation-ci.md

# Branch coverage of the whole suite (the README quotes it); HTML in out/coverage/.
coverage: setup
	$(BIN)/pytest -n $(JOBS) --cov=beleidstheorie --cov-branch --cov-report=term:skip-covered \
	  --cov-report=html:$(OUT)/coverage

# Every reading command on the flagship as a fresh process, cold and warm (README table).
bench-startup: setup
	$(BIN)/python benchmarks/bench_startup.py

bench: setup
	$(BIN)/python benchmarks/bench_scoring.py
	$(BIN)/python benchmarks/bench_inference.py

# Stores at 10^4-10^6 triples (starts oxigraph serve and Virtuoso on loopback; slow).
bench-stores: setup
	$(BIN)/python benchmarks/bench_stores.py 10000 100000 1000000
	$(BIN)/python benchmarks/bench_shacl.py

docs-images: setup
	$(BIN)/python scripts/make_docs_images.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache .hypothesis .coverage
