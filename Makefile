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

# The front end's tools from npm, at the versions package-lock.json pins (Biome, for every app's
# static JavaScript), in node_modules/; a second run reinstalls only when the lock file changed.
NODE_STAMP := node_modules/.installed
# Every app's templates (djhtml indents them; a new app's folder is picked up by itself).
TEMPLATE_DIRS := $(wildcard */templates)

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

lint: setup $(NODE_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/djhtml --check $(TEMPLATE_DIRS)
	node_modules/.bin/biome check

format: setup $(NODE_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $(TEMPLATE_DIRS)
	node_modules/.bin/biome check --write

# Every benchmark once (about 30 minutes on this project's 2-core machine; run it on a quiet
# one), then README.md's "Measured" section rewritten from their var/bench/*.json by
# bench/_readme.py. SQLite first (scripts starting with _ are helpers, relay_app.py is the
# fan-out's baseline), then the PostgreSQL runs against BENCH_DATABASE_URL, skipped when
# nothing answers there (each script makes and drops a database of its own on that server).
# BENCH_FIRST_START=1 adds bench/first_start.py (3 fresh clones and installs, ~6 min);
# BENCH_ARGS=--quick is a smoke run of ~10 minutes whose figures are not for comparison.
# Fails (after the README) only when a benchmark found something incorrect, never on a time.
BENCH_DATABASE_URL ?= postgres://postgres:postgres@127.0.0.1:5432/praxis
BENCH_ARGS ?=
# The PostgreSQL runs: script[:its arguments, colon-separated].
BENCH_POSTGRES := pages.py:--workers=2 cohort_dashboard.py db_connections.py enrollment_storm.py
# Issue 12's thousand sockets: Redis, two workers, the relay in turn, three repeats (~8 min).
BENCH_EXTRA := community_fanout.py:--clients=1000:--layers=redis:--no-fault

bench: setup
	@mkdir -p var/bench && rm -f var/bench/*.json; failed=""; \
	for script in bench/[!_]*.py; do \
		case $$script in bench/relay_app.py) continue;; \
			bench/first_start.py) [ "$(BENCH_FIRST_START)" = 1 ] || continue;; esac; \
		echo "== $$script (SQLite)"; \
		env -u DATABASE_URL $(BIN)/python $$script $(BENCH_ARGS) || failed="$$failed $$script"; \
	done; \
	for run in $(BENCH_EXTRA); do \
		script=bench/$${run%%:*}; args=$$(echo "$$run" | sed -n 's/^[^:]*://p' | tr : " "); \
		echo "== $$script $$args (SQLite)"; \
		env -u DATABASE_URL $(BIN)/python $$script $$args $(BENCH_ARGS) || failed="$$failed $$script $$args"; \
	done; \
	if $(BIN)/python -c 'import sys, psycopg; psycopg.connect(sys.argv[1], dbname="postgres").close()' \
			"$(BENCH_DATABASE_URL)" 2>/dev/null; then \
		for run in $(BENCH_POSTGRES); do \
			script=bench/$${run%%:*}; args=$$(echo "$$run" | sed -n 's/^[^:]*://p' | tr : " "); \
			echo "== $$script $$args (PostgreSQL)"; \
			DATABASE_URL="$(BENCH_DATABASE_URL)" $(BIN)/python $$script $$args $(BENCH_ARGS) \
				|| failed="$$failed $$script(PostgreSQL)"; \
		done; \
	else echo "== PostgreSQL at $(BENCH_DATABASE_URL) does not answer: its runs skipped"; fi; \
	$(BIN)/python bench/_readme.py; \
	if [ -n "$$failed" ]; then echo "correctness failures in:$$failed"; exit 1; fi

clean:
	rm -rf $(VENV) var node_modules
