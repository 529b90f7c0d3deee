# lib.sh: shared helpers for the shell tests (sourced). Each check prints "ok - ..." or
# "not ok - ..." for tests/run-tests to count. $CHAINSCOPE is the binary under test.
: "${CHAINSCOPE:=$(pwd)/chainscope}"
TOP=$(pwd)
SHARED=${CHAINSCOPE_SHARED:-$(cd "$TOP/.." && pwd)/shared}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/chainscope-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export CHAINSCOPE_ASSETS="$TOP/assets"
export XDG_CACHE_HOME="$TMP/xdg-cache" XDG_CONFIG_HOME="$TMP/xdg-config"
unset CHAINSCOPE_DB
T_NAME=$(basename "$0" .sh)

ok() { echo "ok - $T_NAME: $*"; }
not_ok() { echo "not ok - $T_NAME: $*"; }
# check DESC CMD...: passes when CMD exits 0
check() { d=$1; shift; if "$@" >/dev/null 2>&1; then ok "$d"; else not_ok "$d"; fi; }
# check_eq DESC GOT WANT
check_eq() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1"; echo "#   got:  $2"; echo "#   want: $3"; fi; }
# check_contains DESC HAYSTACK NEEDLE
check_contains() { case $2 in *"$3"*) ok "$1";; *) not_ok "$1"; echo "#   missing: $3"; echo "#   in: $(printf %s "$2" | head -c 400)";; esac; }
check_not_contains() { case $2 in *"$3"*) not_ok "$1"; echo "#   unexpected: $3";; *) ok "$1";; esac; }
# skip DESC REASON: counted as neither passed nor failed
skip() { echo "skip - $T_NAME: $1 ($2)"; }
