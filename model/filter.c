/* filter.c: parsing the filter language and compiling it to SQL.
 *
 * The parser is recursive descent over the text itself:
 *   expr  := and ("OR" and)*
 *   and   := unary (["AND"] unary)*
 *   unary := ("-" | "NOT") unary | "(" expr ")" | term
 *   term  := word | "phrase" | field ":" value
 * The tree is then turned into one SQL condition over article.id whose
 * values are all bound parameters (?1..?N); entity names are resolved to
 * entity ids first, so the condition holds ids, never names. */
#include "config.h"

#include "model/filter.h"

#include <ctype.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "model/query.h"
#include "model/query_int.h"
#include "model/text.h"

/* The most entity ids one name may stand for. */
#define MAX_IDS 256

enum node_kind { N_AND, N_OR, N_NOT, N_TERM };

enum term_kind {
	T_TEXT, T_ENTITY, T_PAIR, T_SOURCE, T_LANG, T_DATE, T_TONE, T_ID
};

struct node {
	enum node_kind kind;
	struct node *a, *b;
	/* For terms: */
	enum term_kind term;
	int ekind;           /* entity kind, -1 for entity: */
	char *value;         /* unquoted value or word */
	int prefix;          /* a trailing '*' */
	int phrase;          /* was quoted */
	size_t pos;          /* 1-based character position of the term */
	size_t vpos;         /* ... and of its value */
};

struct param {
	int is_int;
	int64_t i;
	char *s;
};

/* What compiling one term learnt, for the planner. */
struct facts {
	int kind;            /* F_* */
	int64_t eid;         /* F_ENTITY: the one entity id */
	int pa, pb;          /* F_PAIR: parameters holding the codes */
	const char *a, *b;   /* ... and the codes */
	int64_t lo, hi;      /* F_RANGE: ids lo..hi, both included */
};
enum { F_OTHER, F_FALSE, F_ENTITY, F_PAIR, F_RANGE };

struct att_filter {
	char *text;
	struct buf sql;
	struct param *params;
	int nparams;
	char *rank;          /* FTS5 expression for relevance, or NULL */
	struct buf notes;
	int has_text;
	int empty;
	/* 1 when no term reads a column of article other than id. */
	int idonly;
	struct facts facts;  /* of the term compiled last */
	/* The plan (see plan()): the ids of the cheapest term that must hold,
	 * as a subquery with column id, readable in id order; the condition
	 * without that term, with words checked one article at a time; and
	 * what the set of ids is selected from. */
	char *driver;
	char *rest;
	char *from;
	char *probe;         /* the whole condition, words checked per article */
	/* 1 when a word must hold for every match (so every match ranks). */
	int text_required;
	/* The parameter of the driver's FTS5 expression when it holds every
	 * ranking word (so bm25 can be read from the driver), else 0. */
	int rank_match;
};

struct parser {
	const char *s;       /* the whole text */
	size_t i;            /* byte offset */
	int nterms;
	struct att_err *err;
};

static const struct {
	const char *name;
	enum term_kind term;
	int ekind;
} fields[] = {
	{"country", T_ENTITY, ATT_COUNTRY},
	{"person", T_ENTITY, ATT_PERSON},
	{"org", T_ENTITY, ATT_ORG},
	{"place", T_ENTITY, ATT_PLACE},
	{"entity", T_ENTITY, -1},
	{"pair", T_PAIR, -1},
	{"source", T_SOURCE, -1},
	{"lang", T_LANG, -1},
	{"date", T_DATE, -1},
	{"tone", T_TONE, -1},
	{"id", T_ID, -1},
};

