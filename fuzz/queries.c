/* queries.c: the model's questions, asked of an index that may be hostile,
 * with the promises of model/query.h checked on every answer: offsets
 * inside their text and on character boundaries, mentions sorted and not
 * overlapping, a symmetric matrix with a zero diagonal, no NULL strings. */
#include "config.h"

#include <string.h>

#include "fuzz/fuzz.h"
#include "fuzz/queries.h"
#include "model/query.h"

/* At most this many rows, articles, entities: enough to reach every code
 * path, few enough to keep the fuzzer fast. */
#define FEW 8

static void
check_code(int code, const struct att_err *err)
{
	FUZZ_ASSERT(code == 0 || (code >= 64 && code <= 78));
	if (code)
		FUZZ_ASSERT(err->msg[0] != '\0');
}

/* POS is at a character boundary of S[0..N) (not inside a UTF-8 sequence). */
static int
boundary(const char *s, size_t n, size_t pos)
{
	return pos == 0 || pos >= n || ((unsigned char)s[pos] & 0xc0) != 0x80;
}

static void
check_article(const struct att_article *a)
{
	FUZZ_ASSERT(a->title && a->body && a->date && a->source && a->lang && a->path && a->url);
	FUZZ_ASSERT(a->countries);
	size_t last_end[2] = {0, 0};
	int last_field = -1;
	for (size_t i = 0; i < a->nmentions; i++) {
		const struct att_mention_at *m = &a->mentions[i];
		FUZZ_ASSERT(m->field == ATT_TITLE || m->field == ATT_BODY);
		const char *t = m->field == ATT_TITLE ? a->title : a->body;
		size_t n = m->field == ATT_TITLE ? a->title_len : a->body_len;
		FUZZ_ASSERT(m->pos <= n && m->len <= n - m->pos);
		FUZZ_ASSERT(boundary(t, n, m->pos) && boundary(t, n, m->pos + m->len));
		FUZZ_ASSERT((int)m->field >= last_field);
		if ((int)m->field == last_field)
			FUZZ_ASSERT(m->pos >= last_end[m->field]);
		last_field = (int)m->field;
		last_end[m->field] = m->pos + m->len;
		FUZZ_ASSERT(m->name && m->country);
	}
	for (size_t i = 0; i < a->nsentences; i++) {
		const struct att_sentence_at *s = &a->sentences[i];
		const char *t = s->field == ATT_TITLE ? a->title : a->body;
		size_t n = s->field == ATT_TITLE ? a->title_len : a->body_len;
		FUZZ_ASSERT(s->pos <= n && s->len <= n - s->pos);
		FUZZ_ASSERT(boundary(t, n, s->pos) && boundary(t, n, s->pos + s->len));
	}
	for (size_t i = 0; i < a->nentities; i++)
		FUZZ_ASSERT(a->entities[i].name && a->entities[i].country);
}

/* Pages through the list in SORT both ways and reads the articles. */
static void
list(struct att_index *idx, const struct att_filter *f, enum att_sort sort)
{
	struct att_list *l = NULL;
	struct att_err err;
	int code = att_list_open(idx, f, sort, &l, &err);

	check_code(code, &err);
	if (code)
		return;
	for (int dir = 1; dir >= -1; dir -= 2) {
		struct att_rows rows = {NULL, 0};
		struct att_row anchor;
		char *title = NULL;
		int have = 0;
		for (int page = 0; page < 3; page++) {
			code = att_list_page(l, have ? &anchor : NULL, dir, 3, &rows, &err);
			check_code(code, &err);
			if (code || rows.n == 0)
				break;
			for (size_t i = 0; i < rows.n; i++)
				FUZZ_ASSERT(rows.v[i].date && rows.v[i].source && rows.v[i].countries &&
					    rows.v[i].title);
			for (size_t i = 0; dir > 0 && page == 0 && i < rows.n; i++) {
				struct att_article *a = NULL;
				code = att_article_get(idx, rows.v[i].id, &a, &err);
				check_code(code, &err);
				if (code == 0)
					check_article(a);
				att_article_free(a);
			}
			/* The anchor must be a copy: the next call empties ROWS. */
			anchor = rows.v[rows.n - 1];
			free(title);
			title = xstrdup(anchor.title);
			anchor.title = title;
			have = 1;
			if (rows.n < 3)
				break;
		}
		free(title);
		att_rows_free(&rows);
	}
	int64_t count = 0;
	int capped = 0;
	code = att_list_count(l, 100, &count, &capped, &err);
	check_code(code, &err);
	if (code == 0)
		FUZZ_ASSERT(count >= 0 && count <= 100);
	att_list_close(l);
}

