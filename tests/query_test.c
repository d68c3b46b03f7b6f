/* query_test.c: the model queries on a small index built in the test:
 * list paging and sorting, articles, the matrix, evidence, entities,
 * completion, and hostile rows. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "model/query.h"
#include "model/query_int.h"
#include "model/schema.h"
#include "model/text.h"
#include "tests/query_fixture.h"

static struct att_index *idx;

static int
setup(void **state)
{
	(void)state;
	char *path = fixture_path("query.idx");
	idx = fixture_open(path, NULL);
	free(path);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	att_index_close(idx);
	return 0;
}

static struct att_filter *
compile(const char *text)
{
	struct att_filter *f = NULL;
	struct att_err err;
	if (att_filter_compile(idx, text, &f, &err) != 0)
		fail_msg("filter '%s': %s", text, err.msg);
	return f;
}

/* The ids of one page, as a string "6 4 3". */
static char *
page_ids(struct att_list *l, const struct att_row *anchor, int dir, size_t n, struct att_rows *rows)
{
	struct att_err err;
	struct buf b = BUF_INIT;
	assert_int_equal(att_list_page(l, anchor, dir, n, rows, &err), 0);
	buf_adds(&b, "");
	for (size_t k = 0; k < rows->n; k++)
		buf_printf(&b, "%s%lld", k ? " " : "", (long long)rows->v[k].id);
	return buf_steal(&b);
}

static int64_t window = 0;

/* All ids of a filter in ORDER, fetched by pages of 2. */
static char *
all_ids(const char *filter, enum att_sort sort)
{
	struct att_filter *f = compile(filter);
	struct att_list *l;
	struct att_err err;
	struct att_rows rows = {0}, prev = {0};
	struct buf b = BUF_INIT;

	assert_int_equal(att_list_open(idx, f, sort, &l, &err), 0);
	if (window)
		q_list_set_window(l, window);
	buf_adds(&b, "");
	for (;;) {
		char *s = page_ids(l, prev.n ? &prev.v[prev.n - 1] : NULL, 1, 2, &rows);
		if (*s)
			buf_printf(&b, "%s%s", b.len ? " " : "", s);
		free(s);
		if (rows.n < 2)
			break;
		att_rows_free(&prev);
		prev = rows;
		rows = (struct att_rows){0};
	}
	att_rows_free(&rows);
	att_rows_free(&prev);
	att_list_close(l);
	att_filter_free(f);
	return buf_steal(&b);
}

static void
test_list_newest_paging(void **state)
{
	(void)state;
	struct att_filter *f = compile("");
	struct att_list *l;
	struct att_err err;
	struct att_rows rows = {0}, more = {0};
	char *s;

	assert_int_equal(att_list_open(idx, f, ATT_SORT_NEWEST, &l, &err), 0);
	/* Newest first, and the undated article (6, numbered last) after
	 * the oldest dated one. */
	s = page_ids(l, NULL, 1, 4, &rows);
	assert_string_equal(s, "5 4 3 2");
	free(s);
	assert_string_equal(rows.v[0].date, "2023-07-15");
	assert_string_equal(rows.v[1].countries, "BY RU");
	/* Forwards from the last row, across to the undated one, then
	 * backwards from the first of that. */
	s = page_ids(l, &rows.v[3], 1, 4, &more);
	assert_string_equal(s, "1 6");
	free(s);
	assert_string_equal(more.v[1].title, "Shoigu in visita");
	assert_string_equal(more.v[1].date, "");
	s = page_ids(l, &more.v[0], -1, 3, &rows);
	assert_string_equal(s, "4 3 2");
	free(s);
	/* Backwards from the undated article, across to the dated ones. */
	s = page_ids(l, &more.v[1], -1, 2, &rows);
	assert_string_equal(s, "2 1");
	free(s);
	/* The last page, from the end. */
	s = page_ids(l, NULL, -1, 2, &rows);
	assert_string_equal(s, "1 6");
	free(s);
	int64_t count;
	int capped;
	assert_int_equal(att_list_count(l, 0, &count, &capped, &err), 0);
	assert_int_equal(count, 6);
	assert_int_equal(capped, 0);
	assert_int_equal(att_list_count(l, 3, &count, &capped, &err), 0);
	assert_int_equal(count, 3);
	assert_int_equal(capped, 1);
	assert_int_equal(att_list_count(l, 6, &count, &capped, &err), 0);
	assert_int_equal(capped, 0);
	att_rows_free(&rows);
	att_rows_free(&more);
	att_list_close(l);
	att_filter_free(f);
}

