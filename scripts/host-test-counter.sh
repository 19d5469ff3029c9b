#!/usr/bin/env bash
# The hosted counter as a user runs it: real processes of `portfolio counter serve` over
# SQLite (a kill -9 loop, SIGHUP, SIGTERM) and over one PostgreSQL shared by two instances,
# plus the local commands. Usage: scripts/host-test-counter.sh [--binary PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=.build/debug/portfolio
[ "${1:-}" = "--binary" ] && binary=$2
exec scripts/with-postgres python3 scripts/counter-host-test.py --binary "$binary"
