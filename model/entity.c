/* entity.c: entities by name, the entity card, the entities under a
 * filter, and completion for the filter prompt. */
#include "config.h"

#include "model/query_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "model/text.h"

/* How many entities a name lookup reads when it falls back to comparing
 * folded display names one by one. */
#define NAME_SCAN_MAX 50000

/* The entity card counts the countries of at most this many of the
 * entity's articles, the newest, so that it opens at once. */
#define CARD_ARTICLES 50000

static const char *
kind_or_null(int kind)
{
	return kind >= 0 && kind <= ATT_PLACE ? att_kind_name((enum att_kind)kind) : NULL;
}

/* Appends ID to IDS unless present or full. */
static void
add_id(int64_t *ids, size_t max, size_t *n, int64_t id)
{
	for (size_t k = 0; k < *n; k++)
		if (ids[k] == id)
			return;
	if (*n < max)
		ids[(*n)++] = id;
}

/* Runs ST (bound) and adds the ids in its first column. */
static int
collect(struct att_index *idx, sqlite3_stmt *st, int64_t *ids, size_t max, size_t *n,
	struct att_err *err)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_id(ids, max, n, sqlite3_column_int64(st, 0));
	return rc == SQLITE_DONE ? 0 : q_fail(idx, rc, err);
}

int
att_entity_find(struct att_index *idx, const char *name, int kind, int64_t *ids, size_t max,
		size_t *n, struct att_err *err)
{
	sqlite3_stmt *st;
	size_t keylen;
	char *key = att_fold(name, strlen(name), &keylen);
	const char *kname = kind_or_null(kind);
	int code;

	*n = 0;
	/* 1. An alias, folded. */
	code = q_prepare(idx,
			 "SELECT e.id FROM alias AS a JOIN entity AS e ON e.id = a.entity_id "
			 "WHERE a.key = ?1 AND (?2 IS NULL OR e.kind = ?2) "
			 "ORDER BY e.articles DESC, e.id LIMIT 1000",
			 &st, err);
	if (code == 0) {
		sqlite3_bind_text(st, 1, key, (int)keylen, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, kname, -1, SQLITE_STATIC);
		code = collect(idx, st, ids, max, n, err);
		sqlite3_finalize(st);
	}
	/* 2. A country code. */
	if (code == 0 && (kind < 0 || kind == ATT_COUNTRY) && strlen(name) == 2 &&
	    isalpha((unsigned char)name[0]) && isalpha((unsigned char)name[1])) {
		char cc[3] = {(char)toupper((unsigned char)name[0]),
			      (char)toupper((unsigned char)name[1]), '\0'};
		code = q_prepare(idx,
				 "SELECT id FROM entity WHERE kind = 'country' AND country = ?1 "
				 "ORDER BY articles DESC, id",
				 &st, err);
		if (code == 0) {
			sqlite3_bind_text(st, 1, cc, -1, SQLITE_STATIC);
			code = collect(idx, st, ids, max, n, err);
			sqlite3_finalize(st);
		}
	}
	/* 3. The display name, folded, when nothing else matched. */
	if (code == 0 && *n == 0) {
		code = q_prepare(idx,
				 "SELECT id, name FROM entity WHERE (?1 IS NULL OR kind = ?1) "
				 "ORDER BY articles DESC LIMIT ?2",
				 &st, err);
		if (code == 0) {
			int rc;
			sqlite3_bind_text(st, 1, kname, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 2, NAME_SCAN_MAX);
			while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
				const char *nm = (const char *)sqlite3_column_text(st, 1);
				if (nm == NULL)
					continue;
				size_t fl;
				char *f = att_fold(nm, (size_t)sqlite3_column_bytes(st, 1), &fl);
				if (fl == keylen && memcmp(f, key, fl) == 0)
					add_id(ids, max, n, sqlite3_column_int64(st, 0));
				free(f);
			}
			if (rc != SQLITE_DONE)
				code = q_fail(idx, rc, err);
			sqlite3_finalize(st);
		}
	}
	free(key);
	return code;
}

/* ---------------------------------------------------------------- card */

void
att_entity_card_free(struct att_entity_card *c)
{
	if (c == NULL)
		return;
	free(c->name);
	free(c->country);
	att_strv_free(c->aliases, c->naliases);
	for (size_t k = 0; k < c->nwith; k++) {
		free(c->with[k].code);
		free(c->with[k].name);
	}
	free(c->with);
	free(c);
}