static void
test_list_sorts(void **state)
{
	(void)state;
	char *s;

	s = all_ids("", ATT_SORT_OLDEST);
	assert_string_equal(s, "1 2 3 4 5 6");
	free(s);
	/* Titles: Erdogan, Kiev, Mosca, Senza, Shoigu, Vertice. */
	s = all_ids("", ATT_SORT_TITLE);
	assert_string_equal(s, "3 2 1 5 6 4");
	free(s);
	/* Relevance without words falls back to newest (undated last). */
	s = all_ids("", ATT_SORT_RELEVANCE);
	assert_string_equal(s, "5 4 3 2 1 6");
	free(s);
	/* "Turchia" twice in 3, "Russia" everywhere: 3 ranks first. */
	s = all_ids("turchia OR russia", ATT_SORT_RELEVANCE);
	assert_int_equal(strncmp(s, "3 ", 2), 0);
	assert_int_equal(strlen(s), strlen("3 1 2 4"));
	/* A sorted query runs again from its last row when its window of
	 * rows is spent: the same order, no row lost or repeated. */
	for (window = 1; window <= 3; window++) {
		char *t = all_ids("", ATT_SORT_TITLE);
		assert_string_equal(t, "3 2 1 5 6 4");
		free(t);
		t = all_ids("turchia OR russia", ATT_SORT_RELEVANCE);
		assert_string_equal(t, s);
		free(t);
	}
	window = 0;
	free(s);
	/* A required word ranks every match (a join on the full-text table). */
	s = all_ids("russia -turchia", ATT_SORT_RELEVANCE);
	assert_int_equal(strlen(s), strlen("4 2 1"));
	assert_non_null(strchr(s, '4'));
	assert_non_null(strchr(s, '2'));
	assert_non_null(strchr(s, '1'));
	for (window = 1; window <= 2; window++) {
		char *t = all_ids("russia -turchia", ATT_SORT_RELEVANCE);
		assert_string_equal(t, s);
		free(t);
	}
	window = 0;
	free(s);
	/* Filters read in id order from their driver, both ways. */
	s = all_ids("country:RU", ATT_SORT_OLDEST);
	assert_string_equal(s, "1 2 3 4");
	free(s);
	s = all_ids("russia -country:BY", ATT_SORT_OLDEST);
	assert_string_equal(s, "2 3");
	free(s);
	s = all_ids("date:2022.. lang:it", ATT_SORT_OLDEST);
	assert_string_equal(s, "2 3");
	free(s);
	{
		struct att_filter *f = compile("country:RU");
		struct att_list *l;
		struct att_err err;
		struct att_rows rows = {0}, more = {0};
		assert_int_equal(att_list_open(idx, f, ATT_SORT_NEWEST, &l, &err), 0);
		s = page_ids(l, NULL, -1, 2, &rows);
		assert_string_equal(s, "2 1");
		free(s);
		s = page_ids(l, &rows.v[0], -1, 5, &more);
		assert_string_equal(s, "4 3");
		free(s);
		att_rows_free(&rows);
		att_rows_free(&more);
		att_list_close(l);
		att_filter_free(f);
	}
	/* Backwards from the end, and back from there, in each order. */
	static const struct {
		enum att_sort sort;
		const char *last2, *before;
	} back[] = {
		{ATT_SORT_NEWEST, "1 6", "3 2"},
		{ATT_SORT_OLDEST, "5 6", "3 4"},
		{ATT_SORT_TITLE, "6 4", "1 5"},
	};
	for (size_t k = 0; k < ATT_ARRAY_LEN(back); k++) {
		struct att_filter *f = compile("");
		struct att_list *l;
		struct att_err err;
		struct att_rows rows = {0}, more = {0};
		assert_int_equal(att_list_open(idx, f, back[k].sort, &l, &err), 0);
		s = page_ids(l, NULL, -1, 2, &rows);
		assert_string_equal(s, back[k].last2);
		free(s);
		s = page_ids(l, &rows.v[0], -1, 2, &more);
		assert_string_equal(s, back[k].before);
		free(s);
		att_rows_free(&rows);
		att_rows_free(&more);
		att_list_close(l);
		att_filter_free(f);
	}
}

static void
test_list_filters(void **state)
{
	(void)state;
	static const struct {
		const char *filter, *ids;
	} cases[] = {
		{"country:BY", "4 1"},
		{"country:Belarus", "4 1"},
		{"country:bielorussia", "4 1"},
		{"country:Minsk", "4 1"},
		{"country:Atlantide", ""},
		{"person:Putin", "4"},
		{"person:\"serghej shojgu\"", "6"},
		{"place:Minsk", "4 1"},
		{"entity:minsk", "4 1"},
		{"pair:RU-BY", "4 1"},
		{"pair:by-ru", "4 1"},
		{"pair:Russia-Ukraine", "2"},
		{"pair:RU-TR country:BY", ""},
		{"source:askanews", "3 1"},
		{"source:ASK*", "3 1 6"},
		{"lang:EN", "5 4"},
		{"date:2022", "3 2"},
		{"date:2022-03..2023-06", "4 3 2"},
		{"date:..2021", "1"},
		{"date:2023-01..", "5 4"},
		{"date:2023-07-15", "5"},
		{"date:2024", ""},
		{"date:..1999", ""},
		{"date:2021-05-01..2022-03-10", "2 1"},
		{"-date:2022", "5 4 1 6"},
		{"tone:conflict", "2"},
		{"tone:cooperation", "4 3 1"},
		{"id:3", "3"},
		{"id:2..4", "4 3 2"},
		{"citta", "6"},
		{"CITTÀ", "6"},
		{"\"sotto attacco\"", "2"},
		{"\"attacco sotto\"", ""},
		{"accor*", "3 1"},
		{"russia -turchia", "4 2 1"},
		{"russia OR zebra", "4 3 2 1 6"},
		{"country:TR OR country:UA country:RU", "3 2"},
		{"(country:TR OR country:UA) -tone:conflict", "3"},
		{"NOT country:RU", "5 6"},
		{"russia AND accordo", "3 1"},
		{"100%", "5"},
		{"_test_", "5"},
		{"NEAR", "5"},
	};
	for (size_t k = 0; k < ATT_ARRAY_LEN(cases); k++) {
		char *s = all_ids(cases[k].filter, ATT_SORT_NEWEST);
		if (strcmp(s, cases[k].ids) != 0)
			fail_msg("filter '%s': got '%s', wanted '%s'", cases[k].filter, s, cases[k].ids);
		free(s);
	}
}

