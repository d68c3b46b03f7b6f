#!/bin/sh
# The bundled demo index: what issue 4 asks of the demo corpus (at least 40
# articles, mostly Italian and some English, at least 20 countries, each
# article with a title, a date and a source), the index that make builds
# from it, and attache opening it when no index is named.
. "${top_srcdir:-.}/tests/lib.sh"

jsonl="$top_srcdir/data/demo/demo.jsonl"
demo="$top_builddir/data/demo/demo.idx"
[ -r "$jsonl" ] || skip_all "no demo corpus at $jsonl"
[ -r "$demo" ] || skip_all "the demo index was not built ($demo)"

n=$(grep -c . "$jsonl")
if command -v python3 >/dev/null 2>&1; then
	expect_exit 0 "data/demo/check.py: the corpus is well formed" python3 "$top_srcdir/data/demo/check.py" "$jsonl"
else
	skip "python3 is not installed: data/demo/check.py"
fi

expect_exit 0 "the built demo index is a valid index" "$ATTACHE" --check "$demo"
check "the demo index holds the $n articles of the corpus" grep -q ": ok: format 1, $n articles," "$TEST_TMP/out"
check "at least 40 articles ($n)" test "$n" -ge 40

"$ATTACHE" --list "$demo" >"$TEST_TMP/list.tsv"
check "--list lists them all" test "$(wc -l <"$TEST_TMP/list.tsv")" -eq "$n"
check "every article has a date, a source and a title" \
	test "$(awk -F'\t' '$2 != "" && $3 != "" && $5 != ""' "$TEST_TMP/list.tsv" | wc -l)" -eq "$n"
it=$("$ATTACHE" --list lang:it "$demo" | wc -l)
en=$("$ATTACHE" --list lang:en "$demo" | wc -l)
check "mostly Italian ($it), some English ($en), nothing else" \
	sh -c "[ $it -gt $en ] && [ $en -gt 0 ] && [ $((it + en)) -eq $n ]"
countries=$("$ATTACHE" --matrix "$demo" | head -n 1 | tr ',' '\n' | grep -c '^[A-Z][A-Z]$')
check "at least 20 countries in the matrix ($countries)" test "$countries" -ge 20
check "dated within the last decade or so (2015 on)" \
	test "$(cut -f2 "$TEST_TMP/list.tsv" | sort | head -n 1 | cut -c1-4)" -ge 2015

# Without INDEX, $ATTACHE_INDEX or general.index: the demo index.
expect_exit 0 "attache --check without an index opens the demo index" "$ATTACHE" --check
check "which is demo.idx" grep -q "demo.idx: ok: format 1, [0-9]* articles" "$TEST_TMP/out"
m=$(sed -n 's/.*: ok: format 1, \([0-9]*\) articles.*/\1/p' "$TEST_TMP/out")
printf ':dump %s\n' "$TEST_TMP/noarg.txt" >"$TEST_TMP/noarg.keys"
expect_exit 0 "the browser without an index" "$ATTACHE" --script "$TEST_TMP/noarg.keys"
check "shows the demo index's articles" sh -c "tail -n 1 '$TEST_TMP/noarg.txt' | grep -q '^\[Articles\] 1/$m '"
# $ATTACHE_INDEX comes first.
printf 'Vertice a Minsk\n\nLa Russia e la Bielorussia firmano un accordo.\n' >"$TEST_TMP/one.txt"
if "$ATTACHE_INDEX_BIN" -q -o "$TEST_TMP/one.idx" "$TEST_TMP/one.txt" >/dev/null 2>&1; then
	ATTACHE_INDEX="$TEST_TMP/one.idx" expect_exit 0 "the browser with \$ATTACHE_INDEX" "$ATTACHE" --script "$TEST_TMP/noarg.keys"
	check "shows that index" sh -c "tail -n 1 '$TEST_TMP/noarg.txt' | grep -q '^\[Articles\] 1/1 '"
else
	skip "attache-index cannot build a one-article index"
fi

