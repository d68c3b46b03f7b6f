/* query.c: the article list (keyset paging, capped counts) and the
 * helpers every query shares. */
#include "config.h"

#include "model/query_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "model/text.h"

#define ELLIPSIS "\xe2\x80\xa6"

static const char *const kind_names[] = {"country", "person", "org", "place"};

const char *
att_kind_name(enum att_kind kind)
{
	return (unsigned)kind < ATT_ARRAY_LEN(kind_names) ? kind_names[kind] : "?";
}

/* After a cancellation, SQLite keeps its interrupt flag raised until no
 * statement of the connection is running, and list cursors keep theirs
 * running between pages: so stop them all (they restart from their
 * anchor) before the next query. */
void
q_start(struct att_index *idx)
{
	if (idx->cancel) {
		sqlite3_stmt *st = NULL;
		while ((st = sqlite3_next_stmt(idx->db, st)) != NULL)
			if (sqlite3_stmt_busy(st))
				sqlite3_reset(st);
		idx->cancel = 0;
	}
}

int
q_fail(struct att_index *idx, int rc, struct att_err *err)
{
	int prim = rc & 0xff;

	if (prim == SQLITE_INTERRUPT || idx->cancel)
		return att_err_set(err, ATT_CANCELLED, "query cancelled");
	if (prim == SQLITE_CORRUPT)
		return att_err_set(err, EX_DATAERR, "%s: the index is corrupted (%s)", idx->path,
				   sqlite3_errmsg(idx->db));
	if (prim == SQLITE_IOERR)
		return att_err_set(err, EX_IOERR, "%s: read error (%s)", idx->path,
				   sqlite3_errmsg(idx->db));
	if (prim == SQLITE_NOMEM)
		return att_err_set(err, EX_SOFTWARE, "%s: out of memory", idx->path);
	if (prim == SQLITE_BUSY || prim == SQLITE_LOCKED)
		return att_err_set(err, EX_TEMPFAIL, "%s: the index is busy, try again", idx->path);
	if (prim == SQLITE_TOOBIG)
		return att_err_set(err, EX_DATAERR, "%s: a value longer than the %d MiB limit",
				   idx->path, sqlite3_limit(idx->db, SQLITE_LIMIT_LENGTH, -1) >> 20);
	return att_err_set(err, EX_DATAERR, "%s: query failed (%s)", idx->path,
			   sqlite3_errmsg(idx->db));
}

int
q_prepare(struct att_index *idx, const char *sql, sqlite3_stmt **st, struct att_err *err)
{
	int rc = sqlite3_prepare_v2(idx->db, sql, -1, st, NULL);
	if (rc != SQLITE_OK) {
		*st = NULL;
		return q_fail(idx, rc, err);
	}
	return 0;
}

char *
q_text(sqlite3_stmt *st, int i, size_t *len)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	size_t n = s ? (size_t)sqlite3_column_bytes(st, i) : 0;
	char *r = xmalloc(n + 1);
	if (n)
		memcpy(r, s, n);
	r[n] = '\0';
	if (len)
		*len = n;
	return r;
}

char *
q_text_or_null(sqlite3_stmt *st, int i, size_t *len)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL) {
		if (len)
			*len = 0;
		return NULL;
	}
	return q_text(st, i, len);
}

/* The first bytes of a value too long for SQLite to load, through the
 * blob interface, which reads a part of it. */
static char *
text_prefix(struct att_index *idx, const char *col, int64_t id, size_t cap, size_t *len)
{
	sqlite3_blob *b;
	if (sqlite3_blob_open(idx->db, "main", "article", col, id, 0, &b) != SQLITE_OK)
		return NULL;
	size_t n = (size_t)sqlite3_blob_bytes(b);
	if (n > cap)
		n = cap;
	char *r = xmalloc(n + sizeof ELLIPSIS);
	if (sqlite3_blob_read(b, r, (int)n, 0) != SQLITE_OK)
		n = 0;
	sqlite3_blob_close(b);
	/* Drop the last character (it may be cut), and say it is cut. */
	while (n > 0 && ((unsigned char)r[n - 1] & 0xC0) == 0x80)
		n--;
	if (n > 0 && (unsigned char)r[n - 1] >= 0xC0)
		n--;
	memcpy(r + n, ELLIPSIS, sizeof ELLIPSIS);
	*len = n + sizeof ELLIPSIS - 1;
	return r;
}

