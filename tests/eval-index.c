/* eval-index.c: scores an attache index against gold annotations.
 *
 *   eval-index [-v] [-m KIND=F1]... INDEX ENTITIES.tsv [TONE.tsv]
 *
 * ENTITIES.tsv: article, kind, canonical, code, req|opt, surfaces (|).
 * Per article and kind, a gold entity is found when the index has an
 * entity of that kind with a mention whose text equals one of its surfaces
 * (case-insensitively), or for countries an entity with its code. An index
 * entity that matches no gold entity of its article (req or opt) is a
 * false positive; opt entities count neither way. Prints precision, recall
 * and F1 per kind, every gold entity that maps to more than one index
 * entity, in one article or across several (a split), and every pair of
 * TONE.tsv whose relation in that article lacks a tone of the gold sign. Exits 1 when an
 * F1 is below its -m minimum, on a split, or on a wrong tone; -v lists
 * misses and false positives. A test tool: it reads the index with SQL. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unicase.h>
#include <uninorm.h>

#include "model/text.h"
#include "model/util.h"

static const char *const kinds[] = {"country", "person", "org", "place"};
#define NKINDS 4

struct gold {
	char *article, *canonical, *code;
	int kind, req;
	char **surf; /* folded */
	size_t nsurf;
	long found_id; /* an index entity that matched, or -1 */
};

struct ient {
	long id;
	int kind;
	char *country;
	char **text; /* folded mention texts */
	size_t ntext;
};

static int verbose;

static int
kind_of(const char *s)
{
	for (int i = 0; i < NKINDS; i++)
		if (strcmp(s, kinds[i]) == 0)
			return i;
	return -1;
}

/* S case-folded (NFC), NUL-terminated: surfaces compare case-insensitively,
 * as the corpus README's scoring rules say (accents count). */
static char *
fold(const char *s, size_t n)
{
	size_t len = 0;
	uint8_t *f = u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFC, NULL, &len);
	if (f == NULL)
		return att_fold(s, n, NULL); /* invalid UTF-8: the index's own folding */
	char *out = xmalloc(len + 1);
	memcpy(out, f, len);
	out[len] = '\0';
	free(f);
	return out;
}

/* Reads the gold entities; returns the count or -1. */
static long
read_gold(const char *path, struct gold **out)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, n = 0;
	unsigned long lineno = 0;
	struct gold *g = NULL;

	if (fp == NULL) {
		fprintf(stderr, "eval-index: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while (getline(&line, &cap, fp) >= 0) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char *f[6];
		size_t nf = 0;
		char *s = line;
		f[nf++] = s;
		while (nf < 6 && (s = strchr(s, '\t')) != NULL) {
			*s++ = '\0';
			f[nf++] = s;
		}
		if (nf != 6 || kind_of(f[1]) < 0) {
			fprintf(stderr, "eval-index: %s:%lu: expected 6 fields with a known kind\n", path, lineno);
			exit(EX_DATAERR);
		}
		g = xreallocarray(g, n + 1, sizeof *g);
		struct gold *x = &g[n++];
		memset(x, 0, sizeof *x);
		x->article = xstrdup(f[0]);
		x->kind = kind_of(f[1]);
		x->canonical = xstrdup(f[2]);
		x->code = xstrdup(f[3]);
		x->req = strcmp(f[4], "req") == 0;
		x->found_id = -1;
		for (char *p = f[5], *bar;; p = bar + 1) {
			bar = strchr(p, '|');
			size_t l = bar ? (size_t)(bar - p) : strlen(p);
			x->surf = xreallocarray(x->surf, x->nsurf + 1, sizeof *x->surf);
			x->surf[x->nsurf++] = fold(p, l);
			if (!bar)
				break;
		}
	}
	free(line);
	fclose(fp);
	*out = g;
	return (long)n;
}

static const char *
base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* The article id whose path ends in NAME, or -1. */
static long
article_id(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st;
	long id = -1;
	sqlite3_prepare_v2(db, "SELECT id, path FROM article", -1, &st, NULL);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 1);
		if (p && strcmp(base(p), name) == 0) {
			id = sqlite3_column_int64(st, 0);
			break;
		}
	}
	sqlite3_finalize(st);
	return id;
}

