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

# The whole suite on SQLite, then again on PostgreSQL when DIGEST_POSTGRES_URL
# names one (.ci/run always does).
test: lint
	$(VENV)/bin/pytest
	@if [ -n "$$DIGEST_POSTGRES_URL" ]; then \
		echo "Running the suite again on PostgreSQL ($$DIGEST_POSTGRES_URL)"; \
		DATABASE_URL="$$DIGEST_POSTGRES_URL" $(VENV)/bin/pytest; \
	else \
		echo "Skipping the PostgreSQL run: DIGEST_POSTGRES_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)"; \
	fi

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Everything a fresh machine needs, then the site on gunicorn. Importing the
# seeds again changes nothing.
run: install
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py importpages seeds/
	$(PYTHON) manage.py collectstatic --noinput -v0
	@echo "Serving Digest at http://$(ADDRESS)/, with a worker for background imports beside it"
	$(PYTHON) manage.py db_worker & trap 'kill $$! 2>/dev/null' EXIT; $(VENV)/bin/gunicorn digest.wsgi --bind $(ADDRESS)
