# shellcheck shell=bash
# Throw-away PostgreSQL 15 for the test suite. Source this file, then call postgres_start and, on exit,
# postgres_stop. No Docker engine exists on these machines, so the server runs straight from Debian's binaries
# in a temporary directory that postgres_stop removes again.
#
# postgres_start exports:
#   CAREFLOWS_TEST_POSTGRES     Npgsql connection string of the server
#   CAREFLOWS_REQUIRE_POSTGRES  1, so that PostgreSQL tests fail rather than skip when the server is unusable

_careflows_pg_bin=/usr/lib/postgresql/15/bin
_careflows_pg_dir=""

# initdb refuses to run as root; as root, everything runs as the postgres OS user instead.
_careflows_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# apt's chatter is shown only when the install fails.
_careflows_pg_apt_install() {
  local out
  out=$(DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 2>&1) || {
    printf '%s\n' "$out" >&2
    return 1
  }
}

_careflows_pg_install() {
  [ -x "$_careflows_pg_bin/initdb" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "postgres.sh: PostgreSQL 15 is not installed ($_careflows_pg_bin is missing); install Debian's postgresql-15 package." >&2
    return 1
  fi
  echo "postgres.sh: installing postgresql-15 ..." >&2
  # A fresh machine may have no package lists yet, so update once and retry before giving up.
  if ! _careflows_pg_apt_install && ! { apt-get update -qq >/dev/null && _careflows_pg_apt_install; }; then
    echo "postgres.sh: could not install postgresql-15." >&2
    return 1
  fi
  [ -x "$_careflows_pg_bin/initdb" ] || {
    echo "postgres.sh: postgresql-15 installed but $_careflows_pg_bin/initdb is still missing." >&2
    return 1
  }
}

# True when something already accepts connections on the port. Needs nothing beyond bash.
_careflows_pg_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

postgres_start() {
  _careflows_pg_install || return 1

  local dir
  dir=$(mktemp -d -t careflows-pg.XXXXXX) || return 1
  # Recorded before anything can fail, so postgres_stop cleans up after a start that failed halfway.
  _careflows_pg_dir=$dir
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir" || return 1
  fi

  # The cluster lives in a subdirectory because initdb wants an empty directory and the logs sit beside it.
  # The C locale keeps sorting and case rules the same on every machine.
  if ! _careflows_pg_as_owner "$_careflows_pg_bin/initdb" -D "$dir/data" -A trust -U postgres \
    -E UTF8 --no-locale >"$dir/initdb.log" 2>&1; then
    echo "postgres.sh: initdb failed:" >&2
    cat "$dir/initdb.log" >&2
    return 1
  fi

  # Another process can take a port between the check and the bind, so a failed start moves on to the next port.
  local port=55432 last=55531
  while [ "$port" -le "$last" ]; do
    if ! _careflows_pg_port_busy "$port"; then
      rm -f "$dir/server.log"
      # fsync and synchronous_commit stay on: the restart and crash tests must see the durability production has.
      # Many hosts with their own connection pools share the server, hence the raised max_connections.
      if _careflows_pg_as_owner "$_careflows_pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=on -c synchronous_commit=on -c max_connections=200" \
        start >"$dir/pg_ctl.log" 2>&1; then
        export CAREFLOWS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
        export CAREFLOWS_REQUIRE_POSTGRES=1
        return 0
      fi
      if ! grep -q 'could not bind\|could not create listen socket' "$dir/server.log" 2>/dev/null; then
        echo "postgres.sh: PostgreSQL did not start:" >&2
        cat "$dir/pg_ctl.log" "$dir/server.log" >&2 2>/dev/null
        return 1
      fi
    fi
    port=$((port + 1))
  done
  echo "postgres.sh: no free TCP port between 55432 and $last." >&2
  return 1
}

postgres_stop() {
  local dir=$_careflows_pg_dir pid
  [ -n "$dir" ] || return 0
  _careflows_pg_dir=""
  if [ -f "$dir/data/postmaster.pid" ]; then
    _careflows_pg_as_owner "$_careflows_pg_bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 ||
      echo "postgres.sh: pg_ctl stop failed; see $dir/server.log" >&2
  fi
  # A server that would not stop keeps its directory, so its data is not pulled from under it and its log survives.
  pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    echo "postgres.sh: PostgreSQL (pid $pid) is still running; leaving $dir in place." >&2
    return 1
  fi
  rm -rf "$dir"
  unset CAREFLOWS_TEST_POSTGRES CAREFLOWS_REQUIRE_POSTGRES
}
