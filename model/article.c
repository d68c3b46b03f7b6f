/* article.c: one article with its mentions, entities and sentences,
 * every offset checked against the text it points into. */
#include "config.h"

#include "model/query_int.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

void
att_article_free(struct att_article *a)
{
	if (a == NULL)
		return;
	free(a->title);
	free(a->body);
	free(a->date);
	free(a->source);
	free(a->lang);
	free(a->path);
	free(a->url);
	free(a->original);
	free(a->countries);
	for (size_t k = 0; k < a->nmentions; k++) {
		free(a->mentions[k].name);
		free(a->mentions[k].country);
	}
	free(a->mentions);
	for (size_t k = 0; k < a->nentities; k++) {
		free(a->entities[k].name);
		free(a->entities[k].country);
	}
	free(a->entities);
	free(a->sentences);
	free(a);
}

/* Reads the mentions, dropping those outside the text, inside a UTF-8
 * sequence, or overlapping an earlier one. */
static int
read_mentions(struct att_index *idx, struct att_article *a, struct att_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0, end[2] = {0, 0};
	int rc, code;

	code = q_prepare(idx,
			 "SELECT m.field, m.pos, m.len, m.entity_id, e.kind, e.name, e.country "
			 "FROM mention AS m JOIN entity AS e ON e.id = m.entity_id "
			 "WHERE m.article_id = ?1 "
			 "ORDER BY m.field = 'body', m.pos, m.len DESC",
			 &st, err);
	if (code != 0)
		return code;
	sqlite3_bind_int64(st, 1, a->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int field = q_field(st, 0), kind = q_kind(st, 4);
		size_t pos, len;
		if (field < 0 || kind < 0)
			continue;
		const char *text = field == ATT_TITLE ? a->title : a->body;
		size_t n = field == ATT_TITLE ? a->title_len : a->body_len;
		if (!q_clamp(text, n, sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2), 1, &pos,
			     &len))
			continue;
		if (pos < end[field])
			continue;
		end[field] = pos + len;
		if (a->nmentions == cap) {
			cap = cap ? cap * 2 : 32;
			a->mentions = xreallocarray(a->mentions, cap, sizeof *a->mentions);
		}
		struct att_mention_at *m = &a->mentions[a->nmentions++];
		m->field = (enum att_field)field;
		m->pos = pos;
		m->len = len;
		m->entity_id = sqlite3_column_int64(st, 3);
		m->kind = (enum att_kind)kind;
		m->name = q_text(st, 5, NULL);
		m->country = q_text(st, 6, NULL);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : q_fail(idx, rc, err);
}

