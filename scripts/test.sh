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
  echo "== PostgreSQL: the store tests use this machine's PostgreSQL ${PG_VERSION:-15} cluster" \
    "'${PG_CLUSTER:-main}' (started if it is down), with a role '${IPKPI_PG_ROLE:-ipkpi}' and" \
    "a database '${IPKPI_PG_DB:-ipkpi_test}' (created if missing, kept after); each test makes" \
    "a schema of its own in it and drops it." \
    "Set IPKPI_TEST_POSTGRES_URL to use another server instead."
  if url=$(bash scripts/postgres-test-db.sh); then
    # The last line is the URL, whatever else a tool may have printed before it.
    export IPKPI_TEST_POSTGRES_URL="$(printf '%s\n' "$url" | tail -n 1)"
    echo "   using ${IPKPI_TEST_POSTGRES_URL%%:*}://${IPKPI_PG_ROLE:-ipkpi}:…@${IPKPI_TEST_POSTGRES_URL#*@}"
  else
    echo "PostgreSQL not available: its store tests will be skipped" >&2
  fi
fi

echo "== pytest"
$BIN/pytest "$@"
