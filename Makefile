# The two commands of the README's Quickstart: `make demo` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
PYTHON ?= python3
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: demo test setup system-deps clean

demo: setup
	$(VENV)/bin/assay demo --project-dir examples --out site

test: setup system-deps
	$(VENV)/bin/pytest

setup: $(VENV)/.installed

# Reinstalled whenever the Python companion's dependencies change.
$(VENV)/.installed: pyext/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -e 'pyext[dev]'
	touch $@

system-deps:
	bash scripts/system-deps.sh

clean:
	rm -rf $(VENV) site tests/integration/target tests/integration/dbt_packages examples/target examples/dbt_packages
