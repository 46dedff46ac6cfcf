#!/usr/bin/env bash
# Search latency, serve binaries alternated on one index (issue 13; not run
# by CI): each round serves DATA with every binary given in turn, runs one
# warm-up pass over the query mix, then vnload with one client per query
# shape (quoted exact, folded, NFD, other tone placement; titles typed
# without diacritics) and the mix at 1 and 8 connections. The binaries must
# read the same index format, or each name its own data directory (two
# analysis revisions of the same articles).
#
#   scripts/serve-ab.sh DATA ROUNDS "name|/path/to/vnsearch[|DATA]" ...
#
# One line per serve: load average, p50 / p99 ms per shape, the mix's q/s,
# p50, p90, p99 (one client) and q/s, errors, p99 (8 connections).
set -euo pipefail
cd "$(dirname "$0")/.."
data=$1; rounds=$2; shift 2
WORK=${WORK:-/tmp/vnsearch-serve-ab}
PORT=${PORT:-18799}
SHAPES=(exact folded nfd tone titles)
mkdir -p "$WORK"
go build -o "$WORK/" ./cmd/vngen ./cmd/vnload
"$WORK/vngen" queries --n 60 --shapes "$WORK/shapes" ../shared/corpus/*.jsonl.gz > "$WORK/queries.txt"
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true' EXIT INT TERM
for r in $(seq 1 "$rounds"); do
  for v in "$@"; do
    IFS='|' read -r name bin own <<<"$v"
    "$bin" serve --data "${own:-$data}" --addr "127.0.0.1:$PORT" > "$WORK/serve-$name.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 600); do
      curl -sf "http://127.0.0.1:$PORT/api/search?q=a" > /dev/null && break
      sleep 0.5
    done
    while read -r q; do curl -sf "http://127.0.0.1:$PORT/api/search?$q" > /dev/null || true; done < "$WORK/queries.txt"
    row="r$r $name load=$(cut -d' ' -f1 /proc/loadavg) |"
    for shape in "${SHAPES[@]}"; do
      "$WORK/vnload" --url "http://127.0.0.1:$PORT" --levels 1 --requests 300 --duration 60s \
        --queries "$WORK/shapes/$shape.txt" > "$WORK/$name-$r-$shape.md"
      row="$row $shape$(grep '^| 1 |' "$WORK/$name-$r-$shape.md" | awk -F'|' '{printf " %s /%s |", $6, $8}')"
    done
    "$WORK/vnload" --url "http://127.0.0.1:$PORT" --levels 1,8 --requests 1000 --duration 120s \
      --queries "$WORK/queries.txt" > "$WORK/$name-$r-mix.md"
    one=$(grep '^| 1 |' "$WORK/$name-$r-mix.md" | awk -F'|' '{printf "q/s %s p50 %s p90 %s p99 %s", $5, $6, $7, $8}')
    eight=$(grep '^| 8 |' "$WORK/$name-$r-mix.md" | awk -F'|' '{printf "q/s %s errors %s p99 %s", $5, $4, $8}')
    echo "$row mix1: $one | mix8: $eight"
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  done
done
