#!/usr/bin/env bash
# Builds Redress once and runs every test project under tests/ against a throwaway PostgreSQL and SMTP server.
#
#   ./test.sh                        run everything that can run; skipped tests are reported, not fatal
#   REDRESS_REQUIRE_ALL=1 ./test.sh  a skipped test or a suite that could not run is a failure (CI)
#
# Needs the .NET 10 SDK. PostgreSQL and the SMTP server (python3-aiosmtpd) come from Debian's packages
# (installed with apt-get when run as root on Debian and missing); there is no Docker. Results: TestResults/ (TRX + console log per suite),
# or REDRESS_TEST_RESULTS. The last line is always "N passed, N failed, N skipped".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
CONFIGURATION=Release
RESULTS="${REDRESS_TEST_RESULTS:-$ROOT/TestResults}"
REQUIRE_ALL="${REDRESS_REQUIRE_ALL:-0}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export REDRESS_REQUIRE_ALL="$REQUIRE_ALL"
STARTED=$SECONDS

say() { printf '\n==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
elapsed() { local s=$((SECONDS - STARTED)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }

# Reasons the run is incomplete (a suite that could not run, a missing dependency); fatal with REQUIRE_ALL.
NOT_RUNNABLE=()
PASSED=0 FAILED=0 SKIPPED=0

finish() {
  local code=$1
  printf '\nTest results and logs: %s\n' "$RESULTS"
  printf 'Total time: %s\n' "$(elapsed)"
  printf '%d passed, %d failed, %d skipped\n' "$PASSED" "$FAILED" "$SKIPPED"
  exit "$code"
}

# ---------------------------------------------------------------------------------------------------
# 1. PostgreSQL: a throwaway server in a temp directory, trust auth, 127.0.0.1 on a free port.
# ---------------------------------------------------------------------------------------------------
PG_TMP=""
PG_BIN=""
SMTP_TMP=""   # the SMTP server's directory (section 2), here so that cleanup sees it
PG_AS=()   # prefix that runs a command as the cluster's owner (initdb and postgres refuse to run as root)

# Runs a PostgreSQL program as the cluster's owner, from the cluster's directory: PostgreSQL 15's tools fail
# when they cannot read the current directory (a clone under /root, for the postgres user).
as_pg() { (cd "$PG_TMP" && "${PG_AS[@]}" "$@"); }

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  if [[ -n "$SMTP_TMP" && -d "$SMTP_TMP" ]]; then
    [[ -x "$SMTP_TMP/smtp.sh" ]] && "$SMTP_TMP/smtp.sh" stop >/dev/null 2>&1 || true
    rm -rf "$SMTP_TMP" || true
  fi
  if [[ -n "$PG_TMP" && -d "$PG_TMP" ]]; then
    if [[ -f "$PG_TMP/data/postmaster.pid" ]]; then
      as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_TMP" || true
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'echo; echo "Interrupted." >&2; exit 130' INT
trap 'exit 143' TERM

find_pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && PG_BIN="$dir"
}

install_pg() {
  if [[ $EUID -eq 0 && -f /etc/debian_version ]] && command -v apt-get >/dev/null; then
    say "PostgreSQL server binaries not found: installing Debian's postgresql package"
    if DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; then
      find_pg_bin && return 0
    fi
    warn "apt-get could not install postgresql."
    return 1
  fi
  warn "PostgreSQL server binaries are missing (no /usr/lib/postgresql/*/bin/initdb)."
  warn "Install them with: sudo apt-get install postgresql   (Debian/Ubuntu), then run ./test.sh again."
  return 1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_pg() {
  find_pg_bin || install_pg || return 1
  local owner=""
  if [[ $EUID -eq 0 ]]; then
    owner=postgres
    if ! id -u "$owner" >/dev/null 2>&1; then
      owner=redress-pg
      id -u "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner" || return 1
    fi
    PG_AS=(runuser -u "$owner" --)
    # The owner must reach the directory, so it lives under /tmp rather than a root-only TMPDIR.
    PG_TMP="$(mktemp -d /tmp/redress-pg.XXXXXX)" || return 1
    chown "$owner" "$PG_TMP" || return 1
  else
    PG_AS=(env)
    PG_TMP="$(mktemp -d "${TMPDIR:-/tmp}/redress-pg.XXXXXX")" || return 1
  fi
  say "Starting a throwaway PostgreSQL ($("$PG_BIN/postgres" --version)) in $PG_TMP"
  # --no-sync and fsync=off: the cluster is deleted after the run; crash safety of the OS is not under test.
  # C.UTF-8 where the system has it (Debian does), so case folding works beyond ASCII; plain C otherwise.
  if ! as_pg "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      --no-sync >"$PG_TMP/initdb.log" 2>&1 \
    && ! { rm -rf "$PG_TMP/data" && as_pg "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust \
      --encoding=UTF8 --no-locale --no-sync >"$PG_TMP/initdb.log" 2>&1; }; then
    cat "$PG_TMP/initdb.log" >&2
    warn "initdb failed."
    return 1
  fi
  local attempt port
  for attempt in 1 2 3 4 5; do
    # Below Linux's ephemeral range (32768+), so outgoing connections do not take it meanwhile.
    port=$((15000 + RANDOM % 15000))
    port_in_use "$port" && continue
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_TMP -c fsync=off -c full_page_writes=off -c max_connections=300" \
        >/dev/null 2>&1; then
      if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -t 30; then
        export REDRESS_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
        echo "PostgreSQL is ready on 127.0.0.1:$port (REDRESS_TEST_PG=$REDRESS_TEST_PG)"
        return 0
      fi
      as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    warn "PostgreSQL did not start on port $port (attempt $attempt); its log:"
    tail -n 20 "$PG_TMP/server.log" >&2 2>/dev/null || true
  done
  return 1
}

command -v dotnet >/dev/null || { echo "dotnet not found: install the .NET 10 SDK (https://learn.microsoft.com/dotnet/core/install/linux-debian)." >&2; finish 2; }
# The default results directory is ours to empty; one given in REDRESS_TEST_RESULTS only loses what we rewrite.
[[ -n "${REDRESS_TEST_RESULTS:-}" ]] || rm -rf "$RESULTS"
mkdir -p "$RESULTS"
rm -f "$RESULTS/build.log"
echo "Redress tests: .NET SDK $(dotnet --version), $CONFIGURATION, REDRESS_REQUIRE_ALL=$REQUIRE_ALL, $(nproc 2>/dev/null || echo '?') CPU(s)"

unset REDRESS_TEST_PG
if ! start_pg; then
  NOT_RUNNABLE+=("PostgreSQL could not be started: the PostgreSQL tests are skipped")
  warn "No PostgreSQL: tests that need it will be skipped."
fi

# ---------------------------------------------------------------------------------------------------
# 2. Mail: a throwaway SMTP server (Debian's python3-aiosmtpd) on a loopback port that stores every
#    message in a Maildir. The outage test stops and starts it with "$REDRESS_TEST_SMTP_CTL stop|start".
# ---------------------------------------------------------------------------------------------------
# Debian's python3, not whichever python3 is first on PATH (a pyenv one does not see Debian's modules).
SMTP_PYTHON=/usr/bin/python3

has_aiosmtpd() { [[ -x "$SMTP_PYTHON" ]] && "$SMTP_PYTHON" -c 'import aiosmtpd' 2>/dev/null; }

install_aiosmtpd() {
  if [[ $EUID -eq 0 && -f /etc/debian_version ]] && command -v apt-get >/dev/null; then
    say "aiosmtpd not found: installing Debian's python3-aiosmtpd package"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-aiosmtpd >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null 2>&1 \
           && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-aiosmtpd >/dev/null 2>&1; } || true
    has_aiosmtpd && return 0
    warn "apt-get could not install python3-aiosmtpd."
    return 1
  fi
  warn "The SMTP server for the mail tests is missing (no aiosmtpd module for $SMTP_PYTHON)."
  warn "Install it with: sudo apt-get install python3-aiosmtpd   (Debian/Ubuntu), then run ./test.sh again."
  return 1
}

