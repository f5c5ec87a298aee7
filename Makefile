# Two commands on a fresh clone:  `make site`  (build the demo portal)  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test check install export clean

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

## Run the whole test suite (unit, build, browser, print).
test: $(STAMP)
	$(PY) -m pytest

export: $(STAMP)
	$(PY) -m generator export export

clean:
	rm -rf site export .pytest_cache
