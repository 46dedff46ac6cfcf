#!/usr/bin/env bash
# Huge articles over HTTP (issue 13, "bounded work per hit"; not run by CI):
# records of 1, 4 and 15 MB made of corpus bodies, imported beside the first
# 5,000 corpus articles, then the same 5,000 alone; each index is served and
# loaded by vnload with common words and phrases, and serve's peak RSS read.
#
#   scripts/huge.sh            work files in ${WORK:-/tmp/vnsearch-huge}
#
# Needs ../shared/corpus beside the repository, python3 and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-/tmp/vnsearch-huge}
PORT=${PORT:-18555}
mkdir -p "$WORK/bin"
go build -o "$WORK/bin/" ./cmd/vnsearch ./cmd/vnload
bin=$WORK/bin
serve_pid=
cleanup() { [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

python3 - "$WORK" <<'PY'
import gzip, json, sys, urllib.parse
work = sys.argv[1]
bodies = []
with gzip.open('../shared/corpus/crawls.jsonl.gz', 'rt') as f, open(work + '/5k.jsonl', 'w') as first:
    for line in f:
        if len(bodies) < 5000:
            first.write(line)
        bodies.append(json.loads(line)['body'])
        if len(bodies) >= 6000:
            break
with open(work + '/huge.jsonl', 'w') as out:
    j = 0
    for mb in (1, 4, 15):
        parts, n = [], 0
        while n < mb << 20:
            parts.append(bodies[j % len(bodies)]); n += len(parts[-1].encode()); j += 1
        out.write(json.dumps({'id': 'huge-%dmb' % mb, 'source': 'test', 'title': 'Bài rất dài %d MB' % mb,
                              'published': '2024-01-0%dT08:00:00+07:00' % (mb % 9 + 1),
                              'body': '\n\n'.join(parts)}, ensure_ascii=False) + '\n')
queries = ['cán bộ', 'nhân dân', 'phát triển kinh tế', 'can bo', 'nhan dan', '"cán bộ và nhân dân"',
           '"can bo va nhan dan"', 'Việt Nam', 'của', 'và', '"phát triển"', 'tỉnh ủy', 'cong tac can bo',
           '"xây dựng Đảng"']
with open(work + '/queries.txt', 'w') as out:
    out.write(''.join('q=' + urllib.parse.quote_plus(q) + '\n' for q in queries))
PY
cat "$WORK/5k.jsonl" "$WORK/huge.jsonl" > "$WORK/with-huge.jsonl"

for input in with-huge 5k; do
  data=$WORK/data-$input
  rm -rf "$data"
  echo "== $input"
  "$bin/vnsearch" import --quiet --data "$data" "$WORK/$input.jsonl" 2>&1 | tail -1
  "$bin/vnsearch" serve --data "$data" --addr "127.0.0.1:$PORT" > "$WORK/serve-$input.log" 2>&1 &
  serve_pid=$!
  for _ in $(seq 1 200); do
    curl -sf "http://127.0.0.1:$PORT/api/search?q=a" > /dev/null && break
    sleep 0.3
  done
  "$bin/vnload" --url "http://127.0.0.1:$PORT" --levels 1,8 --requests 300 --queries "$WORK/queries.txt"
  for q in 'c%C3%A1n+b%E1%BB%99' '%22c%C3%A1n+b%E1%BB%99+v%C3%A0+nh%C3%A2n+d%C3%A2n%22'; do
    curl -s -o /dev/null -w "q=$q: HTTP %{http_code}, %{time_total} s, %{size_download} bytes\n" \
      "http://127.0.0.1:$PORT/api/search?q=$q"
  done
  grep VmHWM "/proc/$serve_pid/status"
  kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=
done