static void
test_article(void **state)
{
	(void)state;
	struct att_article *a;
	struct att_err err;

	assert_int_equal(att_article_get(idx, 1, &a, &err), 0);
	assert_string_equal(a->title, "Mosca e Minsk");
	assert_string_equal(a->source, "askanews");
	assert_string_equal(a->lang, "it");
	assert_string_equal(a->path, "seeds/1.txt");
	assert_string_equal(a->url, "https://example.org/1");
	assert_null(a->original);
	assert_int_equal(a->body_len, strlen(a->body));
	/* Title mentions first, then body, by position. */
	assert_int_equal(a->nmentions, 5);
	assert_int_equal(a->mentions[0].field, ATT_TITLE);
	assert_int_equal(a->mentions[0].pos, 0);
	assert_string_equal(a->mentions[0].name, "Russia");
	assert_string_equal(a->mentions[0].country, "RU");
	assert_int_equal(a->mentions[2].field, ATT_BODY);
	assert_int_equal(a->mentions[2].kind, ATT_COUNTRY);
	assert_int_equal(a->mentions[4].kind, ATT_PLACE);
	assert_memory_equal(a->body + a->mentions[4].pos, "Minsk", 5);
	/* Entities grouped by kind: countries (RU 2, BY 2), then the place. */
	assert_int_equal(a->nentities, 3);
	assert_int_equal(a->entities[0].kind, ATT_COUNTRY);
	assert_int_equal(a->entities[1].kind, ATT_COUNTRY);
	assert_int_equal(a->entities[2].kind, ATT_PLACE);
	assert_int_equal(a->entities[2].mentions, 1);
	assert_int_equal(a->nsentences, 2);
	assert_memory_equal(a->body + a->sentences[0].pos, "Russia e Bielorussia", 20);
	assert_true(a->sentences[0].tone > 0);
	att_article_free(a);

	assert_int_equal(att_article_get(idx, 99, &a, &err), EX_DATAERR);
	assert_null(a);
	assert_non_null(strstr(err.msg, "99"));
}

static void
test_matrix_whole(void **state)
{
	(void)state;
	struct att_matrix *m;
	struct att_err err;

	assert_int_equal(att_matrix_get(idx, NULL, 10, &m, &err), 0);
	assert_int_equal(m->n, 4);
	assert_string_equal(m->codes[0], "RU"); /* most articles */
	assert_string_equal(m->codes[1], "BY");
	assert_string_equal(m->names[1], "Bielorussia");
	assert_int_equal(m->articles[0], 4);
	long ru = 0, by = 1, ua = -1, tr = -1;
	for (size_t k = 0; k < m->n; k++) {
		if (strcmp(m->codes[k], "UA") == 0)
			ua = (long)k;
		if (strcmp(m->codes[k], "TR") == 0)
			tr = (long)k;
	}
	assert_true(ua >= 0 && tr >= 0);
	assert_int_equal(ATT_CELL(m, sentences, ru, by), 2);
	assert_int_equal(ATT_CELL(m, sentences, by, ru), 2);
	assert_int_equal(ATT_CELL(m, cooc, ru, by), 2);
	assert_int_equal(ATT_CELL(m, sentences, ru, ua), 2);
	assert_int_equal(ATT_CELL(m, cooc, ru, ua), 1);
	assert_int_equal(ATT_CELL(m, sentences, ru, tr), 2);
	assert_int_equal(ATT_CELL(m, sentences, by, ua), 0);
	assert_int_equal(ATT_CELL(m, sentences, ru, ru), 0);
	assert_true(ATT_CELL(m, tone, ru, by) > 0.7 && ATT_CELL(m, tone, ru, by) < 0.8);
	assert_true(ATT_CELL(m, tone, ru, ua) < -0.7);
	att_matrix_free(m);

	/* Top 2 only. */
	assert_int_equal(att_matrix_get(idx, NULL, 2, &m, &err), 0);
	assert_int_equal(m->n, 2);
	att_matrix_free(m);
}

