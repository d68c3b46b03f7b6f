/* json.c: JSON Lines records parsed by SQLite (json_each) in a
 * private in-memory database. */
#include "config.h"

#include "model/json.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

struct att_json {
	sqlite3 *db;
	sqlite3_stmt *each;
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
	/* Valid JSON whose first byte after blanks is '{' is an object: the
	 * text is parsed once, by json_each, which fails on invalid JSON,
	 * instead of once more by json_valid and json_type first (a third
	 * of the reader's time). */
	size_t lead = 0;
	while (lead < len && (line[lead] == ' ' || line[lead] == '\t' || line[lead] == '\n' ||
			      line[lead] == '\r' || line[lead] == '\f' || line[lead] == '\v'))
		lead++;
	ok = lead < len && line[lead] == '{';
	sqlite3_bind_text64(j->each, 1, line, len, SQLITE_STATIC, SQLITE_UTF8);
	while ((rc = sqlite3_step(j->each)) == SQLITE_ROW) {
		if (!ok)
			continue;
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
	/* "malformed JSON" (SQLite's word) is ours; other failures keep
	 * SQLite's message (too big, out of memory). */
	const char *msg = rc == SQLITE_DONE ? NULL : sqlite3_errmsg(j->db);
	if (msg && strcmp(msg, "malformed JSON") == 0)
		msg = "not valid JSON";
	else if (msg == NULL && !ok)
		msg = "not a JSON object";
	if (msg) {
		*why = msg;
		sqlite3_reset(j->each); /* after reading the message, which it resets */
		sqlite3_clear_bindings(j->each);
		free(fixed);
		att_json_rec_free(rec);
		return -1;
	}
	sqlite3_reset(j->each);
	sqlite3_clear_bindings(j->each);
	free(fixed);
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
