#!/bin/sh
# The batch modes (--list, --show, --matrix, --entities) on an index built
# in the test from three small articles, then made hostile with sqlite3;
# and on the seed corpus when it is there.
. "${top_srcdir:-.}/tests/lib.sh"

C="$TEST_TMP/corpus"
IDX="$TEST_TMP/t.idx"
mkdir "$C"
printf 'Mosca e Minsk firmano un accordo\n\nLa Russia e la Bielorussia firmano un accordo di cooperazione militare a Minsk.\n' >"$C/a.txt"
printf "Kiev sotto attacco\n\nLa Russia attacca l'Ucraina. Mosca accusa Kiev di aggressione.\n" >"$C/b.txt"
printf 'Vertice ad Ankara\n\nLa Turchia e la Russia discutono di gas.\n' >"$C/c.txt"
if ! "$ATTACHE_INDEX_BIN" -q -o "$IDX" "$C" >"$TEST_TMP/build.log" 2>&1; then
	diag "$(cat "$TEST_TMP/build.log")"
	skip_all "attache-index cannot build the test index"
fi

# fields FILE: the number of tab-separated fields of every line, unique.
fields() { awk -F'\t' '{ print NF }' "$1" | sort -u | tr '\n' ' '; }
# ids FILE: the first column, on one line.
ids() { cut -f1 "$1" | tr '\n' ' '; }
# cell FILE ROW COL: a cell of the CSV matrix by country codes.
cell() {
	awk -F, -v r="$2" -v c="$3" 'NR == 1 { for (i = 2; i <= NF; i++) col[$i] = i; next }
		$1 == r { print $(col[c]) }' "$1"
}

# --list
expect_exit 0 "--list INDEX" "$ATTACHE" --list "$IDX"
check "--list: three articles, newest first" test "$(ids "$TEST_TMP/out")" = "3 2 1 "
check "--list: five tab-separated fields" test "$(fields "$TEST_TMP/out")" = "5 "
check "--list: the title is the last field" grep -q '	Kiev sotto attacco$' "$TEST_TMP/out"
expect_exit 0 "--list FILTER INDEX" "$ATTACHE" --list country:Bielorussia "$IDX"
check "country:Bielorussia leaves article 1" test "$(ids "$TEST_TMP/out")" = "1 "
expect_exit 0 "--list with an English name" "$ATTACHE" --list country:Belarus "$IDX"
check "country:Belarus leaves article 1" test "$(ids "$TEST_TMP/out")" = "1 "
expect_exit 0 "--list with OR and negation" "$ATTACHE" --list '(country:UA OR country:TR) -ankara' "$IDX"
check "(country:UA OR country:TR) -ankara leaves article 2" test "$(ids "$TEST_TMP/out")" = "2 "
expect_exit 0 "--list with words, accents ignored" "$ATTACHE" --list 'COOPERAZIONE' "$IDX"
check "a word finds article 1" test "$(ids "$TEST_TMP/out")" = "1 "
ATTACHE_INDEX="$IDX" expect_exit 0 "--list FILTER with \$ATTACHE_INDEX" "$ATTACHE" --list pair:RU-UA
check "pair:RU-UA leaves article 2" test "$(ids "$TEST_TMP/out")" = "2 "
expect_exit 0 "--list -- -FILTER INDEX" "$ATTACHE" --list -- -country:BY "$IDX"
check "-country:BY leaves articles 3 and 2" test "$(ids "$TEST_TMP/out")" = "3 2 "
expect_exit 0 "--list with a name that names nothing" "$ATTACHE" --list country:Atlantide "$IDX"
check "nothing is listed" test ! -s "$TEST_TMP/out"
check "a note says so on stderr" grep -q "no country named 'Atlantide'" "$TEST_TMP/err"