char *
q_article_text(struct att_index *idx, const char *col, int64_t id, size_t cap, size_t *len,
	       int *cut, struct att_err *err)
{
	sqlite3_stmt *st;
	char *sql = xasprintf("SELECT %s FROM article WHERE id = ?1", col);
	int code = q_prepare(idx, sql, &st, err);
	char *r = NULL;

	free(sql);
	if (code != 0)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	size_t n = 0;
	if (rc == SQLITE_ROW) {
		r = q_text(st, 0, &n);
	} else if ((rc & 0xff) == SQLITE_TOOBIG) {
		r = text_prefix(idx, col, id, cap, &n);
		*cut = 1;
	} else if (rc == SQLITE_DONE) {
		r = xstrdup("");
	}
	if (r == NULL)
		q_fail(idx, rc, err);
	else if (len)
		*len = n;
	sqlite3_finalize(st);
	return r;
}

int
q_kind(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	for (size_t k = 0; s && k < ATT_ARRAY_LEN(kind_names); k++)
		if (strcmp(s, kind_names[k]) == 0)
			return (int)k;
	return -1;
}

int
q_field(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	if (s && strcmp(s, "title") == 0)
		return ATT_TITLE;
	if (s && strcmp(s, "body") == 0)
		return ATT_BODY;
	return -1;
}

static int
is_cont(const char *t, size_t i)
{
	return ((unsigned char)t[i] & 0xC0) == 0x80;
}

int
q_clamp(const char *text, size_t n, int64_t pos, int64_t len, int strict, size_t *opos,
	size_t *olen)
{
	if (pos < 0 || len <= 0 || (uint64_t)pos >= n)
		return 0;
	size_t s = (size_t)pos;
	size_t e = (uint64_t)len > n - s ? n : s + (size_t)len;
	if (is_cont(text, s)) {
		if (strict)
			return 0;
		while (s < e && is_cont(text, s))
			s++;
	}
	/* Move the end back to the start of a sequence that fits. */
	while (e > s && e < n && is_cont(text, e))
		e--;
	if (e <= s)
		return 0;
	*opos = s;
	*olen = e - s;
	return 1;
}

/* ---------------------------------------------------------------- list */

/* Rows one execution of a sorted (title, relevance) page query may
 * return before it is run again from its last row: a bounded top-N sort
 * instead of sorting every match. */
#define SORT_WINDOW 2000

/* Relevance ranks the newest this many matches of the words: bm25 costs
 * about 2 us per match, so ranking half of a million articles would take
 * seconds. attache(1) says so. */
#define RANK_WINDOW 10000
static int64_t rank_window = RANK_WINDOW;

void
q_rank_window(int64_t n)
{
	rank_window = n > 0 ? n : RANK_WINDOW;
}

/* A page query kept running between pages: the next page in the same
 * direction continues stepping it, so the filter's subqueries are built
 * once, not once per page. */
struct cursor {
	sqlite3_stmt *st;
	int active;          /* stepped, not finished: the rows after LAST follow */
	int64_t returned;    /* rows returned by this execution */
	int64_t last_id;     /* the key of the last row returned */
	char *last_title;
	double last_rank;
};

struct att_list {
	struct att_index *idx;
	const struct att_filter *f;
	enum att_sort sort;
	struct cursor cur[2]; /* forwards, backwards */
	sqlite3_stmt *count;
	int64_t window;       /* SORT_WINDOW, smaller in tests */
	int64_t rank_lo, rank_hi; /* the ids relevance ranks (rank_match lists) */
	int title_scan;       /* title order read down the article_title index */
	int64_t undated;      /* newest first: the first undated id, INT64_MAX for none */
};

/* Newest first splits the ids at the first undated article. */
#define SPLIT(l) ((l)->sort == ATT_SORT_NEWEST && (l)->undated != INT64_MAX)

void
q_list_set_window(struct att_list *l, int64_t window)
{
	l->window = window;
}

void
att_rows_free(struct att_rows *rows)
{
	for (size_t k = 0; k < rows->n; k++) {
		free(rows->v[k].date);
		free(rows->v[k].source);
		free(rows->v[k].countries);
		free(rows->v[k].title);
	}
	free(rows->v);
	rows->v = NULL;
	rows->n = 0;
}

