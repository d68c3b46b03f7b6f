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

# The browser itself, on a real terminal (script(1) gives it one): a bad
# index is reported in one line before curses starts, so no escape
# sequence reaches the terminal, and the exit status is the same.
if command -v script >/dev/null 2>&1; then
	for f in "$TEST_TMP/missing.idx:66" "$TEST_TMP/text.idx:65" "$TEST_TMP/empty.idx:65"; do
		TERM=xterm script -qec "'$ATTACHE' '${f%:*}'" /dev/null </dev/null >"$TEST_TMP/tty" 2>&1
		rc=$?
		if [ "$rc" -eq "${f##*:}" ] && one_line "$TEST_TMP/tty" && grep -qF "${f%:*}" "$TEST_TMP/tty" &&
		   ! grep -q "$(printf '\033')" "$TEST_TMP/tty"; then
			ok "the browser on a terminal: $(basename "${f%:*}") gets one line, no escape sequence, exit ${f##*:}"
		else
			not_ok "the browser on a terminal: $(basename "${f%:*}") (exit $rc)"; diag "$(od -c "$TEST_TMP/tty" | head -n 5)"
		fi
	done
else
	skip "script(1) is not installed: the browser on a terminal"
fi

# Without INDEX, no $ATTACHE_INDEX and no configured index: the demo index
# (the README's first command opens the browser on it).
expect_exit 0 "--check without INDEX opens the demo index" env XDG_CONFIG_HOME="$TEST_TMP/noconf" "$ATTACHE" --check
check "... and names it" grep -q '/demo\.idx: ok: format 1, [1-9][0-9]* articles' "$TEST_TMP/out"
done_testing
