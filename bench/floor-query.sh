#!/bin/sh
# floor-query.sh INDEX: the floors for the browser's queries. Each query
# runs BENCH_REPEAT times (default 5) in one sqlite3 shell with .timer on,
# warm cache, output discarded; prints the median wall and CPU time.
# The filters mirror what a person types in attache; the words, country
# and pair are chosen from the index itself so that they are rare (about
# 0.05% of articles), common (about 50%) and 10%, whatever the size.
# The SQL is our reading of the schema (model/schema.c); when
# model/query.c lands, keep these in step with the queries it builds.
. "$(dirname "$0")/lib.sh"

idx=$1
[ -n "$idx" ] && [ -s "$idx" ] || BENCH_EXIT=64 die "usage: floor-query.sh INDEX"
[ -x "$SQLITE3" ] || die "no sqlite3 shell"
: "${BENCH_REPEAT:=5}"

q() { "$SQLITE3" -readonly "$idx" "$1"; }
n=$(q "SELECT count(*) FROM article")
[ "$n" -gt 0 ] 2>/dev/null || die "$idx: no articles"

# A term whose document count is nearest to FRACTION of the articles.
term_near() {
	"$SQLITE3" "file:$idx?mode=ro" "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'article_fts', 'row');
		SELECT term FROM temp.v WHERE length(term) >= 5 AND term GLOB '[a-z]*'
		ORDER BY abs(doc - max(2, $n * $1)), term LIMIT 1"
}
rare=$(term_near 0.0005)
common=$(term_near 0.5)
tenpct=$(term_near 0.1)
# The most mentioned country (by a folded alias key) and the biggest pair.
ckey=$(q "SELECT al.key FROM entity e JOIN alias al ON al.entity_id = e.id
	WHERE e.kind = 'country' ORDER BY e.articles DESC, length(al.key) LIMIT 1")
pa=$(q "SELECT a FROM pair ORDER BY articles DESC LIMIT 1")
pb=$(q "SELECT b FROM pair ORDER BY articles DESC LIMIT 1")
# The middle of the corpus, for a page deep down the list.
mid=$(q "SELECT max(id) / 2 FROM article")
docs() { q "SELECT count(*) FROM article_fts WHERE article_fts MATCH '$1'"; }

f_rare="id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH '$rare')"
f_common="id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH '$common')"
f_country="id IN (SELECT article_id FROM article_entity WHERE entity_id IN
	(SELECT entity_id FROM alias WHERE key = '$ckey'
	 AND entity_id IN (SELECT id FROM entity WHERE kind = 'country')))"
f_pair="id IN (SELECT article_id FROM relation WHERE a = '$pa' AND b = '$pb')"
f_date="date >= '2020' AND date < '2021'"
f_combo="$f_common AND $f_country AND $f_date"
f_tenpct="article_id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH '$tenpct')"
cols="id, date, source, title, countries"

# run NAME SQL: times SQL and prints one row.
run() {
	_sql="$BENCH_WORK/fq.sql"
	{
		echo ".output /dev/null"
		echo ".timer on"
		_i=0
		while [ "$_i" -lt "$BENCH_REPEAT" ]; do echo "$2;"; _i=$((_i + 1)); done
	} >"$_sql"
	"$SQLITE3" -readonly "$idx" ".read $_sql" >"$BENCH_WORK/fq.out" 2>"$BENCH_WORK/fq.err" ||
		die "$1: $(head -c 500 "$BENCH_WORK/fq.err")"
	[ -s "$BENCH_WORK/fq.err" ] && die "$1: $(head -c 500 "$BENCH_WORK/fq.err")"
	_rows=$("$SQLITE3" -readonly "$idx" "SELECT count(*) FROM ($2)")
	awk -v name="$1" -v rows="$_rows" '
		/^Run Time:/ { w[++k] = $4 * 1000; c[k] = ($6 + $8) * 1000 }
		function median(a, n,   i, j, t) {
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
				if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
			return a[int((n + 1) / 2)]
		}
		END { printf "%-44s %8s %10.1f %10.2f\n", name, rows, median(w, k), median(c, k) }
	' "$BENCH_WORK/fq.out"
}

echo "== query floors (sqlite3 shell, .timer on, median of $BENCH_REPEAT, warm), $n articles: $idx"
echo "   rare word '$rare' ($(docs "$rare") articles), common word '$common' ($(docs "$common")),"
echo "   10% filter word '$tenpct' ($(docs "$tenpct")), country key '$ckey', pair $pa-$pb, date range 2020"
printf '%-44s %8s %10s %10s\n' "query" "rows" "wall ms" "cpu ms"
run "first screen (50 newest)" "SELECT $cols FROM article ORDER BY id DESC LIMIT 50"
run "page at the middle (keyset id < mid)" "SELECT $cols FROM article WHERE id < $mid ORDER BY id DESC LIMIT 50"
run "rare word: first 50" "SELECT $cols FROM article WHERE $f_rare ORDER BY id DESC LIMIT 50"
run "rare word: count" "SELECT count(*) FROM article WHERE $f_rare"
run "common word: first 50" "SELECT $cols FROM article WHERE $f_common ORDER BY id DESC LIMIT 50"
run "common word: count" "SELECT count(*) FROM article WHERE $f_common"
run "common word: page at the middle" "SELECT $cols FROM article WHERE $f_common AND id < $mid ORDER BY id DESC LIMIT 50"
run "country: first 50" "SELECT $cols FROM article WHERE $f_country ORDER BY id DESC LIMIT 50"
run "country: count" "SELECT count(*) FROM article WHERE $f_country"
run "pair: first 50" "SELECT $cols FROM article WHERE $f_pair ORDER BY id DESC LIMIT 50"
run "pair: count" "SELECT count(*) FROM article WHERE $f_pair"
run "date range (2020): first 50" "SELECT $cols FROM article WHERE $f_date ORDER BY id DESC LIMIT 50"
run "date range (2020): count" "SELECT count(*) FROM article WHERE $f_date"
run "word + country + date: first 50" "SELECT $cols FROM article WHERE $f_combo ORDER BY id DESC LIMIT 50"
run "word + country + date: count" "SELECT count(*) FROM article WHERE $f_combo"
run "open article (body + mentions)" "SELECT a.body, m.pos, m.len, m.entity_id FROM article a JOIN mention m ON m.article_id = a.id WHERE a.id = $mid"
run "matrix, whole corpus (pair)" "SELECT a, b, articles, sentences, tone FROM pair"
run "matrix under a 10% filter (relation)" "SELECT a, b, count(*), sum(sentences), sum(tone * sentences) / sum(sentences) FROM relation WHERE $f_tenpct GROUP BY a, b"
