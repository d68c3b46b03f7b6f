/* index_fuzz.c: an index file from a stranger, mutated.
 *
 * The bytes are opened from memory through the same checks, hardening and
 * schema validation as a file (att_index_open_memory); when they pass,
 * the index is checked as `attache --check` does, and every question the
 * browser asks is put to it, unfiltered and through a filter that touches
 * the full-text index, entities and pairs (fuzz/queries.c checks the
 * answers). Errors are fine: they must be values. */
#include "config.h"

#include <string.h>

#include "fuzz/fuzz.h"
#include "fuzz/queries.h"
#include "model/index.h"
#include "model/query.h"
#include "model/util.h"

/* An error has a sysexits code and a message that names the index (names
 * from the file may hold any byte: the caller sanitises it for display). */
static void
check_err(const struct att_err *err, int code)
{
	FUZZ_ASSERT(code >= 64 && code <= 78);
	FUZZ_ASSERT(strstr(err->msg, "fuzz.idx") != NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct att_index *idx = NULL;
	struct att_err err;
	int code;

	att_err_clear(&err);
	code = att_index_open_memory(data, size, "fuzz.idx", &idx, &err);
	if (code != 0) {
		FUZZ_ASSERT(idx == NULL);
		check_err(&err, code);
		return 0;
	}
	FUZZ_ASSERT(idx != NULL);

	struct att_index_summary sum;
	code = att_index_check(idx, &sum, &err);
	if (code != 0)
		check_err(&err, code);

	fuzz_queries(idx, NULL);
	struct att_filter *f = NULL;
	if (att_filter_compile(idx, "russia OR country:RU OR pair:RU-UA OR minsk*", &f, &err) == 0) {
		fuzz_queries(idx, f);
		att_filter_free(f);
	}
	char **words = NULL;
	size_t n = 0;
	if (att_complete(idx, "country:b", 10, &words, &n, &err) == 0)
		att_strv_free(words, n);
	att_index_close(idx);
	return 0;
}
