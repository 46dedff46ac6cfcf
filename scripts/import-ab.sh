#!/usr/bin/env bash
# Import speed, binaries alternated (issue 13; not run by CI): each round
# imports INPUT with every binary given, on a fresh data directory under
# GNU time, then (with VNGEN=1) indexes the same input with bleve's standard
# analyzer (vngen baseline) as the reference of the same run.
#
#   VNGEN=1 scripts/import-ab.sh INPUT.jsonl ROUNDS "name|ENV=V ...|/path/to/vnsearch" ...
#
# One line per import: load average at its start, wall time, CPU, user+sys,
# peak RSS, index MB (du after the index was reopened) and vnsearch's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
in=$1; rounds=$2; shift 2
WORK=${WORK:-/tmp/vnsearch-import-ab}
mkdir -p "$WORK"
if [ -n "${VNGEN:-}" ]; then
  go build -o "$WORK/vngen" ./cmd/vngen
  "$WORK/vngen" queries --n 60 ../shared/corpus/*.jsonl.gz > "$WORK/queries.txt"
fi
for r in $(seq 1 "$rounds"); do
  for v in "$@"; do
    IFS='|' read -r name envs bin <<<"$v"
    d=$WORK/data-$name; rm -rf "$d"
    l=$(cut -d' ' -f1 /proc/loadavg)
    out=$(env $envs /usr/bin/time -v "$bin" import --quiet --data "$d" "$in" 2>"$WORK/time-$name.txt" | tail -1)
    "$bin" stats --data "$d" >/dev/null 2>&1
    t=$WORK/time-$name.txt
    el=$(grep Elapsed "$t" | awk '{print $NF}')
    cpu=$(grep "Percent of CPU" "$t" | awk '{print $NF}')
    ut=$(grep "User time" "$t" | awk '{print $NF}')
    st=$(grep "System time" "$t" | awk '{print $NF}')
    rss=$(grep "Maximum resident" "$t" | awk '{print int($NF/1024)}')
    echo "r$r $name load=$l wall=$el cpu=$cpu user+sys=$ut+$st rssMB=$rss indexMB=$(du -sm "$d/index" | cut -f1) :: ${out##*in }"
    rm -rf "$d"
  done
  if [ -n "${VNGEN:-}" ]; then
    l=$(cut -d' ' -f1 /proc/loadavg)
    echo "r$r bleve-standard load=$l $("$WORK/vngen" baseline --queries "$WORK/queries.txt" "$in" 2>&1 | grep 'indexed in')"
  fi
done
