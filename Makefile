# The README names these targets: `make run` sets up and serves the portal, `make test` runs the suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ADDRESS ?= 127.0.0.1:8000

.PHONY: install run seed test lint migrations-check superuser

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet '.[test]'
	touch $@

seed: install
	DEBUG=true $(BIN)/python manage.py migrate --verbosity 0
	DEBUG=true $(BIN)/python manage.py loaddata fixtures/*.json
	DEBUG=true $(BIN)/python manage.py suggest_occupations --verbosity 0
	DEBUG=true $(BIN)/python manage.py update_search_index

run: seed
	DEBUG=true $(BIN)/python manage.py runserver $(ADDRESS)

# Asks for a name and a password, unless DJANGO_SUPERUSER_PASSWORD (with _USERNAME and _EMAIL) is set.
superuser: install
	DEBUG=true $(BIN)/python manage.py createsuperuser $(if $(DJANGO_SUPERUSER_PASSWORD),--noinput)

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

migrations-check: install
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run
