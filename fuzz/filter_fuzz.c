/* filter_fuzz.c: the filter language (model/filter.c) on anything a user
 * could type or paste.
 *
 * Each input is compiled against the valid seed index, the hostile one and
 * no index. A syntax error is EX_DATAERR with a message naming a position
 * ("... at N", N within the text); a compiled filter keeps the text,
 * stays under the parameter limit, and every query runs with it on one
 * of the two indexes (the answers checked by fuzz/queries.c). Completion gets the input as the
 * word under the cursor. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sysexits.h>

#include "fuzz/fuzz.h"
#include "fuzz/queries.h"
#include "fuzz/seed.h"
#include "model/filter.h"
#include "model/query.h"
#include "model/util.h"

static struct att_index *indexes[2];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	for (int h = 0; h < 2; h++) {
		size_t len;
		struct att_err err;
		unsigned char *data = fuzz_seed_index(h, &len);
		FUZZ_ASSERT(data != NULL);
		FUZZ_ASSERT(att_index_open_memory(data, len, "seed.idx", &indexes[h], &err) == 0);
		sqlite3_free(data);
	}
	return 0;
}

/* The character count of S, the bound of an error position. */
static size_t
chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Compiles TEXT against IDX; runs the queries with it when QUERIES. */
static void
compile(struct att_index *idx, const char *text, int queries)
{
	struct att_filter *f = NULL;
	struct att_err err;
	int code;

	att_err_clear(&err);
	code = att_filter_compile(idx, text, &f, &err);
	if (code != 0) {
		FUZZ_ASSERT(f == NULL);
		FUZZ_ASSERT(code == EX_DATAERR);
		const char *at = strstr(err.msg, " at ");
		FUZZ_ASSERT(at != NULL);
		/* The last " at N" names the position. */
		for (const char *p; (p = strstr(at + 1, " at ")) != NULL;)
			at = p;
		char *end;
		unsigned long pos = strtoul(at + 4, &end, 10);
		FUZZ_ASSERT(end != at + 4);
		FUZZ_ASSERT(pos >= 1 && pos <= chars(text) + 1);
		return;
	}
	FUZZ_ASSERT(f != NULL);
	FUZZ_ASSERT(strcmp(att_filter_text(f), text) == 0);
	FUZZ_ASSERT(att_filter_sql(f) != NULL);
	FUZZ_ASSERT(att_filter_nparams(f) >= 0 && att_filter_nparams(f) < 900);
	if (att_filter_is_empty(f))
		FUZZ_ASSERT(!att_filter_has_text(f));
	if (idx && queries)
		fuzz_queries(idx, f);
	att_filter_free(f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);

	/* The queries are the slow part: each input runs them on one index. */
	compile(indexes[0], text, (size & 1) == 0);
	compile(indexes[1], text, (size & 1) == 1);
	compile(NULL, text, 0);

	char **words = NULL;
	size_t n = 0;
	struct att_err err;
	if (att_complete(indexes[0], text, 10, &words, &n, &err) == 0) {
		FUZZ_ASSERT(n <= 10);
		for (size_t i = 0; i < n; i++)
			FUZZ_ASSERT(words[i] != NULL);
		att_strv_free(words, n);
	}
	free(text);
	return 0;
}
