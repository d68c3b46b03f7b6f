/* matrix.c: the country-relations matrix and the evidence behind a cell.
 * Without a filter both come from the aggregates (entity.articles, pair);
 * under a filter the matching ids are computed once per query and the
 * relation rows of those articles are summed. */
#include "config.h"

#include "model/query_int.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

/* The largest matrix one call builds. */
#define MAX_TOP 500

void
att_matrix_free(struct att_matrix *m)
{
	if (m == NULL)
		return;
	for (size_t k = 0; k < m->n; k++) {
		free(m->codes[k]);
		free(m->names[k]);
	}
	free(m->codes);
	free(m->names);
	free(m->articles);
	free(m->sentences);
	free(m->cooc);
	free(m->tone);
	free(m);
}

static long
code_index(const struct att_matrix *m, const char *code)
{
	for (size_t k = 0; code && k < m->n; k++)
		if (strcmp(m->codes[k], code) == 0)
			return (long)k;
	return -1;
}

/* Reads the countries: code, name, articles; the same code twice (a
 * hostile index) is kept once. */
static int
read_countries(struct att_index *idx, sqlite3_stmt *st, struct att_matrix *m, size_t top,
	       struct att_err *err)
{
	int rc;

	m->codes = xcalloc(top, sizeof *m->codes);
	m->names = xcalloc(top, sizeof *m->names);
	m->articles = xcalloc(top, sizeof *m->articles);
	while (m->n < top && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) != SQLITE_TEXT)
			continue;
		const char *code = (const char *)sqlite3_column_text(st, 0);
		if (code_index(m, code) >= 0)
			continue;
		m->codes[m->n] = q_text(st, 0, NULL);
		m->names[m->n] = q_text(st, 1, NULL);
		m->articles[m->n] = sqlite3_column_int64(st, 2);
		m->n++;
	}
	if (m->n == top)
		rc = SQLITE_DONE;
	return rc == SQLITE_DONE ? 0 : q_fail(idx, rc, err);
}

/* The matrix's codes sorted, for finding a pair row's countries in
 * O(log n) (a whole-corpus matrix reads every pair row). */
static const struct att_matrix *by_code_ctx;
static int
cmp_by_code(const void *a, const void *b)
{
	return strcmp(by_code_ctx->codes[*(const size_t *)a], by_code_ctx->codes[*(const size_t *)b]);
}

