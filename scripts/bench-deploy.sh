#!/usr/bin/env bash
# portfolio deploy to an S3-compatible server on loopback (moto, through
# scripts/with-moto), on the shared corpus: publishes it, deploys everything once, then
# times deploys with nothing changed (`--output`, so deploy alone: the local inventory,
# one listing, no upload), and finally edits one sentence of one article, publishes
# again and deploys, printing how many objects that uploaded beside the bucket's count.
# Budgets printed beside the figures: a no-change deploy in 5 s or less, a one-article
# edit uploading under 1% of the objects. Takes /tmp/bench.lock.
# Usage: scripts/bench-deploy.sh [ARTICLES] [RUNS]
# Environment: BIN (default .build/release/portfolio), BENCH_DIR (work folder), OUTPUTS
# (where the published folder goes; tmpfs by default), SHARED (../shared).
set -euo pipefail
if [ -z "${BENCH_LOCKED:-}" ]; then exec env BENCH_LOCKED=1 flock /tmp/bench.lock "$(realpath "$0")" "$@"; fi
cd "$(dirname "$0")/.."
if [ -z "${PORTFOLIO_TEST_S3:-}" ]; then exec scripts/with-moto "$(realpath "$0")" "$@"; fi
articles=${1:-10000}
runs=${2:-5}
shared=${SHARED:-../shared}
[ -d "$shared" ] || shared=/work/shared
work=${BENCH_DIR:-/tmp/portfolio-deploy-bench}
outputs=${OUTPUTS:-/dev/shm/portfolio-deploy-bench}
bin=${BIN:-$PWD/.build/release/portfolio}
mkdir -p "$work"
if [ ! -f "$work/corpus-$articles.done" ]; then
  rm -rf "$work/corpus" "$work"/corpus-*.done
  python3 "$shared/bench/make_corpus.py" "$work/corpus" --articles "$articles" >/dev/null
  touch "$work/corpus-$articles.done"
fi
rm -rf "$work/site" "$outputs"
mkdir -p "$work/site" "$outputs"
cp -r "$work/corpus" "$work/site/content"
cat > "$work/site/portfolio.yml" <<YML
title: 行銷知識作品集
base_url: https://example.org/
paginate: 20
deploy:
  bench: { type: s3, endpoint: "$PORTFOLIO_TEST_S3", region: us-east-1, bucket: bench, path_style: true }
YML
python3 -c "import boto3, sys; boto3.client('s3', endpoint_url=sys.argv[1], region_name='us-east-1').create_bucket(Bucket='bench')" "$PORTFOLIO_TEST_S3"
objects() {
  python3 - "$PORTFOLIO_TEST_S3" <<'PY'
import boto3, sys
s3 = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1")
print(sum(page.get("KeyCount", 0) for page in s3.get_paginator("list_objects_v2").paginate(Bucket="bench")))
PY
}
# timed LOG CMD…: runs CMD with its output in LOG, prints its wall seconds.
timed() {
  local log=$1; shift
  /usr/bin/time -f %e -o "$log.time" "$@" > "$log" 2>&1 || { cat "$log"; echo "failed: $*" >&2; exit 1; }
  cat "$log.time"
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

site=(--source "$work/site")
echo "corpus: $articles articles; binary: $bin; server: moto at $PORTFOLIO_TEST_S3"
t=$(timed "$work/publish.log" "$bin" publish "${site[@]}" --output "$outputs/public")
files=$(find "$outputs/public" -type f | wc -l)
echo "publish: $t s, $files files in the published folder"
t=$(timed "$work/first.log" "$bin" deploy bench "${site[@]}" --output "$outputs/public")
echo "first deploy: $t s: $(tail -n 1 "$work/first.log")"
total=$(objects)
times=""
for _ in $(seq 1 "$runs"); do
  t=$(timed "$work/same.log" "$bin" deploy bench "${site[@]}" --output "$outputs/public")
  grep -q '^0 uploaded' "$work/same.log" || { cat "$work/same.log"; echo "a deploy with nothing changed uploaded something" >&2; exit 1; }
  times="$times $t"
done
same=$(echo "$times" | median)
echo "no-change deploy: median $same s over $runs runs (runs:$times), $total objects in the bucket; $(tail -n 1 "$work/same.log")"
# The server's own share: the same paginated listing through boto3, which a deploy with
# nothing changed cannot go below.
floor=$(python3 - "$PORTFOLIO_TEST_S3" <<'PY'
import boto3, sys, time
s3 = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1")
start = time.monotonic()
pages = sum(1 for _ in s3.get_paginator("list_objects_v2").paginate(Bucket="bench"))
print(f"{time.monotonic() - start:.2f} s for {pages} pages")
PY
)
echo "the server's listing alone (boto3, the same pages): $floor"

article=$(ls "$work/site/content/posts" | sort | sed -n "$((articles / 2 + 1))p")
python3 - "$work/site/content/posts/$article" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
start = text.index("\n\n", text.index("\n## ")) + 2
end = text.index("。", start) + 1
open(path, "w", encoding="utf-8").write(text[:start] + "我們另外訪談了二十位店長,他們都說試吃攤位比折扣海報更能帶動新客人。" + text[end:])
PY
t=$(timed "$work/republish.log" "$bin" publish "${site[@]}" --output "$outputs/public")
t2=$(timed "$work/edit.log" "$bin" deploy bench "${site[@]}" --output "$outputs/public")
summary=$(tail -n 1 "$work/edit.log")
uploaded=${summary%% uploaded*}
after=$(objects)
echo "one edited article ($article): publish $t s, deploy $t2 s: $summary"
awk -v u="$uploaded" -v n="$after" -v s="$same" 'BEGIN {
  printf "budget: no-change deploy %.2f s against 5 s: %s\n", s, (s <= 5 ? "met" : "NOT met")
  printf "budget: the edit uploaded %d of %d objects (%.2f%%) against under 1%%: %s\n", u, n, 100 * u / n, (100 * u / n < 1 ? "met" : "NOT met")
}'
