/* theme.c: theme files: finding, listing, loading, cycling. */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "model/text.h"
#include "tui/theme.h"

/* ---------------------------------------------------------------- files */

/* The user's theme directory: $XDG_CONFIG_HOME/attache/themes. */
static char *
user_theme_dir(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		return xasprintf("%s/attache/themes", xdg);
	if (home && home[0] == '/')
		return xasprintf("%s/.config/attache/themes", home);
	return NULL;
}

/* The themes directory of a build tree: <exe dir>/../themes. */
static char *
build_theme_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	struct stat st;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	char *dir = xasprintf("%s/../themes", exe);
	char *real = realpath(dir, NULL);
	free(dir);
	if (!real || stat(real, &st) != 0 || !S_ISDIR(st.st_mode)) {
		free(real);
		return NULL;
	}
	return real;
}

static int
theme_name_ok(const char *s, size_t n)
{
	if (n == 0 || s[0] == '.' || s[0] == '-')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_' && s[i] != '.')
			return 0;
	return 1;
}

/* Adds the *.ini files of DIR to LIST unless a theme of that name is in. */
static void
scan_dir(const char *dir, const char *origin, struct att_theme_file **list, size_t *n)
{
	DIR *d = dir ? opendir(dir) : NULL;
	struct dirent *de;

	if (!d)
		return;
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		if (len <= 4 || strcmp(de->d_name + len - 4, ".ini") != 0 ||
		    !theme_name_ok(de->d_name, len - 4))
			continue;
		char *name = xstrndup(de->d_name, len - 4);
		int seen = 0;
		for (size_t i = 0; i < *n; i++)
			seen |= strcmp((*list)[i].name, name) == 0;
		if (seen) {
			free(name);
			continue;
		}
		*list = xreallocarray(*list, *n + 1, sizeof **list);
		(*list)[*n].name = name;
		(*list)[*n].path = xasprintf("%s/%s", dir, de->d_name);
		(*list)[*n].origin = origin;
		(*n)++;
	}
	closedir(d);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct att_theme_file *)a)->name, ((const struct att_theme_file *)b)->name);
}

void
att_theme_files(struct att_theme_file **list, size_t *n)
{
	char *user = user_theme_dir(), *build = build_theme_dir();

	*list = NULL;
	*n = 0;
	scan_dir(user, "user", list, n);
	scan_dir(build, "build", list, n);
	scan_dir(ATT_PKGDATADIR "/themes", "installed", list, n);
	free(user);
	free(build);
	if (*n > 1)
		qsort(*list, *n, sizeof **list, by_name);
}

void
att_theme_files_free(struct att_theme_file *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].name);
		free(list[i].path);
	}
	free(list);
}

void
att_theme_mono(struct att_color_spec specs[COL_COUNT])
{
	/* The heat ramp and the tones carry colour only in colors.def; here
	 * each step gets its own attributes. */
	static const struct {
		const char *slot;
		attr_t attr;
	} mono[] = {
		{"heat-1", A_DIM},
		{"heat-2", A_NORMAL},
		{"heat-3", A_UNDERLINE},
		{"heat-4", A_BOLD},
		{"heat-5", A_BOLD | A_UNDERLINE},
		{"heat-6", A_BOLD | A_REVERSE},
		{"tone-cooperation", A_UNDERLINE},
		{"tone-neutral", A_DIM},
		{"tone-conflict", A_BOLD | A_REVERSE},
		{"search-match", A_REVERSE | A_UNDERLINE},
	};

	for (int i = 0; i < COL_COUNT; i++)
		specs[i] = (struct att_color_spec){-1, -1, att_colors[i].def.attr};
	for (size_t i = 0; i < ATT_ARRAY_LEN(mono); i++) {
		int slot = att_color_by_name(mono[i].slot);
		if (slot >= 0)
			specs[slot].attr = mono[i].attr;
	}
}

