/* conf.c: the configuration file: options, key bindings, colour
 * overrides; loading, checking and dumping. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <time.h>

#include "model/text.h"
#include "tui/conf.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/theme.h"

const struct att_option_info att_options[ATT_OPT_COUNT] = {
#define X(id, sec, name, type, def, min, max, choices, help) {sec, name, type, def, min, max, choices, help},
	ATT_OPTIONS(X)
#undef X
};

struct att_config *att_config_active;

/* The sections of the file, in the order --dump-config writes them. */
static const char *const sections[] = {"general", "list", "matrix", "keys", "colors"};

/* A key's list of bindings holds at most this many keys per action. */
#define MAX_KEYS 16

/* Index of WORD in the "a|b|c" list CHOICES, or -1. */
static int
choice_index(const char *choices, const char *word)
{
	size_t wlen = strlen(word);
	int i = 0;

	for (const char *p = choices; *p; i++) {
		size_t len = strcspn(p, "|");
		if (len == wlen && strncasecmp(p, word, len) == 0)
			return i;
		p += len;
		if (*p == '|')
			p++;
	}
	return -1;
}

/* Reads a boolean the way people write one. */
static int
parse_bool(const char *s, long *out)
{
	static const char *const yes[] = {"on", "yes", "true", "1"};
	static const char *const no[] = {"off", "no", "false", "0"};

	for (size_t i = 0; i < ATT_ARRAY_LEN(yes); i++) {
		if (strcasecmp(s, yes[i]) == 0)
			return *out = 1, 0;
		if (strcasecmp(s, no[i]) == 0)
			return *out = 0, 0;
	}
	return -1;
}

/* Checks VALUE for option ID; on success sets *CANON (owned by the caller)
 * and *NUM. Returns 0, or -1 with the reason in ERR. */
static int
parse_option(enum att_opt id, const char *value, char **canon, long *num, struct att_err *err)
{
	const struct att_option_info *o = &att_options[id];
	char *end;

	switch (o->type) {
	case ATT_OPT_STRING:
		/* Short enough that --dump-config writes it on a line iniparser reads. */
		if (strlen(value) > 900)
			return att_err_set(err, EX_CONFIG, "value longer than 900 bytes"), -1;
		if (id == ATT_OPT_DATE_FORMAT) {
			struct tm tm = {.tm_year = 122, .tm_mon = 11, .tm_mday = 20};
			char out[256];
			size_t n = 0;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
			if (*value)
				n = strftime(out, sizeof out, value, &tm);
#pragma GCC diagnostic pop
			if (n == 0)
				return att_err_set(err, EX_CONFIG, "'%.60s' is not a strftime(3) date format "
						   "giving up to 255 bytes", value), -1;
		}
		if (id == ATT_OPT_THEME && *value == '\0')
			return att_err_set(err, EX_CONFIG, "empty theme name"), -1;
		*canon = xstrdup(value);
		*num = 0;
		return 0;
	case ATT_OPT_BOOL:
		if (parse_bool(value, num) != 0)
			return att_err_set(err, EX_CONFIG, "'%.60s' is not on or off", value), -1;
		*canon = xstrdup(*num ? "on" : "off");
		return 0;
	case ATT_OPT_INT:
		errno = 0;
		while (*value == ' ')
			value++;
		long v = strtol(value, &end, 10);
		if (end == value || *end != '\0' || !(isdigit((unsigned char)*value) || *value == '-'))
			return att_err_set(err, EX_CONFIG, "'%.60s' is not a whole number", value), -1;
		if (errno == ERANGE || v < o->min || v > o->max)
			return att_err_set(err, EX_CONFIG, "'%.60s' is out of range (%ld..%ld)",
					   value, o->min, o->max), -1;
		*num = v;
		*canon = xasprintf("%ld", v);
		return 0;
	case ATT_OPT_CHOICE: {
		int i = choice_index(o->choices, value);
		if (i < 0)
			return att_err_set(err, EX_CONFIG, "'%.60s' is not one of %s", value, o->choices), -1;
		*num = i;
		const char *p = o->choices;
		for (int k = 0; k < i; k++)
			p += strcspn(p, "|") + 1;
		*canon = xstrndup(p, strcspn(p, "|"));
		return 0;
	}
	case ATT_OPT_LIST: {
		struct buf b = BUF_INIT;
		char *copy = xstrdup(value), *save = NULL;
		long seen = 0;
		for (char *w = strtok_r(copy, " \t,", &save); w; w = strtok_r(NULL, " \t,", &save)) {
			int i = choice_index(o->choices, w);
			if (i < 0 || i >= 31) {
				att_err_set(err, EX_CONFIG, "'%.60s' is not one of %s", w, o->choices);
				free(copy);
				buf_free(&b);
				return -1;
			}
			seen |= 1L << i;
		}
		free(copy);
		/* The canonical form lists them in the table's order. */
		int i = 0;
		for (const char *p = o->choices; *p; i++) {
			size_t len = strcspn(p, "|");
			if (seen & (1L << i))
				buf_printf(&b, "%s%.*s", b.len ? ", " : "", (int)len, p);
			p += len + (p[len] == '|');
		}
		if (seen == 0) {
			buf_free(&b);
			return att_err_set(err, EX_CONFIG, "no column given (choose among %s)", o->choices), -1;
		}
		*num = seen;
		*canon = buf_steal(&b);
		return 0;
	}
	}
	return att_err_set(err, EX_SOFTWARE, "bad option type"), -1;
}

