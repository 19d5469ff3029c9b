#!/usr/bin/env bash
# How many output files one edited sentence changes, as `portfolio deploy` would upload
# them: builds the shared corpus, builds it again with one sentence of one article
# rewritten (into another folder), and counts the files that differ (`diff -rq`) under
# search/ (by folder: shards, norms, docs, the rest) and in the whole output. Runs BIN
# and, when set, BASE_BIN (e.g. a build of main) in one run, with each build's wall time.
# Takes /tmp/bench.lock.
# Usage: scripts/bench-edit-churn.sh [ARTICLES]
# Environment: BIN (default .build/release/portfolio), BASE_BIN, EDIT (sentence: the
# article's first sentence replaced by a longer one, the default; word: one word replaced
# by another of the same length, so no position after it moves), BENCH_DIR (work
# folder), OUTPUTS (where outputs go; tmpfs by default), SHARED (../shared).
set -euo pipefail
if [ -z "${BENCH_LOCKED:-}" ]; then exec env BENCH_LOCKED=1 flock /tmp/bench.lock "$(realpath "$0")" "$@"; fi
cd "$(dirname "$0")/.."
articles=${1:-10000}
edit=${EDIT:-sentence}
shared=${SHARED:-../shared}
[ -d "$shared" ] || shared=/work/shared
work=${BENCH_DIR:-/tmp/portfolio-churn}
outputs=${OUTPUTS:-/dev/shm/portfolio-churn}
bin=${BIN:-$PWD/.build/release/portfolio}
mkdir -p "$work"
if [ ! -f "$work/corpus-$articles.done" ]; then
  rm -rf "$work/corpus" "$work"/corpus-*.done
  python3 "$shared/bench/make_corpus.py" "$work/corpus" --articles "$articles" >/dev/null
  touch "$work/corpus-$articles.done"
fi
# The edited copy: the middle article, its first sentence of the body (after the first
# heading) rewritten.
rm -rf "$work/edited"
cp -r "$work/corpus" "$work/edited"
article=$(ls "$work/edited/posts" | sort | sed -n "$((articles / 2 + 1))p")
python3 - "$work/edited/posts/$article" "$edit" <<'PY'
import sys
path, edit = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
head, body = text.split("\n## ", 1)
if edit == "word":
    new = body.replace("透過", "經由", 1)
else:
    end = body.index("。") + 1
    start = body.index("\n\n") + 2
    new = body[:start] + "我們另外訪談了二十位店長,他們都說節慶檔期的試吃攤位比折扣海報更能帶動新客人第一次購買。" + body[end:]
assert new != body
open(path, "w", encoding="utf-8").write(head + "\n## " + new)
PY
for side in a b; do
  mkdir -p "$work/site-$side"
  printf 'title: 行銷知識作品集\nbase_url: https://example.org/\npaginate: 20\nsearch:\n  synonyms:\n    - [行銷, 营销, 營銷]\n    - [通路, 渠道]\n' > "$work/site-$side/portfolio.yml"
done
ln -sfn "$work/corpus" "$work/site-a/content"
ln -sfn "$work/edited" "$work/site-b/content"

# churn NAME BINARY: both builds, then the counts.
churn() {
  local name=$1 binary=$2 out=$outputs/$1
  rm -rf "$out"; mkdir -p "$out"
  local ta tb
  ta=$( { /usr/bin/time -f %e "$binary" build --source "$work/site-a" --output "$out/a" >/dev/null; } 2>&1 | tail -n 1)
  tb=$( { /usr/bin/time -f %e "$binary" build --source "$work/site-b" --output "$out/b" >/dev/null; } 2>&1 | tail -n 1)
  local all search
  all=$(find "$out/a" -type f | wc -l)
  search=$(find "$out/a/search" -type f | wc -l)
  diff -rq "$out/a" "$out/b" > "$work/$name.diff" || true
  local changed searched
  changed=$(wc -l < "$work/$name.diff")
  searched=$(grep -c "/search/" "$work/$name.diff" || true)
  printf '%-5s %s: %d of %d files differ; under search/ %d of %d (%s); builds %s s, %s s\n' "$name" "$binary" \
    "$changed" "$all" "$searched" "$search" \
    "$(cut -d' ' -f2 "$work/$name.diff" | grep -o '/search/[a-z]*' | sort | uniq -c | awk '{printf "%s%s %d", sep, substr($2, 9), $1; sep = ", "}')" "$ta" "$tb"
  rm -rf "$out"
}
echo "corpus: $articles articles; edited $article ($edit); outputs on $(stat -f -c %T "$(dirname "$outputs")")"
[ -z "${BASE_BIN:-}" ] || churn base "$BASE_BIN"
churn new "$bin"
