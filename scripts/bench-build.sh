#!/usr/bin/env bash
# Full-build benchmark on the shared 10,000-article corpus, side by side with Hugo.
# Usage: scripts/bench-build.sh [RUNS] [ARTICLES]
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
swift build -c release --product portfolio >/dev/null
bin=$PWD/.build/release/portfolio
site=$work/site
mkdir -p "$site"
ln -sfn "$work/corpus" "$site/content"
printf 'title: 行銷知識作品集\nbase_url: https://example.org/\npaginate: 20\n' > "$site/portfolio.yml"

# median of a list of numbers
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# time_runs NAME OUTPUT COMMAND...: wall seconds and peak KB of each run into
# $work/NAME.times. Each run starts from an empty output folder (removed outside the
# timing, with the disk flushed), so both tools write the same way.
time_runs() {
  local name=$1 out=$2; shift 2
  : > "$work/$name.times"
  for i in $(seq "$runs"); do
    rm -rf "$out" "$work"/.out-*.trash-*; sync
    /usr/bin/time -f "%e %M %U %S" -o "$work/$name.one" "$@" >/dev/null 2>"$work/$name.err" || { cat "$work/$name.err"; exit 1; }
    cat "$work/$name.one" >> "$work/$name.times"
  done
}

echo "corpus: $articles articles, $(du -sh "$work/corpus" | cut -f1) of Markdown; $runs runs each; $(nproc) cores"
time_runs portfolio "$work/out-portfolio" "$bin" build --source "$site" --output "$work/out-portfolio"
"$bin" build --source "$site" --output "$work/out-portfolio" | tail -n 10
p_med=$(cut -d' ' -f1 "$work/portfolio.times" | median)
p_mem=$(cut -d' ' -f2 "$work/portfolio.times" | sort -n | tail -1)
p_cpu=$(awk '{print $3 + $4}' "$work/portfolio.times" | median)
printf '%-24s median %6.2f s wall, %6.2f s CPU   peak %5d MB   (wall runs: %s)\n' "portfolio build" "$p_med" "$p_cpu" $((p_mem / 1024)) "$(cut -d' ' -f1 "$work/portfolio.times" | tr '\n' ' ')"

if command -v hugo >/dev/null; then
  rm -rf "$work/hugo"
  cp -r "$shared/bench/hugo-site" "$work/hugo"
  ln -sfn "$work/corpus" "$work/hugo/content"
  time_runs hugo "$work/out-hugo" hugo --quiet --source "$work/hugo" -d "$work/out-hugo"
  h_med=$(cut -d' ' -f1 "$work/hugo.times" | median)
  h_mem=$(cut -d' ' -f2 "$work/hugo.times" | sort -n | tail -1)
  h_cpu=$(awk '{print $3 + $4}' "$work/hugo.times" | median)
  printf '%-24s median %6.2f s wall, %6.2f s CPU   peak %5d MB   (wall runs: %s)\n' "hugo $(hugo version | cut -d' ' -f2)" "$h_med" "$h_cpu" $((h_mem / 1024)) "$(cut -d' ' -f1 "$work/hugo.times" | tr '\n' ' ')"
  awk -v p="$p_med" -v h="$h_med" -v pc="$p_cpu" -v hc="$h_cpu" 'BEGIN { printf "ratio portfolio/hugo: wall %.2f, CPU %.2f\n", p / h, pc / hc }'
else
  echo "hugo not installed (apt-get install hugo): no side-by-side numbers"
fi
