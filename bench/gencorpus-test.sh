#!/bin/sh
# gencorpus-test.sh: the benchmark corpus generator does what BENCHMARKS.md
# promises: same seed, same bytes; valid JSON Lines of realistic size;
# truth offsets that point at the names; sysexits on bad usage.
. "${top_srcdir:-.}/tests/lib.sh"
GEN="$top_builddir/bench/gencorpus"
[ -n "$SQLITE3" ] && [ -x "$SQLITE3" ] || SQLITE3=$(command -v sqlite3) || skip_all "sqlite3 shell not installed"
t=$TEST_TMP

"$GEN" -q -n 60 --seed 7 -o "$t/a.jsonl" --truth "$t/truth"
"$GEN" -q -n 60 --seed 7 -o "$t/b.jsonl"
"$GEN" -q -n 60 --seed 8 -o "$t/c.jsonl"
check "the same seed and N give identical bytes" cmp -s "$t/a.jsonl" "$t/b.jsonl"
check "another seed gives another corpus" test -n "$(cmp "$t/a.jsonl" "$t/c.jsonl" 2>&1)"
check "one line per article" test "$(wc -l <"$t/a.jsonl")" -eq 60

cat >"$t/load.sql" <<SQL
.mode ascii
.separator "\037" "\n"
CREATE TABLE l(line TEXT);
.import $t/a.jsonl l
.separator "\t" "\n"
CREATE TABLE m(article INTEGER, entity INTEGER, field TEXT, pos INTEGER, len INTEGER);
.import $t/truth/mention.tsv m
CREATE TABLE al(key TEXT, entity INTEGER, name TEXT);
.import $t/truth/alias.tsv al
.mode list
SQL
q() { "$SQLITE3" "$t/db" "$1"; }
"$SQLITE3" "$t/db" ".read $t/load.sql"
check "every line is valid JSON" test "$(q "SELECT count(*) FROM l WHERE json_valid(line)")" -eq 60
check "every article has id, title, date, source, lang, text" test "$(q "SELECT count(*) FROM l
	WHERE line->>'id' LIKE 'gen-%' AND length(line->>'title') > 0 AND line->>'date' GLOB '20[12][0-9]-[01][0-9]-[0-3][0-9]'
	AND length(line->>'source') > 0 AND line->>'lang' IN ('it', 'en') AND length(line->>'text') > 0")" -eq 60
check "texts are 1.4 to 4.5 KB" test "$(q "SELECT count(*) FROM l
	WHERE length(CAST(line->>'text' AS BLOB)) BETWEEN 1400 AND 4500")" -eq 60
check "dates run from 2015 to 2025, oldest first" test "$(q "SELECT min(line->>'date') >= '2015' AND max(line->>'date') < '2026'
	AND (SELECT count(*) FROM l x JOIN l y ON y.rowid = x.rowid + 1 WHERE y.line->>'date' < x.line->>'date') = 0 FROM l")" = 1
check "both languages in the default mix" test "$(q "SELECT count(DISTINCT line->>'lang') FROM l")" -eq 2
check "a dozen sources at most, several used" test "$(q "SELECT count(DISTINCT line->>'source') BETWEEN 4 AND 12 FROM l")" = 1
check "articles mention entities" test "$(q "SELECT count(DISTINCT article) FROM m")" -eq 60
check "each truth offset points at a name of its entity" test "$(q "SELECT count(*) FROM m JOIN l ON l.rowid = m.article
	WHERE NOT EXISTS (SELECT 1 FROM al WHERE al.entity = m.entity AND al.name =
	CAST(substr(CAST(CASE m.field WHEN 'title' THEN l.line->>'title' ELSE l.line->>'text' END AS BLOB), m.pos + 1, m.len) AS TEXT))")" -eq 0
check "the truth has co-mentions of two countries" test -s "$t/truth/relation.tsv"

"$GEN" -q -n 20 --lang en -o "$t/en.jsonl"
check "--lang en writes only English" test "$(grep -c '"lang":"en"' "$t/en.jsonl")" -eq 20
"$GEN" -q -n 3 --txt "$t/txt" -o /dev/null
check "--txt writes one file per article" test "$(find "$t/txt" -name '*.txt' | wc -l)" -eq 3
check "a .txt file starts with the title" test "$(head -1 "$t/txt/0000/gen-0000001.txt" | wc -c)" -gt 5

expect_exit 64 "-n 0 is a usage error" "$GEN" -n 0
expect_exit 64 "--lang fr is a usage error" "$GEN" --lang fr
expect_exit 64 "a stray argument is a usage error" "$GEN" stray
expect_exit 73 "an unwritable output is reported" "$GEN" -q -n 1 -o "$t/no/such/dir/x.jsonl"
check "the message names the file" grep -q "no/such/dir/x.jsonl" "$TEST_TMP/err"
done_testing