int
att_entity_card_get(struct att_index *idx, int64_t id, struct att_entity_card **out,
		    struct att_err *err)
{
	sqlite3_stmt *st;
	int rc, code;
	size_t cap = 0;

	*out = NULL;
	q_start(idx);
	code = q_prepare(idx, "SELECT kind, name, country, articles, mentions FROM entity WHERE id = ?1",
			 &st, err);
	if (code != 0)
		return code;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW || q_kind(st, 0) < 0) {
		code = rc == SQLITE_ROW || rc == SQLITE_DONE
			       ? att_err_set(err, EX_DATAERR, "no entity %lld in %s", (long long)id,
					     idx->path)
			       : q_fail(idx, rc, err);
		sqlite3_finalize(st);
		return code;
	}
	struct att_entity_card *c = xcalloc(1, sizeof *c);
	c->id = id;
	c->kind = (enum att_kind)q_kind(st, 0);
	c->name = q_text(st, 1, NULL);
	c->country = q_text(st, 2, NULL);
	c->articles = sqlite3_column_int64(st, 3);
	c->mentions = sqlite3_column_int64(st, 4);
	sqlite3_finalize(st);

	code = q_prepare(idx,
			 "SELECT DISTINCT name FROM alias WHERE entity_id = ?1 ORDER BY name LIMIT 200",
			 &st, err);
	if (code != 0)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->naliases == cap) {
			cap = cap ? cap * 2 : 16;
			c->aliases = xreallocarray(c->aliases, cap, sizeof *c->aliases);
		}
		c->aliases[c->naliases++] = q_text(st, 0, NULL);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		code = q_fail(idx, rc, err);
		goto fail;
	}

	code = q_prepare(idx,
			 "SELECT e.id, e.country, e.name, count(*) AS n "
			 "FROM (SELECT article_id FROM article_entity WHERE entity_id = ?1 "
			 "ORDER BY article_id DESC LIMIT ?2) AS me "
			 "JOIN article_entity AS oe ON oe.article_id = me.article_id "
			 "JOIN entity AS e ON e.id = oe.entity_id "
			 "WHERE e.kind = 'country' AND e.id <> ?1 "
			 "GROUP BY e.id ORDER BY n DESC, e.country LIMIT 10",
			 &st, err);
	if (code != 0)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, CARD_ARTICLES);
	c->with = xcalloc(10, sizeof *c->with);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && c->nwith < 10) {
		struct att_country_count *w = &c->with[c->nwith++];
		w->id = sqlite3_column_int64(st, 0);
		w->code = q_text(st, 1, NULL);
		w->name = q_text(st, 2, NULL);
		w->articles = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		code = q_fail(idx, rc, err);
		goto fail;
	}
	*out = c;
	return 0;
fail:
	att_entity_card_free(c);
	return code;
}

/* ------------------------------------------------------------ entities */

int
att_entities_each(struct att_index *idx, const struct att_filter *f, int kind, size_t limit,
		  int (*fn)(const struct att_entity_row *row, void *ctx), void *ctx,
		  struct att_err *err)
{
	sqlite3_stmt *st;
	int rc, code;
	char *sql;

	q_start(idx);
	if (att_filter_is_empty(f))
		sql = xstrdup("SELECT id, kind, name, country, articles, mentions FROM entity "
			      "WHERE (?901 IS NULL OR kind = ?901) "
			      "ORDER BY articles DESC, mentions DESC, id LIMIT ?902");
	else
		sql = xasprintf("WITH f(id) AS MATERIALIZED (SELECT article.id FROM %s AS article "
				"WHERE %s) "
				"SELECT e.id, e.kind, e.name, e.country, count(*) AS na, "
				"sum(ae.mentions) AS nm FROM f "
				"JOIN article_entity AS ae ON ae.article_id = f.id "
				"JOIN entity AS e ON e.id = ae.entity_id "
				"WHERE (?901 IS NULL OR e.kind = ?901) "
				"GROUP BY e.id ORDER BY na DESC, nm DESC, e.id LIMIT ?902",
				att_filter_from(f), att_filter_from_where(f));
	code = q_prepare(idx, sql, &st, err);
	free(sql);
	if (code != 0)
		return code;
	att_filter_bind(f, st);
	sqlite3_bind_text(st, 901, kind_or_null(kind), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 902, limit == 0 || limit > INT64_MAX ? -1 : (int64_t)limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int k = q_kind(st, 1);
		if (k < 0)
			continue;
		struct att_entity_row row = {
			.id = sqlite3_column_int64(st, 0),
			.kind = (enum att_kind)k,
			.name = q_text(st, 2, NULL),
			.country = q_text(st, 3, NULL),
			.articles = sqlite3_column_int64(st, 4),
			.mentions = sqlite3_column_int64(st, 5),
		};
		code = fn(&row, ctx);
		free(row.name);
		free(row.country);
		if (code != 0)
			break;
	}
	if (code == 0 && rc != SQLITE_DONE)
		code = q_fail(idx, rc, err);
	sqlite3_finalize(st);
	return code;
}

