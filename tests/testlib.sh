# SPDX-License-Identifier: GPL-3.0-or-later
# testlib.sh — what the shell tests share: the paths of the build, a
# scratch directory removed on exit, and ok/fail/check with a closing
# "NAME: N passed, N failed" line.  Source it after setting TEST_NAME.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
SLX="$top_builddir/src/slaxtract"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
passed=0 failed=0

ok()   { passed=$((passed + 1)); echo "ok - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; }
# check DESCRIPTION EXPRESSION: EXPRESSION is evaluated when check runs.
check() { if eval "$2"; then ok "$1"; else fail "$1"; fi; }
# finish: the closing line and the exit status.
finish() {
    echo "$TEST_NAME: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
