#!/bin/sh
# attache-index on hostile inputs beyond tests/ingest_inputs.sh: a 1 GB
# single line on a pipe (memory stays bounded, the line is named), a FIFO
# whose writer dies in the middle of a record, files truncated, replaced
# and deleted while builds read them, UTF-16 without a byte-order mark,
# \u0000 in JSON strings, a symlink loop named on the command line, file
# names with line breaks and escape sequences (one sanitised line each, on
# a pipe and on a terminal), standard input read from where the shell left
# it, and an unreadable file when the tests run as root.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/hostile_lib.sh"
[ -n "$SQLITE3" ] || skip_all "sqlite3 shell not installed"
command -v python3 >/dev/null 2>&1 || skip_all "python3 not installed (it feeds the pipes)"

DATA="$top_srcdir/data"
IDX="$TEST_TMP/t.idx"
q() { "$SQLITE3" "$IDX" "$1"; }
# warns TEXT: the warnings ($TEST_TMP/err) have one line holding TEXT.
warns() { grep -F -- "$1" "$TEST_TMP/err" | one_line /dev/stdin; }

# ------------------------------------------------------------ a 1 GB line
# feed KIND: attache-index reads standard input from python, which writes
# a good record, a single line of 1 GiB, and another good record (JSON
# Lines), or 1 GiB without a line break (text). Prints the exit status and
# the builder's peak memory in MiB.
feed() {
	python3 - "$1" "$ATTACHE_INDEX_BIN" "$DATA" "$IDX" "$TEST_TMP/err" <<'PY'
import resource, subprocess, sys
kind, prog, data, idx, err = sys.argv[1:]
with open(err, "wb") as e:
    p = subprocess.Popen([prog, "--data-dir", data, "-o", idx, "-"], stdin=subprocess.PIPE, stderr=e)
    chunk = b"x" * (1 << 20)
    try:
        if kind == "jsonl":
            p.stdin.write(b'{"title": "Prima", "text": "La Russia e la Cina firmano."}\n{"title": "huge", "text": "')
        for _ in range(1024):
            p.stdin.write(chunk)
        if kind == "jsonl":
            p.stdin.write(b'"}\n{"title": "Dopo", "text": "La Turchia e la Grecia."}\n')
        p.stdin.close()
    except BrokenPipeError:
        pass
    rc = p.wait()
print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
PY
}
set -- $(feed jsonl)
check "JSON Lines with a 1 GB line: exit 0 (got $1)" test "$1" = 0
check "the 1 GB line is named in one warning" warns "(stdin):2: record larger than 64 MiB"
check "the records around it are indexed" test "$(q 'SELECT group_concat(title) FROM (SELECT title FROM article ORDER BY title)')" = "Dopo,Prima"
# The cap is 64 MiB a record: a reader holding the whole line needs 1 GiB.
check "memory stays bounded: $2 MiB at most, under 640" test "$2" -lt 640
set -- $(feed text)
check "plain text of 1 GB without a line break: no article, exit 66 (got $1)" test "$1" = 66
check "it is named in one warning" warns "(stdin): larger than 64 MiB, skipped"
check "memory stays bounded: $2 MiB at most, under 640" test "$2" -lt 640

# ------------------------------------------------------------ a FIFO whose writer dies
mkfifo "$TEST_TMP/feed.jsonl"
"$ATTACHE_INDEX_BIN" --data-dir "$DATA" -o "$IDX" "$TEST_TMP/feed.jsonl" >"$TEST_TMP/out" 2>"$TEST_TMP/err" &
pid=$!
# The writer is killed after a good record and half of the next one.
{ sh -c 'printf "%s\n%s" "{\"title\": \"Intero\", \"text\": \"La Russia e la Cina.\"}" "{\"title\": \"Mezzo\", \"text\": \"La Tur"; kill -KILL $$' \
	>"$TEST_TMP/feed.jsonl"; } 2>/dev/null
wait $pid
rc=$?
check "a FIFO whose writer is killed mid-record: exit 0 (got $rc)" test $rc -eq 0
check "the cut record is named in one warning" warns "feed.jsonl:2: not valid JSON"
check "the whole record is indexed" test "$(q 'SELECT group_concat(title) FROM article')" = Intero
# A FIFO named on the command line that nobody writes to: no hang.
mkfifo "$TEST_TMP/nobody.txt"
expect_exit 66 "a FIFO without a writer: no article, no hang" timeout 60 "$ATTACHE_INDEX_BIN" --data-dir "$DATA" -o "$IDX" "$TEST_TMP/nobody.txt"
check "it is named in one warning" warns "nobody.txt: empty file, skipped"

