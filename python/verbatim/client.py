"""Streaming records through ``verbatim annotate`` or ``verbatim serve``."""

import http.client
import json
import os
import shutil
import subprocess
import threading
import urllib.parse

__all__ = ["annotate", "find_binary", "VerbatimError", "VerbatimRecordError"]


class VerbatimError(Exception):
    """The tool or the service failed as a whole: not found, bad options,
    missing models, an HTTP error."""


class VerbatimRecordError(VerbatimError):
    """A record could not be annotated. ``record`` is its error line as a dict:
    ``{"id", "error": {"code", "message"}, "line", "offset", ...}``."""

    def __init__(self, record):
        self.record = record
        error = record.get("error", {})
        self.code = error.get("code")
        super().__init__(f"record {record.get('id')}: {self.code}: {error.get('message')}")


def find_binary(binary=None):
    """The ``verbatim`` executable: ``binary``, else ``$VERBATIM_BIN``, else
    ``verbatim`` on the PATH."""
    candidate = binary or os.environ.get("VERBATIM_BIN") or shutil.which("verbatim")
    if not candidate or not (os.path.isfile(candidate) and os.access(candidate, os.X_OK)):
        raise VerbatimError(
            f"cannot find the verbatim executable ({candidate or 'not on the PATH'}): "
            "pass binary=, set VERBATIM_BIN, or put verbatim on the PATH"
        )
    return candidate


def annotate(records_or_texts, *, url=None, binary=None, text_field=None, id_field=None, date_field=None,
             explain=False, no_text=False, errors="raise", models=None, lexicons=(), jobs=None,
             batch_size=256, timeout=300, all_quotations=False):
    """Annotates records and yields one dict per input, in input order.

    ``records_or_texts``: any iterable (consumed lazily, so a generator of
    millions is fine) of article texts (``str``) or records (``dict`` with a
    ``"text"`` field, or the field named by ``text_field``; an ``"id"`` and an
    ISO ``"date"`` are used when present; other fields pass through).

    Through the command-line tool by default (one ``verbatim annotate``
    subprocess for the whole stream: ``binary``, ``models``, ``lexicons`` and
    ``jobs`` are its options), or through a running ``verbatim serve`` at
    ``url`` (``http://127.0.0.1:8080``), in batches of ``batch_size`` records.
    Both yield exactly the same dicts: a record without an id gets
    ``stdin:N``, N its position from 1, as the tool writes on standard input.

    ``all_quotations=True`` lists every pair of quotation marks as a quote, not
    only speech (``--all-quotations``); a service takes that setting when it
    starts (``verbatim serve --all-quotations``), so it is a ``ValueError`` with
    ``url``.

    ``errors="raise"`` (default) raises ``VerbatimRecordError`` at the first
    record that cannot be annotated; ``errors="include"`` yields its error line
    (a dict with an ``"error"`` key) in its place and goes on.
    """
    if errors not in ("raise", "include"):
        raise ValueError('errors must be "raise" or "include"')
    if all_quotations and url is not None:
        raise ValueError("all_quotations is a setting of the service: start it with `verbatim serve --all-quotations`")
    options = _Options(text_field, id_field, date_field, explain, no_text, all_quotations)
    if url is not None:
        stream = _annotate_service(records_or_texts, url, options, batch_size, timeout)
    else:
        stream = _annotate_process(records_or_texts, find_binary(binary), options, models, lexicons, jobs)
    for record in stream:
        if errors == "raise" and "error" in record:
            stream.close()
            raise VerbatimRecordError(record)
        yield record


class _Options:
    def __init__(self, text_field, id_field, date_field, explain, no_text, all_quotations=False):
        self.text_field = text_field or "text"
        self.id_field = id_field or "id"
        self.date_field = date_field
        self.explain = explain
        self.no_text = no_text
        self.all_quotations = all_quotations

    def arguments(self):
        arguments = ["--text-field", self.text_field, "--id-field", self.id_field]
        if self.date_field:
            arguments += ["--date-field", self.date_field]
        if self.explain:
            arguments.append("--explain")
        if self.no_text:
            arguments.append("--no-text")
        if self.all_quotations:
            arguments.append("--all-quotations")
        return arguments

    def query(self):
        pairs = [("text-field", self.text_field), ("id-field", self.id_field)]
        if self.date_field:
            pairs.append(("date-field", self.date_field))
        if self.explain:
            pairs.append(("explain", "true"))
        if self.no_text:
            pairs.append(("no-text", "true"))
        return urllib.parse.urlencode(pairs)

    def line(self, item):
        """One JSON Lines record (bytes, with its line break) and whether it carries an id."""
        if isinstance(item, str):
            record = {self.text_field: item}
        elif isinstance(item, dict):
            record = item
        else:
            raise TypeError(f"expected a str (an article) or a dict (a record), got {type(item).__name__}")
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"), self.id_field in record


