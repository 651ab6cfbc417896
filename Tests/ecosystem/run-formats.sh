#!/usr/bin/env bash
# Annotates Corpora/samples in every --format and reads each back with a real
# consumer (Tests/ecosystem/check_formats.py); prints one PASS/FAIL line.
set -uo pipefail
cd "$(dirname "$0")/../.."
swift build >/dev/null 2>&1 || { echo "formats: FAIL (swift build)"; exit 1; }
python3 Tests/ecosystem/check_formats.py "$(swift build --show-bin-path)/verbatim" Corpora/samples