static int
read_entities(struct att_index *idx, struct att_article *a, struct att_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, code;

	code = q_prepare(idx,
			 "SELECT e.id, e.kind, e.name, e.country, ae.mentions "
			 "FROM article_entity AS ae JOIN entity AS e ON e.id = ae.entity_id "
			 "WHERE ae.article_id = ?1 "
			 "ORDER BY CASE e.kind WHEN 'country' THEN 0 WHEN 'person' THEN 1 "
			 "WHEN 'org' THEN 2 ELSE 3 END, ae.mentions DESC, e.name",
			 &st, err);
	if (code != 0)
		return code;
	sqlite3_bind_int64(st, 1, a->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int kind = q_kind(st, 1);
		if (kind < 0)
			continue;
		if (a->nentities == cap) {
			cap = cap ? cap * 2 : 16;
			a->entities = xreallocarray(a->entities, cap, sizeof *a->entities);
		}
		struct att_entity_count *e = &a->entities[a->nentities++];
		e->id = sqlite3_column_int64(st, 0);
		e->kind = (enum att_kind)kind;
		e->name = q_text(st, 2, NULL);
		e->country = q_text(st, 3, NULL);
		e->mentions = sqlite3_column_int64(st, 4);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : q_fail(idx, rc, err);
}

static int
read_sentences(struct att_index *idx, struct att_article *a, struct att_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc, code;

	code = q_prepare(idx,
			 "SELECT n, field, pos, len, tone FROM sentence WHERE article_id = ?1 "
			 "ORDER BY n",
			 &st, err);
	if (code != 0)
		return code;
	sqlite3_bind_int64(st, 1, a->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int field = q_field(st, 1);
		size_t pos, len;
		if (field < 0)
			continue;
		const char *text = field == ATT_TITLE ? a->title : a->body;
		size_t n = field == ATT_TITLE ? a->title_len : a->body_len;
		if (!q_clamp(text, n, sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3), 0, &pos,
			     &len))
			continue;
		if (a->nsentences == cap) {
			cap = cap ? cap * 2 : 32;
			a->sentences = xreallocarray(a->sentences, cap, sizeof *a->sentences);
		}
		struct att_sentence_at *s = &a->sentences[a->nsentences++];
		s->n = sqlite3_column_int64(st, 0);
		s->field = (enum att_field)field;
		s->pos = pos;
		s->len = len;
		s->tone = sqlite3_column_double(st, 4);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : q_fail(idx, rc, err);
}

/* Reads the columns of an article one by one when one of them is longer
 * than SQLite's length limit: that one is cut (to the limit for the
 * texts, to 4 KiB for the short fields) and A->oversized set. */
static int
read_oversized(struct att_index *idx, struct att_article *a, struct att_err *err)
{
	size_t big = (size_t)sqlite3_limit(idx->db, SQLITE_LIMIT_LENGTH, -1) - 16, small = 4096;
	int cut = 0;

	if ((a->title = q_article_text(idx, "title", a->id, small, &a->title_len, &cut, err)) == NULL ||
	    (a->body = q_article_text(idx, "body", a->id, big, &a->body_len, &cut, err)) == NULL ||
	    (a->date = q_article_text(idx, "date", a->id, small, NULL, &cut, err)) == NULL ||
	    (a->source = q_article_text(idx, "source", a->id, small, NULL, &cut, err)) == NULL ||
	    (a->lang = q_article_text(idx, "lang", a->id, small, NULL, &cut, err)) == NULL ||
	    (a->path = q_article_text(idx, "path", a->id, small, NULL, &cut, err)) == NULL ||
	    (a->url = q_article_text(idx, "url", a->id, small, NULL, &cut, err)) == NULL ||
	    (a->countries = q_article_text(idx, "countries", a->id, small, NULL, &cut, err)) ==
		    NULL)
		return err->code;
	/* The original is only a fallback: left out when it is the long one
	 * (or empty). */
	int ocut = 0;
	a->original = q_article_text(idx, "original", a->id, big, &a->original_len, &ocut, err);
	if (a->original == NULL)
		return err->code;
	if (ocut || a->original_len == 0) {
		free(a->original);
		a->original = NULL;
		a->original_len = 0;
	}
	a->oversized = 1;
	return 0;
}

int
att_article_get(struct att_index *idx, int64_t id, struct att_article **out, struct att_err *err)
{
	sqlite3_stmt *st;
	int rc, code;

	*out = NULL;
	q_start(idx);
	code = q_prepare(idx,
			 "SELECT title, body, date, source, lang, path, url, original, countries "
			 "FROM article WHERE id = ?1",
			 &st, err);
	if (code != 0)
		return code;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(st);
		return att_err_set(err, EX_DATAERR, "no article %lld in %s", (long long)id, idx->path);
	}
	struct att_article *a = xcalloc(1, sizeof *a);
	a->id = id;
	if ((rc & 0xff) == SQLITE_TOOBIG) {
		sqlite3_finalize(st);
		if ((code = read_oversized(idx, a, err)) != 0) {
			att_article_free(a);
			return code;
		}
	} else if (rc != SQLITE_ROW) {
		code = q_fail(idx, rc, err);
		sqlite3_finalize(st);
		att_article_free(a);
		return code;
	} else {
		a->title = q_text(st, 0, &a->title_len);
		a->body = q_text(st, 1, &a->body_len);
		a->date = q_text(st, 2, NULL);
		a->source = q_text(st, 3, NULL);
		a->lang = q_text(st, 4, NULL);
		a->path = q_text(st, 5, NULL);
		a->url = q_text(st, 6, NULL);
		a->original = q_text_or_null(st, 7, &a->original_len);
		a->countries = q_text(st, 8, NULL);
		sqlite3_finalize(st);
	}
	if ((code = read_mentions(idx, a, err)) != 0 || (code = read_entities(idx, a, err)) != 0 ||
	    (code = read_sentences(idx, a, err)) != 0) {
		att_article_free(a);
		return code;
	}
	*out = a;
	return 0;
}