static void
test_matrix_filtered(void **state)
{
	(void)state;
	struct att_matrix *m;
	struct att_err err;
	struct att_filter *f = compile("date:2022..");

	assert_int_equal(att_matrix_get(idx, f, 10, &m, &err), 0);
	/* Articles 2, 3, 4: RU in all three, BY in 4, UA in 2, TR in 3. */
	assert_int_equal(m->n, 4);
	assert_string_equal(m->codes[0], "RU");
	assert_int_equal(m->articles[0], 3);
	long by = -1;
	for (size_t k = 0; k < m->n; k++)
		if (strcmp(m->codes[k], "BY") == 0)
			by = (long)k;
	assert_true(by > 0);
	assert_int_equal(ATT_CELL(m, sentences, 0, by), 1);
	assert_int_equal(ATT_CELL(m, cooc, 0, by), 1);
	assert_true(ATT_CELL(m, tone, 0, by) > 0.4 && ATT_CELL(m, tone, 0, by) < 0.6);
	att_matrix_free(m);
	att_filter_free(f);

	f = compile("country:Atlantide");
	assert_int_equal(att_matrix_get(idx, f, 10, &m, &err), 0);
	assert_int_equal(m->n, 0);
	att_matrix_free(m);
	att_filter_free(f);
}

/* The optional extras of attache-index(5) (the covering index
 * article_countries, the table article_matrix) change how the filtered
 * matrix reads countries and pairs, never what it counts. */
static void
test_matrix_extras(void **state)
{
	(void)state;
	static const char *const filters[] = {
		"", "date:2022..", "russia", "country:RU", "pair:RU-BY", "tone:conflict",
		"-country:UA", "minsk OR kiev", "country:Atlantide", "lang:it", "id:1..6",
	};
	char *path[2] = {fixture_path("countries.idx"), fixture_path("extras.idx")};
	struct att_index *ix[3] = {
		idx,
		fixture_open(path[0], "CREATE INDEX article_countries ON article(id, countries)"),
		fixture_open(path[1], att_schema_extras_sql),
	};
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(ix[2]->db, "SELECT count(*) FROM article_matrix "
					    "WHERE pairs <> ''", -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 4); /* articles 1 to 4 relate countries */
	sqlite3_finalize(st);
	for (size_t k = 0; k < ATT_ARRAY_LEN(filters); k++) {
		struct att_matrix *m[3];
		struct att_err err;
		for (int i = 0; i < 3; i++) {
			struct att_filter *f;
			assert_int_equal(att_filter_compile(ix[i], filters[k], &f, &err), 0);
			assert_int_equal(att_matrix_get(ix[i], f, 10, &m[i], &err), 0);
			att_filter_free(f);
		}
		if (k == 1)
			assert_int_equal(m[2]->n, 4); /* not vacuous: RU BY UA TR */
		for (int i = 1; i < 3; i++) {
			if (m[0]->n != m[i]->n)
				fail_msg("'%s': %zu countries, %zu with extras %d", filters[k], m[0]->n,
					 m[i]->n, i);
			for (size_t a = 0; a < m[0]->n; a++) {
				assert_string_equal(m[0]->codes[a], m[i]->codes[a]);
				assert_int_equal(m[0]->articles[a], m[i]->articles[a]);
				for (size_t b = 0; b < m[0]->n; b++) {
					assert_int_equal(ATT_CELL(m[0], sentences, a, b),
							 ATT_CELL(m[i], sentences, a, b));
					assert_int_equal(ATT_CELL(m[0], cooc, a, b), ATT_CELL(m[i], cooc, a, b));
					assert_true(ATT_CELL(m[0], tone, a, b) == ATT_CELL(m[i], tone, a, b));
				}
			}
		}
		for (int i = 0; i < 3; i++)
			att_matrix_free(m[i]);
	}
	att_index_close(ix[1]);
	att_index_close(ix[2]);
	/* A hostile article_matrix: malformed items are skipped, never trusted. */
	char *sql = xasprintf("%sUPDATE article_matrix SET pairs = CASE id WHEN 1 THEN ';;RU; RU UA' "
			      "WHEN 2 THEN 'RU UA x 0.5;RU UA 1 y;RUSSIA UA 1 1;' || hex(zeroblob(300)) "
			      "WHEN 3 THEN 'RU TR -5 1;RU TR 1 1e999;TR RU 2 0.5' ELSE 'BY RU 1 0.5 junk' END, "
			      "countries = CASE id WHEN 4 THEN 'RU RU RU  BY ' ELSE countries END",
			      att_schema_extras_sql);
	struct att_index *h = fixture_open(path[1], sql);
	struct att_matrix *m;
	struct att_err err;
	assert_int_equal(att_matrix_get(h, NULL, 10, &m, &err), 0);
	att_matrix_free(m);
	struct att_filter *f;
	assert_int_equal(att_filter_compile(h, "id:1..6", &f, &err), 0);
	assert_int_equal(att_matrix_get(h, f, 10, &m, &err), 0);
	for (size_t k = 0; k < m->n; k++)
		if (strcmp(m->codes[k], "RU") == 0)
			assert_int_equal(m->articles[k], 4); /* RU once per article, whatever the text */
	att_matrix_free(m);
	att_filter_free(f);
	att_index_close(h);
	free(sql);
	free(path[0]);
	free(path[1]);
}

