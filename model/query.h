/* query.h: the questions the panes and the batch modes ask of an index.
 *
 * Every function returns 0 or a sysexits(3) code with ERR filled with a
 * one-line message. A query stopped by att_index_interrupt() returns
 * ATT_CANCELLED (EX_TEMPFAIL) and nothing else does; each call clears
 * idx->cancel when it starts. Text is returned raw, exactly as stored: the
 * caller sanitises it (att_sanitize) before it reaches a terminal. Strings
 * are owned by the structure returned and never NULL unless said so.
 *
 * Sized for a million articles: lists page by key (never OFFSET), counts
 * stop at a cap, aggregates come from the pair and entity tables when no
 * filter is given. The index may come from a stranger: wrong types, NULLs
 * and offsets past the end are clamped or skipped, never trusted. */
#ifndef ATTACHE_QUERY_H
#define ATTACHE_QUERY_H

#include <stddef.h>
#include <stdint.h>
#include <sysexits.h>

#include "model/filter.h"
#include "model/index.h"
#include "model/util.h"
#include "model/write.h" /* enum att_kind, enum att_field */

#define ATT_CANCELLED EX_TEMPFAIL

/* "country", "person", "org", "place". */
const char *att_kind_name(enum att_kind kind);

/* ---------------------------------------------------------------- list */

enum att_sort {
	ATT_SORT_NEWEST,    /* id descending (ids are in date order) */
	ATT_SORT_OLDEST,    /* id ascending */
	ATT_SORT_TITLE,     /* title, then id */
	ATT_SORT_RELEVANCE  /* bm25 when the filter has words, else newest */
};

/* One line of the article list. */
struct att_row {
	int64_t id;
	char *date;      /* "" when undated */
	char *source;    /* "" when unknown */
	char *countries; /* article.countries: "BY RU UA" */
	char *title;
	double rank;     /* the relevance key (ATT_SORT_RELEVANCE only) */
	int oversized;   /* a value was over SQLite's length limit: cut, ending in "…" */
};

struct att_rows {
	struct att_row *v;
	size_t n;
};
void att_rows_free(struct att_rows *rows);

struct att_list;

/* Prepares the list of articles matching F (not copied: it must outlive
 * the list) in order SORT. */
int att_list_open(struct att_index *idx, const struct att_filter *f, enum att_sort sort,
		  struct att_list **out, struct att_err *err);
void att_list_close(struct att_list *l);
/* The order actually used (relevance falls back to newest without words). */
enum att_sort att_list_sort(const struct att_list *l);

/* Fetches up to N rows into OUT (emptied first), in display order:
 * DIR > 0: the rows after ANCHOR (from the first row when ANCHOR is NULL);
 * DIR < 0: the rows before ANCHOR (the last rows when ANCHOR is NULL).
 * ANCHOR is a row previously returned by the same list. Fewer than N rows
 * means the end (or the beginning) was reached. */
int att_list_page(struct att_list *l, const struct att_row *anchor, int dir, size_t n,
		  struct att_rows *out, struct att_err *err);

/* Counts the matching articles, stopping at CAP (0: no cap). *CAPPED is 1
 * when the count stopped there. */
int att_list_count(struct att_list *l, int64_t cap, int64_t *count, int *capped,
		   struct att_err *err);

/* ------------------------------------------------------------- article */

struct att_mention_at {
	enum att_field field;
	size_t pos, len;     /* bytes into title or body; inside it, on UTF-8 boundaries */
	int64_t entity_id;
	enum att_kind kind;
	char *name;          /* the entity's display name */
	char *country;       /* "" when none */
};

struct att_sentence_at {
	int64_t n;
	enum att_field field;
	size_t pos, len;     /* clamped to the text, on UTF-8 boundaries */
	double tone;         /* < 0 conflict, > 0 cooperation */
};

struct att_entity_count {
	int64_t id;
	enum att_kind kind;
	char *name;
	char *country;       /* "" when none */
	int64_t mentions;    /* in this article */
};

struct att_article {
	int64_t id;
	char *title, *body;  /* never NULL; may hold NUL bytes: use the lengths */
	size_t title_len, body_len;
	char *date, *source, *lang, *path, *url; /* "" when missing */
	char *original;      /* NULL when the index keeps none */
	size_t original_len;
	char *countries;
	int oversized;       /* a value was over SQLite's length limit: cut, ending in "…" */
	/* Sorted by field (title first) then position; never overlapping. */
	struct att_mention_at *mentions;
	size_t nmentions;
	/* Grouped by kind (country, person, org, place), most mentioned first. */
	struct att_entity_count *entities;
	size_t nentities;
	/* In sentence order. */
	struct att_sentence_at *sentences;
	size_t nsentences;
};

