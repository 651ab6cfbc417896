#!/usr/bin/env bash
# Fuzzes the whole record path (bytes -> plain-text article and JSONL line -> output
# line, with the schema invariants checked) with libFuzzer and AddressSanitizer.
#
#   Tests/Fuzz/run-fuzz.sh [SECONDS] [extra libFuzzer flags]     (default 600 s)
#
# Seeds come from Corpora/samples and Tests/Fuzz/regressions; the growing corpus is
# kept in .build-fuzz/corpus (not in git). A crash leaves crash-* in .build-fuzz/;
# copy it into Tests/Fuzz/regressions/ with a descriptive name: the test suite
# replays every file there (FuzzRegressionTests), so it stays fixed.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
shift || true
swift build --product verbatim-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link
mkdir -p .build-fuzz/corpus .build-fuzz/seeds
cp Corpora/samples/*.txt Tests/Fuzz/regressions/* .build-fuzz/seeds/ 2>/dev/null || true
# JSONL seeds: the sample articles as records, so the JSON paths get covered too.
python3 - <<'PY'
import json, pathlib
for p in sorted(pathlib.Path("Corpora/samples").glob("*.txt")):
    text = p.read_text(encoding="utf-8")[:3000]
    rec = {"id": p.name, "date": "2018-08-14", "text": text, "meta": {"n": 1.0, "tags": ["a", None]}}
    pathlib.Path(".build-fuzz/seeds", p.stem + ".jsonl").write_text(json.dumps(rec, ensure_ascii=False))
PY
cd .build-fuzz
exec ./debug/verbatim-fuzz corpus seeds -max_total_time="$seconds" -max_len=16384 -timeout=10 \
    -rss_limit_mb=4096 -print_final_stats=1 "$@"
