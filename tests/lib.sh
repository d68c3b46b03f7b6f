# lib.sh: helpers for the shell tests, which print TAP.
# Sourced by every tests/*.sh; expects top_srcdir and top_builddir.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
ATTACHE="$top_builddir/tui/attache"
ATTACHE_INDEX_BIN="$top_builddir/ingest/attache-index"
: "${ATTACHE_CORPUS:=$top_srcdir/../shared/corpus}"
# In a git worktree checked out elsewhere, the corpus is beside the main
# checkout: without this, the corpus tests (eval.sh) would skip there.
if [ ! -d "$ATTACHE_CORPUS/seeds" ] && command -v git >/dev/null 2>&1; then
	_common=$(git -C "$top_srcdir" rev-parse --path-format=absolute --git-common-dir 2>/dev/null) &&
		[ -d "$_common/../../shared/corpus/seeds" ] && ATTACHE_CORPUS="$_common/../../shared/corpus"
fi
export ATTACHE_INDEX=  # tests never pick up the user's index
export XDG_CONFIG_HOME="${TMPDIR:-/tmp}/attache-test-config-$$"
export XDG_STATE_HOME="${TMPDIR:-/tmp}/attache-test-state-$$"

_tap_n=0
_tap_failed=0
TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/attache-test.XXXXXX")
trap 'rm -rf "$TEST_TMP" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME"' EXIT

# reap_strays: at the end of a test that ran the browser in a terminal,
# waits (at most 3 s) for the processes started on files of $TEST_TMP to
# end, then kills what is left. A browser whose terminal went away exits by
# itself (the tests check that where it matters), but in sanitizer builds
# LeakSanitizer's exit-time check was seen to hang, spinning, for good; left
# alone, such strays slow every later test.
reap_strays() {
	command -v pgrep >/dev/null 2>&1 || return 0
	_r=0
	while pgrep -f -- "$TEST_TMP/" >/dev/null 2>&1 && [ $_r -lt 30 ]; do
		sleep 0.1; _r=$((_r + 1))
	done
	pkill -KILL -f -- "$TEST_TMP/" 2>/dev/null
	return 0
}

ok() { _tap_n=$((_tap_n + 1)); echo "ok $_tap_n - $*"; }
not_ok() { _tap_n=$((_tap_n + 1)); _tap_failed=1; echo "not ok $_tap_n - $*"; }
skip() { _tap_n=$((_tap_n + 1)); echo "ok $_tap_n # SKIP $*"; }
skip_all() { echo "1..0 # SKIP $*"; exit 0; }
diag() { printf '%s\n' "$@" | sed 's/^/# /'; }

# check DESC CMD...: passes when CMD exits 0.
check() {
	_desc=$1; shift
	if "$@"; then ok "$_desc"; else not_ok "$_desc"; fi
}

# expect_exit CODE DESC CMD...: runs CMD, keeps stderr in $TEST_TMP/err.
expect_exit() {
	_want=$1; _desc=$2; shift 2
	"$@" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
	_got=$?
	if [ "$_got" -eq "$_want" ]; then ok "$_desc (exit $_got)"
	else not_ok "$_desc: exit $_got, wanted $_want"; diag "$(head -c 2000 "$TEST_TMP/err")"; fi
}

# one_line FILE: the file holds exactly one line.
one_line() { [ "$(wc -l <"$1")" -eq 1 ]; }
# missing_keys LINE MACRO KEY...: prints " KEY" for each KEY that the man
# page LINE does not name as "MACRO KEY" or "MACRO \&KEY" (then a blank).
missing_keys() {
	_mk_line="$1 "; _mk_macro=$2; shift 2
	for _mk_key; do
		case $_mk_line in
		*"$_mk_macro $_mk_key "*|*"$_mk_macro \\&$_mk_key "*) ;;
		*) printf ' %s' "$_mk_key" ;;
		esac
	done
}

have_corpus() { [ -d "$ATTACHE_CORPUS/seeds" ]; }

# done_testing: prints the plan at the end (TAP allows it there).
done_testing() { echo "1..$_tap_n"; exit 0; }
