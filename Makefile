# One entry point for set-up, tests and the demo. Everything the tests need is
# installed from here, so a fresh machine (and CI) needs nothing else.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TORCH_VERSION := 2.13.0
DATA_DIR ?= var/demo
PORT ?= 8000

.PHONY: install system-deps test lint typecheck unit demo sample bench bench-service bench-peer peer-env wheels container-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# CPU torch first: a bare torch requirement would pull a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q "torch==$(TORCH_VERSION)"
	$(BIN)/pip install -q -e ".[dev,ray]" "torch==$(TORCH_VERSION)"
	touch $@

install: $(VENV)/.installed

# Services and tools the tests use: a Redis server binary (tests start their own
# when none listens on 127.0.0.1:6379) and wrk for benchmarks.
system-deps:
	@{ command -v redis-server && command -v wrk; } >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server wrk; }
	@# content-source tests: PostgreSQL, MariaDB, and a real WordPress on PHP's built-in server
	@{ command -v pg_ctlcluster && command -v mariadbd && command -v php \
	  && test -f /usr/share/wordpress/wp-settings.php && php -m | grep -qx mysqli; } >/dev/null 2>&1 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    postgresql mariadb-server wordpress php-cli php-mysql >/dev/null; }
	@# browser tests of widget.js: Debian's Chromium, driven by Playwright (nothing downloaded)
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core >/dev/null; }

lint: install
	$(BIN)/ruff check indexer service tests benchmarks tools
	$(BIN)/ruff format --check indexer service tests benchmarks tools

typecheck: install
	$(BIN)/mypy indexer service tools

unit: install system-deps
	$(BIN)/python -m pytest -q tests

test: lint typecheck unit

sample: install
	python3 tools/check_written.py samples/written/*.yaml >/dev/null
	$(BIN)/python -m tools.samplecorpus --out samples/articles.jsonl

demo: install
	$(BIN)/morelike build --source samples/articles.jsonl --data-dir $(DATA_DIR)
	@echo "Sample article pages with the block under them: http://127.0.0.1:$(PORT)/demo"
	MORELIKE_DEMO=true $(BIN)/morelike serve --data-dir $(DATA_DIR) --port $(PORT)

bench: install
	$(BIN)/python benchmarks/build_throughput.py

# HTTP service under wrk on a synthetic 100k-article snapshot (kept in var/bench).
bench-service: install system-deps
	$(BIN)/python benchmarks/service_load.py

# txtai side by side (issue #13): txtai lives in its own environment, never in
# .venv nor in the project's extras; CPU torch pinned so pip takes the local file.
PEER_VENV := .venv-peer
$(PEER_VENV)/.installed:
	$(PYTHON) -m venv $(PEER_VENV)
	$(PEER_VENV)/bin/pip install -q "torch==$(TORCH_VERSION)" txtai faiss-cpu
	touch $@

peer-env: $(PEER_VENV)/.installed

bench-peer: install peer-env
	$(BIN)/python benchmarks/peer_txtai.py --peer-python $(PEER_VENV)/bin/python

# Wheelhouse for the container image: every dependency as a wheel (CPU torch
# from the local find-links), with the extras the image targets add (`ray` for
# `--target ray`), the build backend and a current pip (Debian's 23.0
# mishandles extras such as lxml[html_clean]), so the image build runs
# `pip install --no-index`. Rebuilt when pyproject.toml or the recipe changes.
IMAGE_EXTRAS := ray
wheels: | $(BIN)/python
	@recipe='torch==$(TORCH_VERSION)+cpu setuptools>=68 wheel pip'; \
	stamp="$$recipe extras=$(IMAGE_EXTRAS)"; \
	if [ wheels/.complete -nt pyproject.toml ] && [ "$$(cat wheels/.complete)" = "$$stamp" ]; then \
	  echo "wheels/ is up to date"; else \
	  set -e; rm -rf wheels; mkdir -p wheels; \
	  echo "pip wheel: the project's dependencies and its $(IMAGE_EXTRAS) extra into wheels/"; \
	  $(BIN)/pip wheel -q --wheel-dir wheels $(if $(wildcard /opt/wheels),--find-links /opt/wheels) \
	    ".[$(IMAGE_EXTRAS)]" $$recipe; \
	  $(BIN)/python container/complete_wheelhouse.py wheels --python-full-version 3.11.2 \
	    --project "morelike[$(IMAGE_EXTRAS)]" $(if $(wildcard /opt/wheels),--find-links /opt/wheels); \
	  rm -f wheels/morelike-*.whl; \
	  echo "$$stamp" >wheels/.complete; du -sh wheels; fi

# Build the image and its ray target with podman and run them for real (job,
# service, SIGTERM, compose, and the Ray compose example).
container-test: wheels
	CONTAINERS_CONF=$(CURDIR)/container/containers.conf bash container/test.sh

clean:
	rm -rf var build $(PEER_VENV) *.egg-info .pytest_cache .mypy_cache .ruff_cache
