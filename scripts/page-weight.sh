#!/usr/bin/env bash
# The weight of an article page of the demo site as a reader's browser loads it: the
# HTML, the stylesheet and the scripts it names, each compressed with gzip -9 and brotli
# -q 11 (when the brotli command is there), against the theme's budgets: 40 KB for all
# of it compressed, 10 KB of it script. The 繁簡 table (assets/zh.json) is listed apart:
# it is fetched only when a reader presses the switch or has chosen a script before.
# Usage: scripts/page-weight.sh [BIN] [PAGE]   (default .build/debug/portfolio, posts/stp/index.html)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/portfolio}
page=${2:-posts/stp/index.html}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" build --output "$out/site" > /dev/null
site="$out/site"
gz() { gzip -9 -n -c "$1" | wc -c; }
br() { if command -v brotli > /dev/null; then brotli -q 11 -c "$1" | wc -c; else echo 0; fi; }
assets=$(grep -oE '(href|src)="/[^"]+\.(css|js)"' "$site/$page" | sed -E 's/^(href|src)="\/(.*)"$/\2/' | sort -u)
printf '%-28s %8s %8s %8s\n' file raw gzip brotli
total_gz=0; total_br=0; script_gz=0; script_br=0
for f in "$page" $assets; do
  raw=$(wc -c < "$site/$f"); g=$(gz "$site/$f"); b=$(br "$site/$f")
  printf '%-28s %8d %8d %8d\n' "$f" "$raw" "$g" "$b"
  total_gz=$((total_gz + g)); total_br=$((total_br + b))
  case "$f" in *.js) script_gz=$((script_gz + g)); script_br=$((script_br + b)) ;; esac
done
printf '%-28s %8s %8d %8d   (budget 40960)\n' "page, all" "" "$total_gz" "$total_br"
printf '%-28s %8s %8d %8d   (budget 10240)\n' "of it script" "" "$script_gz" "$script_br"
f=assets/zh.json
printf '%-28s %8d %8d %8d   (on demand)\n' "$f" "$(wc -c < "$site/$f")" "$(gz "$site/$f")" "$(br "$site/$f")"
external=$(grep -oE '(href|src)="https?://[^"]+"' "$site/$page" | grep -vE 'href="https?://' || true)
status=0
[ "$total_gz" -le 40960 ] || { echo "over budget: page $total_gz bytes gzip"; status=1; }
[ "$script_gz" -le 10240 ] || { echo "over budget: script $script_gz bytes gzip"; status=1; }
[ -z "$external" ] || { echo "loads from elsewhere: $external"; status=1; }
exit $status
