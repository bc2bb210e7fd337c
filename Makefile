# duban: `make run` starts the bot on its embedded defaults, `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint typecheck pytest chromium print-tools bench eval gateway clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/duban run

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# The web desk's browser tests drive Debian's chromium (never `playwright install`), with a Chinese font so the
# screenshots can be read; apt-get needs root.
chromium:
	@{ test -x /usr/bin/chromium && test -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc; } || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei; } \
		|| echo "没有装上 chromium（需要 root 运行 apt-get install chromium）：浏览器测试将跳过"

# LibreOffice Calc and poppler-utils check that the 台账 prints (tests/test_ledger_print.py); installed with apt
# when missing and possible (root on Debian), otherwise those tests are skipped.
print-tools:
	@command -v soffice >/dev/null && command -v pdftotext >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc poppler-utils; } || \
	  echo "注意：没有 LibreOffice（soffice）或 poppler-utils，台账打印测试将跳过"

pytest: $(STAMP) chromium print-tools
	$(BIN)/pytest

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

eval: $(STAMP)
	$(BIN)/python eval/run.py
