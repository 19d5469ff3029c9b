#!/usr/bin/env bash
# Host test of `portfolio deploy` to a git target, through the command line: a copy of
# the demo site, itself a git repository, deployed to a bare repository in a temporary
# folder. What the Swift tests do not cover: the command publishing first, the commit
# message naming the site's commit, the exit codes and messages of a dry run, of an
# unknown target and of a diverged branch, and `--force`.
# Installs nothing: scripts/setup --test installs git.
# Usage: scripts/host-test-deploy-git.sh --binary PATH
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
command -v git >/dev/null || { echo "FAIL: git is not installed (scripts/setup --test)"; exit 1; }
tmp=$(mktemp -d /tmp/portfolio-deploy-test.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
id=(-c user.name=tester -c user.email=tester@example.org)

mkdir -p "$tmp/src"
cp -r portfolio.yml content templates "$tmp/src/"
[ -d static ] && cp -r static "$tmp/src/"
printf '\ndeploy:\n  pages: { type: git, remote: "%s", branch: gh-pages }\n' "$tmp/remote.git" >> "$tmp/src/portfolio.yml"
printf '/public/\n/.portfolio/\n' > "$tmp/src/.gitignore"
git init -q --bare "$tmp/remote.git"
git -C "$tmp/src" init -q
git -C "$tmp/src" add -A
git "${id[@]}" -C "$tmp/src" commit -q -m "site"
source_commit=$(git -C "$tmp/src" rev-parse HEAD)
commits() { git -C "$tmp/remote.git" rev-list --count gh-pages; }

# First deploy: publishes, then one commit naming the site's commit.
"$bin" deploy --source "$tmp/src" > "$tmp/first.log" 2>&1 || { cat "$tmp/first.log"; fail "first deploy"; }
grep -q '^published ' "$tmp/first.log" || fail "deploy did not publish first"
grep -Eq '^[0-9]+ files changed, commit [0-9a-f]{12} in ' "$tmp/first.log" || { cat "$tmp/first.log"; fail "no summary"; }
[ "$(commits)" = 1 ] || fail "first deploy made $(commits) commits"
grep -q "source commit: $source_commit" <<<"$(git -C "$tmp/remote.git" log -1 --format=%B gh-pages)" || fail "message does not name $source_commit"
grep -qx index.html <<<"$(git -C "$tmp/remote.git" ls-tree --name-only gh-pages)" || fail "no index.html on the branch"
if grep -Eq '\.(gz|br)$|^nginx\.conf$' <<<"$(git -C "$tmp/remote.git" ls-tree -r --name-only gh-pages)"; then fail "compressed siblings or nginx.conf committed"; fi

# No change: no commit.
"$bin" deploy pages --source "$tmp/src" > "$tmp/second.log" 2>&1 || { cat "$tmp/second.log"; fail "second deploy"; }
grep -q '^nothing to commit' "$tmp/second.log" || { cat "$tmp/second.log"; fail "second deploy committed"; }
[ "$(commits)" = 1 ] || fail "second deploy made a commit"

# A dry run after an edit lists the change and commits nothing.
article=$(ls "$tmp/src/content/posts/"*.md | head -1)
printf '\n新的一段。\n' >> "$article"
"$bin" deploy --dry-run --source "$tmp/src" > "$tmp/dry.log" 2>&1 || { cat "$tmp/dry.log"; fail "dry run"; }
grep -q '^would commit: M ' "$tmp/dry.log" && grep -q '^dry run, nothing changed' "$tmp/dry.log" || { cat "$tmp/dry.log"; fail "dry run output"; }
[ "$(commits)" = 1 ] || fail "the dry run committed"

# An unknown target: exit 1 and the names there are.
if "$bin" deploy nope --source "$tmp/src" > "$tmp/unknown.log" 2>&1; then fail "an unknown target succeeded"; fi
grep -q 'no deploy target `nope`.*(targets: pages)' "$tmp/unknown.log" || { cat "$tmp/unknown.log"; fail "unknown target message"; }

# The branch rewritten elsewhere: refused, then replaced with --force.
git clone -q --branch gh-pages "$tmp/remote.git" "$tmp/other"
git "${id[@]}" -C "$tmp/other" commit -q --amend -m "rewritten elsewhere"
git -C "$tmp/other" push -q --force origin gh-pages
if "$bin" deploy --source "$tmp/src" > "$tmp/diverged.log" 2>&1; then fail "a diverged branch was pushed to"; fi
grep -q 'the branch gh-pages on .* has commits this deploy does not have' "$tmp/diverged.log" || { cat "$tmp/diverged.log"; fail "diverged message"; }
grep -q "rewritten elsewhere" <<<"$(git -C "$tmp/remote.git" log -1 --format=%s gh-pages)" || fail "the rewritten branch was changed"
"$bin" deploy --force --source "$tmp/src" > "$tmp/force.log" 2>&1 || { cat "$tmp/force.log"; fail "--force"; }
grep -q "^portfolio deploy (source " <<<"$(git -C "$tmp/remote.git" log -1 --format=%s gh-pages)" || fail "--force did not replace the branch"
echo "PASS: deploy to a git target (first, unchanged, dry run, unknown target, diverged, --force)"
