/* config_test.c: the config file and its traps (each file written here),
 * key bindings, colours and their stepping, theme files. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "tui/conf.h"
#include "tui/keys.h"
#include "tui/theme.h"

static char tmpdir[] = "/tmp/attache-config-test.XXXXXX";

/* Writes N bytes of TEXT to NAME in the test directory; returns the path. */
static char *
write_file(const char *name, const char *text, size_t n)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
	return path;
}

#define WRITE(name, lit) write_file(name, lit, sizeof lit - 1)

/* Loads PATH into CFG (fresh defaults first); returns att_config_load's code. */
static int
load(struct att_config *cfg, const char *path)
{
	struct att_err err;

	att_config_init(cfg);
	att_err_clear(&err);
	return att_config_load(cfg, path, &err);
}

/* 1 when some message holds all of A and B (B may be NULL). */
static int
has_msg(const struct att_config *cfg, const char *a, const char *b)
{
	for (size_t i = 0; i < cfg->msgs.n; i++)
		if (strstr(cfg->msgs.v[i], a) && (!b || strstr(cfg->msgs.v[i], b)))
			return 1;
	return 0;
}

static void
print_msgs(const struct att_config *cfg)
{
	for (size_t i = 0; i < cfg->msgs.n; i++)
		print_message("# %s\n", cfg->msgs.v[i]);
}

static void
test_defaults(void **state)
{
	struct att_config cfg;

	att_config_init(&cfg);
	assert_string_equal(att_config_str(&cfg, ATT_OPT_THEME), "default");
	assert_int_equal(att_config_num(&cfg, ATT_OPT_MOUSE), 0);
	assert_int_equal(att_config_num(&cfg, ATT_OPT_ESCDELAY), 25);
	assert_int_equal(cfg.msgs.n, 0);
	att_config_bind_keys(&cfg);
	assert_int_equal(att_keymap_lookup(SCOPE_LIST, 'j'), att_action_by_name("move-down"));
	att_config_free(&cfg);
}

static void
test_missing_file(void **state)
{
	struct att_config cfg;
	char *path = xasprintf("%s/nonexistent", tmpdir);

	/* Named with --config: an error (78). */
	assert_int_equal(load(&cfg, path), EX_CONFIG);
	att_config_free(&cfg);
	/* The default file missing: silently the defaults. */
	setenv("XDG_CONFIG_HOME", tmpdir, 1);
	assert_int_equal(load(&cfg, NULL), 0);
	assert_int_equal(cfg.msgs.n, 0);
	att_config_free(&cfg);
	free(path);
}

static void
test_unreadable_and_directory(void **state)
{
	struct att_config cfg;
	char *path = WRITE("unreadable", "[general]\nmouse = on\n");

	assert_int_equal(load(&cfg, tmpdir), EX_CONFIG);
	att_config_free(&cfg);
	chmod(path, 0);
	if (access(path, R_OK) == 0) {
		print_message("# running as root: unreadable file not tested\n");
	} else {
		assert_int_equal(load(&cfg, path), EX_CONFIG);
		att_config_free(&cfg);
	}
	chmod(path, 0600);
	free(path);
}

static void
test_long_line(void **state)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "[general]\ndate-format = ");
	for (int i = 0; i < 1100; i++)
		buf_addc(&b, 'x');
	buf_adds(&b, "\nmouse = on\n");
	char *path = write_file("long", b.data, b.len);
	struct att_config cfg;
	assert_int_equal(load(&cfg, path), 0);
	print_msgs(&cfg);
	assert_true(has_msg(&cfg, ":2:", "longer than"));
	/* The lines after it are still read. */
	assert_int_equal(att_config_num(&cfg, ATT_OPT_MOUSE), 1);
	assert_string_equal(att_config_str(&cfg, ATT_OPT_DATE_FORMAT), "%Y-%m-%d");
	att_config_free(&cfg);
	buf_free(&b);
	free(path);
}

static void
test_nul_byte(void **state)
{
	static const char text[] = "[general]\nescdelay = 1\0 00\nmouse = yes\n";
	char *path = write_file("nul", text, sizeof text - 1);
	struct att_config cfg;

	assert_int_equal(load(&cfg, path), 0);
	assert_true(has_msg(&cfg, ":2:", "NUL"));
	assert_int_equal(att_config_num(&cfg, ATT_OPT_ESCDELAY), 25);
	assert_int_equal(att_config_num(&cfg, ATT_OPT_MOUSE), 1);
	att_config_free(&cfg);
	free(path);
}

