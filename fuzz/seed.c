/* seed.c: small attache indexes that seed the index fuzzer and serve as
 * the index of the filter fuzzer: a valid one, and one with every hostile
 * value the format allows (wrong types, NUL bytes, escapes, offsets past
 * the end or inside a UTF-8 sequence, negative lengths, extreme ids). */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>

#include "fuzz/seed.h"
#include "model/index.h"

static const char valid_sql[] =
	"INSERT INTO meta VALUES ('generator', 'index_seed'), ('created', '2026-01-01');"
	"INSERT INTO article(id, path, title, date, source, lang, body, countries) VALUES"
	" (1, 'a.txt', 'Mosca e Minsk', '2022-12-20', 'ansa', 'it',"
	"  'Russia e Bielorussia firmano un accordo. La Città di Minsk applaude.', 'BY RU'),"
	" (2, 'b.txt', 'Kyiv talks', '2023-01-05', 'bbc', 'en',"
	"  'Ukraine and Russia met in Turkey. Erdoğan hosted the talks.', 'RU TR UA'),"
	" (3, 'c.jsonl:1', 'Sanctions', NULL, NULL, NULL, 'The EU sanctions Russia.', 'RU');"
	"INSERT INTO entity VALUES (1, 'country', 'Russia', 'RU', 3, 3),"
	" (2, 'country', 'Belarus', 'BY', 1, 1), (3, 'country', 'Ukraine', 'UA', 1, 1),"
	" (4, 'country', 'Turkey', 'TR', 1, 1), (5, 'person', 'Recep Tayyip Erdoğan', 'TR', 1, 1),"
	" (6, 'org', 'European Union', NULL, 1, 1), (7, 'place', 'Minsk', 'BY', 1, 2);"
	"INSERT INTO alias VALUES ('russia', 1, 'Russia'), ('bielorussia', 2, 'Bielorussia'),"
	" ('erdogan', 5, 'Erdoğan'), ('eu', 6, 'EU');"
	"INSERT INTO mention VALUES (1, 1, 'body', 0, 6), (1, 2, 'body', 9, 11),"
	" (1, 7, 'title', 8, 5), (1, 7, 'body', 57, 5), (2, 3, 'body', 0, 7), (2, 1, 'body', 12, 6),"
	" (2, 4, 'body', 26, 6), (2, 5, 'body', 34, 8), (3, 6, 'body', 4, 2), (3, 1, 'body', 17, 6);"
	"INSERT INTO article_entity VALUES (1, 1, 1), (2, 1, 1), (7, 1, 2), (3, 2, 1), (1, 2, 1),"
	" (4, 2, 1), (5, 2, 1), (6, 3, 1), (1, 3, 1);"
	"INSERT INTO sentence VALUES (1, 1, 'body', 0, 40, 0.5), (1, 2, 'body', 41, 29, 0.2),"
	" (2, 1, 'body', 0, 33, -0.1), (2, 2, 'body', 34, 27, 0), (3, 1, 'body', 0, 24, -0.8);"
	"INSERT INTO relation VALUES (1, 'BY', 'RU', 1, 0.5), (2, 'RU', 'TR', 1, -0.1),"
	" (2, 'RU', 'UA', 1, -0.1), (2, 'TR', 'UA', 1, -0.1);"
	"INSERT INTO evidence VALUES ('BY', 'RU', 1, 1), ('RU', 'TR', 2, 1), ('RU', 'UA', 2, 1),"
	" ('TR', 'UA', 2, 1);"
	"INSERT INTO pair VALUES ('BY', 'RU', 1, 1, 0.5), ('RU', 'TR', 1, 1, -0.1),"
	" ('RU', 'UA', 1, 1, -0.1), ('TR', 'UA', 1, 1, -0.1);";

/* Values a stranger's index may hold: the format's types are not enforced
 * by SQLite, and offsets are whatever the writer wrote. */