/* The title as a sort key: text whatever the stored type. */
#define TITLE_KEY "coalesce(CAST(article.title AS TEXT), '') COLLATE NOCASE"

/* Newest first with undated articles last: the dated ids (below ?909,
 * the first undated article: attache-index(5) numbers them last) newest
 * first, then the undated ones, as two id ranges read one after the
 * other. ?901 bounds the dated range and ?908 the undated one (below them
 * down the list, DIR > 0; above them up the list). FROM is the article
 * table or a driver joined to it, KEY its id column. */
static char *
newest_sql(const char *cols, const char *from, const char *key, const char *where, int dir)
{
	if (dir > 0)
		return xasprintf("SELECT * FROM (SELECT %s, 0 FROM %s WHERE (%s) AND %s < ?901 AND "
				 "%s < ?909 ORDER BY %s DESC) UNION ALL SELECT * FROM (SELECT %s, 0 "
				 "FROM %s WHERE (%s) AND %s >= ?909 AND %s < ?908 ORDER BY %s DESC)",
				 cols, from, where, key, key, key, cols, from, where, key, key, key);
	return xasprintf("SELECT * FROM (SELECT %s, 0 FROM %s WHERE (%s) AND %s >= ?909 AND "
			 "%s > ?908 ORDER BY %s ASC) UNION ALL SELECT * FROM (SELECT %s, 0 FROM %s "
			 "WHERE (%s) AND %s < ?909 AND %s > ?901 ORDER BY %s ASC)",
			 cols, from, where, key, key, key, cols, from, where, key, key, key);
}

/* Builds the page query for SORT in direction DIR. Parameters: ?901 the
 * anchor's id, ?902 its title or rank, ?903 the limit, ?905 the relevance
 * expression; with SPLIT (newest first, undated last) ?908 and ?909 (see
 * newest_sql). Without an anchor the keys are bound past either end. */
