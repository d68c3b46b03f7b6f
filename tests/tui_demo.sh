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
done_testing