/* ---------------------------------------------------------------- keys */

/* Removes the bindings of ACT in SCOPE. */
static void
unbind_action(struct att_config *cfg, enum att_scope scope, enum att_action act)
{
	size_t j = 0;

	for (size_t i = 0; i < cfg->nkeys; i++)
		if (!(cfg->keys[i].scope == scope && cfg->keys[i].act == act))
			cfg->keys[j++] = cfg->keys[i];
	cfg->nkeys = j;
}

/* Binds KEY to ACT in SCOPE, taking it from any other action there. */
static void
bind_key(struct att_config *cfg, enum att_scope scope, int key, enum att_action act)
{
	key = att_key_normalize(key);
	for (size_t i = 0; i < cfg->nkeys; i++) {
		if (cfg->keys[i].scope == scope && cfg->keys[i].key == key) {
			cfg->keys[i].act = act;
			return;
		}
	}
	cfg->keys = xreallocarray(cfg->keys, cfg->nkeys + 1, sizeof *cfg->keys);
	cfg->keys[cfg->nkeys++] = (struct att_binding){scope, key, act};
}

/* Splits a key list ("q, C-c" or "j Down") into KEYS. Returns 0, or -1
 * with the bad name in ERR. */
static int
parse_keys(const char *list, int *keys, size_t *n, struct att_err *err)
{
	char *copy = xstrdup(list), *save = NULL;
	int rc = 0;

	*n = 0;
	for (char *w = strtok_r(copy, " \t,", &save); w; w = strtok_r(NULL, " \t,", &save)) {
		int key;
		if (att_key_parse(w, &key) != 0) {
			char *safe = att_sanitize_dup(w, strlen(w), 0);
			rc = att_err_set(err, EX_CONFIG, "unknown key name '%.40s' (see KEY NAMES in attache.conf(5); "
					 "',' ';' '#' are Comma, Semicolon, Hash)", safe);
			free(safe);
			break;
		}
		if (*n == MAX_KEYS) {
			rc = att_err_set(err, EX_CONFIG, "more than %d keys for one action", MAX_KEYS);
			break;
		}
		keys[(*n)++] = key;
	}
	free(copy);
	return rc ? -1 : 0;
}

static int
scope_by_name(const char *name)
{
	for (int s = 0; s < SCOPE_COUNT; s++)
		if (strcmp(att_scope_name((enum att_scope)s), name) == 0)
			return s;
	return -1;
}

