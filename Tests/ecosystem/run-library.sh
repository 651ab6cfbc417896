#!/usr/bin/env bash
# Builds a tiny package that depends on this one by path, from the Swift snippet
# under README.md's "Using the library" (so the README cannot drift), and runs it
# from another directory with no VERBATIM_MODELS: the library must find its models
# by itself. Prints one PASS/FAIL line.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/pkg/Sources/demo" "$tmp/elsewhere"
# A path dependency is known by its folder's name: a link named as the README's clone.
ln -s "$root" "$tmp/verbatim"
# The first ```swift block after the heading, and the dependency line in the ```swift block that names Package.swift.
python3 - "$root/README.md" "$tmp/pkg" "$tmp/verbatim" <<'PY' || { echo "library: FAIL (README has no library snippet)"; exit 1; }
import re, sys
readme, pkg, root = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2], sys.argv[3]
section = readme.split("\n## Using the library\n", 1)[1].split("\n## ", 1)[0]
blocks = re.findall(r"```swift\n(.*?)```", section, re.S)
manifest = next(b for b in blocks if "PackageDescription" in b)
snippet = next(b for b in blocks if "PackageDescription" not in b)
# The README's path stands for the reader's clone; here it is this checkout.
manifest = re.sub(r'\.package\(path: "[^"]*"\)', f'.package(path: "{root}")', manifest)
open(f"{pkg}/Package.swift", "w").write(manifest)
open(f"{pkg}/Sources/demo/main.swift", "w").write(snippet)
PY
if ! (cd "$tmp/pkg" && swift build >"$tmp/build.log" 2>&1); then
    echo "library: FAIL (the README's dependent package does not build)"; tail -20 "$tmp/build.log"; exit 1
fi
bin=$(cd "$tmp/pkg" && swift build --show-bin-path)/demo
out=$(cd "$tmp/elsewhere" && env -u VERBATIM_MODELS "$bin" 2>&1) || { echo "library: FAIL (the snippet failed: $out)"; exit 1; }
expected=$(python3 - "$root/README.md" <<'PY'
import re, sys
section = open(sys.argv[1], encoding="utf-8").read().split("\n## Using the library\n", 1)[1].split("\n## ", 1)[0]
print(re.findall(r"It prints:\n\n```\n(.*?)```", section, re.S)[0], end="")
PY
)
if [[ "$out" == "$expected" ]]; then echo "library: PASS"; else echo "library: FAIL (printed:"; echo "$out"; echo "README says:"; echo "$expected)"; exit 1; fi
