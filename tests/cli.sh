#!/bin/sh
# The command lines: --help, --version, usage errors, and --check on every
# kind of file that is not an index, each with its one-line message and
# sysexits(3) code.
. "${top_srcdir:-.}/tests/lib.sh"


expect_exit 0 "attache --version" "$ATTACHE" --version
check "attache --version names the program" grep -q '^attache [0-9]' "$TEST_TMP/out"
expect_exit 0 "attache --help" "$ATTACHE" --help
check "attache --help shows usage" grep -q '^Usage: attache' "$TEST_TMP/out"
expect_exit 0 "attache-index --version" "$ATTACHE_INDEX_BIN" --version
expect_exit 0 "attache-index --help" "$ATTACHE_INDEX_BIN" --help
check "attache-index --help shows usage" grep -q '^Usage: attache-index' "$TEST_TMP/out"
expect_exit 64 "attache with an unknown option" "$ATTACHE" --no-such-option
expect_exit 64 "attache-index without -o" "$ATTACHE_INDEX_BIN" somefile

# Bad index files: one line on stderr naming the file, and the right code.
bad() {
	_code=$1; _what=$2; _file=$3
	expect_exit "$_code" "--check on $_what" "$ATTACHE" --check "$_file"
	if one_line "$TEST_TMP/err" && grep -qF -- "$_file" "$TEST_TMP/err"; then
		ok "one line naming the file for $_what"
	else
		not_ok "one line naming the file for $_what"; diag "$(cat "$TEST_TMP/err")"
	fi
}
bad 66 "a missing file" "$TEST_TMP/missing.idx"
mkdir "$TEST_TMP/dir.idx"
bad 65 "a directory" "$TEST_TMP/dir.idx"
: >"$TEST_TMP/empty.idx"
bad 65 "a 0-byte file" "$TEST_TMP/empty.idx"
printf 'Russia and Belarus signed an agreement.\n' >"$TEST_TMP/text.idx"
bad 65 "a text file" "$TEST_TMP/text.idx"
mkfifo "$TEST_TMP/fifo.idx"
bad 65 "a FIFO (no hang)" "$TEST_TMP/fifo.idx"
bad 65 "/dev/zero" /dev/zero
if [ -n "$SQLITE3" ] && [ -x "$SQLITE3" ]; then
	"$SQLITE3" "$TEST_TMP/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'
	bad 65 "a SQLite database that is not an index" "$TEST_TMP/other.db"
else
	skip "sqlite3 shell not installed"; skip "sqlite3 shell not installed"
fi
done_testing
