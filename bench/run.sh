#!/usr/bin/env bash
# One-command benchmark run for issue 9 (docs/benchmarks.md, "Issue 9" section):
#   bench/run.sh
# 1. builds the jar; 2. clinic data set, start time to /actuator/health UP and RSS at -Xmx256m;
# 3. hospital500 data set (+ group300 in the same database), timed, database size;
# 4. wrk against dashboard, device list (page), assessment page, evaluation API: p50/p95, req/s;
# 5. official Excel of one institution and the roll-up Excel over 300 organisations, timed;
# 6. the JMH profile (-Pbench); 7. writes the figures into docs/benchmarks.md.
# Not part of ./mvnw verify. Needs: JDK 17, wrk (apt-get install wrk), curl, python3.
# Database: H2 files under target/bench (default) or PostgreSQL when MAMORI_BENCH_PG_URL is set
# (MAMORI_BENCH_PG_USER / MAMORI_BENCH_PG_PASSWORD; use an empty database).
# Sizes: BENCH_EVENTS (default 10000000), BENCH_DEVICES (10000), BENCH_ACCOUNTS (50000),
# BENCH_GROUP_ORGS (300); wrk: BENCH_DURATION (30s), BENCH_CONNECTIONS (8), BENCH_THREADS (2),
# BENCH_WARMUP (45s): before anything is measured, every URL is loaded twice for this long, round robin.
# Without it the first minute measures the JIT: on 2 cores the one C2 compiler thread is busy for 60-90 s
# after start and the device list goes from 55 to 320 req/s as it finishes (docs/benchmarks.md).
# BENCH_SKIP_JMH=1 skips step 6; BENCH_JMH_FROM=FILE takes its figures from an earlier JMH JSON
# (BENCH_JMH_SOURCE says which run, for the report).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT=${BENCH_OUT:-$ROOT/target/bench}
EVENTS=${BENCH_EVENTS:-10000000}
DEVICES=${BENCH_DEVICES:-10000}
ACCOUNTS=${BENCH_ACCOUNTS:-50000}
GROUP_ORGS=${BENCH_GROUP_ORGS:-300}
DURATION=${BENCH_DURATION:-30s}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
THREADS=${BENCH_THREADS:-2}
WARMUP=${BENCH_WARMUP:-45s}
PORT=${BENCH_PORT:-18089}
PASSWORD='Load-test-passphrase-2026!'
RESULTS=$OUT/results.tsv
SERVER_PID=

rm -rf "$OUT" && mkdir -p "$OUT"
printf '%s\n' "$PASSWORD" > "$OUT/password.txt"
: > "$RESULTS"
result() { printf '%s\t%s\n' "$1" "$2" >> "$RESULTS"; echo "  $1 = $2"; }
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$(now) - $1:.1f}')"; }
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
trap stop_server EXIT

command -v wrk >/dev/null || { echo "wrk is missing: sudo apt-get install wrk" >&2; exit 2; }