/* The 1-based character position of byte offset OFF in S. */
static size_t
charpos(const char *s, size_t off)
{
	size_t n = 1;
	for (size_t i = 0; i < off && s[i]; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

static int
perr(struct parser *p, size_t off, const char *what)
{
	return att_err_set(p->err, EX_DATAERR, "%s at %zu", what, charpos(p->s, off));
}

static void
node_free(struct node *n)
{
	if (n == NULL)
		return;
	node_free(n->a);
	node_free(n->b);
	free(n->value);
	free(n);
}

static struct node *
node_new(enum node_kind kind, struct node *a, struct node *b)
{
	struct node *n = xcalloc(1, sizeof *n);
	n->kind = kind;
	n->a = a;
	n->b = b;
	return n;
}

static void
skip_space(struct parser *p)
{
	while (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' || p->s[p->i] == '\r')
		p->i++;
}

/* Characters that end a bare word. */
static int
is_stop(char c)
{
	return c == '\0' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' ||
	       c == ')' || c == '"';
}

/* Reads a quoted string at p->i (on the opening quote); "" inside is a
 * literal quote. */
static int
read_quoted(struct parser *p, char **out)
{
	size_t start = p->i;
	struct buf b = BUF_INIT;

	p->i++;
	for (;;) {
		char c = p->s[p->i];
		if (c == '\0') {
			buf_free(&b);
			return perr(p, start, "unterminated quote");
		}
		if (c == '"') {
			if (p->s[p->i + 1] == '"') {
				buf_addc(&b, '"');
				p->i += 2;
				continue;
			}
			p->i++;
			break;
		}
		buf_addc(&b, c);
		p->i++;
	}
	buf_addc(&b, '\0');
	*out = buf_steal(&b);
	return 0;
}

/* 1 when the word at S (N bytes) equals the operator OP exactly. */
static int
is_op(const char *s, size_t n, const char *op)
{
	return n == strlen(op) && memcmp(s, op, n) == 0;
}

/* Length of the bare word at p->i. */
static size_t
word_len(const struct parser *p)
{
	size_t n = 0;
	while (!is_stop(p->s[p->i + n]))
		n++;
	return n;
}

static int parse_or(struct parser *p, int depth, struct node **out);

/* A term: a word, a "phrase" or field:value. */
static int
parse_term(struct parser *p, struct node **out)
{
	size_t start = p->i;
	struct node *n;
	int code;

	if (++p->nterms > ATT_FILTER_MAX_TERMS)
		return att_err_set(p->err, EX_DATAERR, "too many terms (more than %d) at %zu",
				   ATT_FILTER_MAX_TERMS, charpos(p->s, start));
	n = node_new(N_TERM, NULL, NULL);
	n->pos = charpos(p->s, start);
	if (p->s[p->i] == '"') {
		if ((code = read_quoted(p, &n->value)) != 0)
			goto fail;
		n->term = T_TEXT;
		n->phrase = 1;
		if (p->s[p->i] == '*') {
			n->prefix = 1;
			p->i++;
		}
		*out = n;
		return 0;
	}
	size_t len = word_len(p);
	const char *colon = memchr(p->s + p->i, ':', len);
	size_t flen = colon ? (size_t)(colon - (p->s + p->i)) : 0;
	int is_field = colon && flen > 0;
	for (size_t k = 0; is_field && k < flen; k++)
		if (!isalpha((unsigned char)p->s[p->i + k]))
			is_field = 0;
	if (!is_field) {
		n->term = T_TEXT;
		n->value = xstrndup(p->s + p->i, len);
		p->i += len;
		if (len > 0 && n->value[len - 1] == '*') {
			n->prefix = 1;
			n->value[--len] = '\0';
			while (len > 0 && n->value[len - 1] == '*')
				n->value[--len] = '\0';
		}
		if (len == 0) {
			code = perr(p, start, "a lone '*' needs letters before it");
			goto fail;
		}
		*out = n;
		return 0;
	}
	size_t f;
	for (f = 0; f < ATT_ARRAY_LEN(fields); f++)
		if (strlen(fields[f].name) == flen && strncasecmp(fields[f].name, p->s + p->i, flen) == 0)
			break;
	if (f == ATT_ARRAY_LEN(fields)) {
		char *name = xstrndup(p->s + p->i, flen);
		code = att_err_set(p->err, EX_DATAERR,
				   "unknown field '%s' at %zu (fields: country person org place "
				   "entity pair source lang date tone id)",
				   name, n->pos);
		free(name);
		goto fail;
	}
	n->term = fields[f].term;
	n->ekind = fields[f].ekind;
	p->i += flen + 1;
	n->vpos = charpos(p->s, p->i);
	if (p->s[p->i] == '"') {
		if ((code = read_quoted(p, &n->value)) != 0)
			goto fail;
		n->phrase = 1;
		if (p->s[p->i] == '*') {
			n->prefix = 1;
			p->i++;
		}
	} else {
		len = word_len(p);
		n->value = xstrndup(p->s + p->i, len);
		p->i += len;
	}
	if (n->value[0] == '\0') {
		char *msg = xasprintf("missing value after '%s:'", fields[f].name);
		code = perr(p, start, msg);
		free(msg);
		goto fail;
	}
	*out = n;
	return 0;
fail:
	node_free(n);
	return code;
}

/* A negation, a group or a term. */
static int
parse_unary(struct parser *p, int depth, struct node **out)
{
	size_t start;
	int code;

	skip_space(p);
	start = p->i;
	if (depth > ATT_FILTER_MAX_DEPTH)
		return att_err_set(p->err, EX_DATAERR, "nested too deeply (more than %d levels) at %zu",
				   ATT_FILTER_MAX_DEPTH, charpos(p->s, start));
	char c = p->s[p->i];
	size_t wl = is_stop(c) ? 0 : word_len(p);
	if (c == '-' || is_op(p->s + p->i, wl, "NOT")) {
		struct node *x;
		p->i += c == '-' ? 1 : 3;
		if (c == '-' && (p->s[p->i] == ' ' || p->s[p->i] == '\0' || p->s[p->i] == ')'))
			return perr(p, start, "nothing to negate after '-'");
		if ((code = parse_unary(p, depth + 1, &x)) != 0)
			return code;
		*out = node_new(N_NOT, x, NULL);
		return 0;
	}
	if (c == '(') {
		struct node *x;
		p->i++;
		skip_space(p);
		if (p->s[p->i] == ')')
			return perr(p, start, "empty parentheses");
		if (p->s[p->i] == '\0')
			return perr(p, start, "unbalanced parenthesis");
		if ((code = parse_or(p, depth + 1, &x)) != 0)
			return code;
		skip_space(p);
		if (p->s[p->i] != ')') {
			node_free(x);
			return perr(p, start, "unbalanced parenthesis");
		}
		p->i++;
		*out = x;
		return 0;
	}
	if (c == ')')
		return perr(p, start, "unbalanced parenthesis");
	if (c == '\0')
		return perr(p, start, "missing term");
	if (is_op(p->s + p->i, wl, "OR") || is_op(p->s + p->i, wl, "AND"))
		return perr(p, start, "missing term before operator");
	return parse_term(p, out);
}

/* Terms side by side (or joined by AND). */
static int
parse_and(struct parser *p, int depth, struct node **out)
{
	struct node *left, *right;
	int code;

	if ((code = parse_unary(p, depth, &left)) != 0)
		return code;
	for (;;) {
		skip_space(p);
		char c = p->s[p->i];
		if (c == '\0' || c == ')')
			break;
		size_t wl = is_stop(c) ? 0 : word_len(p);
		if (is_op(p->s + p->i, wl, "OR"))
			break;
		if (is_op(p->s + p->i, wl, "AND")) {
			p->i += 3;
			skip_space(p);
			if (p->s[p->i] == '\0' || p->s[p->i] == ')') {
				node_free(left);
				return perr(p, p->i, "missing term after AND");
			}
		}
		if ((code = parse_unary(p, depth, &right)) != 0) {
			node_free(left);
			return code;
		}
		left = node_new(N_AND, left, right);
	}
	*out = left;
	return 0;
}

static int
parse_or(struct parser *p, int depth, struct node **out)
{
	struct node *left, *right;
	int code;

	if ((code = parse_and(p, depth, &left)) != 0)
		return code;
	for (;;) {
		skip_space(p);
		size_t wl = is_stop(p->s[p->i]) ? 0 : word_len(p);
		if (!is_op(p->s + p->i, wl, "OR"))
			break;
		size_t at = p->i;
		p->i += 2;
		skip_space(p);
		if (p->s[p->i] == '\0' || p->s[p->i] == ')') {
			node_free(left);
			return perr(p, at, "missing term after OR");
		}
		if ((code = parse_and(p, depth, &right)) != 0) {
			node_free(left);
			return code;
		}
		left = node_new(N_OR, left, right);
	}
	*out = left;
	return 0;
}

/* ---------------------------------------------------------- compiling */

static int
add_text_param(struct att_filter *f, char *s)
{
	f->params = xreallocarray(f->params, (size_t)f->nparams + 1, sizeof *f->params);
	f->params[f->nparams] = (struct param){0, 0, s};
	return ++f->nparams;
}

static int
add_int_param(struct att_filter *f, int64_t v)
{
	f->params = xreallocarray(f->params, (size_t)f->nparams + 1, sizeof *f->params);
	f->params[f->nparams] = (struct param){1, v, NULL};
	return ++f->nparams;
}

/* Adds "WHAT 'VALUE'" to the remarks for the status line. */
static void
note(struct att_filter *f, const char *what, const char *value)
{
	if (f->notes.len > 0)
		buf_adds(&f->notes, "; ");
	buf_printf(&f->notes, "%s '%s'", what, value);
}

/* The FTS5 expression for one word or phrase: quoted, quotes doubled. */
static char *
fts_string(const struct node *n)
{
	struct buf b = BUF_INIT;
	buf_addc(&b, '"');
	for (const char *s = n->value; *s; s++) {
		if (*s == '"')
			buf_addc(&b, '"');
		buf_addc(&b, *s);
	}
	buf_addc(&b, '"');
	if (n->prefix)
		buf_addc(&b, '*');
	return buf_steal(&b);
}

/* Checks an ISO date prefix: YYYY, YYYY-MM or YYYY-MM-DD. */
static int
valid_date(const char *s, size_t n)
{
	static const char *const shapes[] = {"dddd", "dddd-dd", "dddd-dd-dd"};
	for (size_t k = 0; k < ATT_ARRAY_LEN(shapes); k++) {
		if (strlen(shapes[k]) != n)
			continue;
		size_t i;
		for (i = 0; i < n; i++)
			if (shapes[k][i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != '-')
				break;
		if (i == n)
			return 1;
	}
	return 0;
}

/* The smallest string above every date that starts with prefix S: its
 * last number plus one ("2023-06" -> "2023-07", "2023-12" -> "2023-13",
 * which still sorts after every day of December). */
static char *
date_after(const char *s, size_t n)
{
	char *r = xstrndup(s, n);
	size_t i = n;
	while (i > 0 && r[i - 1] != '-')
		i--;
	long v = strtol(r + i, NULL, 10) + 1;
	char *out = xasprintf("%.*s%0*ld", (int)i, r, (int)(n - i), v);
	free(r);
	return out;
}

/* Writes "EXISTS (SELECT 1 FROM TABLE WHERE COND AND COL = article.id)":
 * checked one article at a time through an index whose key starts with
 * COND's columns then COL, never built as a set first. */
static void
emit_exists(struct att_filter *f, const char *table, const char *cond, const char *col)
{
	buf_printf(&f->sql, "EXISTS (SELECT 1 FROM %s WHERE %s AND %s = article.id)", table, cond,
		   col);
}

/* The smallest article id whose date is BOUND or later (every undated
 * article counts as later), or the largest id plus one. Article ids are
 * in date order, undated last (attache-index(5)), so this is a binary
 * search over ids; BOUND NULL finds the first undated article. */
static int
first_id_from(struct att_index *idx, const char *bound, int64_t *out, struct att_err *err)
{
	sqlite3_stmt *ends, *probe;
	int64_t lo = 0, hi = 0;
	int rc, code;

	if ((code = q_prepare(idx, "SELECT (SELECT min(id) FROM article), (SELECT max(id) FROM article)",
			      &ends, err)) != 0)
		return code;
	rc = sqlite3_step(ends);
	if (rc == SQLITE_ROW) {
		lo = sqlite3_column_int64(ends, 0);
		hi = sqlite3_column_int64(ends, 1);
	}
	sqlite3_finalize(ends);
	if (rc != SQLITE_ROW)
		return q_fail(idx, rc, err);
	if (hi < INT64_MAX)
		hi++;
	code = q_prepare(idx,
			 "SELECT id, CASE WHEN typeof(date) <> 'text' OR date = '' THEN 1 "
			 "WHEN ?2 IS NULL THEN 0 ELSE date >= ?2 END "
			 "FROM article WHERE id >= ?1 ORDER BY id LIMIT 1",
			 &probe, err);
	if (code != 0)
		return code;
	sqlite3_bind_text(probe, 2, bound, -1, SQLITE_STATIC);
	/* The smallest x with "the first article at or after x is late
	 * enough" (true past the last article). */
	while (lo < hi) {
		/* hi - lo may not fit an int64 (ids at both ends of the range). */
		int64_t mid = (int64_t)((uint64_t)lo + ((uint64_t)hi - (uint64_t)lo) / 2);
		sqlite3_reset(probe);
		sqlite3_bind_int64(probe, 1, mid);
		rc = sqlite3_step(probe);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			break;
		if (rc == SQLITE_DONE || sqlite3_column_int(probe, 1))
			hi = mid;
		else
			lo = mid + 1;
	}
	if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
		sqlite3_reset(probe);
		sqlite3_bind_int64(probe, 1, lo);
		rc = sqlite3_step(probe);
		*out = rc == SQLITE_ROW ? sqlite3_column_int64(probe, 0) : lo;
	}
	code = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : q_fail(idx, rc, err);
	sqlite3_finalize(probe);
	return code;
}

/* 1 when a sample of 64 articles, evenly spaced by id, has its dates in
 * id order, undated last: what the index format asks of writers, and what
 * turning dates into id ranges needs. Writers that did not follow it get
 * the slower comparison of every date. Sampled once per open index (it is
 * read-only), unless a query failed on the way. */
static int
dates_in_id_order(struct att_index *idx)
{
	sqlite3_stmt *st;
	int64_t lo = 0, hi = 0;
	int ordered = 1, undated = 0, complete = 1;
	char *prev = NULL;

	if (idx->dates_order != 0)
		return idx->dates_order == 1;

	if (sqlite3_prepare_v2(idx->db,
			       "SELECT (SELECT min(id) FROM article), (SELECT max(id) FROM article)",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		lo = sqlite3_column_int64(st, 0);
		hi = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(idx->db,
			       "SELECT CASE WHEN typeof(date) = 'text' AND date <> '' THEN date END "
			       "FROM article WHERE id >= ?1 ORDER BY id LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	/* In unsigned integers: ids may span the whole int64 range, where the
	 * difference overflows and a double does not convert back. */
	uint64_t range = hi > lo ? (uint64_t)hi - (uint64_t)lo : 0;
	for (int k = 0; k <= 64 && ordered; k++) {
		uint64_t off = range / 64 * (uint64_t)k + range % 64 * (uint64_t)k / 64;
		int64_t at = (int64_t)((uint64_t)lo + off);
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, at);
		if (sqlite3_step(st) != SQLITE_ROW) {
			complete = 0;
			break;
		}
		const char *d = (const char *)sqlite3_column_text(st, 0);
		if (d == NULL) {
			undated = 1;
		} else if (undated || (prev && strcmp(prev, d) > 0)) {
			ordered = 0;
		} else {
			free(prev);
			prev = xstrdup(d);
		}
	}
	sqlite3_finalize(st);
	free(prev);
	if (complete || !ordered)
		idx->dates_order = ordered ? 1 : 2;
	return ordered;
}

/* date:VALUE -> a condition on article.date. */
static int
compile_date(struct att_filter *f, struct att_index *idx, const struct node *n,
	     struct att_err *err)
{
	const char *v = n->value;
	const char *dots = strstr(v, "..");
	size_t alen = dots ? (size_t)(dots - v) : strlen(v);
	const char *b = dots ? dots + 2 : NULL;
	size_t blen = b ? strlen(b) : 0;

	if ((alen > 0 && !valid_date(v, alen)) || (b && blen > 0 && !valid_date(b, blen)))
		return att_err_set(err, EX_DATAERR,
				   "bad date '%s' at %zu (YYYY, YYYY-MM or YYYY-MM-DD, ranges A..B)",
				   v, n->vpos);
	if (dots && alen == 0 && blen == 0)
		return att_err_set(err, EX_DATAERR, "empty date range at %zu", n->vpos);
	char *lo = alen > 0 ? xstrndup(v, alen) : NULL;
	char *hi = dots ? (blen > 0 ? date_after(b, blen) : NULL) : date_after(v, alen);
	if (lo && hi && strcmp(lo, hi) >= 0) {
		free(lo);
		free(hi);
		return att_err_set(err, EX_DATAERR, "empty date range at %zu", n->vpos);
	}
	if (idx && dates_in_id_order(idx)) {
		/* Ids are in date order: the dates become a range of ids. */
		int64_t from = INT64_MIN, to;
		int code = 0;
		if (lo)
			code = first_id_from(idx, lo, &from, err);
		if (code == 0)
			code = first_id_from(idx, hi, &to, err);
		free(lo);
		free(hi);
		if (code != 0)
			return code;
		int pa = add_int_param(f, from), pb = add_int_param(f, to);
		buf_printf(&f->sql, "(article.id >= ?%d AND article.id < ?%d)", pa, pb);
		if (to > INT64_MIN)
			f->facts = (struct facts){.kind = F_RANGE, .lo = from, .hi = to - 1};
		return 0;
	}
	f->idonly = 0;
	buf_adds(&f->sql, "(article.date IS NOT NULL");
	if (lo)
		buf_printf(&f->sql, " AND article.date >= ?%d", add_text_param(f, lo));
	if (hi)
		buf_printf(&f->sql, " AND article.date < ?%d", add_text_param(f, hi));
	buf_addc(&f->sql, ')');
	return 0;
}

/* id:N or id:A..B. */
static int
compile_id(struct att_filter *f, const struct node *n, struct att_err *err)
{
	const char *v = n->value;
	const char *dots = strstr(v, "..");
	int64_t lo = INT64_MIN, hi = INT64_MAX;
	char *end;

	errno = 0;
	if (dots != v) {
		lo = strtoll(v, &end, 10);
		if (errno || end != (dots ? dots : v + strlen(v)) || end == v)
			goto bad;
	}
	if (!dots) {
		buf_printf(&f->sql, "article.id = ?%d", add_int_param(f, lo));
		f->facts = (struct facts){.kind = F_RANGE, .lo = lo, .hi = lo};
		return 0;
	}
	if (dots[2]) {
		hi = strtoll(dots + 2, &end, 10);
		if (errno || *end)
			goto bad;
	} else if (dots == v) {
		goto bad;
	}
	buf_printf(&f->sql, "article.id BETWEEN ?%d", add_int_param(f, lo));
	buf_printf(&f->sql, " AND ?%d", add_int_param(f, hi));
	f->facts = (struct facts){.kind = F_RANGE, .lo = lo, .hi = hi};
	return 0;
bad:
	return att_err_set(err, EX_DATAERR, "bad article id '%s' at %zu (a number, or A..B)", v,
			   n->vpos);
}

/* tone:conflict or tone:cooperation. */
static int
compile_tone(struct att_filter *f, const struct node *n, struct att_err *err)
{
	static const struct {
		const char *name;
		const char *cond;
	} tones[] = {
		{"conflict", "tone < 0"},    {"conflictual", "tone < 0"}, {"negative", "tone < 0"},
		{"-", "tone < 0"},           {"cooperation", "tone > 0"}, {"cooperative", "tone > 0"},
		{"positive", "tone > 0"},    {"+", "tone > 0"},           {"neutral", "tone = 0"},
	};
	for (size_t k = 0; k < ATT_ARRAY_LEN(tones); k++)
		if (strcasecmp(tones[k].name, n->value) == 0) {
			emit_exists(f, "relation", tones[k].cond, "article_id");
			return 0;
		}
	return att_err_set(err, EX_DATAERR,
			   "unknown tone '%s' at %zu (conflict, cooperation or neutral)", n->value,
			   n->vpos);
}

/* The country code that NAME stands for (a code or any known name), or
 * NULL. */
static char *
country_code(struct att_index *idx, const char *name, struct att_err *err)
{
	int64_t ids[1];
	size_t n = 0;
	if (idx == NULL || att_entity_find(idx, name, ATT_COUNTRY, ids, 1, &n, err) != 0 || n == 0)
		return NULL;
	sqlite3_stmt *st;
	char *code = NULL;
	if (sqlite3_prepare_v2(idx->db, "SELECT country FROM entity WHERE id = ?1", -1, &st, NULL) !=
	    SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(st, 1, ids[0]);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT)
		code = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return code;
}

/* pair:A-B: the codes or names on each side of a '-' (names may hold
 * '-' themselves, so each split is tried). */
static int
compile_pair(struct att_filter *f, struct att_index *idx, const struct node *n,
	     struct att_err *err)
{
	const char *v = n->value;
	char *a = NULL, *b = NULL;
	int found_split = 0;

	for (const char *d = strchr(v, '-'); d; d = strchr(d + 1, '-')) {
		if (d == v || d[1] == '\0')
			continue;
		found_split = 1;
		char *left = xstrndup(v, (size_t)(d - v));
		a = country_code(idx, left, err);
		free(left);
		if (a && (b = country_code(idx, d + 1, err)) != NULL)
			break;
		free(a);
		a = NULL;
	}
	if (!found_split)
		return att_err_set(err, EX_DATAERR, "bad pair '%s' at %zu (two countries: RU-BY)", v,
				   n->vpos);
	if (a == NULL || b == NULL || strcmp(a, b) == 0) {
		free(a);
		free(b);
		note(f, "no country pair named", v);
		buf_adds(&f->sql, "0");
		f->facts.kind = F_FALSE;
		return 0;
	}
	if (strcmp(a, b) > 0) {
		char *t = a;
		a = b;
		b = t;
	}
	int pa = add_text_param(f, a);
	int pb = add_text_param(f, b);
	char *cond = xasprintf("a = ?%d AND b = ?%d", pa, pb);
	emit_exists(f, "relation", cond, "article_id");
	free(cond);
	f->facts = (struct facts){.kind = F_PAIR, .pa = pa, .pb = pb, .a = a, .b = b};
	return 0;
}

/* country:/person:/org:/place:/entity: -> the articles of the entities
 * that the value names. */
static int
compile_entity(struct att_filter *f, struct att_index *idx, const struct node *n,
	       struct att_err *err)
{
	int64_t ids[MAX_IDS];
	size_t nids = 0;
	int code;

	if (idx && (code = att_entity_find(idx, n->value, n->ekind, ids, MAX_IDS, &nids, err)) != 0)
		return code;
	if (nids == 0) {
		note(f, n->ekind == ATT_COUNTRY ? "no country named" : "no entity named", n->value);
		buf_adds(&f->sql, "0");
		f->facts.kind = F_FALSE;
		return 0;
	}
	struct buf cond = BUF_INIT;
	buf_adds(&cond, "entity_id IN (");
	for (size_t k = 0; k < nids; k++)
		buf_printf(&cond, "%s%lld", k ? "," : "", (long long)ids[k]);
	buf_addc(&cond, ')');
	emit_exists(f, "article_entity", cond.data, "article_id");
	buf_free(&cond);
	if (nids == 1)
		f->facts = (struct facts){.kind = F_ENTITY, .eid = ids[0]};
	return 0;
}

static int
compile_node(struct att_filter *f, struct att_index *idx, const struct node *n, int negated,
	     struct buf *rank, struct att_err *err)
{
	int code;

	switch (n->kind) {
	case N_AND:
	case N_OR: {
		buf_addc(&f->sql, '(');
		if ((code = compile_node(f, idx, n->a, negated, rank, err)) != 0)
			return code;
		buf_adds(&f->sql, n->kind == N_AND ? " AND " : " OR ");
		if ((code = compile_node(f, idx, n->b, negated, rank, err)) != 0)
			return code;
		buf_addc(&f->sql, ')');
		return 0;
	}
	case N_NOT: {
		/* NULL (unknown) counts as false before it is negated. */
		buf_adds(&f->sql, "NOT coalesce(");
		if ((code = compile_node(f, idx, n->a, !negated, rank, err)) != 0)
			return code;
		buf_adds(&f->sql, ", 0)");
		return 0;
	}
	case N_TERM:
		break;
	}
	switch (n->term) {
	case T_TEXT: {
		char *expr = fts_string(n);
		f->has_text = 1;
		if (!negated) {
			if (rank->len)
				buf_adds(rank, " OR ");
			buf_adds(rank, expr);
		}
		buf_printf(&f->sql, "article.id IN (SELECT rowid FROM article_fts "
			   "WHERE article_fts MATCH ?%d)", add_text_param(f, expr));
		return 0;
	}
	case T_ENTITY:
		return compile_entity(f, idx, n, err);
	case T_PAIR:
		return compile_pair(f, idx, n, err);
	case T_SOURCE:
		f->idonly = 0;
		if (n->prefix || (n->value[0] && n->value[strlen(n->value) - 1] == '*')) {
			char *v = xstrdup(n->value);
			size_t len = strlen(v);
			while (len > 0 && v[len - 1] == '*')
				v[--len] = '\0';
			if (len == 0) {
				free(v);
				buf_adds(&f->sql, "article.source IS NOT NULL");
				return 0;
			}
			size_t chars = charpos(v, len) - 1;
			int pl = add_int_param(f, (int64_t)chars);
			buf_printf(&f->sql, "substr(article.source, 1, ?%d) = ?%d COLLATE NOCASE", pl,
				   add_text_param(f, v));
			return 0;
		}
		buf_printf(&f->sql, "article.source = ?%d COLLATE NOCASE",
			   add_text_param(f, xstrdup(n->value)));
		return 0;
	case T_LANG:
		f->idonly = 0;
		buf_printf(&f->sql, "article.lang = ?%d COLLATE NOCASE",
			   add_text_param(f, xstrdup(n->value)));
		return 0;
	case T_DATE:
		return compile_date(f, idx, n, err);
	case T_TONE:
		return compile_tone(f, n, err);
	case T_ID:
		return compile_id(f, n, err);
	}
	return att_err_set(err, EX_SOFTWARE, "unknown filter term");
}

/* 1 when N is a word or phrase, or words joined by AND and OR only: one
 * FTS5 expression can stand for it. */
static int
text_only(const struct node *n)
{
	if (n->kind == N_TERM)
		return n->term == T_TEXT;
	return (n->kind == N_AND || n->kind == N_OR) && text_only(n->a) && text_only(n->b);
}

/* Writes the FTS5 expression of a text_only() tree into B, and its words
 * into the relevance expression RANK. */
static void
fts_tree(const struct node *n, struct buf *b, struct buf *rank)
{
	if (n->kind == N_TERM) {
		char *expr = fts_string(n);
		buf_adds(b, expr);
		if (rank->len)
			buf_adds(rank, " OR ");
		buf_adds(rank, expr);
		free(expr);
		return;
	}
	buf_addc(b, '(');
	fts_tree(n->a, b, rank);
	buf_adds(b, n->kind == N_AND ? " AND " : " OR ");
	fts_tree(n->b, b, rank);
	buf_addc(b, ')');
}

/* The terms that must hold for every match: the operands of the ANDs at
 * the top. */
static void
flatten(struct node *n, struct node **v, size_t *nv)
{
	if (n->kind == N_AND) {
		flatten(n->a, v, nv);
		flatten(n->b, v, nv);
	} else {
		v[(*nv)++] = n;
	}
}

/* One term that must hold, as compiled into f->sql[start..end). */
struct conj {
	size_t start, end;
	struct facts facts;
	int text;            /* the full-text term (all top words in one) */
	double est;          /* estimated matches */
	double probe;        /* relative cost of checking one article */
};

/* Runs SQL (parameters ?1 ?2 ?3 as int64 A, text S, text T) for one
 * number; -1 when it fails or returns nothing. */
static double
query_num(struct att_index *idx, const char *sql, int64_t a, const char *s, const char *t)
{
	sqlite3_stmt *st;
	double v = -1;
	if (sqlite3_prepare_v2(idx->db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_text(st, 2, s, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, t, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* An id read as a double: ids near either end of the int64 range round
 * past it, and converting those back is undefined. */
static int64_t
id_of(double v)
{
	if (v >= 9223372036854775807.0)
		return INT64_MAX;
	if (v <= -9223372036854775808.0)
		return INT64_MIN;
	return (int64_t)v;
}

/* Counts up to CAP articles matching the FTS5 expression EXPR among ids
 * LO..HI (a bounded look at the doclists, to compare with the other
 * terms). */
static double
fts_count(struct att_index *idx, const char *expr, int64_t lo, int64_t hi, int64_t cap)
{
	sqlite3_stmt *st;
	double v = (double)cap;
	if (sqlite3_prepare_v2(idx->db,
			       "SELECT count(*) FROM (SELECT 1 FROM article_fts WHERE article_fts "
			       "MATCH ?1 AND rowid >= ?2 AND rowid <= ?3 LIMIT ?4)",
			       -1, &st, NULL) != SQLITE_OK)
		return v;
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, lo);
	sqlite3_bind_int64(st, 3, hi);
	sqlite3_bind_int64(st, 4, cap);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The most articles the full-text term is counted to when choosing. */
#define FTS_EST_CAP 20000
/* Checking one article against a full-text term costs about this many
 * times a look-up in an index (FTS5 opens its expression per article). */
#define FTS_PROBE_COST 70.0

static int plan_force = Q_PLAN_AUTO;

void
q_plan_force(int kind)
{
	plan_force = kind;
}

/* Chooses where the matching ids come from: the required term with the
 * fewest articles, weighed by what checking the other terms costs per
 * article (a word checked per article is dear, an entity or a pair is an
 * index look-up). Any id range (date:, id:) is pushed into that term's
 * ids. Fills f->driver, f->rest, f->probe and f->from. */
static void
plan(struct att_filter *f, struct att_index *idx, struct conj *c, size_t nc, int mparam,
     const char *mexpr)
{
	int64_t rlo = INT64_MIN, rhi = INT64_MAX, lo_id = 0, hi_id = -1;
	int have_range = 0, none = 0;

	for (size_t k = 0; k < nc; k++) {
		if (c[k].facts.kind == F_FALSE)
			none = 1;
		if (c[k].facts.kind == F_RANGE) {
			have_range = 1;
			if (c[k].facts.lo > rlo)
				rlo = c[k].facts.lo;
			if (c[k].facts.hi < rhi)
				rhi = c[k].facts.hi;
		}
	}
	if (have_range && rlo > rhi)
		none = 1;
	if (idx) {
		lo_id = id_of(query_num(idx, "SELECT min(id) FROM article", 0, NULL, NULL));
		hi_id = id_of(query_num(idx, "SELECT max(id) FROM article", 0, NULL, NULL));
	}
	double total = hi_id >= lo_id ? (double)hi_id - (double)lo_id + 1 : 0;
	double rsize = total;
	if (have_range) {
		double a = (double)(rlo > lo_id ? rlo : lo_id), b = (double)(rhi < hi_id ? rhi : hi_id);
		rsize = b >= a ? b - a + 1 : 0;
	}
	double frac = total > 0 ? rsize / total : 0;

	/* Estimates; the full-text term last, counted only as far as needed. */
	long best = -1, text = -1;
	double probes = 0, best_cost = 0;
	for (size_t k = 0; k < nc; k++) {
		c[k].est = -1;
		c[k].probe = 1;
		switch (c[k].facts.kind) {
		case F_RANGE:
			c[k].probe = 0;
			break;
		case F_ENTITY:
			c[k].est = idx ? query_num(idx, "SELECT articles FROM entity WHERE id = ?1",
						   c[k].facts.eid, NULL, NULL)
				       : 0;
			break;
		case F_PAIR:
			c[k].est = idx ? query_num(idx, "SELECT articles FROM pair WHERE a = ?2 AND b = ?3",
						   0, c[k].facts.a, c[k].facts.b)
				       : 0;
			if (c[k].est < 0) /* not in the pair table: count (boundedly) */
				c[k].est = query_num(idx, "SELECT count(*) FROM (SELECT 1 FROM relation "
							  "WHERE a = ?2 AND b = ?3 LIMIT 100000)",
						     0, c[k].facts.a, c[k].facts.b);
			break;
		}
		if (c[k].text) {
			c[k].probe = FTS_PROBE_COST;
			text = (long)k;
		}
		if (c[k].est >= 0)
			c[k].est *= frac;
		probes += c[k].probe;
	}
	/* The id range alone as a candidate. */
	double range_cost = have_range ? rsize * (1 + probes) : -1;
	for (size_t k = 0; k < nc; k++) {
		if (c[k].text || c[k].est < 0)
			continue;
		double cost = c[k].est * (1 + probes - c[k].probe);
		if (best < 0 || cost < best_cost) {
			best = (long)k;
			best_cost = cost;
		}
	}
	int use_range = range_cost >= 0 && (best < 0 || range_cost < best_cost);
	if (use_range)
		best_cost = range_cost;
	if (text >= 0) {
		double others = probes - c[text].probe;
		if (best < 0 && !use_range) {
			best = text;
		} else {
			/* The text drives unless it has more matches than the
			 * cheapest other plan costs. */
			double cap = best_cost / (1 + others) + 1;
			cap = cap > FTS_EST_CAP ? FTS_EST_CAP : cap < 1 ? 1 : cap;
			c[text].est = idx ? fts_count(idx, mexpr, have_range ? rlo : INT64_MIN,
						      have_range ? rhi : INT64_MAX, (int64_t)cap)
					  : 0;
			if (c[text].est * (1 + others) <= best_cost) {
				best = text;
				use_range = 0;
			}
		}
	}

	if (plan_force != Q_PLAN_AUTO) { /* tests: every plan gives the same rows */
		long k = -1;
		for (size_t j = 0; j < nc && k < 0; j++)
			if ((plan_force == Q_PLAN_TEXT && c[j].text) ||
			    (plan_force == Q_PLAN_ENTITY && c[j].facts.kind == F_ENTITY) ||
			    (plan_force == Q_PLAN_PAIR && c[j].facts.kind == F_PAIR))
				k = (long)j;
		if (k >= 0 || plan_force == Q_PLAN_RANGE || plan_force == Q_PLAN_NONE) {
			best = k;
			use_range = plan_force == Q_PLAN_RANGE && have_range;
			if (plan_force == Q_PLAN_NONE)
				best = -1;
		}
	}
	int pl = 0, ph = 0;
	if (have_range) {
		pl = add_int_param(f, rlo);
		ph = add_int_param(f, rhi);
	}
#define RANGE(col) (have_range ? xasprintf(" AND %s >= ?%d AND %s <= ?%d", col, pl, col, ph) \
			       : xstrdup(""))
	char *range_id = RANGE("id");
	if (none) {
		f->driver = xstrdup("(SELECT id FROM article WHERE 0)");
	} else if (use_range) {
		f->driver = xasprintf("(SELECT id FROM article WHERE 1%s)", range_id);
	} else if (best >= 0 && c[best].text) {
		f->rank_match = mparam;
		char *r = RANGE("rowid");
		f->driver = xasprintf("(SELECT rowid AS id FROM article_fts WHERE article_fts MATCH "
				      "?%d%s)", mparam, r);
		free(r);
	} else if (best >= 0 && c[best].facts.kind == F_ENTITY) {
		char *r = RANGE("article_id");
		f->driver = xasprintf("(SELECT article_id AS id FROM article_entity "
				      "WHERE entity_id = %lld%s)", (long long)c[best].facts.eid, r);
		free(r);
	} else if (best >= 0 && c[best].facts.kind == F_PAIR) {
		char *r = RANGE("article_id");
		f->driver = xasprintf("(SELECT article_id AS id FROM relation WHERE a = ?%d AND "
				      "b = ?%d%s)", c[best].facts.pa, c[best].facts.pb, r);
		free(r);
	}
#undef RANGE
	free(range_id);

	/* The condition without the driver's term, and the whole condition,
	 * with the full-text term checked per article. */
	struct buf rest = BUF_INIT, probe = BUF_INIT;
	char *text_probe = xasprintf("EXISTS (SELECT 1 FROM article_fts WHERE article_fts MATCH "
				     "?%d AND rowid = article.id)", mparam);
	for (size_t k = 0; k < nc; k++) {
		const char *term = c[k].text ? text_probe : f->sql.data + c[k].start;
		int len = c[k].text ? (int)strlen(text_probe) : (int)(c[k].end - c[k].start);
		buf_printf(&probe, "%s%.*s", probe.len ? " AND " : "", len, term);
		if (!(f->driver && !use_range && !none && (long)k == best))
			buf_printf(&rest, "%s%.*s", rest.len ? " AND " : "", len, term);
	}
	free(text_probe);
	f->rest = rest.len ? xasprintf("(%s)", rest.data) : xstrdup("1");
	f->probe = probe.len ? xasprintf("(%s)", probe.data) : xstrdup("1");
	buf_free(&rest);
	buf_free(&probe);
	if (f->driver && f->idonly)
		f->from = xstrdup(f->driver);
	else if (f->driver)
		f->from = xasprintf("(SELECT article.id AS id, article.date AS date, article.source AS "
				    "source, article.lang AS lang FROM %s AS d CROSS JOIN article "
				    "ON article.id = d.id)",
				    f->driver);
}

/* Compiles the tree: the terms that must hold one by one (all words among
 * them as one full-text term), then the plan. */
static int
compile_top(struct att_filter *f, struct att_index *idx, struct node *root, struct att_err *err)
{
	struct node *v[ATT_FILTER_MAX_TERMS + 1];
	struct conj c[ATT_FILTER_MAX_TERMS + 1];
	size_t nv = 0, nc = 0;
	struct buf fts = BUF_INIT, rank = BUF_INIT;
	int mparam = 0, code = 0;

	flatten(root, v, &nv);
	for (size_t k = 0; k < nv; k++) {
		if (!text_only(v[k]))
			continue;
		if (fts.len)
			buf_adds(&fts, " AND ");
		fts_tree(v[k], &fts, &rank);
	}
	size_t top_rank = rank.len;
	buf_addc(&f->sql, '(');
	if (fts.len) {
		f->has_text = f->text_required = 1;
		buf_addc(&fts, '\0');
		mparam = add_text_param(f, buf_steal(&fts));
		c[nc] = (struct conj){.start = f->sql.len, .text = 1};
		buf_printf(&f->sql, "article.id IN (SELECT rowid FROM article_fts WHERE "
			   "article_fts MATCH ?%d)", mparam);
		c[nc++].end = f->sql.len;
	}
	for (size_t k = 0; k < nv && code == 0; k++) {
		if (text_only(v[k]))
			continue;
		if (nc)
			buf_adds(&f->sql, " AND ");
		f->facts = (struct facts){.kind = F_OTHER};
		c[nc] = (struct conj){.start = f->sql.len};
		code = compile_node(f, idx, v[k], 0, &rank, err);
		c[nc].end = f->sql.len;
		if (v[k]->kind == N_TERM)
			c[nc].facts = f->facts;
		nc++;
	}
	buf_addc(&f->sql, ')');
	if (code == 0) {
		if (rank.len)
			f->rank = buf_steal(&rank);
		plan(f, idx, c, nc, mparam, mparam ? f->params[mparam - 1].s : NULL);
		if (f->rank == NULL || strlen(f->rank) != top_rank)
			f->rank_match = 0; /* words below an OR rank too */
	}
	buf_free(&rank);
	buf_free(&fts);
	return code;
}

int
att_filter_compile(struct att_index *idx, const char *text, struct att_filter **out,
		   struct att_err *err)
{
	struct att_filter *f = xcalloc(1, sizeof *f);
	struct parser p = {text ? text : "", 0, 0, err};
	struct node *root = NULL;
	int code = 0;

	*out = NULL;
	f->text = xstrdup(p.s);
	if (strlen(p.s) > ATT_FILTER_MAX_LEN) {
		code = att_err_set(err, EX_DATAERR, "filter too long (more than %d bytes) at %zu",
				   ATT_FILTER_MAX_LEN, charpos(p.s, ATT_FILTER_MAX_LEN));
		goto done;
	}
	if (!att_utf8_valid(p.s, strlen(p.s))) {
		code = att_err_set(err, EX_DATAERR, "filter is not valid UTF-8 at 1");
		goto done;
	}
	skip_space(&p);
	if (p.s[p.i] == '\0') {
		f->empty = 1;
		buf_adds(&f->sql, "1");
		*out = f;
		return 0;
	}
	if ((code = parse_or(&p, 0, &root)) != 0)
		goto done;
	skip_space(&p);
	if (p.s[p.i] != '\0') {
		/* Only a stray ')' stops the top level early. */
		code = perr(&p, p.i, "unbalanced parenthesis");
		goto done;
	}
	f->idonly = 1;
	if ((code = compile_top(f, idx, root, err)) != 0)
		goto done;
	*out = f;
done:
	node_free(root);
	if (code != 0)
		att_filter_free(f);
	return code;
}

void
att_filter_free(struct att_filter *f)
{
	if (f == NULL)
		return;
	for (int k = 0; k < f->nparams; k++)
		free(f->params[k].s);
	free(f->params);
	buf_free(&f->sql);
	buf_free(&f->notes);
	free(f->rank);
	free(f->driver);
	free(f->rest);
	free(f->from);
	free(f->probe);
	free(f->text);
	free(f);
}

const char *
att_filter_text(const struct att_filter *f)
{
	return f ? f->text : "";
}

int
att_filter_is_empty(const struct att_filter *f)
{
	return f == NULL || f->empty;
}

int
att_filter_has_text(const struct att_filter *f)
{
	return f && f->has_text;
}

const char *
att_filter_notes(const struct att_filter *f)
{
	return f && f->notes.len ? f->notes.data : NULL;
}

const char *
att_filter_sql(const struct att_filter *f)
{
	return f && f->sql.data ? f->sql.data : "1";
}

int
att_filter_nparams(const struct att_filter *f)
{
	return f ? f->nparams : 0;
}

int
att_filter_text_required(const struct att_filter *f)
{
	return f && f->text_required;
}

const char *
att_filter_from(const struct att_filter *f)
{
	return f && !f->empty && f->from ? f->from : "article";
}

const char *
att_filter_from_where(const struct att_filter *f)
{
	return f && !f->empty && f->from && f->rest ? f->rest : att_filter_sql(f);
}

const char *
att_filter_ordered_driver(const struct att_filter *f)
{
	return f && !f->empty && f->driver && f->rest ? f->driver : NULL;
}

const char *
att_filter_rest(const struct att_filter *f)
{
	return f && f->rest ? f->rest : att_filter_sql(f);
}

int
att_filter_rank_match(const struct att_filter *f)
{
	return f && !f->empty ? f->rank_match : 0;
}

const char *
att_filter_probe_sql(const struct att_filter *f)
{
	return f && f->probe ? f->probe : att_filter_sql(f);
}

const char *
att_filter_rank_expr(const struct att_filter *f)
{
	return f ? f->rank : NULL;
}

void
att_filter_bind(const struct att_filter *f, sqlite3_stmt *st)
{
	if (f == NULL)
		return;
	for (int k = 0; k < f->nparams; k++) {
		if (f->params[k].is_int)
			sqlite3_bind_int64(st, k + 1, f->params[k].i);
		else
			sqlite3_bind_text(st, k + 1, f->params[k].s, -1, SQLITE_STATIC);
	}
}

int
att_first_undated_id(struct att_index *idx, int64_t *out, struct att_err *err)
{
	if (idx->first_undated_known) { /* found once: the index is read-only */
		*out = idx->first_undated;
		return 0;
	}
	*out = INT64_MAX;
	int code = dates_in_id_order(idx) ? first_id_from(idx, NULL, out, err) : 0;
	if (code == 0) {
		idx->first_undated = *out;
		idx->first_undated_known = 1;
	}
	return code;
}
