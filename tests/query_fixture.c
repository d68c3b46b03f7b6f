/* query_fixture.c: the test index. Six articles in date order:
 *   1 2021-05-01 askanews  Russia and Belarus sign (cooperation)
 *   2 2022-03-10 ANSA      Russia attacks Ukraine (conflict)
 *   3 2022-12-20 askanews  Turkey and Russia (mixed)
 *   4 2023-06-01 Reuters   Putin meets Lukashenko in Minsk (cooperation)
 *   5 2023-07-15 Reuters   no country; "100% _test_"
 *   6 undated    ASKAnews2 Shoigu visits "Città" (accents)
 * Mentions are placed by searching their surface in the text, so the
 * offsets are right by construction. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/text.h"
#include "model/util.h"
#include "tests/query_fixture.h"

static char *tmpdir;

char *
fixture_path(const char *name)
{
	if (tmpdir == NULL) {
		char tmpl[] = "/tmp/attache-query-test.XXXXXX";
		assert_non_null(mkdtemp(tmpl));
		tmpdir = xstrdup(tmpl);
	}
	return xasprintf("%s/%s", tmpdir, name);
}

static void
exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "fixture SQL failed: %s\n", msg ? msg : "?");
		fail();
	}
}

static const struct {
	int id;
	const char *date, *source, *lang, *title, *body, *countries;
} articles[] = {
	{1, "2021-05-01", "askanews", "it", "Mosca e Minsk",
	 "Russia e Bielorussia firmano un accordo. La festa a Minsk.", "BY RU"},
	{2, "2022-03-10", "ANSA", "it", "Kiev sotto attacco",
	 "La Russia attacca l'Ucraina. Mosca accusa Kiev.", "RU UA"},
	{3, "2022-12-20", "askanews", "it", "Erdogan e la Russia",
	 "Turchia e Russia discutono. Accordo tra Turchia e Russia.", "RU TR"},
	{4, "2023-06-01", "Reuters", "en", "Vertice a Minsk",
	 "Putin incontra Lukashenko a Minsk. Russia e Bielorussia alleate.", "BY RU"},
	{5, "2023-07-15", "Reuters", "en", "Senza data", "Nessun paese qui. 100% _test_ NEAR AND", ""},
	{6, NULL, "ASKAnews2", "it", "Shoigu in visita",
	 "Sergei Shoigu visita la città. Zebra crossing.", ""},
};

static const struct {
	int article, entity;
	const char *field, *surface;
} mentions[] = {
	{1, E_RU, "title", "Mosca"},       {1, E_BY, "title", "Minsk"},
	{1, E_RU, "body", "Russia"},       {1, E_BY, "body", "Bielorussia"},
	{1, E_MINSK, "body", "Minsk"},     {2, E_UA, "title", "Kiev"},
	{2, E_RU, "body", "Russia"},       {2, E_UA, "body", "Ucraina"},
	{2, E_RU, "body", "Mosca"},        {2, E_UA, "body", "Kiev"},
	{3, E_RU, "title", "Russia"},      {3, E_TR, "body", "Turchia"},
	{3, E_RU, "body", "Russia"},       {4, E_MINSK, "title", "Minsk"},
	{4, E_PUTIN, "body", "Putin"},     {4, E_LUKA, "body", "Lukashenko"},
	{4, E_MINSK, "body", "Minsk"},     {4, E_RU, "body", "Russia"},
	{4, E_BY, "body", "Bielorussia"},  {6, E_SHOIGU, "body", "Sergei Shoigu"},
};

/* Sentences: article, n, surface (its text), tone, and the pair it
 * relates (or NULL). */
static const struct {
	int article, n;
	const char *text;
	double tone;
	const char *a, *b;
} sentences[] = {
	{1, 0, "Russia e Bielorussia firmano un accordo.", 1.0, "BY", "RU"},
	{1, 1, "La festa a Minsk.", 0.0, NULL, NULL},
	{2, 0, "La Russia attacca l'Ucraina.", -1.0, "RU", "UA"},
	{2, 1, "Mosca accusa Kiev.", -0.5, "RU", "UA"},
	{3, 0, "Turchia e Russia discutono.", 0.0, "RU", "TR"},
	{3, 1, "Accordo tra Turchia e Russia.", 1.0, "RU", "TR"},
	{4, 0, "Putin incontra Lukashenko a Minsk.", 0.0, NULL, NULL},
	{4, 1, "Russia e Bielorussia alleate.", 0.5, "BY", "RU"},
};

static const char *
find_body(int article)
{
	for (size_t k = 0; k < ATT_ARRAY_LEN(articles); k++)
		if (articles[k].id == article)
			return articles[k].body;
	return NULL;
}

