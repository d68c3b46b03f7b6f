#!/bin/sh
# ner_evaltool.sh: eval-index, the tool that scores an index against gold
# annotations, on tiny indexes made here with sqlite3: it must count what
# it finds, miss what it misses, and fail on false positives below the
# minimum, on a split referent and on a wrong or missing tone.
. "${top_srcdir:-.}/tests/lib.sh"

[ -n "$SQLITE3" ] && command -v "$SQLITE3" >/dev/null 2>&1 || skip_all "no sqlite3 program"
EVAL="$top_builddir/tests/eval-index"
gold="$TEST_TMP/gold.tsv"
tone="$TEST_TMP/tone.tsv"
printf '# article\tkind\tcanonical\tcode\tstatus\tsurfaces\n' >"$gold"
printf 'a.txt\tcountry\tRussia\tRU\treq\tRussia|russo\n' >>"$gold"
printf 'a.txt\tcountry\tBelarus\tBY\treq\tMinsk\n' >>"$gold"
printf 'a.txt\tperson\tVladimir Putin\tRU\treq\tPutin\n' >>"$gold"
printf 'a.txt\torg\tTASS\tRU\topt\tTass\n' >>"$gold"
printf 'b.txt\tperson\tVladimir Putin\tRU\treq\tVladimir Putin\n' >>"$gold"
printf 'a.txt\tBY\tRU\t+\n' >"$tone"

# make_index NAME SQL: an index with two articles and the given rows.
make_index() {
	rm -f "$TEST_TMP/$1"
	"$SQLITE3" "$TEST_TMP/$1" "
CREATE TABLE article(id INTEGER PRIMARY KEY, path TEXT, title TEXT, body TEXT);
CREATE TABLE entity(id INTEGER PRIMARY KEY, kind TEXT, name TEXT, country TEXT);
CREATE TABLE mention(article_id, entity_id, field TEXT, pos, len);
CREATE TABLE relation(article_id, a, b, sentences, tone);
INSERT INTO article VALUES (1, 'in/a.txt', 'Putin a Minsk', 'La Russia e Minsk firmano. Tass.');
INSERT INTO article VALUES (2, 'in/b.txt', '', 'Vladimir Putin parla.');
$2"
}

good="
INSERT INTO entity VALUES (1, 'country', 'Russia', 'RU'), (2, 'country', 'Belarus', 'BY'),
  (3, 'person', 'Vladimir Putin', 'RU'), (4, 'org', 'TASS', 'RU');
INSERT INTO mention VALUES (1, 1, 'body', 3, 6), (1, 2, 'body', 15, 5), (1, 3, 'title', 0, 5),
  (1, 4, 'body', 27, 4), (2, 3, 'body', 0, 14);
INSERT INTO relation VALUES (1, 'BY', 'RU', 1, 0.5);"
make_index good.idx "$good"
"$EVAL" -m country=1 -m person=1 "$TEST_TMP/good.idx" "$gold" "$tone" >"$TEST_TMP/out" 2>&1
check "a perfect index passes (exit $?)" test $? -eq 0
check "it finds both countries" grep -q '^country .*F1 1.000 .*(2 of 2 found, 0 false' "$TEST_TMP/out"
check "it finds the person in both articles" grep -q '^person .*(2 of 2 found, 0 false' "$TEST_TMP/out"
check "an opt entity found is no false positive" grep -q '^org .*0 false positives' "$TEST_TMP/out"
check "the tone pair has the gold sign" grep -q '^tone: 1/1' "$TEST_TMP/out"

make_index fp.idx "$good
INSERT INTO entity VALUES (5, 'country', 'Ukraine', 'UA');
INSERT INTO mention VALUES (1, 5, 'body', 10, 1);"
"$EVAL" -m country=0.9 "$TEST_TMP/fp.idx" "$gold" "$tone" >"$TEST_TMP/out" 2>&1
check "a false positive below the minimum fails (exit $?)" test $? -eq 1
check "and is counted" grep -q '^country  precision 0.667 recall 1.000 .*1 false positive)  BELOW' "$TEST_TMP/out"

make_index split.idx "$(printf '%s' "$good" | sed 's/(2, 3, .body., 0, 14)/(2, 6, '"'body'"', 0, 14)/')
INSERT INTO entity VALUES (6, 'person', 'V. Putin', 'RU');"
"$EVAL" "$TEST_TMP/split.idx" "$gold" >"$TEST_TMP/out" 2>&1
check "a referent split into two entities fails (exit $?)" test $? -eq 1
check "and is named" grep -q '^split: person Vladimir Putin' "$TEST_TMP/out"

make_index split1.idx "$good
INSERT INTO entity VALUES (7, 'person', 'Putin', 'RU');
INSERT INTO mention VALUES (1, 7, 'title', 0, 5);"
"$EVAL" "$TEST_TMP/split1.idx" "$gold" >"$TEST_TMP/out" 2>&1
check "a referent split into two entities in one article fails (exit $?)" test $? -eq 1
check "and is named" grep -q '^split: person Vladimir Putin is entities 3 and 7 in a.txt' "$TEST_TMP/out"

# Surfaces compare case-insensitively, but accents count.
sed 's/^b.txt\tperson\tVladimir Putin\tRU\treq\tVladimir Putin$/b.txt\tperson\tVladimir Putin\tRU\treq\tVLADIMIR PUTIN/' "$gold" >"$TEST_TMP/gold-case.tsv"
"$EVAL" -m person=1 "$TEST_TMP/good.idx" "$TEST_TMP/gold-case.tsv" >"$TEST_TMP/out" 2>&1
check "a surface in another case is found (exit $?)" test $? -eq 0
sed 's/^b.txt\tperson\tVladimir Putin\tRU\treq\tVladimir Putin$/b.txt\tperson\tVladimir Putin\tRU\treq\tVladimír Putin/' "$gold" >"$TEST_TMP/gold-accent.tsv"
"$EVAL" "$TEST_TMP/good.idx" "$TEST_TMP/gold-accent.tsv" >"$TEST_TMP/out" 2>&1
check "a surface with another accent is not" grep -q '^person .*(1 of 2 found' "$TEST_TMP/out"

make_index tone.idx "$(printf '%s' "$good" | sed 's/0\.5);/-0.5);/')"
"$EVAL" "$TEST_TMP/tone.idx" "$gold" "$tone" >"$TEST_TMP/out" 2>&1
check "a tone of the wrong sign fails (exit $?)" test $? -eq 1
check "and is named" grep -q '^tone wrong: a.txt BY-RU' "$TEST_TMP/out"

make_index miss.idx "$(printf '%s' "$good" | sed '/INSERT INTO relation/d; s/(1, 2, .body., 15, 5), //')"
"$EVAL" -m country=0.9 "$TEST_TMP/miss.idx" "$gold" "$tone" >"$TEST_TMP/out" 2>&1
check "a missed country and a missing relation fail (exit $?)" test $? -eq 1
check "the miss lowers recall" grep -q '^country .*recall 0.500' "$TEST_TMP/out"
check "the missing relation is named" grep -q '^tone missing: a.txt BY-RU' "$TEST_TMP/out"

expect_exit 64 "no arguments is a usage error" "$EVAL"
expect_exit 66 "a missing gold file" "$EVAL" "$TEST_TMP/good.idx" "$TEST_TMP/nonexistent.tsv"
done_testing
