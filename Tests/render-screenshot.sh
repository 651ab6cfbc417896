#!/usr/bin/env bash
# Renders Corpora/samples/westminster-2018.txt with `verbatim render` and takes a
# screenshot in headless Chromium (Debian: apt-get install chromium), so a person
# can check the page by eye. With --fixture it also renders the hand-annotated
# test fixture (every kind of mark-up, even before the recognizers find anything).
#
#   Tests/render-screenshot.sh [--fixture] [OUT_DIR]      (default OUT_DIR: /tmp/verbatim-render)
#
# Prints PASS with the PNG paths, SKIP when Chromium is absent, FAIL otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
fixture=0
if [[ "${1:-}" == "--fixture" ]]; then fixture=1; shift; fi
out="${1:-/tmp/verbatim-render}"
mkdir -p "$out"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$browser" ]]; then echo "render-screenshot: SKIP (no chromium; apt-get install chromium)"; exit 0; fi

# The same build as the README's test command (so nothing is built twice).
flags=(-c release -Xswiftc -enable-testing)
swift build "${flags[@]}" >/dev/null || { echo "render-screenshot: FAIL (swift build)"; exit 1; }
"$(swift build "${flags[@]}" --show-bin-path)/verbatim" render Corpora/samples/westminster-2018.txt -o "$out/westminster-2018.html"
pages=("$out/westminster-2018.html")
if [[ $fixture == 1 ]]; then
    VERBATIM_RENDER_FIXTURE="$out/fixture.html" swift test "${flags[@]}" --filter HTMLRendererTests >/dev/null
    pages+=("$out/fixture.html")
fi
for page in "${pages[@]}"; do
    png="${page%.html}.png"
    rm -f "$png"
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$png" \
        --window-size=1200,1600 "file://$(realpath "$page")" >/dev/null 2>&1 || true
    if [[ ! -s "$png" ]]; then echo "render-screenshot: FAIL (no screenshot of $page)"; exit 1; fi
    echo "render-screenshot: $png"
done
echo "render-screenshot: PASS"
