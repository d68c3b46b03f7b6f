#!/bin/sh
# batch.sh INDEX: attache's batch modes beside their floors. Each row runs
# one whole process, timed the same way: `attache --list/--matrix FILTER
# INDEX` against the `sqlite3` shell running the SQL that model/ builds
# for it (parameters inlined), output to a file in both cases. Ratio =
# floor time / attache time (1.00: attache adds nothing to SQLite's work).
# Peak MB is the largest resident set of each process (GNU time).
# Until attache has --trace (bench/browse.sh) these are the only measured
# attache query times.
. "$(dirname "$0")/lib.sh"

idx=$1
[ -n "$idx" ] && [ -s "$idx" ] || BENCH_EXIT=64 die "usage: batch.sh INDEX"
[ -x "$SQLITE3" ] || die "no sqlite3 shell"
need_built "$ATTACHE"
q() { "$SQLITE3" -readonly "$idx" "$1"; }
n=$(q "SELECT count(*) FROM article")
word=$("$SQLITE3" "file:$idx?mode=ro" "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'article_fts', 'row');
	SELECT term FROM temp.v WHERE length(term) >= 5 AND term GLOB '[a-z]*'
	ORDER BY abs(doc - $n * 0.1), term LIMIT 1")
code=$(q "SELECT country FROM entity WHERE kind = 'country' ORDER BY articles DESC LIMIT 1")
cids=$(q "SELECT group_concat(id) FROM entity WHERE kind = 'country' AND country = '$code'")
ac=$(q "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'article_countries'")
am=$(q "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_matrix'")
# The filters as model/filter.c plans them: the ids come from the term's
# own index (the driver), read in id order, and the articles joined to them.
d_word="SELECT rowid AS id FROM article_fts WHERE article_fts MATCH '\"$word\"'"
d_country="SELECT article_id AS id FROM article_entity WHERE entity_id IN ($cids)"
cols="article.id, article.date, article.source, article.countries, article.title"
list() { echo "SELECT $cols FROM ($1) AS d CROSS JOIN article ON article.id = d.id ORDER BY d.id DESC;"; }
matrix() {
	if [ -z "$1" ]; then
		echo "SELECT country, name, articles FROM entity WHERE kind = 'country' AND country IS NOT NULL ORDER BY articles DESC, country;"
		echo "SELECT a, b, articles, sentences, tone * sentences FROM pair;"
	else
		echo "SELECT id, country FROM entity WHERE kind = 'country';"
		if [ -n "$am" ]; then # model/matrix.c with the optional table article_matrix
			echo "WITH f(id) AS MATERIALIZED ($1) SELECT 3, m.countries, m.pairs, 0, 0 FROM f JOIN article_matrix AS m ON m.id = f.id;"
		elif [ -n "$ac" ]; then # with the optional index article_countries
			echo "WITH f(id) AS MATERIALIZED ($1) SELECT 2, a.countries, NULL, 0, 0 FROM f JOIN article AS a INDEXED BY article_countries ON a.id = f.id UNION ALL SELECT 1, r.a, r.b, r.sentences, r.tone FROM f JOIN relation AS r ON r.article_id = f.id;"
		else
			echo "WITH f(id) AS MATERIALIZED ($1) SELECT 0, ae.entity_id, NULL, 0, 0 FROM f JOIN article_entity AS ae ON ae.article_id = f.id UNION ALL SELECT 1, r.a, r.b, r.sentences, r.tone FROM f JOIN relation AS r ON r.article_id = f.id;"
		fi
	fi
}

# row NAME FLOOR-SQL ATTACHE-ARGS...: one line of the table.
row() {
	_name=$1 _sql=$2
	shift 2
	printf '%s\n' "$_sql" >"$BENCH_TMP/batch.sql"
	measure "$SQLITE3" -readonly -cmd ".output $BENCH_TMP/batch-floor.out" "$idx" ".read $BENCH_TMP/batch.sql"
	[ "$RC" -eq 0 ] || die "$_name: floor failed: $(head -c 300 "$BENCH_TMP/last.err")"
	_fw=$WALL _fc=$CPU _fm=$RSS_MB
	measure sh -c '"$@" >"$0"' "$BENCH_TMP/batch-attache.out" "$ATTACHE" "$@" "$idx"
	[ "$RC" -eq 0 ] || die "$_name: attache failed ($RC): $(head -c 300 "$BENCH_TMP/last.err")"
	printf '%-30s %8s %8s %8s %8s %8s %9s %8s %6s %6s\n' "$_name" \
		"$(wc -l <"$BENCH_TMP/batch-attache.out" | tr -d ' ')" "$_fw" "$_fc" "$_fm" "$WALL" "$CPU" \
		"$RSS_MB" "$(ratio "$_fw" "$WALL")" "$(ratio "$_fc" "$CPU")"
}

echo "== batch modes vs floor, $n articles: $idx (10% word '$word', country $code)"
echo "   $(stamp)"
printf '%-30s %8s %8s %8s %8s %8s %9s %8s %6s %6s\n' "" "lines" "floor s" "cpu s" "peak MB" "attache" "cpu s" \
	"peak MB" "ratio" "cpu r."
row "--matrix (whole corpus)" "$(matrix)" --matrix
row "--matrix $word (10%)" "$(matrix "SELECT rowid FROM article_fts WHERE article_fts MATCH '\"$word\"'")" --matrix "$word"
row "--list $word (10%)" "$(list "$d_word")" --list "$word"
row "--list country:$code" "$(list "$d_country")" --list "country:$code"
rm -f "$BENCH_TMP/batch-floor.out" "$BENCH_TMP/batch-attache.out"
