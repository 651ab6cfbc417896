#!/usr/bin/env bash
# Checks the sharding recipes in the README: splitting a batch over several
# `verbatim annotate` processes with xargs -P or GNU parallel and joining the
# parts in order gives exactly the output of one process. Runs from anywhere;
# prints one PASS/FAIL line (GNU parallel's part is skipped when it is absent).
set -uo pipefail
cd "$(dirname "$0")/../.."
source Tests/ecosystem/find-binary.sh shard
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "shard: FAIL ($1)"; exit 1; }
checked=()

# 1. A JSONL batch: split into 4 line-aligned shards, annotate 2 at a time with
#    xargs, concatenate the outputs in shard order.
python3 Tests/ecosystem/make_input.py 10 > "$work/in.jsonl"
"$bin" annotate --jobs 1 "$work/in.jsonl" > "$work/single.jsonl" || fail "single JSONL run"
mkdir "$work/shards"
split -n l/4 -d "$work/in.jsonl" "$work/shards/part-"
ls "$work/shards"/part-* | xargs -P 2 -I{} sh -c "'$bin' annotate --stdin-format jsonl --jobs 1 < '{}' > '{}.out'" || fail "xargs over JSONL shards"
cat "$work/shards"/part-*.out > "$work/sharded.jsonl"
cmp -s "$work/single.jsonl" "$work/sharded.jsonl" || fail "JSONL shards joined differ from one run"
checked+=("JSONL split + xargs -P")

# 2. A folder of .txt files: the files (as paths relative to the folder, byte-wise
#    sorted, which is the order and the ids of a folder run) in groups of 2.
folder=Corpora/samples
"$bin" annotate --jobs 1 "$folder" > "$work/folder.jsonl" || fail "single folder run"
(cd "$folder" && find . -name '*.txt' -printf '%P\n' | LC_ALL=C sort > "$work/files.txt")
mkdir "$work/lists"
split -l 2 -d "$work/files.txt" "$work/lists/list-"
ls "$work/lists"/list-* | xargs -P 2 -I{} sh -c "cd '$folder' && xargs -d '\n' '$bin' annotate --jobs 1 < '{}' > '{}.out'" \
    || fail "xargs over the folder"
cat "$work/lists"/list-*.out > "$work/folder-xargs.jsonl"
cmp -s "$work/folder.jsonl" "$work/folder-xargs.jsonl" || fail "folder via xargs differs from one run"
checked+=("folder + xargs -P")

if command -v parallel >/dev/null; then
    (cd "$folder" && parallel --will-cite -k -j 2 -n 2 "$bin" annotate --jobs 1 < "$work/files.txt") > "$work/folder-parallel.jsonl" \
        || fail "GNU parallel over the folder"
    cmp -s "$work/folder.jsonl" "$work/folder-parallel.jsonl" || fail "folder via GNU parallel -k differs from one run"
    checked+=("folder + GNU parallel -k")
else
    checked+=("GNU parallel skipped: not installed")
fi
echo "shard: PASS ($(IFS=';'; echo "${checked[*]}"); outputs identical to one process)"
