"""Writes a JSONL test batch from Corpora/samples: every article several times,
each record with its own id (sharded runs can only match a single run when
records carry ids; see README "Beyond one machine")."""
import json, os, sys

samples = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Corpora", "samples")
copies = int(sys.argv[1]) if len(sys.argv) > 1 else 20
names = sorted(n for n in os.listdir(samples) if n.endswith(".txt"))
for copy in range(copies):
    for name in names:
        with open(os.path.join(samples, name), encoding="utf-8") as f:
            text = f.read()
        print(json.dumps({"id": f"{copy}/{name}", "date": "2018-08-14", "text": text}, ensure_ascii=False))
