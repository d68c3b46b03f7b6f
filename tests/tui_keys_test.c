/* tui_keys_test.c: the action table and key names: every default key in
 * actions.def parses, no key is bound twice where it would be ambiguous,
 * key names round-trip, and the width helpers clip by display columns. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/find.h"
#include "tui/keys.h"

static void
test_defaults_parse(void **state)
{
	(void)state;
	assert_int_equal(att_keymap_defaults(), 0);
	assert_int_equal(att_keymap_lookup(SCOPE_LIST, 'j'), ACT_MOVE_DOWN);
	assert_int_equal(att_keymap_lookup(SCOPE_MATRIX, 'e'), ACT_EVIDENCE);
	assert_int_equal(att_keymap_lookup(SCOPE_LIST, 'e'), ACT_NONE);
	assert_int_equal(att_keymap_lookup(SCOPE_ARTICLE, '\n'), ACT_ENTER);
	assert_int_equal(att_keymap_lookup(SCOPE_GLOBAL, ATT_KEY_CTRL('d')), ACT_HALF_DOWN);
	att_keymap_free();
}

/* A key bound twice in one scope, or in a pane and globally, would make
 * one of the actions unreachable. */
static void
test_no_conflicts(void **state)
{
	(void)state;
	struct { int key; int scope; int act; } seen[256];
	size_t n = 0;
	for (int i = 1; i < ACT_COUNT; i++) {
		char *keys = strdup(att_actions[i].keys), *save = NULL;
		for (char *t = strtok_r(keys, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
			int key;
			assert_int_equal(att_key_parse(t, &key), 0);
			for (size_t j = 0; j < n; j++) {
				if (seen[j].key != key)
					continue;
				int clash = seen[j].scope == (int)att_actions[i].scope ||
					    seen[j].scope == SCOPE_GLOBAL ||
					    att_actions[i].scope == SCOPE_GLOBAL;
				if (clash)
					fail_msg("key %s bound to %s and %s", t,
						 att_actions[seen[j].act].name, att_actions[i].name);
			}
			assert_true(n < 256);
			seen[n].key = key;
			seen[n].scope = (int)att_actions[i].scope;
			seen[n].act = i;
			n++;
		}
		free(keys);
	}
}

static void
test_names_round_trip(void **state)
{
	(void)state;
	const char *names[] = {"j", "C-d", "Enter", "Esc", "Tab", "S-Tab", "PgDn", "F5",
			       "Down", "Space", "?", "]", "\xc3\xa9"};
	char buf[32];
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		int key;
		assert_int_equal(att_key_parse(names[i], &key), 0);
		assert_string_equal(att_key_name(key, buf, sizeof buf), names[i]);
	}
	/* Every control key's name reads back as the same key (C-] was named
	 * C-}, which the config loader then refused: found by fuzz/config). */
	for (int c = 0; c < 0x20; c++) {
		int back;
		att_key_name(c, buf, sizeof buf);
		assert_int_equal(att_key_parse(buf, &back), 0);
		assert_int_equal(back, c);
	}
	int key;
	/* Ctrl-Space sends what Ctrl-@ does (NUL): C-Space is its alias. */
	assert_int_equal(att_key_parse("C-Space", &key), 0);
	assert_int_equal(key, 0);
	assert_string_equal(att_key_name(key, buf, sizeof buf), "C-@");
	assert_int_equal(att_key_parse("", &key), -1);
	assert_int_equal(att_key_parse("C-", &key), -1);
	assert_int_equal(att_key_parse("F99", &key), -1);
	assert_int_equal(att_key_parse("jk", &key), -1);
	assert_int_equal(att_key_parse("\x1b", &key), -1);
	assert_int_equal(att_action_by_name("evidence"), ACT_EVIDENCE);
	assert_int_equal(att_action_by_name("no-such-action"), ACT_NONE);
}

