#!/usr/bin/env bash
# Preview-server benchmark on the shared 10,000-article corpus.
# Usage: scripts/bench-serve.sh [EDITS] [ARTICLES]
#
# Builds portfolio (release), starts `portfolio serve` on a site whose content/ is a
# symbolic link to the corpus, then:
#   1. edits one article EDITS times (a line added to the body; the title changed; a tag
#      added, which moves the article into another list and rebuilds the library),
#      and measures the time from the file's save to the reload event on the event
#      stream (a small client reading /__portfolio/events) and the rebuild time the server
#      logs; prints the medians, and how long the search index takes to catch up;
#   2. runs wrk (64 connections, 10 s) against the server and against nginx serving the
#      same folder, in the same run, and prints both throughputs and the errors.
# Environment: BENCH_DIR (work folder), SHARED (../shared), PORT (4600), SKIP_BUILD=1,
# BIN with SKIP_BUILD=1 (time a given binary), SKIP_WRK=1 (edits only).
set -euo pipefail
cd "$(dirname "$0")/.."
edits=${1:-7}
articles=${2:-10000}
shared=${SHARED:-../shared}
work=${BENCH_DIR:-/tmp/portfolio-bench-serve}
port=${PORT:-4600}
nginx_port=$((port + 1))
mkdir -p "$work"
if [ ! -f "$work/corpus-$articles.done" ]; then
  rm -rf "$work/corpus"
  python3 "$shared/bench/make_corpus.py" "$work/corpus" --articles "$articles" >/dev/null
  touch "$work/corpus-$articles.done"
fi
[ -n "${SKIP_BUILD:-}" ] || swift build -c release --static-swift-stdlib --product portfolio >/dev/null
bin=${BIN:-$PWD/.build/release/portfolio}
site=$work/site
rm -rf "$site"
mkdir -p "$site"
ln -sfn "$work/corpus" "$site/content"
cp portfolio.yml "$site/portfolio.yml"

server_pid="" nginx_pid=""
cleanup() {
  [ -z "$server_pid" ] || kill -INT "$server_pid" 2>/dev/null || true
  [ -z "$nginx_pid" ] || kill -QUIT "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

echo "corpus: $articles articles, $(du -shL "$work/corpus" | cut -f1) of Markdown; $(nproc) cores; $edits edits per kind"
"$bin" serve --source "$site" --port "$port" > "$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 600); do grep -q "search index updated" "$work/serve.log" && break; sleep 0.5; done
grep -E "^built|^serving|^watching|search index updated" "$work/serve.log" | sed 's/^/  server: /'

# Edits: save → reload event, and the rebuild time from the server's log.
python3 - "$port" "$work/serve.log" "$work/corpus/posts" "$edits" <<'PY'
import os, re, socket, statistics, sys, time

port, log_path, posts, edits = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])

class Events:
    """A minimal server-sent events client."""
    def __init__(self):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(b"GET /__portfolio/events HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n")
        self.sock.settimeout(60)
        self.buffer = b""
        self.wait("hello")

    def wait(self, name):
        marker = b"event: " + name.encode()
        while marker not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise SystemExit("event stream closed")
            self.buffer += chunk
        self.buffer = self.buffer.split(marker, 1)[1]
        return time.monotonic()

def log_lines():
    with open(log_path, encoding="utf-8") as f:
        return f.read().splitlines()