void
att_theme_strip(struct att_color_spec specs[COL_COUNT])
{
	for (int i = 0; i < COL_COUNT; i++)
		specs[i].fg = specs[i].bg = -1;
}

static void
defaults(struct att_color_spec specs[COL_COUNT])
{
	for (int i = 0; i < COL_COUNT; i++)
		specs[i] = att_colors[i].def;
}

/* The file of theme NAME, or NULL. */
static char *
theme_path(const char *name)
{
	struct att_theme_file *list;
	size_t n;
	char *path = NULL;

	if (strchr(name, '/'))
		return xstrdup(name);
	att_theme_files(&list, &n);
	for (size_t i = 0; i < n && !path; i++)
		if (strcmp(list[i].name, name) == 0)
			path = xstrdup(list[i].path);
	att_theme_files_free(list, n);
	return path;
}

int
att_theme_load(const char *name, struct att_color_spec specs[COL_COUNT], struct att_msgs *msgs)
{
	char *safe = att_sanitize_dup(name, strlen(name), 0);
	char *path = theme_path(name);
	struct att_ini ini;
	struct att_err err;
	int good = 0, bad = 0, rc = -1;

	int mono = strcmp(name, "mono") == 0;
	if (mono)
		att_theme_mono(specs);
	else
		defaults(specs);
	if (!path) {
		/* The built-in defaults are the default theme when no file is installed. */
		if (strcmp(name, "default") == 0 || mono)
			rc = 0;
		else
			att_msgs_add(msgs, "theme '%s' not found (see attache --list-themes); using the default theme", safe);
		free(safe);
		return rc;
	}
	att_err_clear(&err);
	if (att_ini_load(path, &ini, msgs, &err) != 0) {
		att_msgs_add(msgs, "%s; using the default theme", err.msg);
		free(path);
		free(safe);
		return -1;
	}
	char *label = att_sanitize_dup(path, strlen(path), 0);
	for (size_t i = 0; i < ini.nsections; i++) {
		if (strcmp(ini.sections[i], "theme") != 0 && strcmp(ini.sections[i], "colors") != 0)
			att_msgs_add(msgs, "%s:%d: unknown section [%s] (a theme has [theme] and [colors])",
				     label, ini.section_lines[i], ini.sections[i]);
	}
	for (size_t i = 0; i < ini.n; i++) {
		struct att_ini_entry *e = &ini.e[i];
		if (strcmp(e->section, "theme") == 0) {
			if (strcmp(e->key, "description") != 0)
				att_msgs_add(msgs, "%s:%d: unknown key '%s' in [theme] (only description)",
					     label, e->line, e->key);
			continue;
		}
		if (strcmp(e->section, "colors") != 0)
			continue;
		int slot = att_color_by_name(e->key);
		struct att_color_spec spec;
		if (slot < 0) {
			att_msgs_add(msgs, "%s:%d: unknown colour slot '%s' (see COLOUR SLOTS in attache.conf(5))",
				     label, e->line, e->key);
			bad++;
		} else if (att_color_spec_parse(e->value, &spec, &err) != 0) {
			att_msgs_add(msgs, "%s:%d: %s: %s", label, e->line, e->key, err.msg);
			bad++;
		} else {
			specs[slot] = spec;
			good++;
		}
	}
	if (good == 0 && bad > 0) {
		att_msgs_add(msgs, "%s: no usable colour in theme '%s'; using the default theme", label, safe);
		defaults(specs);
	} else {
		rc = 0;
	}
	att_ini_free(&ini);
	free(label);
	free(path);
	free(safe);
	return rc;
}

char *
att_theme_next(const char *current)
{
	struct att_theme_file *list;
	size_t n;
	char *next = NULL;

	att_theme_files(&list, &n);
	if (n > 0) {
		size_t i = 0;
		while (i < n && strcmp(list[i].name, current ? current : "") <= 0)
			i++;
		next = xstrdup(list[i < n ? i : 0].name);
	}
	att_theme_files_free(list, n);
	return next;
}
