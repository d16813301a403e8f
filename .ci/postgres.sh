# Start a throwaway PostgreSQL server for the storage tests; source this file.
# Sets RUNCOACH_TEST_POSTGRES_URL and stops the server when the calling shell exits.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "ci: installing PostgreSQL server binaries with apt" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
pg_user=postgres
id "$pg_user" >/dev/null 2>&1 || useradd --system --no-create-home "$pg_user"
pg_dir=$(mktemp -d /tmp/runcoach-pg.XXXXXX)
chown "$pg_user" "$pg_dir"
pg_port=${RUNCOACH_PG_PORT:-55432}
as_pg() { if [ "$(id -u)" = 0 ]; then su -s /bin/sh "$pg_user" -c "$*"; else sh -c "$*"; fi; }
as_pg "'$pg_bin/initdb' -D '$pg_dir/data' -A trust -U postgres -E UTF8 >'$pg_dir/initdb.log' 2>&1"
as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/server.log' -w -o \"-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off\" start >/dev/null"
as_pg "'$pg_bin/createdb' -h 127.0.0.1 -p $pg_port -U postgres runcoach_test"
export RUNCOACH_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$pg_port/runcoach_test"
stop_postgres() { as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m fast stop >/dev/null 2>&1" || true; rm -rf "$pg_dir"; }
trap stop_postgres EXIT
echo "ci: PostgreSQL running at $RUNCOACH_TEST_POSTGRES_URL" >&2
