#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at a throwaway PostgreSQL server on loopback.
# Uses the server binaries on this machine (Debian's postgresql package); the data directory
# lives in a temporary folder and is removed afterwards.
set -euo pipefail

bindir=""
for candidate in "$(command -v pg_config >/dev/null 2>&1 && pg_config --bindir || true)" /usr/lib/postgresql/*/bin; do
	if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then bindir="$candidate"; fi
done
if [ -z "$bindir" ]; then
	if [ "${REQUIRE_POSTGRES:-}" = "1" ]; then echo "PostgreSQL server binaries not found" >&2; exit 1; fi
	echo "PostgreSQL server binaries not found: skipping the PostgreSQL pass (apt-get install postgresql)." >&2
	# PG_OPTIONAL=1: run the command anyway, without a PostgreSQL server.
	if [ "${PG_OPTIONAL:-}" = "1" ]; then exec "$@"; fi
	exit 0
fi

port="${PGTEST_PORT:-55432}"
dir="$(mktemp -d /tmp/welcome-pg.XXXXXX)"
as_pg=()
if [ "$(id -u)" = "0" ]; then
	# initdb refuses to run as root: run the server as the postgres user, from a folder it can read.
	chown postgres "$dir"
	as_pg=(env -C / runuser -u postgres --)
fi
cleanup() {
	"${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$dir"
}
trap cleanup EXIT

"${as_pg[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
	-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" "$@"
