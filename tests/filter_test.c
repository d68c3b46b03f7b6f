/* filter_test.c: the filter parser and compiler: every construct, every
 * error with its position, hostile input, and SQL that never holds the
 * user's text. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "model/filter.h"
#include "model/query.h"
#include "model/query_int.h"
#include "tests/query_fixture.h"

static struct att_index *idx;

static int
setup(void **state)
{
	(void)state;
	char *path = fixture_path("filter.idx");
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

/* Compiles TEXT and runs it as a list, which must succeed; returns the
 * number of articles. */
static long
run(const char *text)
{
	struct att_filter *f;
	struct att_list *l;
	struct att_err err;
	int64_t count;
	int capped;

	if (att_filter_compile(idx, text, &f, &err) != 0)
		fail_msg("'%s' refused: %s", text, err.msg);
	assert_int_equal(att_list_open(idx, f, ATT_SORT_RELEVANCE, &l, &err), 0);
	assert_int_equal(att_list_count(l, 0, &count, &capped, &err), 0);
	struct att_rows rows = {0};
	assert_int_equal(att_list_page(l, NULL, 1, 10, &rows, &err), 0);
	assert_int_equal((int64_t)rows.n, count);
	att_rows_free(&rows);
	att_list_close(l);
	att_filter_free(f);
	return (long)count;
}

static void
test_errors(void **state)
{
	(void)state;
	static const struct {
		const char *text, *msg;
	} cases[] = {
		{"country:RU (russia", "unbalanced parenthesis at 12"},
		{"russia)", "unbalanced parenthesis at 7"},
		{"(a (b)", "unbalanced parenthesis at 1"},
		{"città (x", "unbalanced parenthesis at 7"},
		{"cuntry:RU", "unknown field 'cuntry' at 1"},
		{"a col:x", "unknown field 'col' at 3"},
		{"russia \"abc", "unterminated quote at 8"},
		{"person:\"Sergei", "unterminated quote at 8"},
		{"date:..", "empty date range at 6"},
		{"date:2023..2022", "empty date range at 6"},
		{"date:2022-3", "bad date '2022-3' at 6"},
		{"date:yesterday", "bad date 'yesterday' at 6"},
		{"*", "a lone '*' needs letters before it at 1"},
		{"a ***", "a lone '*' needs letters before it at 3"},
		{"russia OR", "missing term after OR at 8"},
		{"OR russia", "missing term before operator at 1"},
		{"AND", "missing term before operator at 1"},
		{"a AND", "missing term after AND at 6"},
		{"()", "empty parentheses at 1"},
		{"a - b", "nothing to negate after '-' at 3"},
		{"country:", "missing value after 'country:' at 1"},
		{"NEAR(", "unbalanced parenthesis at 5"},
		{"tone:angry", "unknown tone 'angry' at 6"},
		{"id:abc", "bad article id 'abc' at 4"},
		{"id:..", "bad article id '..' at 4"},
		{"pair:RU", "bad pair 'RU' at 6"},
	};
	for (size_t k = 0; k < ATT_ARRAY_LEN(cases); k++) {
		struct att_filter *f = NULL;
		struct att_err err;
		int code = att_filter_compile(idx, cases[k].text, &f, &err);
		if (code != EX_DATAERR)
			fail_msg("'%s' was accepted", cases[k].text);
		assert_null(f);
		if (strncmp(err.msg, cases[k].msg, strlen(cases[k].msg)) != 0)
			fail_msg("'%s': got '%s', wanted '%s'", cases[k].text, err.msg, cases[k].msg);
		assert_null(strchr(err.msg, '\n'));
	}
}

