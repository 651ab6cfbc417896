#!/usr/bin/env bash
# Runs the Python package's tests (python/tests: verbatim.annotate through the CLI
# and through `verbatim serve`, to_spacy, the spaCy component) against
# $VERBATIM_BIN, or the build the README's test command makes. Needs the package installed (pip install
# ./python) and pytest; the spaCy tests skip without spaCy, except in CI.
set -uo pipefail
cd "$(dirname "$0")/../.."
source Tests/ecosystem/find-binary.sh python
if ! python3 -c "import verbatim.client" 2>/dev/null; then
    echo "python: FAIL (the package is not installed: pip install ./python)"; exit 1
fi
VERBATIM_BIN="$bin" python3 -m pytest -q -p no:cacheprovider python/tests
