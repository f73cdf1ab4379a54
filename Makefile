VENV := .venv
PYTHON := $(VENV)/bin/python
ADDRESS := 127.0.0.1:8000

.PHONY: install test lint format run

install: $(VENV)/.installed

# The stamp makes a repeated install instant until a requirements file changes.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	python3.11 -m venv $(VENV)
	$(PYTHON) -m pip install -r requirements-dev.txt
	touch $@

test: lint
	$(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

run: install
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py collectstatic --noinput
	@echo "Serving Digest at http://$(ADDRESS)/"
	$(VENV)/bin/gunicorn digest.wsgi --bind $(ADDRESS)
