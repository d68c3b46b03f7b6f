/* fold_fuzz.c: folding for matching, att_fold().
 *
 * Any bytes fold to valid UTF-8 of the reported length, NUL-terminated,
 * without uppercase letters that case folding would change, without
 * nonspacing marks, and folding the result again changes nothing (the
 * indexer folds gazetteer names and the filter folds what the user types:
 * both sides must meet). */
#include "config.h"

#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "fuzz/fuzz.h"
#include "model/text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len = 12345;
	char *f = att_fold((const char *)data, size, &len);

	FUZZ_ASSERT(f != NULL);
	FUZZ_ASSERT(f[len] == '\0');
	FUZZ_ASSERT(u8_check((const uint8_t *)f, len) == NULL);
	for (const uint8_t *p = (const uint8_t *)f, *end = p + len; p < end;) {
		ucs4_t uc;
		int k = u8_mbtouc(&uc, p, (size_t)(end - p));
		FUZZ_ASSERT(k > 0);
		FUZZ_ASSERT(!uc_is_general_category(uc, UC_CATEGORY_Mn));
		p += k;
	}

	size_t len2 = 0;
	char *g = att_fold(f, len, &len2);
	FUZZ_ASSERT(len2 == len && memcmp(f, g, len) == 0);
	free(g);

	/* A NULL length pointer is allowed. */
	g = att_fold((const char *)data, size, NULL);
	FUZZ_ASSERT(strncmp(f, g, len) == 0);
	free(g);
	free(f);
	return 0;
}