static void
test_bom_and_crlf(void **state)
{
	char *path = WRITE("bom", "\xef\xbb\xbf[general]\r\nescdelay = 100\r\n");
	struct att_config cfg;

	assert_int_equal(load(&cfg, path), 0);
	print_msgs(&cfg);
	assert_int_equal(cfg.msgs.n, 0);
	assert_int_equal(att_config_num(&cfg, ATT_OPT_ESCDELAY), 100);
	att_config_free(&cfg);
	free(path);
}

/* CVE-2023-33461: iniparser 4.1 crashes in getboolean/getint when a section
 * is named like the key asked for. */
static void
test_section_named_like_key(void **state)
{
	char *path = WRITE("seckey", "[general:mouse]\nx = 1\n[general]\nescdelay = 5\n[general:escdelay]\n");
	struct att_config cfg;

	assert_int_equal(load(&cfg, path), 0);
	print_msgs(&cfg);
	assert_true(has_msg(&cfg, ":1:", "section"));
	assert_int_equal(att_config_num(&cfg, ATT_OPT_MOUSE), 0);
	assert_int_equal(att_config_num(&cfg, ATT_OPT_ESCDELAY), 5);
	att_config_free(&cfg);
	free(path);
}

static void
test_hash_colour_unquoted(void **state)
{
	char *path = WRITE("hash", "[colors]\nentity-country = #ff0000 default bold ; red\n"
			   "entity-person = \"#0000ff\"\n");
	struct att_config cfg;
	int country = att_color_by_name("entity-country");
	int person = att_color_by_name("entity-person");

	assert_int_equal(load(&cfg, path), 0);
	print_msgs(&cfg);
	assert_int_equal(cfg.msgs.n, 0);
	assert_true(cfg.color_set[country]);
	assert_int_equal(cfg.colors[country].fg, 196);
	assert_int_equal(cfg.colors[country].bg, -1);
	assert_true(cfg.colors[country].attr & A_BOLD);
	assert_int_equal(cfg.colors[person].fg, 21);
	att_config_free(&cfg);
	free(path);
}

static void
test_semicolon_in_value(void **state)
{
	char *path = WRITE("semi", "[general]\ndate-format = %d;%m\n[list]\nsort = title ; comment\n"
			   "[matrix]\nlevel = \"article\"\n");
	struct att_config cfg;

	assert_int_equal(load(&cfg, path), 0);
	print_msgs(&cfg);
	/* "a;b" reads as "a", and the user is told so. */
	assert_true(has_msg(&cfg, ":2:", "quote"));
	assert_string_equal(att_config_str(&cfg, ATT_OPT_DATE_FORMAT), "%d");
	/* A comment after a blank is a comment, silently. */
	assert_int_equal(cfg.msgs.n, 1);
	assert_string_equal(att_config_str(&cfg, ATT_OPT_LIST_SORT), "title");
	assert_string_equal(att_config_str(&cfg, ATT_OPT_MATRIX_LEVEL), "article");
	att_config_free(&cfg);
	free(path);
}

static void
test_duplicate_and_unknown(void **state)
{
	char *path = WRITE("dup", "[general]\nescdelay = 10\nbogus = 1\nescdelay = 20\n[nosuch]\na = b\n"
			   "[keys]\nfly = x\nnowhere.quit = x\n[colors]\nnot-a-slot = red\n");
	struct att_config cfg;

	assert_int_equal(load(&cfg, path), 0);
	print_msgs(&cfg);
	assert_true(has_msg(&cfg, ":4:", "line 2"));
	assert_int_equal(att_config_num(&cfg, ATT_OPT_ESCDELAY), 20);
	assert_true(has_msg(&cfg, ":3:", "bogus"));
	assert_true(has_msg(&cfg, ":5:", "nosuch"));
	assert_true(has_msg(&cfg, ":8:", "fly"));
	assert_true(has_msg(&cfg, ":9:", "nowhere"));
	assert_true(has_msg(&cfg, ":11:", "not-a-slot"));
	att_config_free(&cfg);
	free(path);
}

