#!/usr/bin/env bash
# Annotates Corpora/samples in every --format and reads each back with a real
# consumer (Tests/ecosystem/check_formats.py); prints one PASS/FAIL line.
set -uo pipefail
cd "$(dirname "$0")/../.."
# The binary: $VERBATIM_BIN, or the build the README's test command makes (so CI
# builds once): swift build -c release -Xswiftc -enable-testing.
bin="${VERBATIM_BIN:-}"
if [[ -z "$bin" ]]; then
    flags=(-c release -Xswiftc -enable-testing)
    swift build "${flags[@]}" >/dev/null 2>&1 || { echo "formats: FAIL (swift build)"; exit 1; }
    bin="$(swift build "${flags[@]}" --show-bin-path)/verbatim"
fi
python3 Tests/ecosystem/check_formats.py "$bin" Corpora/samples