# Errors: one line with the position, exit 65; usage errors 64.
expect_exit 65 "--list with an unknown field" "$ATTACHE" --list 'russia cuntry:RU' "$IDX"
check "the message names the field and position" grep -q "unknown field 'cuntry' at 8" "$TEST_TMP/err"
check "the message is one line" one_line "$TEST_TMP/err"
expect_exit 65 "--matrix with an unbalanced parenthesis" "$ATTACHE" --matrix '(russia' "$IDX"
check "the message names the position" grep -q "unbalanced parenthesis at 1" "$TEST_TMP/err"
expect_exit 65 "--entities with an unterminated quote" "$ATTACHE" --entities 'a "b' "$IDX"
check "the message names the position" grep -q "unterminated quote at 3" "$TEST_TMP/err"
expect_exit 64 "--list with three arguments" "$ATTACHE" --list a b "$IDX"
expect_exit 64 "--show with a bad id" "$ATTACHE" --show abc "$IDX"
expect_exit 64 "two batch modes at once" "$ATTACHE" --list --matrix "$IDX"
expect_exit 66 "--list on a missing index" "$ATTACHE" --list "$TEST_TMP/none.idx"
expect_exit 65 "--show of an id not in the index" "$ATTACHE" --show 99 "$IDX"
check "the message names the article" grep -q "no article 99" "$TEST_TMP/err"

# --matrix
expect_exit 0 "--matrix INDEX" "$ATTACHE" --matrix "$IDX"
check "--matrix: a header of codes, most mentioned first" grep -q '^country,RU,' "$TEST_TMP/out"
check "--matrix: a row per country" test "$(wc -l <"$TEST_TMP/out")" -eq 5
check "--matrix: RU-BY counted" test "$(cell "$TEST_TMP/out" RU BY)" -gt 0
check "--matrix: symmetric" test "$(cell "$TEST_TMP/out" RU UA)" = "$(cell "$TEST_TMP/out" UA RU)"
check "--matrix: BY-UA never together" test "$(cell "$TEST_TMP/out" BY UA)" = 0
expect_exit 0 "--matrix FILTER INDEX" "$ATTACHE" --matrix country:TR "$IDX"
check "--matrix under a filter: only that article's countries" \
	test "$(head -1 "$TEST_TMP/out")" = "country,RU,TR" -o "$(head -1 "$TEST_TMP/out")" = "country,TR,RU"

# --entities
expect_exit 0 "--entities INDEX" "$ATTACHE" --entities "$IDX"
check "--entities: five fields" test "$(fields "$TEST_TMP/out")" = "5 "
check "--entities: Russia first, in 3 articles" grep -q '^[^	]*	country	RU	3	' "$TEST_TMP/out"
expect_exit 0 "--entities FILTER INDEX" "$ATTACHE" --entities country:UA "$IDX"
check "--entities under a filter counts its articles" grep -q '	country	RU	1	' "$TEST_TMP/out"
check "--entities under a filter leaves others out" sh -c "! grep -q '	TR	' '$TEST_TMP/out'"

# --show
expect_exit 0 "--show ID INDEX" "$ATTACHE" --show 1 "$IDX"
check "--show: the title line" grep -q '^Title: ' "$TEST_TMP/out"
check "--show: a country marked in the body" grep -q '\[Russia|country:RU\]' "$TEST_TMP/out"
check "--show: a demonym or other name marked" grep -q '\[Bielorussia|country:BY\]' "$TEST_TMP/out"
check "--show: no escape sequences off a terminal" sh -c "! grep -q \"$(printf '\033')\" '$TEST_TMP/out'"
if command -v script >/dev/null 2>&1; then
	TERM=xterm NO_COLOR= script -qec "\"$ATTACHE\" --show 1 \"$IDX\"" /dev/null >"$TEST_TMP/tty" 2>&1
	check "--show on a terminal colours mentions" grep -q "$(printf '\033')\[1;34mRussia" "$TEST_TMP/tty"
	check "--show on a terminal has no bracket markers" sh -c "! grep -q '|country:' '$TEST_TMP/tty'"
	TERM=xterm NO_COLOR=1 script -qec "\"$ATTACHE\" --show 1 \"$IDX\"" /dev/null >"$TEST_TMP/tty" 2>&1
	check "--show honours NO_COLOR" grep -q '\[Russia|country:RU\]' "$TEST_TMP/tty"
