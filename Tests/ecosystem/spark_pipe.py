"""Runs `verbatim annotate` as a Spark stage through RDD.pipe.

    python3 spark_pipe.py VERBATIM_BINARY IN.jsonl OUT.jsonl [PARTITIONS]

Each partition's lines go to one `verbatim annotate` process on standard input
(JSON Lines) and its output lines come back in the same order, one per record;
collecting the partitions in order gives exactly the lines of a single run over
IN.jsonl, provided every record has an id field (otherwise the fallback id is
stdin:N, counted per partition). On a cluster, install the binary at the same
path on every worker (or ship it with `spark-submit --files` and call it as
./verbatim) and write with saveAsTextFile instead of collecting.
"""
import sys
from pyspark import SparkConf, SparkContext

binary, source, target = sys.argv[1], sys.argv[2], sys.argv[3]
partitions = int(sys.argv[4]) if len(sys.argv) > 4 else 4

conf = SparkConf().setMaster("local[2]").setAppName("verbatim-pipe").set("spark.ui.enabled", "false")
sc = SparkContext(conf=conf)
sc.setLogLevel("ERROR")
try:
    records = sc.textFile(source, minPartitions=partitions)
    # --jobs 1: Spark already runs one task per core; checkCode fails the task if
    # verbatim exits non-zero (1 = some records became error lines: drop it if
    # error lines are acceptable in your batch).
    annotated = records.pipe(f"{binary} annotate --stdin-format jsonl --jobs 1", checkCode=True)
    lines = annotated.collect()
    print(f"spark_pipe: {records.getNumPartitions()} partitions, {len(lines)} lines", file=sys.stderr)
finally:
    sc.stop()
with open(target, "w", encoding="utf-8", newline="\n") as f:
    for line in lines:
        f.write(line + "\n")
