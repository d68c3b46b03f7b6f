/* conf_ini.c: a careful front end to iniparser.
 *
 * The file is read and checked line by line first (length, NUL bytes,
 * invalid UTF-8, BOM, syntax, section and key names, duplicates, values
 * that iniparser would cut at '#' or ';'); every good line is written to a
 * temporary copy in a form iniparser reads faithfully (values quoted), bad
 * lines become blank so line numbers still match, and iniparser parses the
 * copy. Values are then read back only with iniparser_getstring(d, key,
 * NULL) for keys known to exist. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#if defined(HAVE_INIPARSER_INIPARSER_H)
#include <iniparser/iniparser.h>
#else
#include <iniparser.h>
#endif

#include "model/text.h"
#include "tui/conf_ini.h"

/* iniparser 4.1 reads lines with a 1024-byte buffer, newline included. */
#define INI_LINE_MAX 1022
/* A config or theme file has no reason to be bigger. */
#define INI_FILE_MAX (1024 * 1024)

void
att_msgs_add(struct att_msgs *m, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	m->v = xreallocarray(m->v, m->n + 1, sizeof *m->v);
	m->v[m->n++] = buf_steal(&b);
}

void
att_msgs_free(struct att_msgs *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->v[i]);
	free(m->v);
	m->v = NULL;
	m->n = 0;
}

/* Where iniparser's own complaints go while a file is parsed. */
static struct att_msgs *ini_errors;
static const char *ini_label;

/* iniparser's error callback: keeps the message instead of printing it. */
static int
ini_error(const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (ini_errors && b.len > 0) {
		for (size_t i = 0; i < b.len; i++)
			if (b.data[i] == '\n' || b.data[i] == '\r')
				b.data[i] = ' ';
		while (b.len > 0 && b.data[b.len - 1] == ' ')
			b.data[--b.len] = '\0';
		char *safe = att_sanitize_dup(b.data, b.len, 0);
		att_msgs_add(ini_errors, "%s: %s", ini_label, safe);
		free(safe);
	}
	buf_free(&b);
	return 0;
}

/* Reads the whole of PATH into OUT, refusing what is not a regular file. */
static int
read_file(const char *path, const char *label, struct buf *out, struct att_err *err)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return att_err_set(err, errno == ENOENT ? EX_NOINPUT : EX_CONFIG,
				   "%s: cannot open: %s", label, strerror(errno)), -1;
	if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
		close(fd);
		return att_err_set(err, EX_CONFIG, "%s: is a directory, not a file", label), -1;
	}
	if (!S_ISREG(st.st_mode) && strcmp(path, "/dev/null") != 0) {
		close(fd);
		return att_err_set(err, EX_CONFIG, "%s: not a regular file", label), -1;
	}
	for (;;) {
		buf_reserve(out, 8192);
		ssize_t n = read(fd, out->data + out->len, 8192);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			close(fd);
			return att_err_set(err, EX_CONFIG, "%s: cannot read: %s", label, strerror(e)), -1;
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		out->data[out->len] = '\0';
		if (out->len > INI_FILE_MAX) {
			close(fd);
			return att_err_set(err, EX_CONFIG, "%s: larger than %d bytes; not a config file",
					   label, INI_FILE_MAX), -1;
		}
	}
	close(fd);
	buf_reserve(out, 1);
	out->data[out->len] = '\0';
	return 0;
}

static char *
trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* 1 when S starts a "#rgb" or "#rrggbb" colour ending at a blank or the end. */
static int
hex_colour_at(const char *s)
{
	size_t n = 0;

	while (isxdigit((unsigned char)s[1 + n]))
		n++;
	return (n == 3 || n == 6) && (s[1 + n] == '\0' || s[1 + n] == ' ' || s[1 + n] == '\t');
}

static int
name_ok(const char *s, int allow_dot)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_' && !(allow_dot && *s == '.'))
			return 0;
	return 1;
}

static void
lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* Parses the value part of a line into *OUT (a pointer into V). Returns 0,
 * or -1 with a message in MSG. Adds a warning to WARN for a value that a
 * ';' or '#' cut short. */