else
	skip "script(1) is not installed"
	skip "script(1) is not installed"
	skip "script(1) is not installed"
fi

# A hostile index: escape sequences, tabs, newlines and CSV metacharacters
# in the fields.
if [ -n "$SQLITE3" ]; then
	"$SQLITE3" "$IDX" "UPDATE article SET title = 'Evil' || char(27) || ']0;pwned' || char(7) || char(9) || 'tab' || char(10) || 'nl' || char(27) || '[2J', source = 'a' || char(9) || 'b' WHERE id = 1; UPDATE entity SET country = 'X,\"Y' WHERE country = 'TR';"
	expect_exit 0 "--list on hostile fields" "$ATTACHE" --list "$IDX"
	check "--list: still three lines" test "$(wc -l <"$TEST_TMP/out")" -eq 3
	check "--list: still five fields" test "$(fields "$TEST_TMP/out")" = "5 "
	check "--list: no ESC or BEL reaches the output" sh -c "! grep -q \"[$(printf '\033\007')]\" '$TEST_TMP/out'"
	expect_exit 0 "--show on hostile fields" "$ATTACHE" --show 1 "$IDX"
	check "--show: no ESC reaches the output" sh -c "! grep -q \"$(printf '\033')\" '$TEST_TMP/out'"
	expect_exit 0 "--matrix on a hostile code" "$ATTACHE" --matrix "$IDX"
	check "--matrix: the code is quoted as RFC 4180 says" grep -q '^"X,""Y",' "$TEST_TMP/out"
	check "--entities: the code in one field" sh -c "\"$ATTACHE\" --entities \"$IDX\" | grep -q '	X,\"Y	'"
else
	skip "sqlite3 is not installed"
fi

# The seed corpus: Belarus is in 001 and 004; Russia's row has BY, UA, TR.
if have_corpus; then
	S="$TEST_TMP/seeds.idx"
	if "$ATTACHE_INDEX_BIN" -q -o "$S" "$ATTACHE_CORPUS/seeds" >"$TEST_TMP/build.log" 2>&1; then
		expect_exit 0 "seeds: --list country:BY" "$ATTACHE" --list country:BY "$S"
		check "seeds: country:BY leaves two articles" test "$(wc -l <"$TEST_TMP/out")" -eq 2
		paths=""
		for id in $(cut -f1 "$TEST_TMP/out"); do
			paths="$paths $("$ATTACHE" --show "$id" "$S" | sed -n 's/^Path: .*\/\([0-9]*\)_.*/\1/p')"
		done
		check "seeds: they are 001 and 004" test "$(echo $paths | tr ' ' '\n' | sort | tr '\n' ' ')" = "001 004 "
		expect_exit 0 "seeds: --matrix" "$ATTACHE" --matrix "$S"
		check "seeds: RU-BY" test "$(cell "$TEST_TMP/out" RU BY)" -gt 0
		check "seeds: RU-UA" test "$(cell "$TEST_TMP/out" RU UA)" -gt 0
		check "seeds: RU-TR" test "$(cell "$TEST_TMP/out" RU TR)" -gt 0
		expect_exit 0 "seeds: --show" "$ATTACHE" --show 1 "$S"
		check "seeds: --show marks entities" grep -q '|country:[A-Z][A-Z]\]' "$TEST_TMP/out"
	else
		diag "$(cat "$TEST_TMP/build.log")"
		not_ok "seeds: attache-index builds the seed index"
	fi
else
	skip "no seed corpus at $ATTACHE_CORPUS"
fi

done_testing
