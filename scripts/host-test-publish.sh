#!/usr/bin/env bash
# Host test of `portfolio publish`: publishes a copy of the demo site (with two aliases
# added), serves it with Debian's nginx and the generated server block on a loopback
# port, from a temporary prefix, as whoever runs the test, and checks with curl that
#  - Accept-Encoding: br and gzip each get the precompressed file, with Content-Encoding,
#    and that it decompresses to exactly the page's HTML;
#  - a hashed asset has the immutable Cache-Control, a page the revalidating one and the
#    Content-Security-Policy;
#  - an alias answers 301 to its article, and a missing page 404 with the 404 page.
# Installs nothing: scripts/setup --test installs nginx, its brotli static module, curl
# and the brotli command.
# Usage: scripts/host-test-publish.sh --binary PATH
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/debug/portfolio
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) bin=$2; shift 2 ;;
    *) echo "usage: $0 --binary PATH" >&2; exit 2 ;;
  esac
done
bin=$(realpath "$bin")
module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
for tool in nginx curl brotli; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "FAIL: $tool is not installed (scripts/setup --test)"; exit 1; }
done
[ -f "$module" ] || { echo "FAIL: $module is missing (scripts/setup --test installs libnginx-mod-http-brotli-static)"; exit 1; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

tmp=$(mktemp -d /tmp/portfolio-host-test.XXXXXX)
chmod 755 "$tmp"
pid_file="$tmp/nginx.pid"
cleanup() {
  [ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# The demo, with aliases on the STP article (the demo itself has none).
mkdir -p "$tmp/src"
cp -r portfolio.yml content templates "$tmp/src/"
[ -d static ] && cp -r static "$tmp/src/"
sed -i '0,/^title:/s//aliases: [\/2018\/05\/stp.html, \/舊\/stp\/]\ntitle:/' "$tmp/src/content/posts/stp.md"
"$bin" publish --source "$tmp/src" --output "$tmp/site" >"$tmp/publish.log" || { cat "$tmp/publish.log"; echo "FAIL: publish"; exit 1; }
chmod -R a+rX "$tmp/site"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -e "s/^    listen 80;/    listen 127.0.0.1:$port;/" -e '/^    listen \[::\]:80;/d' "$tmp/site/nginx.conf" > "$tmp/server.conf"
mkdir -p "$tmp/logs" "$tmp/temp"
cat > "$tmp/nginx-main.conf" <<CONF
load_module $module;
worker_processes 1;
pid $pid_file;
error_log $tmp/logs/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path $tmp/temp/body;
    proxy_temp_path $tmp/temp/proxy;
    fastcgi_temp_path $tmp/temp/fastcgi;
    uwsgi_temp_path $tmp/temp/uwsgi;
    scgi_temp_path $tmp/temp/scgi;
    include $tmp/server.conf;
}
CONF
"$nginx_bin" -p "$tmp" -c "$tmp/nginx-main.conf" -e "$tmp/logs/error.log" || { cat "$tmp/logs/error.log"; echo "FAIL: nginx did not start"; exit 1; }
base="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -s -o /dev/null "$base/" && break; sleep 0.1; done

passed=0 failed=0
check() {  # check NAME COMMAND...: runs the command, prints ok/FAIL.
  local name=$1; shift
  if "$@"; then echo "ok   $name"; passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}
header() {  # header FILE NAME: the value of a response header, without its CR.
  grep -i "^$2:" "$1" | head -1 | cut -d: -f2- | sed 's/^ *//; s/\r$//'
}

for page in "/" "/posts/stp/" "/search/"; do
  file="$tmp/site${page}index.html"
  curl -s -D "$tmp/h.br" -H 'Accept-Encoding: br' -o "$tmp/b.br" "$base$page"
  check "$page with br: Content-Encoding br" test "$(header "$tmp/h.br" Content-Encoding)" = br
  check "$page with br: decompresses to the page's HTML" sh -c "brotli -dc '$tmp/b.br' | cmp -s - '$file'"
  check "$page with br: the precompressed file itself" cmp -s "$tmp/b.br" "$file.br"
  curl -s -D "$tmp/h.gz" -H 'Accept-Encoding: gzip' -o "$tmp/b.gz" "$base$page"
  check "$page with gzip: Content-Encoding gzip" test "$(header "$tmp/h.gz" Content-Encoding)" = gzip
  check "$page with gzip: decompresses to the page's HTML" sh -c "gzip -dc '$tmp/b.gz' | cmp -s - '$file'"
  check "$page with gzip: the precompressed file itself" cmp -s "$tmp/b.gz" "$file.gz"
  curl -s -D "$tmp/h.id" -o "$tmp/b.id" "$base$page"
  check "$page without Accept-Encoding: the plain HTML" cmp -s "$tmp/b.id" "$file"
  check "$page: Cache-Control revalidates" test "$(header "$tmp/h.id" Cache-Control)" = "public, max-age=0, must-revalidate"
  check "$page: Content-Security-Policy" sh -c "grep -qi \"^Content-Security-Policy: default-src 'self'; script-src 'self';\" '$tmp/h.id'"
  check "$page: Content-Type text/html" sh -c "grep -qi '^Content-Type: text/html' '$tmp/h.br'"
done

css=$(cd "$tmp/site" && ls assets/style.*.css | head -1)
check "the stylesheet has a hashed name" test -n "$css"
curl -s -D "$tmp/h.css" -H 'Accept-Encoding: br, gzip' -o "$tmp/b.css" "$base/$css"
check "/$css: immutable Cache-Control" test "$(header "$tmp/h.css" Cache-Control)" = "public, max-age=31536000, immutable"
check "/$css: Content-Type text/css" sh -c "grep -qi '^Content-Type: text/css' '$tmp/h.css'"
check "/$css: served as br" sh -c "brotli -dc '$tmp/b.css' | cmp -s - '$tmp/site/$css'"

for alias in /2018/05/stp.html /%E8%88%8A/stp/; do
  curl -s -D "$tmp/h.alias" -o /dev/null "$base$alias"
  check "$alias answers 301" sh -c "head -1 '$tmp/h.alias' | grep -q ' 301 '"
  check "$alias goes to /posts/stp/" test "$(header "$tmp/h.alias" Location)" = "http://127.0.0.1:$port/posts/stp/"
done
curl -s -D "$tmp/h.404" -o "$tmp/b.404" "$base/no/such/page/"
check "a missing page answers 404" sh -c "head -1 '$tmp/h.404' | grep -q ' 404 '"
check "with the site's 404 page" cmp -s "$tmp/b.404" "$tmp/site/404.html"
curl -s -D "$tmp/h.conf" -o /dev/null "$base/nginx.conf"
check "the server block itself is not served" sh -c "head -1 '$tmp/h.conf' | grep -q ' 404 '"

# portfolio check, the command: no error in the published demo (its warnings are shown); a broken link added to a
# copy is reported at its page and line, with a non-zero exit.
check "portfolio check finds no error in the published demo" sh -c "'$bin' check --source '$tmp/src' --output '$tmp/site' | tail -1 | grep -q ': 0 errors, '"
cp -r "$tmp/site" "$tmp/broken"
lines=$(wc -l < "$tmp/broken/posts/stp/index.html")
printf '<p><a href="/posts/gone/">gone</a></p>\n' >> "$tmp/broken/posts/stp/index.html"
set +e
"$bin" check --source "$tmp/src" --output "$tmp/broken" > "$tmp/check.out"
status=$?
set -e
check "portfolio check exits 1 on a broken link" test "$status" = 1
check "and names its page and line" grep -q "^posts/stp/index.html:$((lines + 1)): link error: broken link: /posts/gone/ (no file /posts/gone/)$" "$tmp/check.out"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