struct att_index *
fixture_open(const char *path, const char *extra)
{
	sqlite3 *db;
	struct att_err err;
	struct att_index *idx = NULL;
	struct buf sql = BUF_INIT;

	unlink(path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(att_schema_create(db, &err), 0);
	exec(db, "BEGIN");
	exec(db, "INSERT INTO entity(id, kind, name, country) VALUES "
		 "(1, 'country', 'Russia', 'RU'), (2, 'country', 'Bielorussia', 'BY'), "
		 "(3, 'country', 'Ucraina', 'UA'), (4, 'country', 'Turchia', 'TR'), "
		 "(5, 'person', 'Vladimir Putin', 'RU'), (6, 'person', 'Aleksandr Lukashenko', 'BY'), "
		 "(7, 'place', 'Minsk', 'BY'), (8, 'person', 'Sergei Shoigu', 'RU');"
		 "INSERT INTO alias(key, entity_id, name) VALUES "
		 "('russia', 1, 'Russia'), ('mosca', 1, 'Mosca'), ('russian federation', 1, 'Russian Federation'),"
		 "('bielorussia', 2, 'Bielorussia'), ('belarus', 2, 'Belarus'), ('minsk', 2, 'Minsk'),"
		 "('ucraina', 3, 'Ucraina'), ('ukraine', 3, 'Ukraine'), ('kiev', 3, 'Kiev'),"
		 "('turchia', 4, 'Turchia'), ('turkey', 4, 'Turkey'),"
		 "('putin', 5, 'Putin'), ('vladimir putin', 5, 'Vladimir Putin'),"
		 "('lukashenko', 6, 'Lukashenko'), ('minsk', 7, 'Minsk'),"
		 "('sergei shoigu', 8, 'Sergei Shoigu'), ('serghej shojgu', 8, 'Serghej Shojgu');");
	for (size_t k = 0; k < ATT_ARRAY_LEN(articles); k++) {
		char *q = sqlite3_mprintf("INSERT INTO article(id, path, title, date, source, lang, body, "
					  "url, countries) VALUES (%d, 'seeds/%d.txt', %Q, %Q, %Q, %Q, %Q, "
					  "'https://example.org/%d', %Q);",
					  articles[k].id, articles[k].id, articles[k].title, articles[k].date,
					  articles[k].source, articles[k].lang, articles[k].body,
					  articles[k].id, articles[k].countries);
		exec(db, q);
		sqlite3_free(q);
	}
	for (size_t k = 0; k < ATT_ARRAY_LEN(mentions); k++) {
		const char *text = strcmp(mentions[k].field, "title") == 0
					   ? articles[mentions[k].article - 1].title
					   : find_body(mentions[k].article);
		const char *at = strstr(text, mentions[k].surface);
		assert_non_null(at);
		char *q = sqlite3_mprintf("INSERT INTO mention VALUES (%d, %d, %Q, %d, %d);",
					  mentions[k].article, mentions[k].entity, mentions[k].field,
					  (int)(at - text), (int)strlen(mentions[k].surface));
		exec(db, q);
		sqlite3_free(q);
	}
	for (size_t k = 0; k < ATT_ARRAY_LEN(sentences); k++) {
		const char *body = find_body(sentences[k].article);
		const char *at = strstr(body, sentences[k].text);
		assert_non_null(at);
		char *q = sqlite3_mprintf("INSERT INTO sentence VALUES (%d, %d, 'body', %d, %d, %f);",
					  sentences[k].article, sentences[k].n, (int)(at - body),
					  (int)strlen(sentences[k].text), sentences[k].tone);
		exec(db, q);
		sqlite3_free(q);
		if (sentences[k].a) {
			q = sqlite3_mprintf("INSERT INTO evidence VALUES (%Q, %Q, %d, %d);",
					    sentences[k].a, sentences[k].b, sentences[k].article,
					    sentences[k].n);
			exec(db, q);
			sqlite3_free(q);
		}
	}
	/* The aggregates, as the writer computes them. */
	exec(db, "INSERT INTO relation SELECT ev.article_id, ev.a, ev.b, count(*), avg(s.tone) "
		 "FROM evidence ev JOIN sentence s ON s.article_id = ev.article_id AND s.n = ev.n "
		 "GROUP BY ev.article_id, ev.a, ev.b;"
		 "INSERT INTO pair SELECT a, b, count(*), sum(sentences), "
		 "sum(tone * sentences) / sum(sentences) FROM relation GROUP BY a, b;"
		 "INSERT INTO article_entity SELECT entity_id, article_id, count(*) FROM mention "
		 "GROUP BY entity_id, article_id;"
		 "UPDATE entity SET articles = (SELECT count(*) FROM article_entity ae "
		 "WHERE ae.entity_id = entity.id), mentions = (SELECT count(*) FROM mention m "
		 "WHERE m.entity_id = entity.id);"
		 "INSERT INTO article_fts(article_fts) VALUES ('rebuild');");
	exec(db, "COMMIT");
	if (extra)
		exec(db, extra);
	buf_free(&sql);
	sqlite3_close(db);
	assert_int_equal(att_index_open(path, &idx, &err), 0);
	return idx;
}