/* ---------------------------------------------------------- completion */

static const char *const field_names[] = {"country:", "person:", "org:",  "place:",
					  "entity:",  "pair:",   "source:", "lang:",
					  "date:",    "tone:",   "id:"};

void
att_strv_free(char **v, size_t n)
{
	for (size_t k = 0; k < n; k++)
		free(v[k]);
	free(v);
}

/* Adds S to the list unless it is already there. */
static void
add_str(char ***v, size_t *n, char *s)
{
	for (size_t k = 0; k < *n; k++)
		if (strcmp((*v)[k], s) == 0) {
			free(s);
			return;
		}
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = s;
}

/* FIELD:NAME, quoted when the name holds a space, quote or parenthesis. */
static char *
field_value(const char *lead, size_t leadlen, const char *name)
{
	struct buf b = BUF_INIT;
	buf_add(&b, lead, leadlen);
	if (strpbrk(name, " \t\"()") == NULL) {
		buf_adds(&b, name);
	} else {
		buf_addc(&b, '"');
		for (const char *s = name; *s; s++) {
			if (*s == '"')
				buf_addc(&b, '"');
			buf_addc(&b, *s);
		}
		buf_addc(&b, '"');
	}
	return buf_steal(&b);
}

int
att_complete(struct att_index *idx, const char *word, size_t max, char ***out, size_t *n,
	     struct att_err *err)
{
	const char *w = word;
	size_t neg = 0;
	int code = 0;

	*out = NULL;
	*n = 0;
	q_start(idx);
	while (w[neg] == '-')
		neg++;
	w += neg;
	const char *colon = strchr(w, ':');
	if (colon == NULL) {
		size_t wl = strlen(w);
		for (size_t k = 0; k < ATT_ARRAY_LEN(field_names) && *n < max; k++)
			if (strncasecmp(field_names[k], w, wl) == 0)
				add_str(out, n, xasprintf("%.*s%s", (int)neg, word, field_names[k]));
		return 0;
	}
	size_t flen = (size_t)(colon - w);
	int kind = -2;
	static const char *const ent_fields[] = {"country", "person", "org", "place", "entity"};
	for (size_t k = 0; k < ATT_ARRAY_LEN(ent_fields); k++)
		if (strlen(ent_fields[k]) == flen && strncasecmp(ent_fields[k], w, flen) == 0)
			kind = k < 4 ? (int)k : -1;
	if (kind == -2)
		return 0;
	const char *v = colon + 1;
	if (*v == '"')
		v++;
	size_t keylen;
	char *key = att_fold(v, strlen(v), &keylen);
	char *hi = xasprintf("%s\xf4\x8f\xbf\xbf", key);
	sqlite3_stmt *st;
	code = q_prepare(idx,
			 "SELECT a.name, max(e.articles) AS n FROM alias AS a "
			 "JOIN entity AS e ON e.id = a.entity_id "
			 "WHERE a.key >= ?1 AND a.key < ?2 AND (?3 IS NULL OR e.kind = ?3) "
			 "GROUP BY a.name ORDER BY n DESC, a.name LIMIT ?4",
			 &st, err);
	if (code == 0) {
		int rc;
		sqlite3_bind_text(st, 1, key, (int)keylen, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, kind_or_null(kind), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, (int64_t)(max > 10000 ? 10000 : max) * 4);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
			const char *name = (const char *)sqlite3_column_text(st, 0);
			if (name && *name && att_utf8_valid(name, strlen(name)))
				add_str(out, n, field_value(word, (size_t)(colon + 1 - word), name));
		}
		if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
			code = q_fail(idx, rc, err);
			att_strv_free(*out, *n);
			*out = NULL;
			*n = 0;
		}
		sqlite3_finalize(st);
	}
	free(key);
	free(hi);
	return code;
}