/* The entities of article ID with their mention texts. */
static size_t
article_entities(sqlite3 *db, long id, struct ient **out)
{
	sqlite3_stmt *st;
	struct ient *e = NULL;
	size_t n = 0;

	sqlite3_prepare_v2(db,
			   "SELECT e.id, e.kind, e.country, m.field, m.pos, m.len, a.title, a.body "
			   "FROM mention m JOIN entity e ON e.id = m.entity_id JOIN article a ON a.id = m.article_id "
			   "WHERE m.article_id = ? ORDER BY e.id",
			   -1, &st, NULL);
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		long eid = sqlite3_column_int64(st, 0);
		if (n == 0 || e[n - 1].id != eid) {
			e = xreallocarray(e, n + 1, sizeof *e);
			memset(&e[n], 0, sizeof e[n]);
			e[n].id = eid;
			e[n].kind = kind_of((const char *)sqlite3_column_text(st, 1));
			const char *c = (const char *)sqlite3_column_text(st, 2);
			e[n].country = xstrdup(c ? c : "");
			n++;
		}
		int body = strcmp((const char *)sqlite3_column_text(st, 3), "body") == 0;
		int col = body ? 7 : 6;
		const char *text = (const char *)sqlite3_column_text(st, col);
		size_t tlen = (size_t)sqlite3_column_bytes(st, col);
		size_t pos = (size_t)sqlite3_column_int64(st, 4), len = (size_t)sqlite3_column_int64(st, 5);
		if (text == NULL || pos > tlen || len > tlen - pos)
			continue;
		struct ient *x = &e[n - 1];
		x->text = xreallocarray(x->text, x->ntext + 1, sizeof *x->text);
		x->text[x->ntext++] = fold(text + pos, len);
	}
	sqlite3_finalize(st);
	*out = e;
	return n;
}

static int
matches(const struct gold *g, const struct ient *e)
{
	if (g->kind != e->kind)
		return 0;
	if (g->kind == 0 && g->code[0] && strcmp(g->code, e->country) == 0)
		return 1;
	for (size_t i = 0; i < e->ntext; i++)
		for (size_t j = 0; j < g->nsurf; j++)
			if (strcmp(e->text[i], g->surf[j]) == 0)
				return 1;
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: eval-index [-v] [-m KIND=F1]... INDEX ENTITIES.tsv [TONE.tsv]\n");
	exit(EX_USAGE);
}

/* Checks the tone pairs; returns the number wrong. */
static int
check_tone(sqlite3 *db, const char *path)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	int wrong = 0, total = 0;

	if (fp == NULL) {
		fprintf(stderr, "eval-index: %s: %s\n", path, strerror(errno));
		exit(EX_NOINPUT);
	}
	while (getline(&line, &cap, fp) >= 0) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char art[256], a[8], b[8], sign[4];
		if (sscanf(line, "%255[^\t]\t%7[^\t]\t%7[^\t]\t%3s", art, a, b, sign) != 4)
			continue;
		if (strcmp(a, b) > 0) {
			char t[8];
			memcpy(t, a, 8);
			memcpy(a, b, 8);
			memcpy(b, t, 8);
		}
		total++;
		long id = article_id(db, art);
		sqlite3_stmt *st;
		sqlite3_prepare_v2(db, "SELECT tone FROM relation WHERE article_id = ? AND a = ? AND b = ?", -1,
				   &st, NULL);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, a, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, b, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			double t = sqlite3_column_double(st, 0);
			int ok = sign[0] == '+' ? t > 0 : t < 0;
			if (!ok) {
				wrong++;
				printf("tone wrong: %s %s-%s wanted %s, got %+.3f\n", art, a, b, sign, t);
			} else if (verbose) {
				printf("tone ok: %s %s-%s %s %+.3f\n", art, a, b, sign, t);
			}
		} else {
			wrong++;
			printf("tone missing: %s %s-%s (no relation)\n", art, a, b);
		}
		sqlite3_finalize(st);
	}
	printf("tone: %d/%d pairs with the gold sign\n", total - wrong, total);
	free(line);
	fclose(fp);
	return wrong;
}