/* Applies one "[keys]" line: "SCOPE.ACTION = KEYS" or "ACTION = KEYS". */
static int
set_keys(struct att_config *cfg, const char *name, const char *value, struct att_err *err)
{
	const char *dot = strchr(name, '.');
	const char *aname = dot ? dot + 1 : name;
	enum att_action act = att_action_by_name(aname);
	int scope;

	if (act == ACT_NONE)
		return att_err_set(err, EX_CONFIG, "unknown action '%.60s' (see ACTIONS in attache.conf(5))",
				   aname), -1;
	if (dot) {
		char *sname = xstrndup(name, (size_t)(dot - name));
		scope = scope_by_name(sname);
		free(sname);
		if (scope < 0)
			return att_err_set(err, EX_CONFIG, "unknown pane '%.*s' (global, list, article, matrix, evidence)",
					   (int)(dot - name) > 40 ? 40 : (int)(dot - name), name), -1;
	} else {
		scope = (int)att_actions[act].scope;
	}
	if (att_actions[act].scope != SCOPE_GLOBAL && scope != (int)att_actions[act].scope)
		return att_err_set(err, EX_CONFIG, "'%s' works in the %s pane only: bind it as %s.%s",
				   aname, att_scope_name(att_actions[act].scope),
				   att_scope_name(att_actions[act].scope), aname), -1;
	int keys[MAX_KEYS];
	size_t n;
	if (parse_keys(value, keys, &n, err) != 0)
		return -1;
	unbind_action(cfg, (enum att_scope)scope, act);
	for (size_t i = 0; i < n; i++)
		bind_key(cfg, (enum att_scope)scope, keys[i], act);
	return 0;
}

static void
default_keys(struct att_config *cfg)
{
	for (int a = 1; a < ACT_COUNT; a++) {
		int keys[MAX_KEYS];
		size_t n;
		struct att_err err;
		if (parse_keys(att_actions[a].keys, keys, &n, &err) != 0)
			continue; /* a bad default is caught by tests/tui_keys_test */
		for (size_t i = 0; i < n; i++)
			bind_key(cfg, att_actions[a].scope, keys[i], (enum att_action)a);
	}
}

void
att_config_bind_keys(const struct att_config *cfg)
{
	att_keymap_free();
	for (size_t i = 0; i < cfg->nkeys; i++)
		att_keymap_bind(cfg->keys[i].scope, cfg->keys[i].key, cfg->keys[i].act);
}

/* ---------------------------------------------------------------- options */

void
att_config_init(struct att_config *cfg)
{
	struct att_err err;

	memset(cfg, 0, sizeof *cfg);
	for (int i = 0; i < ATT_OPT_COUNT; i++) {
		if (parse_option((enum att_opt)i, att_options[i].def, &cfg->value[i], &cfg->num[i], &err) != 0) {
			/* Only the empty string option default lands here. */
			cfg->value[i] = xstrdup(att_options[i].def);
			cfg->num[i] = 0;
		}
	}
	default_keys(cfg);
}

void
att_config_free(struct att_config *cfg)
{
	for (int i = 0; i < ATT_OPT_COUNT; i++)
		free(cfg->value[i]);
	free(cfg->keys);
	free(cfg->path);
	free(cfg->theme);
	att_msgs_free(&cfg->msgs);
	memset(cfg, 0, sizeof *cfg);
}

char *
att_config_default_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		return xasprintf("%s/attache/config", xdg);
	if (home && home[0] == '/')
		return xasprintf("%s/.config/attache/config", home);
	return NULL;
}