static int
parse_value(char *v, char **out, const char **warn, const char **msg)
{
	v = trim(v);
	if (*v == '"' || *v == '\'') {
		char *end = strchr(v + 1, *v);
		if (!end)
			return *msg = "unterminated quoted value", -1;
		*end = '\0';
		char *rest = trim(end + 1);
		if (*rest && *rest != ';' && *rest != '#')
			return *msg = "text after the closing quote", -1;
		*out = v + 1;
		return 0;
	}
	for (char *p = v; *p; p++) {
		if (*p == '#' && hex_colour_at(p)) {
			p += strspn(p + 1, "0123456789abcdefABCDEF");
			continue;
		}
		if (*p == ';' || *p == '#') {
			if (p > v && p[-1] != ' ' && p[-1] != '\t')
				*warn = *p == ';' ? "';' starts a comment here and cuts the value short; quote the value to keep it"
						  : "'#' starts a comment here and cuts the value short; quote the value to keep it";
			*p = '\0';
			break;
		}
	}
	*out = trim(v);
	return 0;
}

static void
add_entry(struct att_ini *ini, const char *section, const char *key, const char *value, int line)
{
	ini->e = xreallocarray(ini->e, ini->n + 1, sizeof *ini->e);
	ini->e[ini->n].section = xstrdup(section);
	ini->e[ini->n].key = xstrdup(key);
	ini->e[ini->n].value = xstrdup(value);
	ini->e[ini->n].line = line;
	ini->n++;
}

static struct att_ini_entry *
find_entry(struct att_ini *ini, const char *section, const char *key)
{
	for (size_t i = 0; i < ini->n; i++)
		if (strcmp(ini->e[i].section, section) == 0 && strcmp(ini->e[i].key, key) == 0)
			return &ini->e[i];
	return NULL;
}

/* Checks each line of TEXT, records good entries in INI, writes the clean
 * copy to COPY and the problems to MSGS. */
static void
prescan(struct buf *text, const char *label, struct att_ini *ini, FILE *copy, struct att_msgs *msgs)
{
	char *p = text->data, *end = text->data + text->len;
	char *section = NULL;
	int line = 0, section_ok = 0;

	if (text->len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *next = nl ? nl + 1 : end;
		line++;
		if (len > 0 && p[len - 1] == '\r')
			len--;
		if (memchr(p, '\0', len)) {
			att_msgs_add(msgs, "%s:%d: NUL byte in the line; line ignored", label, line);
		} else if (len > INI_LINE_MAX) {
			att_msgs_add(msgs, "%s:%d: line longer than %d bytes; line ignored", label, line, INI_LINE_MAX);
		} else if (!att_utf8_valid(p, len)) {
			att_msgs_add(msgs, "%s:%d: invalid UTF-8; line ignored", label, line);
		} else {
			char *l = xstrndup(p, len);
			char *s = trim(l);
			const char *msg = NULL, *warn = NULL;
			if (*s == '\0' || *s == ';' || *s == '#') {
				/* blank or comment */
			} else if (*s == '[') {
				char *close = strchr(s, ']');
				char *rest = close ? trim(close + 1) : NULL;
				if (!close || (*rest && *rest != ';' && *rest != '#')) {
					msg = "syntax error: a section is '[name]'";
					section_ok = 0;
				} else {
					*close = '\0';
					char *name = trim(s + 1);
					lower(name);
					free(section);
					section = xstrdup(name);
					section_ok = name_ok(name, 0);
					if (!section_ok)
						msg = "bad section name (letters, digits, '-' and '_' only); its keys are ignored";
					else {
						fprintf(copy, "[%s]", name);
						ini->sections = xreallocarray(ini->sections, ini->nsections + 1, sizeof *ini->sections);
						ini->section_lines = xreallocarray(ini->section_lines, ini->nsections + 1, sizeof *ini->section_lines);
						ini->sections[ini->nsections] = xstrdup(name);
						ini->section_lines[ini->nsections++] = line;
					}
				}
			} else {
				char *eq = strchr(s, '=');
				char *value = NULL;
				if (!eq) {
					msg = "syntax error: expected '[section]', 'key = value' or a comment";
				} else {
					*eq = '\0';
					char *key = trim(s);
					lower(key);
					if (!name_ok(key, 1))
						msg = "bad key name (letters, digits, '.', '-' and '_' only)";
					else if (!section)
						msg = "key outside a section; ignored";
					else if (!section_ok)
						msg = NULL; /* its section was already reported */
					else if (parse_value(eq + 1, &value, &warn, &msg) == 0) {
						if (strchr(value, '"') && strchr(value, '\''))
							msg = "a value cannot hold both kinds of quote";
						else {
							struct att_ini_entry *dup = find_entry(ini, section, key);
							if (dup) {
								att_msgs_add(msgs, "%s:%d: '%s' is set again (first on line %d); the last one wins",
									     label, line, key, dup->line);
								free(dup->value);
								dup->value = xstrdup(value);
								dup->line = line;
							} else {
								add_entry(ini, section, key, value, line);
							}
							fprintf(copy, "%s = ", key);
							fputc(strchr(value, '"') ? '\'' : '"', copy);
							fputs(value, copy);
							fputc(strchr(value, '"') ? '\'' : '"', copy);
						}
					}
				}
			}
			if (warn)
				att_msgs_add(msgs, "%s:%d: %s", label, line, warn);
			if (msg)
				att_msgs_add(msgs, "%s:%d: %s", label, line, msg);
			free(l);
		}
		fputc('\n', copy);
		p = next;
	}
	free(section);
}

