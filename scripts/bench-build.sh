#!/usr/bin/env bash
# Full-build benchmark on the shared 10,000-article corpus, side by side with Hugo.
# Usage: scripts/bench-build.sh [RUNS] [ARTICLES]
# Environment: BENCH_DIR (work folder), OUTPUTS (where outputs go), SHARED (../shared),
# BIN with SKIP_BUILD=1 (time a given binary), AGE_WAIT (see below).
# Prints each tool's median wall and CPU time over RUNS builds, the ratios, and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
articles=${2:-10000}
shared=${SHARED:-../shared}
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

# median of a list of numbers
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Each run writes into a folder no earlier run used, so both tools start from an empty
# output. Nothing is deleted between runs: on ext4 without a journal (this machine's
# disk) the kernel skips inodes freed in the last 1 to 6 minutes when it allocates new
# ones, and creating 20,000 files soon after deleting 20,000 others spends most of its
# time in that scan, whichever tool is running. Old outputs are removed before the
# series and, on such a disk, the script waits AGE_WAIT seconds (default 365) for their
# inodes to age out. OUTPUTS=/dev/shm/… puts the outputs on tmpfs instead, which takes
# the disk out of the comparison.
outputs=${OUTPUTS:-$work}
mkdir -p "$outputs"
if compgen -G "$outputs/out-*" >/dev/null; then
  rm -rf "$outputs"/out-* "$outputs"/.out-*; sync
  if [ "$(stat -f -c %T "$outputs")" != tmpfs ]; then
    echo "removed earlier outputs; waiting ${AGE_WAIT:-365} s so their freed inodes age out"
    sleep "${AGE_WAIT:-365}"
  fi
fi

# run_once NAME OUTPUT COMMAND...: appends "wall peakKB user sys" of one run to $work/NAME.times.
run_once() {
  local name=$1 out=$2; shift 2
  sync
  /usr/bin/time -f "%e %M %U %S" -o "$work/$name.one" "$@" >/dev/null 2>"$work/$name.err" || { cat "$work/$name.err"; exit 1; }
  cat "$work/$name.one" >> "$work/$name.times"
}

echo "corpus: $articles articles, $(du -shL "$work/corpus" | cut -f1) of Markdown; $runs runs each, alternating; $(nproc) cores; outputs on $(stat -f -c %T "$outputs")"
have_hugo=""
if command -v hugo >/dev/null; then
  have_hugo=1
  rm -rf "$work/hugo"
  cp -r "$shared/bench/hugo-site" "$work/hugo"
  ln -sfn "$work/corpus" "$work/hugo/content"
fi
: > "$work/portfolio.times"; : > "$work/hugo.times"
for i in $(seq "$runs"); do
  run_once portfolio "$outputs/out-portfolio-$i" "$bin" build --source "$site" --output "$outputs/out-portfolio-$i"
  [ -z "$have_hugo" ] || run_once hugo "$outputs/out-hugo-$i" hugo --quiet --source "$work/hugo" -d "$outputs/out-hugo-$i"
done
"$bin" build --source "$site" --output "$outputs/out-portfolio-log" | tail -n 10

# summary NAME LABEL: median wall and CPU, peak memory, every wall time.
summary() {
  local med cpu mem
  med=$(cut -d' ' -f1 "$work/$1.times" | median)
  cpu=$(awk '{print $3 + $4}' "$work/$1.times" | median)
  mem=$(cut -d' ' -f2 "$work/$1.times" | sort -n | tail -1)
  printf '%-24s median %6.2f s wall, %6.2f s CPU   peak %5d MB   (wall runs: %s)\n' "$2" "$med" "$cpu" $((mem / 1024)) "$(cut -d' ' -f1 "$work/$1.times" | tr '\n' ' ')"
  echo "$med $cpu" > "$work/$1.median"
}
summary portfolio "portfolio build"
if [ -n "$have_hugo" ]; then
  summary hugo "hugo $(hugo version | cut -d' ' -f2)"
  read -r p_med p_cpu < "$work/portfolio.median"
  read -r h_med h_cpu < "$work/hugo.median"
  awk -v p="$p_med" -v h="$h_med" -v pc="$p_cpu" -v hc="$h_cpu" 'BEGIN { printf "ratio portfolio/hugo: wall %.2f, CPU %.2f\n", p / h, pc / hc }'
else
  echo "hugo not installed (apt-get install hugo): no side-by-side numbers"
fi
