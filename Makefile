# Two commands on a fresh clone:  `make site`  (build the demo portal)  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test test-fast lint check install export clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

install: $(STAMP)

## Validate the content and build the demo portal into site/ (mkdocs build --strict).
site: $(STAMP)
	$(PY) -m generator check
	$(PY) -m generator build

## Preview at http://127.0.0.1:8000 with live reload (also on content/ and quizzes/ changes).
serve: $(STAMP)
	$(PY) -m generator serve

## Validate only (fast).
check: $(STAMP)
	$(PY) -m generator check

# Test-only npm tools of the quality gates (axe-core, vnu-jar), exactly as package-lock.json pins
# them. npm writes node_modules/.package-lock.json, so this reruns when the lockfile is newer.
# --ignore-scripts: vnu-jar's postinstall would download a JDK when `java` is missing; Java
# comes from the system (apt-get install default-jre-headless).
NODE_STAMP := node_modules/.package-lock.json
$(NODE_STAMP): package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the quality gates: apt-get install nodejs npm" >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund

## Lint and type-check (no reformatting): ruff's rules and mypy's settings are in pyproject.toml.
lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy

## Run the whole test suite (lint, unit, build, browser, print, quality gates).
test: lint $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest

## Everything that needs no browser, no PDF rendering and no site build (markers in pyproject.toml).
test-fast: lint $(STAMP)
	$(PY) -m pytest -m "not browser and not pdf and not slow"

export: $(STAMP)
	$(PY) -m generator export export

clean:
	rm -rf site export .pytest_cache
