# Entry points for people: `make serve` (build and serve the site), `make test` (everything CI runs) and
# `make check` (the quick part of it, while editing). Every other target is a set-up step they pull in, done
# once and redone only when its inputs change.

VENV    := .venv
BIN     := $(VENV)/bin
PYTHON  ?= python3
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
ADDR    ?= 127.0.0.1:8000
# Material 9.7+ prints an English end-of-life banner on every mkdocs run; maintainers need not see it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build build-zensical test check lint links setup lock

serve: $(BIN)/.installed  ## Build the site and serve it with live reload on http://$(ADDR)/
	$(BIN)/mkdocs serve --dev-addr $(ADDR)

build: $(BIN)/.installed  ## Build the site into site/ (strict: a broken link fails the build)
	$(BIN)/mkdocs build --strict

build-zensical: $(BIN)/.installed  ## The same site built by Zensical into site/ (fails on a broken internal link)
	$(BIN)/python -m infobox build-zensical --site-dir site

# After the tests, each benchmark at its smallest (--quick: a few seconds, figures that mean nothing), so that
# none stops working unnoticed.
test: setup lint  ## Lint, then every test (catalogue, site, browser in Chromium, link job, zelfscan) and benchmark
	$(BIN)/pytest -n 2 --dist loadgroup
	$(BIN)/python -m benchmarks.bench_site --quick
	$(BIN)/python -m benchmarks.bench_validate --quick
	$(BIN)/python -m benchmarks.bench_hostile --quick
	$(BIN)/python -m benchmarks.bench_links --quick
	$(BIN)/python -m benchmarks.bench_lighthouse --quick
	$(BIN)/python -m benchmarks.bench_search --quick

check: $(BIN)/.installed node_modules/.installed lint  ## Lint, then every test that needs no browser and no server
	$(BIN)/pytest -n 2 --dist loadgroup -m "not browser and not server"

lint: $(BIN)/.installed node_modules/.installed  ## ruff (lint and format), ESLint and Prettier
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	node_modules/.bin/eslint --max-warnings 0 .
	node_modules/.bin/prettier --check --log-level warn .

links: $(BIN)/.installed  ## Check every catalogue link and write reports/ (needs internet)
	$(BIN)/python scripts/check_links.py

setup: $(BIN)/.installed node_modules/.installed /usr/bin/chromium /usr/bin/java

# After editing the dependencies in pyproject.toml: resolve them all again, each with its hashes from PyPI.
lock: $(BIN)/.installed  ## Write requirements.txt afresh from pyproject.toml (every package, pinned, with hashes)
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
		--extra test --extra dev --all-build-deps --output-file requirements.txt pyproject.toml

# Every Python package, pinned with its hashes in requirements.txt (`make lock` writes it from pyproject.toml):
# pip refuses any file whose hash is not there. Then our package itself, built by the locked setuptools.
$(BIN)/.installed: pyproject.toml requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	# -qq: errors only (pip would show setuptools' notice on every editable install).
	$(BIN)/pip install -qq --disable-pip-version-check --no-deps --no-build-isolation -e .
	# Bytecode for our package, as pip makes it for installed ones (not written at import under PYTHONDONTWRITEBYTECODE).
	$(BIN)/python -m compileall -q infobox hooks scripts >/dev/null
	touch $@

# ESLint, Prettier, axe-core and the Nu Html Checker for the tests, pinned in package-lock.json.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for the browser tests (Playwright cannot download its own browser here) and Java for the
# Nu Html Checker (vnu.jar): one apt run for both, with the fonts the pages are measured in named, Liberation
# (Arial, Helvetica) and DejaVu (the default sans-serif). Recommended packages stay: the CI machine is clean
# and the suite was measured with them.
/usr/bin/chromium /usr/bin/java &:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
		chromium default-jre-headless fonts-liberation fonts-dejavu-core fonts-dejavu-extra >/dev/null
