# Inkoopkracht: two commands to start (see README.md).
#   make demo   create the environment, load the demo programme and serve it
#   make test   install the development tools and run the whole suite
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt

.PHONY: demo test install install-dev lint check lock browsers clean messages bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/inkoopkracht demo --port $(PORT)

test: install-dev
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/inkoopkracht makemigrations --check --dry-run

# National-scale benchmark (docs/performance.md): PostgreSQL database ik_bench by default.
# BENCH_ARGS="--placements 50000 --no-write" for a smaller run; see benchmarks/run.py.
bench: install-dev
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# Regenerate constraints.txt from the ranges in pyproject.toml (a fresh, unpinned install).
lock:
	rm -rf var/lock-venv
	$(PYTHON) -m venv var/lock-venv
	var/lock-venv/bin/pip install --quiet --disable-pip-version-check -e '.[dev]'
	var/lock-venv/bin/pip freeze --exclude-editable | grep -v '^inkoopkracht' > constraints.txt
	rm -rf var/lock-venv

clean:
	rm -rf $(VENV) var/static

# Extract Dutch source strings into the English catalogues (one per app, one for the project
# templates), then compile. Translate new entries in the .po files; CI fails on gaps.
APPS := accounts audit organisations partnerships monitoring quota events intake knowledge reports
messages: install-dev
	for app in $(APPS); do \
		mkdir -p inkoopkracht/$$app/locale && \
		(cd inkoopkracht/$$app && ../../$(BIN)/inkoopkracht makemessages -l en --no-location --no-obsolete --ignore 'tests/*' -v0) || exit 1; \
	done
	mkdir -p inkoopkracht/locale
	$(BIN)/inkoopkracht makemessages -l en --no-location --no-obsolete -v0 \
		$(foreach app,$(APPS),--ignore 'inkoopkracht/$(app)/*') --ignore '.venv/*' --ignore 'var/*' --ignore 'benchmarks/*'
	$(BIN)/inkoopkracht compilemessages -v0 --ignore '.venv/*'
