#!/bin/sh
# attache-index on the seed corpus (real scraped articles): titles, dates,
# sources, boilerplate out of the bodies but kept in the originals, a
# valid index, and the same index from the same input.
. "${top_srcdir:-.}/tests/lib.sh"

have_corpus || skip_all "no seed corpus at $ATTACHE_CORPUS"
[ -n "$SQLITE3" ] && [ -x "$SQLITE3" ] || skip_all "sqlite3 shell not installed"

IDX="$TEST_TMP/seeds.idx"
build() {
	"$ATTACHE_INDEX_BIN" -q --data-dir "$top_srcdir/data" -o "$1" "$ATTACHE_CORPUS/seeds"
}
q() { "$SQLITE3" "$IDX" "$1"; }
# field SEED COLUMN: the column of the article read from seed file SEED_*.
field() { q "SELECT $2 FROM article WHERE path LIKE '%/$1\\_%' ESCAPE '\\'"; }

expect_exit 0 "index the seeds" build "$IDX"
check "no output on a pipe with -q" test ! -s "$TEST_TMP/err"
check "five articles" test "$(q 'SELECT count(*) FROM article')" = 5

check "001: the title, repeated in the file, once" \
	test "$(field 001 title)" = "Russia e Bielorussia, l’alleanza si rafforza. Putin e Lukashenko: “Istituita difesa comune”"
check "001: the body does not repeat the title" \
	test "$(field 001 "instr(body, 'Russia e Bielorussia, l’alleanza')")" = 0
check "002: the title" test "$(field 002 title)" = "I capi militari russi e americani hanno ricominciato a parlarsi"
check "000: no title line, one made from the first sentence" \
	test "$(field 000 "title LIKE 'Il generale Khalifa Haftar,%…'")" = 1
check "003: the title made from the text after the date marker" \
	test "$(field 003 "title LIKE 'Il presidente russo Vladimir Putin ha espresso%'")" = 1
check "004: the title made from the text after the dateline" \
	test "$(field 004 "title LIKE 'Mosca vuole la creazione%'")" = 1
check "no title is longer than 120 characters" test "$(q 'SELECT max(length(title)) <= 120 FROM article')" = 1

check "003: date from the marker" test "$(field 003 date)" = 2020-10
check "004: date from the marker and the dateline's day" test "$(field 004 date)" = 2023-11-22
check "001: date from the text" test "$(field 001 date)" = 2022-12-20
check "003: the marker is not in the body" test "$(field 003 "body LIKE '%date 2020%'")" = 0
check "004: source from the dateline" test "$(field 004 source)" = askanews
check "002: source from the credit line" test "$(field 002 source)" = AGI
check "001: the author is not the source" test "$(field 001 "coalesce(source, '')")" = ""
check "001: the by-line is not in the body" test "$(field 001 "instr(body, 'Maresca')")" = 0
check "all in Italian" test "$(q "SELECT group_concat(DISTINCT lang) FROM article")" = it

for junk in 'Contenuto Pubblicitario' 'Banner Istituzionale' 'Lascia un commento' \
	'indirizzo email non sarà pubblicato' 'campi obbligatori' 'CAPTCHA' 'Akismet' \
	'Autore foto' 'CHINE NOUVELLE' 'Redazione Radici'; do
	check "no '$junk' in any body" test "$(q "SELECT count(*) FROM article WHERE instr(body, '$junk')")" = 0
	check "'$junk' kept in an original" test "$(q "SELECT count(*) FROM article WHERE instr(original, '$junk')")" -ge 1
done
check "the article text is kept" test "$(field 002 "instr(body, 'Il Pentagono ha confermato la telefonata')")" -gt 0
check "paragraphs separated by one blank line" test "$(q "SELECT count(*) FROM article WHERE instr(body, char(10,10,10))")" = 0
check "no trailing spaces" test "$(q "SELECT count(*) FROM article WHERE instr(body, ' ' || char(10))")" = 0
check "000: one line a paragraph" test "$(field 000 "length(body) - length(replace(body, char(10,10), ''))")" = 6

expect_exit 0 "attache --check accepts the index" "$ATTACHE" --check "$IDX"
check "--check says ok" grep -q ': ok' "$TEST_TMP/out"
# Newest first: the dated articles by date, then the undated ones (seeds
# 004 and 005 had none), which the index numbers last.
"$ATTACHE" --list "$IDX" | cut -f2 >"$TEST_TMP/dates"
check "--list: some articles are undated" grep -q '^$' "$TEST_TMP/dates"
check "--list: newest first, the undated articles last" awk '
	$0 == "" { undated = 1; next }
	undated || (NR > 1 && $0 > prev) { bad = 1 }
	{ prev = $0 }
	END { exit bad }' "$TEST_TMP/dates"

check "entities were recognised" test "$(q "SELECT count(*) FROM entity WHERE kind = 'country'")" -gt 5
check "articles listed in date order, undated last" \
	test "$(q "SELECT group_concat(coalesce(date, '-'), ' ') FROM (SELECT date FROM article ORDER BY id)")" = "2020-10 2022-12-20 2023-11-22 - -"

expect_exit 0 "index the seeds again" build "$TEST_TMP/again.idx"
"$SQLITE3" "$IDX" .dump >"$TEST_TMP/a.dump"
"$SQLITE3" "$TEST_TMP/again.idx" .dump >"$TEST_TMP/b.dump"
check "the same input gives the same index" cmp -s "$TEST_TMP/a.dump" "$TEST_TMP/b.dump"
expect_exit 0 "index with one thread" "$ATTACHE_INDEX_BIN" -q -j 1 --data-dir "$top_srcdir/data" -o "$TEST_TMP/one.idx" "$ATTACHE_CORPUS/seeds"
"$SQLITE3" "$TEST_TMP/one.idx" .dump >"$TEST_TMP/c.dump"
check "the number of threads does not change the index" cmp -s "$TEST_TMP/a.dump" "$TEST_TMP/c.dump"
check "no temporary or lock files left" test -z "$(ls "$TEST_TMP" | grep -e '\.tmp-' -e '\.lock')"
done_testing