# The control script the tests call. It carries its port and directory, so any process can use it.
write_smtp_ctl() {
  cat >"$SMTP_TMP/smtp.sh" <<EOF
#!/usr/bin/env bash
# Starts or stops the tests' SMTP server (written by test.sh): smtp.sh start|stop. Both wait until done.
set -euo pipefail
DIR='$SMTP_TMP' PORT=$1 PYTHON='$SMTP_PYTHON'
EOF
  cat >>"$SMTP_TMP/smtp.sh" <<'EOF'
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }
running() { [[ -f "$DIR/smtp.pid" ]] && kill -0 "$(cat "$DIR/smtp.pid")" 2>/dev/null; }
case "${1:-}" in
  start)
    running && exit 0
    # Its own session and no inherited descriptors: the caller's pipes close when this script exits.
    setsid "$PYTHON" -m aiosmtpd -n -l "127.0.0.1:$PORT" -c aiosmtpd.handlers.Mailbox "$DIR/Maildir" \
      </dev/null >>"$DIR/smtp.log" 2>&1 &
    echo $! >"$DIR/smtp.pid"
    for _ in $(seq 100); do
      running || break
      listening && exit 0
      sleep 0.1
    done
    echo "The SMTP server did not start on 127.0.0.1:$PORT; see $DIR/smtp.log" >&2
    exit 1 ;;
  stop)
    running || { rm -f "$DIR/smtp.pid"; exit 0; }
    pid=$(cat "$DIR/smtp.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$DIR/smtp.pid" ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
EOF
  chmod +x "$SMTP_TMP/smtp.sh"
}