def _annotate_process(items, binary, options, models, lexicons, jobs):
    command = [binary, "annotate", *options.arguments()]
    if models:
        command += ["--models", str(models)]
    for lexicon in lexicons:
        command += ["--lexicon", str(lexicon)]
    if jobs:
        command += ["--jobs", str(jobs)]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stderr = []
    feed_error = []

    def feed():
        # A thread of its own, so that a large input never waits on unread output.
        try:
            for item in items:
                process.stdin.write(options.line(item)[0])
        except BrokenPipeError:
            pass  # the tool stopped early; its exit status says why
        except Exception as error:  # a bad item: stop the tool, report it below
            feed_error.append(error)
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass

    def drain_stderr():
        for line in process.stderr:
            stderr.append(line.decode("utf-8", "replace"))

    threads = [threading.Thread(target=feed, daemon=True), threading.Thread(target=drain_stderr, daemon=True)]
    for thread in threads:
        thread.start()
    finished = False
    try:
        for line in process.stdout:
            yield json.loads(line)
        status = process.wait()
        for thread in threads:
            thread.join()
        finished = True
        if feed_error:
            raise feed_error[0]
        # 1 means some records became error lines, which were yielded in place.
        if status not in (0, 1):
            message = "".join(stderr).strip() or f"exit status {status}"
            raise VerbatimError(f"verbatim annotate failed (exit status {status}): {message}")
    finally:
        if not finished:  # the caller stopped early, or something failed: end the tool
            process.kill()
            process.wait()
            for stream in (process.stdout, process.stderr):
                stream.close()


def _annotate_service(items, url, options, batch_size, timeout):
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme != "http" or not parsed.hostname:
        raise VerbatimError(f"url must be http://HOST:PORT, got {url!r}")
    path = parsed.path.rstrip("/") + "/v1/annotate/batch?" + options.query()
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port or 80, timeout=timeout)
    # Positions in the whole stream, so that fallback ids, line numbers and byte
    # offsets in error lines are those of one annotate run over all of it.
    lines_before = 0
    bytes_before = 0
    try:
        batch = []
        for item in items:
            batch.append(options.line(item))
            if len(batch) >= batch_size:
                yield from _post_batch(connection, path, batch, lines_before, bytes_before)
                lines_before += len(batch)
                bytes_before += sum(len(line) for line, _ in batch)
                batch = []
        if batch:
            yield from _post_batch(connection, path, batch, lines_before, bytes_before)
    finally:
        connection.close()


def _post_batch(connection, path, batch, lines_before, bytes_before):
    body = b"".join(line for line, _ in batch)
    try:
        connection.request("POST", path, body=body, headers={"Content-Type": "application/x-ndjson"})
        response = connection.getresponse()
        payload = response.read()
    except (OSError, http.client.HTTPException) as error:
        connection.close()
        raise VerbatimError(f"cannot reach verbatim serve at {connection.host}:{connection.port}: {error}") from error
    if response.status != 200:
        try:
            message = json.loads(payload)["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = payload[:300].decode("utf-8", "replace")
        raise VerbatimError(f"verbatim serve answered {response.status}: {message}")
    lines = payload.splitlines()
    if len(lines) != len(batch):
        raise VerbatimError(f"verbatim serve answered {len(lines)} lines for {len(batch)} records")
    for line, (_, has_id) in zip(lines, batch):
        record = json.loads(line)
        if lines_before:
            _rebase(record, has_id, lines_before, bytes_before)
        yield record


def _rebase(record, has_id, lines_before, bytes_before):
    """Moves a record's stdin position from its batch to the whole stream."""
    number = record.get("line")
    if not has_id and isinstance(record.get("id"), str) and record["id"].startswith("stdin:"):
        record["id"] = f"stdin:{int(record['id'][6:]) + lines_before}"
    if isinstance(number, int):
        record["line"] = number + lines_before
    if isinstance(record.get("offset"), int):
        record["offset"] += bytes_before
