#!/usr/bin/env bash
# Checks that `verbatim annotate` as a Spark stage (RDD.pipe, local[2]) writes
# exactly what one process writes. Runs from anywhere; prints one PASS/FAIL/SKIP
# line. Needs pyspark (pip install pyspark) and Java; skips without them, except
# in CI (VERBATIM_CI=1, set by .ci/run), where a missing dependency is a failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
missing() {
    if [[ "${VERBATIM_CI:-}" == 1 ]]; then echo "spark-pipe: FAIL ($1; required in CI)"; exit 1; fi
    echo "spark-pipe: SKIP ($1)"; exit 0
}
python3 -c "import pyspark" 2>/dev/null || missing "pyspark not installed: pip install pyspark"
command -v java >/dev/null || missing "no java"
source Tests/ecosystem/find-binary.sh spark-pipe
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 Tests/ecosystem/make_input.py 20 > "$work/in.jsonl"
"$bin" annotate --jobs 2 "$work/in.jsonl" > "$work/single.jsonl" || { echo "spark-pipe: FAIL (single run)"; exit 1; }
if ! python3 Tests/ecosystem/spark_pipe.py "$bin" "$work/in.jsonl" "$work/spark.jsonl" 4 2> "$work/spark.log"; then
    tail -20 "$work/spark.log"; echo "spark-pipe: FAIL (spark job)"; exit 1
fi
records=$(wc -l < "$work/in.jsonl")
if cmp -s "$work/single.jsonl" "$work/spark.jsonl" && [[ $(wc -l < "$work/spark.jsonl") == "$records" ]]; then
    echo "spark-pipe: PASS ($records records, $(grep -o '[0-9]* partitions' "$work/spark.log"), output identical to one process)"
else
    diff <(head -c 2000 "$work/single.jsonl") <(head -c 2000 "$work/spark.jsonl") | head -5
    echo "spark-pipe: FAIL (output differs from a single run)"; exit 1
fi
