/* query_bench.c: times the model queries on an index (a benchmark, not a
 * test: it prints milliseconds and asserts nothing).
 * Usage: query_bench INDEX [FILTER]...
 *        query_bench --typing INDEX TEXT...: what the live filter does per
 *        key typed (compile, open the list, its first 50 rows), for each
 *        prefix of each TEXT, with the median and the worst. */
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

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Types each TEXT one character at a time, as the live filter runs it. */
static void
typing(struct att_index *idx, char **texts, int n)
{
	double *cpu = NULL, *wall = NULL;
	size_t nk = 0;

	for (int t = 0; t < n; t++) {
		size_t len = strlen(texts[t]);
		cpu = realloc(cpu, (nk + len) * sizeof *cpu);
		wall = realloc(wall, (nk + len) * sizeof *wall);
		for (size_t k = 1; k <= len; k++) {
			char *prefix = strndup(texts[t], k);
			struct att_filter *f;
			struct att_list *l;
			struct att_rows rows = {0};
			struct att_err err;
			double t0 = now_ms();
			if (att_filter_compile(idx, prefix, &f, &err) == 0) {
				if (att_list_open(idx, f, ATT_SORT_NEWEST, &l, &err) == 0) {
					att_list_page(l, NULL, 1, 50, &rows, &err);
					att_rows_free(&rows);
					att_list_close(l);
				}
				att_filter_free(f);
			}
			wall[nk] = clock_ms(CLOCK_MONOTONIC) - t0;
			cpu[nk] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
			printf("key %-40s %9.1f ms wall %9.1f ms cpu\n", prefix, wall[nk], cpu[nk]);
			nk++;
			free(prefix);
		}
	}
	if (nk) {
		qsort(cpu, nk, sizeof *cpu, cmp_double);
		qsort(wall, nk, sizeof *wall, cmp_double);
		size_t p99 = (nk * 99 + 99) / 100 - 1;
		printf("keys %zu: median %.1f ms wall %.1f ms cpu; p99 %.1f ms wall %.1f ms cpu; "
		       "worst %.1f ms wall %.1f ms cpu\n",
		       nk, wall[nk / 2], cpu[nk / 2], wall[p99], cpu[p99], wall[nk - 1], cpu[nk - 1]);
	}
	free(cpu);
	free(wall);
}

int
main(int argc, char **argv)
{
	struct att_index *idx;
	struct att_err err;

	int type = argc > 1 && strcmp(argv[1], "--typing") == 0;
	if (type) {
		argv++;
		argc--;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: query_bench [--typing] INDEX [FILTER]...\n");
		return 64;
	}
	if (att_index_open(argv[1], &idx, &err) != 0) {
		fprintf(stderr, "%s\n", err.msg);
		return err.code;
	}
	if (type) {
		typing(idx, argv + 2, argc - 2);
		att_index_close(idx);
		return 0;
	}
	if (argc == 2)
		bench(idx, "");
	for (int k = 2; k < argc; k++)
		bench(idx, argv[k]);
	att_index_close(idx);
	return 0;
}
