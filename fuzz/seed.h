/* seed.h: the seed indexes of the fuzzers (see seed.c). */
#ifndef ATTACHE_FUZZ_SEED_H
#define ATTACHE_FUZZ_SEED_H

#include <stddef.h>

/* The bytes of a small index, valid (HOSTILE 0) or full of hostile values
 * (HOSTILE 1), built in memory; free with sqlite3_free(). NULL on failure. */
unsigned char *fuzz_seed_index(int hostile, size_t *len);

#endif
