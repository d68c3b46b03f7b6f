#!/bin/sh
# query_bench.sh: builds a synthetic index of N articles with sqlite3 (the
# schema taken from a one-article index made by attache-index) and times
# the model queries on it with tests/query_bench. A benchmark, not a test.
# Usage: tests/query_bench.sh [N] [INDEX]   (run from the build directory)
set -e
N=${1:-1000000}
OUT=${2:-${TMPDIR:-/tmp}/attache-bench-$N.idx}
SQLITE3=${SQLITE3:-sqlite3}
[ -x ./tests/print_schema ] || { echo "query_bench.sh: make tests/print_schema first" >&2; exit 64; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/attache-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if [ ! -f "$OUT" ]; then
	printf 'Titolo\n\nLa Russia e la Bielorussia.\n' >"$tmp/a.txt"
	./ingest/attache-index -q -o "$tmp/seed.idx" "$tmp/a.txt"
	cp "$tmp/seed.idx" "$tmp/big.idx"
	# 200 countries (codes AA..HR), 10,000 persons; each article mentions
	# three countries (skewed: the first seven are in every seventh
	# article...) and one person; two relations, three sentences.
	"$SQLITE3" "$tmp/big.idx" <<SQL
PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
DROP TABLE IF EXISTS article_matrix; DROP INDEX IF EXISTS article_countries;
DROP INDEX IF EXISTS article_title;
DELETE FROM article; DELETE FROM entity; DELETE FROM alias; DELETE FROM mention;
DELETE FROM article_entity; DELETE FROM sentence; DELETE FROM relation;
DELETE FROM evidence; DELETE FROM pair;
INSERT INTO article_fts(article_fts) VALUES ('delete-all');
BEGIN;
WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 199)
INSERT INTO entity(id, kind, name, country)
SELECT i + 1, 'country', 'Country ' || i, char(65 + i / 26) || char(65 + i % 26) FROM c;
INSERT INTO alias SELECT lower(name), id, name FROM entity;
INSERT INTO alias SELECT lower(country), id, country FROM entity;
WITH RECURSIVE p(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM p WHERE i < 9999)
INSERT INTO entity(id, kind, name, country)
SELECT 1000 + i, 'person', 'Person ' || i, char(65 + (i % 200) / 26) || char(65 + (i % 200) % 26) FROM p;
INSERT INTO alias SELECT lower(name), id, name FROM entity WHERE kind = 'person';
WITH RECURSIVE a(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM a WHERE i < $N)
INSERT INTO article(id, path, title, date, source, lang, body, countries)
SELECT i, 'gen/' || i || '.txt',
  'Titolo ' || (i * 7919 % 100003) || ' notizia',
  printf('%04d-%02d-%02d', 2000 + (i - 1) * 24 / $N, 1 + ((i - 1) * 288 / $N) % 12, 1 + i % 28),
  CASE i % 3 WHEN 0 THEN 'askanews' WHEN 1 THEN 'ANSA' ELSE 'Reuters' END, 'it',
  'Lorem ipsum w' || (i % 5000) || ' k' || (i % 97) || ' dolor sit amet. ' ||
  'Accordo tra paesi e conflitto ai confini, parola' || (i % 20011) || '. ' ||
  'Consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.',
  ''
FROM a;
CREATE TEMP TABLE ac AS
SELECT id AS a, 1 + id % 7 AS c1, 8 + (id * 13) % 50 AS c2, 58 + (id * 31) % 142 AS c3 FROM article;
INSERT INTO article_entity SELECT c1, a, 2 FROM ac;
INSERT INTO article_entity SELECT c2, a, 1 FROM ac;
INSERT INTO article_entity SELECT c3, a, 1 FROM ac;
INSERT INTO article_entity SELECT 1000 + a % 10000, a, 1 FROM ac;
INSERT INTO sentence SELECT a, 0, 'body', 0, 16, 0 FROM ac;
INSERT INTO sentence SELECT a, 1, 'body', 17, 40, CASE WHEN a % 5 = 0 THEN -1.0 ELSE 0.5 END FROM ac;
INSERT INTO sentence SELECT a, 2, 'body', 58, 90, 0 FROM ac;
CREATE TEMP TABLE rel AS
SELECT a, (SELECT country FROM entity WHERE id = min(c1, c2)) AS x,
          (SELECT country FROM entity WHERE id = max(c1, c2)) AS y, 1 AS n FROM ac
UNION ALL
SELECT a, (SELECT country FROM entity WHERE id = min(c1, c3)),
          (SELECT country FROM entity WHERE id = max(c1, c3)), 2 FROM ac;
INSERT INTO relation SELECT a, x, y, 1, CASE WHEN a % 5 = 0 THEN -1.0 ELSE 0.5 END FROM rel;
INSERT INTO evidence SELECT x, y, a, n FROM rel;
INSERT INTO pair SELECT a, b, count(*), sum(sentences), sum(tone * sentences) / sum(sentences)
FROM relation GROUP BY a, b;
UPDATE entity SET articles = (SELECT count(*) FROM article_entity WHERE entity_id = entity.id),
  mentions = (SELECT coalesce(sum(mentions), 0) FROM article_entity WHERE entity_id = entity.id);
UPDATE article SET countries = (SELECT group_concat(e.country, ' ') FROM article_entity ae
  JOIN entity e ON e.id = ae.entity_id WHERE ae.article_id = article.id AND e.kind = 'country');
COMMIT;
INSERT INTO article_fts(article_fts) VALUES ('rebuild');
$(./tests/print_schema --extras)
ANALYZE;
VACUUM;
SQL
	mv "$tmp/big.idx" "$OUT"
fi
ls -l "$OUT"
./tests/query_bench "$OUT" "" "country:AB" "date:2010..2011" "w42" "accordo" \
	"pair:AB-BA" "country:AC -tone:conflict source:ansa" "parola1*"
