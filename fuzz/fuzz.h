/* fuzz.h: what every harness in fuzz/ shares.
 *
 * Each NAME_fuzz.c defines LLVMFuzzerTestOneInput(). Built with clang and
 * -fsanitize=fuzzer it is a libFuzzer target (fuzz/run); linked with
 * fuzz/replay.c it is a plain program that replays saved inputs, which is
 * how `make check` runs the seed corpora and every crash ever found. */
#ifndef ATTACHE_FUZZ_H
#define ATTACHE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Optional, called once before the first input. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* An invariant of the code under test: when it does not hold, say which
 * and abort, so that libFuzzer keeps the input and the replay fails. */
#define FUZZ_ASSERT(cond)                                                          \
	do {                                                                       \
		if (!(cond)) {                                                     \
			fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, \
				__LINE__, #cond);                                  \
			abort();                                                   \
		}                                                                  \
	} while (0)

#endif