static char *
list_sql(const struct att_filter *f, enum att_sort sort, int dir, int ids_only, int title_scan,
	 int split)
{
	const char *cols = ids_only ? "article.id, NULL, NULL, NULL, NULL"
				    : "article.id, article.date, article.source, article.countries, "
				      "article.title";
	const char *w = att_filter_sql(f);
	const char *gt = dir > 0 ? ">" : "<";
	const char *asc = dir > 0 ? "ASC" : "DESC";
	const char *desc = dir > 0 ? "DESC" : "ASC";

	const char *drv = att_filter_ordered_driver(f);
	if (split && sort == ATT_SORT_NEWEST) {
		if (!drv)
			return newest_sql(cols, "article", "article.id", w, dir);
		char *from = xasprintf("%s AS d CROSS JOIN article ON article.id = d.id", drv);
		char *sql = newest_sql(cols, from, "d.id", att_filter_rest(f), dir);
		free(from);
		return sql;
	}
	if (drv && (sort == ATT_SORT_NEWEST || sort == ATT_SORT_OLDEST)) {
		/* Read the driver's ids in order, lazily: the first page
		 * costs a page, not the whole set of matches. */
		int down = (sort == ATT_SORT_NEWEST) == (dir > 0);
		return xasprintf("SELECT %s, 0 FROM %s AS d CROSS JOIN article ON article.id = d.id "
				 "WHERE (%s) AND d.id %s ?901 ORDER BY d.id %s LIMIT ?903",
				 cols, drv, att_filter_rest(f), down ? "<" : ">",
				 down ? "DESC" : "ASC");
	}
	switch (sort) {
	case ATT_SORT_NEWEST:
		return xasprintf("SELECT %s, 0 FROM article WHERE (%s) AND article.id %s ?901 "
				 "ORDER BY article.id %s LIMIT ?903",
				 cols, w, dir > 0 ? "<" : ">", desc);
	case ATT_SORT_OLDEST:
		return xasprintf("SELECT %s, 0 FROM article WHERE (%s) AND article.id %s ?901 "
				 "ORDER BY article.id %s LIMIT ?903",
				 cols, w, gt, asc);
	case ATT_SORT_TITLE:
		if (title_scan) /* many matches: down the title index, checked per article */
			return xasprintf("SELECT %s, 0 FROM article INDEXED BY article_title "
					 "WHERE (" TITLE_KEY ", article.id) %s (?902, ?901) AND (%s) "
					 "ORDER BY " TITLE_KEY " %s, article.id %s LIMIT ?903",
					 cols, gt, att_filter_probe_sql(f), asc, asc);
		if (drv) /* every match is read and sorted: from the fewest */
			return xasprintf("SELECT %s, 0 FROM %s AS d CROSS JOIN article ON "
					 "article.id = d.id WHERE (%s) AND "
					 "(" TITLE_KEY ", article.id) %s (?902, ?901) "
					 "ORDER BY " TITLE_KEY " %s, article.id %s LIMIT ?903",
					 cols, drv, att_filter_rest(f), gt, asc, asc);
		return xasprintf("SELECT %s, 0 FROM article WHERE (%s) AND "
				 "(" TITLE_KEY ", article.id) %s (?902, ?901) "
				 "ORDER BY " TITLE_KEY " %s, article.id %s LIMIT ?903",
				 cols, w, gt, asc, asc);
	case ATT_SORT_RELEVANCE:
		if (att_filter_rank_match(f))
			/* bm25 from the driver's own MATCH, over its newest
			 * RANK_WINDOW matches (ids ?906..?907). */
			return xasprintf("SELECT %s, bm25(article_fts) AS k FROM article_fts "
					 "CROSS JOIN article ON article.id = article_fts.rowid "
					 "WHERE article_fts MATCH ?%d AND article_fts.rowid >= ?906 "
					 "AND article_fts.rowid <= ?907 AND (%s) AND "
					 "(bm25(article_fts), article.id) %s (?902, ?901) "
					 "ORDER BY k %s, article.id %s LIMIT ?903",
					 cols, att_filter_rank_match(f), att_filter_rest(f), gt, asc,
					 asc);
		if (att_filter_text_required(f))
			return xasprintf("SELECT %s, bm25(article_fts) AS k FROM article_fts "
					 "JOIN article ON article.id = article_fts.rowid "
					 "WHERE article_fts MATCH ?905 AND (%s) AND "
					 "(bm25(article_fts), article.id) %s (?902, ?901) "
					 "ORDER BY k %s, article.id %s LIMIT ?903",
					 cols, w, gt, asc, asc);
		/* Rows that match only through OR or negations rank last. */
		return xasprintf("SELECT %s, coalesce(r.rank, 1e300) AS k FROM article LEFT JOIN "
				 "(SELECT rowid AS rid, bm25(article_fts) AS rank FROM article_fts "
				 "WHERE article_fts MATCH ?905) AS r ON r.rid = article.id "
				 "WHERE (%s) AND (coalesce(r.rank, 1e300), article.id) %s "
				 "(?902, ?901) ORDER BY k %s, article.id %s LIMIT ?903",
				 cols, w, gt, asc, asc);
	}
	return NULL;
}

static void
cursor_stop(struct cursor *c)
{
	if (c->st)
		sqlite3_reset(c->st);
	c->active = 0;
	c->returned = 0;
	free(c->last_title);
	c->last_title = NULL;
}

/* Title order over more matches than this walks the optional index
 * article_title (attache-index(5)) and checks the filter per article,
 * rather than sorting every match. */
#define TITLE_SCAN_MIN 20000
static int64_t title_scan_min = TITLE_SCAN_MIN;

void
q_title_scan_min(int64_t n)
{
	title_scan_min = n >= 0 ? n : TITLE_SCAN_MIN;
}

/* Decides how title order is read: down the title index when it exists
 * and the filter keeps many articles (or has no driver to start from). */
static int
choose_title_scan(struct att_list *l, struct att_err *err)
{
	sqlite3_stmt *st;
	const char *drv = att_filter_ordered_driver(l->f);
	int rc, code = q_prepare(l->idx, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
					 "AND name = 'article_title' AND tbl_name = 'article'",
				 &st, err);
	if (code != 0)
		return code;
	rc = sqlite3_step(st);
	int have = rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return q_fail(l->idx, rc, err);
	l->title_scan = have && drv == NULL;
	if (!have || drv == NULL)
		return 0;
	char *sql = xasprintf("SELECT count(*) FROM (SELECT 1 FROM %s AS d LIMIT %lld)", drv,
			      (long long)title_scan_min + 1);
	code = q_prepare(l->idx, sql, &st, err);
	free(sql);
	if (code != 0)
		return code;
	att_filter_bind(l->f, st);
	rc = sqlite3_step(st);
	l->title_scan = rc == SQLITE_ROW && sqlite3_column_int64(st, 0) > title_scan_min;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : q_fail(l->idx, rc, err);
}

