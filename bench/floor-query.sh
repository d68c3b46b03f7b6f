#!/bin/sh
# floor-query.sh INDEX: the floors for the browser's queries. Each query
# runs BENCH_REPEAT times (default 5) in one sqlite3 shell with .timer on,
# warm cache, output discarded; prints the median wall and CPU time.
# The filters mirror what a person types in attache; the words, country
# and pair are chosen from the index itself so that they are rare (about
# 0.05% of articles), common (about 50%) and 10%, whatever the size.
# The SQL mirrors model/query.c, model/filter.c and model/matrix.c (keep it
# in step when they change); only the parameters are inlined.
. "$(dirname "$0")/lib.sh"

idx=$1
[ -n "$idx" ] && [ -s "$idx" ] || BENCH_EXIT=64 die "usage: floor-query.sh INDEX"
[ -x "$SQLITE3" ] || die "no sqlite3 shell"
: "${BENCH_REPEAT:=5}"

q() { "$SQLITE3" -readonly "$idx" "$1"; }
pick_words "$idx"
[ "$n" -gt 0 ] 2>/dev/null || die "$idx: no articles"
# The biggest pair.
pa=$(q "SELECT a FROM pair ORDER BY articles DESC LIMIT 1")
pb=$(q "SELECT b FROM pair ORDER BY articles DESC LIMIT 1")
# The middle of the corpus, for a page deep down the list.
mid=$(q "SELECT max(id) / 2 FROM article")
docs() { q "SELECT count(*) FROM article_fts WHERE article_fts MATCH '\"$1\"'"; }

# The filters as model/filter.c plans them (parameters inlined): the ids
# come from the cheapest required term (the driver: the words as one FTS5
# query, an entity's or a pair's index, an id range, with any id range
# pushed into it); the other terms are checked per article (EXISTS).
fts() { echo "SELECT rowid AS id FROM article_fts WHERE article_fts MATCH '$1'"; }
d_rare=$(fts "\"$rare\"")
d_common=$(fts "\"$common\"")
d_tenpct=$(fts "\"$tenpct\"")
cid=$(q "SELECT e.id FROM alias al JOIN entity e ON e.id = al.entity_id
	WHERE al.key = '$ckey' AND e.kind = 'country' ORDER BY e.articles DESC LIMIT 1")
d_country="SELECT article_id AS id FROM article_entity WHERE entity_id = $cid"
d_pair="SELECT article_id AS id FROM relation WHERE a = '$pa' AND b = '$pb'"
# A date range becomes an id range when ids are in date order (as
# attache-index writes them); the dates are compared otherwise.
d_lo=$(q "SELECT coalesce((SELECT min(id) FROM article WHERE date >= '2020'), 9223372036854775807)")
d_hi=$(q "SELECT coalesce((SELECT min(id) FROM article WHERE date >= '2021'), 9223372036854775807) - 1")
d_date="SELECT id FROM article WHERE id >= $d_lo AND id <= $d_hi"
f_dates="(article.date IS NOT NULL AND article.date >= '2020' AND article.date < '2021')"
# word + country + date: the words with the range pushed in drive; the
# country is an index probe per article.
d_combo="$(fts "\"$common\"") AND rowid >= $d_lo AND rowid <= $d_hi"
r_combo="EXISTS (SELECT 1 FROM article_entity WHERE entity_id IN ($cid) AND article_id = article.id)"
cols="article.id, article.date, article.source, article.countries, article.title"
# The queries as model/query.c and model/matrix.c build them: a page of the
# list newest first (first page, or keyset after an id), the count capped
# at 10000 as the list pane asks, the country heads and the pair cells of
# the matrix. Under a filter model/matrix.c reads the entity and relation
# rows in one UNION ALL and sums them in C: that query is the floor; the
# GROUP BY forms show what summing in SQLite would cost.
# page DRIVER [REST] [ID]: the first page (or the page after ID) as
# model/query.c reads a driver: CROSS JOIN keeps the ids in their order.
page() { echo "SELECT $cols, 0 FROM ($1) AS d CROSS JOIN article ON article.id = d.id WHERE (${2:-1}) AND d.id < ${3:-9223372036854775807} ORDER BY d.id DESC LIMIT 50"; }
# page0 FILTER: a page straight from the article table (no driver).
page0() { echo "SELECT $cols, 0 FROM article WHERE ($1) ORDER BY article.id DESC LIMIT 50"; }
count() { echo "SELECT count(*) FROM (SELECT 1 FROM ($1) AS article WHERE (${2:-1}) LIMIT 10001)"; }
count0() { echo "SELECT count(*) FROM (SELECT 1 FROM article WHERE ($1) LIMIT 10001)"; }
heads() { echo "WITH f(id) AS MATERIALIZED ($1) SELECT e.country, e.name, count(*) AS n FROM f JOIN article_entity AS ae ON ae.article_id = f.id JOIN entity AS e ON e.id = ae.entity_id WHERE e.kind = 'country' AND e.country IS NOT NULL GROUP BY e.id ORDER BY n DESC, e.country"; }
# The countries and pairs of each article: from the optional table
# article_matrix (one row per article), else the covering index
# article_countries plus the relation rows, else entity and relation rows,
# as model/matrix.c reads them (attache-index(5)).
have() { [ "$(q "SELECT count(*) FROM sqlite_schema WHERE name = '$1'")" = 1 ]; }
rel_rows="UNION ALL SELECT 1, r.a, r.b, r.sentences, r.tone FROM f JOIN relation AS r ON r.article_id = f.id"
if have article_matrix; then
	heads_rows="SELECT 3, m.countries, m.pairs, 0, 0 FROM f JOIN article_matrix AS m ON m.id = f.id"
	rel_rows=""
