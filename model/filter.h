/* filter.h: the filter language (see attache-filter(7)), compiled once
 * into a SQL condition over article ids with bound parameters.
 *
 * Nothing the user types reaches SQL except as a bound parameter; words
 * reach FTS5 only inside a MATCH expression built and quoted here. */
#ifndef ATTACHE_FILTER_H
#define ATTACHE_FILTER_H

#include <stddef.h>
#include <stdint.h>

#include "model/index.h"
#include "model/util.h"

/* Limits on what one filter may hold (errors name them). */
#define ATT_FILTER_MAX_TERMS 64
#define ATT_FILTER_MAX_DEPTH 32
#define ATT_FILTER_MAX_LEN 4096

struct att_filter;

/* Parses TEXT and resolves its entity names against IDX (which may be
 * NULL: entity terms then match nothing). NULL or blank TEXT gives a
 * filter that matches every article. On a syntax error returns EX_DATAERR
 * with a one-line message naming the 1-based character position, as in
 * "unbalanced parenthesis at 14". */
int att_filter_compile(struct att_index *idx, const char *text, struct att_filter **out,
		       struct att_err *err);
void att_filter_free(struct att_filter *f);

/* The text the filter was compiled from ("" for the empty filter). */
const char *att_filter_text(const struct att_filter *f);
/* 1 when the filter matches every article (no terms). */
int att_filter_is_empty(const struct att_filter *f);
/* 1 when the filter has full-text words (relevance order is possible). */
int att_filter_has_text(const struct att_filter *f);
/* Remarks for a status line, such as "no entity named 'Atlantide'", or
 * NULL. Values that name nothing are not errors: they match nothing. */
const char *att_filter_notes(const struct att_filter *f);

/* For model/ only (and tests): the SQL condition over the column
 * "article.id" (parameters ?1..?N, N < 900), and binding its values. */
const char *att_filter_sql(const struct att_filter *f);
int att_filter_nparams(const struct att_filter *f);
/* What to select matching ids from, as "FROM %s AS article WHERE
 * <condition>": "article", or, when the condition reads no column but
 * article.id, a smaller set of ids (with column id) that every match is
 * in, so that the article table need not be read. */
const char *att_filter_from(const struct att_filter *f);
/* The condition to use with att_filter_from(): the filter's, without
 * the term that the set of ids already ensures. */
const char *att_filter_from_where(const struct att_filter *f);
/* The first undated article of an index whose ids are in date order,
 * undated last (attache-index(5)), found by a binary search over ids; past
 * the last id when every article is dated, and INT64_MAX when the ids are
 * not in date order. */
int att_first_undated_id(struct att_index *idx, int64_t *out, struct att_err *err);
/* The driver: the ids of the cheapest term that must hold (the words,
 * one entity, one pair, an id or date range, with any id range pushed
 * in), readable in id order, or NULL. With att_filter_rest(), the
 * condition without the driver's term (other words are checked per
 * article), it lists the newest matches without building a set first. */
const char *att_filter_ordered_driver(const struct att_filter *f);
const char *att_filter_rest(const struct att_filter *f);
/* When the driver is the full-text term and holds every ranking word:
 * the number of the parameter holding its FTS5 expression (the driver's
 * own MATCH gives bm25), else 0. */
int att_filter_rank_match(const struct att_filter *f);
/* The whole condition, with the words checked article by article (for a
 * query that already walks few articles in its own order). */
const char *att_filter_probe_sql(const struct att_filter *f);
/* 1 when every match contains one of the ranking words (a word that
 * must hold, not under OR or a negation). */
int att_filter_text_required(const struct att_filter *f);
/* The FTS5 expression that ranks by relevance (every word not under a
 * negation, OR-ed), or NULL. */
const char *att_filter_rank_expr(const struct att_filter *f);
struct sqlite3_stmt;
void att_filter_bind(const struct att_filter *f, struct sqlite3_stmt *st);

#endif
