#!/usr/bin/env bash
# Annotates Corpora/samples in every --format and reads each back with a real
# consumer (Tests/ecosystem/check_formats.py); prints one PASS/FAIL line.
set -uo pipefail
cd "$(dirname "$0")/../.."
source Tests/ecosystem/find-binary.sh formats
python3 Tests/ecosystem/check_formats.py "$bin" Corpora/samples
