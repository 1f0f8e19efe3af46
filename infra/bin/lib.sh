# Shared helpers for Sanad's scripts. Source it; do not run it.
# shellcheck shell=bash

SANAD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Downloads and unpacked distributions live outside the clone so that a second clone or a
# second run fetches nothing.
SANAD_CACHE="${SANAD_CACHE:-$HOME/.cache/sanad}"
# Runtime state (databases, logs, pids) lives inside the clone, ignored by git.
SANAD_STATE="${SANAD_STATE:-$SANAD_ROOT/.sanad}"

log() { printf '[sanad] %s\n' "$*" >&2; }
die() { printf '[sanad] ERROR: %s\n' "$*" >&2; exit 1; }

# Finds a JDK 25: $JAVA_HOME if it is one, else the first under /usr/lib/jvm.
find_jdk25() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*25* /opt/java/*25* ; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if "$candidate/bin/java" -version 2>&1 | head -1 | grep -qE '"25[."]'; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

use_jdk25() {
  JAVA_HOME="$(find_jdk25)" || die "no JDK 25 found (set JAVA_HOME or install one under /usr/lib/jvm)"
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
}

# Waits until a command succeeds, at most $1 seconds.
wait_for() {
  local seconds="$1"; shift
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.5
  done
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

random_secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32; }

# ---------------------------------------------------------------- PostgreSQL
# Debian's PostgreSQL server package, installed when missing. Each instance is its own
# cluster (initdb) in a project-owned data directory, listening on 127.0.0.1 only, with
# durability settings left at their safe defaults.

pg_bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -n "$dir" ] && [ -x "$dir/postgres" ] && printf '%s\n' "$dir"
}

ensure_postgres_installed() {
  pg_bindir >/dev/null && return 0
  [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed; run: sudo apt-get install -y postgresql"
  log "installing PostgreSQL from Debian's packages (once)"
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 \
    || die "apt-get install postgresql failed"
  pg_bindir >/dev/null || die "PostgreSQL binaries not found after installation"
}

# PostgreSQL refuses to run as root, so as root it runs as the 'postgres' user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The data directory of an instance: inside the clone when the server's user can reach
# it, otherwise (a clone under /root, say) under /var/tmp/sanad.
pg_datadir() {
  local instance="$1" dir="$SANAD_STATE/$1/pg"
  if [ "$(id -u)" = 0 ]; then
    mkdir -p "$SANAD_STATE/$instance"
    if ! runuser -u postgres -- test -x "$SANAD_STATE/$instance"; then
      dir="/var/tmp/sanad/$(printf '%s' "$SANAD_ROOT" | cksum | cut -d' ' -f1)/$instance/pg"
    fi
  fi
  printf '%s\n' "$dir"
}

# pg_start INSTANCE PORT SECRETS_FILE: creates the cluster on first use (roles sanad_owner,
# which owns the schema and runs migrations, and sanad_app, which the server uses), then
# starts it. Passwords are generated once per instance and kept in SECRETS_FILE (0600).
pg_start() {
  local instance="$1" port="$2" secrets="$3" bindir dir
  ensure_postgres_installed
  bindir="$(pg_bindir)"
  dir="$(pg_datadir "$instance")"
  if [ ! -f "$dir/PG_VERSION" ]; then
    log "creating PostgreSQL cluster for '$instance' in $dir"
    rm -rf "$dir"; mkdir -p "$dir"
    umask 077
    cat > "$secrets" <<SECRETS
SANAD_DB_SUPERUSER_PASSWORD=$(random_secret)
SANAD_DB_OWNER_PASSWORD=$(random_secret)
SANAD_DB_APP_PASSWORD=$(random_secret)
SECRETS
    umask 022
    # shellcheck disable=SC1090
    . "$secrets"
    local pwfile; pwfile="$(mktemp)"
    printf '%s\n' "$SANAD_DB_SUPERUSER_PASSWORD" > "$pwfile"
    [ "$(id -u)" = 0 ] && chown -R postgres "$dir" "$pwfile"
    as_pg "$bindir/initdb" -D "$dir" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" \
      -E UTF8 --locale=C.UTF-8 >/dev/null || die "initdb failed"
    rm -f "$pwfile"
    cat >> "$dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
password_encryption = 'scram-sha-256'
# Durability stays on (the server refuses to start otherwise).
fsync = on
synchronous_commit = on
full_page_writes = on
# Commit order for the audit chain (the server refuses to start without it).
track_commit_timestamp = on
log_statement = 'none'
log_min_error_statement = 'panic'
CONF
    printf 'host all all 127.0.0.1/32 scram-sha-256\n' > "$dir/pg_hba.conf"
    [ "$(id -u)" = 0 ] && chown postgres "$dir/postgresql.conf" "$dir/pg_hba.conf"
    pg_ctl_start "$bindir" "$dir" "$port"
    PGPASSWORD="$SANAD_DB_SUPERUSER_PASSWORD" "$bindir/psql" -q -v ON_ERROR_STOP=1 \
      -h 127.0.0.1 -p "$port" -U postgres -d postgres >/dev/null <<SQL || die "creating roles failed"
CREATE ROLE sanad_owner LOGIN PASSWORD '$SANAD_DB_OWNER_PASSWORD';
CREATE ROLE sanad_app LOGIN PASSWORD '$SANAD_DB_APP_PASSWORD';
CREATE DATABASE sanad OWNER sanad_owner ENCODING 'UTF8';
REVOKE ALL ON DATABASE sanad FROM PUBLIC;
GRANT CONNECT ON DATABASE sanad TO sanad_app;
\connect sanad
REVOKE ALL ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA sanad AUTHORIZATION sanad_owner;
ALTER ROLE sanad_app IN DATABASE sanad SET search_path = sanad;
ALTER ROLE sanad_owner IN DATABASE sanad SET search_path = sanad;
SQL
  else
    # shellcheck disable=SC1090
    . "$secrets"
    if ! port_open "$port"; then
      # Clusters made before the audit chain existed lack commit timestamps.
      if ! grep -q '^track_commit_timestamp = on' "$dir/postgresql.conf"; then
        printf 'track_commit_timestamp = on\n' >> "$dir/postgresql.conf"
      fi
      pg_ctl_start "$bindir" "$dir" "$port"
    fi
  fi
  export SANAD_DB_URL="jdbc:postgresql://127.0.0.1:$port/sanad"
  export SANAD_DB_SUPERUSER_PASSWORD SANAD_DB_OWNER_PASSWORD SANAD_DB_APP_PASSWORD
  export SANAD_PG_PORT="$port" SANAD_PG_BIN="$bindir"
}

pg_ctl_start() {
  local bindir="$1" dir="$2" port="$3"
  port_open "$port" && die "port $port is taken by another program"
  as_pg "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >/dev/null \
    || die "PostgreSQL did not start; see $dir/server.log"
}

pg_stop() {
  local instance="$1" dir bindir
  bindir="$(pg_bindir)" || return 0
  dir="$(pg_datadir "$instance")"
  [ -f "$dir/postmaster.pid" ] && as_pg "$bindir/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1
  return 0
}

pg_destroy() {
  pg_stop "$1"
  rm -rf "$(pg_datadir "$1")"
}

# ------------------------------------------------------------------ Chromium
# Debian's chromium and its chromedriver, for the web UI tests (*BrowserTests), installed when
# missing. Selenium is pointed at them and never downloads a browser or a driver.

ensure_chromium_installed() {
  command -v chromium >/dev/null && command -v chromedriver >/dev/null && return 0
  [ "$(id -u)" = 0 ] || die "Chromium is not installed; run: sudo apt-get install -y chromium chromium-driver"
  log "installing Chromium and chromedriver from Debian's packages (once)"
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2 \
    || die "apt-get install chromium chromium-driver failed"
  command -v chromium >/dev/null && command -v chromedriver >/dev/null \
    || die "chromium or chromedriver not found after installation"
}

# ------------------------------------------------------------------ Keycloak
# The org.keycloak:keycloak-quarkus-dist distribution, fetched once as a Maven artifact and
# unpacked and built once into the cache. Each instance runs from its own copy (its data
# folder is inside it), always with the same build options so Keycloak never rebuilds.

keycloak_version() {
  sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$SANAD_ROOT/pom.xml"
}

keycloak_dist() {
  local version dist archive
  version="$(keycloak_version)"
  dist="$SANAD_CACHE/keycloak-$version"
  if [ ! -f "$dist/.sanad-built" ]; then
    archive="${MAVEN_USER_HOME:-$HOME/.m2}/repository/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.tar.gz"
    if [ ! -f "$archive" ]; then
      log "fetching Keycloak $version through Maven (once, ~176 MB)"
      "$SANAD_ROOT/mvnw" -q -B dependency:get -Dtransitive=false \
        -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:tar.gz" >&2 || die "Keycloak download failed"
    fi
    log "unpacking and building Keycloak $version (once)"
    rm -rf "$dist"; mkdir -p "$SANAD_CACHE"
    tar xzf "$archive" -C "$SANAD_CACHE" || die "unpacking Keycloak failed"
    "$dist/bin/kc.sh" build --db=dev-file --health-enabled=true >"$SANAD_CACHE/keycloak-build.log" 2>&1 \
      || die "kc.sh build failed; see $SANAD_CACHE/keycloak-build.log"
    touch "$dist/.sanad-built"
  fi
  printf '%s\n' "$dist"
}

# keycloak_start INSTANCE PORT MANAGEMENT_PORT SECRETS_FILE: imports the realm on the
# first start of an instance (Keycloak skips the import when the realm exists).
keycloak_start() {
  local instance="$1" port="$2" mgmt="$3" secrets="$4" dist home
  dist="$(keycloak_dist)"
  home="$SANAD_STATE/$instance/keycloak"
  if [ ! -d "$home" ]; then
    mkdir -p "$SANAD_STATE/$instance"
    cp -a "$dist" "$home"
    mkdir -p "$home/data/import"
    cp "$SANAD_ROOT/infra/keycloak/sanad-realm.json" "$home/data/import/"
  fi
  if ! grep -q '^KEYCLOAK_ADMIN_PASSWORD=' "$secrets" 2>/dev/null; then
    (umask 077; printf 'KEYCLOAK_ADMIN_PASSWORD=%s\n' "$(random_secret)" >> "$secrets")
  fi
  # shellcheck disable=SC1090
  . "$secrets"
  export SANAD_ISSUER="http://localhost:$port/realms/sanad"
  export SANAD_KEYCLOAK_URL="http://localhost:$port" KEYCLOAK_ADMIN_PASSWORD
  export SANAD_KEYCLOAK_MANAGEMENT_URL="http://127.0.0.1:$mgmt"
  if port_open "$port"; then
    curl -sf "http://127.0.0.1:$mgmt/health/ready" >/dev/null && return 0
    die "port $port is taken by another program"
  fi
  log "starting Keycloak '$instance' on $SANAD_KEYCLOAK_URL"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
    JAVA_OPTS_KC_HEAP="${SANAD_KEYCLOAK_HEAP:--Xms128m -Xmx512m}" \
    nohup "$home/bin/kc.sh" start --optimized \
      --http-enabled=true --http-host=127.0.0.1 --http-port="$port" \
      --http-management-port="$mgmt" --hostname="http://localhost:$port" \
      --import-realm >"$home/keycloak.log" 2>&1 &
  echo $! > "$home/keycloak.pid"
  wait_for 180 curl -sf "http://127.0.0.1:$mgmt/health/ready" \
    || die "Keycloak did not become ready; see $home/keycloak.log"
  wait_for 30 curl -sf "$SANAD_ISSUER/.well-known/openid-configuration" \
    || die "realm sanad is missing; see $home/keycloak.log"
}

keycloak_stop() {
  local home="$SANAD_STATE/$1/keycloak" pid
  [ -f "$home/keycloak.pid" ] || return 0
  pid="$(cat "$home/keycloak.pid")"
  if kill -TERM "$pid" 2>/dev/null; then
    local i
    for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$home/keycloak.pid"
}

# ------------------------------------------------------------------ infra tools
# infra_java MAIN_CLASS ARGS...: runs a main class of the infra module, compiling it first when
# its sources are newer than the classes.
infra_java() {
  local main="$1"; shift
  local classes="$SANAD_ROOT/infra/target/classes" cp="$SANAD_ROOT/infra/target/sanad-infra.classpath"
  if [ ! -f "$cp" ] || [ -n "$(find "$SANAD_ROOT/infra/src/main" "$SANAD_ROOT/infra/pom.xml" -newer "$cp" -print -quit)" ]; then
    log "building the infra tools"
    (cd "$SANAD_ROOT" && ./mvnw -B -q -pl infra -Dspotless.check.skip=true compile \
      dependency:build-classpath -Dmdep.outputFile="$cp" >&2) || die "building infra failed"
  fi
  java -cp "$classes:$(cat "$cp")" "$main" "$@"
}