/* Title order read down the optional article_title index (when many
 * articles match) lists what sorting the matches does, page by page. */
static void
test_title_index(void **state)
{
	(void)state;
	static const char *const filters[] = {
		"", "russia", "country:RU", "-country:UA", "minsk OR kiev", "date:2022..",
		"russia -minsk", "lang:it country:RU", "country:Atlantide",
	};
	char *path = fixture_path("title.idx");
	struct att_index *x = fixture_open(path, att_schema_extras_sql);
	for (size_t k = 0; k < ATT_ARRAY_LEN(filters); k++) {
		int64_t ids[2][16];
		size_t n[2] = {0, 0};
		struct att_index *ix[2] = {idx, x};
		for (int i = 0; i < 2; i++) {
			struct att_filter *f;
			struct att_list *l;
			struct att_rows rows = {0}, prev = {0};
			struct att_err err;
			assert_int_equal(att_filter_compile(ix[i], filters[k], &f, &err), 0);
			q_title_scan_min(0);
			assert_int_equal(att_list_open(ix[i], f, ATT_SORT_TITLE, &l, &err), 0);
			q_title_scan_min(-1);
			do {
				att_rows_free(&prev);
				prev = rows;
				rows = (struct att_rows){0};
				assert_int_equal(att_list_page(l, prev.n ? &prev.v[prev.n - 1] : NULL, 1,
							       2, &rows, &err), 0);
				for (size_t r = 0; r < rows.n && n[i] < 16; r++)
					ids[i][n[i]++] = rows.v[r].id;
			} while (rows.n == 2);
			att_rows_free(&rows);
			att_rows_free(&prev);
			att_list_close(l);
			att_filter_free(f);
		}
		if (n[0] != n[1] || memcmp(ids[0], ids[1], n[0] * sizeof ids[0][0]) != 0)
			fail_msg("'%s': %zu rows by title, %zu with the index", filters[k], n[0], n[1]);
		if (k == 0)
			assert_int_equal(n[1], 6);
	}
	/* An index of that name that SQLite cannot walk in title order (a
	 * partial one, from a stranger): title order still works, sorted. */
	char *hpath = fixture_path("title-hostile.idx");
	struct att_index *h = fixture_open(hpath, "CREATE INDEX article_title ON article(title) "
					      "WHERE id < 0");
	struct att_filter *hf;
	struct att_list *hl;
	struct att_rows hrows = {0};
	struct att_err herr;
	assert_int_equal(att_filter_compile(h, "", &hf, &herr), 0);
	q_title_scan_min(0);
	assert_int_equal(att_list_open(h, hf, ATT_SORT_TITLE, &hl, &herr), 0);
	q_title_scan_min(-1);
	assert_int_equal(att_list_page(hl, NULL, 1, 10, &hrows, &herr), 0);
	assert_int_equal(hrows.n, 6);
	att_rows_free(&hrows);
	att_list_close(hl);
	att_filter_free(hf);
	att_index_close(h);
	free(hpath);
	/* The index is used: SQLite's plan for the first page reads it. */
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(x->db, "EXPLAIN QUERY PLAN SELECT id FROM article ORDER BY "
					    "coalesce(CAST(article.title AS TEXT), '') COLLATE NOCASE, id",
					    -1, &st, NULL), SQLITE_OK);
	int used = 0;
	while (sqlite3_step(st) == SQLITE_ROW)
		used |= strstr((const char *)sqlite3_column_text(st, 3), "article_title") != NULL;
	sqlite3_finalize(st);
	assert_true(used);
	att_index_close(x);
	free(path);
}

