#!/usr/bin/env bash
# The Redress benchmark (docs/performance.md): seed N realistic cases straight into a fresh database,
# measure the server over HTTP with 1 and 8 clients, run the intake limit probe in the same run and
# print one table with every figure beside its target.
#
#   bench/run.sh [--provider sqlite|postgres] [--cases N] [--duration S] [--port P] [--report FILE] [--keep] [--pages]
#
#   --cases N      cases to seed (default 1,000,000); --cases 2000 --duration 3 is the smoke size
#   --duration S   seconds per measurement (default 30); warm-up is S/3, between 1 and 10 s
#   --report FILE  also write the final table to FILE
#   --keep         keep the work directory (database, logs, results.json) and print where it is
#   --pages        also time the web UI's pages in headless Chromium (Debian's chromium) on the seeded database
#   --reuse DIR    measure again on the seeded work directory a --keep run left (no seeding or training; the
#                  server and tool are published anew from this tree, so a change is measured on the same data)
# Environment:
#   REDRESS_BENCH_PG        a connection string to an EMPTY PostgreSQL database to use instead of a
#                           throwaway server; REDRESS_BENCH_PROBE_PG for the probe (default: the same)
#   REDRESS_BENCH_TEXT      folder with real review text to mix in (default: ../shared/data if present)
#   REDRESS_LIMIT_PROBE     the limit probe's folder (default: ../shared/limit-probe)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
provider=sqlite cases=1000000 duration=30 port=5088 keep=0 report="" pages=0 reuse=""
command_line="bench/run.sh $*"
while [ $# -gt 0 ]; do
  case "$1" in
    --provider) provider=$2; shift 2 ;;
    --cases) cases=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --report) report=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --pages) pages=1; shift ;;
    --reuse) reuse=$2; keep=1; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)"; exit 2 ;;
  esac
done
case $provider in sqlite|postgres) ;; *) echo "--provider is sqlite or postgres"; exit 2 ;; esac

if [ -n "$reuse" ]; then
  [ -f "$reuse/seed.json" ] || { echo "$reuse is not a seeded work directory (no seed.json)"; exit 2; }
  work=$(cd "$reuse" && pwd)
  cases=$(sed -n 's/.*"cases": *\([0-9]*\).*/\1/p' "$work/seed.json")
else
  work=$(mktemp -d /tmp/redress-bench.XXXXXX)
fi
chmod 755 "$work"
server_pid=""
pg_ctl_data=""
pgbin=/usr/lib/postgresql/15/bin

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port_taken() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while port_taken "$p"; do p=$((p + 1)); done; echo "$p"; }
step() { printf '\n== %s\n' "$*"; }

stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}

cleanup() {
  stop_server
  if [ -n "$pg_ctl_data" ]; then as_postgres "$pgbin/pg_ctl" -D "$pg_ctl_data" -m fast stop >/dev/null 2>&1 || true; fi
  if [ $keep = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

start_server() {
  # The content root is the working directory: appsettings.json comes from the published folder.
  (cd "$work/server" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    Storage__Provider="$provider" Storage__DataDirectory="$work/data" ConnectionStrings__Redress="$connection" \
    Seed__Demo=true Seed__DemoCases=0 ./Redress) >>"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    kill -0 "$server_pid" 2>/dev/null || { echo "the server exited:"; tail -40 "$work/server.log"; exit 1; }
    curl -sf -o /dev/null "http://127.0.0.1:$port/health" && return 0
    sleep 0.2
  done
  echo "the server did not answer within 120 s"; tail -40 "$work/server.log"; exit 1
}

step "publishing the server and the benchmark tool (Release)"
publish() { dotnet publish "$root/$1" -c Release -o "$work/$2" --nologo >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }; }
publish src/Redress/Redress.csproj server
publish bench/Redress.Bench/Redress.Bench.csproj bench
bench="$work/bench/Redress.Bench"
port=$(free_port "$port")

if [ "$provider" = postgres ]; then
  if [ -n "${REDRESS_BENCH_PG:-}" ]; then
    connection=$REDRESS_BENCH_PG
    probe_connection=${REDRESS_BENCH_PROBE_PG:-$REDRESS_BENCH_PG}
  else
    step "starting a throwaway PostgreSQL 15"
    [ -x "$pgbin/initdb" ] || { echo "PostgreSQL 15 is not installed (apt-get install postgresql-15), or set REDRESS_BENCH_PG"; exit 1; }
    pg_port=$(free_port 55432)
    mkdir -p "$work/pg" "$work/pgsock"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$work/pg" "$work/pgsock"; fi
    fresh_pg=1
    [ -n "$reuse" ] && [ -f "$work/pg/PG_VERSION" ] && fresh_pg=0
    [ $fresh_pg = 1 ] && { as_postgres "$pgbin/initdb" -D "$work/pg" -U postgres -A trust --no-sync >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; exit 1; }; }
    # Loopback only, trust auth; sized like a small dedicated server, durable (fsync and synchronous_commit on).
    as_postgres "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w -o \
      "-p $pg_port -k $work/pgsock -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_wal_size=4GB -c max_connections=200" start >/dev/null
    pg_ctl_data="$work/pg"
    [ $fresh_pg = 1 ] && for db in redress limitprobe; do as_postgres "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres "$db"; done
    connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=redress"
    probe_connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=limitprobe"
  fi
  target=(--connection "$connection")