static void
test_bad_numbers(void **state)
{
	char *path = WRITE("nums", "[general]\nescdelay = 99999999999999999999999\nmouse = maybe\n"
			   "[matrix]\ncountries = -3\nmin-count = 12abc\nlevel = paragraph\n"
			   "[list]\ncolumns = date, nonsense\n");
	struct att_config cfg;

	assert_int_equal(load(&cfg, path), 0);
	print_msgs(&cfg);
	assert_true(has_msg(&cfg, ":2:", "range"));
	assert_true(has_msg(&cfg, ":3:", "maybe"));
	assert_true(has_msg(&cfg, ":5:", "range"));
	assert_true(has_msg(&cfg, ":6:", "whole number"));
	assert_true(has_msg(&cfg, ":7:", "paragraph"));
	assert_true(has_msg(&cfg, ":9:", "nonsense"));
	/* Every bad value keeps its default. */
	assert_int_equal(att_config_num(&cfg, ATT_OPT_ESCDELAY), 25);
	assert_int_equal(att_config_num(&cfg, ATT_OPT_MOUSE), 0);
	assert_int_equal(att_config_num(&cfg, ATT_OPT_MATRIX_COUNTRIES), 80);
	assert_int_equal(att_config_num(&cfg, ATT_OPT_MATRIX_MIN_COUNT), 1);
	assert_string_equal(att_config_str(&cfg, ATT_OPT_MATRIX_LEVEL), "sentence");
	assert_string_equal(att_config_str(&cfg, ATT_OPT_LIST_COLUMNS), "date, source, countries, title");
	att_config_free(&cfg);
	free(path);
}

static void
test_garbage_lines(void **state)
{
	char *path = WRITE("garbage", "just words\n[general\nmouse on\n[general]\n = 3\nkey:colon = 1\n"
			   "mouse = \"on\n\xff\xfe = 1\nmouse = 'on' trailing\n");
	struct att_config cfg;

	assert_int_equal(load(&cfg, path), 0);
	print_msgs(&cfg);
	for (int line = 1; line <= 9; line++) {
		if (line == 4)
			continue;
		char *tag = xasprintf(":%d:", line);
		assert_true(has_msg(&cfg, tag, NULL));
		free(tag);
	}
	att_config_free(&cfg);
	free(path);
}

static void
test_keys(void **state)
{
	char *path = WRITE("keys", "[keys]\nglobal.quit = Q, C-c\nlist.sort = S\nsearch = Comma\n"
			   "list.move-down = J\nglobal.help = M-h F2\narticle.sort = x\nglobal.back = C-?x\n"
			   "global.filter =\n");
	struct att_config cfg;
	enum att_action quit = att_action_by_name("quit"), sort = att_action_by_name("sort");

	assert_int_equal(load(&cfg, path), 0);
	print_msgs(&cfg);
	att_config_bind_keys(&cfg);
	assert_int_equal(att_keymap_lookup(SCOPE_MATRIX, ATT_KEY_CTRL('c')), quit);
	assert_int_equal(att_keymap_lookup(SCOPE_GLOBAL, 'Q'), quit);
	assert_int_equal(att_keymap_lookup(SCOPE_LIST, 'S'), sort);
	/* The old key of sort is free again. */
	assert_int_equal(att_keymap_lookup(SCOPE_LIST, 's'), ACT_NONE);
	assert_int_equal(att_keymap_lookup(SCOPE_LIST, ','), att_action_by_name("search"));
	/* A pane binding of a global action wins in that pane only. */
	assert_int_equal(att_keymap_lookup(SCOPE_LIST, 'J'), att_action_by_name("move-down"));
	assert_int_equal(att_keymap_lookup(SCOPE_ARTICLE, 'J'), ACT_NONE);
	assert_int_equal(att_keymap_lookup(SCOPE_LIST, 'j'), att_action_by_name("move-down"));
	assert_int_equal(att_keymap_lookup(SCOPE_GLOBAL, 'h' | ATT_KEY_META), att_action_by_name("help"));
	assert_int_equal(att_keymap_lookup(SCOPE_GLOBAL, KEY_F(2) | ATT_KEY_FN), att_action_by_name("help"));
	/* An empty value unbinds. */
	assert_int_equal(att_keymap_lookup(SCOPE_GLOBAL, 'f'), ACT_NONE);
	/* sort belongs to the list: binding it elsewhere is refused. */
	assert_true(has_msg(&cfg, ":7:", "list.sort"));
	assert_true(has_msg(&cfg, ":8:", "C-?x"));
	assert_int_equal(att_keymap_lookup(SCOPE_GLOBAL, 'q'), att_action_by_name("back"));
	att_config_free(&cfg);
	free(path);
}