static void
test_limits(void **state)
{
	(void)state;
	struct att_filter *f = NULL;
	struct att_err err;
	struct buf b = BUF_INIT;

	/* 64 terms pass, 65 do not. */
	for (int k = 0; k < 64; k++)
		buf_printf(&b, "w%d ", k);
	assert_int_equal(att_filter_compile(idx, b.data, &f, &err), 0);
	att_filter_free(f);
	buf_adds(&b, "one-more");
	assert_int_equal(att_filter_compile(idx, b.data, &f, &err), EX_DATAERR);
	assert_non_null(strstr(err.msg, "too many terms"));
	buf_clear(&b);

	/* 32 levels pass, 33 do not. */
	for (int k = 0; k < 32; k++)
		buf_addc(&b, '(');
	buf_adds(&b, "russia");
	for (int k = 0; k < 32; k++)
		buf_addc(&b, ')');
	assert_int_equal(att_filter_compile(idx, b.data, &f, &err), 0);
	att_filter_free(f);
	buf_clear(&b);
	for (int k = 0; k < 40; k++)
		buf_adds(&b, "-(");
	assert_int_equal(att_filter_compile(idx, b.data, &f, &err), EX_DATAERR);
	assert_non_null(strstr(err.msg, "nested too deeply"));
	buf_clear(&b);

	/* 10,000 characters. */
	for (int k = 0; k < 10000; k++)
		buf_addc(&b, k % 7 == 6 ? ' ' : 'a');
	assert_int_equal(att_filter_compile(idx, b.data, &f, &err), EX_DATAERR);
	assert_non_null(strstr(err.msg, "too long"));
	buf_clear(&b);
	for (int k = 0; k < 10000; k++)
		buf_addc(&b, '(');
	assert_int_equal(att_filter_compile(idx, b.data, &f, &err), EX_DATAERR);
	buf_clear(&b);

	/* Invalid UTF-8. */
	assert_int_equal(att_filter_compile(idx, "citt\xe0", &f, &err), EX_DATAERR);
	assert_non_null(strstr(err.msg, "UTF-8"));
	buf_free(&b);
}

static void
test_constructs(void **state)
{
	(void)state;
	assert_int_equal(run(""), 6);
	assert_int_equal(run("   "), 6);
	assert_int_equal(run("russia"), 4);
	assert_int_equal(run("RUSSIA"), 4);
	assert_int_equal(run("russ*"), 4);
	assert_int_equal(run("*russia"), 4); /* a leading star is punctuation */
	assert_int_equal(run("\"firmano un accordo\""), 1);
	assert_int_equal(run("\"firmano accordo\""), 0);
	assert_int_equal(run("COUNTRY:by"), 2);
	assert_int_equal(run("Country:\"Bielorussia\""), 2);
	assert_int_equal(run("russia OR turchia country:TR"), 4);
	assert_int_equal(run("zebra OR turchia country:TR"), 2);
	assert_int_equal(run("(russia OR zebra) -country:RU"), 1);
	assert_int_equal(run("russia AND NOT country:BY"), 2);
	assert_int_equal(run("-(country:RU OR country:BY)"), 2);
	assert_int_equal(run("-date:2022"), 4); /* undated articles included */
	assert_int_equal(run("date:2022-12-20"), 1);
	assert_int_equal(run("date:2021..2021"), 1);
	assert_int_equal(run("tone:-"), 1);
	assert_int_equal(run("tone:+"), 3);
	assert_int_equal(run("tone:neutral"), 0);
	assert_int_equal(run("-tone:conflict"), 5);
	assert_int_equal(run("lang:it source:askanews"), 2);
	assert_int_equal(run("source:*"), 6);
	assert_int_equal(run("id:0"), 0);
	assert_int_equal(run("id:5.."), 2);
	assert_int_equal(run("id:..2"), 2);
	assert_int_equal(run("entity:putin"), 1);
	assert_int_equal(run("person:Minsk"), 0);
	assert_int_equal(run("pair:Russia-Bielorussia"), 2);
	assert_int_equal(run("pair:RU-RU"), 0);
	assert_int_equal(run("and near"), 1); /* lower case: words */
	assert_int_equal(run("and or"), 0);
}