elif have article_countries; then
	heads_rows="SELECT 2, a.countries, NULL, 0, 0 FROM f JOIN article AS a INDEXED BY article_countries ON a.id = f.id"
else
	heads_rows="SELECT 0, ae.entity_id, NULL, 0, 0 FROM f JOIN article_entity AS ae ON ae.article_id = f.id"
fi
rows() { echo "WITH f(id) AS MATERIALIZED ($1) $heads_rows $rel_rows"; }
cells() { echo "WITH f(id) AS MATERIALIZED ($1) SELECT r.a, r.b, count(*), sum(r.sentences), sum(r.tone * r.sentences) FROM f JOIN relation AS r ON r.article_id = f.id GROUP BY r.a, r.b"; }

# run NAME SQL: times SQL and prints one row.
run() {
	_sql="$BENCH_TMP/fq.sql"
	{
		echo ".output /dev/null"
		echo ".timer on"
		_i=0
		while [ "$_i" -lt "$BENCH_REPEAT" ]; do echo "$2;"; _i=$((_i + 1)); done
	} >"$_sql"
	"$SQLITE3" -readonly "$idx" ".read $_sql" >"$BENCH_TMP/fq.out" 2>"$BENCH_TMP/fq.err" ||
		die "$1: $(head -c 500 "$BENCH_TMP/fq.err")"
	[ -s "$BENCH_TMP/fq.err" ] && die "$1: $(head -c 500 "$BENCH_TMP/fq.err")"
	_rows=$("$SQLITE3" -readonly "$idx" "SELECT count(*) FROM ($2)")
	awk -v name="$1" -v rows="$_rows" '
		/^Run Time:/ { w[++k] = $4 * 1000; c[k] = ($6 + $8) * 1000 }
		function median(a, n,   i, j, t) {
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
				if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
			return a[int((n + 1) / 2)]
		}
		END { printf "%-44s %8s %10.1f %10.2f\n", name, rows, median(w, k), median(c, k) }
	' "$BENCH_TMP/fq.out"
}

echo "== query floors (sqlite3 shell, .timer on, median of $BENCH_REPEAT, warm), $n articles: $idx"
echo "   $(stamp)"
echo "   rare word '$rare' ($(docs "$rare") articles), common word '$common' ($(docs "$common")),"
echo "   10% filter word '$tenpct' ($(docs "$tenpct")), country key '$ckey', pair $pa-$pb, date range 2020"
printf '%-44s %8s %10s %10s\n' "query" "rows" "wall ms" "cpu ms"
run "first screen (50 newest)" "$(page0 1)"
run "page at the middle (keyset id < mid)" "SELECT $cols, 0 FROM article WHERE article.id < $mid ORDER BY article.id DESC LIMIT 50"
run "rare word: first 50" "$(page "$d_rare")"
run "rare word: count" "$(count "$d_rare")"
run "common word: first 50" "$(page "$d_common")"
run "common word: count" "$(count "$d_common")"
run "common word: page at the middle" "$(page "$d_common" 1 "$mid")"
run "country: first 50" "$(page "$d_country")"
run "country: count" "$(count "$d_country")"
run "pair: first 50" "$(page "$d_pair")"
run "pair: count" "$(count "$d_pair")"
run "date range (2020) as ids: first 50" "$(page "$d_date")"
run "date range (2020) as ids: count" "$(count "$d_date")"
run "date range (2020) as dates: first 50" "$(page0 "$f_dates")"
run "date range (2020) as dates: count" "$(count0 "$f_dates")"
run "word + country + date: first 50" "$(page "$d_combo" "$r_combo")"
run "word + country + date: count" "$(count "$d_combo" "$r_combo")"
tkey="coalesce(CAST(article.title AS TEXT), '') COLLATE NOCASE"
run "by title, first 50 (article_title: $(have article_title && echo yes || echo no))" "SELECT $cols FROM article ORDER BY $tkey, article.id LIMIT 50"
run "open article (body + mentions)" "SELECT a.body, m.pos, m.len, m.entity_id FROM article a JOIN mention m ON m.article_id = a.id WHERE a.id = $mid"
run "matrix, whole corpus: heads" "SELECT country, name, articles FROM entity WHERE kind = 'country' AND country IS NOT NULL ORDER BY articles DESC, country"
run "matrix, whole corpus: cells (pair)" "SELECT a, b, articles, sentences, tone * sentences FROM pair"
run "matrix, 10% filter: heads (GROUP BY)" "$(heads "$d_tenpct")"
run "matrix, 10% filter: cells (GROUP BY)" "$(cells "$d_tenpct")"
run "matrix, 10% filter: rows (as model/matrix.c reads them)" "$(rows "$d_tenpct")"