db_args() { # $1 = data set name
  if [ -n "${MAMORI_BENCH_PG_URL:-}" ]; then
    echo "--spring.datasource.url=$MAMORI_BENCH_PG_URL --spring.datasource.username=${MAMORI_BENCH_PG_USER:-mamori} --spring.datasource.password=${MAMORI_BENCH_PG_PASSWORD:-mamori}"
  else
    echo "--spring.datasource.url=jdbc:h2:file:$OUT/$1/mamori;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64"
  fi
}
mamori() { # $1 = data set, rest = command
  local set=$1; shift
  # shellcheck disable=SC2046
  java -Xmx2g -jar target/mamori.jar "$@" $(db_args "$set")
}
start_server() { # $1 = data set, $2 = heap
  # shellcheck disable=SC2046
  java "-Xmx$2" -jar target/mamori.jar --server.port="$PORT" $(db_args "$1") > "$OUT/server-$1.log" 2>&1 &
  SERVER_PID=$!
  local started; started=$(now)
  until curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server did not start, see $OUT/server-$1.log" >&2; exit 1; }
    sleep 0.1
  done
  STARTED_IN=$(elapsed "$started")
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status"; }
org_id() { grep -m1 '^org ' "$1" | awk '{print $2}'; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
login() { # $1 = username, $2 = cookie jar; prints the SESSION cookie
  local csrf
  csrf=$(curl -s -c "$2" -b "$2" "http://127.0.0.1:$PORT/login" \
    | python3 -c "import re,sys; print(re.search(r'name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"', sys.stdin.read()).group(1) or '')")
  curl -s -c "$2" -b "$2" -o /dev/null --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PORT/login"
  awk '$6 == "SESSION" {print $7}' "$2"
}
check_ok() { # $1 = url, rest = curl headers; refuses to benchmark a redirect to the login page
  local url=$1; shift
  local code; code=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url")
  [ "$code" = 200 ] || { echo "GET $url answered $code, not 200" >&2; result "failed.$url" "$code"; return 1; }
}
warm() { # $1 = path, rest = wrk header options; unmeasured
  local path=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk-report.lua "$@" "http://127.0.0.1:$PORT$path" > /dev/null
}
load() { # $1 = name, $2 = path, rest = wrk header options
  local name=$1 path=$2; shift 2
  local line
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/wrk-report.lua "$@" "http://127.0.0.1:$PORT$path" | tee "$OUT/wrk-$name.txt" | grep '^RESULT')
  result "wrk.$name" "${line#RESULT }"
}
median_seconds() { # runs curl 5 times and prints the median total time
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done | sort -n | sed -n 3p
}

echo "== machine"
result machine "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
result java "$(java -version 2>&1 | head -1)"
result date "$(date -u '+%Y-%m-%d %H:%M UTC')"
result database "$([ -n "${MAMORI_BENCH_PG_URL:-}" ] && echo PostgreSQL || echo 'H2 file (embedded)')"
result load.before "$(cut -d' ' -f1-3 /proc/loadavg)"

echo "== build"
./mvnw -q -o -Dmaven.test.skip=true -Dspring-javaformat.skip=true package

echo "== clinic: generate, start time and RSS at -Xmx256m"
started=$(now)
mamori clinic dev generate --org-name 性能測定クリニック --profile clinic --seed 1 \
  --user bench --password-file "$OUT/password.txt" | tee "$OUT/generate-clinic.txt"
result clinic.generate_s "$(elapsed "$started")"
CLINIC=$(org_id "$OUT/generate-clinic.txt")
start_server clinic 256m
result clinic.start_s "$STARTED_IN"
result clinic.rss_at_start_mb "$(rss_mb)"
SESSION=$(login bench "$OUT/clinic-cookies.txt")
check_ok "http://127.0.0.1:$PORT/orgs/$CLINIC/dashboard" -H "Cookie: SESSION=$SESSION"
wrk -t1 -c2 -d10s -H "Cookie: SESSION=$SESSION" "http://127.0.0.1:$PORT/orgs/$CLINIC/dashboard" > /dev/null
wrk -t1 -c2 -d10s -H "Cookie: SESSION=$SESSION" "http://127.0.0.1:$PORT/orgs/$CLINIC/ledgers/devices" > /dev/null
result clinic.rss_after_load_mb "$(rss_mb)"
stop_server

echo "== hospital500: $DEVICES devices, $ACCOUNTS accounts, $EVENTS events"
started=$(now)
mamori hospital dev generate --org-name 性能測定病院 --profile hospital500 --devices "$DEVICES" --accounts "$ACCOUNTS" \
  --events "$EVENTS" --seed 1 --user bench --password-file "$OUT/password.txt" --token-file "$OUT/token.txt" \
  | tee "$OUT/generate-hospital.txt"
result hospital.size "$DEVICES devices, $ACCOUNTS accounts, $EVENTS events"
result hospital.generate_s "$(elapsed "$started")"
HOSPITAL=$(org_id "$OUT/generate-hospital.txt")
started=$(now)
mamori hospital dev generate --org-name 性能測定グループ --profile group300 --orgs "$GROUP_ORGS" --seed 2 \
  --user bench-group --password-file "$OUT/password.txt" | tee "$OUT/generate-group.txt"
result group.generate_s "$(elapsed "$started")"
GROUP=$(grep -o 'グループ [0-9a-f-]*' "$OUT/generate-group.txt" | awk '{print $2}')
if [ -z "${MAMORI_BENCH_PG_URL:-}" ]; then
  result hospital.database_mb "$(du -sm "$OUT/hospital" | cut -f1)"
fi
TOKEN=$(cat "$OUT/token.txt")

# from here on a failing step is recorded and the run goes on to the report
set +e
echo "== load run on the hospital data set (-Xmx1g)"
start_server hospital 1g
result hospital.start_s "$STARTED_IN"
SESSION=$(login bench "$OUT/hospital-cookies.txt")
AUTH="Authorization: Bearer $TOKEN"
ASSESSMENT=$(curl -s -H "$AUTH" "http://127.0.0.1:$PORT/api/v1/orgs/$HOSPITAL/assessments" | json "(d if isinstance(d, list) else d.get('items', d.get('assessments')))[0]['id']")
BASE=http://127.0.0.1:$PORT
# the device list filtered by a word most device names hold (the department 内科), one page of it
FILTER=%E5%86%85%E7%A7%91
FILTERED=$(curl -s -H "Cookie: SESSION=$SESSION" "$BASE/orgs/$HOSPITAL/ledgers/devices?q=$FILTER" | grep -o 'id="ledger-count">[0-9,]*' | grep -o '[0-9,]*$' | tr -d ,)
BENCH_PAGES=$(( (${FILTERED:-50} + 49) / 50 )); export BENCH_PAGES
result devices.filtered "${FILTERED:-?} of $DEVICES devices match q=内科 ($BENCH_PAGES pages)"
result warmup "each URL twice for $WARMUP, round robin, before the measured runs"
result wrk.settings "$THREADS threads, $CONNECTIONS connections, $DURATION per URL"
for _ in 1 2; do
  warm "/orgs/$HOSPITAL/dashboard" -H "Cookie: SESSION=$SESSION"
  warm "/orgs/$HOSPITAL/ledgers/devices?q=$FILTER&page=PAGE" -H "Cookie: SESSION=$SESSION"
  warm "/orgs/$HOSPITAL/assessments/$ASSESSMENT" -H "Cookie: SESSION=$SESSION"
  warm "/api/v1/orgs/$HOSPITAL/assessments/$ASSESSMENT/evaluation" -H "$AUTH"
done
check_ok "$BASE/orgs/$HOSPITAL/dashboard" -H "Cookie: SESSION=$SESSION" \
  && load dashboard "/orgs/$HOSPITAL/dashboard" -H "Cookie: SESSION=$SESSION"
check_ok "$BASE/orgs/$HOSPITAL/ledgers/devices?q=$FILTER&page=1" -H "Cookie: SESSION=$SESSION" \
  && load devices "/orgs/$HOSPITAL/ledgers/devices?q=$FILTER&page=PAGE" -H "Cookie: SESSION=$SESSION"
check_ok "$BASE/orgs/$HOSPITAL/assessments/$ASSESSMENT" -H "Cookie: SESSION=$SESSION" \
  && load assessment "/orgs/$HOSPITAL/assessments/$ASSESSMENT" -H "Cookie: SESSION=$SESSION"
check_ok "$BASE/api/v1/orgs/$HOSPITAL/assessments/$ASSESSMENT/evaluation" -H "$AUTH" \
  && load evaluation "/api/v1/orgs/$HOSPITAL/assessments/$ASSESSMENT/evaluation" -H "$AUTH"
result hospital.rss_after_load_mb "$(rss_mb)"

echo "== Excel exports"
check_ok "$BASE/api/v1/orgs/$HOSPITAL/assessments/$ASSESSMENT/export?round=1&format=xlsx" -H "$AUTH" \
  && result excel.institution_s "$(median_seconds -H "$AUTH" "$BASE/api/v1/orgs/$HOSPITAL/assessments/$ASSESSMENT/export?round=1&format=xlsx")"
GROUP_SESSION=$(login bench-group "$OUT/group-cookies.txt")
result excel.rollup_orgs "$GROUP_ORGS"
check_ok "$BASE/groups/$GROUP/rollup.xlsx" -H "Cookie: SESSION=$GROUP_SESSION" \
  && result excel.rollup_s "$(median_seconds -H "Cookie: SESSION=$GROUP_SESSION" "$BASE/groups/$GROUP/rollup.xlsx")"
stop_server

if [ -n "${BENCH_JMH_FROM:-}" ]; then
  # figures of a JMH run made separately (e.g. while the load run used the machine)
  cp "$BENCH_JMH_FROM" "$OUT/jmh.json"
  result jmh.source "${BENCH_JMH_SOURCE:-an earlier run ($BENCH_JMH_FROM)}"
elif [ "${BENCH_SKIP_JMH:-}" != 1 ]; then
  echo "== JMH (-Pbench)"
  ./mvnw -q -o -Pbench -Dspring-javaformat.skip=true test-compile
  ./mvnw -q -o -Pbench dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" -Dspring-javaformat.skip=true
  java -cp "target/test-classes:target/classes:$(cat "$OUT/cp.txt")" org.openjdk.jmh.Main -rf json -rff "$OUT/jmh.json" \
    'jp.mamori.bench.*' | tee "$OUT/jmh.txt" | grep -E '^(Benchmark|[A-Za-z]+Benchmarks\.)' || true
fi
result load.after "$(cut -d' ' -f1-3 /proc/loadavg)"

echo "== report"
python3 bench/report.py "$OUT" docs/benchmarks.md
echo "written: docs/benchmarks.md (section 'Issue 9')"