static void
test_notes(void **state)
{
	(void)state;
	struct att_filter *f;
	struct att_err err;

	assert_int_equal(att_filter_compile(idx, "country:Atlantide OR person:Nemo", &f, &err), 0);
	assert_non_null(att_filter_notes(f));
	assert_non_null(strstr(att_filter_notes(f), "no country named 'Atlantide'"));
	assert_non_null(strstr(att_filter_notes(f), "no entity named 'Nemo'"));
	assert_false(att_filter_is_empty(f));
	assert_false(att_filter_has_text(f));
	att_filter_free(f);

	assert_int_equal(att_filter_compile(idx, "country:RU", &f, &err), 0);
	assert_null(att_filter_notes(f));
	assert_string_equal(att_filter_text(f), "country:RU");
	att_filter_free(f);

	assert_int_equal(att_filter_compile(idx, NULL, &f, &err), 0);
	assert_true(att_filter_is_empty(f));
	att_filter_free(f);

	/* Without an index, entity terms match nothing. */
	assert_int_equal(att_filter_compile(NULL, "country:RU russia", &f, &err), 0);
	assert_true(att_filter_has_text(f));
	assert_non_null(att_filter_rank_expr(f));
	att_filter_free(f);
}

/* User text never reaches the SQL; words reach FTS5 only quoted. */
static void
test_sql_has_no_user_text(void **state)
{
	(void)state;
	static const char *const hostile[] = {
		"xyzzy'; DROP TABLE article; --x",
		"source:evilsrc'OR'1'='1",
		"lang:qqlang'",
		"\"quoted\"\"inside\"",
		"near NEARx AND zorro",
		"100% _under_ percent%",
		"source:foo%bar* lang:_x",
		"date:2022..",
		"pair:RU-BY",
		"country:\"); DELETE FROM entity; --\"",
		"person:\"Sergei Shoigu\"",
		"-zorro* OR \"zorro zorro\"*",
	};
	static const char *const words[] = {"xyzzy", "DROP", "evilsrc", "qqlang", "quoted",
					    "zorro", "under", "percent", "foo", "DELETE",
					    "Sergei", "2022", "RU", "BY", "NEARx"};
	for (size_t k = 0; k < ATT_ARRAY_LEN(hostile); k++) {
		struct att_filter *f;
		struct att_err err;
		if (att_filter_compile(idx, hostile[k], &f, &err) != 0)
			fail_msg("'%s' refused: %s", hostile[k], err.msg);
		const char *sql = att_filter_sql(f);
		for (size_t w = 0; w < ATT_ARRAY_LEN(words); w++)
			if (strstr(sql, words[w]))
				fail_msg("'%s' put '%s' into the SQL: %s", hostile[k], words[w], sql);
		assert_null(strstr(sql, "LIKE"));
		assert_true(att_filter_nparams(f) < 900);
		att_filter_free(f);
		run(hostile[k]);
	}
	/* The FTS5 expression quotes every word and doubles quotes. */
	struct att_filter *f;
	struct att_err err;
	assert_int_equal(att_filter_compile(idx, "NEAR \"a\"\"b\" col:x", &f, &err), EX_DATAERR);
	assert_int_equal(att_filter_compile(idx, "NEAR \"a\"\"b\" pre*", &f, &err), 0);
	assert_string_equal(att_filter_rank_expr(f), "\"NEAR\" OR \"a\"\"b\" OR \"pre\"*");
	att_filter_free(f);
	/* Negated words do not rank. */
	assert_int_equal(att_filter_compile(idx, "russia -turchia", &f, &err), 0);
	assert_string_equal(att_filter_rank_expr(f), "\"russia\"");
	att_filter_free(f);
}

/* Filters with a required word, entity, pair or id range start from the
 * ids of one of them; the others from the article table. */
static void
test_driver(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int from_article;
	} cases[] = {
		{"", 1},
		{"country:BY", 0},
		{"country:BY date:2022..", 0},
		{"date:2022 russia", 0},
		{"pair:RU-BY -tone:conflict", 0},
		{"tone:cooperation", 1},
		{"source:askanews country:BY", 0},
		{"lang:it", 1},
		{"-country:BY", 1},
		{"country:BY OR russia", 1},
		{"russia OR turchia", 0},
		{"(country:BY OR russia) country:RU", 0},
	};
	for (size_t k = 0; k < ATT_ARRAY_LEN(cases); k++) {
		struct att_filter *f;
		struct att_err err;
		assert_int_equal(att_filter_compile(idx, cases[k].text, &f, &err), 0);
		int is_article = strcmp(att_filter_from(f), "article") == 0;
		/* The set of ids stands for its own term. */
		if (!is_article && strchr(cases[k].text, ' ') == NULL)
			assert_string_equal(att_filter_from_where(f), "1");
		if (is_article)
			assert_string_equal(att_filter_from_where(f), att_filter_sql(f));
		if (is_article != cases[k].from_article)
			fail_msg("'%s': from %s", cases[k].text, att_filter_from(f));
		att_filter_free(f);
		run(cases[k].text); /* the count (from the driver) agrees with the rows */
	}
}