static const char hostile_sql[] =
	"INSERT INTO article(id, path, title, date, source, lang, body, url, original, countries)"
	" VALUES"
	" (1, x'2f746d702f0a1b5d303b70776e6407', x'41004200', 20221220, x'ff', 7,"
	"  'ok' || char(0) || 'after NUL' || char(27) || '[2J' || char(155) || '31m',"
	"  'javascript:' || char(7), x'c3', ''),"
	" (2, NULL, 42, '9999-99-99', '', '', x'e282ac41', NULL, NULL, 'ZZ RU RU  ' || char(10)),"
	" (3, 'p', char(27) || ']0;owned' || char(7), NULL, NULL, NULL, '', NULL, NULL, ''),"
	" (-5, 'neg', 'negative id', NULL, NULL, NULL, 'x', NULL, NULL, 'RU'),"
	" (9223372036854775807, 'max', 'max id', NULL, NULL, NULL, 'y', NULL, NULL, 'RU');"
	"INSERT INTO entity VALUES (1, 'country', char(27) || '[31mRussia', 'RU', -1, 99999999999),"
	" (2, 'country', x'00', x'ffff', 1, 1), (3, 'person', '', NULL, 0, 0),"
	" (4, 'org', 'X', 'RUS', 1, 1), (5, 'place', 1.5, 7, 1, 1);"
	"INSERT INTO alias VALUES ('', 1, ''), (x'00', 2, x'1b');"
	"INSERT INTO mention VALUES (1, 1, 'body', 0, 2), (1, 1, 'title', 1, 100),"
	" (1, 2, 'body', 999999, 5), (1, 3, 'body', 1, -3), (1, 4, 'body', -1, 2),"
	" (2, 1, 'body', 1, 1), (2, 4, 'body', 0, 2), (2, 5, 'title', 9223372036854775807, 1),"
	" (3, 99, 'body', 0, 1), (77, 1, 'body', 0, 1), (1, 5, 'body', 'x', 'y');"
	"INSERT INTO article_entity VALUES (1, 1, 3), (2, 1, -1), (99, 1, 1), (1, 77, 1);"
	"INSERT INTO sentence VALUES (1, 1, 'body', 0, 1000000, 1e308), (1, 2, 'body', -4, 2, -1e308),"
	" (2, 1, 'body', 1, 2, 'tone'), (2, 0, 'title', 0, 0, 0);"
	"INSERT INTO relation VALUES (1, 'BY', 'RU', -2, 9e99), (2, '', 'RU', 1, 0),"
	" (1, x'00', x'ff', 1, 0);"
	"INSERT INTO evidence VALUES ('BY', 'RU', 1, 1), ('BY', 'RU', 1, 99), ('', 'RU', 2, 1);"
	"INSERT INTO pair VALUES ('BY', 'RU', 1, 2, 9e99), ('', 'RU', -1, 0, 0),"
	" (x'00', x'ff', 1, 1, -1);";

/* Builds an index in memory from SQL; returns its bytes (sqlite3_free). */
static unsigned char *
build_index(const char *sql, size_t *len)
{
	sqlite3 *db;
	struct att_err err;
	char *msg = NULL;
	unsigned char *data = NULL;
	sqlite3_int64 size = 0;

	*len = 0;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK)
		return NULL;
	sqlite3_exec(db, "PRAGMA page_size = 512", NULL, NULL, NULL);
	if (att_schema_create(db, &err) != 0) {
		fprintf(stderr, "fuzz seed: %s\n", err.msg);
	} else if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK ||
		   sqlite3_exec(db, "INSERT INTO article_fts(article_fts) VALUES ('rebuild')", NULL,
				NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "fuzz seed: %s\n", msg);
		sqlite3_free(msg);
	} else {
		data = sqlite3_serialize(db, "main", &size, 0);
		*len = data ? (size_t)size : 0;
	}
	sqlite3_close(db);
	return data;
}

unsigned char *
fuzz_seed_index(int hostile, size_t *len)
{
	return build_index(hostile ? hostile_sql : valid_sql, len);
}
