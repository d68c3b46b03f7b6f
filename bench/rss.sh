#!/bin/sh
# rss.sh INDEX: peak resident memory of the browser, whatever the size of
# the index (target: 40 MB). The browser runs without a terminal
# (attache --script, a virtual 160x40 screen showing the list, the article
# and the matrix at once) under GNU time, once for the first screen only
# and once through a session: scrolling and jumping to the end of the list,
# a live country filter, an article, a filter matching about 10% of the
# articles (the matrix recomputed under it), the evidence of a cell, and
# the filter cleared. Wall and CPU seconds are of the whole process.
. "$(dirname "$0")/lib.sh"

idx=$1
[ -n "$idx" ] && [ -s "$idx" ] || BENCH_EXIT=64 die "usage: rss.sh INDEX"
[ -x "$SQLITE3" ] || die "no sqlite3 shell"
need_built "$ATTACHE"
[ -x "$GNU_TIME" ] || { echo "rss: no $GNU_TIME; skipped"; exit 0; }
q() { "$SQLITE3" -readonly "$idx" "$1"; }
n=$(q "SELECT count(*) FROM article")
word=$("$SQLITE3" "file:$idx?mode=ro" "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'article_fts', 'row');
	SELECT term FROM temp.v WHERE length(term) >= 5 AND term GLOB '[a-z]*'
	ORDER BY abs(doc - $n * 0.1), term LIMIT 1")
country=$(q "SELECT al.key FROM entity e JOIN alias al ON al.entity_id = e.id
	WHERE e.kind = 'country' ORDER BY e.articles DESC, length(al.key) LIMIT 1")

first="$BENCH_TMP/rss-first.keys"
session="$BENCH_TMP/rss-session.keys"
printf '%s\n' ':resize 160x40' ':wait' >"$first"
cat >"$session" <<KEYS
:resize 160x40
:wait
j
j
PgDn
PgDn
G
g
:wait
f
:type country:$country
Enter
:wait
Enter
j
PgDn
1
f
C-u
:type $word
Enter
:wait
3
l
j
e
:wait
q
1
F
:wait
KEYS

echo "== browser peak memory, $n articles: $idx (10% word '$word', country '$country')"
echo "   $(stamp)"
printf '%-44s %9s %8s %8s\n' "" "peak MB" "wall s" "cpu s"
for s in first session; do
	measure "$ATTACHE" --script "$BENCH_TMP/rss-$s.keys" "$idx"
	[ "$RC" -eq 0 ] || die "attache --script ($s) failed ($RC): $(head -c 300 "$BENCH_TMP/last.err")"
	case $s in
	first) name="first screen (160x40)" ;;
	*) name="session (filters, article, matrix, evidence)" ;;
	esac
	printf '%-44s %9s %8s %8s\n' "$name" "$RSS_MB" "$WALL" "$CPU"
done