/* Dumping, loading the dump and dumping again gives the same text. */
static void
test_dump_round_trip(void **state)
{
	char *path = WRITE("rt", "[general]\ntheme = dark\nmouse = yes\ndate-format = \"%d;%m %Y\"\n"
			   "index = \"~/x#y.idx\"\n[list]\ncolumns = title date\n[matrix]\nlevel = ARTICLE\n"
			   "[keys]\nglobal.quit = Q, C-c\nlist.sort =\nmove-up = j\nglobal.search = Hash Semicolon\n"
			   "[colors]\nentity-country = \"#ff0000 default bold\"\nheat-1 = 200 16\n");
	struct att_config cfg;
	char *d1 = NULL, *d2 = NULL;
	size_t n1, n2;

	assert_int_equal(load(&cfg, path), 0);
	print_msgs(&cfg);
	assert_int_equal(cfg.msgs.n, 0);
	assert_string_equal(att_config_str(&cfg, ATT_OPT_DATE_FORMAT), "%d;%m %Y");
	FILE *fp = open_memstream(&d1, &n1);
	att_config_dump(&cfg, fp);
	fclose(fp);
	att_config_free(&cfg);
	char *dump = write_file("dump", d1, n1);
	assert_int_equal(load(&cfg, dump), 0);
	print_msgs(&cfg);
	assert_int_equal(cfg.msgs.n, 0);
	fp = open_memstream(&d2, &n2);
	att_config_dump(&cfg, fp);
	fclose(fp);
	assert_string_equal(d1, d2);
	/* And the dump changed what the file changed. */
	assert_string_equal(att_config_str(&cfg, ATT_OPT_THEME), "dark");
	assert_string_equal(att_config_str(&cfg, ATT_OPT_INDEX), "~/x#y.idx");
	assert_string_equal(att_config_str(&cfg, ATT_OPT_LIST_COLUMNS), "date, title");
	assert_non_null(strstr(d2, "list.sort =\n"));
	att_config_bind_keys(&cfg);
	assert_int_equal(att_keymap_lookup(SCOPE_GLOBAL, 'j'), att_action_by_name("move-up"));
	assert_int_equal(att_keymap_lookup(SCOPE_GLOBAL, '#'), att_action_by_name("search"));
	att_config_free(&cfg);
	free(d1);
	free(d2);
	free(dump);
	free(path);
}

static void
test_colour_parse(void **state)
{
	struct att_color_spec s;
	struct att_err err;
	short c;

	assert_int_equal(att_color_parse("bright-red", &c, &err), 0);
	assert_int_equal(c, 9);
	assert_int_equal(att_color_parse("DEFAULT", &c, &err), 0);
	assert_int_equal(c, -1);
	assert_int_equal(att_color_parse("255", &c, &err), 0);
	assert_int_equal(c, 255);
	assert_int_equal(att_color_parse("colour17", &c, &err), 0);
	assert_int_equal(c, 17);
	assert_int_equal(att_color_parse("#000000", &c, &err), 0);
	assert_int_equal(c, 16);
	assert_int_equal(att_color_parse("#fff", &c, &err), 0);
	assert_int_equal(c, 231);
	assert_int_equal(att_color_parse("256", &c, &err), -1);
	assert_int_equal(att_color_parse("99999999999999999999", &c, &err), -1);
	assert_int_equal(att_color_parse("#12345", &c, &err), -1);
	assert_int_equal(att_color_parse("purple", &c, &err), -1);
	assert_int_equal(att_color_spec_parse("red", &s, &err), 0);
	assert_int_equal(s.fg, 1);
	assert_int_equal(s.bg, -1);
	assert_int_equal(att_color_spec_parse("bold underline", &s, &err), 0);
	assert_int_equal(s.attr, A_BOLD | A_UNDERLINE);
	assert_int_equal(att_color_spec_parse("red blue green", &s, &err), -1);
	assert_int_equal(att_color_spec_parse("", &s, &err), -1);
}

