# Praxis: `make run` serves the demo, `make test` runs the whole suite.
# Both set everything up first; a second run reinstalls only when pyproject.toml changed.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 1
# The public address in every absolute link (emails, calendars, badges); follows HOST and PORT.
SITE_URL ?= http://$(HOST):$(PORT)

export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test setup migrate demo lint format e2e api-fuzz bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Only the dependencies: the project itself is run from this folder, never built, so no
# editable-install build (and none of setuptools' warning banners). pip's own warnings about
# this machine's package indexes are its configuration's, not ours: -qq shows only errors.
$(STAMP): pyproject.toml | $(BIN)/python
	@echo "Installing Praxis's dependencies into $(VENV) (the first time takes a minute or two)"
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; \
		print(*p["dependencies"], *p["optional-dependencies"]["dev"], sep="\n")' > $(VENV)/requirements.txt
	$(BIN)/python -m pip install -qq -r $(VENV)/requirements.txt
	@touch $(STAMP)

setup: $(STAMP)
	@mkdir -p var

migrate: setup
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py seed_demo

run: demo
	@echo "Serving Praxis at http://$(HOST):$(PORT)/ (HTTP and WebSockets); Ctrl-C stops it."
	SITE_URL=$(SITE_URL) $(BIN)/uvicorn cms.asgi:application --host $(HOST) --port $(PORT) --workers $(WORKERS) \
		--lifespan off --no-access-log

# Two processes (this project's machines have two cores); browser tests share one worker.
TEST_WORKERS ?= 2

test: setup
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

e2e: setup
	$(BIN)/python -m pytest tests/e2e $(PYTEST_ARGS)

# Schemathesis against the demo's API, as a coach and as a facilitator (a few minutes).
api-fuzz: setup
	PRAXIS_SCHEMATHESIS=1 $(BIN)/python -m pytest tests/api/test_schemathesis.py $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: demo
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) var
