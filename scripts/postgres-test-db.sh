#!/usr/bin/env bash
# A PostgreSQL database for the store tests, made idempotently: start the local cluster if it
# is down, create the role and the database if they are missing. Prints the URL to use as
# IPKPI_TEST_POSTGRES_URL on stdout (messages go to stderr); exits non-zero when no server can
# be started here (the PostgreSQL store tests are then skipped).
#
#   export IPKPI_TEST_POSTGRES_URL=$(bash scripts/postgres-test-db.sh)
#
# Settings (environment): PG_VERSION (15), PG_CLUSTER (main), IPKPI_PG_ROLE (ipkpi),
# IPKPI_PG_PASSWORD (ipkpi), IPKPI_PG_DB (ipkpi_test), PG_PORT (5432).
set -euo pipefail

# Only the URL goes to stdout: everything else (pg_ctlcluster's "Removed stale pid file.",
# psql notices) goes to stderr, so that $(...) captures a clean URL.
exec 3>&1 1>&2

version=${PG_VERSION:-15}
cluster=${PG_CLUSTER:-main}
role=${IPKPI_PG_ROLE:-ipkpi}
password=${IPKPI_PG_PASSWORD:-ipkpi}
db=${IPKPI_PG_DB:-ipkpi_test}
port=${PG_PORT:-5432}
url="postgresql+psycopg://${role}:${password}@127.0.0.1:${port}/${db}"

say() { echo "postgres-test-db: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  say "pg_ctlcluster not found: install PostgreSQL ${version} (apt-get install postgresql)"
  exit 1
fi

# As root we act as the postgres user; as that user (or with sudo rights) directly.
as_postgres() {
  if [ "$(id -un)" = postgres ]; then
    "$@"
  elif [ "$(id -u)" -eq 0 ]; then
    su postgres -c "$(printf '%q ' "$@")"
  else
    sudo -n -u postgres "$@"
  fi
}

status=$(pg_lsclusters --no-header 2>/dev/null | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}')
if [ -z "$status" ]; then
  say "no PostgreSQL cluster ${version}/${cluster} here"
  exit 1
fi
if [ "$status" != online ]; then
  say "starting cluster ${version}/${cluster}"
  if [ "$(id -u)" -eq 0 ]; then
    pg_ctlcluster "$version" "$cluster" start 3>&-
  else
    sudo -n pg_ctlcluster "$version" "$cluster" start 3>&-
  fi
fi

# Wait until the server accepts connections (start-up takes a moment).
for _ in $(seq 1 30); do
  if as_postgres psql -p "$port" -Atqc "SELECT 1" >/dev/null 2>&1; then
    break
  fi
  sleep 1
done

exists_role=$(as_postgres psql -p "$port" -Atqc "SELECT 1 FROM pg_roles WHERE rolname = '${role}'")
if [ "$exists_role" != 1 ]; then
  say "creating role ${role}"
  as_postgres psql -p "$port" -q -c "CREATE ROLE ${role} LOGIN PASSWORD '${password}'"
fi

exists_db=$(as_postgres psql -p "$port" -Atqc "SELECT 1 FROM pg_database WHERE datname = '${db}'")
if [ "$exists_db" != 1 ]; then
  say "creating database ${db}"
  as_postgres createdb -p "$port" -O "$role" "$db"
fi

echo "$url" >&3
