#!/usr/bin/env bash
# Host test of `portfolio deploy` to an s3 target, through the command line, against
# moto's S3 server on loopback (scripts/with-moto): a copy of the demo site deployed to
# a bucket, checked with boto3. It shows the first deploy's headers, a second deploy
# uploading nothing, one edited article uploading a small set, a deleted article's
# objects deleted, the max-deletes guard, a dry run changing nothing, a deploy killed
# midway finished by the next, and a missing bucket named in the error.
# Usage: scripts/host-test-deploy-s3.sh --binary PATH
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PORTFOLIO_TEST_S3:-}" ]; then exec scripts/with-moto "$(realpath "$0")" "$@"; fi
bin=.build/debug/portfolio
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) bin=$2; shift 2 ;;
    *) echo "usage: $0 --binary PATH" >&2; exit 2 ;;
  esac
done
bin=$(realpath "$bin")
tmp=$(mktemp -d /tmp/portfolio-deploy-s3-test.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
s3() { python3 scripts/s3-inspect.py "$PORTFOLIO_TEST_S3" "$@"; }

mkdir -p "$tmp/src"
cp -r portfolio.yml content templates "$tmp/src/"
[ -d static ] && cp -r static "$tmp/src/"
printf '\ndeploy:\n  site: { type: s3, endpoint: "%s", region: us-east-1, bucket: site, path_style: true }\n' "$PORTFOLIO_TEST_S3" >> "$tmp/src/portfolio.yml"
printf '  slow: { type: s3, endpoint: "%s", region: us-east-1, bucket: slow, path_style: true, concurrency: 1 }\n' "$PORTFOLIO_TEST_S3" >> "$tmp/src/portfolio.yml"
printf '  gone: { type: s3, endpoint: "%s", region: us-east-1, bucket: no-such-bucket, path_style: true }\n' "$PORTFOLIO_TEST_S3" >> "$tmp/src/portfolio.yml"
s3 create site
s3 create slow
deploy() { "$bin" deploy "$@" --source "$tmp/src"; }
out="$tmp/src/public"

# First deploy: publishes, then every object with its headers.
deploy site > "$tmp/first.log" 2>&1 || { cat "$tmp/first.log"; fail "first deploy"; }
grep -q '^published ' "$tmp/first.log" || fail "deploy did not publish first"
grep -Eq '^[0-9]+ uploaded \(.*\), 0 unchanged, 0 deleted in ' "$tmp/first.log" || { cat "$tmp/first.log"; fail "no summary"; }
s3 matches site "$out" || fail "the bucket does not match the published folder"
s3 headers site index.html > "$tmp/index.h"
grep -qx 'content-type: text/html; charset=utf-8' "$tmp/index.h" && grep -qx 'content-encoding: gzip' "$tmp/index.h" \
  && grep -qx 'cache-control: public, max-age=0, must-revalidate' "$tmp/index.h" || { cat "$tmp/index.h"; fail "index.html headers"; }
css=$(cd "$out" && ls assets/style.*.css | grep -v '\.gz$\|\.br$' | head -1)
# Read whole before grep: `grep -q` stops at its match, and the writer then fails on the
# closed pipe, which pipefail would count against the test.
css_headers=$(s3 headers site "$css")
grep -qx 'cache-control: public, max-age=31536000, immutable' <<<"$css_headers" || fail "$css is not immutable"
grep -qx 'content-type: text/css; charset=utf-8' <<<"$css_headers" || fail "$css content type"
if grep -Eq '\.(gz|br)$|^(_headers|_redirects|nginx\.conf|Caddyfile)$' <<<"$(s3 keys site)"; then fail "siblings or host files uploaded"; fi

# No change: nothing uploaded.
deploy site --output "$out" > "$tmp/second.log" 2>&1 || { cat "$tmp/second.log"; fail "second deploy"; }
grep -Eq '^0 uploaded \(0 B\), [0-9]+ unchanged, 0 deleted' "$tmp/second.log" || { cat "$tmp/second.log"; fail "second deploy uploaded"; }

# One edited article: its page and the pages that list it, not the rest.
article=$(ls "$tmp/src/content/posts/"*.md | head -1)
slug=$(basename "$article" .md)
printf '\n新的一段,只在這篇。\n' >> "$article"
s3 etags site > "$tmp/before.etags"
deploy site --dry-run > "$tmp/dry.log" 2>&1 || { cat "$tmp/dry.log"; fail "dry run"; }
s3 etags site | cmp -s - "$tmp/before.etags" || fail "the dry run changed the bucket"
deploy site --output "$out" > "$tmp/edit.log" 2>&1 || { cat "$tmp/edit.log"; fail "deploy after the edit"; }
uploaded=$(grep -Eo '^[0-9]+ uploaded' "$tmp/edit.log" | grep -Eo '^[0-9]+')
total=$(s3 keys site | wc -l)
[ "$uploaded" -ge 1 ] && [ "$((uploaded * 4))" -lt "$total" ] || { cat "$tmp/edit.log"; fail "the edit uploaded $uploaded of $total"; }
s3 etags site | diff "$tmp/before.etags" - > "$tmp/changed" || true
grep -q "^> posts/$slug/index.html " "$tmp/changed" || { cat "$tmp/edit.log"; head -20 "$tmp/changed"; fail "the edited page posts/$slug/index.html was not uploaded"; }
s3 matches site "$out" || fail "the bucket does not match after the edit"
echo "one edited article uploaded $uploaded of $total objects"

# A deleted article: the guard first, then --force deletes its objects.
rm "$article"
"$bin" publish --source "$tmp/src" > "$tmp/pub.log" 2>&1 || { cat "$tmp/pub.log"; fail "publish"; }
s3 etags site > "$tmp/before.etags"
if deploy site --output "$out" --max-deletes 0 > "$tmp/guard.log" 2>&1; then fail "the max-deletes guard let a delete through"; fi
grep -q -- '--force' "$tmp/guard.log" || { cat "$tmp/guard.log"; fail "the guard does not say how to go on"; }
s3 etags site | cmp -s - "$tmp/before.etags" || fail "the refused deploy changed the bucket"
deploy site --output "$out" --max-deletes 0 --force > "$tmp/delete.log" 2>&1 || { cat "$tmp/delete.log"; fail "--force"; }
grep -Eq ', [1-9][0-9]* deleted in ' "$tmp/delete.log" || { cat "$tmp/delete.log"; fail "nothing deleted"; }
if grep -q "^posts/$slug/" <<<"$(s3 keys site)"; then fail "the deleted article's objects are still there"; fi
s3 matches site "$out" || fail "the bucket does not match after the delete"

# Killed midway: one upload at a time, kill -9 part-way, then run again to the end.
deploy slow --output "$out" > "$tmp/slow.log" 2>&1 &
pid=$!
# Plain progress lines come at each tenth of the uploads: kill at the first.
for _ in $(seq 1 600); do
  grep -q '^uploaded ' "$tmp/slow.log" 2>/dev/null && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null || fail "the deploy ended before it could be killed"
wait "$pid" 2>/dev/null || true
partial=$(s3 keys slow | wc -l)
[ "$partial" -lt "$total" ] || fail "the killed deploy had already finished"
deploy slow --output "$out" > "$tmp/resume.log" 2>&1 || { cat "$tmp/resume.log"; fail "deploy after the kill"; }
s3 matches slow "$out" || fail "the bucket does not match after the deploy that followed the kill"
echo "killed after $partial objects, completed by the next run"

# A missing bucket: named in the error, non-zero exit.
if deploy gone --output "$out" > "$tmp/gone.log" 2>&1; then fail "a missing bucket succeeded"; fi
grep -q 'bucket no-such-bucket does not exist' "$tmp/gone.log" || { cat "$tmp/gone.log"; fail "missing bucket message"; }
echo "PASS: deploy to s3 (moto)"
