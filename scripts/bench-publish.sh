#!/usr/bin/env bash
# publish against build on the shared 10,000-article corpus, in one run: median wall and
# CPU time of each over RUNS alternating runs and their ratio (budget: publish at most
# twice the build), the compressed size of the HTML (budget: Brotli at most 20% of the
# raw bytes), and the median time of `portfolio check` over the published folder
# (budget: 1 s). Takes /tmp/bench.lock, so no other benchmark runs meanwhile.
# Also times a warm publish (into a folder holding an earlier publish) and, with
# LEVELS=1, every compression level on a sample of the pages.
# Usage: scripts/bench-publish.sh [RUNS] [ARTICLES]
# Environment: BENCH_DIR (work folder, shared with bench-build.sh), OUTPUTS (where outputs
# go; tmpfs by default, each removed after its run), SHARED (../shared), BIN with
# SKIP_BUILD=1 (time a given binary).
set -euo pipefail
if [ -z "${BENCH_LOCKED:-}" ]; then exec env BENCH_LOCKED=1 flock /tmp/bench.lock "$(realpath "$0")" "$@"; fi
cd "$(dirname "$0")/.."
runs=${1:-5}
articles=${2:-10000}
shared=${SHARED:-../shared}
[ -d "$shared" ] || shared=/work/shared
work=${BENCH_DIR:-/tmp/portfolio-bench}
mkdir -p "$work"
if [ ! -f "$work/corpus-$articles.done" ]; then
  rm -rf "$work/corpus"
  python3 "$shared/bench/make_corpus.py" "$work/corpus" --articles "$articles" >/dev/null
  touch "$work/corpus-$articles.done"
fi
[ -n "${SKIP_BUILD:-}" ] || swift build -c release --static-swift-stdlib --product portfolio >/dev/null
bin=${BIN:-$PWD/.build/release/portfolio}
site=$work/site
mkdir -p "$site"
ln -sfn "$work/corpus" "$site/content"
printf 'title: 行銷知識作品集\nbase_url: https://example.org/\npaginate: 20\n' > "$site/portfolio.yml"
# On tmpfs a removed output frees its inodes at once, so each run starts from an empty
# folder without the wait bench-build.sh needs on this machine's disk.
outputs=${OUTPUTS:-/dev/shm/portfolio-bench-publish}
rm -rf "$outputs"; mkdir -p "$outputs"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# run_once NAME COMMAND...: appends "wall peakKB user sys" of one run to $work/NAME.times.
run_once() {
  local name=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/$name.one" "$@" >"$work/$name.out" 2>"$work/$name.err" || { cat "$work/$name.out" "$work/$name.err"; exit 1; }
  cat "$work/$name.one" >> "$work/$name.times"
}

echo "corpus: $articles articles, $(du -shL "$work/corpus" | cut -f1) of Markdown; $runs runs each, alternating; $(nproc) cores; outputs on $(stat -f -c %T "$outputs")"
: > "$work/build.times"; : > "$work/publish.times"; : > "$work/check.times"
for i in $(seq "$runs"); do
  run_once build "$bin" build --source "$site" --output "$outputs/build"
  rm -rf "$outputs/build" "$outputs/.build."*
  run_once publish "$bin" publish --source "$site" --output "$outputs/publish"
  [ "$i" = "$runs" ] || rm -rf "$outputs/publish" "$outputs/.publish."*
done
tail -n 11 "$work/publish.out"
# Warm: publishing again into a folder whose output before last was a publish, as after
# an edit; unchanged files keep their compressed siblings.
"$bin" publish --source "$site" --output "$outputs/warm" >/dev/null
"$bin" publish --source "$site" --output "$outputs/warm" >/dev/null
: > "$work/warm.times"
for i in $(seq "$runs"); do run_once warm "$bin" publish --source "$site" --output "$outputs/warm"; done
rm -rf "$outputs/warm" "$outputs/.warm."*
for i in $(seq "$runs"); do run_once check "$bin" check --source "$site" --output "$outputs/publish"; done
tail -n 1 "$work/check.out"