else
  connection=""
  target=(--database "$work/data/redress.db")
fi

if [ -z "$reuse" ]; then
  step "migrating a fresh $provider database (demo users, departments, categories; no demo cases)"
  start_server
  stop_server

  step "seeding $cases cases"
  text_dir=${REDRESS_BENCH_TEXT:-$root/../shared/data}
  text=()
  [ -d "$text_dir" ] && text=(--text-dir "$text_dir")
  "$bench" seed --provider "$provider" "${target[@]}" --cases "$cases" --info "$work/seed.json" "${text[@]}"

  # The daily retrain is due on a database without a model, and would train during the measurements.
  step "training the triage models on the seeded cases (the retrain a fresh deployment runs first)"
  train_start=$(date +%s.%N)
  (cd "$work/server" && env ASPNETCORE_ENVIRONMENT=Production Storage__Provider="$provider" Storage__DataDirectory="$work/data" \
    ConnectionStrings__Redress="$connection" ./Redress triage train --force) | tee "$work/train.txt" || echo "training failed"
  echo "trained in $(echo "$(date +%s.%N) - $train_start" | bc) s" | tee -a "$work/train.txt"
else
  step "reusing the seeded database in $work ($cases cases)"
fi

# wrk drives the create run beside the probe's; a fresh machine's package lists may need an update first.
if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq wrk >/dev/null 2>&1; } || true
fi
step "measuring the server on 127.0.0.1:$port ($duration s per measurement)"
start_server
"$bench" load --url "http://127.0.0.1:$port" --pid "$server_pid" --duration "$duration" \
  --info "$work/seed.json" --out "$work/results.json" --work "$work"
if [ $pages = 1 ]; then
  step "timing the web UI's pages in headless Chromium"
  if [ -x /usr/bin/chromium ]; then
    "$bench" pages --url "http://127.0.0.1:$port" --out "$work/pages.txt" || echo "the page timings failed"
  else
    echo "no /usr/bin/chromium (apt-get install chromium): page timings left out"
  fi
fi
stop_server

step "timing the SLA scheduler: a pass with 10,000 clocks due, and passes with nothing due"
sla_target=(--data-dir "$work/data")
[ "$provider" = postgres ] && sla_target=(--connection "$connection")
"$bench" sla --provider "$provider" "${sla_target[@]}" --due 10000 --out "$work/sla.txt" || echo "the scheduler timing failed"

step "timing the group-complaint check on create (issue 5 part 6)"
"$bench" group --provider "$provider" "${sla_target[@]}" --out "$work/group.txt" || echo "the group check timing failed"
step "timing the routing step of registration: 30 rules, then round robin and least open work"
"$bench" routing --provider "$provider" "${sla_target[@]}" --out "$work/routing.txt" || echo "the routing timing failed"
step "timing the repeat and duplicate check on create (issue 5 parts 4-5)"
"$bench" repeats --provider "$provider" "${sla_target[@]}" --out "$work/repeats.txt" || echo "the repeat check timing failed"

step "running the intake limit probe ($provider) in the same run"
probe_dir=${REDRESS_LIMIT_PROBE:-$root/../shared/limit-probe}
: >"$work/probe.txt"
if [ ! -f "$probe_dir/run.sh" ]; then
  echo "no limit probe at $probe_dir: the ratio is left out"
elif ! command -v wrk >/dev/null; then
  echo "wrk is not installed (apt-get install wrk): the ratio is left out"
else
  # A copy, so the shared folder gets no build output; only the load duration is changed, to match ours.
  mkdir -p "$work/probe"
  cp "$probe_dir"/*.cs "$probe_dir"/*.csproj "$probe_dir"/*.lua "$probe_dir"/run.sh "$work/probe/"
  sed -i "s/-d10s/-d${duration}s/" "$work/probe/run.sh"
  probe_mode=sqlite
  [ "$provider" = postgres ] && probe_mode=pg
  (cd "$work/probe" && LIMIT_PATH="$work/limit.db" LIMIT_PG="${probe_connection:-}" bash ./run.sh "$probe_mode") | tee "$work/probe.txt" \
    || echo "the probe failed: the ratio is left out"
fi

"$bench" report --results "$work/results.json" --probe-output "$work/probe.txt" --command "$command_line" --markdown "$work/report.txt"
if [ -f "$work/train.txt" ]; then
  { echo; echo "triage models trained on the seeded cases (Redress triage train --force):"; cat "$work/train.txt"; } >>"$work/report.txt"
fi
for part in "sla:SLA scheduler" "group:group-complaint check on create" "routing:routing step of registration" "repeats:repeat and duplicate check on create"; do
  if [ -f "$work/${part%%:*}.txt" ]; then
    { echo; echo "${part#*:} (in-process on the benchmark database, the server stopped):"; cat "$work/${part%%:*}.txt"; } >>"$work/report.txt"
  fi
done
if [ -f "$work/pages.txt" ]; then
  { echo; echo "web UI pages, ms from the navigation's start until usable by the browser's clock (the wall clock around Playwright in brackets; first open, the median and max of 5 more, one more in a new tab):"; cat "$work/pages.txt"; } >>"$work/report.txt"
fi
if [ -n "$report" ]; then cp "$work/report.txt" "$report"; fi
