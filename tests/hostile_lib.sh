# hostile_lib.sh: helpers of the tests/hostile_*.sh tests, sourced after
# tests/lib.sh.
[ -n "${SQLITE3:-}" ] && [ -x "$SQLITE3" ] || SQLITE3=$(command -v sqlite3) || SQLITE3=

# terminal_safe FILE: FILE holds nothing a terminal would act on: valid
# UTF-8 with no C0 control but TAB and LF, no DEL, no C1 control (raw or
# encoded), no bidi control, line or paragraph separator. Prints the first
# offender on failure.
_unsafe_re='[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8b-\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]|\xef\xbb\xbf'
terminal_safe() {
	if ! iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; then
		echo "invalid UTF-8 in $1"
		return 1
	fi
	if LC_ALL=C grep -qaP "$_unsafe_re" "$1"; then
		echo "control or invisible characters in $1:"
		LC_ALL=C grep -naoP "$_unsafe_re" "$1" | head -n 3 | od -c | head -n 6
		return 1
	fi
	return 0
}

# check_safe DESC FILE: a test that FILE is terminal_safe.
check_safe() {
	if _why=$(terminal_safe "$2"); then ok "$1"; else not_ok "$1"; diag "$_why"; fi
}

# new_index PATH [SCHEMA-SED]: an empty index at PATH, from tests/print_schema,
# its SQL first edited by the sed expression SCHEMA-SED when given (for
# files from writers that declare columns more loosely).
new_index() {
	"$top_builddir/tests/print_schema" >"$TEST_TMP/schema.sql" || return 1
	if [ -n "${2:-}" ]; then
		sed -e "$2" "$TEST_TMP/schema.sql" >"$TEST_TMP/schema2.sql" &&
			mv "$TEST_TMP/schema2.sql" "$TEST_TMP/schema.sql"
	fi
	rm -f "$1"
	"$SQLITE3" "$1" ".read $TEST_TMP/schema.sql" "PRAGMA application_id = 1096041288;" \
		"PRAGMA user_version = 1;" >/dev/null
}

# has_option OPT: attache --help lists OPT (batch modes land over time).
has_option() { "$ATTACHE" --help 2>/dev/null | grep -q -- "$1"; }

# no_crash CODE: the exit status of a process that was not killed by a
# signal (128+N) nor failed an assertion.
no_crash() { [ "$1" -lt 128 ]; }

# as_nobody CMD...: runs CMD as the user nobody, for the cases that
# permissions make (root reads any file); fails when that cannot be done.
as_nobody() {
	command -v setpriv >/dev/null 2>&1 || return 1
	setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
}
