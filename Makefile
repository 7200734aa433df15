# Hunter: `make run` starts everything, `make test` runs the whole suite.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python

# The first Python >= 3.12 found: on PATH, then under pyenv. Override with PYTHON=...
PYTHON ?= $(shell for c in python3.13 python3.12 python3 $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3; do \
	"$$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo "$$c"; break; }; \
	done)

.PHONY: run test lint format screenshots check-compose clean-venv

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "Hunter needs Python 3.12 or newer; set PYTHON=/path/to/python3.12"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

run: $(VENV)/.installed
	$(PY) manage.py run

test: $(VENV)/.installed
	$(PY) -m pytest $(PYTEST_ARGS)

screenshots: $(VENV)/.installed
	$(PY) scripts/screenshots.py

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check-compose:
	docker-compose -f compose.yaml config --quiet

clean-venv:
	rm -rf $(VENV)