start_smtp() {
  has_aiosmtpd || install_aiosmtpd || return 1
  SMTP_TMP="$(mktemp -d "${TMPDIR:-/tmp}/redress-smtp.XXXXXX")" || return 1
  mkdir -p "$SMTP_TMP/Maildir/new" "$SMTP_TMP/Maildir/cur" "$SMTP_TMP/Maildir/tmp"
  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$((15000 + RANDOM % 15000))
    port_in_use "$port" && continue
    write_smtp_ctl "$port"
    if "$SMTP_TMP/smtp.sh" start 2>/dev/null; then
      export REDRESS_TEST_SMTP_PORT=$port REDRESS_TEST_MAILDIR="$SMTP_TMP/Maildir" REDRESS_TEST_SMTP_CTL="$SMTP_TMP/smtp.sh"
      echo "SMTP server ($("$SMTP_PYTHON" -m aiosmtpd --version 2>/dev/null || echo aiosmtpd)) is ready on 127.0.0.1:$port, Maildir $REDRESS_TEST_MAILDIR"
      return 0
    fi
    warn "The SMTP server did not start on port $port (attempt $attempt); its log:"
    tail -n 20 "$SMTP_TMP/smtp.log" >&2 2>/dev/null || true
  done
  return 1
}

unset REDRESS_TEST_SMTP_PORT REDRESS_TEST_MAILDIR REDRESS_TEST_SMTP_CTL
if ! start_smtp; then
  NOT_RUNNABLE+=("SMTP server could not be started: the mail tests are skipped")
  warn "No SMTP server: tests that need it will be skipped."
fi

# ---------------------------------------------------------------------------------------------------
# 3. Browser: Playwright (tests/Redress.BrowserTests) drives Debian's chromium headless; there are no
#    browser downloads here. The CJK fonts make the screenshots of Chinese pages readable.
# ---------------------------------------------------------------------------------------------------
CHROMIUM="${REDRESS_TEST_CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$CHROMIUM" || ! -d /usr/share/fonts/opentype/noto ]] && [[ $EUID -eq 0 && -f /etc/debian_version ]] && command -v apt-get >/dev/null; then
  say "Installing Debian's chromium and CJK fonts for the browser tests"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk >/dev/null 2>&1 \
    || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null 2>&1 \
         && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk >/dev/null 2>&1; } \
    || warn "apt-get could not install chromium."
fi
BROWSER_OK=1
if [[ -x "$CHROMIUM" ]]; then
  export REDRESS_TEST_CHROMIUM="$CHROMIUM"
  export REDRESS_SCREENSHOTS="$RESULTS/screenshots"
  echo "Browser tests use $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM"); screenshots go to $REDRESS_SCREENSHOTS"
else
  BROWSER_OK=0
  NOT_RUNNABLE+=("Redress.BrowserTests: no Chromium at $CHROMIUM (install Debian's chromium package, or set REDRESS_TEST_CHROMIUM)")
  warn "No Chromium: the browser tests cannot run."
fi

# ---------------------------------------------------------------------------------------------------
# 4. Build once, then run each test project from that build.
# ---------------------------------------------------------------------------------------------------
say "Building Redress.slnx ($CONFIGURATION)"
if ! dotnet build "$ROOT/Redress.slnx" -c "$CONFIGURATION" --nologo -v minimal 2>&1 | tee "$RESULTS/build.log"; then
  echo "The build failed (log: $RESULTS/build.log); no test could run." >&2
  if [[ "$REQUIRE_ALL" == 1 ]]; then echo "REDRESS_REQUIRE_ALL=1: no suite could run." >&2; fi
  finish 1
fi

# One attribute of the TRX element in $2.
attr() { sed -n "s/.* $1=\"\([^\"]*\)\".*/\1/p" <<<"$2"; }

