# HITL Desktop. `make run` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO ?= demo-workspace

.PHONY: install run demo test test-core test-gui lint bench lock clean translations installer installer-test

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found); set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

# Start the app on a demo workspace (made on first run).
run: install
	@$(BIN)/python -m hitl_desktop.launch_demo "$(DEMO)"

test: install test-core test-gui

# Everything outside the GUI, with Qt made unimportable: proves the layering holds.
test-core: install
	HITL_BLOCK_QT=1 $(BIN)/python -m pytest -p no:pytest-qt -m "not gui" -q

test-gui: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m gui -q

lint: install
	$(BIN)/ruff check hitl_desktop tests bench
	$(BIN)/ruff format --check hitl_desktop tests bench
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/bench_lineage.py --quick
	$(BIN)/python bench/bench_ingest.py --quick
	$(BIN)/python bench/bench_ocr.py --quick
	$(BIN)/python bench/bench_embed.py --quick
	$(BIN)/python bench/bench_gui.py --quick

# Refresh the .ts catalogues from the GUI sources (resources/translations/), then compile the
# .qm files the package ships (hitl_desktop/gui/translations/, committed). English holds plurals only.
translations: install
	$(BIN)/pyside6-lupdate -extensions py -locations none -no-obsolete hitl_desktop/gui \
		-ts resources/translations/hitl_desktop.ts resources/translations/hitl_desktop_fr.ts
	$(BIN)/pyside6-lupdate -extensions py -locations none -no-obsolete -pluralonly hitl_desktop/gui \
		-ts resources/translations/hitl_desktop_en.ts
	mkdir -p hitl_desktop/gui/translations
	for lang in en fr; do $(BIN)/pyside6-lrelease resources/translations/hitl_desktop_$$lang.ts \
		-qm hitl_desktop/gui/translations/hitl_desktop_$$lang.qm || exit 1; done

# The Linux bundle (installers/): dist/hitl-desktop-<version>[-full|-gpu]-linux-<arch>.tar.gz.
# VARIANT=core (default, no torch/transformers), full or gpu. Windows and macOS: installers/README.md.
VARIANT ?= core
installer: install
	VARIANT=$(VARIANT) PY=$(abspath $(BIN))/python installers/linux/build.sh

# Build it, then run its --self-test from an unpacked copy (no Python, no checkout, empty HOME).
installer-test: installer
	VARIANT=$(VARIANT) PY=$(abspath $(BIN))/python installers/linux/test_bundle.sh

# Re-pin after changing dependencies in pyproject.toml.
lock: install
	$(BIN)/pip freeze --exclude-editable | grep -v '^-e' > constraints.new
	@echo "review constraints.new, keep the torch pin, then move it over constraints.txt"

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
