/* config_fuzz.c: the config file and theme loader (tui/conf.c,
 * tui/conf_ini.c, tui/theme.c) on arbitrary bytes.
 *
 * The input is written to a file and loaded as a config file and as a
 * theme. Whatever the bytes: no crash, every message is one line naming
 * the file, and --dump-config round-trips (dumping, loading the dump and
 * dumping again gives the same text, without a message). */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "fuzz/fuzz.h"
#include "model/util.h"
#include "tui/conf.h"
#include "tui/theme.h"

static char dir[] = "/tmp/attache-config-fuzz.XXXXXX";
static char *in_path, *dump_path;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (!mkdtemp(dir))
		abort();
	in_path = xasprintf("%s/config", dir);
	dump_path = xasprintf("%s/dump", dir);
	setenv("XDG_CONFIG_HOME", dir, 1); /* no user themes or config */
	return 0;
}

static void
write_file(const char *path, const void *data, size_t n)
{
	FILE *fp = fopen(path, "wb");
	FUZZ_ASSERT(fp != NULL);
	FUZZ_ASSERT(fwrite(data, 1, n, fp) == n);
	FUZZ_ASSERT(fclose(fp) == 0);
}

/* The dump of CFG as a string owned by the caller. */
static char *
dump(const struct att_config *cfg, size_t *n)
{
	char *text = NULL;
	FILE *fp = open_memstream(&text, n);
	FUZZ_ASSERT(fp != NULL);
	att_config_dump(cfg, fp);
	FUZZ_ASSERT(fclose(fp) == 0);
	return text;
}

static void
check_msgs(const struct att_msgs *m)
{
	for (size_t i = 0; i < m->n; i++) {
		FUZZ_ASSERT(strchr(m->v[i], '\n') == NULL);
		FUZZ_ASSERT(strncmp(m->v[i], dir, strlen(dir)) == 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct att_config cfg;
	struct att_err err;

	if (!in_path)
		LLVMFuzzerInitialize(NULL, NULL);
	write_file(in_path, data, size);
	att_config_init(&cfg);
	att_err_clear(&err);
	FUZZ_ASSERT(att_config_load(&cfg, in_path, &err) == 0);
	check_msgs(&cfg.msgs);
	size_t n1, n2;
	char *d1 = dump(&cfg, &n1);
	att_config_free(&cfg);

	write_file(dump_path, d1, n1);
	att_config_init(&cfg);
	FUZZ_ASSERT(att_config_load(&cfg, dump_path, &err) == 0);
	if (cfg.msgs.n)
		fprintf(stderr, "%s\n", cfg.msgs.v[0]);
	FUZZ_ASSERT(cfg.msgs.n == 0);
	char *d2 = dump(&cfg, &n2);
	FUZZ_ASSERT(n1 == n2 && memcmp(d1, d2, n1) == 0);
	att_config_free(&cfg);
	free(d1);
	free(d2);

	/* The same bytes as a theme: falls back or loads, never more. */
	struct att_color_spec specs[COL_COUNT];
	struct att_msgs msgs = {NULL, 0};
	att_theme_load(in_path, specs, &msgs);
	for (int i = 0; i < COL_COUNT; i++) {
		FUZZ_ASSERT(specs[i].fg >= -1 && specs[i].fg <= 255);
		FUZZ_ASSERT(specs[i].bg >= -1 && specs[i].bg <= 255);
	}
	check_msgs(&msgs);
	att_msgs_free(&msgs);
	return 0;
}
