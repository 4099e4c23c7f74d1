# Two commands matter: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# camel-tools needs torch. Pinning it first takes a CPU build where one is on hand
# (this machine) instead of pulling a multi-GB CUDA build; override with TORCH_SPEC=torch.
TORCH_SPEC ?= torch==2.13.0
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: venv run pg-server lint test bench screenshot package package-test translations clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet "$(TORCH_SPEC)" || $(BIN)/python -m pip install --quiet torch
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	@$(BIN)/python -m annotator.gui.system_libraries  # names missing xcb libraries and the apt command
	$(BIN)/annotator gui

# The hub tests (tests/hub) start a real PostgreSQL server; on a clean Debian machine the
# server binaries come from the distribution's package (needs root; otherwise install it).
pg-server:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; \
		else \
			echo "PostgreSQL server binaries missing: run 'sudo apt-get install -y postgresql' for the hub tests"; \
		fi; \
	fi

# ruff (rules in pyproject.toml) and mypy; mypy fails only on findings that are not in
# tools/mypy-baseline.txt (fix one, then `python tools/typecheck.py --update`).
lint: $(STAMP)
	$(BIN)/ruff check annotator tests bench tools resources packaging
	$(BIN)/python tools/typecheck.py

test: $(STAMP) pg-server lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py

screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m annotator.gui.screenshot docs/screenshot.png
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m annotator.gui.screenshot docs/guidelines-ar.png --guidelines

translations: $(STAMP)
	$(BIN)/pyside6-lrelease resources/translations/annotator_ar.ts -qm resources/translations/annotator_ar.qm

package: $(STAMP)
	$(BIN)/python -m pip install --quiet "pyinstaller>=6.10"
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/annotator.spec

package-test: package
	$(BIN)/python packaging/smoke_test.py dist/annotator/annotator

clean:
	rm -rf build dist .pytest_cache
