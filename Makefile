# 回款道场 — `make run` installs and opens the trainer; `make test` installs and runs the tests.
# Both install the exact versions in requirements.lock (`make lock` refreshes it deliberately).
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
# PIP_CONSTRAINT also reaches pip's isolated build environment, so the build backend is pinned too
PIP := PIP_CONSTRAINT=$(CURDIR)/$(LOCK) PIP_DISABLE_PIP_VERSION_CHECK=1 $(BIN)/python -m pip

.PHONY: install run test check bench lock model clean

$(STAMP): pyproject.toml $(LOCK)
	$(PY) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/trainer

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider

check: $(STAMP)
	$(BIN)/ruff check trainer tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

lock:
	PY=$(PY) bash tools/lock.sh

# the recogniser's models (trainer/core/language/ngram_*.npy), from phrases/ and the dev sets; deterministic
model: $(STAMP)
	$(BIN)/python -m trainer.core.language.train

clean:
	rm -rf $(VENV) build dist *.egg-info
