# Two entry points for a fresh machine: `make demo` (install, then run the main job on the
# bundled example articles) and `make test` (install, then run every test). Both create
# .venv themselves; nothing is downloaded at run time beyond the PyPI packages.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,serve]"
	touch $(STAMP)

install: $(STAMP)

test: $(STAMP)
	$(PY) -m pytest -q

demo: $(STAMP)
	$(VENV)/bin/comity demo --db comity-demo.duckdb --plot comity-demo-dyad.png

bench: $(STAMP)
	$(PY) bench/accuracy.py

.PHONY: install test demo bench
