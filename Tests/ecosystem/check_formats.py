"""Reads every --format back with a real consumer and checks it against the
JSONL output of the same run (same entities, quotes and offsets).

    python3 check_formats.py VERBATIM_BINARY INPUT...

Consumers: Python's csv module (csv), a CoNLL-2003 reader (conll), a brat
standoff parser (brat), spaCy's Doc.from_json when spaCy is installed (spacy;
otherwise the JSON is checked by hand, except in CI, where spaCy's absence is a
failure). Prints one PASS/FAIL line.
"""
import csv, io, json, os, subprocess, sys, tempfile

binary, inputs = sys.argv[1], sys.argv[2:]
problems = []

def run(*args):
    p = subprocess.run([binary, "annotate", *args, *inputs], capture_output=True)
    if p.returncode != 0:
        problems.append(f"annotate {' '.join(args)} exited {p.returncode}: {p.stderr.decode()[:300]}")
    return p.stdout.decode("utf-8")

records = [json.loads(line) for line in run("--format", "jsonl").splitlines()]
CONLL = {"PERSON": "PER", "ORG": "ORG", "PLACE": "LOC", "TIME": "TIME"}

# csv: one row per quote, in order, with the JSONL's offsets and texts.
rows = list(csv.reader(io.StringIO(run("--format", "csv"), newline=""), strict=True))
if rows[0] != ["record_id", "quote_id", "speaker", "speaker_mention", "quote", "kind", "cue", "start", "end"]:
    problems.append(f"csv header {rows[0]}")
expected = []
for r in records:
    for q in r["quotes"]:
        s = q["speaker"] or {}
        expected.append([str(r["id"]), q["id"], s.get("name") or s.get("text") or "", s.get("text", ""), q["text"], q["kind"],
                         (q["cue"] or {}).get("text", ""), str(q["start"]), str(q["end"])])
if rows[1:] != expected:
    problems.append(f"csv rows differ from the JSONL quotes ({len(rows) - 1} rows, {len(expected)} quotes)")

# conll: documents, sentences, IOB2 chunks that match the entities' tokens.
docs, sents, sent = [], None, []
for line in run("--format", "conll").split("\n"):
    if line.startswith("-DOCSTART-"):
        sents = []; docs.append(sents); continue
    if not line:
        if sent: sents.append(sent); sent = []
        continue
    token, tag = line.split("\t")
    sent.append((token, tag))
if len(docs) != len(records):
    problems.append(f"conll has {len(docs)} documents for {len(records)} records")
for r, sents in zip(records, docs):
    chunks = []
    for sent in sents:
        for token, tag in sent:
            if tag.startswith("B-"): chunks.append(tag[2:])
    labels = [CONLL[e["label"]] for e in r["entities"]]
    if chunks != labels:
        problems.append(f"conll chunks of {r['id']} differ: {len(chunks)} chunks, {len(labels)} entities")

# brat: every T line's text is its fragments of the .txt; one PERSON/ORG/PLACE/TIME per entity.
with tempfile.TemporaryDirectory() as d:
    run("--format", "brat", "-o", d)
    stems = sorted(f[:-4] for f in os.listdir(d) if f.endswith(".ann"))
    if len(stems) != len(records):
        problems.append(f"brat wrote {len(stems)} .ann files for {len(records)} records")
    by_text = {}
    for stem in stems:
        text = open(os.path.join(d, stem + ".txt"), encoding="utf-8", newline="").read()
        ents, quotes, ids = [], 0, set()
        for line in open(os.path.join(d, stem + ".ann"), encoding="utf-8", newline="\n"):
            line = line.rstrip("\n")
            if line.startswith("T"):
                tid, mid, covered = line.split("\t")
                label, offsets = mid.split(" ", 1)
                frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
                if " ".join(text[s:e] for s, e in frags) != covered:
                    problems.append(f"brat {stem} {tid}: text does not match offsets")
                ids.add(tid)
                if label in CONLL: ents.append((frags[0][0], frags[-1][1], label))
                if label == "Quote": quotes += 1
            elif line.startswith("R"):
                name, a1, a2 = line.split("\t")[1].split(" ")
                if a1[5:] not in ids or a2[5:] not in ids: problems.append(f"brat {stem}: dangling relation {line}")
        by_text[text] = (ents, quotes)
    for r in records:
        ents, quotes = by_text.get(r["text"], (None, None))
        if ents != [(e["start"], e["end"], e["label"]) for e in r["entities"]] or quotes != len(r["quotes"]):
            problems.append(f"brat annotations of {r['id']} differ from the JSONL")

# spacy: Doc.from_json when spaCy is there; the text and entity texts always.
lines = [json.loads(l) for l in run("--format", "spacy").splitlines()]
if len(lines) != len(records):
    problems.append(f"spacy wrote {len(lines)} docs for {len(records)} records")
try:
    import spacy
    from spacy.tokens import Doc
    nlp = spacy.blank("en")
except ImportError:
    nlp = None
    # In CI (.ci/run sets VERBATIM_CI=1) the real consumer must run, not the fallback.
    if os.environ.get("VERBATIM_CI") == "1":
        problems.append("spaCy is not installed (required in CI: pip install spacy)")
for r, d in zip(records, lines):
    if d["text"] != r["text"] or len(d["ents"]) > len(r["entities"]) or len(d["quotes"]) != len(r["quotes"]):
        problems.append(f"spacy doc {r['id']} differs from the JSONL")
    for e in d["ents"]:
        if not d["text"][e["start"]:e["end"]].strip():
            problems.append(f"spacy doc {r['id']}: empty entity")
    if nlp is not None:
        doc = Doc(nlp.vocab).from_json(d)
        if doc.text != r["text"] or len(doc.ents) != len(d["ents"]) or len(doc.spans["quotes"]) != len(r["quotes"]):
            problems.append(f"spacy Doc of {r['id']} lost text, entities or quotes")

summary = f"{len(records)} records, {sum(len(r['entities']) for r in records)} entities, {sum(len(r['quotes']) for r in records)} quotes"
spacy_note = "spaCy Doc.from_json" if nlp is not None else "spaCy absent: JSON checked by hand"
if problems:
    print("\n".join(problems[:20]))
    print(f"formats: FAIL ({len(problems)} problems; {summary})")
    sys.exit(1)
print(f"formats: PASS (jsonl, csv, conll, brat, spacy agree on {summary}; {spacy_note})")
