/* keys.c: the action table, key names and the keymap. */
#include "config.h"

#include "tui/keys.h"

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/text.h"
#include "model/util.h"

const struct att_action_info att_actions[ACT_COUNT] = {
	{ACT_NONE, SCOPE_GLOBAL, NULL, NULL, NULL},
#define ACTION(id, scope, name, keys, help) {ACT_##id, SCOPE_##scope, name, keys, help},
#include "tui/actions.def"
#undef ACTION
};

static const char *const scope_names[SCOPE_COUNT] = {
	"global", "list", "article", "matrix", "evidence",
};

const char *
att_scope_name(enum att_scope scope)
{
	return scope < SCOPE_COUNT ? scope_names[scope] : "?";
}

enum att_action
att_action_by_name(const char *name)
{
	for (int i = 1; i < ACT_COUNT; i++)
		if (strcmp(att_actions[i].name, name) == 0)
			return (enum att_action)i;
	return ACT_NONE;
}

static const struct {
	const char *name;
	int key;
} named_keys[] = {
	{"Enter", ATT_KEY_ENTER},
	{"Esc", ATT_KEY_ESC},
	{"Tab", ATT_KEY_TAB},
	{"S-Tab", KEY_BTAB | ATT_KEY_FN},
	{"Space", ' '},
	{"Backspace", KEY_BACKSPACE | ATT_KEY_FN},
	{"Up", KEY_UP | ATT_KEY_FN},
	{"Down", KEY_DOWN | ATT_KEY_FN},
	{"Left", KEY_LEFT | ATT_KEY_FN},
	{"Right", KEY_RIGHT | ATT_KEY_FN},
	{"PgUp", KEY_PPAGE | ATT_KEY_FN},
	{"PgDn", KEY_NPAGE | ATT_KEY_FN},
	{"Home", KEY_HOME | ATT_KEY_FN},
	{"End", KEY_END | ATT_KEY_FN},
	{"Insert", KEY_IC | ATT_KEY_FN},
	{"Delete", KEY_DC | ATT_KEY_FN},
	{"Resize", KEY_RESIZE | ATT_KEY_FN},
	/* Characters the config file uses for itself (list, comments). */
	{"Comma", ','},
	{"Semicolon", ';'},
	{"Hash", '#'},
};

int
att_key_parse(const char *name, int *key)
{
	size_t n = strlen(name);
	uint32_t cp;

	if (n == 0)
		return -1;
	if (n > 2 && (name[0] == 'M' || name[0] == 'm') && name[1] == '-') {
		if (att_key_parse(name + 2, key) != 0 || (*key & ATT_KEY_META))
			return -1;
		*key |= ATT_KEY_META;
		return 0;
	}
	for (size_t i = 0; i < ATT_ARRAY_LEN(named_keys); i++) {
		if (strcasecmp(name, named_keys[i].name) == 0) {
			*key = named_keys[i].key;
			return 0;
		}
	}
	if (strcasecmp(name, "PageUp") == 0) { *key = KEY_PPAGE | ATT_KEY_FN; return 0; }
	if (strcasecmp(name, "PageDown") == 0) { *key = KEY_NPAGE | ATT_KEY_FN; return 0; }
	if (strcasecmp(name, "Escape") == 0) { *key = ATT_KEY_ESC; return 0; }
	if (strcasecmp(name, "Return") == 0) { *key = ATT_KEY_ENTER; return 0; }
	if (strcasecmp(name, "C-Space") == 0) { *key = ATT_KEY_CTRL('@'); return 0; }
	if ((name[0] == 'F' || name[0] == 'f') && n >= 2 && n <= 3 &&
	    strspn(name + 1, "0123456789") == n - 1) {
		int f = atoi(name + 1);
		if (f < 1 || f > 24)
			return -1;
		*key = KEY_F(f) | ATT_KEY_FN;
		return 0;
	}
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && n == 3) {
		unsigned char c = (unsigned char)name[2];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || strchr("[\\]^_@", c)) {
			*key = ATT_KEY_CTRL(c);
			return 0;
		}
		return -1;
	}
	/* One printable character. */
	size_t len = att_utf8_seq((const unsigned char *)name, n, &cp);
	if (len == n && cp > 0x20 && cp != 0x7f && !(cp >= 0x80 && cp < 0xa0)) {
		*key = (int)cp;
		return 0;
	}
	return -1;
}