static void
test_evidence(void **state)
{
	(void)state;
	struct att_evidences ev = {0}, more = {0};
	struct att_err err;

	/* Either order of the codes. */
	assert_int_equal(att_evidence_page(idx, NULL, "RU", "BY", NULL, 1, &ev, &err), 0);
	assert_int_equal(ev.n, 1);
	assert_int_equal(ev.v[0].article_id, 4); /* newest first */
	assert_int_equal(ev.v[0].n, 1);
	assert_string_equal(ev.v[0].text, "Russia e Bielorussia alleate.");
	assert_string_equal(ev.v[0].title, "Vertice a Minsk");
	assert_string_equal(ev.v[0].date, "2023-06-01");
	assert_true(ev.v[0].tone > 0);
	/* a = BY (codes sorted), b = RU. */
	assert_int_equal(ev.v[0].alen, strlen("Bielorussia"));
	assert_memory_equal(ev.v[0].text + ev.v[0].apos, "Bielorussia", ev.v[0].alen);
	assert_int_equal(ev.v[0].blen, strlen("Russia"));
	assert_int_equal(ev.v[0].bpos, 0);
	assert_int_equal(att_evidence_page(idx, NULL, "BY", "RU", &ev.v[0], 10, &more, &err), 0);
	assert_int_equal(more.n, 1);
	assert_int_equal(more.v[0].article_id, 1);
	assert_string_equal(more.v[0].text, "Russia e Bielorussia firmano un accordo.");

	/* Sentence order within an article; the mention is the capital. */
	assert_int_equal(att_evidence_page(idx, NULL, "UA", "RU", NULL, 10, &ev, &err), 0);
	assert_int_equal(ev.n, 2);
	assert_int_equal(ev.v[0].n, 0);
	assert_int_equal(ev.v[1].n, 1);
	assert_string_equal(ev.v[1].text, "Mosca accusa Kiev.");
	assert_memory_equal(ev.v[1].text + ev.v[1].apos, "Mosca", 5);
	assert_memory_equal(ev.v[1].text + ev.v[1].bpos, "Kiev", 4);

	/* Under a filter. */
	struct att_filter *f = compile("date:..2021");
	assert_int_equal(att_evidence_page(idx, f, "RU", "BY", NULL, 10, &ev, &err), 0);
	assert_int_equal(ev.n, 1);
	assert_int_equal(ev.v[0].article_id, 1);
	att_filter_free(f);
	assert_int_equal(att_evidence_page(idx, NULL, "RU", "ZZ", NULL, 10, &ev, &err), 0);
	assert_int_equal(ev.n, 0);
	att_evidences_free(&ev);
	att_evidences_free(&more);
}

static void
test_entity_card(void **state)
{
	(void)state;
	struct att_entity_card *c;
	struct att_err err;

	assert_int_equal(att_entity_card_get(idx, E_RU, &c, &err), 0);
	assert_int_equal(c->kind, ATT_COUNTRY);
	assert_string_equal(c->name, "Russia");
	assert_string_equal(c->country, "RU");
	assert_int_equal(c->articles, 4);
	assert_int_equal(c->mentions, 7);
	assert_int_equal(c->naliases, 3);
	assert_string_equal(c->aliases[0], "Mosca");
	assert_int_equal(c->nwith, 3);
	assert_string_equal(c->with[0].code, "BY");
	assert_int_equal(c->with[0].articles, 2);
	att_entity_card_free(c);

	assert_int_equal(att_entity_card_get(idx, E_PUTIN, &c, &err), 0);
	assert_int_equal(c->kind, ATT_PERSON);
	assert_int_equal(c->nwith, 2); /* RU and BY, in article 4 */
	att_entity_card_free(c);

	assert_int_equal(att_entity_card_get(idx, 999, &c, &err), EX_DATAERR);
	assert_null(c);
}

struct collected {
	struct buf b;
	int stop_after;
	int seen;
};

static int
collect_entity(const struct att_entity_row *row, void *ctx)
{
	struct collected *c = ctx;
	buf_printf(&c->b, "%s%s/%s/%lld/%lld", c->b.len ? " " : "", row->name,
		   att_kind_name(row->kind), (long long)row->articles, (long long)row->mentions);
	return ++c->seen == c->stop_after ? 7 : 0;
}

static char *
entities(const char *filter, int kind, size_t limit, int stop_after, int want)
{
	struct att_filter *f = compile(filter);
	struct collected c = {BUF_INIT, stop_after, 0};
	struct att_err err;
	assert_int_equal(att_entities_each(idx, f, kind, limit, collect_entity, &c, &err), want);
	att_filter_free(f);
	buf_adds(&c.b, "");
	return buf_steal(&c.b);
}

static void
test_entities(void **state)
{
	(void)state;
	char *s;

	s = entities("", ATT_PERSON, 0, 0, 0);
	assert_non_null(strstr(s, "Vladimir Putin/person/1/1"));
	assert_non_null(strstr(s, "Sergei Shoigu/person/1/1"));
	assert_null(strstr(s, "Russia"));
	free(s);
	s = entities("", -1, 2, 0, 0);
	assert_int_equal(strncmp(s, "Russia/country/4/7 ", 19), 0);
	assert_null(strchr(s + 19, ' ')); /* two at most */
	free(s);
	s = entities("country:BY", -1, 0, 0, 0);
	/* Articles 1 and 4: Russia, Belarus and Minsk in both. */
	assert_int_equal(strncmp(s, "Russia/country/2/3 Bielorussia/country/2/3 Minsk/place/2/3", 58), 0);
	assert_non_null(strstr(s, "Aleksandr Lukashenko/person/1/1"));
	assert_null(strstr(s, "Ucraina"));
	free(s);
	s = entities("", -1, 0, 2, 7); /* the callback stops the walk */
	assert_non_null(strchr(s, ' '));
	assert_null(strchr(strchr(s, ' ') + 1, ' '));
	free(s);
}

