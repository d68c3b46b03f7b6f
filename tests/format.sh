#!/bin/sh
# attache-index(5) is a contract: the example in its EXAMPLES section,
# run as a third-party program would, gives an index attache accepts.
. "${top_srcdir:-.}/tests/lib.sh"
[ -n "$SQLITE3" ] && [ -x "$SQLITE3" ] || SQLITE3=$(command -v sqlite3) || skip_all "sqlite3 shell not installed"

idx="$TEST_TMP/third-party.idx"
"$top_builddir/tests/print_schema" >"$TEST_TMP/schema.sql"
check "the schema creates cleanly" "$SQLITE3" "$idx" ".read $TEST_TMP/schema.sql"

# The SQL between "Then, in one transaction:" and the end of its display.
sed -n '/^Then, in one transaction:/,/^\.Ed/p' "$top_srcdir/man/attache-index.5" |
	sed '1,2d;$d' >"$TEST_TMP/example.sql"
check "the man page has the example" test -s "$TEST_TMP/example.sql"
check "the example runs" "$SQLITE3" "$idx" ".read $TEST_TMP/example.sql"

expect_exit 0 "attache --check accepts the hand-written index" "$ATTACHE" --check "$idx"
check "the summary counts 1 article and 2 entities" \
	grep -q "format 1, 1 articles, 2 entities, 2 mentions, 1 relations, 1 country pairs" "$TEST_TMP/out"

# Each byte offset of the example points at the name it claims.
got=$("$SQLITE3" "$idx" "SELECT group_concat(substr(CAST(body AS BLOB), pos + 1, len), ',')
	FROM mention JOIN article ON article.id = article_id")
check "the example's offsets point at Russia and Bielorussia" test "$got" = "Russia,Bielorussia"
done_testing