/* Stepping never leaves foreground equal to background, at any depth. */
static void
test_colour_step_no_collision(void **state)
{
	static const int depths[] = {8, 16, 88, 256};

	for (size_t d = 0; d < ATT_ARRAY_LEN(depths); d++) {
		for (int fg = -1; fg < 256; fg++) {
			for (int bg = -1; bg < 256; bg++) {
				struct att_color_spec s = {(short)fg, (short)bg, A_NORMAL};
				short f, b;
				attr_t a;
				att_color_resolve(&s, depths[d], &f, &b, &a);
				assert_true(f < depths[d] && b < depths[d]);
				if (f >= 0)
					assert_int_not_equal(f, b);
			}
		}
	}
}

static void
test_colour_step_down(void **state)
{
	attr_t a = 0;

	/* A number above what the terminal has maps to the nearest it has. */
	assert_int_equal(att_color_step(196, 16, &a), 9);
	assert_int_equal(att_color_step(196, 8, &a), 1);
	assert_true(a & A_BOLD);
	a = 0;
	assert_int_equal(att_color_step(21, 256, &a), 21);
	assert_int_equal(att_color_step(-1, 8, &a), -1);
	assert_int_equal(att_color_step(231, 8, &a), 7);
	assert_int_equal(att_color_step(16, 8, &a), 0);
	assert_int_equal(a, A_BOLD); /* 231 is bright white: bold on 8 colours */
}

static void
test_theme_every_slot_bad(void **state)
{
	char *path = WRITE("bad.ini", "[colors]\nnormal = purple\nentity-country = 300\nnot-a-slot = red\n");
	struct att_color_spec specs[COL_COUNT];
	struct att_msgs msgs = {NULL, 0};

	assert_int_equal(att_theme_load(path, specs, &msgs), -1);
	assert_true(msgs.n >= 4);
	assert_non_null(strstr(msgs.v[msgs.n - 1], "default theme"));
	for (int i = 0; i < COL_COUNT; i++) {
		assert_int_equal(specs[i].fg, att_colors[i].def.fg);
		assert_int_equal(specs[i].bg, att_colors[i].def.bg);
	}
	att_msgs_free(&msgs);
	free(path);
}

static void
test_theme_partial_and_user_dir(void **state)
{
	char *dir = xasprintf("%s/attache", tmpdir), *themes = xasprintf("%s/attache/themes", tmpdir);
	mkdir(dir, 0700);
	mkdir(themes, 0700);
	char *path = WRITE("attache/themes/zz-mine.ini", "[theme]\ndescription = mine\n[colors]\n"
			   "entity-org = cyan default\nnormal = purple\n");
	struct att_color_spec specs[COL_COUNT];
	struct att_msgs msgs = {NULL, 0};
	int org = att_color_by_name("entity-org"), normal = att_color_by_name("normal");
	struct att_config cfg;

	setenv("XDG_CONFIG_HOME", tmpdir, 1);
	assert_int_equal(att_theme_load("zz-mine", specs, &msgs), 0);
	assert_int_equal(msgs.n, 1);
	assert_non_null(strstr(msgs.v[0], ":5:"));
	assert_int_equal(specs[org].fg, 6);
	assert_int_equal(specs[normal].fg, att_colors[normal].def.fg);
	att_msgs_free(&msgs);
	/* A theme that does not exist falls back, with a message. */
	assert_int_equal(att_theme_load("no-such-theme", specs, &msgs), -1);
	assert_int_equal(msgs.n, 1);
	att_msgs_free(&msgs);
	/* Cycling reaches the user's theme. */
	att_config_init(&cfg);
	const char *name = NULL;
	int seen = 0;
	for (int i = 0; i < 20 && !seen; i++) {
		assert_int_equal(att_config_next_theme(&cfg, &name, &msgs), 0);
		seen = strcmp(name, "zz-mine") == 0;
	}
	assert_true(seen);
	assert_int_equal(att_theme[org].fg, 6);
	/* Monochrome keeps attributes only, config overrides included. */
	cfg.colors[org] = (struct att_color_spec){1, 2, A_BOLD};
	cfg.color_set[org] = 1;
	att_config_use_theme(&cfg, NULL, 1, &msgs);
	for (int i = 0; i < COL_COUNT; i++)
		assert_true(att_theme[i].fg == -1 && att_theme[i].bg == -1);
	assert_int_equal(att_theme[org].attr, A_BOLD);
	att_msgs_free(&msgs);
	att_config_free(&cfg);
	unlink(path);
	rmdir(themes);
	rmdir(dir);
	free(path);
	free(themes);
	free(dir);
}