# ------------------------------------------------------------ files changing under the reader
# A writer truncates, rewrites and deletes the files of a directory in a
# loop while builds read it. Where each change lands depends on timing;
# whatever it is, every build must finish with a whole index or no
# article, and say what it skipped in one line a file.
mkdir "$TEST_TMP/moving"
python3 - "$TEST_TMP/moving" "$TEST_TMP/stop" <<'PY' &
import os, sys, time
d, stop = sys.argv[1:]
body = ("La Russia e la Bielorussia firmano un accordo a Minsk. " * 20 + "\n\n") * 500
n = 0
while not os.path.exists(stop):
    for k in range(4):
        p = os.path.join(d, "a%d.txt" % k)
        with open(p, "w") as f:
            f.write("Titolo %d\n\n" % n + body)
        if n % 3 == 0:
            os.truncate(p, len(body) // (k + 2))
        elif n % 3 == 1:
            os.unlink(p)
    n += 1
    time.sleep(0.01)
PY
mover=$!
runs=0
bad=0
truncated=0
while [ $runs -lt 8 ]; do
	runs=$((runs + 1))
	timeout 120 "$ATTACHE_INDEX_BIN" --data-dir "$DATA" -o "$TEST_TMP/m.idx" "$TEST_TMP/moving" >/dev/null 2>"$TEST_TMP/err"
	rc=$?
	grep -q 'truncated while being read\|deleted' "$TEST_TMP/err" && truncated=$((truncated + 1))
	case $rc in
	0) "$ATTACHE" --check "$TEST_TMP/m.idx" >/dev/null 2>&1 || { bad=$((bad + 1)); diag "run $runs: the index does not open"; } ;;
	66) ;;
	*) bad=$((bad + 1)); diag "run $runs: exit $rc" "$(head -n 3 "$TEST_TMP/err")" ;;
	esac
	if grep -v '^attache-index: \|^  ' "$TEST_TMP/err" | grep -q .; then
		bad=$((bad + 1)); diag "run $runs: a message not on one line:" "$(head -n 5 "$TEST_TMP/err")"
	fi
done
: >"$TEST_TMP/stop"
wait $mover
diag "$truncated of $runs builds met a file truncated or deleted under them"
check "8 builds of files truncated and deleted while read: each finishes, exit 0 or 66, one line a warning" test $bad -eq 0

# ------------------------------------------------------------ encodings
mkdir "$TEST_TMP/enc"
printf 'Titolo LE\n\nTesto senza BOM: la Russia e la citt\303\240.\n' | iconv -f UTF-8 -t UTF-16LE >"$TEST_TMP/enc/le.txt"
printf 'Titolo BE\n\nTesto senza BOM: la Cina.\n' | iconv -f UTF-8 -t UTF-16BE >"$TEST_TMP/enc/be.txt"
printf 'Titolo BOM\n\nTesto con BOM: la Grecia.\n' | iconv -f UTF-8 -t UTF-16BE | { printf '\376\377'; cat; } >"$TEST_TMP/enc/bom-be.txt"
printf '{"title": "J16", "text": "Testo."}\n' | iconv -f UTF-8 -t UTF-16LE >"$TEST_TMP/enc/j16.jsonl"
printf '%s\n' '{"title": "Nul\u0000nel titolo", "text": "Prima del NUL.\u0000 Dopo il NUL: la Russia.", "source": "a\u0000b"}' \
	'{"title": "Barra", "text": "Non un NUL: \\u0000 resta scritto."}' >"$TEST_TMP/enc/nul.jsonl"
expect_exit 0 "UTF-16 and \\u0000" "$ATTACHE_INDEX_BIN" --data-dir "$DATA" -o "$IDX" "$TEST_TMP/enc"
body() { q "SELECT body FROM article WHERE title = '$1'"; }
check "UTF-16LE without a BOM decoded" test "$(body 'Titolo LE')" = "Testo senza BOM: la Russia e la città."
check "UTF-16BE without a BOM decoded" test "$(body 'Titolo BE')" = "Testo senza BOM: la Cina."
check "UTF-16BE with a BOM decoded" test "$(body 'Titolo BOM')" = "Testo con BOM: la Grecia."
check "each without a BOM named in one warning" sh -c \
	"grep -q 'le.txt: read as UTF-16LE without a byte-order mark' '$TEST_TMP/err' && grep -q 'be.txt: read as UTF-16BE without' '$TEST_TMP/err'"
