/* query_int.h: helpers shared by the query files of model/ (not for
 * tui/): statements, error mapping, reading columns defensively. */
#ifndef ATTACHE_QUERY_INT_H
#define ATTACHE_QUERY_INT_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "model/query.h"

/* The first parameter number a query may use beside a filter's ?1..?N. */
#define Q_P 900

/* Clears the cancel flag (and what a cancellation left) before a query. */
void q_start(struct att_index *idx);
/* Maps a failed step or prepare to an error value (ATT_CANCELLED when the
 * query was interrupted). */
int q_fail(struct att_index *idx, int rc, struct att_err *err);
int q_prepare(struct att_index *idx, const char *sql, sqlite3_stmt **st, struct att_err *err);
/* The text of column I, "" for NULL; *LEN gets its length in bytes. */
char *q_text(sqlite3_stmt *st, int i, size_t *len);
/* The text of column I, or NULL when it is NULL. */
char *q_text_or_null(sqlite3_stmt *st, int i, size_t *len);
/* Column COL of article ID as text ("" for NULL), *LEN its length. A
 * value longer than SQLite's length limit is read cut to CAP bytes and an
 * ellipsis, setting *CUT. NULL with ERR filled on an error. */
char *q_article_text(struct att_index *idx, const char *col, int64_t id, size_t cap, size_t *len,
		     int *cut, struct att_err *err);
/* The kind named by column I, or -1. */
int q_kind(sqlite3_stmt *st, int i);
/* The field named by column I, or -1. */
int q_field(sqlite3_stmt *st, int i);
/* Fits [POS, POS+LEN) into TEXT[0..N) on UTF-8 boundaries; 0 when
 * nothing is left of it. STRICT refuses a start inside a sequence
 * instead of moving it forward. */
int q_clamp(const char *text, size_t n, int64_t pos, int64_t len, int strict, size_t *opos,
	    size_t *olen);

/* Sets how many rows one run of a sorted page query returns (tests). */
void q_list_set_window(struct att_list *l, int64_t window);

/* Sets how many of the newest matches relevance ranks (tests; 0: the
 * default). */
void q_rank_window(int64_t n);

/* Sets above how many matches title order walks the article_title index
 * (tests; -1: the default). */
void q_title_scan_min(int64_t n);

/* Tests: makes the filter planner start from the given kind of term when
 * the filter has one (Q_PLAN_NONE: from the article table). */
enum { Q_PLAN_AUTO, Q_PLAN_TEXT, Q_PLAN_ENTITY, Q_PLAN_PAIR, Q_PLAN_RANGE, Q_PLAN_NONE };
void q_plan_force(int kind);

#endif