# The workflows of attache(1)'s EXAMPLES, on the demo index at 80x24.
# Which countries appear with Turkey: 3, /Turkey, its row.
D=$TEST_TMP
head=$("$ATTACHE" --matrix "$demo" | head -n 1)
# col CODE: the column of CODE in the matrix (0: the first country).
col() { echo "$head" | tr ',' '\n' | grep -n -x "$1" | cut -d: -f1 | awk '{ print $1 - 2 }'; }
am=$(col AM); az=$(col AZ)
{
	printf '3\n/\n:type Turkey\nEnter\n:dump %s\n' "$D/turkey.txt"
	printf '/\n:type Armenia\nEnter\n'
	i=0; while [ $i -lt "$az" ]; do echo h; i=$((i + 1)); done
	i=0; while [ $i -lt "$az" ]; do echo l; i=$((i + 1)); done
	printf ':dump %s\ne\n:dump %s\nEnter\n:dump %s\n' "$D/cell.txt" "$D/evidence.txt" "$D/article.txt"
	printf 'q\n:dump %s\nq\n:dump %s\nG\n:dump %s\n' "$D/back1.txt" "$D/back2.txt" "$D/last.txt"
} >"$D/examples.keys"
expect_exit 0 "the EXAMPLES workflows run" "$ATTACHE" --script "$D/examples.keys" "$demo"
check "3 /Turkey: the row of Turkey, its cells named" sh -c "tail -n 1 '$D/turkey.txt' | grep -q '^\[Relations\] TR–[A-Z][A-Z] .*(Turkey, '"
check "the Armenia–Azerbaijan cell (column $az, scrolled into view)" sh -c "tail -n 1 '$D/cell.txt' | grep -q '^\[Relations\] AM–AZ  [0-9]* articles\? · [0-9]* sentences\? '"
check "the matrix scrolled: Azerbaijan's column is on the screen" sh -c "sed -n 2p '$D/cell.txt' | grep -q ' AZ *\$'"
check "e: its evidence" grep -q '^Evidence  AM–AZ  sentence 1/' "$D/evidence.txt"
check "Enter: the article" sh -c "tail -n 1 '$D/article.txt' | grep -q '^\[Article\] '"
check "q: back to the evidence" grep -q '^Evidence  AM–AZ  sentence 1/' "$D/back1.txt"
check "q again: back to the matrix, on the same cell" sh -c "tail -n 1 '$D/back2.txt' | grep -q '^\[Relations\] AM–AZ '"
last=$(tail -n 1 "$D/last.txt" | sed -n 's/^\[Relations\] \([A-Z][A-Z]\)–.*/\1/p')
check "G: the last country ($last), its row scrolled into view" \
	sh -c "[ '$last' = '$(echo "$head" | tr ',' '\n' | tail -n 1)' ] && grep -qE '^$last( |\$)' '$D/last.txt'"
# / in the article ignores case and accents, as the filter does.
printf 'f\n:type dolmabahce\nEnter\nEnter\n/\n:type DOLMABAHCE\nEnter\n:dump %s\n' "$D/accents.txt" >"$D/accents.keys"
expect_exit 0 "a search without the accent" "$ATTACHE" --script "$D/accents.keys" "$demo"
check "/DOLMABAHCE finds Dolmabahçe in the article" sh -c "tail -n 1 '$D/accents.txt' | grep -q '^\[Article\] .*match 1 of 1\$'"
# Every article of 2022 with Russia and Belarus in one sentence, as TSV.
expect_exit 0 "--list 'date:2022 pair:RU-BY'" "$ATTACHE" --list 'date:2022 pair:RU-BY' "$demo"
check "some articles, all of 2022, all with RU and BY" sh -c "[ -s '$TEST_TMP/out' ] &&
	! cut -f2 '$TEST_TMP/out' | grep -qv '^2022' && ! cut -f4 '$TEST_TMP/out' | grep -qv 'RU' && ! cut -f4 '$TEST_TMP/out' | grep -qv 'BY'"
done_testing
