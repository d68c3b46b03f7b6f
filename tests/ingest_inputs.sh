#!/bin/sh
# attache-index on bad inputs of every kind: each is a one-line warning
# naming the file (sanitised), and the good articles are indexed anyway.
# Also standard input, JSON Lines, usage errors and the quiet pipe.
. "${top_srcdir:-.}/tests/lib.sh"

[ -n "$SQLITE3" ] && [ -x "$SQLITE3" ] || skip_all "sqlite3 shell not installed"

DATA="$top_srcdir/data"
IN="$TEST_TMP/in"
IDX="$TEST_TMP/in.idx"
build() { "$ATTACHE_INDEX_BIN" --data-dir "$DATA" "$@"; }
q() { "$SQLITE3" "$IDX" "$1"; }
# titled NAME: the title of the article read from a file named NAME.
titled() { q "SELECT title FROM article WHERE path LIKE '%/$1'"; }

mkdir "$IN" "$IN/sub"
printf 'Un buon articolo\n\nLa Russia e la Bielorussia hanno firmato un accordo.\n' >"$IN/good.txt"
printf 'Con BOM\n\nIl testo con BOM.\n' | sed '1s/^/\xef\xbb\xbf/' >"$IN/bom.txt"
printf 'Con CRLF\r\n\r\nIl testo con CRLF.\r\n' >"$IN/crlf.txt"
printf 'Codifica 1252\n\nLa citt\340 \223vecchia\224.\n' >"$IN/cp1252.txt"
printf 'Misto\n\nUna parte valida \303\250 e una no \377 qui.\n' >"$IN/invalid.txt"
# UTF-16LE with a BOM: "Titolo 16\n\nTesto UTF-16 è.\n"
printf 'Titolo 16\n\nTesto UTF-16 \303\250.\n' | iconv -f UTF-8 -t UTF-16LE | { printf '\377\376'; cat; } >"$IN/utf16.txt"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000' >"$IN/binary.txt"
head -c 4096 /dev/urandom >>"$IN/binary.txt"
: >"$IN/empty.txt"
printf '\n\n   \n' >"$IN/blank.txt"
mkfifo "$IN/fifo.txt"
ln -s loop1 "$IN/loop2"; ln -s loop2 "$IN/loop1"
ln -s .. "$IN/sub/up"
printf 'Nome con a capo\n\nIl testo.\n' >"$IN/new
line.txt"
printf 'Nome con escape\n\nIl testo.\n' >"$(printf '%s/esc\033]0;pwned\007.txt' "$IN")"
printf '{"title": "Da JSON", "text": "Il testo in JSON Lines."}\nnot json\n' >"$IN/sub/feed.jsonl"
printf '{"title": "Da .json", "text": "Un oggetto per riga."}\n' >"$IN/sub/feed.json"
printf 'vecchio' >"$IN/old.idx"
printf 'Non leggibile\n\nTesto.\n' >"$IN/unreadable.txt"
chmod 000 "$IN/unreadable.txt"

# timeout guards against a hang on the FIFO.
expect_exit 0 "index a directory of bad inputs" timeout 60 "$ATTACHE_INDEX_BIN" --data-dir "$DATA" -o "$IDX" "$IN"
cp "$TEST_TMP/err" "$TEST_TMP/warnings"
warned() { grep -F -- "$1" "$TEST_TMP/warnings" | grep -q -- "$2"; }

check "binary file: warned" warned "binary.txt" "binary"
check "empty file: warned" warned "empty.txt" "empty"
check "blank file: warned" warned "blank.txt" "empty"
check "FIFO: warned, no hang" warned "fifo.txt" "FIFO"
check "symlink loop: warned" warned "loop1" "loop"
check "directory loop: warned" warned "sub/up" "loop"
check "cp1252: warned" warned "cp1252.txt" "Windows-1252"
check "invalid UTF-8: warned" warned "invalid.txt" "Windows-1252"
check "bad JSON line: warned with FILE:LINE" warned "feed.jsonl:2" "not valid JSON"
check "every warning is one line starting with the program name" \
	test "$(grep -vc '^attache-index: ' "$TEST_TMP/warnings")" -le 4
check "no escape character reaches the terminal" test "$(tr -cd '\033\007' <"$TEST_TMP/warnings" | wc -c)" -eq 0
check "the summary counts the skipped files" grep -q "files skipped (.*binary" "$TEST_TMP/warnings"
check "no progress line on a pipe" test "$(tr -cd '\r' <"$TEST_TMP/warnings" | wc -c)" -eq 0

check "good file indexed" test "$(titled good.txt)" = "Un buon articolo"
check "BOM stripped" test "$(titled bom.txt)" = "Con BOM"
check "CRLF read" test "$(q "SELECT body FROM article WHERE path LIKE '%/crlf.txt'")" = "Il testo con CRLF."
check "cp1252 decoded" test "$(q "SELECT body FROM article WHERE path LIKE '%/cp1252.txt'")" = "La città “vecchia”."
check "invalid UTF-8 read as cp1252" test "$(q "SELECT count(*) FROM article WHERE path LIKE '%/invalid.txt' AND body LIKE '%ÿ%'")" = 1
check "UTF-16 decoded" test "$(q "SELECT body FROM article WHERE path LIKE '%/utf16.txt'")" = "Testo UTF-16 è."
check "file name with a newline indexed" test "$(q "SELECT count(*) FROM article WHERE title = 'Nome con a capo'")" = 1
check "file name with an escape indexed" test "$(q "SELECT count(*) FROM article WHERE title = 'Nome con escape'")" = 1
check "JSON Lines in a subdirectory indexed" test "$(q "SELECT count(*) FROM article WHERE title = 'Da JSON'")" = 1
check ".json with one object a line indexed" test "$(q "SELECT count(*) FROM article WHERE title = 'Da .json'")" = 1
check "no binary, empty, FIFO or index file indexed" \
	test "$(q "SELECT count(*) FROM article WHERE path LIKE '%binary%' OR path LIKE '%empty%' OR path LIKE '%fifo%' OR path LIKE '%.idx'")" = 0
