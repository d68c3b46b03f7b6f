/* conf.h: the configuration file of attache (attache.conf(5)).
 *
 * Every option is declared once, in ATT_OPTIONS below; the key bindings
 * come from tui/actions.def and the colour slots from tui/colors.def.
 * The loader, --dump-config, the help screen and the man page (checked by
 * tests/config_man.sh) follow these tables.
 *
 * Typical use in the browser's startup:
 *
 *	struct att_config cfg;
 *	att_config_init(&cfg);
 *	if (att_config_load(&cfg, opt_config, &err) != 0)   // only --config FILE missing
 *		return fail(&err);                              // exit 78
 *	att_config_print_msgs(&cfg, stderr);                // before curses starts
 *	att_config_bind_keys(&cfg);                         // fills the keymap
 *	... initscr ...
 *	att_config_use_theme(&cfg, opt_theme, att_config_mono(opt_mono), &msgs);
 *	att_colors_apply(att_config_mono(opt_mono));
 *
 * and for the cycle-theme key: att_config_next_theme(&cfg, &msgs), then
 * att_colors_apply() and a full redraw; show msgs in the status line. */
#ifndef ATTACHE_CONF_H
#define ATTACHE_CONF_H

#include <stdio.h>

#include "model/util.h"
#include "tui/actions.h"
#include "tui/colors.h"
#include "tui/conf_ini.h"

enum att_opt_type {
	ATT_OPT_STRING,
	ATT_OPT_BOOL,   /* on/off, yes/no, true/false, 1/0 */
	ATT_OPT_INT,    /* within MIN..MAX */
	ATT_OPT_CHOICE, /* one of CHOICES ("a|b|c"); the value is its index */
	ATT_OPT_LIST    /* several of CHOICES, separated by commas or blanks */
};

/* X(ID, SECTION, NAME, TYPE, DEFAULT, MIN, MAX, CHOICES, HELP) */
#define ATT_OPTIONS(X) \
	X(INDEX, "general", "index", ATT_OPT_STRING, "", 0, 0, NULL, \
	  "Index to open when none is given and $ATTACHE_INDEX is unset; ~/ means the home directory; empty: the demo index") \
	X(THEME, "general", "theme", ATT_OPT_STRING, "default", 0, 0, NULL, \
	  "Colour theme: a name from attache --list-themes, or the path of a theme file (with a /)") \
	X(MOUSE, "general", "mouse", ATT_OPT_BOOL, "off", 0, 0, NULL, \
	  "Use the mouse: a click focuses the pane under it and selects a row of the article list, the wheel moves three lines; off leaves the terminal's own selection alone") \
	X(ESCDELAY, "general", "escdelay", ATT_OPT_INT, "25", 0, 2000, NULL, \
	  "Milliseconds to wait after Esc for the rest of a key sequence") \
	X(DATE_FORMAT, "general", "date-format", ATT_OPT_STRING, "%Y-%m-%d", 0, 0, NULL, \
	  "strftime(3) format of dates in the article list and header") \
	X(LAYOUT, "general", "layout", ATT_OPT_CHOICE, "auto", 0, 0, "auto|single", \
	  "Panes side by side when the terminal is wide enough (auto), or always one at a time (single): a terminal cannot scroll half its width, so over a slow link panes side by side cost 20 to 45 times the bytes per step") \
	X(ASCII_ONLY, "general", "ascii-only", ATT_OPT_CHOICE, "auto", 0, 0, "auto|on|off", \
	  "Draw lines, shades and placeholders in ASCII: on always; auto (and off) when the locale is not UTF-8, which cannot show Unicode") \
	X(LIST_COLUMNS, "list", "columns", ATT_OPT_LIST, "date, source, countries, title", 0, 0, \
	  "date|source|countries|title", \
	  "Columns of the article list besides the title, which is always last; narrow panes drop the source, then the countries") \
	X(LIST_SORT, "list", "sort", ATT_OPT_CHOICE, "date", 0, 0, "date|title|relevance", \
	  "Order of the article list at start (relevance: to the text filter)") \
	X(LIST_CURSOR, "list", "cursor", ATT_OPT_CHOICE, "bar", 0, 0, "bar|arrow", \
	  "How the selected article is shown: bar highlights its row; arrow puts -> in front of it, which a slow link sends in a sixth of the bytes per step") \
	X(MATRIX_COUNTRIES, "matrix", "countries", ATT_OPT_INT, "80", 2, 250, NULL, \
	  "How many countries (the most mentioned) the matrix has; it scrolls when they do not fit") \
	X(MATRIX_LEVEL, "matrix", "level", ATT_OPT_CHOICE, "sentence", 0, 0, "sentence|article", \
	  "What a matrix cell counts: sentences or articles where both countries occur") \
	X(MATRIX_COLOURING, "matrix", "colouring", ATT_OPT_CHOICE, "count", 0, 0, "count|tone", \
	  "Shade matrix cells by the count of co-mentions or by their tone") \
	X(MATRIX_MIN_COUNT, "matrix", "min-count", ATT_OPT_INT, "1", 1, 1000000000, NULL, \
	  "Cells counting fewer co-mentions are left blank")

