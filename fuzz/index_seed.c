/* index_seed.c: writes the seed indexes of fuzz/seed.c to files, to seed
 * the index fuzzer and the replay test.
 * Usage: index_seed DIR; writes DIR/valid.idx and DIR/hostile.idx. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz/seed.h"
#include "model/util.h"

/* Writes seed HOSTILE to PATH; 1 on success. */
static int
write_seed(const char *path, int hostile)
{
	size_t len;
	unsigned char *data = fuzz_seed_index(hostile, &len);
	FILE *fp = data ? fopen(path, "wb") : NULL;
	int ok = fp && fwrite(data, 1, len, fp) == len;

	if (fp && fclose(fp) != 0)
		ok = 0;
	if (!ok)
		fprintf(stderr, "index_seed: cannot write %s\n", path);
	sqlite3_free(data);
	return ok;
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: index_seed DIR\n");
		return 64;
	}
	char *valid = xasprintf("%s/valid.idx", argv[1]);
	char *hostile = xasprintf("%s/hostile.idx", argv[1]);
	int ok = write_seed(valid, 0) && write_seed(hostile, 1);
	free(valid);
	free(hostile);
	return ok ? 0 : 73;
}