int
att_config_set(struct att_config *cfg, const char *section, const char *key, const char *value,
	       const char *label, int line)
{
	struct att_err err;
	int unknown = 0;
	/* "FILE:LINE: " for a file, "LABEL: " for the command line. */
	char *where = line > 0 ? xasprintf("%s:%d: ", label, line) : xasprintf("%s: ", label);

	att_err_clear(&err);
	if (strcmp(section, "keys") == 0) {
		if (set_keys(cfg, key, value, &err) == 0) {
			free(where);
			return 0;
		}
		unknown = att_action_by_name(strchr(key, '.') ? strchr(key, '.') + 1 : key) == ACT_NONE;
	} else if (strcmp(section, "colors") == 0) {
		int slot = att_color_by_name(key);
		struct att_color_spec spec;
		if (slot < 0) {
			att_err_set(&err, EX_CONFIG, "unknown colour slot '%.60s' (see COLOUR SLOTS in attache.conf(5))", key);
			unknown = 1;
		} else if (att_color_spec_parse(value, &spec, &err) == 0) {
			cfg->colors[slot] = spec;
			cfg->color_set[slot] = 1;
			free(where);
			return 0;
		}
	} else {
		int id = -1;
		for (int i = 0; i < ATT_OPT_COUNT && id < 0; i++)
			if (strcmp(att_options[i].section, section) == 0 && strcmp(att_options[i].name, key) == 0)
				id = i;
		if (id < 0) {
			att_err_set(&err, EX_CONFIG, "unknown key '%.60s' in [%.40s] (see attache --dump-config)", key, section);
			unknown = 1;
		} else {
			char *canon;
			long num;
			if (parse_option((enum att_opt)id, value, &canon, &num, &err) == 0) {
				free(cfg->value[id]);
				cfg->value[id] = canon;
				cfg->num[id] = num;
				free(where);
				return 0;
			}
			char *safe = att_sanitize_dup(err.msg, strlen(err.msg), 0);
			att_msgs_add(&cfg->msgs, "%s%s: %s; using %s", where, key, safe,
				     cfg->value[id][0] ? cfg->value[id] : "\"\"");
			free(safe);
			free(where);
			return -1;
		}
	}
	char *safe = att_sanitize_dup(err.msg, strlen(err.msg), 0);
	if (unknown)
		att_msgs_add(&cfg->msgs, "%s%s; ignored", where, safe);
	else
		att_msgs_add(&cfg->msgs, "%s%s: %s; ignored", where, key, safe);
	free(safe);
	free(where);
	return -1;
}

/* The line number of a "LABEL:LINE: ..." message, or 0. */
static long
msg_line(const char *msg, const char *label)
{
	size_t n = strlen(label);

	if (strncmp(msg, label, n) != 0 || msg[n] != ':')
		return 0;
	return strtol(msg + n + 1, NULL, 10);
}

/* Orders the messages from FIRST on by line (stable), as a reader goes. */
static void
sort_msgs(struct att_msgs *m, size_t first, const char *label)
{
	for (size_t i = first + 1; i < m->n; i++) {
		char *v = m->v[i];
		long line = msg_line(v, label);
		size_t j = i;
		while (j > first && msg_line(m->v[j - 1], label) > line) {
			m->v[j] = m->v[j - 1];
			j--;
		}
		m->v[j] = v;
	}
}

int
att_config_load(struct att_config *cfg, const char *path, struct att_err *err)
{
	char *def = path ? NULL : att_config_default_path();
	const char *file = path ? path : def;
	struct att_ini ini;
	struct att_err e;

	if (!file)
		return 0;
	att_err_clear(&e);
	size_t first = cfg->msgs.n;
	if (att_ini_load(file, &ini, &cfg->msgs, &e) != 0) {
		int rc = 0;
		if (path) {
			rc = att_err_set(err, EX_CONFIG, "%s", e.msg);
		} else if (e.code != EX_NOINPUT) {
			att_msgs_add(&cfg->msgs, "%s; using the defaults", e.msg);
		}
		att_ini_free(&ini);
		free(def);
		return rc;
	}
	free(cfg->path);
	cfg->path = xstrdup(file);
	char *label = att_sanitize_dup(file, strlen(file), 0);
	for (size_t i = 0; i < ini.nsections; i++) {
		int known = 0;
		for (size_t s = 0; s < ATT_ARRAY_LEN(sections); s++)
			known |= strcmp(ini.sections[i], sections[s]) == 0;
		if (!known)
			att_msgs_add(&cfg->msgs, "%s:%d: unknown section [%s] (general, list, matrix, keys, colors); "
				     "its keys are ignored", label, ini.section_lines[i], ini.sections[i]);
	}
	for (size_t i = 0; i < ini.n; i++) {
		int known = 0;
		for (size_t s = 0; s < ATT_ARRAY_LEN(sections); s++)
			known |= strcmp(ini.e[i].section, sections[s]) == 0;
		if (known)
			att_config_set(cfg, ini.e[i].section, ini.e[i].key, ini.e[i].value, label, ini.e[i].line);
	}
	sort_msgs(&cfg->msgs, first, label);
	free(label);
	att_ini_free(&ini);
	free(def);
	return 0;
}

const char *
att_config_str(const struct att_config *cfg, enum att_opt id)
{
	return cfg->value[id];
}

