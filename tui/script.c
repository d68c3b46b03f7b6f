/* script.c: scripted input. The whole file is read and checked first; then
 * the loop takes its keys from it, and the commands in it (:type, :resize,
 * :dump, :wait) run as they are met. */
#include "config.h"

#include "tui/script.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <wchar.h>

#include "model/text.h"
#include "tui/app.h"
#include "tui/keys.h"
#include "tui/trace.h"

enum item_kind { IT_KEY, IT_RESIZE, IT_DUMP, IT_WAIT, IT_CANCEL };

struct item {
	enum item_kind kind;
	int key;           /* IT_KEY */
	int cols, rows;    /* IT_RESIZE */
	char *path;        /* IT_DUMP */
	int line;
};

struct script {
	char *path;
	struct item *v;
	size_t n, cap, next;
};

static struct item *
add(struct script *s, enum item_kind kind, int line)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = xreallocarray(s->v, s->cap, sizeof *s->v);
	}
	struct item *it = &s->v[s->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->line = line;
	return it;
}

/* :type TEXT: one key per character. */
static int
add_typed(struct script *s, const char *text, int line, struct att_err *err)
{
	size_t n = strlen(text);
	const unsigned char *p = (const unsigned char *)text;

	while (n > 0) {
		uint32_t cp;
		size_t len = att_utf8_seq(p, n, &cp);
		if (len == 0 || cp < 0x20 || cp == 0x7f)
			return att_err_set(err, EX_DATAERR, "%s:%d: :type takes printable UTF-8 text",
					   s->path, line);
		add(s, IT_KEY, line)->key = (int)cp;
		p += len, n -= len;
	}
	return 0;
}

static int
parse_line(struct script *s, char *line, int lineno, struct att_err *err)
{
	size_t n = strlen(line);

	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	if (strncmp(line, ":type ", 6) == 0)
		return add_typed(s, line + 6, lineno, err);
	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		line[--n] = '\0';
	char *p = line + strspn(line, " \t");
	if (*p == '\0' || *p == '#')
		return 0;
	if (*p != ':' || p[1] == '\0') {
		int key;
		if (att_key_parse(p, &key) != 0) {
			char *safe = att_sanitize_dup(p, strlen(p), 0);
			att_err_set(err, EX_DATAERR, "%s:%d: unknown key name '%s'", s->path, lineno, safe);
			free(safe);
			return EX_DATAERR;
		}
		add(s, IT_KEY, lineno)->key = key;
		return 0;
	}
	if (strncmp(p, ":resize ", 8) == 0) {
		int cols, rows;
		char extra;
		if (sscanf(p + 8, "%dx%d%c", &cols, &rows, &extra) != 2 || cols < 1 || rows < 1 ||
		    cols > 1000 || rows > 1000)
			return att_err_set(err, EX_DATAERR, "%s:%d: :resize takes COLSxROWS (1..1000)",
					   s->path, lineno);
		struct item *it = add(s, IT_RESIZE, lineno);
		it->cols = cols, it->rows = rows;
		return 0;
	}
	if (strncmp(p, ":dump ", 6) == 0 && p[6]) {
		add(s, IT_DUMP, lineno)->path = xstrdup(p + 6);
		return 0;
	}
	if (strcmp(p, ":wait") == 0) {
		add(s, IT_WAIT, lineno);
		return 0;
	}
	if (strcmp(p, ":cancel") == 0) {
		add(s, IT_CANCEL, lineno);
		return 0;
	}
	char *safe = att_sanitize_dup(p, strlen(p), 0);
	att_err_set(err, EX_DATAERR, "%s:%d: unknown command '%s' (:type :resize :dump :wait :cancel)",
		    s->path, lineno, safe);
	free(safe);
	return EX_DATAERR;
}

int
script_open(const char *path, struct script **out, struct att_err *err)
{
	FILE *fp = fopen(path, "r");
	struct script *s;
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0, rc = 0;

	if (!fp)
		return att_err_set(err, errno == ENOENT ? EX_NOINPUT : EX_IOERR, "%s: %s", path,
				   strerror(errno));
	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	while (getline(&line, &cap, fp) > 0) {
		lineno++;
		if (strlen(line) > 65536) {
			rc = att_err_set(err, EX_DATAERR, "%s:%d: line too long", path, lineno);
			break;
		}
		if ((rc = parse_line(s, line, lineno, err)) != 0)
			break;
	}
	if (!rc && ferror(fp))
		rc = att_err_set(err, EX_IOERR, "%s: read error", path);
	free(line);
	fclose(fp);
	if (rc) {
		script_close(s);
		return rc;
	}
	*out = s;
	return 0;
}

void
script_close(struct script *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].path);
	free(s->v);
	free(s->path);
	free(s);
}

void
script_initial_size(const struct script *s, int *cols, int *rows)
{
	*cols = 80, *rows = 24;
	for (size_t i = 0; i < s->n && s->v[i].kind != IT_KEY; i++) {
		if (s->v[i].kind == IT_RESIZE) {
			*cols = s->v[i].cols, *rows = s->v[i].rows;
		}
	}
}

int
script_pending(const struct script *s)
{
	return s->next < s->n && s->v[s->next].kind == IT_KEY;
}

int
script_dump(const char *path, struct att_err *err)
{
	FILE *fp = fopen(path, "w");
	int rows, cols;
	wchar_t *line;

	if (!fp)
		return att_err_set(err, EX_CANTCREAT, "%s: %s", path, strerror(errno));
	getmaxyx(curscr, rows, cols);
	line = xcalloc((size_t)cols + 1, sizeof *line);
	for (int y = 0; y < rows; y++) {
		int n = mvwinnwstr(curscr, y, 0, line, cols);
		struct buf b = BUF_INIT;
		mbstate_t st;
		memset(&st, 0, sizeof st);
		for (int i = 0; i < n && line[i]; i++) {
			char mb[MB_LEN_MAX];
			size_t len = wcrtomb(mb, line[i], &st);
			if (len == (size_t)-1)
				buf_addc(&b, '?');
			else
				buf_add(&b, mb, len);
		}
		while (b.len > 0 && b.data[b.len - 1] == ' ')
			b.len--;
		fwrite(b.data ? b.data : "", 1, b.len, fp);
		fputc('\n', fp);
		buf_free(&b);
	}
	free(line);
	if (fclose(fp) != 0)
		return att_err_set(err, EX_IOERR, "%s: write error", path);
	return 0;
}

int
script_next(struct script *s, struct app *app, struct att_err *err)
{
	while (s->next < s->n) {
		struct item *it = &s->v[s->next++];
		switch (it->kind) {
		case IT_KEY:
			return it->key;
		case IT_RESIZE:
			att_trace_input("script:resize");
			app_script_resize(app, it->cols, it->rows);
			app_refresh(app);
			break;
		case IT_WAIT:
			app_refresh(app);
			break;
		case IT_CANCEL: /* as if Esc were typed during the next long query */
			app->script_cancel = 1;
			break;
		case IT_DUMP:
			app_refresh(app);
			if (script_dump(it->path, err) != 0) {
				char *msg = xstrdup(err->msg);
				att_err_set(err, err->code, "%s:%d: %s", s->path, it->line, msg);
				free(msg);
				return -2;
			}
			break;
		}
	}
	return -1;
}