def wait_line(pattern, after, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [l for l in log_lines()[after:] if re.search(pattern, l)]
        if found:
            return found[0]
        time.sleep(0.02)
    raise SystemExit(f"no log line matching {pattern!r}")

def seconds(text):
    value, unit = re.search(r"in ([\d.]+) (ms|s)\b", text).groups()
    return float(value) / (1000 if unit == "ms" else 1)

files = sorted(os.listdir(posts))
originals = {}
results = {}
events = Events()
kinds = ("body line", "title", "tags")
for k, kind in enumerate(kinds):
    latencies, rebuilds, searches, rendered = [], [], [], []
    for i in range(edits):
        name = files[(i * 613 + k * 307) % len(files)]
        path = os.path.join(posts, name)
        text = originals.setdefault(path, open(path, encoding="utf-8").read())
        if kind == "body line":
            edited = text.rstrip("\n") + f"\n\n補上一行:第 {i} 次修改。\n"
        elif kind == "title":
            edited = re.sub(r'^title: "(.*)"$', lambda m: f'title: "{m.group(1)}(修訂 {i})"', text, count=1, flags=re.M)
        else:
            edited = re.sub(r'^tags: \[(.*)\]$', lambda m: f'tags: [{m.group(1)}, 新標籤{i}]', text, count=1, flags=re.M)
        seen = len(log_lines())
        with open(path, "w", encoding="utf-8") as f:
            f.write(edited)
        saved = time.monotonic()
        reloaded = events.wait("reload")
        latencies.append(reloaded - saved)
        line = wait_line(r"changed: .* pages rendered", seen)
        rebuilds.append(seconds(line.split("·")[0]))
        rendered.append(int(re.search(r"(\d+) of \d+ pages rendered", line).group(1)))
        searches.append(seconds(wait_line(r"search index updated", seen)))
    results[kind] = (latencies, rebuilds, searches, rendered)

seen = len(log_lines())
for path, text in originals.items():
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
wait_line(r"search index updated", seen)

def row(label, index, show):
    print(f"  {label:40s}" + "".join(f"{show(results[kind][index]):>12s}" for kind in kinds))

print(f"\none edited article, median of {edits} edits" + " " * 3 + "".join(f"{kind:>12s}" for kind in kinds))
row("rebuilt output (server log)", 1, lambda xs: f"{statistics.median(xs) * 1000:.0f} ms")
row("save -> reload event", 0, lambda xs: f"{statistics.median(xs) * 1000:.0f} ms")
row("pages rendered", 3, lambda xs: f"{statistics.median(xs):.0f}")
row("search index caught up (background)", 2, lambda xs: f"{statistics.median(xs):.2f} s")
for kind, (lat, reb, _, _) in results.items():
    print(f"  {kind:10s} all: reload " + " ".join(f"{x * 1000:.0f}" for x in lat) + " ms; rebuild " + " ".join(f"{x * 1000:.0f}" for x in reb) + " ms")
PY

# Throughput: wrk against the server and against nginx on the same folder.
[ -z "${SKIP_WRK:-}" ] || exit 0
folder=$site/.portfolio/serve
nginx_dir=$(mktemp -d)
cat > "$nginx_dir/nginx.conf" <<EOF
worker_processes auto;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  charset utf-8;
  client_body_temp_path $nginx_dir/body;
  proxy_temp_path $nginx_dir/proxy;
  fastcgi_temp_path $nginx_dir/fastcgi;
  uwsgi_temp_path $nginx_dir/uwsgi;
  scgi_temp_path $nginx_dir/scgi;
  server { listen 127.0.0.1:$nginx_port; root $folder; index index.html; }
}
EOF
nginx -c "$nginx_dir/nginx.conf" -p "$nginx_dir" -g 'daemon off;' &
nginx_pid=$!
sleep 0.5
article=$(curl -s "http://127.0.0.1:$port/" | grep -o 'href="/posts/[^"]*"' | head -1 | cut -d'"' -f2)
tag=$(curl -s "http://127.0.0.1:$port/tags/" | grep -o 'href="/tags/[^"]*/"' | head -1 | cut -d'"' -f2)

# wrk_run URL: "requests/s errors"
wrk_run() {
  local out errors
  out=$(wrk -t2 -c64 -d10s "$1")
  errors=$(echo "$out" | awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}')
  echo "$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}') $errors"
}

printf '\nwrk -t2 -c64 -d10s (same machine, same run)   %-22s %-22s %s\n' "portfolio serve" "nginx $(nginx -v 2>&1 | cut -d/ -f2)" "ratio"
for path in "/" "$article" "$tag" "/assets/style.css"; do
  read -r ours our_errors < <(wrk_run "http://127.0.0.1:$port$path")
  read -r theirs their_errors < <(wrk_run "http://127.0.0.1:$nginx_port$path")
  size=$(curl -s "http://127.0.0.1:$nginx_port$path" | wc -c)
  printf '  %-44s %7s req/s, %s errors   %7s req/s, %s errors   %.2f\n' "$(printf '%.32s' "$path") ($((size / 1024)) KB)" \
    "$ours" "$our_errors" "$theirs" "$their_errors" "$(awk -v a="$ours" -v b="$theirs" 'BEGIN { print a / b }')"
done
