/* json.c: JSON Lines records parsed by SQLite (json_valid, json_each) in a
 * private in-memory database. */
#include "config.h"

#include "model/json.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

struct att_json {
	sqlite3 *db;
	sqlite3_stmt *type, *each;
};

static const char *const field_keys[ATT_JSON_NFIELDS] = {
	"title", "text", "body", "content", "date", "source", "url", "lang", "id",
};

int
att_json_open(struct att_json **out, struct att_err *err)
{
	struct att_json *j = xcalloc(1, sizeof *j);
	int rc = sqlite3_open_v2(":memory:", &j->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v3(j->db, "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) END", -1,
					SQLITE_PREPARE_PERSISTENT, &j->type, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v3(j->db, "SELECT key, type, atom FROM json_each(?1)"
					" WHERE type IN ('text', 'integer', 'real')", -1,
					SQLITE_PREPARE_PERSISTENT, &j->each, NULL);
	if (rc != SQLITE_OK) {
		int code = att_err_set(err, EX_SOFTWARE, "cannot set up the JSON parser: %s",
				       j->db ? sqlite3_errmsg(j->db) : sqlite3_errstr(rc));
		att_json_close(j);
		*out = NULL;
		return code;
	}
	*out = j;
	return 0;
}

void
att_json_close(struct att_json *j)
{
	if (j == NULL)
		return;
	sqlite3_finalize(j->type);
	sqlite3_finalize(j->each);
	sqlite3_close(j->db);
	free(j);
}

/* SQLite's JSON functions end a string at an escaped NUL (\u0000) and
 * lose the rest: returns a copy of LINE with each one made \ufffd (the
 * replacement character), counting them in *N, or NULL when it has none. */
static char *
nul_escapes(const char *line, size_t len, unsigned *n)
{
	char *copy = NULL;

	*n = 0;
	for (size_t i = 0; i + 1 < len; i++) {
		if (line[i] != '\\')
			continue;
		if (line[i + 1] == 'u' && i + 6 <= len && memcmp(line + i + 2, "0000", 4) == 0) {
			if (copy == NULL) {
				copy = xmalloc(len);
				memcpy(copy, line, len);
			}
			memcpy(copy + i + 2, "fffd", 4);
			(*n)++;
		}
		i++; /* the escaped character */
	}
	return copy;
}

int
att_json_parse(struct att_json *j, const char *line, size_t len, struct att_json_rec *rec,
	       const char **why)
{
	int rc, ok = 0;
	unsigned nuls;

	memset(rec, 0, sizeof *rec);
	char *fixed = nul_escapes(line, len, &nuls);
	if (fixed)
		line = fixed;
	sqlite3_bind_text64(j->type, 1, line, len, SQLITE_STATIC, SQLITE_UTF8);
	if (sqlite3_step(j->type) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(j->type, 0);
		if (t == NULL)
			*why = "not valid JSON";
		else if (strcmp(t, "object") != 0)
			*why = "not a JSON object";
		else
			ok = 1;
	} else {
		*why = sqlite3_errmsg(j->db);
	}
	sqlite3_reset(j->type);
	sqlite3_clear_bindings(j->type);
	if (!ok) {
		free(fixed);
		return -1;
	}

	sqlite3_bind_text64(j->each, 1, line, len, SQLITE_STATIC, SQLITE_UTF8);
	while ((rc = sqlite3_step(j->each)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(j->each, 0);
		if (key == NULL)
			continue;
		for (int f = 0; f < ATT_JSON_NFIELDS; f++) {
			/* The first occurrence of a key wins. */
			if (strcmp(key, field_keys[f]) != 0 || rec->val[f] != NULL)
				continue;
			const char *v = (const char *)sqlite3_column_text(j->each, 2);
			size_t n = (size_t)sqlite3_column_bytes(j->each, 2);
			rec->val[f] = xmalloc(n + 1);
			if (n)
				memcpy(rec->val[f], v, n);
			rec->val[f][n] = '\0';
			rec->len[f] = n;
		}
	}
	sqlite3_reset(j->each);
	sqlite3_clear_bindings(j->each);
	free(fixed);
	if (rc != SQLITE_DONE) {
		att_json_rec_free(rec);
		*why = "not valid JSON";
		return -1;
	}
	rec->nul_escapes = nuls;
	return 0;
}

void
att_json_rec_free(struct att_json_rec *rec)
{
	for (int f = 0; f < ATT_JSON_NFIELDS; f++)
		free(rec->val[f]);
	memset(rec, 0, sizeof *rec);
}
