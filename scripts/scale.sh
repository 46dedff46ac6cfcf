#!/usr/bin/env bash
# Scale benchmark of issue 13 (not run by CI): for each size, import the
# articles, serve them, load the server with vnload (one client, then 8
# connections) on a query mix of quoted passages in four typings and titles
# typed without diacritics, and record import docs/s, index MB and serve RSS;
# then bleve's standard analyzer on the same articles and queries, in the
# same run (vngen baseline), as the reference. One client also runs each
# query shape alone (quoted exact, folded, NFD, other tone placement; titles
# typed without diacritics) for p50/p99 per shape.
#
#   scripts/scale.sh [SIZE...]      sizes: 63k (the shared corpus) or a number of
#                                   generated articles; default: 63k 250000 1000000
#
# Work files go to ${WORK:-/tmp/vnsearch-scale}; the tables are printed and
# written to $WORK/scale.md and $WORK/shapes.md. Needs ../shared/corpus beside
# the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-/tmp/vnsearch-scale}
PORT=${PORT:-18431}
REQUESTS=${REQUESTS:-1000}
CORPUS=(../shared/corpus/*.jsonl.gz)
SIZES=("${@:-63k 250000 1000000}")
mkdir -p "$WORK/bin"
go build -o "$WORK/bin/" ./cmd/vnsearch ./cmd/vngen ./cmd/vnload
bin=$WORK/bin
"$bin/vngen" queries --n 60 --shapes "$WORK/shapes" "${CORPUS[@]}" > "$WORK/queries.txt"
SHAPES=(exact folded nfd tone titles)
serve_pid=
cleanup() { [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

table=$WORK/scale.md
echo "| articles | import docs/s | index MB | serve RSS MB | p50 ms (1 client) | p99 ms (1 client) | q/s (8 conn) | errors | bleve-standard docs/s | bleve-standard MB | bleve-standard p50 / p99 ms |" > "$table"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" >> "$table"
shapes=$WORK/shapes.md
echo "| articles | $(printf '%s p50 / p99 ms | ' "${SHAPES[@]}")" > "$shapes"
echo "|---:|$(printf -- '---:|%.0s' "${SHAPES[@]}")" >> "$shapes"
for size in ${SIZES[@]}; do
  data=$WORK/data-$size
  rm -rf "$data"
  if [ "$size" = 63k ]; then
    input=("${CORPUS[@]}")
  else
    # Generated once per size (vngen articles is seeded: the same articles
    # every time); delete the file to make it again.
    if [ ! -s "$WORK/gen-$size.jsonl.gz" ]; then
      "$bin/vngen" articles --n "$size" "${CORPUS[@]}" | gzip -1 > "$WORK/gen-$size.jsonl.gz.tmp"
      mv "$WORK/gen-$size.jsonl.gz.tmp" "$WORK/gen-$size.jsonl.gz"
    fi
    input=("$WORK/gen-$size.jsonl.gz")
  fi
  start=$(date +%s.%N)
  zcat "${input[@]}" | "$bin/vnsearch" import --quiet --data "$data" - > "$WORK/import-$size.log" 2>&1
  took=$(echo "$(date +%s.%N) - $start" | bc)
  docs=$(grep -o '[0-9]* articles indexed' "$WORK/import-$size.log" | cut -d' ' -f1)
  mb=$(du -sm "$data/index" | cut -f1)
  "$bin/vnsearch" serve --data "$data" --addr "127.0.0.1:$PORT" > "$WORK/serve-$size.log" 2>&1 &
  serve_pid=$!
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$PORT/api/search?q=a" > /dev/null && break
    sleep 0.5
  done
  "$bin/vnload" --url "http://127.0.0.1:$PORT" --levels 1,8 --requests "$REQUESTS" --duration 120s \
    --queries "$WORK/queries.txt" > "$WORK/vnload-$size.md"
  row="| $size |"
  for shape in "${SHAPES[@]}"; do
    "$bin/vnload" --url "http://127.0.0.1:$PORT" --levels 1 --requests 300 --duration 60s \
      --queries "$WORK/shapes/$shape.txt" > "$WORK/vnload-$size-$shape.md"
    row="$row$(grep '^| 1 |' "$WORK/vnload-$size-$shape.md" | awk -F'|' '{printf " %s /%s |", $6, $8}')"
  done
  echo "$row" >> "$shapes"
  rss=$(( $(grep VmHWM "/proc/$serve_pid/status" | awk '{print $2}') / 1024 ))
  kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=
  one=$(grep '^| 1 |' "$WORK/vnload-$size.md")
  eight=$(grep '^| 8 |' "$WORK/vnload-$size.md")
  p50=$(echo "$one" | awk -F'|' '{print $6}'); p99=$(echo "$one" | awk -F'|' '{print $8}')
  qps=$(echo "$eight" | awk -F'|' '{print $5}'); errs=$(echo "$eight" | awk -F'|' '{print $4}')
  "$bin/vngen" baseline --queries "$WORK/queries.txt" "${input[@]}" > "$WORK/baseline-$size.txt"
  sdocs=$(grep -o '([0-9]* docs/s)' "$WORK/baseline-$size.txt" | tr -dc 0-9)
  smb=$(grep -o 'index [0-9]* MB' "$WORK/baseline-$size.txt" | tr -dc 0-9)
  slat=$(grep -o 'p50 [0-9.]* ms, p99 [0-9.]* ms' "$WORK/baseline-$size.txt" | awk '{print $2 " / " $5}')
  printf '| %s | %.0f | %s | %s |%s|%s|%s|%s| %s | %s | %s |\n' "$docs" "$(echo "$docs / $took" | bc -l)" "$mb" "$rss" \
    "$p50" "$p99" "$qps" "$errs" "$sdocs" "$smb" "$slat" >> "$table"
done
cat "$table" "$shapes"