long
att_config_num(const struct att_config *cfg, enum att_opt id)
{
	return cfg->num[id];
}

char *
att_config_index(const struct att_config *cfg)
{
	const char *v = cfg->value[ATT_OPT_INDEX];
	const char *home = getenv("HOME");

	if (!v || !*v)
		return NULL;
	if (v[0] == '~' && v[1] == '/' && home && *home)
		return xasprintf("%s%s", home, v + 1);
	return xstrdup(v);
}

void
att_config_print_msgs(const struct att_config *cfg, FILE *fp)
{
	for (size_t i = 0; i < cfg->msgs.n; i++) {
		char *safe = att_sanitize_dup(cfg->msgs.v[i], strlen(cfg->msgs.v[i]), 0);
		fprintf(fp, "%s: %s\n", att_progname ? att_progname : "attache", safe);
		free(safe);
	}
}

int
att_config_mono(int flag)
{
	const char *nc = getenv("NO_COLOR");

	return flag || (nc && *nc);
}

/* ---------------------------------------------------------------- dates */

/* Formats Y-M-D with FMT into a new string, or NULL when it gives nothing. */
static char *
format_date(const char *fmt, int y, int m, int d)
{
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12};
	char out[256];
	size_t n = 0;

	time_t t = timegm(&tm); /* fills tm_wday and tm_yday */
	if (t == (time_t)-1)
		return NULL;
	gmtime_r(&t, &tm);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	n = strftime(out, sizeof out, fmt, &tm);
#pragma GCC diagnostic pop
	return n ? xstrndup(out, n) : NULL;
}

char *
att_config_date(const struct att_config *cfg, const char *date)
{
	int y, m, d, len = 0;

	if (sscanf(date, "%4d-%2d-%2d%n", &y, &m, &d, &len) == 3 && len == 10 &&
	    y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
		char *s = format_date(cfg->value[ATT_OPT_DATE_FORMAT], y, m, d);
		if (s)
			return s;
	}
	return xstrdup(date);
}

int
att_config_date_width(const struct att_config *cfg)
{
	static char *fmt; /* the format W was computed for */
	static int cached;
	int w = 0;

	if (fmt && strcmp(fmt, cfg->value[ATT_OPT_DATE_FORMAT]) == 0)
		return cached;

	/* Every month name and every weekday, on two-digit days. */
	for (int m = 1; m <= 12; m++) {
		for (int d = 20; d <= 26; d++) {
			char *s = format_date(cfg->value[ATT_OPT_DATE_FORMAT], 2022, m, d);
			if (!s)
				continue;
			char *safe = att_sanitize_dup(s, strlen(s), 0);
			int sw = att_text_width(safe, strlen(safe));
			w = sw > w ? sw : w;
			free(safe);
			free(s);
		}
	}
	free(fmt);
	fmt = xstrdup(cfg->value[ATT_OPT_DATE_FORMAT]);
	cached = w < 1 ? 10 : w > 32 ? 32 : w;
	return cached;
}

/* ---------------------------------------------------------------- dump */

/* Writes a comment line. */
static void
comment(FILE *fp, const char *text)
{
	fprintf(fp, "; %s\n", text);
}

/* Writes the key bindings of ACT in SCOPE as "k1, k2" into B. */
static int
keys_of(const struct att_config *cfg, enum att_scope scope, enum att_action act, struct buf *b)
{
	int n = 0;

	for (size_t i = 0; i < cfg->nkeys; i++) {
		if (cfg->keys[i].scope != scope || cfg->keys[i].act != act)
			continue;
		char name[64];
		att_key_name(cfg->keys[i].key, name, sizeof name);
		buf_printf(b, "%s%s", n++ ? ", " : "", name);
	}
	return n;
}

