#!/usr/bin/env bash
# Measures `verbatim serve` with wrk (apt-get install wrk) on loopback, beside
# `verbatim annotate` on the same article: requests/s and p50/p99 latency of
# POST /v1/annotate for one article (Corpora/samples/westminster-2018.txt as a
# JSON record, 3.9 KB), then annotate's articles/s over 2,000 copies of it.
# Not part of CI (timings, not checks). Usage, from the repository root:
#   Tests/ecosystem/bench-serve.sh [ROUNDS] [CONNECTIONS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-3}" connections="${2:-8}" seconds="${3:-15}"
command -v wrk >/dev/null || { echo "bench-serve: needs wrk (apt-get install wrk)"; exit 1; }
# $VERBATIM_BIN, or a release build (the test build's flags, so as not to build twice).
bin="${VERBATIM_BIN:-}"
if [[ -z "$bin" ]]; then
    swift build -c release -Xswiftc -enable-testing >/dev/null
    bin="$(swift build -c release -Xswiftc -enable-testing --show-bin-path)/verbatim"
fi
work="$(mktemp -d)"
server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
text = open("Corpora/samples/westminster-2018.txt", encoding="utf-8").read()
record = json.dumps({"id": "westminster-2018", "date": "2018-08-14", "text": text}, ensure_ascii=False)
open(f"{work}/record.json", "w", encoding="utf-8").write(record)
open(f"{work}/batch.jsonl", "w", encoding="utf-8").write((record + "\n") * 2000)
with open(f"{work}/post.lua", "w", encoding="utf-8") as f:
    f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n')
    f.write(f'local file = io.open("{work}/record.json", "rb")\nwrk.body = file:read("*a")\nfile:close()\n')
PY
echo "record: $(wc -c < "$work/record.json") bytes; $(nproc) cores; wrk -t2 -c$connections -d${seconds}s, $rounds rounds"

"$bin" serve --port 0 --jobs "$(nproc)" --queue 256 2> "$work/serve.log" &
server=$!
for _ in $(seq 100); do grep -q "listening on" "$work/serve.log" 2>/dev/null && break; sleep 0.1; done
port=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | sed 's/.*://')
url="http://127.0.0.1:$port/v1/annotate"
# The answer must be annotate's line before anything is timed.
cmp <(curl -s -H 'Content-Type: application/json' --data-binary @"$work/record.json" "$url") \
    <("$bin" annotate < "$work/record.json") || { echo "bench-serve: the service's answer differs from annotate"; exit 1; }
wrk -t2 -c"$connections" -d3s -s "$work/post.lua" "$url" > /dev/null   # warm-up
for round in $(seq "$rounds"); do
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "$url" > "$work/wrk.txt"
    rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
    errors=$(grep -E "Non-2xx|Socket errors" "$work/wrk.txt" || true)
    echo "serve round $round: $rps requests/s, p50 $p50, p99 $p99 ${errors:+($errors)}"
    start=$(date +%s.%N)
    "$bin" annotate --jobs "$(nproc)" "$work/batch.jsonl" > /dev/null
    end=$(date +%s.%N)
    echo "annotate round $round: $(python3 -c "print(f'{2000 / ($end - $start):.0f}')") articles/s (2,000 copies, --jobs $(nproc))"
done
kill -TERM "$server"; wait "$server" || true; server=""
echo "access-log lines: $(grep -c '"POST /v1/annotate"' "$work/serve.log")"