static void
test_width(void **state)
{
	(void)state;
	int w;
	/* Two CJK characters are four columns; three columns keep one. */
	const char *cjk = "\xe4\xb8\xad\xe6\x96\x87";
	assert_int_equal(att_text_width(cjk, strlen(cjk)), 4);
	assert_int_equal(att_text_fit(cjk, strlen(cjk), 3, &w), 3);
	assert_int_equal(w, 2);
	/* A combining mark adds no width. */
	assert_int_equal(att_text_width("e\xcc\x81", 3), 1);
	char buf[32];
	assert_string_equal(att_fmt_count(4512, buf, sizeof buf), "4,512");
	assert_string_equal(att_fmt_count(1234567, buf, sizeof buf), "1,234,567");
	assert_string_equal(att_fmt_count(12, buf, sizeof buf), "12");
	assert_int_equal(att_color_by_name("entity-person"), COL_ENT_PERSON);
	assert_int_equal(att_color_by_name("nope"), -1);
}

/* Wrapping: no line wider than asked, paragraphs kept, a word longer than
 * the line cut at a character boundary, wide characters counted twice. */
static void
test_wrap(void **state)
{
	(void)state;
	const char *text = "Russia and Belarus signed an agreement.\n\nA second paragraph "
			   "with a verylongwordthatdoesnotfitanywhere and \xe4\xb8\xad\xe6\x96\x87"
			   "\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87 wide ones.";
	struct att_wline *wl;
	size_t n = att_wrap(text, strlen(text), 12, &wl);
	int empty = 0;
	assert_true(n > 5);
	for (size_t i = 0; i < n; i++) {
		assert_true(att_text_width(text + wl[i].start, wl[i].end - wl[i].start) <= 12);
		if (wl[i].start == wl[i].end)
			empty++;
		/* every line starts on a character boundary */
		assert_true(((unsigned char)text[wl[i].start] & 0xc0) != 0x80);
	}
	assert_int_equal(empty, 1); /* the blank line between the paragraphs */
	assert_int_equal(strncmp(text + wl[0].start, "Russia and", 10), 0);
	free(wl);
	/* A width of one column still makes progress on wide characters. */
	const char *wide = "\xe4\xb8\xad\xe6\x96\x87";
	n = att_wrap(wide, strlen(wide), 1, &wl);
	assert_int_equal(n, 2);
	free(wl);
}

/* The article's search: case and accents folded as by the filter, the
 * matches as whole characters of the text. */
static void
test_find(void **state)
{
	(void)state;
	struct att_hit *h;
	const char *t = "Citt\xc3\xa0 e CITT\xc3\x80, citta.";
	assert_int_equal(att_find_all(t, strlen(t), "citta", &h), 3);
	assert_int_equal(h[0].start, 0);
	assert_int_equal(h[0].end, 6); /* "Città": the à is two bytes */
	assert_int_equal(h[1].start, 9);
	assert_int_equal(h[1].end, 15);
	assert_int_equal(h[2].start, 17);
	assert_int_equal(h[2].end, 22);
	free(h);
	/* A typographic apostrophe, and a needle with accents. */
	t = "l\xe2\x80\x99" "alleanza";
	assert_int_equal(att_find_all(t, strlen(t), "L'ALLEANZA", &h), 1);
	assert_int_equal(h[0].end, strlen(t));
	free(h);
	assert_int_equal(att_find_all("Citta", 5, "citt\xc3\xa0", &h), 1);
	free(h);
	/* One character folding to two: the match covers all of it. */
	t = "Stra\xc3\x9f" "e";
	assert_int_equal(att_find_all(t, strlen(t), "s", &h), 2);
	assert_int_equal(h[1].start, 4);
	assert_int_equal(h[1].end, 6);
	free(h);
	assert_int_equal(att_find_all(t, strlen(t), "strasse", &h), 1);
	assert_int_equal(h[0].end, strlen(t));
	free(h);
	/* Nothing to find, an empty needle, invalid UTF-8. */
	assert_int_equal(att_find_all(t, strlen(t), "zebra", &h), 0);
	assert_null(h);
	assert_int_equal(att_find_all(t, strlen(t), "", &h), 0);
	assert_int_equal(att_find_all("a\xff\xfe b", 5, "b", &h), 1);
	assert_int_equal(h[0].start, 4);
	free(h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_parse),
		cmocka_unit_test(test_no_conflicts),
		cmocka_unit_test(test_names_round_trip),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_find),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("tui_keys", tests, NULL, NULL);
}
