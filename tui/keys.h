/* keys.h: key names and the keymap from keys to actions. A key is a
 * Unicode code point, or a curses KEY_* code with ATT_KEY_FN set (so that
 * KEY_DOWN, 0402, is not confused with U+0102). */
#ifndef ATTACHE_KEYS_H
#define ATTACHE_KEYS_H

#include <stddef.h>

#include "tui/actions.h"

#define ATT_KEY_FN 0x40000000
#define ATT_KEY_META 0x20000000 /* Alt, or Esc then the key: "M-x" */
#define ATT_KEY_CTRL(c) ((c) & 0x1f)
#define ATT_KEY_ESC 27
#define ATT_KEY_ENTER '\r'
#define ATT_KEY_TAB '\t'

/* Parses a key name ("j", "C-d", "M-x", "Enter", "PgDn", "F5", "S-Tab",
 * "Space", "Comma", "Semicolon", "Hash") into *KEY. Returns 0, or -1 when NAME is no key. */
int att_key_parse(const char *name, int *key);

/* The name of KEY, written to BUF (at least 16 bytes); returns BUF. */
char *att_key_name(int key, char *buf, size_t size);

/* Normalises what curses returned (Enter as LF, KEY_ENTER; Backspace as
 * DEL, ^H) to the one code the keymap uses. */
int att_key_normalize(int key);

/* Binds KEY to ACT in SCOPE (replacing an earlier binding of KEY there);
 * ACT_NONE unbinds. */
void att_keymap_bind(enum att_scope scope, int key, enum att_action act);

/* Binds the defaults of actions.def. Returns 0, or -1 with a bad name in
 * actions.def (a programming error, caught by the tests). */
int att_keymap_defaults(void);

/* The action for KEY in SCOPE: the pane's binding first, then the global
 * one; ACT_NONE when unbound. */
enum att_action att_keymap_lookup(enum att_scope scope, int key);

/* The keys bound to ACT, as names separated by spaces, into BUF. */
char *att_keymap_keys(enum att_action act, char *buf, size_t size);

/* The number of bindings (0 until defaults or a config were bound). */
size_t att_keymap_count(void);

void att_keymap_free(void);

#endif
