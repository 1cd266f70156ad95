# Two commands for a newcomer: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test install lint format migrate demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

.env:
	printf '# Development settings written by make; see .env.example for all variables.\nDEBUG=true\n' > $@

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock .env
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[dev]"
	touch $@

install: $(VENV)/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable

demo: migrate
	$(BIN)/python manage.py demo

run: demo
	@echo ""
	@echo "  Zorgzaam runs at http://127.0.0.1:$(PORT)/"
	@echo "  Demo logins: coordinator / demo   and   onderzoeker / demo"
	@echo ""
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