void
att_config_dump(const struct att_config *cfg, FILE *fp)
{
	fprintf(fp, "; attache configuration (see attache.conf(5)).\n"
		    "; Written by attache --dump-config: the defaults and what the file changed.\n");
	for (size_t s = 0; s < 3; s++) {
		fprintf(fp, "\n[%s]\n", sections[s]);
		for (int i = 0; i < ATT_OPT_COUNT; i++) {
			const struct att_option_info *o = &att_options[i];
			if (strcmp(o->section, sections[s]) != 0)
				continue;
			comment(fp, o->help);
			if (o->type == ATT_OPT_CHOICE || o->type == ATT_OPT_LIST) {
				struct buf b = BUF_INIT;
				buf_printf(&b, "one%s of: ", o->type == ATT_OPT_LIST ? " or more" : "");
				for (const char *p = o->choices; *p; p++)
					buf_adds(&b, *p == '|' ? ", " : (char[]){*p, 0});
				comment(fp, b.data);
				buf_free(&b);
			} else if (o->type == ATT_OPT_INT) {
				fprintf(fp, "; %ld..%ld\n", o->min, o->max);
			}
			fprintf(fp, "%s =%s", o->name, cfg->value[i][0] ? " " : "");
			att_ini_write_value(fp, cfg->value[i]);
			fputc('\n', fp);
		}
	}
	fprintf(fp, "\n[keys]\n");
	comment(fp, "PANE.ACTION = KEY, KEY...; PANE is global, list, article, matrix or evidence.");
	comment(fp, "An empty value unbinds the action in that pane.");
	for (int s = 0; s < SCOPE_COUNT; s++) {
		for (int a = 1; a < ACT_COUNT; a++) {
			struct buf b = BUF_INIT;
			int n = keys_of(cfg, (enum att_scope)s, (enum att_action)a, &b);
			int deflt = (int)att_actions[a].scope == s && att_actions[a].keys[0] != '\0';
			if (n > 0 || deflt)
				fprintf(fp, "%s.%s =%s%s\n", att_scope_name((enum att_scope)s), att_actions[a].name,
					n ? " " : "", n ? b.data : "");
			buf_free(&b);
		}
	}
	fprintf(fp, "\n[colors]\n");
	comment(fp, "SLOT = FG BG ATTRS on top of the theme; the lines in comments show what");
	comment(fp, "the theme gives. Colours: default, black..white, bright-red..., 0-255, #rrggbb.");
	for (int i = 0; i < COL_COUNT; i++) {
		struct buf b = BUF_INIT;
		att_color_spec_format(&b, cfg->color_set[i] ? &cfg->colors[i] : &att_theme[i]);
		fprintf(fp, "%s%s = %s\n", cfg->color_set[i] ? "" : ";", att_colors[i].name, b.data);
		buf_free(&b);
	}
}

/* ---------------------------------------------------------------- themes */

int
att_config_use_theme(struct att_config *cfg, const char *name, int mono, struct att_msgs *msgs)
{
	int rc;

	if (!name)
		name = cfg->value[ATT_OPT_THEME];
	if (!name || !*name)
		name = "default";
	if (mono)
		name = "mono";
	cfg->mono = mono;
	rc = att_theme_load(name, att_theme, msgs);
	free(cfg->theme);
	cfg->theme = xstrdup(rc == 0 ? name : "default");
	if (mono)
		att_theme_strip(att_theme);
	for (int i = 0; i < COL_COUNT; i++) {
		if (!cfg->color_set[i])
			continue;
		att_theme[i] = cfg->colors[i];
		if (mono)
			att_theme[i].fg = att_theme[i].bg = -1;
	}
	return rc;
}

int
att_config_next_theme(struct att_config *cfg, const char **name, struct att_msgs *msgs)
{
	char *next = att_theme_next(cfg->theme);

	if (!next)
		return -1;
	/* A broken theme gives the default colours, but the cycle goes on
	 * from it, not from "default" (which would lead back to it). */
	if (att_config_use_theme(cfg, next, 0, msgs) != 0) {
		free(cfg->theme);
		cfg->theme = next;
	} else {
		free(next);
	}
	*name = cfg->theme;
	return 0;
}

void
att_config_list_themes(FILE *fp)
{
	struct att_theme_file *list;
	size_t n;

	att_theme_files(&list, &n);
	for (size_t i = 0; i < n; i++) {
		char *safe = att_sanitize_dup(list[i].path, strlen(list[i].path), 0);
		fprintf(fp, "%s\t%s\t%s\n", list[i].name, list[i].origin, safe);
		free(safe);
	}
	att_theme_files_free(list, n);
}