/* Cycling goes past a broken theme: it is reported, the default colours
 * are used, and the next step moves on from it (it used to come back to
 * the broken theme at every step, named after "default"). */
static void
test_cycle_past_broken_theme(void **state)
{
	char *dir = xasprintf("%s/attache", tmpdir), *themes = xasprintf("%s/attache/themes", tmpdir);
	mkdir(dir, 0700);
	mkdir(themes, 0700);
	char *broken = WRITE("attache/themes/default-broken.ini", "[colors]\nnormal = purple\n");
	char *after = WRITE("attache/themes/default-fine.ini", "[colors]\nentity-org = cyan default\n");
	struct att_msgs msgs = {NULL, 0};
	struct att_config cfg;
	const char *name = NULL;

	setenv("XDG_CONFIG_HOME", tmpdir, 1);
	att_config_init(&cfg);
	att_config_use_theme(&cfg, "default", 0, &msgs);
	assert_int_equal(att_config_next_theme(&cfg, &name, &msgs), 0);
	assert_string_equal(name, "default-broken");
	assert_true(msgs.n > 0);
	assert_non_null(strstr(msgs.v[msgs.n - 1], "default theme"));
	for (int i = 0; i < COL_COUNT; i++)
		assert_int_equal(att_theme[i].fg, att_colors[i].def.fg);
	att_msgs_free(&msgs);
	assert_int_equal(att_config_next_theme(&cfg, &name, &msgs), 0);
	assert_string_equal(name, "default-fine");
	assert_int_equal(msgs.n, 0);
	att_config_free(&cfg);
	unlink(broken);
	unlink(after);
	rmdir(themes);
	rmdir(dir);
	free(broken);
	free(after);
	free(themes);
	free(dir);
}

/* In monochrome, entity kinds and heat steps stay apart by attributes. */
static void
test_mono_distinct(void **state)
{
	static const char *const groups[][7] = {
		{"entity-country", "entity-person", "entity-org", "entity-place", NULL},
		{"heat-1", "heat-2", "heat-3", "heat-4", "heat-5", "heat-6", NULL},
		{"tone-cooperation", "tone-neutral", "tone-conflict", NULL},
	};
	struct att_color_spec specs[COL_COUNT];

	att_theme_mono(specs);
	for (size_t g = 0; g < ATT_ARRAY_LEN(groups); g++) {
		for (int i = 0; groups[g][i]; i++) {
			for (int j = i + 1; groups[g][j]; j++) {
				int a = att_color_by_name(groups[g][i]), b = att_color_by_name(groups[g][j]);
				assert_true(a >= 0 && b >= 0);
				assert_int_not_equal(specs[a].attr, specs[b].attr);
			}
		}
	}
	int sel = att_color_by_name("selected"), normal = att_color_by_name("normal");
	assert_int_not_equal(specs[sel].attr, specs[normal].attr);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_unreadable_and_directory),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_bom_and_crlf),
		cmocka_unit_test(test_section_named_like_key),
		cmocka_unit_test(test_hash_colour_unquoted),
		cmocka_unit_test(test_semicolon_in_value),
		cmocka_unit_test(test_duplicate_and_unknown),
		cmocka_unit_test(test_bad_numbers),
		cmocka_unit_test(test_garbage_lines),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_dump_round_trip),
		cmocka_unit_test(test_colour_parse),
		cmocka_unit_test(test_colour_step_no_collision),
		cmocka_unit_test(test_colour_step_down),
		cmocka_unit_test(test_theme_every_slot_bad),
		cmocka_unit_test(test_theme_partial_and_user_dir),
		cmocka_unit_test(test_cycle_past_broken_theme),
		cmocka_unit_test(test_mono_distinct),
	};

	att_progname = "config_test";
	if (!mkdtemp(tmpdir))
		return 1;
	setenv("XDG_CONFIG_HOME", tmpdir, 1);
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		rc = 1;
	free(cmd);
	return rc;
}