int
main(int argc, char **argv)
{
	double minf1[NKINDS] = {0};
	int opt;

	while ((opt = getopt(argc, argv, "vm:")) != -1) {
		switch (opt) {
		case 'v': verbose = 1; break;
		case 'm': {
			char *eq = strchr(optarg, '=');
			if (eq == NULL)
				usage();
			*eq = '\0';
			int k = kind_of(optarg);
			if (k < 0)
				usage();
			minf1[k] = strtod(eq + 1, NULL);
			break;
		}
		default: usage();
		}
	}
	if (argc - optind < 2 || argc - optind > 3)
		usage();
	sqlite3 *db;
	if (sqlite3_open_v2(argv[optind], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "eval-index: %s: %s\n", argv[optind], sqlite3_errmsg(db));
		sqlite3_close(db);
		return EX_NOINPUT;
	}
	struct gold *g;
	long ng = read_gold(argv[optind + 1], &g);
	if (ng < 0) {
		sqlite3_close(db);
		return EX_NOINPUT;
	}

	long tp[NKINDS] = {0}, fp[NKINDS] = {0}, req[NKINDS] = {0}, found[NKINDS] = {0};
	int failed = 0, splits = 0;
	for (long i = 0; i < ng; i++) {
		if (i > 0 && strcmp(g[i].article, g[i - 1].article) == 0)
			continue;
		/* One article: gold entities [i, j). */
		long j = i;
		while (j < ng && strcmp(g[j].article, g[i].article) == 0)
			j++;
		long id = article_id(db, g[i].article);
		if (id < 0) {
			printf("article missing from the index: %s\n", g[i].article);
			failed = 1;
		}
		struct ient *e = NULL;
		size_t ne = id < 0 ? 0 : article_entities(db, id, &e);
		for (long k = i; k < j; k++) {
			if (g[k].req)
				req[g[k].kind]++;
			for (size_t m = 0; m < ne; m++) {
				if (!matches(&g[k], &e[m]))
					continue;
				if (g[k].found_id < 0) {
					g[k].found_id = e[m].id;
				} else {
					/* One referent, two entities in one article. */
					printf("split: %s %s is entities %ld and %ld in %s\n", kinds[g[k].kind],
					       g[k].canonical, g[k].found_id, e[m].id, g[k].article);
					splits++;
				}
			}
			if (g[k].req && g[k].found_id >= 0)
				found[g[k].kind]++;
			else if (g[k].req && verbose)
				printf("missed: %s %s %s\n", g[k].article, kinds[g[k].kind], g[k].canonical);
		}
		for (size_t m = 0; m < ne; m++) {
			int any = 0, anyreq = 0;
			for (long k = i; k < j; k++)
				if (matches(&g[k], &e[m])) {
					any = 1;
					anyreq |= g[k].req;
				}
			if (e[m].kind < 0)
				continue;
			if (!any) {
				fp[e[m].kind]++;
				if (verbose)
					printf("false positive: %s %s id %ld \"%s\"\n", g[i].article, kinds[e[m].kind],
					       e[m].id, e[m].ntext ? e[m].text[0] : "");
			} else if (anyreq) {
				tp[e[m].kind]++;
			}
		}
		for (size_t m = 0; m < ne; m++) {
			for (size_t t = 0; t < e[m].ntext; t++)
				free(e[m].text[t]);
			free(e[m].text);
			free(e[m].country);
		}
		free(e);
	}
	for (int k = 0; k < NKINDS; k++) {
		double p = tp[k] + fp[k] ? (double)tp[k] / (double)(tp[k] + fp[k]) : 1.0;
		double r = req[k] ? (double)found[k] / (double)req[k] : 1.0;
		double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
		int below = f1 < minf1[k];
		printf("%-8s precision %.3f recall %.3f F1 %.3f  (%ld of %ld found, %ld false positive%s)%s\n",
		       kinds[k], p, r, f1, found[k], req[k], fp[k], fp[k] == 1 ? "" : "s",
		       below ? "  BELOW the minimum" : "");
		failed |= below;
	}
	/* Splits: a gold referent in several articles must be one entity. */
	for (long i = 0; i < ng; i++) {
		if (g[i].found_id < 0)
			continue;
		int first = 1;
		for (long k = 0; k < i; k++)
			if (g[k].kind == g[i].kind && strcmp(g[k].canonical, g[i].canonical) == 0 &&
			    g[k].found_id >= 0)
				first = 0;
		if (!first)
			continue;
		for (long k = i + 1; k < ng; k++)
			if (g[k].kind == g[i].kind && strcmp(g[k].canonical, g[i].canonical) == 0 &&
			    g[k].found_id >= 0 && g[k].found_id != g[i].found_id) {
				printf("split: %s %s is entity %ld in %s and %ld in %s\n", kinds[g[i].kind],
				       g[i].canonical, g[i].found_id, g[i].article, g[k].found_id, g[k].article);
				splits++;
			}
	}
	printf("splits: %d\n", splits);
	failed |= splits > 0;
	if (argc - optind == 3)
		failed |= check_tone(db, argv[optind + 2]) > 0;
	sqlite3_close(db);
	for (long i = 0; i < ng; i++) {
		for (size_t s = 0; s < g[i].nsurf; s++)
			free(g[i].surf[s]);
		free(g[i].surf);
		free(g[i].article);
		free(g[i].canonical);
		free(g[i].code);
	}
	free(g);
	return failed ? 1 : 0;
}