static char *
completions(const char *word, size_t max)
{
	char **v;
	size_t n;
	struct att_err err;
	struct buf b = BUF_INIT;
	assert_int_equal(att_complete(idx, word, max, &v, &n, &err), 0);
	assert_true(n <= max);
	buf_adds(&b, "");
	for (size_t k = 0; k < n; k++)
		buf_printf(&b, "%s%s", k ? "|" : "", v[k]);
	att_strv_free(v, n);
	return buf_steal(&b);
}

static void
test_complete(void **state)
{
	(void)state;
	static const struct {
		const char *word, *want;
	} cases[] = {
		{"coun", "country:"},
		{"-PE", "-person:"},
		{"p", "person:|place:|pair:"},
		{"zz", ""},
		{"country:bie", "country:Bielorussia"},
		{"country:BIÉ", "country:Bielorussia"},
		{"person:serg", "person:\"Sergei Shoigu\"|person:\"Serghej Shojgu\""},
		{"person:\"serg", "person:\"Sergei Shoigu\"|person:\"Serghej Shojgu\""},
		{"entity:min", "entity:Minsk"},
		{"place:mos", ""},
		{"date:20", ""},
	};
	for (size_t k = 0; k < ATT_ARRAY_LEN(cases); k++) {
		char *s = completions(cases[k].word, 10);
		if (strcmp(s, cases[k].want) != 0)
			fail_msg("'%s': got '%s', wanted '%s'", cases[k].word, s, cases[k].want);
		free(s);
	}
	char *s = completions("country:", 2);
	assert_non_null(strchr(s, '|'));
	free(s);
}

/* An index from a stranger: NULL and wrongly typed values, offsets past
 * the end or inside a UTF-8 sequence, pairs the wrong way round. */
static void
test_hostile_rows(void **state)
{
	(void)state;
	char *path = fixture_path("hostile.idx");
	struct att_index *h = fixture_open(path,
		"PRAGMA writable_schema = ON;"
		"UPDATE sqlite_schema SET sql = replace(replace(sql, 'title TEXT NOT NULL', 'title TEXT'), "
		"'countries TEXT NOT NULL', 'countries TEXT') WHERE name = 'article';");
	att_index_close(h);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
		"PRAGMA ignore_check_constraints = ON;"
		"UPDATE article SET title = NULL WHERE id = 1;"
		"UPDATE article SET title = 42, body = x'00ff41', date = 20220101 WHERE id = 5;"
		"UPDATE article SET countries = NULL WHERE id = 2;"
		"INSERT INTO mention VALUES (3, 1, 'body', 100000, 5);"
		"INSERT INTO mention VALUES (3, 1, 'body', -4, 5);"
		"INSERT INTO mention VALUES (3, 1, 'body', 2, 9223372036854775807);"
		"INSERT INTO mention VALUES (3, 1, 'title', 'abc', 'x');"
		"INSERT INTO mention VALUES (3, 424242, 'body', 30, 3);"
		/* 'à' in 'città' is two bytes: start inside it. */
		"INSERT INTO mention VALUES (6, 1, 'body', instr(CAST((SELECT body FROM article "
		"WHERE id = 6) AS BLOB), x'a0') - 1, 3);"
		"INSERT INTO mention VALUES (5, 1, 'body', 0, 3);"
		"INSERT INTO sentence VALUES (3, 9, 'body', 5000, 10, 'x');"
		"INSERT INTO sentence VALUES (3, 10, 'body', 10, -10, 1);"
		"INSERT INTO relation VALUES (3, 'UA', 'BY', 3, 1.0);"
		"INSERT INTO pair VALUES ('UA', 'BY', 1, 3, 1.0);"
		"INSERT INTO pair VALUES ('RU', 'RU', 1, 3, 1.0);"
		"INSERT INTO evidence VALUES ('RU', 'TR', 3, 9);"
		"UPDATE entity SET articles = 'many' WHERE id = 2;",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	struct att_err err;
	assert_int_equal(att_index_open(path, &h, &err), 0);

	for (int64_t id = 1; id <= 6; id++) {
		struct att_article *a;
		assert_int_equal(att_article_get(h, id, &a, &err), 0);
		assert_non_null(a->title);
		assert_non_null(a->countries);
		for (size_t k = 0; k < a->nmentions; k++) {
			const struct att_mention_at *m = &a->mentions[k];
			size_t n = m->field == ATT_TITLE ? a->title_len : a->body_len;
			const char *t = m->field == ATT_TITLE ? a->title : a->body;
			assert_true(m->len > 0 && m->pos + m->len <= n);
			assert_true(((unsigned char)t[m->pos] & 0xC0) != 0x80);
			assert_true(m->pos + m->len == n || ((unsigned char)t[m->pos + m->len] & 0xC0) != 0x80);
			if (k > 0 && a->mentions[k - 1].field == m->field)
				assert_true(a->mentions[k - 1].pos + a->mentions[k - 1].len <= m->pos);
		}
		for (size_t k = 0; k < a->nsentences; k++) {
			size_t n = a->sentences[k].field == ATT_TITLE ? a->title_len : a->body_len;
			assert_true(a->sentences[k].pos + a->sentences[k].len <= n);
		}
		if (id == 1)
			assert_string_equal(a->title, "");
		if (id == 5) {
			assert_string_equal(a->title, "42");
			assert_int_equal(a->body_len, 3);
			assert_string_equal(a->date, "20220101");
		}
		if (id == 6)
			assert_int_equal(a->nmentions, 1); /* only Shoigu */
		att_article_free(a);
	}

	static const enum att_sort sorts[] = {ATT_SORT_NEWEST, ATT_SORT_OLDEST, ATT_SORT_TITLE};
	for (size_t s = 0; s < ATT_ARRAY_LEN(sorts); s++) {
		struct att_filter *f = NULL;
		struct att_list *l;
		struct att_rows rows = {0}, next = {0};
		assert_int_equal(att_filter_compile(h, "", &f, &err), 0);
		assert_int_equal(att_list_open(h, f, sorts[s], &l, &err), 0);
		assert_int_equal(att_list_page(l, NULL, 1, 3, &rows, &err), 0);
		assert_int_equal(rows.n, 3);
		assert_int_equal(att_list_page(l, &rows.v[2], 1, 10, &next, &err), 0);
		assert_int_equal(next.n, 3); /* the rest, no row twice */
		for (size_t i = 0; i < 3; i++)
			for (size_t j = 0; j < 3; j++)
				assert_true(rows.v[i].id != next.v[j].id);
		att_rows_free(&rows);
		att_rows_free(&next);
		att_list_close(l);
		att_filter_free(f);
	}

	struct att_matrix *m;
	assert_int_equal(att_matrix_get(h, NULL, 10, &m, &err), 0);
	for (size_t i = 0; i < m->n; i++)
		for (size_t j = 0; j < m->n; j++)
			assert_int_equal(ATT_CELL(m, sentences, i, j), ATT_CELL(m, sentences, j, i));
	att_matrix_free(m);
	struct att_filter *f = NULL;
	assert_int_equal(att_filter_compile(h, "id:1..6", &f, &err), 0);
	assert_int_equal(att_matrix_get(h, f, 10, &m, &err), 0);
	att_matrix_free(m);
	att_filter_free(f);

	struct att_evidences ev = {0};
	assert_int_equal(att_evidence_page(h, NULL, "RU", "TR", NULL, 10, &ev, &err), 0);
	assert_int_equal(ev.n, 3);
	assert_int_equal(ev.v[2].n, 9);
	assert_int_equal(ev.v[2].text_len, 0); /* the sentence lies past the end */
	att_evidences_free(&ev);
	att_index_close(h);
	free(path);
}

