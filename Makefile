VENV := .venv
PYTHON := $(VENV)/bin/python
ADDRESS := 127.0.0.1:8000

.PHONY: install test lint format run lock

install: $(VENV)/.installed

# The stamp makes a repeated install instant until a lock file changes. Every package,
# indirect ones included, is installed at the version and with the hash its lock names.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	python3.11 -m venv $(VENV)
	$(PYTHON) -m pip install --require-hashes --no-deps -r requirements-dev.txt
	touch $@

# The locks, made again from requirements*.in by pip-tools in a throwaway virtualenv:
# change a version in a .in file, then `make lock` and `make test`.
PIPTOOLS := var/pip-tools
lock:
	python3.11 -m venv $(PIPTOOLS)
	$(PIPTOOLS)/bin/pip install -q pip-tools==7.7.0
	$(PIPTOOLS)/bin/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(PIPTOOLS)/bin/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements-dev.txt requirements-dev.in

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
	$(PYTHON) manage.py importpages --publish seeds/
	$(PYTHON) manage.py collectstatic --noinput -v0
	@echo "Serving Digest at http://$(ADDRESS)/, with a worker for background imports beside it"
	$(PYTHON) manage.py db_worker & trap 'kill $$! 2>/dev/null' EXIT; $(VENV)/bin/gunicorn digest.wsgi --bind $(ADDRESS)