static long
find_sorted(const struct att_matrix *m, const size_t *sorted, const char *code)
{
	size_t lo = 0, hi = m->n;
	while (code && lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(m->codes[sorted[mid]], code);
		if (c == 0)
			return (long)sorted[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Adds the pair rows (a, b, articles, sentences, tone sum) of ST. */
static int
read_pairs(struct att_index *idx, sqlite3_stmt *st, struct att_matrix *m, struct att_err *err)
{
	size_t n = m->n, cells = n * n > 0 ? n * n : 1;
	double *weight = xcalloc(cells, sizeof *weight);
	size_t *sorted = xcalloc(n ? n : 1, sizeof *sorted);
	int rc;

	for (size_t k = 0; k < n; k++)
		sorted[k] = k;
	by_code_ctx = m;
	qsort(sorted, n, sizeof *sorted, cmp_by_code);
	m->sentences = xcalloc(cells, sizeof *m->sentences);
	m->cooc = xcalloc(cells, sizeof *m->cooc);
	m->tone = xcalloc(cells, sizeof *m->tone);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long i = find_sorted(m, sorted, (const char *)sqlite3_column_text(st, 0));
		long j = find_sorted(m, sorted, (const char *)sqlite3_column_text(st, 1));
		if (i < 0 || j < 0 || i == j)
			continue;
		int64_t arts = sqlite3_column_int64(st, 2), sents = sqlite3_column_int64(st, 3);
		double tsum = sqlite3_column_double(st, 4);
		if (arts < 0 || sents < 0)
			continue;
		for (int t = 0; t < 2; t++) {
			size_t c = t ? (size_t)j * n + (size_t)i : (size_t)i * n + (size_t)j;
			m->cooc[c] += arts;
			m->sentences[c] += sents;
			weight[c] += tsum;
		}
	}
	for (size_t c = 0; c < n * n; c++)
		m->tone[c] = m->sentences[c] > 0 ? weight[c] / (double)m->sentences[c] : 0.0;
	free(weight);
	free(sorted);
	return rc == SQLITE_DONE ? 0 : q_fail(idx, rc, err);
}

/* Prepares SQL with the filter's condition bound. */
static int
prepare_filtered(struct att_index *idx, const struct att_filter *f, const char *sql,
		 sqlite3_stmt **st, struct att_err *err)
{
	int code = q_prepare(idx, sql, st, err);
	if (code == 0)
		att_filter_bind(f, *st);
	return code;
}

/* The most distinct country codes a filtered matrix counts. */
#define MAX_CODES 600

/* Every country of the index, for counting under a filter. */
struct countries {
	size_t n;
	char **codes;        /* sorted, for bsearch */
	char **names;
	int64_t *articles;
	/* n*n, only [i][j] with i < j is filled: one cache line per pair row. */
	struct cell {
		int64_t cooc, sentences;
		double weight;
	} *cells;
	int64_t *eid;        /* entity id -> code index, sorted by entity id */
	int64_t *stamp, serial; /* the last article counted for each code */
	short *two;          /* two-byte code (c0 << 8 | c1) -> index, or -1 */
	locale_t numeric;    /* the C locale, for numbers SQLite wrote */
	size_t *eidx, neid;
	struct tone_memo *memo; /* parsed tones, by their text */
};

/* Tones packed in article_matrix repeat a few thousand distinct texts
 * (0.5, 0.33333333333333331...) across millions of rows, and strtod of 17
 * digits is slow: a direct-mapped memo of text -> value. Exact: the same
 * text always gives the same double. */
#define TONE_MEMO 1024
#define TONE_TEXT 24
struct tone_memo {
	unsigned char len; /* 0: empty slot */
	char text[TONE_TEXT];
	double value;
};

static void
countries_free(struct countries *c)
{
	for (size_t k = 0; k < c->n; k++) {
		free(c->codes[k]);
		free(c->names[k]);
	}
	free(c->codes);
	free(c->names);
	free(c->articles);
	free(c->stamp);
	free(c->two);
	if (c->numeric != (locale_t)0)
		freelocale(c->numeric);
	free(c->cells);
	free(c->eid);
	free(c->eidx);
	free(c->memo);
}

/* The tone written in the LEN bytes at S (up to a ';' or the end): 0 and
 * its value when all of it is a number, -1 otherwise. */
static int
parse_tone(struct countries *c, const char *s, size_t len, double *value)
{
	struct tone_memo *m = NULL;

	if (len == 0)
		return -1;
	if (len < TONE_TEXT) {
		uint64_t h = att_hash(s, len);
		if (c->memo == NULL)
			c->memo = xcalloc(TONE_MEMO, sizeof *c->memo);
		m = &c->memo[(h ^ (h >> 32)) % TONE_MEMO];
		if (m->len == len && memcmp(m->text, s, len) == 0) {
			*value = m->value;
			return 0;
		}
	}
	char *e;
	double v = strtod_l(s, &e, c->numeric);
	if (e != s + len)
		return -1;
	if (m) {
		m->len = (unsigned char)len;
		memcpy(m->text, s, len);
		m->value = v;
	}
	*value = v;
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The index of CODE, -1 when unknown: two-byte codes (all ISO ones) by
 * table, others by binary search. */
static long
find_code(const struct countries *c, const char *code)
{
	if (code == NULL)
		return -1;
	if (code[0] && code[1] && !code[2])
		return c->two[(unsigned char)code[0] << 8 | (unsigned char)code[1]];
	char *const *hit = bsearch(&code, c->codes, c->n, sizeof *c->codes, cmp_str);
	return hit ? (long)(hit - c->codes) : -1;
}

static long
find_entity(const struct countries *c, int64_t id)
{
	size_t lo = 0, hi = c->neid;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->eid[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->neid && c->eid[lo] == id ? (long)c->eidx[lo] : -1;
}

/* Reads the country entities: codes (sorted, distinct), names, and which
 * entity ids stand for which code. */
static int
load_countries(struct att_index *idx, struct countries *c, struct att_err *err)
{
	sqlite3_stmt *st;
	int rc, code;

	code = q_prepare(idx,
			 "SELECT country, name FROM entity WHERE kind = 'country' "
			 "AND typeof(country) = 'text' GROUP BY country ORDER BY country LIMIT ?1",
			 &st, err);
	if (code != 0)
		return code;
	sqlite3_bind_int(st, 1, MAX_CODES);
	c->codes = xcalloc(MAX_CODES, sizeof *c->codes);
	c->names = xcalloc(MAX_CODES, sizeof *c->names);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && c->n < MAX_CODES) {
		c->codes[c->n] = q_text(st, 0, NULL);
		c->names[c->n] = q_text(st, 1, NULL);
		c->n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return q_fail(idx, rc, err);
	/* GROUP BY sorted them with SQLite's BINARY collation: as strcmp. */
	size_t cells = c->n * c->n > 0 ? c->n * c->n : 1;
	c->articles = xcalloc(c->n ? c->n : 1, sizeof *c->articles);
	c->stamp = xcalloc(c->n ? c->n : 1, sizeof *c->stamp);
	c->two = xreallocarray(NULL, 65536, sizeof *c->two);
	for (size_t k = 0; k < 65536; k++)
		c->two[k] = -1;
	for (size_t k = 0; k < c->n; k++)
		if (c->codes[k][0] && c->codes[k][1] && !c->codes[k][2])
			c->two[(unsigned char)c->codes[k][0] << 8 | (unsigned char)c->codes[k][1]] =
				(short)k;
	c->cells = xcalloc(cells, sizeof *c->cells);

	code = q_prepare(idx,
			 "SELECT id, country FROM entity WHERE kind = 'country' "
			 "AND typeof(country) = 'text' ORDER BY id",
			 &st, err);
	if (code != 0)
		return code;
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long k = find_code(c, (const char *)sqlite3_column_text(st, 1));
		if (k < 0)
			continue;
		if (c->neid == cap) {
			cap = cap ? cap * 2 : 256;
			c->eid = xreallocarray(c->eid, cap, sizeof *c->eid);
			c->eidx = xreallocarray(c->eidx, cap, sizeof *c->eidx);
		}
		c->eid[c->neid] = sqlite3_column_int64(st, 0);
		c->eidx[c->neid++] = (size_t)k;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : q_fail(idx, rc, err);
}

/* Counts one article for each distinct known code in CODES ("BY RU UA",
 * article.countries; a hostile index may repeat a code). */
static void
count_codes(struct countries *c, const char *codes)
{
	c->serial++;
	while (codes && *codes) {
		const char *end = strchr(codes, ' ');
		size_t len = end ? (size_t)(end - codes) : strlen(codes);
		char code[8];
		if (len > 0 && len < sizeof code) {
			memcpy(code, codes, len);
			code[len] = '\0';
			long k = find_code(c, code);
			if (k >= 0 && c->stamp[k] != c->serial) {
				c->stamp[k] = c->serial;
				c->articles[k]++;
			}
		}
		codes = end ? end + 1 : codes + len;
	}
}

/* Adds one relation row (countries I and J, SENTS sentences of mean tone
 * TONE) to the cells. */
static void
add_pair(struct countries *c, long i, long j, int64_t sents, double tone)
{
	if (i < 0 || j < 0 || i == j || sents < 0 || !isfinite(tone))
		return;
	struct cell *x = &c->cells[i < j ? (size_t)i * c->n + (size_t)j : (size_t)j * c->n + (size_t)i];
	x->cooc++;
	x->sentences += sents;
	x->weight += tone * (double)sents;
}

/* find_code() for the LEN bytes at S. */
static long
find_code_n(const struct countries *c, const char *s, size_t len)
{
	char code[8];
	if (len == 2)
		return c->two[(unsigned char)s[0] << 8 | (unsigned char)s[1]];
	if (len == 0 || len >= sizeof code)
		return -1;
	memcpy(code, s, len);
	code[len] = '\0';
	return find_code(c, code);
}

/* Adds the relation rows packed in article_matrix.pairs: "A B sentences
 * tone" items separated by ';' (attache-index(5)), parsed in place;
 * malformed items are skipped. The tone is written by SQLite with a '.'
 * whatever the locale: it is read in the C locale (c->numeric). */
static void
add_pairs(struct countries *c, const char *p)
{
	while (p && *p) {
		const char *end = strchrnul(p, ';');
		const char *sa = memchr(p, ' ', (size_t)(end - p));
		const char *sb = sa ? memchr(sa + 1, ' ', (size_t)(end - sa - 1)) : NULL;
		const char *sn = sb ? memchr(sb + 1, ' ', (size_t)(end - sb - 1)) : NULL;
		if (sn && sn > sb + 1 && sn - sb <= 19) {
			int64_t sents = 0;
			const char *q;
			for (q = sb + 1; q < sn && *q >= '0' && *q <= '9'; q++)
				sents = sents * 10 + (*q - '0');
			double tone;
			if (q == sn && parse_tone(c, sn + 1, (size_t)(end - sn - 1), &tone) == 0)
				add_pair(c, find_code_n(c, p, (size_t)(sa - p)),
					 find_code_n(c, sa + 1, (size_t)(sb - sa - 1)), sents, tone);
		}
		p = *end ? end + 1 : end;
	}
}

/* Order of countries in the matrix: most articles first, then code. */
static const struct countries *sort_ctx;
static int
cmp_rank(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int64_t x = sort_ctx->articles[i], y = sort_ctx->articles[j];
	if (x != y)
		return x > y ? -1 : 1;
	return strcmp(sort_ctx->codes[i], sort_ctx->codes[j]);
}

/* The rows a filtered matrix sums: HEADS (the countries of each matching
 * article), then the relation rows of those articles. */
static char *
filtered_sql(const struct att_filter *f, const char *heads)
{
	return xasprintf("WITH f(id) AS MATERIALIZED (SELECT article.id FROM %s AS article "
			 "WHERE %s) %s UNION ALL SELECT 1, r.a, r.b, r.sentences, r.tone FROM f "
			 "JOIN relation AS r ON r.article_id = f.id",
			 att_filter_from(f), att_filter_from_where(f), heads);
}

/* The matrix under a filter: the matching ids are computed once, and one
 * pass over their country mentions and relations is counted here. */
static int
matrix_filtered(struct att_index *idx, const struct att_filter *f, size_t top,
		struct att_matrix *m, struct att_err *err)
{
	struct countries c = {0};
	sqlite3_stmt *st = NULL;
	int rc, code;

	if ((code = load_countries(idx, &c, err)) != 0)
		goto done;
	/* The countries of each article from the optional covering index
	 * article_countries (id, countries) of attache-index(5): one look-up
	 * per article; without it, from its entity rows. */
	/* Fastest: one row per article of the optional article_matrix table
	 * (its countries and its pairs); then the covering index
	 * article_countries; then the entity rows (attache-index(5)). */
	char *sql = xasprintf("WITH f(id) AS MATERIALIZED (SELECT article.id FROM %s AS article "
			      "WHERE %s) SELECT 3, m.countries, m.pairs, 0, 0 FROM f "
			      "JOIN article_matrix AS m ON m.id = f.id",
			      att_filter_from(f), att_filter_from_where(f));
	code = q_prepare(idx, sql, &st, err);
	free(sql);
	if (code != 0) {
		sql = filtered_sql(f, "SELECT 2, a.countries, NULL, 0, 0 FROM f JOIN article AS a "
				      "INDEXED BY article_countries ON a.id = f.id");
		code = q_prepare(idx, sql, &st, err);
		free(sql);
	}
	if (code != 0) {
		sql = filtered_sql(f, "SELECT 0, ae.entity_id, NULL, 0, 0 FROM f "
				      "JOIN article_entity AS ae ON ae.article_id = f.id");
		code = q_prepare(idx, sql, &st, err);
		free(sql);
	}
	if (code != 0)
		goto done;
	c.numeric = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (c.numeric == (locale_t)0) {
		code = att_err_set(err, EX_SOFTWARE, "%s: out of memory", idx->path);
		goto done;
	}
	att_filter_bind(f, st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int what = sqlite3_column_int(st, 0);
		if (what == 0) {
			long k = find_entity(&c, sqlite3_column_int64(st, 1));
			if (k >= 0)
				c.articles[k]++;
			continue;
		}
		if (what == 2 || what == 3) {
			count_codes(&c, (const char *)sqlite3_column_text(st, 1));
			if (what == 3)
				add_pairs(&c, (const char *)sqlite3_column_text(st, 2));
			continue;
		}
		add_pair(&c, find_code(&c, (const char *)sqlite3_column_text(st, 1)),
			 find_code(&c, (const char *)sqlite3_column_text(st, 2)),
			 sqlite3_column_int64(st, 3), sqlite3_column_double(st, 4));
	}
	if (rc != SQLITE_DONE) {
		code = q_fail(idx, rc, err);
		goto done;
	}
	/* The TOP countries with articles under the filter. */
	size_t *order = xcalloc(c.n ? c.n : 1, sizeof *order);
	for (size_t k = 0; k < c.n; k++)
		order[k] = k;
	sort_ctx = &c;
	qsort(order, c.n, sizeof *order, cmp_rank);
	size_t n = 0;
	while (n < c.n && n < top && c.articles[order[n]] > 0)
		n++;
	m->n = n;
	m->codes = xcalloc(n ? n : 1, sizeof *m->codes);
	m->names = xcalloc(n ? n : 1, sizeof *m->names);
	m->articles = xcalloc(n ? n : 1, sizeof *m->articles);
	size_t cells = n > 0 ? n * n : 1;
	m->sentences = xcalloc(cells, sizeof *m->sentences);
	m->cooc = xcalloc(cells, sizeof *m->cooc);
	m->tone = xcalloc(cells, sizeof *m->tone);
	for (size_t i = 0; i < n; i++) {
		m->codes[i] = xstrdup(c.codes[order[i]]);
		m->names[i] = xstrdup(c.names[order[i]]);
		m->articles[i] = c.articles[order[i]];
		for (size_t j = 0; j < n; j++) {
			size_t a = order[i], b = order[j], to = i * n + j;
			if (a == b)
				continue;
			const struct cell *x = &c.cells[a < b ? a * c.n + b : b * c.n + a];
			m->sentences[to] = x->sentences;
			m->cooc[to] = x->cooc;
			m->tone[to] = x->sentences > 0 ? x->weight / (double)x->sentences : 0.0;
		}
	}
	free(order);
done:
	sqlite3_finalize(st);
	countries_free(&c);
	return code;
}

int
att_matrix_get(struct att_index *idx, const struct att_filter *f, size_t top,
	       struct att_matrix **out, struct att_err *err)
{
	struct att_matrix *m = xcalloc(1, sizeof *m);
	sqlite3_stmt *st = NULL;
	int code;

	*out = NULL;
	q_start(idx);
	if (top == 0 || top > MAX_TOP)
		top = MAX_TOP;
	if (!att_filter_is_empty(f)) {
		if ((code = matrix_filtered(idx, f, top, m, err)) != 0)
			goto fail;
		*out = m;
		return 0;
	}
	code = q_prepare(idx,
			 "SELECT country, name, articles FROM entity "
			 "WHERE kind = 'country' AND country IS NOT NULL "
			 "ORDER BY articles DESC, country",
			 &st, err);
	if (code == 0)
		code = read_countries(idx, st, m, top, err);
	sqlite3_finalize(st);
	st = NULL;
	if (code != 0)
		goto fail;
	code = q_prepare(idx, "SELECT a, b, articles, sentences, tone * sentences FROM pair", &st,
			 err);
	if (code == 0)
		code = read_pairs(idx, st, m, err);
	sqlite3_finalize(st);
	if (code != 0)
		goto fail;
	*out = m;
	return 0;
fail:
	att_matrix_free(m);
	return code;
}

/* ------------------------------------------------------------ evidence */

void
att_evidences_free(struct att_evidences *ev)
{
	for (size_t k = 0; k < ev->n; k++) {
		free(ev->v[k].date);
		free(ev->v[k].title);
		free(ev->v[k].text);
	}
	free(ev->v);
	ev->v = NULL;
	ev->n = 0;
}

/* Finds the first mention of country CODE inside the sentence E (field
 * positions) and stores it relative to the sentence text. */
static int
locate(struct att_index *idx, sqlite3_stmt *st, struct att_evidence *e, const char *code,
       size_t *pos, size_t *len, struct att_err *err)
{
	int rc;

	*pos = *len = 0;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, e->article_id);
	sqlite3_bind_text(st, 2, e->field == ATT_TITLE ? "title" : "body", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (int64_t)e->pos);
	sqlite3_bind_int64(st, 4, (int64_t)(e->pos + e->text_len));
	sqlite3_bind_text(st, 5, code, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t p, l;
		int64_t mp = sqlite3_column_int64(st, 0) - (int64_t)e->pos;
		if (q_clamp(e->text, e->text_len, mp, sqlite3_column_int64(st, 1), 1, &p, &l)) {
			*pos = p;
			*len = l;
			break;
		}
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return q_fail(idx, rc, err);
	sqlite3_reset(st);
	return 0;
}

int
att_evidence_page(struct att_index *idx, const struct att_filter *f, const char *a, const char *b,
		  const struct att_evidence *after, size_t n, struct att_evidences *out,
		  struct att_err *err)
{
	sqlite3_stmt *st = NULL, *ms = NULL;
	size_t cap = 0;
	int rc, code;

	att_evidences_free(out);
	q_start(idx);
	if (strcmp(a, b) > 0) {
		const char *t = a;
		a = b;
		b = t;
	}
	/* ?901 a, ?902 b, ?903/?904 the anchor, ?905 1 without one, ?906 limit. */
	char *sql = xasprintf(
		"SELECT ev.article_id, ev.n, article.date, article.title, s.field, s.pos, s.tone, "
		"CASE s.field WHEN 'title' THEN substr(CAST(article.title AS BLOB), s.pos + 1, s.len) "
		"ELSE substr(CAST(article.body AS BLOB), s.pos + 1, s.len) END "
		"FROM evidence AS ev "
		"JOIN sentence AS s ON s.article_id = ev.article_id AND s.n = ev.n "
		"JOIN article ON article.id = ev.article_id "
		"WHERE ev.a = ?901 AND ev.b = ?902 AND (%s) "
		"AND (?905 OR ev.article_id < ?903 OR (ev.article_id = ?903 AND ev.n > ?904)) "
		"ORDER BY ev.article_id DESC, ev.n LIMIT ?906",
		att_filter_probe_sql(f));
	code = prepare_filtered(idx, f, sql, &st, err);
	free(sql);
	if (code != 0)
		return code;
	code = q_prepare(idx,
			 "SELECT m.pos, m.len FROM mention AS m JOIN entity AS e ON e.id = m.entity_id "
			 "WHERE m.article_id = ?1 AND m.field = ?2 AND m.pos >= ?3 AND m.pos < ?4 "
			 "AND e.kind = 'country' AND e.country = ?5 ORDER BY m.pos",
			 &ms, err);
	if (code != 0) {
		sqlite3_finalize(st);
		return code;
	}
	sqlite3_bind_text(st, 901, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 902, b, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 905, after == NULL);
	if (after) {
		sqlite3_bind_int64(st, 903, after->article_id);
		sqlite3_bind_int64(st, 904, after->n);
	}
	sqlite3_bind_int64(st, 906, (int64_t)(n > INT32_MAX ? INT32_MAX : n));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int field = q_field(st, 4);
		if (field < 0)
			continue;
		if (out->n == cap) {
			cap = cap ? cap * 2 : 32;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		struct att_evidence *e = &out->v[out->n];
		memset(e, 0, sizeof *e);
		e->article_id = sqlite3_column_int64(st, 0);
		e->n = sqlite3_column_int64(st, 1);
		e->field = (enum att_field)field;
		int64_t pos = sqlite3_column_int64(st, 5);
		e->tone = sqlite3_column_double(st, 6);
		/* The substring as bytes, trimmed to whole UTF-8 sequences. */
		const char *raw = sqlite3_column_blob(st, 7);
		size_t rawlen = raw ? (size_t)sqlite3_column_bytes(st, 7) : 0;
		size_t p = 0, l = 0;
		if (pos < 0 || !q_clamp(raw, rawlen, 0, (int64_t)rawlen, 0, &p, &l))
			p = l = 0;
		e->text = xstrndup(raw ? raw + p : "", l);
		e->text_len = strlen(e->text);
		e->pos = (size_t)(pos < 0 ? 0 : pos) + p;
		e->date = q_text(st, 2, NULL);
		e->title = q_text(st, 3, NULL);
		out->n++;
		if ((code = locate(idx, ms, e, a, &e->apos, &e->alen, err)) != 0 ||
		    (code = locate(idx, ms, e, b, &e->bpos, &e->blen, err)) != 0)
			break;
	}
	sqlite3_finalize(st);
	sqlite3_finalize(ms);
	if (code == 0 && rc != SQLITE_DONE)
		code = q_fail(idx, rc, err);
	if (code != 0)
		att_evidences_free(out);
	return code;
}
