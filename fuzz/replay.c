/* replay.c: runs a fuzz harness without libFuzzer over the files (or the
 * files in the directories) named on the command line, for `make check`.
 * Prints one line per input; a failed invariant aborts as in the fuzzer. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz/fuzz.h"
#include "model/util.h"

/* Harnesses that need no set-up leave this undefined. */
#pragma weak LLVMFuzzerInitialize

/* Reads the whole file PATH; returns 0 or an errno value. */
static int
slurp(const char *path, struct buf *b)
{
	FILE *fp = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	if (fp == NULL)
		return errno;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(b, chunk, n);
	int bad = ferror(fp);
	fclose(fp);
	return bad ? EIO : 0;
}

static int
run_file(const char *path)
{
	struct buf b = BUF_INIT;
	int e = slurp(path, &b);

	if (e) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(e));
		buf_free(&b);
		return 1;
	}
	/* A copy of exactly the input's size, so that ASan sees overreads. */
	uint8_t *data = xmalloc(b.len);
	if (b.len)
		memcpy(data, b.data, b.len);
	LLVMFuzzerTestOneInput(data, b.len);
	free(data);
	buf_free(&b);
	printf("replayed %s\n", path);
	return 0;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays every regular file in DIR, in name order. */
static int
run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;
	int bad = 0;

	if (d == NULL) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xasprintf("%s/%s", dir, de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_names);
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode))
			bad |= run_file(names[i]);
		free(names[i]);
	}
	free(names);
	return bad;
}

int
main(int argc, char **argv)
{
	int bad = 0;

	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			bad |= run_dir(argv[i]);
		else
			bad |= run_file(argv[i]);
	}
	return bad;
}
