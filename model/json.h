/* json.h: reading JSON Lines records. SQLite's own JSON functions
 * (json_each) are the reference, so that attache needs no JSON library;
 * the common record is parsed in one pass instead (json_each took a third
 * of the reader's time), and every line that pass does not handle exactly
 * as json_each would goes to json_each. */
#ifndef ATTACHE_JSON_H
#define ATTACHE_JSON_H

#include <stddef.h>

#include "model/util.h"

/* The fields attache reads from one record; the others are ignored. */
enum att_json_field {
	ATT_JSON_TITLE, ATT_JSON_TEXT, ATT_JSON_BODY, ATT_JSON_CONTENT, ATT_JSON_DATE,
	ATT_JSON_SOURCE, ATT_JSON_URL, ATT_JSON_LANG, ATT_JSON_ID, ATT_JSON_NFIELDS
};

/* One record: each field as text (strings, numbers) or NULL when absent,
 * null, an object or an array. Values may hold NUL bytes: see len. */
struct att_json_rec {
	char *val[ATT_JSON_NFIELDS];
	size_t len[ATT_JSON_NFIELDS];
	unsigned nul_escapes; /* \u0000 escapes read as U+FFFD (in any field) */
	int verbatim;         /* the values are the line's own bytes, escapes aside
			       * (none of NUL or a surrogate): valid UTF-8 without
			       * NUL when the line is */
};

struct att_json;

int att_json_open(struct att_json **out, struct att_err *err);
void att_json_close(struct att_json *j);

/* Parses one line. Returns 0 and fills REC (free it with
 * att_json_rec_free), or -1 with *WHY saying what is wrong ("not valid
 * JSON", "not a JSON object"). */
int att_json_parse(struct att_json *j, const char *line, size_t len, struct att_json_rec *rec,
		   const char **why);
/* The same, by SQLite's json_each alone: what att_json_parse does with
 * a line its one-pass parser leaves to SQLite. The two must agree on
 * every line (fuzz/json_fuzz.c checks it). */
int att_json_parse_sqlite(struct att_json *j, const char *line, size_t len,
			  struct att_json_rec *rec, const char **why);
void att_json_rec_free(struct att_json_rec *rec);

#endif