enum att_opt {
#define X(id, sec, name, type, def, min, max, choices, help) ATT_OPT_##id,
	ATT_OPTIONS(X)
#undef X
	ATT_OPT_COUNT
};

struct att_option_info {
	const char *section, *name;
	enum att_opt_type type;
	const char *def;
	long min, max;
	const char *choices;
	const char *help;
};
extern const struct att_option_info att_options[ATT_OPT_COUNT];

/* A key bound to an action in a scope (a pane, or global). */
struct att_binding {
	enum att_scope scope;
	int key;
	enum att_action act;
};

struct att_config {
	char *path;                     /* the file read, or NULL */
	char *value[ATT_OPT_COUNT];     /* canonical text of each option */
	long num[ATT_OPT_COUNT];        /* bool 0/1, number, or choice index */
	struct att_binding *keys;       /* the effective key bindings */
	size_t nkeys;
	struct att_color_spec colors[COL_COUNT]; /* [colors] overrides */
	unsigned char color_set[COL_COUNT];
	char *theme;                    /* the theme in use, once chosen */
	int mono;                       /* monochrome: --mono or $NO_COLOR */
	struct att_msgs msgs;           /* problems found, "FILE:LINE: message" */
};

/* The configuration in use, set by main() before the browser starts;
 * NULL in programs that have none (tests). */
extern struct att_config *att_config_active;

/* The defaults: options from ATT_OPTIONS, keys from actions.def, no
 * colour overrides. */
void att_config_init(struct att_config *cfg);
void att_config_free(struct att_config *cfg);

/* $XDG_CONFIG_HOME/attache/config, else ~/.config/attache/config; NULL
 * when neither is known. The caller frees it. */
char *att_config_default_path(void);

/* Reads PATH on top of the defaults, or the default path when PATH is
 * NULL. Problems (unknown keys, bad values, iniparser's traps) go to
 * cfg->msgs and the defaults stay. Returns 0, or EX_CONFIG (78) with ERR
 * set when PATH was given and cannot be read. A missing default file is
 * no problem. */
int att_config_load(struct att_config *cfg, const char *path, struct att_err *err);

/* Sets one option, "SECTION.KEY" style, as if read at LABEL:LINE. Returns
 * 0, or -1 after adding a message to cfg->msgs. */
int att_config_set(struct att_config *cfg, const char *section, const char *key,
		   const char *value, const char *label, int line);

/* Option values (by ID). */
const char *att_config_str(const struct att_config *cfg, enum att_opt id);
long att_config_num(const struct att_config *cfg, enum att_opt id);

/* general.index with a leading ~/ expanded, or NULL when unset. */
char *att_config_index(const struct att_config *cfg);

/* DATE ("YYYY-MM-DD", maybe followed by a time) in general.date-format,
 * or a copy of DATE when it is not such a date. The caller frees it. */
char *att_config_date(const struct att_config *cfg, const char *date);

/* The widest att_config_date can be (display columns, at most 32), for a
 * column of dates. */
int att_config_date_width(const struct att_config *cfg);

/* Writes the effective configuration in the file's own format: loading
 * the output and dumping again prints the same text. */
void att_config_dump(const struct att_config *cfg, FILE *fp);

/* Prints cfg->msgs to FP, one "attache: message" line each (sanitised). */
void att_config_print_msgs(const struct att_config *cfg, FILE *fp);

/* Replaces the keymap (tui/keys.c) with the configured bindings. */
void att_config_bind_keys(const struct att_config *cfg);

/* 1 when the screen must be monochrome: FLAG (--mono) or a non-empty
 * $NO_COLOR (no-color.org). */
int att_config_mono(int flag);

/* Fills att_theme[] from theme NAME (NULL: general.theme), or the mono
 * theme when MONO, then the [colors] overrides. A broken theme falls back
 * to the default one; messages go to MSGS. Returns 0, or -1 on fallback.
 * Call att_colors_apply() afterwards. */
int att_config_use_theme(struct att_config *cfg, const char *name, int mono, struct att_msgs *msgs);

/* Switches to the theme after the current one (for the cycle-theme key).
 * Returns 0 and sets *NAME (owned by cfg) to its name, or -1 when there
 * is no theme file at all. A broken theme gives the default colours and
 * its messages in MSGS, and the next call goes on past it. Call
 * att_colors_apply() afterwards. */
int att_config_next_theme(struct att_config *cfg, const char **name, struct att_msgs *msgs);

/* Prints the themes found, one "NAME<TAB>ORIGIN<TAB>FILE" line each. */
void att_config_list_themes(FILE *fp);

#endif