# "outcome<TAB>test name" for every test result in a TRX file, in one pass (suites have thousands of tests).
trx_results() {
  grep -o '<UnitTestResult [^>]*>' "$1" \
    | awk '{
        o = ""; n = "";
        if (match($0, / outcome="[^"]*"/)) o = substr($0, RSTART + 10, RLENGTH - 11);
        if (match($0, / testName="[^"]*"/)) n = substr($0, RSTART + 11, RLENGTH - 12);
        print o "\t" n
      }' \
    | sed 's/&quot;/"/g; s/&apos;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g' || true
}

# Prints at most 50 lines of a list, then how many more there are.
print_list() {
  local title=$1; shift
  echo "$title"
  printf '  %s\n' "${@:1:50}"
  [[ $# -le 50 ]] || echo "  ... and $(($# - 50)) more (see the TRX files)"
}

SUITE_LINES=()
SKIPPED_NAMES=()
FAILED_NAMES=()
mapfile -t PROJECTS < <(find "$ROOT/tests" -mindepth 2 -maxdepth 2 -name '*.csproj' | sort)
if [[ ${#PROJECTS[@]} -eq 0 ]]; then
  NOT_RUNNABLE+=("no test projects under tests/")
fi
for project in "${PROJECTS[@]}"; do
  name="$(basename "$project" .csproj)"
  dir="$RESULTS/$name"
  rm -rf "$dir"
  mkdir -p "$dir"
  if [[ "$name" == Redress.BrowserTests && $BROWSER_OK == 0 ]]; then
    SUITE_LINES+=("$(printf '  %-32s did not run (no Chromium)' "$name")")
    continue
  fi
  say "Testing $name"
  rc=0
  # --blame-hang: a hung test fails the suite after 20 minutes instead of eating the CI budget.
  dotnet test "$project" --no-build -c "$CONFIGURATION" --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$dir" \
    --blame-hang --blame-hang-timeout 20m --blame-hang-dump-type none \
    2>&1 | tee "$dir/console.log" || rc=$?

  trx="$dir/$name.trx"
  if [[ ! -f "$trx" ]]; then
    SUITE_LINES+=("$(printf '  %-32s did not run (exit code %d, no TRX; see %s)' "$name" "$rc" "$dir/console.log")")
    NOT_RUNNABLE+=("$name could not run (exit code $rc, no TRX)")
    continue
  fi
  p=0 f=0 s=0
  while IFS=$'\t' read -r outcome test_name; do
    case "$outcome" in
      Passed) p=$((p + 1)) ;;
      NotExecuted | Inconclusive | Pending) s=$((s + 1)); SKIPPED_NAMES+=("$name: $test_name") ;;
      *) f=$((f + 1)); FAILED_NAMES+=("$name: $test_name ($outcome)") ;;
    esac
  done < <(trx_results "$trx")
  PASSED=$((PASSED + p)) FAILED=$((FAILED + f)) SKIPPED=$((SKIPPED + s))
  summary="$(grep -o '<ResultSummary [^>]*>' "$trx" | head -n 1 || true)"
  run_outcome="$(attr outcome "$summary")"
  status="ok"
  if [[ $rc -ne 0 && $f -eq 0 ]]; then
    # The runner failed without a failed test: a crashed or hung test host, or tests that never started.
    status="runner failed (exit code $rc, outcome ${run_outcome:-unknown})"
    NOT_RUNNABLE+=("$name: the test run did not complete (exit code $rc, outcome ${run_outcome:-unknown})")
  elif [[ $((p + f + s)) -eq 0 ]]; then
    status="no tests"
  elif [[ $f -gt 0 ]]; then
    status="FAILED"
  fi
  SUITE_LINES+=("$(printf '  %-32s %4d passed %4d failed %4d skipped   %s' "$name" "$p" "$f" "$s" "$status")")
done

# ---------------------------------------------------------------------------------------------------
# 5. Summary.
# ---------------------------------------------------------------------------------------------------
say "Summary"
printf '%s\n' "${SUITE_LINES[@]}"
[[ ${#FAILED_NAMES[@]} -eq 0 ]] || print_list "Failed:" "${FAILED_NAMES[@]}"
[[ ${#SKIPPED_NAMES[@]} -eq 0 ]] || print_list "Skipped:" "${SKIPPED_NAMES[@]}"
[[ ${#NOT_RUNNABLE[@]} -eq 0 ]] || print_list "Not run:" "${NOT_RUNNABLE[@]}"

code=0
[[ $FAILED -gt 0 ]] && code=1
[[ ${#NOT_RUNNABLE[@]} -gt 0 && "$REQUIRE_ALL" == 1 ]] && code=1
# Without REDRESS_REQUIRE_ALL a missing PostgreSQL, SMTP server or Chromium only skips tests; a suite that crashed still fails.
for reason in "${NOT_RUNNABLE[@]}"; do
  [[ "$reason" == PostgreSQL* || "$reason" == "SMTP server"* || "$reason" == "Redress.BrowserTests: no Chromium"* ]] || code=1
done
if [[ "$REQUIRE_ALL" == 1 && $SKIPPED -gt 0 ]]; then
  echo "REDRESS_REQUIRE_ALL=1: $SKIPPED skipped test(s) count as failures (listed above)." >&2
  code=1
fi
if [[ "$REQUIRE_ALL" == 1 && ${#NOT_RUNNABLE[@]} -gt 0 ]]; then
  echo "REDRESS_REQUIRE_ALL=1: ${#NOT_RUNNABLE[@]} part(s) of the run could not run (listed above)." >&2
fi
finish "$code"
