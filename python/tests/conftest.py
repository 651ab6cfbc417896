"""Shared fixtures: the verbatim binary, a running `verbatim serve`, and the
rule that a missing dependency skips locally but fails in CI (.ci/run sets
VERBATIM_CI=1), so that nothing is silently left unchecked there."""

import os
import re
import subprocess
import threading

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
IN_CI = os.environ.get("VERBATIM_CI") == "1"


def require(condition, reason):
    """Skips (locally) or fails (in CI) when `condition` is false."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


def _binary():
    candidates = [os.environ.get("VERBATIM_BIN")] + [
        os.path.join(ROOT, ".build", flavour, "verbatim") for flavour in ("release", "debug")
    ]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def binary():
    path = _binary()
    require(path is not None, "no verbatim binary: set VERBATIM_BIN or swift build")
    return path


@pytest.fixture(scope="session")
def spacy_module():
    try:
        import spacy
    except ImportError:
        spacy = None
    require(spacy is not None, "spaCy is not installed (pip install spacy)")
    return spacy


class Server:
    def __init__(self, binary, *arguments):
        self.process = subprocess.Popen([binary, "serve", "--port", "0", *arguments],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.log = []
        first = self.process.stderr.readline().decode()
        self.log.append(first)
        match = re.search(r"http://127\.0\.0\.1:(\d+)", first)
        if not match:
            self.process.kill()
            raise RuntimeError(f"verbatim serve did not start: {first}{self.process.stderr.read().decode()}")
        self.url = f"http://127.0.0.1:{match.group(1)}"
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stderr:
            self.log.append(line.decode())

    def stop(self):
        self.process.terminate()
        status = self.process.wait(timeout=30)
        self.reader.join(timeout=5)
        return status


@pytest.fixture(scope="session")
def server(binary):
    running = Server(binary, "--jobs", "2")
    yield running
    assert running.stop() == 0
