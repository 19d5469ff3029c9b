#!/usr/bin/env bash
# Benchmark of the hosted counter (`portfolio counter serve`), loopback only, in one run:
#   1. wrk -c64 POST /views/{id} against the service on SQLite (ids and User-Agents rotate
#      so that the one-view-per-visitor rule does not absorb the load), GET of 50 ids,
#      /healthz (the same server counting nothing), and nginx serving a small static
#      file: requests/s, p99 latency and the ratio to nginx;
#   2. kill -9 in the middle of a 10 s POST load: views answered and views stored;
#   3. two instances on one PostgreSQL (scripts/with-postgres), each under its own wrk:
#      throughput, views answered and views stored;
#   4. the service's peak memory (VmHWM) under all of it.
# Usage: scripts/bench-counter.sh   (environment: SKIP_BUILD=1 BIN=path, DURATION=10)
# Takes /tmp/bench.lock so that it never runs beside another benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${BENCH_LOCKED:-}" ] || exec env BENCH_LOCKED=1 flock /tmp/bench.lock "$0" "$@"
[ -n "${PORTFOLIO_TEST_POSTGRES:-}" ] || exec scripts/with-postgres "$0" "$@"
duration=${DURATION:-10}
[ -n "${SKIP_BUILD:-}" ] || swift build -c release --product portfolio >/dev/null
bin=${BIN:-$PWD/.build/release/portfolio}
work=$(mktemp -d /tmp/portfolio-bench-counter.XXXXXX)
chmod 755 "$work"  # nginx workers run as nobody
export BENCH_IDS=10000 BENCH_ORIGIN=https://bench.example
pids=() nginx_pid=""
cleanup() {
  # nginx's workers hold the benchmark lock too: stop the master gracefully so they go with it.
  [ -z "$nginx_pid" ] || kill -QUIT "$nginx_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A published site of 10,000 articles, as far as the counter sees it: its manifest.
python3 - "$work/site" <<'PY'
import json, os, sys
os.makedirs(sys.argv[1])
lines = ",\n".join(json.dumps({"id": f"a{i}", "views": i % 1000, "aliases": []}) for i in range(10000))
open(os.path.join(sys.argv[1], "counter.json"), "w").write(
    '{"format":"portfolio-counter 1","origin":"https://bench.example","articles":[\n' + lines + "\n]}\n")
open(os.path.join(sys.argv[1], "small.json"), "w").write('{"id":"a1","views":1234}')
PY

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
start_counter() {  # start_counter PORT STORE-ARGS…: starts it in the background, sets counter_pid
  local port=$1; shift
  "$bin" counter serve --site "$work/site" --port "$port" --rate-limit 0 "$@" >>"$work/counter.log" 2>&1 &
  counter_pid=$!
  pids+=("$counter_pid")
  for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return; sleep 0.05; done
  echo "the counter did not start"; cat "$work/counter.log"; exit 1
}
# wrk_run URL [SCRIPT]: "requests/s p99-ms errors answered"
wrk_run() {
  local out
  out=$(wrk -t2 -c64 -d"${duration}s" --latency ${2:+-s "$2"} "$1" 2>&1)
  echo "$out" | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +99%/ { v = $2; if (v ~ /us$/) { sub("us", "", v); v /= 1000 } else if (v ~ /ms$/) { sub("ms", "", v) } else if (v ~ /s$/) { sub("s", "", v); v *= 1000 }; p99 = v }
    /Non-2xx/ { errors += $NF } /Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    /^answered/ { answered = $2 }
    END { printf "%.0f %.2f %d %d\n", rps, p99, errors, answered }'
}
stored() { "$bin" counter stats "$@" | awk '/views recorded/ { print $3 }'; }
peak_memory() { awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

nginx_port=$(free_port)
mkdir -p "$work/nginx"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy; fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  server { listen 127.0.0.1:$nginx_port; root $work/site; }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -g 'daemon off;' &
nginx_pid=$!
sleep 0.5

echo "$(nproc) cores; wrk -t2 -c64 -d${duration}s --latency; 10,000 ids; SQLite in WAL mode, synchronous=FULL"
port=$(free_port)
start_counter "$port" --db "$work/counts.sqlite"
sqlite_pid=$counter_pid
read -r n_rps n_p99 n_err _ < <(wrk_run "http://127.0.0.1:$nginx_port/small.json")
export BENCH_RUN=sqlite
read -r p_rps p_p99 p_err p_answered < <(wrk_run "http://127.0.0.1:$port/views/a1" scripts/bench/counter-post.lua)
read -r g_rps g_p99 g_err _ < <(wrk_run "http://127.0.0.1:$port/views" scripts/bench/counter-get.lua)
# The same server on a route that counts nothing: what the HTTP stack itself reaches.
read -r h_rps h_p99 h_err _ < <(wrk_run "http://127.0.0.1:$port/healthz")
p_stored=$(stored --db "$work/counts.sqlite")
# row LABEL RPS P99 ERRORS: one line of the table, with the ratio to nginx's rate.
row() { printf '  %-34s %8s req/s  p99 %7s ms  %s errors  ratio to nginx %.2f\n' "$1" "$2" "$3" "$4" "$(awk -v a="$2" -v b="$n_rps" 'BEGIN { print a / b }')"; }
printf '  %-34s %8s req/s  p99 %7s ms  %s errors\n' "nginx, a 25-byte static file" "$n_rps" "$n_p99" "$n_err"
row "POST /views/{id} (SQLite)" "$p_rps" "$p_p99" "$p_err"
row "GET /views?ids= (50 ids)" "$g_rps" "$g_p99" "$g_err"
row "GET /healthz (no store)" "$h_rps" "$h_p99" "$h_err"
echo "  views answered $p_answered, stored $p_stored; peak memory $(peak_memory "$sqlite_pid") MB"
kill -TERM "$sqlite_pid"; wait "$sqlite_pid" 2>/dev/null || true

# kill -9 halfway through a load.
port=$(free_port)
start_counter "$port" --db "$work/crash.sqlite"
crash_pid=$counter_pid
export BENCH_RUN=crash
wrk_run "http://127.0.0.1:$port/views/a1" scripts/bench/counter-post.lua > "$work/crash.out" &
wrk_pid=$!
sleep $((duration / 2))
kill -9 "$crash_pid"
wait "$wrk_pid" || true
read -r _ _ _ c_answered < "$work/crash.out"
echo "  kill -9 after $((duration / 2)) s of a ${duration} s load: views answered $c_answered, stored $(stored --db "$work/crash.sqlite")"

# Two instances on one PostgreSQL.
psql "$PORTFOLIO_TEST_POSTGRES" -q -c "CREATE DATABASE bench"
pg_url=${PORTFOLIO_TEST_POSTGRES/\/postgres\?/\/bench?}
ports=($(free_port) $(free_port))
start_counter "${ports[0]}" --postgres "$pg_url"; first=$counter_pid
start_counter "${ports[1]}" --postgres "$pg_url"; second=$counter_pid
export BENCH_RUN=pg
BENCH_RUN=pg1 wrk_run "http://127.0.0.1:${ports[0]}/views/a1" scripts/bench/counter-post.lua > "$work/pg1.out" &
w1=$!
BENCH_RUN=pg2 wrk_run "http://127.0.0.1:${ports[1]}/views/a1" scripts/bench/counter-post.lua > "$work/pg2.out" &
w2=$!
wait "$w1" "$w2"
read -r r1 q1 e1 a1 < "$work/pg1.out"
read -r r2 q2 e2 a2 < "$work/pg2.out"
printf '  PostgreSQL, two instances (64 connections each): %s + %s req/s, p99 %s / %s ms, %s errors\n' "$r1" "$r2" "$q1" "$q2" "$((e1 + e2))"
echo "  views answered $((a1 + a2)), stored $(stored --postgres "$pg_url"); peak memory $(peak_memory "$first") / $(peak_memory "$second") MB"
