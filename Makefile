# The two commands of the README's Quickstart: `make demo` and `make test`; `make test-spark`
# runs the dbt integration suite on Apache Spark (README, "Spark"); `make bench` runs the four
# benchmark comparisons in one run (bench/README.md; sizes through BENCH_ARGS).
SHELL := /bin/bash
VENV ?= .venv
PYTHON ?= python3
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: demo test test-spark bench setup setup-spark system-deps clean

demo: setup
	$(VENV)/bin/assay demo --project-dir examples --out site

test: setup system-deps
	$(VENV)/bin/pytest

# Full size by default (hours): e.g. BENCH_ARGS="--rows 200000 --drift-rows 20000 --models 200 --repeat 1"
# for a few minutes. bench/run.py creates the benches' own venvs (bench/.venv-*) when missing.
BENCH_ARGS ?=
bench: setup system-deps
	$(VENV)/bin/python bench/run.py --python $(VENV)/bin/python $(BENCH_ARGS)

setup: $(VENV)/.installed

VENV_SPARK ?= .venv-spark
SPARK_PACKAGES := "dbt-core>=1.10,<1.12" "dbt-spark[session]~=1.11.0" "pyspark>=4.0,<5" pytest pyyaml numpy scipy

# A local SparkSession inside dbt (dbt-spark's `session` method): needs Java 17+, no server.
test-spark: setup-spark
	$(VENV_SPARK)/bin/pytest tests/dbt --engines spark

setup-spark: $(VENV_SPARK)/.installed

# pip's cache is kept on purpose: pyspark is a 456 MB sdist that pip builds into a wheel once.
$(VENV_SPARK)/.installed:
	@command -v java >/dev/null || { echo "make test-spark needs Java 17+ (java not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV_SPARK)
	$(VENV_SPARK)/bin/pip install --quiet --disable-pip-version-check $(SPARK_PACKAGES)
	touch $@

# Reinstalled whenever the Python companion's dependencies change.
$(VENV)/.installed: pyext/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -e 'pyext[dev]'
	touch $@

system-deps:
	bash scripts/system-deps.sh

clean:
	rm -rf $(VENV) $(VENV_SPARK) site tests/integration/target tests/integration/dbt_packages examples/target examples/dbt_packages