/* The ids matching F by its plain condition over the article table, in
 * id order (descending when DESC), into V; returns how many. */
static size_t
reference_ids(const struct att_filter *f, int desc, int64_t *v, size_t max)
{
	sqlite3_stmt *st;
	size_t n = 0;
	char *sql = xasprintf("SELECT id FROM article WHERE %s ORDER BY id %s", att_filter_sql(f),
			      desc ? "DESC" : "ASC");
	assert_int_equal(sqlite3_prepare_v2(idx->db, sql, -1, &st, NULL), SQLITE_OK);
	free(sql);
	att_filter_bind(f, st);
	while (sqlite3_step(st) == SQLITE_ROW && n < max)
		v[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* Every plan (whichever term the ids come from, or none) lists the same
 * articles as the plain condition, page by page in every order, and
 * counts them alike. */
static void
test_plans_agree(void **state)
{
	(void)state;
	static const char *const filters[] = {
		"russia", "russia country:BY", "country:RU", "pair:RU-BY", "pair:RU-BY russia",
		"date:2022", "date:2022.. country:RU", "russia date:2021..2022", "id:2..5 country:RU",
		"country:RU -pair:RU-UA", "source:askanews country:RU", "russia OR turchia",
		"(russia OR turchia) country:RU", "tone:cooperation country:RU",
		"minsk russia date:2023", "country:RU lang:it date:..2022", "country:Atlantide russia",
		"date:2030 country:RU", "russia -minsk pair:RU-BY", "accordo russia id:1..3",
		"id:4 country:BY", "\"russia e\" OR kiev date:2022",
	};
	static const int plans[] = {Q_PLAN_AUTO, Q_PLAN_TEXT, Q_PLAN_ENTITY, Q_PLAN_PAIR,
				    Q_PLAN_RANGE, Q_PLAN_NONE};
	static const enum att_sort sorts[] = {ATT_SORT_NEWEST, ATT_SORT_OLDEST, ATT_SORT_TITLE,
					      ATT_SORT_RELEVANCE};
	for (size_t k = 0; k < ATT_ARRAY_LEN(filters); k++) {
		for (size_t p = 0; p < ATT_ARRAY_LEN(plans); p++) {
			struct att_filter *f;
			struct att_err err;
			int64_t want[16], got[16];
			q_plan_force(plans[p]);
			if (att_filter_compile(idx, filters[k], &f, &err) != 0)
				fail_msg("'%s' refused: %s", filters[k], err.msg);
			q_plan_force(Q_PLAN_AUTO);
			for (size_t s = 0; s < ATT_ARRAY_LEN(sorts); s++) {
				struct att_list *l;
				struct att_rows rows = {0}, prev = {0};
				int64_t count;
				int capped;
				size_t nwant = reference_ids(f, sorts[s] != ATT_SORT_OLDEST, want, 16);
				size_t ngot = 0;
				assert_int_equal(att_list_open(idx, f, sorts[s], &l, &err), 0);
				assert_int_equal(att_list_count(l, 0, &count, &capped, &err), 0);
				if ((size_t)count != nwant)
					fail_msg("'%s' plan %d: count %lld, want %zu", filters[k],
						 plans[p], (long long)count, nwant);
				/* Two rows a page: the keyset paging goes through every plan. */
				do {
					att_rows_free(&prev);
					prev = rows;
					rows = (struct att_rows){0};
					assert_int_equal(att_list_page(l, prev.n ? &prev.v[prev.n - 1] : NULL,
								       1, 2, &rows, &err), 0);
					for (size_t r = 0; r < rows.n && ngot < 16; r++)
						got[ngot++] = rows.v[r].id;
				} while (rows.n == 2);
				att_rows_free(&rows);
				att_rows_free(&prev);
				att_list_close(l);
				if (sorts[s] == ATT_SORT_TITLE || sorts[s] == ATT_SORT_RELEVANCE) {
					qsort(got, ngot, sizeof *got, cmp_id);
					qsort(want, nwant, sizeof *want, cmp_id);
				}
				if (ngot != nwant || (ngot && memcmp(got, want, ngot * sizeof *got)))
					fail_msg("'%s' plan %d sort %d: %zu rows, want %zu", filters[k],
						 plans[p], (int)sorts[s], ngot, nwant);
			}
			att_filter_free(f);
		}
	}
}

/* Relevance ranks only the newest matches of the words (a bounded cost on
 * a common word); the window is 10,000, here 2. */
static void
test_rank_window(void **state)
{
	(void)state;
	struct att_filter *f;
	struct att_list *l;
	struct att_rows rows = {0};
	struct att_err err;

	assert_int_equal(att_filter_compile(idx, "russia", &f, &err), 0);
	assert_true(att_filter_rank_match(f) > 0);
	q_rank_window(2);
	assert_int_equal(att_list_open(idx, f, ATT_SORT_RELEVANCE, &l, &err), 0);
	q_rank_window(0);
	assert_int_equal(att_list_page(l, NULL, 1, 10, &rows, &err), 0);
	/* "russia" is in articles 1 2 3 4: the newest two rank. */
	assert_int_equal(rows.n, 2);
	assert_true((rows.v[0].id == 4 && rows.v[1].id == 3) || (rows.v[0].id == 3 && rows.v[1].id == 4));
	att_rows_free(&rows);
	att_list_close(l);
	assert_int_equal(att_list_open(idx, f, ATT_SORT_RELEVANCE, &l, &err), 0);
	assert_int_equal(att_list_page(l, NULL, 1, 10, &rows, &err), 0);
	assert_int_equal(rows.n, 4);
	att_rows_free(&rows);
	att_list_close(l);
	att_filter_free(f);
	/* A word below an OR ranks too: not from the driver's MATCH alone. */
	assert_int_equal(att_filter_compile(idx, "russia (minsk OR country:UA)", &f, &err), 0);
	assert_int_equal(att_filter_rank_match(f), 0);
	att_filter_free(f);
}

/* An index whose ids are not in date order still gets dates right. */
static void
test_dates_out_of_order(void **state)
{
	(void)state;
	char *path = fixture_path("unordered.idx");
	struct att_index *u = fixture_open(path, "UPDATE article SET date = '2030-01-01' WHERE id = 1");
	struct att_filter *f;
	struct att_list *l;
	struct att_rows rows = {0};
	struct att_err err;

	assert_int_equal(att_filter_compile(u, "date:2030", &f, &err), 0);
	assert_int_equal(att_list_open(u, f, ATT_SORT_NEWEST, &l, &err), 0);
	assert_int_equal(att_list_page(l, NULL, 1, 10, &rows, &err), 0);
	assert_int_equal(rows.n, 1);
	assert_int_equal(rows.v[0].id, 1);
	att_rows_free(&rows);
	att_list_close(l);
	att_filter_free(f);
	assert_int_equal(att_filter_compile(u, "date:2022..2023", &f, &err), 0);
	assert_int_equal(att_list_open(u, f, ATT_SORT_NEWEST, &l, &err), 0);
	assert_int_equal(att_list_page(l, NULL, 1, 10, &rows, &err), 0);
	assert_int_equal(rows.n, 4); /* 5 4 3 2 */
	att_rows_free(&rows);
	att_list_close(l);
	att_filter_free(f);
	att_index_close(u);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_constructs),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_sql_has_no_user_text),
		cmocka_unit_test(test_driver),
		cmocka_unit_test(test_plans_agree),
		cmocka_unit_test(test_rank_window),
		cmocka_unit_test(test_dates_out_of_order),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
