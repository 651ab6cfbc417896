"""verbatim.annotate through the CLI and through verbatim serve, against the
CLI's own output."""

import json
import os
import subprocess

import pytest

import verbatim
from verbatim import VerbatimError, VerbatimRecordError

RECORDS = [
    {"id": "r1", "date": "2021-03-02", "desk": {"n": 1.5},
     "text": "“We will rebuild the pier by spring,” Marta Quillon, the mayor of Tressly, said on Monday."},
    "The Harbour Trust in Vellmoor said on Friday that the bridge would reopen.",
    {"text": "“Not today,” said Pell Arner."},
    {"id": 7, "text": "Officials in Kessington said the plan was sound."},
]


def run_cli(binary, records, *options):
    lines = [json.dumps(r if isinstance(r, dict) else {"text": r}, ensure_ascii=False) for r in records]
    result = subprocess.run([binary, "annotate", *options], input="\n".join(lines).encode() + b"\n",
                            capture_output=True)
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_cli_stream_equals_the_cli_output(binary):
    got = list(verbatim.annotate(RECORDS, binary=binary))
    assert got == run_cli(binary, RECORDS)
    assert [r["id"] for r in got] == ["r1", "stdin:2", "stdin:3", 7]
    assert got[0]["desk"] == {"n": 1.5}
    quote = got[0]["quotes"][0]
    assert quote["speaker"]["name"] == "Marta Quillon"
    assert got[0]["text"][quote["start"]:quote["end"]] == quote["text"]


def test_options_reach_the_tool(binary):
    records = [{"guid": "g1", "body": "“Yes,” said Ada Brennick on Friday.", "when": "2020-01-05"}]
    got = list(verbatim.annotate(records, binary=binary, text_field="body", id_field="guid", date_field="when",
                                 explain=True, no_text=True))
    assert got == run_cli(binary, records, "--text-field", "body", "--id-field", "guid", "--date-field", "when",
                          "--explain", "--no-text")
    assert got[0]["id"] == "g1" and "body" not in got[0] and "rule" in got[0]["entities"][0]


def test_all_quotations_reaches_the_tool_and_not_a_service(binary):
    records = ["Critics call the ring road “a folly”. The mayor said the plan was “a disaster”."]
    speech = list(verbatim.annotate(records, binary=binary))
    every = list(verbatim.annotate(records, binary=binary, all_quotations=True))
    assert every == run_cli(binary, records, "--all-quotations")
    assert [q["kind"] for q in speech[0]["quotes"]] == ["indirect"]
    assert [q["kind"] for q in every[0]["quotes"]] == ["partial", "indirect", "partial"]
    assert [f["text"] for f in speech[0]["quotes"][0]["fragments"]] == ["“a disaster”"]
    with pytest.raises(ValueError, match="verbatim serve --all-quotations"):
        list(verbatim.annotate(records, url="http://127.0.0.1:9", all_quotations=True))


def test_a_long_stream_keeps_its_order_and_stops_early(binary):
    texts = (f"Reporter {i} said: “It is done,” in Ostrava." for i in range(3000))
    ids = [r["id"] for r in verbatim.annotate(texts, binary=binary, jobs=2)]
    assert ids == [f"stdin:{i}" for i in range(1, 3001)]
    # Leaving the loop early ends the subprocess instead of hanging.
    endless = (f"Item {i}." for i in range(10**9))
    for n, _ in enumerate(verbatim.annotate(endless, binary=binary)):
        if n == 5:
            break


def test_record_errors_raise_or_come_in_place(binary):
    records = ["Fine.", {"id": "bad", "text": 42}, "Also fine."]
    with pytest.raises(VerbatimRecordError) as raised:
        list(verbatim.annotate(records, binary=binary))
    assert raised.value.code == "text_not_string" and raised.value.record["id"] == "bad"
    got = list(verbatim.annotate(records, binary=binary, errors="include"))
    assert [("error" in r, r["id"]) for r in got] == [(False, "stdin:1"), (True, "bad"), (False, "stdin:3")]
    assert got == run_cli(binary, records)


def test_tool_failures_are_reported(binary, tmp_path):
    with pytest.raises(VerbatimError, match="exit status 2"):
        list(verbatim.annotate(["x"], binary=binary, models=str(tmp_path)))
    with pytest.raises(VerbatimError, match="cannot find the verbatim executable"):
        list(verbatim.annotate(["x"], binary=str(tmp_path / "nothing")))
    with pytest.raises(TypeError):
        list(verbatim.annotate([3.5], binary=binary))


def test_the_service_yields_what_the_tool_yields(binary, server):
    records = RECORDS * 5 + ["Fine.", {"id": "bad", "text": 42}, {"text": None}, "Last, said Bo Tarr."]
    expected = list(verbatim.annotate(records, binary=binary, errors="include"))
    # Batches of 3: ids, line numbers and offsets are those of one run over all.
    got = list(verbatim.annotate(records, url=server.url, errors="include", batch_size=3))
    assert got == expected
    assert got[-1]["id"] == f"stdin:{len(records)}"
    explained = list(verbatim.annotate(RECORDS, url=server.url, explain=True, no_text=True))
    assert explained == list(verbatim.annotate(RECORDS, binary=binary, explain=True, no_text=True))
    with pytest.raises(VerbatimRecordError):
        list(verbatim.annotate(records, url=server.url))


def test_service_errors_are_reported(server):
    # A non-200 answer (here 404: no service under that prefix) names its status and message.
    with pytest.raises(VerbatimError, match="answered 404: no endpoint POST /elsewhere/v1/annotate/batch"):
        list(verbatim.annotate(["x"], url=server.url + "/elsewhere"))
    with pytest.raises(VerbatimError, match="cannot reach"):
        list(verbatim.annotate(["x"], url="http://127.0.0.1:9"))
    with pytest.raises(VerbatimError, match="url must be"):
        list(verbatim.annotate(["x"], url="ftp://example"))


def test_find_binary_reads_the_environment(binary, monkeypatch):
    monkeypatch.setenv("VERBATIM_BIN", binary)
    assert verbatim.find_binary() == binary
    assert os.path.samefile(verbatim.find_binary(binary), binary)