check "UTF-16 JSON Lines refused in one line" warns "j16.jsonl: UTF-16 JSON Lines are not supported"
check "\\u0000 does not cut the text: U+FFFD in its place" test "$(body 'Nul�nel titolo')" = "Prima del NUL.� Dopo il NUL: la Russia."
check "\\u0000 in the source too" test "$(q "SELECT source FROM article WHERE title LIKE 'Nul%'")" = "a�b"
check "\\u0000 named in one warning" warns 'nul.jsonl:1: \u0000 (a NUL character) in the record, read as U+FFFD'
check "an escaped backslash before u0000 is text" test "$(body Barra)" = 'Non un NUL: \u0000 resta scritto.'
check "no warning for it" sh -c "! grep -q 'nul.jsonl:2' '$TEST_TMP/err'"

# ------------------------------------------------------------ names and links
mkdir "$TEST_TMP/names"
printf 'Buono\n\nLa Russia e la Cina.\n' >"$TEST_TMP/names/good.txt"
: >"$TEST_TMP/names/vuoto
a capo.txt"
printf '\177ELF\002\001\001\000\000\000' >"$(printf '%s/esc\033]0;pwned\007\033[2J\233.txt' "$TEST_TMP/names")"
ln -s loop-b "$TEST_TMP/loop-a"
ln -s loop-a "$TEST_TMP/loop-b"
expect_exit 0 "file names with a line break and escapes" "$ATTACHE_INDEX_BIN" --data-dir "$DATA" -o "$IDX" "$TEST_TMP/names"
check_safe "the warnings are terminal-safe" "$TEST_TMP/err"
check "the name with a line break: one warning line, the break shown" warns "vuoto"
esc_named() { grep '/esc' "$TEST_TMP/err" | grep 'binary file, skipped' | one_line /dev/stdin; }
check "the name with escapes: one warning line naming it" esc_named
check "nothing but warnings and the summary" test -z "$(grep -v '^attache-index: \|^  ' "$TEST_TMP/err")"
expect_exit 66 "a symlink loop named on the command line" "$ATTACHE_INDEX_BIN" --data-dir "$DATA" -o "$IDX" "$TEST_TMP/loop-a"
loop_named() { one_line "$TEST_TMP/err" && grep -q 'loop-a: .*\(loop\|levels of symbolic links\)' "$TEST_TMP/err"; }
check "it is named in one line" loop_named
if command -v script >/dev/null 2>&1; then
	# On a terminal the progress line is drawn too: still nothing a
	# terminal would act on but the progress line's own \r and erase.
	script -qec "'$ATTACHE_INDEX_BIN' --data-dir '$DATA' -o '$IDX' '$TEST_TMP/names'" /dev/null >"$TEST_TMP/tty" 2>&1
	LC_ALL=C sed 's/\x1b\[K//g; s/\r//g' "$TEST_TMP/tty" >"$TEST_TMP/tty.plain"
	check_safe "on a terminal: warnings and progress are terminal-safe" "$TEST_TMP/tty.plain"
else
	skip "script(1) is not installed"
fi

# ------------------------------------------------------------ standard input
printf 'una riga letta dalla shell\nTitolo da stdin\n\nLa Russia e la Cina.\n' >"$TEST_TMP/stdin.txt"
{ read -r _line; "$ATTACHE_INDEX_BIN" --data-dir "$DATA" -o "$IDX" - >/dev/null 2>"$TEST_TMP/err"; echo $? >"$TEST_TMP/rc"; } <"$TEST_TMP/stdin.txt"
check "a file on stdin is read from where the shell left it, not called truncated" \
	test "$(cat "$TEST_TMP/rc")" = 0 -a "$(q 'SELECT title FROM article')" = "Titolo da stdin"

# ------------------------------------------------------------ unreadable, as root too
printf 'Segreto\n\nTesto.\n' >"$TEST_TMP/names/secret.txt"
chmod 000 "$TEST_TMP/names/secret.txt"
if [ "$(id -u)" != 0 ]; then
	expect_exit 0 "an unreadable file" "$ATTACHE_INDEX_BIN" --data-dir "$DATA" -o "$IDX" "$TEST_TMP/names"
	check "it is named in one warning" warns "secret.txt: Permission denied, skipped"
elif as_nobody true; then
	mkdir "$TEST_TMP/out-dir" && chmod 777 "$TEST_TMP/out-dir" && chmod 755 "$TEST_TMP" "$TEST_TMP/names"
	expect_exit 0 "an unreadable file (built as nobody)" as_nobody "$ATTACHE_INDEX_BIN" --data-dir "$DATA" \
		-o "$TEST_TMP/out-dir/x.idx" "$TEST_TMP/names"
	check "it is named in one warning" warns "secret.txt: Permission denied, skipped"
else
	skip "an unreadable file: root, and cannot switch to nobody"
fi
done_testing