static void
matrix(struct att_index *idx, const struct att_filter *f)
{
	struct att_matrix *m = NULL;
	struct att_err err;
	int code = att_matrix_get(idx, f, 6, &m, &err);

	check_code(code, &err);
	if (code)
		return;
	FUZZ_ASSERT(m->n <= 6);
	for (size_t i = 0; i < m->n; i++) {
		FUZZ_ASSERT(m->codes[i] && m->names[i]);
		FUZZ_ASSERT(ATT_CELL(m, sentences, i, i) == 0 && ATT_CELL(m, cooc, i, i) == 0);
		for (size_t j = 0; j < m->n; j++) {
			FUZZ_ASSERT(ATT_CELL(m, sentences, i, j) == ATT_CELL(m, sentences, j, i));
			FUZZ_ASSERT(ATT_CELL(m, cooc, i, j) == ATT_CELL(m, cooc, j, i));
		}
	}
	if (m->n >= 2) {
		struct att_evidences ev = {NULL, 0};
		code = att_evidence_page(idx, f, m->codes[0], m->codes[1], NULL, FEW, &ev, &err);
		check_code(code, &err);
		for (size_t i = 0; code == 0 && i < ev.n; i++) {
			const struct att_evidence *e = &ev.v[i];
			FUZZ_ASSERT(e->date && e->title && e->text);
			FUZZ_ASSERT(e->apos <= e->text_len && e->alen <= e->text_len - e->apos);
			FUZZ_ASSERT(e->bpos <= e->text_len && e->blen <= e->text_len - e->bpos);
		}
		if (code == 0 && ev.n > 0) {
			struct att_evidence after = ev.v[ev.n - 1];
			struct att_evidences more = {NULL, 0};
			code = att_evidence_page(idx, f, m->codes[1], m->codes[0], &after, FEW, &more,
						 &err);
			check_code(code, &err);
			att_evidences_free(&more);
		}
		att_evidences_free(&ev);
	}
	att_matrix_free(m);
}

struct ent_ctx {
	int64_t ids[FEW];
	size_t n;
};

static int
ent_row(const struct att_entity_row *row, void *arg)
{
	struct ent_ctx *c = arg;
	FUZZ_ASSERT(row->name && row->country);
	if (c->n < FEW)
		c->ids[c->n++] = row->id;
	return 0;
}

static void
entities(struct att_index *idx, const struct att_filter *f)
{
	struct ent_ctx c = {{0}, 0};
	struct att_err err;
	int code = att_entities_each(idx, f, -1, 20, ent_row, &c, &err);

	check_code(code, &err);
	for (size_t i = 0; i < c.n; i++) {
		struct att_entity_card *card = NULL;
		code = att_entity_card_get(idx, c.ids[i], &card, &err);
		check_code(code, &err);
		if (code == 0) {
			FUZZ_ASSERT(card->name && card->country);
			for (size_t k = 0; k < card->naliases; k++)
				FUZZ_ASSERT(card->aliases[k]);
			att_entity_card_free(card);
		}
	}
	int64_t ids[4];
	size_t n = 0;
	code = att_entity_find(idx, "Russia", -1, ids, 4, &n, &err);
	check_code(code, &err);
	FUZZ_ASSERT(n <= 4);
}

void
fuzz_queries(struct att_index *idx, const struct att_filter *f)
{
	static const enum att_sort sorts[] = {ATT_SORT_NEWEST, ATT_SORT_OLDEST, ATT_SORT_TITLE,
					      ATT_SORT_RELEVANCE};
	for (size_t i = 0; i < ATT_ARRAY_LEN(sorts); i++)
		list(idx, f, sorts[i]);
	matrix(idx, f);
	entities(idx, f);
}