/* The ids of the newest RANK_WINDOW matches of the driver, which
 * relevance ranks. */
static int
rank_bounds(struct att_list *l, struct att_err *err)
{
	sqlite3_stmt *st;
	char *sql = xasprintf("SELECT min(id), max(id) FROM (SELECT d.id AS id FROM %s AS d "
			      "ORDER BY d.id DESC LIMIT %lld)",
			      att_filter_ordered_driver(l->f), (long long)rank_window);
	int rc, code = q_prepare(l->idx, sql, &st, err);
	free(sql);
	if (code != 0)
		return code;
	att_filter_bind(l->f, st);
	rc = sqlite3_step(st);
	l->rank_lo = 1;
	l->rank_hi = 0; /* no matches: an empty range */
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		l->rank_lo = sqlite3_column_int64(st, 0);
		l->rank_hi = sqlite3_column_int64(st, 1);
	}
	code = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : q_fail(l->idx, rc, err);
	sqlite3_finalize(st);
	return code;
}

int
att_list_open(struct att_index *idx, const struct att_filter *f, enum att_sort sort,
	      struct att_list **out, struct att_err *err)
{
	struct att_list *l = xcalloc(1, sizeof *l);
	int code = 0;

	*out = NULL;
	if (sort == ATT_SORT_RELEVANCE && att_filter_rank_expr(f) == NULL)
		sort = ATT_SORT_NEWEST;
	l->idx = idx;
	l->f = f;
	l->sort = sort;
	l->window = SORT_WINDOW;
	l->undated = INT64_MAX;
	if (sort == ATT_SORT_TITLE)
		code = choose_title_scan(l, err);
	else if (sort == ATT_SORT_NEWEST) {
		/* Undated last refines the order: an index too damaged to
		 * tell keeps id order, and its pages report the damage. */
		code = att_first_undated_id(idx, &l->undated, err);
		if (code != 0 && code != ATT_CANCELLED) {
			l->undated = INT64_MAX;
			att_err_clear(err);
			code = 0;
		}
	}
	for (int d = 0; d < 2 && code == 0; d++) {
		char *sql = list_sql(f, sort, d == 0 ? 1 : -1, 0, l->title_scan, SPLIT(l));
		code = q_prepare(idx, sql, &l->cur[d].st, err);
		free(sql);
		if (code != 0 && l->title_scan) {
			/* An index named article_title that SQLite cannot use
			 * (another definition, partial): sort instead. */
			sqlite3_finalize(l->cur[0].st);
			l->cur[0].st = NULL;
			l->title_scan = 0;
			code = 0;
			d = -1;
		}
	}
	if (code == 0 && sort == ATT_SORT_RELEVANCE && att_filter_rank_match(f))
		code = rank_bounds(l, err);
	if (code != 0) {
		att_list_close(l);
		return code;
	}
	*out = l;
	return 0;
}

void
att_list_close(struct att_list *l)
{
	if (l == NULL)
		return;
	for (int d = 0; d < 2; d++) {
		cursor_stop(&l->cur[d]);
		sqlite3_finalize(l->cur[d].st);
	}
	sqlite3_finalize(l->count);
	free(l);
}

enum att_sort
att_list_sort(const struct att_list *l)
{
	return l->sort;
}

/* 1 when the running cursor stopped right at ANCHOR. */
static int
cursor_at(const struct att_list *l, const struct cursor *c, const struct att_row *anchor)
{
	if (!c->active || anchor == NULL || anchor->id != c->last_id || !sqlite3_stmt_busy(c->st))
		return 0;
	if (l->sort == ATT_SORT_TITLE)
		return c->last_title && strcmp(c->last_title, anchor->title) == 0;
	if (l->sort == ATT_SORT_RELEVANCE)
		return c->last_rank == anchor->rank;
	return 1;
}

