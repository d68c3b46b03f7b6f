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

# The page names every table of the schema with all its columns (optional
# extras included), and every index, as a writer needs them.
man="$top_srcdir/man/attache-index.5"
all="$TEST_TMP/all.idx"
"$top_builddir/tests/print_schema" --extras >"$TEST_TMP/extras.sql"
check "the schema and the extras create cleanly" \
	"$SQLITE3" "$all" ".read $TEST_TMP/schema.sql" ".read $TEST_TMP/extras.sql"
"$SQLITE3" -separator ' ' "$all" "SELECT m.name, group_concat(c.name, ' ') FROM sqlite_schema AS m,
	pragma_table_info(m.name) AS c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%'
	AND m.name NOT LIKE 'article_fts_%' GROUP BY m.name ORDER BY m.name" >"$TEST_TMP/tables"
check "the schema has tables" test "$(wc -l <"$TEST_TMP/tables")" -ge 10
while read -r table cols; do
	if [ "$table" = article_fts ]; then
		line=$(sed -n '/^\.It Sy article_fts$/,/^\.El/p' "$man" | tr '\n' ' ')
	else
		line=$(grep -E "^\.It Sy $table Ns Pq Va " "$man" | head -n 1)
	fi
	missing=
	for c in $cols; do
		case "$line " in
		*"Va $c "*|*" , $c "*|*"Va $c , "*) ;;
		*) missing="$missing $c" ;;
		esac
	done
	if [ -n "$line" ] && [ -z "$missing" ]; then ok "attache-index(5) names table $table with its columns"
	else not_ok "attache-index(5) names table $table with its columns (missing:${missing:- the table})"; fi
done <"$TEST_TMP/tables"
"$SQLITE3" "$all" "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL" >"$TEST_TMP/indexes"
while read -r index; do
	if grep -q "^\.\(Li\|It Li\) $index ON " "$man"; then ok "attache-index(5) names index $index"
	else not_ok "attache-index(5) names index $index"; fi
done <"$TEST_TMP/indexes"
done_testing
