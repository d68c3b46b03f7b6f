/* json_fuzz.c: the JSON Lines record parser, its one-pass path against
 * SQLite's json_each.
 *
 * attache-index parses the common record in one pass and leaves every
 * other line to json_each (model/json.c). On any line, att_json_parse and
 * att_json_parse_sqlite (json_each alone) must agree: both refuse it, for
 * the same reason, or both give the same fields, byte for byte, with the
 * same count of \u0000 escapes. A value is NUL-terminated at its length,
 * and when the one-pass parser calls the values the line's own bytes
 * (verbatim), a line in valid UTF-8 gives values in valid UTF-8 without
 * NUL, which the reader then takes without checking them again. */
#include "config.h"

#include <string.h>

#include "fuzz/fuzz.h"
#include "model/json.h"
#include "model/text.h"

static struct att_json *json;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct att_err err;

	(void)argc;
	(void)argv;
	if (att_json_open(&json, &err) != 0) {
		fprintf(stderr, "json_fuzz: %s\n", err.msg);
		exit(1);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *line = (const char *)data;
	const char *why_fast = NULL, *why_sql = NULL;
	struct att_json_rec fast, sql;

	int rc_fast = att_json_parse(json, line, size, &fast, &why_fast);
	int rc_sql = att_json_parse_sqlite(json, line, size, &sql, &why_sql);
	FUZZ_ASSERT(rc_fast == rc_sql);
	if (rc_fast != 0) {
		FUZZ_ASSERT(why_fast != NULL && why_sql != NULL);
		FUZZ_ASSERT(strcmp(why_fast, why_sql) == 0);
		return 0;
	}
	FUZZ_ASSERT(fast.nul_escapes == sql.nul_escapes);
	int valid = att_utf8_valid(line, size);
	for (int f = 0; f < ATT_JSON_NFIELDS; f++) {
		FUZZ_ASSERT((fast.val[f] == NULL) == (sql.val[f] == NULL));
		if (fast.val[f] == NULL)
			continue;
		FUZZ_ASSERT(fast.len[f] == sql.len[f]);
		FUZZ_ASSERT(memcmp(fast.val[f], sql.val[f], fast.len[f]) == 0);
		FUZZ_ASSERT(fast.val[f][fast.len[f]] == '\0');
		if (fast.verbatim && valid) {
			FUZZ_ASSERT(memchr(fast.val[f], '\0', fast.len[f]) == NULL);
			FUZZ_ASSERT(att_utf8_valid(fast.val[f], fast.len[f]));
		}
	}
	att_json_rec_free(&fast);
	att_json_rec_free(&sql);
	return 0;
}