/* Runs the page query of C again from the key (ID, TITLE, RANK), or from
 * the first row when HAVE_KEY is 0. */
static void
cursor_start(struct att_list *l, struct cursor *c, int dir, int have_key, int64_t id,
	     const char *title, double rank)
{
	sqlite3_stmt *st = c->st;
	int sorted = l->sort == ATT_SORT_TITLE || l->sort == ATT_SORT_RELEVANCE;

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	att_filter_bind(l->f, st);
	if (have_key) {
		sqlite3_bind_int64(st, 901, id);
		if (l->sort == ATT_SORT_TITLE)
			sqlite3_bind_text(st, 902, title ? title : "", -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_double(st, 902, rank);
	} else {
		/* Past the first row in this direction. */
		int up = (dir > 0) == (l->sort != ATT_SORT_NEWEST);
		sqlite3_bind_int64(st, 901, up ? INT64_MIN : INT64_MAX);
		if (l->sort == ATT_SORT_TITLE) {
			if (dir > 0)
				sqlite3_bind_text(st, 902, "", 0, SQLITE_STATIC);
			else /* a blob sorts after every text */
				sqlite3_bind_blob(st, 902, "\xff", 1, SQLITE_STATIC);
		} else {
			sqlite3_bind_double(st, 902, dir > 0 ? -HUGE_VAL : HUGE_VAL);
		}
	}
	sqlite3_bind_int64(st, 903, sorted ? l->window : -1);
	if (SPLIT(l)) {
		/* The anchor's own range from it on; the other range whole
		 * after a dated anchor (down) or an undated one (up), else
		 * empty (newest_sql). */
		sqlite3_bind_int64(st, 909, l->undated);
		if (!have_key) {
			sqlite3_bind_int64(st, 908, dir > 0 ? INT64_MAX : INT64_MIN);
		} else if (id < l->undated) {
			sqlite3_bind_int64(st, 908, INT64_MAX);
		} else {
			sqlite3_bind_int64(st, 901, INT64_MIN);
			sqlite3_bind_int64(st, 908, id);
		}
	}
	if (l->sort == ATT_SORT_RELEVANCE) {
		sqlite3_bind_text(st, 905, att_filter_rank_expr(l->f), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 906, l->rank_lo);
		sqlite3_bind_int64(st, 907, l->rank_hi);
	}
	c->active = 1;
	c->returned = 0;
}

/* A row holding a value longer than SQLite's length limit stops a page
 * query. Finds it (the row after KEY, by the same query reading only ids),
 * reads its columns cut to LIST_CAP bytes into R, and restarts cursor C
 * after it. */
#define LIST_CAP 1024
static int
list_oversized(struct att_list *l, struct cursor *c, int dir, const struct att_row *key,
	       struct att_row *r, struct att_err *err)
{
	struct cursor probe = {0};
	char *sql = list_sql(l->f, l->sort, dir, 1, l->title_scan, SPLIT(l));
	int code = q_prepare(l->idx, sql, &probe.st, err);

	free(sql);
	if (code != 0)
		return code;
	cursor_start(l, &probe, dir, key != NULL, key ? key->id : 0, key ? key->title : NULL,
		     key ? key->rank : 0);
	int rc = sqlite3_step(probe.st);
	if (rc != SQLITE_ROW) {
		code = rc == SQLITE_DONE ? att_err_set(err, EX_SOFTWARE, "%s: lost a row of the list",
						       l->idx->path)
					 : q_fail(l->idx, rc, err);
		sqlite3_finalize(probe.st);
		return code;
	}
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(probe.st, 0);
	r->rank = sqlite3_column_double(probe.st, 5);
	sqlite3_finalize(probe.st);
	int cut = 0;
	if ((r->date = q_article_text(l->idx, "date", r->id, LIST_CAP, NULL, &cut, err)) == NULL ||
	    (r->source = q_article_text(l->idx, "source", r->id, LIST_CAP, NULL, &cut, err)) == NULL ||
	    (r->countries = q_article_text(l->idx, "countries", r->id, LIST_CAP, NULL, &cut, err)) ==
		    NULL ||
	    (r->title = q_article_text(l->idx, "title", r->id, LIST_CAP, NULL, &cut, err)) == NULL) {
		free(r->date);
		free(r->source);
		free(r->countries);
		return err->code;
	}
	r->oversized = cut;
	cursor_start(l, c, dir, 1, r->id, r->title, r->rank);
	return 0;
}

int
att_list_page(struct att_list *l, const struct att_row *anchor, int dir, size_t n,
	      struct att_rows *out, struct att_err *err)
{
	struct cursor *c = &l->cur[dir >= 0 ? 0 : 1];
	int sorted = l->sort == ATT_SORT_TITLE || l->sort == ATT_SORT_RELEVANCE;
	int rc = SQLITE_DONE;
	size_t cap = 0;

	att_rows_free(out);
	q_start(l->idx);
	if (!cursor_at(l, c, anchor)) {
		cursor_stop(c);
		cursor_start(l, c, dir, anchor != NULL, anchor ? anchor->id : 0,
			     anchor ? anchor->title : NULL, anchor ? anchor->rank : 0);
	}
	while (out->n < n) {
		rc = sqlite3_step(c->st);
		if (rc == SQLITE_DONE && sorted && c->returned == l->window) {
			/* The window ran out, not the matches: go on from the last row. */
			char *t = xstrdup(out->n ? out->v[out->n - 1].title
						 : c->last_title ? c->last_title : "");
			cursor_start(l, c, dir, 1, c->last_id, t, c->last_rank);
			free(t);
			continue;
		}
		struct att_row big;
		if ((rc & 0xff) == SQLITE_TOOBIG) {
			int code = list_oversized(l, c, dir, out->n ? &out->v[out->n - 1] : anchor, &big,
						  err);
			if (code != 0) {
				cursor_stop(c);
				att_rows_free(out);
				return code;
			}
		} else if (rc != SQLITE_ROW) {
			break;
		}
		if (out->n == cap) {
			cap = cap ? cap * 2 : 64;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		struct att_row *r = &out->v[out->n++];
		if (rc != SQLITE_ROW) {
			*r = big;
			rc = SQLITE_ROW;
		} else {
			r->id = sqlite3_column_int64(c->st, 0);
			r->date = q_text(c->st, 1, NULL);
			r->source = q_text(c->st, 2, NULL);
			r->countries = q_text(c->st, 3, NULL);
			r->title = q_text(c->st, 4, NULL);
			r->rank = sqlite3_column_double(c->st, 5);
			r->oversized = 0;
		}
		c->returned++;
		c->last_id = r->id;
		c->last_rank = r->rank;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		int code = q_fail(l->idx, rc, err);
		cursor_stop(c);
		att_rows_free(out);
		return code;
	}
	if (rc == SQLITE_DONE || out->n == 0) {
		cursor_stop(c);
	} else if (l->sort == ATT_SORT_TITLE) {
		free(c->last_title);
		c->last_title = xstrdup(out->v[out->n - 1].title);
	}
	if (dir < 0) /* fetched nearest first: put them back in display order */
		for (size_t i = 0, j = out->n ? out->n - 1 : 0; i < j; i++, j--) {
			struct att_row t = out->v[i];
			out->v[i] = out->v[j];
			out->v[j] = t;
		}
	return 0;
}

int
att_list_count(struct att_list *l, int64_t cap, int64_t *count, int *capped, struct att_err *err)
{
	int rc, code;

	*count = 0;
	*capped = 0;
	q_start(l->idx);
	if (l->count == NULL) {
		char *sql = xasprintf("SELECT count(*) FROM (SELECT 1 FROM %s AS article WHERE (%s) "
				      "LIMIT ?901)",
				      att_filter_from(l->f), att_filter_from_where(l->f));
		code = q_prepare(l->idx, sql, &l->count, err);
		free(sql);
		if (code != 0)
			return code;
	}
	sqlite3_reset(l->count);
	sqlite3_clear_bindings(l->count);
	att_filter_bind(l->f, l->count);
	sqlite3_bind_int64(l->count, 901, cap > 0 ? cap + 1 : -1);
	rc = sqlite3_step(l->count);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(l->count);
		return q_fail(l->idx, rc, err);
	}
	*count = sqlite3_column_int64(l->count, 0);
	sqlite3_reset(l->count);
	if (cap > 0 && *count > cap) {
		*count = cap;
		*capped = 1;
	}
	return 0;
}