summary() {  # summary NAME LABEL
  local med cpu mem
  med=$(cut -d' ' -f1 "$work/$1.times" | median)
  cpu=$(awk '{print $3 + $4}' "$work/$1.times" | median)
  mem=$(cut -d' ' -f2 "$work/$1.times" | sort -n | tail -1)
  printf '%-20s median %6.2f s wall, %6.2f s CPU   peak %5d MB   (wall runs: %s)\n' "$2" "$med" "$cpu" $((mem / 1024)) "$(cut -d' ' -f1 "$work/$1.times" | tr '\n' ' ')"
  echo "$med $cpu" > "$work/$1.median"
}
summary build "portfolio build"
summary publish "portfolio publish"
summary warm "publish, warm"
summary check "portfolio check"
read -r b_med b_cpu < "$work/build.median"
read -r p_med p_cpu < "$work/publish.median"
read -r w_med w_cpu < "$work/warm.median"
awk -v p="$p_med" -v b="$b_med" -v pc="$p_cpu" -v bc="$b_cpu" 'BEGIN { printf "ratio publish/build: wall %.2f, CPU %.2f (budget 2.00)\n", p / b, pc / bc }'
awk -v p="$w_med" -v b="$b_med" -v pc="$w_cpu" -v bc="$b_cpu" 'BEGIN { printf "ratio warm publish/build: wall %.2f, CPU %.2f\n", p / b, pc / bc }'
# The HTML's bytes, raw and as the .br and .gz files a server sends instead.
python3 - "$outputs/publish" <<'PY'
import os, sys
os.chdir(sys.argv[1])
raw = br = gz = 0
for folder, _, names in os.walk("."):
    for name in names:
        if name.endswith(".html"):
            path = os.path.join(folder, name)
            size = os.path.getsize(path)
            raw += size
            br += os.path.getsize(path + ".br") if os.path.exists(path + ".br") else size
            gz += os.path.getsize(path + ".gz") if os.path.exists(path + ".gz") else size
print(f"HTML: {raw / 1e6:.1f} MB raw, brotli {br / 1e6:.1f} MB ({100 * br / raw:.1f}%, budget 20%), gzip {gz / 1e6:.1f} MB ({100 * gz / raw:.1f}%)")
PY
echo "published folder: $(find "$outputs/publish" -type f | wc -l) files, $(du -sh "$outputs/publish" | cut -f1)"
# LEVELS=1: every Brotli quality and gzip level on every tenth page of the folder, one
# file at a time as publish does, by Debian's brotli and gzip commands (the same
# libraries), one core: size against the raw HTML and speed in CPU time.
if [ -n "${LEVELS:-}" ]; then
  sample=$outputs/sample; mkdir -p "$sample"
  (cd "$outputs/publish" && find . -name '*.html' | sort | awk 'NR % 10 == 0') | { i=0; while read -r f; do i=$((i + 1)); cp "$outputs/publish/$f" "$sample/$i.html"; done; }
  raw=$(cat "$sample"/*.html | wc -c)
  echo "levels on $(ls "$sample" | wc -l) pages, $((raw / 1000000)) MB raw:"
  for q in 1 2 3 4 5 6 7 8 9 10 11; do
    rm -f "$sample"/*.br
    cpu=$( { /usr/bin/time -f "%U %S" brotli -q "$q" -k -f "$sample"/*.html; } 2>&1 | awk '{print $1 + $2}')
    size=$(cat "$sample"/*.br | wc -c)
    awk -v q="$q" -v s="$size" -v r="$raw" -v c="$cpu" 'BEGIN { printf "  brotli %2d: %5.1f%%  %6.1f MB/s\n", q, 100 * s / r, r / 1e6 / (c > 0 ? c : 0.01) }'
  done
  for l in 1 2 3 4 5 6 7 8 9; do
    rm -f "$sample"/*.gz
    cpu=$( { /usr/bin/time -f "%U %S" gzip -"$l" -k -f -n "$sample"/*.html; } 2>&1 | awk '{print $1 + $2}')
    size=$(cat "$sample"/*.gz | wc -c)
    awk -v l="$l" -v s="$size" -v r="$raw" -v c="$cpu" 'BEGIN { printf "  gzip   %2d: %5.1f%%  %6.1f MB/s\n", l, 100 * s / r, r / 1e6 / (c > 0 ? c : 0.01) }'
  done
fi
rm -rf "$outputs"