/* Reads article ID with its mentions, entities and sentences. An id that
 * is not in the index gives EX_DATAERR ("no article 42"). */
int att_article_get(struct att_index *idx, int64_t id, struct att_article **out,
		    struct att_err *err);
void att_article_free(struct att_article *a);

/* -------------------------------------------------------------- matrix */

struct att_matrix {
	size_t n;            /* countries, most mentioned first */
	char **codes;        /* ISO 3166-1 alpha-2 as stored */
	char **names;        /* entity.name of the country */
	int64_t *articles;   /* articles mentioning each country (under the filter) */
	/* n*n, symmetric, row-major, zero on the diagonal: */
	int64_t *sentences;  /* sentences where both occur */
	int64_t *cooc;       /* articles where both occur in one sentence */
	double *tone;        /* sentence-weighted mean tone, 0 without sentences */
};

/* The TOP most mentioned countries and their pairs, for the whole corpus
 * (F NULL or empty: from the pair table) or the articles matching F. */
int att_matrix_get(struct att_index *idx, const struct att_filter *f, size_t top,
		   struct att_matrix **out, struct att_err *err);
void att_matrix_free(struct att_matrix *m);
/* Cell accessors. */
#define ATT_CELL(m, arr, i, j) ((m)->arr[(size_t)(i) * (m)->n + (size_t)(j)])

/* ------------------------------------------------------------ evidence */

struct att_evidence {
	int64_t article_id;
	int64_t n;           /* the sentence number */
	char *date, *title;  /* of the article */
	enum att_field field;
	char *text;          /* the sentence (a substring of title or body) */
	size_t text_len;
	size_t pos;          /* where the sentence starts in its field */
	double tone;
	/* The countries' mentions, relative to TEXT; len 0 when not found. */
	size_t apos, alen, bpos, blen;
};

struct att_evidences {
	struct att_evidence *v;
	size_t n;
};
void att_evidences_free(struct att_evidences *ev);

/* The sentences where countries A and B (codes, either order) occur
 * together, in articles matching F (NULL: all), newest article first, in
 * sentence order within an article: up to N after AFTER (NULL: from the
 * start). */
int att_evidence_page(struct att_index *idx, const struct att_filter *f, const char *a,
		      const char *b, const struct att_evidence *after, size_t n,
		      struct att_evidences *out, struct att_err *err);

/* ------------------------------------------------------------ entities */

struct att_entity_row {
	int64_t id;
	enum att_kind kind;
	char *name;
	char *country;       /* "" when none */
	int64_t articles, mentions; /* under the filter */
};

/* Calls FN for each entity mentioned in articles matching F (NULL: all),
 * most articles first, at most LIMIT (0: all). KIND < 0: every kind. FN
 * returning non-zero stops the walk (and is returned). Rows are streamed,
 * never all held at once; the row is valid only during the call. */
int att_entities_each(struct att_index *idx, const struct att_filter *f, int kind,
		      size_t limit, int (*fn)(const struct att_entity_row *row, void *ctx),
		      void *ctx, struct att_err *err);

struct att_country_count {
	int64_t id;
	char *code, *name;
	int64_t articles;    /* articles shared with the entity */
};

struct att_entity_card {
	int64_t id;
	enum att_kind kind;
	char *name;
	char *country;       /* "" when none */
	char **aliases;      /* distinct alias names */
	size_t naliases;
	int64_t articles, mentions;
	/* The 10 countries most often in its articles (counted over its
	 * 50,000 newest articles at most). */
	struct att_country_count *with;
	size_t nwith;
};

int att_entity_card_get(struct att_index *idx, int64_t id, struct att_entity_card **out,
			struct att_err *err);
void att_entity_card_free(struct att_entity_card *c);

/* Finds entities by name or alias (folded, exact), of KIND (< 0: any):
 * up to MAX ids into IDS, the count in *N. */
int att_entity_find(struct att_index *idx, const char *name, int kind, int64_t *ids,
		    size_t max, size_t *n, struct att_err *err);

/* ---------------------------------------------------------- completion */

/* Completions of WORD, the word under the cursor in the filter prompt:
 * field names ("coun" -> "country:"), or entity names and aliases by
 * folded prefix after an entity field ("country:bie" ->
 * "country:Bielorussia"; names with spaces come quoted). At most MAX
 * strings, distinct, into *OUT (free with att_strv_free). */
int att_complete(struct att_index *idx, const char *word, size_t max, char ***out, size_t *n,
		 struct att_err *err);
void att_strv_free(char **v, size_t n);

#endif