static int
cancel_now(void *arg)
{
	/* As a key press would: the flag and sqlite3_interrupt(). */
	att_index_interrupt(arg);
	return 0;
}

/* A query stopped by the progress handler says so distinctly. */
static void
test_cancel(void **state)
{
	(void)state;
	struct att_matrix *m;
	struct att_article *a;
	struct att_err err;
	struct att_filter *f = compile("russia");

	/* A list in the middle of its pages while another query is cancelled. */
	struct att_filter *all = compile("");
	struct att_list *l;
	struct att_rows rows = {0}, more = {0};
	assert_int_equal(att_list_open(idx, all, ATT_SORT_NEWEST, &l, &err), 0);
	assert_int_equal(att_list_page(l, NULL, 1, 2, &rows, &err), 0);

	sqlite3_progress_handler(idx->db, 1, cancel_now, idx);
	assert_int_equal(att_matrix_get(idx, f, 10, &m, &err), ATT_CANCELLED);
	assert_null(m);
	assert_non_null(strstr(err.msg, "cancelled"));
	assert_int_equal(att_article_get(idx, 1, &a, &err), ATT_CANCELLED);
	sqlite3_progress_handler(idx->db, 0, NULL, NULL);
	/* The next queries run, and the list goes on where it was. */
	assert_int_equal(att_article_get(idx, 1, &a, &err), 0);
	att_article_free(a);
	assert_int_equal(att_matrix_get(idx, f, 10, &m, &err), 0);
	att_matrix_free(m);
	assert_int_equal(att_list_page(l, &rows.v[1], 1, 2, &more, &err), 0);
	assert_int_equal(more.n, 2);
	assert_int_equal(more.v[0].id, 3);
	assert_int_equal(more.v[1].id, 2);
	att_rows_free(&rows);
	att_rows_free(&more);
	att_list_close(l);
	att_filter_free(all);
	att_filter_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_newest_paging),
		cmocka_unit_test(test_list_sorts),
		cmocka_unit_test(test_list_filters),
		cmocka_unit_test(test_article),
		cmocka_unit_test(test_matrix_whole),
		cmocka_unit_test(test_matrix_filtered),
		cmocka_unit_test(test_matrix_extras),
		cmocka_unit_test(test_title_index),
		cmocka_unit_test(test_evidence),
		cmocka_unit_test(test_entity_card),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_complete),
		cmocka_unit_test(test_hostile_rows),
		cmocka_unit_test(test_cancel),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
