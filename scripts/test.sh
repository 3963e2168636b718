#!/usr/bin/env bash
# The whole test suite: lint, types, then pytest (PostgreSQL store tests included when a
# server can be started here).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

echo "== ruff"
$BIN/ruff check .
$BIN/ruff format --check .
echo "== mypy"
$BIN/mypy

if [ -z "${IPKPI_TEST_POSTGRES_URL:-}" ] && [ -x scripts/postgres-test-db.sh ]; then
  if url=$(bash scripts/postgres-test-db.sh); then
    # The last line is the URL, whatever else a tool may have printed before it.
    export IPKPI_TEST_POSTGRES_URL="$(printf '%s\n' "$url" | tail -n 1)"
  else
    echo "PostgreSQL not available: its store tests will be skipped" >&2
  fi
fi

echo "== pytest"
$BIN/pytest "$@"
