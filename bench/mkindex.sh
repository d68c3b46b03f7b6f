#!/bin/sh
# mkindex.sh N [INDEX]: builds an attache index of the N-article benchmark
# corpus without attache-index, from what gencorpus says it wrote (its
# --truth files: entities, mentions, sentences, co-mentions with tone),
# following attache-index(5) as a third-party pipeline would. The query
# floors run on it until attache-index can build a big index, and beside
# the real one afterwards (same articles, same shape of tables).
# Prints the seconds it took and the index size; the index goes to INDEX
# (default $BENCH_WORK/truth-N.idx).
. "$(dirname "$0")/lib.sh"

n=${1:-10000}
idx=${2:-$BENCH_WORK/truth-$n.idx}
[ -x "$SQLITE3" ] || die "no sqlite3 shell"
schema_bin="$top_builddir/tests/print_schema"
need_built "$schema_bin"
src=$(corpus "$n")
truth="$BENCH_WORK/truth-$n-s$BENCH_SEED"
[ -s "$truth/mention.tsv" ] || die "$truth: no truth files; remove $src and rerun"

"$schema_bin" >"$BENCH_TMP/schema.sql" || die "print_schema failed"
# The optional extras of attache-index(5), as attache-index builds them.
"$schema_bin" --extras >"$BENCH_TMP/extras.sql" || die "print_schema --extras failed"
cat >"$BENCH_TMP/mkindex.sql" <<SQL
.read $BENCH_TMP/schema.sql
PRAGMA application_id = 1096041288;
PRAGMA user_version = 1;
PRAGMA synchronous = OFF;
BEGIN;
INSERT INTO meta VALUES ('generator', 'attache bench/mkindex.sh (gencorpus truth)'), ('format', '1');
CREATE TEMP TABLE s_line(line TEXT);
CREATE TEMP TABLE s_entity(id INTEGER, kind TEXT, name TEXT, code TEXT);
CREATE TEMP TABLE s_alias(key TEXT, entity_id INTEGER, name TEXT);
CREATE TEMP TABLE s_mention(article_id INTEGER, entity_id INTEGER, field TEXT, pos INTEGER, len INTEGER);
CREATE TEMP TABLE s_sentence(article_id INTEGER, n INTEGER, field TEXT, pos INTEGER, len INTEGER, tone REAL);
CREATE TEMP TABLE s_rel(article_id INTEGER, n INTEGER, a TEXT, b TEXT, tone REAL);
.mode ascii
.separator "\037" "\n"
.import $src s_line
.separator "\t" "\n"
.import $truth/entity.tsv s_entity
.import $truth/alias.tsv s_alias
.import $truth/mention.tsv s_mention
.import $truth/sentence.tsv s_sentence
.import $truth/relation.tsv s_rel
-- gencorpus writes articles in date order: the line number is the id.
INSERT INTO article(id, path, title, date, source, lang, body, url)
  SELECT rowid, 'corpus.jsonl:' || rowid, line ->> '\$.title', line ->> '\$.date',
         line ->> '\$.source', line ->> '\$.lang', line ->> '\$.text', line ->> '\$.url'
  FROM s_line;
INSERT INTO mention SELECT * FROM s_mention;
INSERT INTO article_entity SELECT entity_id, article_id, count(*) FROM mention
  GROUP BY entity_id, article_id;
INSERT INTO entity SELECT e.id, e.kind, e.name, nullif(e.code, ''), ae.articles, ae.mentions
  FROM s_entity e JOIN (SELECT entity_id, count(*) AS articles, sum(mentions) AS mentions
                        FROM article_entity GROUP BY entity_id) ae ON ae.entity_id = e.id;
INSERT INTO alias SELECT key, entity_id, name FROM s_alias WHERE entity_id IN (SELECT id FROM entity);
INSERT INTO sentence SELECT * FROM s_sentence;
INSERT INTO relation SELECT article_id, a, b, count(*), avg(tone) FROM s_rel GROUP BY article_id, a, b;
INSERT INTO evidence SELECT a, b, article_id, n FROM s_rel;
INSERT INTO pair SELECT a, b, count(*), sum(sentences), sum(tone * sentences) / sum(sentences)
  FROM relation GROUP BY a, b;
CREATE TEMP TABLE s_ac AS SELECT m.article_id, e.country AS code, count(*) AS c
  FROM mention m JOIN entity e ON e.id = m.entity_id WHERE e.kind = 'country'
  GROUP BY m.article_id, e.country ORDER BY m.article_id, c DESC, code;
UPDATE article SET countries = x.codes FROM
  (SELECT article_id, group_concat(code, ' ') AS codes FROM s_ac GROUP BY article_id) x
  WHERE x.article_id = article.id;
INSERT INTO article_fts(article_fts) VALUES ('rebuild');
.read $BENCH_TMP/extras.sql
COMMIT;
SQL
rm -f "$idx"
measure "$SQLITE3" "$idx" ".read $BENCH_TMP/mkindex.sql"
[ "$RC" -eq 0 ] && [ ! -s "$BENCH_TMP/last.err" ] ||
	die "mkindex failed: $(head -c 2000 "$BENCH_TMP/last.err")"
"$SQLITE3" "$idx" "PRAGMA journal_mode = DELETE" >/dev/null
echo "mkindex: $n articles -> $idx ($(mb "$(wc -c <"$idx")") MB) in $WALL s"
