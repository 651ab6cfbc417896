# Sourced by the ecosystem scripts (from the repository root): sets $bin to
# $VERBATIM_BIN, or to the build the README's test command makes (so CI builds
# once): swift build -c release -Xswiftc -enable-testing. $1 names the check for
# the FAIL line.
bin="${VERBATIM_BIN:-}"
if [[ -z "$bin" ]]; then
    flags=(-c release -Xswiftc -enable-testing)
    swift build "${flags[@]}" >/dev/null 2>&1 || { echo "$1: FAIL (swift build)"; exit 1; }
    bin="$(swift build "${flags[@]}" --show-bin-path)/verbatim"
fi