/* Has iniparser parse COPY and takes each recorded value from it. */
static int
parse_copy(const char *copy, const char *label, struct att_ini *ini, struct att_msgs *msgs,
	   struct att_err *err)
{
	ini_errors = msgs;
	ini_label = label;
	iniparser_set_error_callback(ini_error);
	dictionary *d = iniparser_load(copy);
	iniparser_set_error_callback(NULL);
	ini_errors = NULL;
	if (!d)
		return att_err_set(err, EX_CONFIG, "%s: cannot be parsed", label), -1;
	for (size_t i = 0; i < ini->n; i++) {
		char *full = xasprintf("%s:%s", ini->e[i].section, ini->e[i].key);
		const char *v = iniparser_getstring(d, full, NULL);
		free(full);
		free(ini->e[i].value);
		ini->e[i].value = xstrdup(v ? v : "");
	}
	iniparser_freedict(d);
	return 0;
}

int
att_ini_load(const char *path, struct att_ini *ini, struct att_msgs *msgs, struct att_err *err)
{
	struct buf text = BUF_INIT;
	char *label = att_sanitize_dup(path, strlen(path), 0);
	const char *tmpdir = getenv("TMPDIR");
	int rc = -1;

	memset(ini, 0, sizeof *ini);
	ini->path = xstrdup(path);
	if (read_file(path, label, &text, err) != 0)
		goto out;
	if (!tmpdir || *tmpdir != '/')
		tmpdir = "/tmp";
	char *tmp = xasprintf("%s/attache-ini.XXXXXX", tmpdir);
	int fd = mkstemp(tmp);
	FILE *copy = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!copy) {
		att_err_set(err, EX_CANTCREAT, "%s: cannot create a temporary file in %s: %s",
			    label, tmpdir, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		goto out;
	}
	buf_reserve(&text, 1);
	prescan(&text, label, ini, copy, msgs);
	if (fclose(copy) != 0) {
		att_err_set(err, EX_IOERR, "%s: cannot write a temporary file in %s: %s",
			    label, tmpdir, strerror(errno));
		unlink(tmp);
		free(tmp);
		goto out;
	}
	rc = parse_copy(tmp, label, ini, msgs, err);
	unlink(tmp);
	free(tmp);
out:
	buf_free(&text);
	free(label);
	return rc;
}

void
att_ini_free(struct att_ini *ini)
{
	for (size_t i = 0; i < ini->n; i++) {
		free(ini->e[i].section);
		free(ini->e[i].key);
		free(ini->e[i].value);
	}
	for (size_t i = 0; i < ini->nsections; i++)
		free(ini->sections[i]);
	free(ini->sections);
	free(ini->section_lines);
	free(ini->e);
	free(ini->path);
	memset(ini, 0, sizeof *ini);
}

void
att_ini_write_value(FILE *fp, const char *value)
{
	size_t n = strlen(value);
	int quote = n > 0 && (strpbrk(value, ";#\"'") || value[0] == ' ' || value[0] == '\t' ||
			      value[n - 1] == ' ' || value[n - 1] == '\t');

	if (!quote) {
		fputs(value, fp);
		return;
	}
	char q = strchr(value, '"') ? '\'' : '"';
	fputc(q, fp);
	fputs(value, fp);
	fputc(q, fp);
}
