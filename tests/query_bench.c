/* query_bench.c: times the model queries on an index (a benchmark, not a
 * test: it prints milliseconds and asserts nothing).
 * Usage: query_bench INDEX [FILTER]... */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/query.h"

static double cpu0;

static double
clock_ms(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Wall-clock milliseconds; also notes the CPU time at the start. */
static double
now_ms(void)
{
	cpu0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
	return clock_ms(CLOCK_MONOTONIC);
}

static void
report(const char *what, const char *filter, double t0, int code, const struct att_err *err)
{
	double wall = clock_ms(CLOCK_MONOTONIC) - t0, cpu = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
	printf("%-28s %-24s %9.1f ms wall %9.1f ms cpu%s%s\n", what, filter, wall, cpu,
	       code ? "  ERROR: " : "", code ? err->msg : "");
}

static void
bench(struct att_index *idx, const char *text)
{
	struct att_filter *f;
	struct att_list *l;
	struct att_rows rows = {0}, prev = {0};
	struct att_err err;
	double t0;
	int code;

	t0 = now_ms();
	code = att_filter_compile(idx, text, &f, &err);
	report("compile", text, t0, code, &err);
	if (code)
		return;
	static const enum att_sort sorts[] = {ATT_SORT_NEWEST, ATT_SORT_TITLE, ATT_SORT_RELEVANCE};
	static const char *const names[] = {"newest", "title", "relevance"};
	for (size_t s = 0; s < 3; s++) {
		char what[64];
		if (sorts[s] == ATT_SORT_RELEVANCE && !att_filter_has_text(f))
			continue;
		t0 = now_ms();
		code = att_list_open(idx, f, sorts[s], &l, &err);
		if (code == 0)
			code = att_list_page(l, NULL, 1, 50, &rows, &err);
		snprintf(what, sizeof what, "list %s: first 50", names[s]);
		report(what, text, t0, code, &err);
		if (code)
			continue;
		t0 = now_ms();
		for (int p = 0; p < 20 && code == 0 && rows.n == 50; p++) {
			att_rows_free(&prev);
			prev = rows;
			rows = (struct att_rows){0};
			code = att_list_page(l, &prev.v[prev.n - 1], 1, 50, &rows, &err);
		}
		snprintf(what, sizeof what, "list %s: 20 more pages", names[s]);
		report(what, text, t0, code, &err);
		if (s == 0) {
			int64_t count;
			int capped;
			t0 = now_ms();
			code = att_list_count(l, 10000, &count, &capped, &err);
			snprintf(what, sizeof what, "count cap 10000 = %lld%s", (long long)count,
				 capped ? "+" : "");
			report(what, text, t0, code, &err);
			t0 = now_ms();
			code = att_list_count(l, 0, &count, &capped, &err);
			snprintf(what, sizeof what, "count all = %lld", (long long)count);
			report(what, text, t0, code, &err);
		}
		att_rows_free(&rows);
		att_rows_free(&prev);
		att_list_close(l);
	}
	struct att_matrix *m;
	t0 = now_ms();
	code = att_matrix_get(idx, f, 20, &m, &err);
	report("matrix top 20", text, t0, code, &err);
	if (code == 0 && m->n >= 2) {
		struct att_evidences ev = {0};
		t0 = now_ms();
		code = att_evidence_page(idx, f, m->codes[0], m->codes[1], NULL, 50, &ev, &err);
		report("evidence top pair: 50", text, t0, code, &err);
		att_evidences_free(&ev);
	}
	att_matrix_free(m);
	att_filter_free(f);
}

int
main(int argc, char **argv)
{
	struct att_index *idx;
	struct att_err err;

	if (argc < 2) {
		fprintf(stderr, "usage: query_bench INDEX [FILTER]...\n");
		return 64;
	}
	if (att_index_open(argv[1], &idx, &err) != 0) {
		fprintf(stderr, "%s\n", err.msg);
		return err.code;
	}
	if (argc == 2)
		bench(idx, "");
	for (int k = 2; k < argc; k++)
		bench(idx, argv[k]);
	att_index_close(idx);
	return 0;
}
