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
	s = page_ids(l, NULL, 1, 4, &rows);
	assert_string_equal(s, "6 5 4 3");
	free(s);
	assert_string_equal(rows.v[0].title, "Shoigu in visita");
	assert_string_equal(rows.v[0].date, "2023-07-15");
	assert_string_equal(rows.v[1].date, ""); /* undated */
	assert_string_equal(rows.v[2].countries, "BY RU");
	/* Forwards from the last row, then backwards from the first of that. */
	s = page_ids(l, &rows.v[3], 1, 4, &more);
	assert_string_equal(s, "2 1");
	free(s);
	s = page_ids(l, &more.v[0], -1, 3, &rows);
	assert_string_equal(s, "5 4 3");
	free(s);
	/* The last page, from the end. */
	s = page_ids(l, NULL, -1, 2, &rows);
	assert_string_equal(s, "2 1");
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
	/* Relevance without words falls back to newest. */
	s = all_ids("", ATT_SORT_RELEVANCE);
	assert_string_equal(s, "6 5 4 3 2 1");
	free(s);
	/* "Turchia" twice in 3, "Russia" everywhere: 3 ranks first. */
	s = all_ids("turchia OR russia", ATT_SORT_RELEVANCE);
	assert_int_equal(strncmp(s, "3 ", 2), 0);
	assert_int_equal(strlen(s), strlen("3 1 2 4"));
	free(s);
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
		{"source:ASK*", "6 3 1"},
		{"lang:EN", "5 4"},
		{"date:2022", "3 2"},
		{"date:2022-03..2023-06", "4 3 2"},
		{"date:..2021", "1"},
		{"date:2023-01..", "6 4"},
		{"-date:2022", "6 5 4 1"},
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
		{"russia OR zebra", "6 4 3 2 1"},
		{"country:TR OR country:UA country:RU", "3 2"},
		{"(country:TR OR country:UA) -tone:conflict", "3"},
		{"NOT country:RU", "6 5"},
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
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