if [ "$(id -u)" = 0 ]; then
	skip "unreadable file: running as root, which reads it anyway"
else
	check "unreadable file: warned" warned "unreadable.txt" "Permission denied"
fi
chmod 644 "$IN/unreadable.txt"
expect_exit 0 "attache --check accepts the index" "$ATTACHE" --check "$IDX"

# ---------------------------------------------------------------- stdin
printf '{"title": "Primo", "text": "La Russia e la Cina.", "date": "2022-12-20T10:00:00Z", "lang": "en", "url": "https://example.org/1", "source": "ANSA"}\n{"title": 5\n{"title": "Senza testo"}\n{"text": "Secondo articolo senza titolo. Altro."}\n' >"$TEST_TMP/feed.jsonl"
expect_exit 0 "JSON Lines on standard input" sh -c "'$ATTACHE_INDEX_BIN' --data-dir '$DATA' -o '$IDX' - <'$TEST_TMP/feed.jsonl'"
check "two records indexed" test "$(q 'SELECT count(*) FROM article')" = 2
check "the date is normalised" test "$(q "SELECT date FROM article WHERE title = 'Primo'")" = 2022-12-20
check "lang, url and source kept" test "$(q "SELECT lang || ' ' || url || ' ' || source FROM article WHERE title = 'Primo'")" = "en https://example.org/1 ANSA"
check "a title made from the text" test "$(q "SELECT count(*) FROM article WHERE title = 'Secondo articolo senza titolo'")" = 1
check "bad line named (stdin):2" grep -q '(stdin):2: not valid JSON' "$TEST_TMP/err"
check "record without text named (stdin):3" grep -q '(stdin):3: no "text"' "$TEST_TMP/err"
printf 'Un titolo da stdin\n\nIl testo arriva da una pipe.\n' >"$TEST_TMP/plain.txt"
expect_exit 0 "plain text on standard input" sh -c "cat '$TEST_TMP/plain.txt' | '$ATTACHE_INDEX_BIN' -q --data-dir '$DATA' -o '$IDX' -"
check "read as one article" test "$(q 'SELECT title FROM article')" = "Un titolo da stdin"
check "-q: nothing on stderr" test ! -s "$TEST_TMP/err"

# The summary counts one of a kind in the singular.
printf 'Un titolo\n\nLa Russia.\n' >"$TEST_TMP/one.txt"
build -o "$IDX" "$TEST_TMP/one.txt" 2>"$TEST_TMP/err"
check "one article from one file, in the singular" grep -q "wrote .*: 1 article from 1 file (" "$TEST_TMP/err"
check "one country, one mention" grep -q "entities: 1 country, 0 persons, 0 organisations, 0 places; 1 mention$" "$TEST_TMP/err"

# ---------------------------------------------------------------- terminal
# On a terminal (script(1) gives one): the progress line, redrawn in place
# (its last state is drawn whatever the speed), then the summary; -q: none.
if command -v script >/dev/null 2>&1; then
	mkdir "$TEST_TMP/two"
	cp "$IN/good.txt" "$IN/bom.txt" "$TEST_TMP/two/"
	script -qec "'$ATTACHE_INDEX_BIN' --data-dir '$DATA' -o '$IDX' '$TEST_TMP/two'" /dev/null >"$TEST_TMP/tty" 2>&1
	check "on a terminal: a progress line of files, articles, MB and MB/s, drawn in place" \
		grep -q "$(printf '\r')2 files, 2 articles, [0-9.]* MB, [0-9.]* MB/s, 100%" "$TEST_TMP/tty"
	check "then the summary" grep -q "wrote .*: 2 articles from 2 files" "$TEST_TMP/tty"
	script -qec "'$ATTACHE_INDEX_BIN' -q --data-dir '$DATA' -o '$IDX' '$TEST_TMP/two'" /dev/null >"$TEST_TMP/tty" 2>&1
	check "on a terminal with -q: nothing" test ! -s "$TEST_TMP/tty"
else
	skip "script(1) is not installed"
	skip "script(1) is not installed"
	skip "script(1) is not installed"
fi

# ---------------------------------------------------------------- usage
expect_exit 64 "no input" build -o "$IDX"
expect_exit 64 "no -o" build "$IN/good.txt"
expect_exit 64 "bad -j" build -j zero -o "$IDX" "$IN/good.txt"
expect_exit 66 "a missing input" build -o "$IDX" "$TEST_TMP/no-such-dir"
check "named in the message" grep -q "no-such-dir" "$TEST_TMP/err"
mkdir "$TEST_TMP/void"
: >"$TEST_TMP/void/empty.txt"
expect_exit 66 "no article in the input" build -o "$TEST_TMP/void.idx" "$TEST_TMP/void"
check "no index written then" test ! -e "$TEST_TMP/void.idx"
expect_exit 78 "a missing data directory" build --data-dir "$TEST_TMP/void" -o "$IDX" "$IN/good.txt"
mkdir "$TEST_TMP/gz"
printf 'this is not a gazetteer line\n' >"$TEST_TMP/gz/bad.tsv"
build -o "$IDX" --gazetteer "$TEST_TMP/gz/bad.tsv" "$IN/good.txt" >/dev/null 2>"$TEST_TMP/err"
status=$?
check "a bad --gazetteer file is an error (exit $status)" test $status -ne 0
check "naming the file" grep -q "bad.tsv" "$TEST_TMP/err"
done_testing