char *
att_key_name(int key, char *buf, size_t size)
{
	if ((key & ATT_KEY_META) && size > 2) {
		memcpy(buf, "M-", 2);
		att_key_name(key & ~ATT_KEY_META, buf + 2, size - 2);
		return buf;
	}
	for (size_t i = 0; i < ATT_ARRAY_LEN(named_keys); i++) {
		if (named_keys[i].key == key) {
			snprintf(buf, size, "%s", named_keys[i].name);
			return buf;
		}
	}
	if (key & ATT_KEY_FN) {
		int k = key & ~ATT_KEY_FN;
		if (k >= KEY_F(1) && k <= KEY_F(24))
			snprintf(buf, size, "F%d", k - KEY_F0);
		else
			snprintf(buf, size, "<%d>", k);
	} else if (key >= 0 && key < 0x20) {
		/* C-a..C-z, and C-@ C-[ C-\ C-] C-^ C-_ for the others, as
		 * att_key_parse reads them. */
		snprintf(buf, size, "C-%c", key >= 1 && key <= 26 ? key + 'a' - 1 : key + '@');
	} else if (key == 0x7f) {
		snprintf(buf, size, "Backspace");
	} else {
		char u[8];
		int n = 0;
		uint32_t c = (uint32_t)key;
		if (c < 0x80) { u[n++] = (char)c; }
		else if (c < 0x800) { u[n++] = (char)(0xc0 | c >> 6); u[n++] = (char)(0x80 | (c & 0x3f)); }
		else if (c < 0x10000) { u[n++] = (char)(0xe0 | c >> 12); u[n++] = (char)(0x80 | ((c >> 6) & 0x3f)); u[n++] = (char)(0x80 | (c & 0x3f)); }
		else { u[n++] = (char)(0xf0 | c >> 18); u[n++] = (char)(0x80 | ((c >> 12) & 0x3f)); u[n++] = (char)(0x80 | ((c >> 6) & 0x3f)); u[n++] = (char)(0x80 | (c & 0x3f)); }
		char *safe = att_sanitize_dup(u, (size_t)n, 0);
		snprintf(buf, size, "%s", safe);
		free(safe);
	}
	return buf;
}

int
att_key_normalize(int key)
{
	switch (key) {
	case '\n':
	case KEY_ENTER | ATT_KEY_FN:
		return ATT_KEY_ENTER;
	case 0x7f:
	case 0x08:
		return KEY_BACKSPACE | ATT_KEY_FN;
	default:
		return key;
	}
}

struct binding {
	int key;
	enum att_action act;
};
static struct {
	struct binding *v;
	size_t n, cap;
} keymap[SCOPE_COUNT];

void
att_keymap_bind(enum att_scope scope, int key, enum att_action act)
{
	key = att_key_normalize(key);
	for (size_t i = 0; i < keymap[scope].n; i++) {
		if (keymap[scope].v[i].key == key) {
			keymap[scope].v[i].act = act;
			return;
		}
	}
	if (keymap[scope].n == keymap[scope].cap) {
		keymap[scope].cap = keymap[scope].cap ? 2 * keymap[scope].cap : 32;
		keymap[scope].v = xreallocarray(keymap[scope].v, keymap[scope].cap, sizeof *keymap[scope].v);
	}
	keymap[scope].v[keymap[scope].n++] = (struct binding){key, act};
}

int
att_keymap_defaults(void)
{
	for (int i = 1; i < ACT_COUNT; i++) {
		char *keys = xstrdup(att_actions[i].keys);
		char *save = NULL;
		for (char *t = strtok_r(keys, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
			int key;
			if (att_key_parse(t, &key) != 0) {
				free(keys);
				return -1;
			}
			att_keymap_bind(att_actions[i].scope, key, (enum att_action)i);
		}
		free(keys);
	}
	return 0;
}

enum att_action
att_keymap_lookup(enum att_scope scope, int key)
{
	key = att_key_normalize(key);
	for (size_t i = 0; i < keymap[scope].n; i++)
		if (keymap[scope].v[i].key == key)
			return keymap[scope].v[i].act;
	if (scope != SCOPE_GLOBAL)
		return att_keymap_lookup(SCOPE_GLOBAL, key);
	return ACT_NONE;
}

char *
att_keymap_keys(enum att_action act, char *buf, size_t size)
{
	size_t len = 0;
	enum att_scope scope = att_actions[act].scope;

	buf[0] = '\0';
	for (size_t i = 0; i < keymap[scope].n; i++) {
		if (keymap[scope].v[i].act != act)
			continue;
		char name[32];
		att_key_name(keymap[scope].v[i].key, name, sizeof name);
		int w = snprintf(buf + len, size - len, "%s%s", len ? " " : "", name);
		if (w < 0 || (size_t)w >= size - len)
			break;
		len += (size_t)w;
	}
	return buf;
}

size_t
att_keymap_count(void)
{
	size_t n = 0;
	for (int s = 0; s < SCOPE_COUNT; s++)
		n += keymap[s].n;
	return n;
}

void
att_keymap_free(void)
{
	for (int s = 0; s < SCOPE_COUNT; s++) {
		free(keymap[s].v);
		keymap[s].v = NULL;
		keymap[s].n = keymap[s].cap = 0;
	}
}
