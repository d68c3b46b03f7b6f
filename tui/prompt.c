/* prompt.c: the one-line editor of the filter and search prompts, drawn
 * over the two bottom rows: the line being edited, and under it a caret
 * at a syntax error, completions, or a hint. */
#include "config.h"

#include "tui/prompt.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/text.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/keys.h"

#define HISTORY_MAX 200

struct history {
	char **v;
	size_t n;
	int loaded;
};
static struct history histories[2];

struct edit {
	enum prompt_kind kind;
	const char *label;
	struct buf text;
	size_t cur;        /* byte offset of the cursor */
	int errpos;        /* 1-based character position of an error, or 0 */
	char *note;        /* the second row: error, completions or hint (sanitised) */
	int note_error;
};

/* The history file: $XDG_STATE_HOME/attache/history. */
static char *
history_path(int mkdirs)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	char *dir;

	if (state && *state == '/')
		dir = xasprintf("%s/attache", state);
	else if (home && *home)
		dir = xasprintf("%s/.local/state/attache", home);
	else
		return NULL;
	if (mkdirs) {
		/* mkdir -p, each level 0700 when it is created */
		for (char *s = dir + 1; *s; s++) {
			if (*s != '/')
				continue;
			*s = '\0';
			mkdir(dir, 0700);
			*s = '/';
		}
		mkdir(dir, 0700);
	}
	char *path = xasprintf("%s/history", dir);
	free(dir);
	return path;
}

static void
history_add(struct history *h, const char *line)
{
	if (!*line || (h->n && strcmp(h->v[h->n - 1], line) == 0))
		return;
	if (h->n == HISTORY_MAX) {
		free(h->v[0]);
		memmove(h->v, h->v + 1, (h->n - 1) * sizeof *h->v);
		h->n--;
	}
	h->v = xreallocarray(h->v, h->n + 1, sizeof *h->v);
	h->v[h->n++] = xstrdup(line);
}

/* Reads the filter history; lines that are not clean text are skipped. */
static void
history_load(struct history *h)
{
	char *path = history_path(0), *line = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *fp;

	h->loaded = 1;
	if (!path)
		return;
	fp = fopen(path, "r");
	free(path);
	if (!fp)
		return;
	while ((n = getline(&line, &cap, fp)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (n == 0 || n > 4096 || !att_utf8_valid(line, (size_t)n))
			continue;
		int ok = 1;
		for (ssize_t i = 0; i < n; i++)
			if ((unsigned char)line[i] < 0x20 || line[i] == 0x7f)
				ok = 0;
		if (ok)
			history_add(h, line);
	}
	free(line);
	fclose(fp);
}

/* Writes the history to a temporary file beside it, then renames it over,
 * so that a crash never leaves half a file. */
static void
history_save(const struct history *h)
{
	char *path = history_path(1);
	if (!path)
		return;
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd >= 0) {
		FILE *fp = fdopen(fd, "w");
		int ok = fp != NULL;
		for (size_t i = 0; ok && i < h->n; i++)
			ok = fprintf(fp, "%s\n", h->v[i]) > 0;
		if (fp && fclose(fp) != 0)
			ok = 0;
		if (!fp)
			close(fd);
		if (!ok || rename(tmp, path) != 0)
			unlink(tmp);
	}
	free(tmp);
	free(path);
}

void
prompt_cleanup(void)
{
	for (size_t k = 0; k < 2; k++) {
		for (size_t i = 0; i < histories[k].n; i++)
			free(histories[k].v[i]);
		free(histories[k].v);
		memset(&histories[k], 0, sizeof histories[k]);
	}
}

int
prompt_error_pos(const char *msg)
{
	const char *at = NULL;
	for (const char *p = strstr(msg, " at "); p; p = strstr(p + 1, " at "))
		at = p;
	if (!at)
		return 0;
	at += 4;
	if (*at < '0' || *at > '9')
		return 0;
	long v = strtol(at, NULL, 10);
	return v > 0 && v < 100000 ? (int)v : 0;
}

static void
set_note(struct edit *e, int error, const char *text)
{
	free(e->note);
	e->note = text ? att_draw_clean(text, strlen(text), 0) : NULL;
	e->note_error = error;
}

/* Byte offset of the 1-based character POS in S. */
static size_t
char_offset(const char *s, size_t n, int pos)
{
	size_t o = 0;
	for (int i = 1; i < pos && o < n; i++) {
		o++;
		while (o < n && ((unsigned char)s[o] & 0xc0) == 0x80)
			o++;
	}
	return o;
}

static int
clean_width(const char *s, size_t n)
{
	char *c = att_draw_clean(s, n, 0);
	int w = att_text_width(c, strlen(c));
	free(c);
	return w;
}

static struct edit *current;

/* Draws the two rows of the prompt (called by app_refresh). */
static void
draw(struct app *app)
{
	struct edit *e = current;
	int y = app->rows >= 2 ? app->rows - 2 : 0;
	int cols = app->cols;
	const char *t = e->text.data ? e->text.data : "";
	attr_t a = att_color_attr[COL_PROMPT];

	wmove(stdscr, y, 0);
	int lw = att_draw_fit(stdscr, e->label, cols, a | A_BOLD, 0);
	int avail = cols - lw - 1;
	int curw = clean_width(t, e->cur);
	int skip = curw > avail ? curw - avail : 0;
	char *before = att_draw_clean(t, e->cur, 0);
	char *after = att_draw_clean(t + e->cur, e->text.len - e->cur, 0);
	/* Cut SKIP columns off the front so that the cursor stays visible. */
	size_t from = 0;
	if (skip > 0) {
		int sw;
		from = att_text_fit(before, strlen(before), skip, &sw);
		if (sw < skip && from < strlen(before)) {
			uint32_t cp;
			size_t l = att_utf8_seq((const unsigned char *)before + from,
						strlen(before) - from, &cp);
			from += l ? l : 1;
		}
	}
	int w = lw;
	if (avail > 0) {
		w += att_draw_text(stdscr, before + from, strlen(before + from), cols - w, a);
		/* The cursor: the character under it in reverse video. */
		uint32_t cp;
		size_t l = *after ? att_utf8_seq((const unsigned char *)after, strlen(after), &cp) : 0;
		if (w < cols) {
			if (l)
				w += att_draw_text(stdscr, after, l, cols - w, a | A_REVERSE);
			else
				w += att_draw_text(stdscr, " ", 1, cols - w, a | A_REVERSE);
		}
		if (w < cols)
			w += att_draw_text(stdscr, after + l, strlen(after + l), cols - w, a);
	}
	att_draw_pad(stdscr, cols, a);
	if (y + 1 < app->rows) {
		wmove(stdscr, y + 1, 0);
		int x = 0;
		if (e->errpos > 0) {
			size_t o = char_offset(t, e->text.len, e->errpos);
			int col = lw + clean_width(t, o) - skip;
			if (col >= 0 && col < cols) {
				att_draw_pad(stdscr, col, A_NORMAL);
				x = col;
				x += att_draw_text(stdscr, "^", 1, cols - x,
						   att_color_attr[COL_PROMPT_ERROR]);
				if (x < cols)
					x += att_draw_text(stdscr, " ", 1, cols - x, A_NORMAL);
			}
		}
		if (e->note)
			att_draw_fit(stdscr, e->note, cols - x,
				     e->note_error ? att_color_attr[COL_PROMPT_ERROR]
						   : att_color_attr[COL_DIM], 0);
		att_draw_pad(stdscr, cols, A_NORMAL);
	}
	free(before);
	free(after);
	touchline(stdscr, y, app->rows - y);
	wnoutrefresh(stdscr);
}

static void
insert(struct edit *e, const char *s, size_t n)
{
	struct buf nb = BUF_INIT;
	buf_add(&nb, e->text.data ? e->text.data : "", e->cur);
	buf_add(&nb, s, n);
	buf_add(&nb, e->text.data ? e->text.data + e->cur : "", e->text.len - e->cur);
	buf_free(&e->text);
	e->text = nb;
	e->cur += n;
}

static void
erase_range(struct edit *e, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(e->text.data + from, e->text.data + to, e->text.len - to + 1);
	e->text.len -= to - from;
	if (e->cur > to)
		e->cur -= to - from;
	else if (e->cur > from)
		e->cur = from;
}

static size_t
prev_char(const struct edit *e, size_t o)
{
	if (o == 0)
		return 0;
	o--;
	while (o > 0 && ((unsigned char)e->text.data[o] & 0xc0) == 0x80)
		o--;
	return o;
}

static size_t
next_char(const struct edit *e, size_t o)
{
	if (o >= e->text.len)
		return e->text.len;
	o++;
	while (o < e->text.len && ((unsigned char)e->text.data[o] & 0xc0) == 0x80)
		o++;
	return o;
}

static void
set_text(struct edit *e, const char *s)
{
	buf_clear(&e->text);
	buf_adds(&e->text, s);
	e->cur = e->text.len;
}

/* Tab: completes the word before the cursor from the model's candidates. */
static void
complete(struct app *app, struct edit *e)
{
	const char *t = e->text.data ? e->text.data : "";
	size_t start = e->cur;
	int inq = 0;

	for (size_t i = 0; i < e->cur; i++)
		if (t[i] == '"')
			inq = !inq;
	while (start > 0) {
		char c = t[start - 1];
		if (!inq && (c == ' ' || c == '(' || c == ')'))
			break;
		start--;
		if (c == '"' && inq) {
			/* inside a quoted value: keep going to the field before it */
			inq = 0;
		}
	}
	char *word = xstrndup(t + start, e->cur - start);
	char **v = NULL;
	size_t n = 0;
	struct att_err err;

	att_err_clear(&err);
	app_query_begin(app);
	int rc = att_complete(app->idx, word, 20, &v, &n, &err);
	app_query_end(app);
	if (rc != 0) {
		set_note(e, 1, err.msg);
	} else if (n == 0) {
		set_note(e, 0, "no completion");
	} else {
		/* The longest common prefix of the candidates. */
		size_t common = strlen(v[0]);
		for (size_t i = 1; i < n; i++) {
			size_t j = 0;
			while (j < common && v[i][j] == v[0][j])
				j++;
			common = j;
		}
		while (common > 0 && ((unsigned char)v[0][common] & 0xc0) == 0x80)
			common--;
		if (common > strlen(word) || n == 1) {
			erase_range(e, start, e->cur);
			e->cur = start;
			insert(e, v[0], n == 1 ? strlen(v[0]) : common);
		}
		if (n > 1) {
			struct buf b = BUF_INIT;
			for (size_t i = 0; i < n; i++)
				buf_printf(&b, "%s%s", i ? "  " : "", v[i]);
			set_note(e, 0, b.data);
			buf_free(&b);
		} else {
			set_note(e, 0, NULL);
		}
	}
	att_strv_free(v, n);
	free(word);
}

int
prompt_run(struct app *app, enum prompt_kind kind, const char *label, const char *initial,
	   prompt_live_fn live, char **out)
{
	struct history *h = &histories[kind];
	struct edit e;
	int result = 0, changed = 0, keep_note = 0;
	size_t hpos;
	char *draft = NULL;

	if (kind == PROMPT_FILTER && !h->loaded)
		history_load(h);
	hpos = h->n;
	memset(&e, 0, sizeof e);
	e.kind = kind;
	e.label = label;
	set_text(&e, initial);
	set_note(&e, 0, kind == PROMPT_FILTER
			    ? "Enter keeps the filter, Esc restores it, Tab completes, Up/Down: history"
			    : "Enter searches, Esc cancels");
	current = &e;
	app->prompt_active = 1;
	app_dirty(app, app->focus); /* its title shows the position meanwhile */
	app->prompt_draw = draw;
	for (;;) {
		/* Show what was typed first; then query while the keyboard is
		 * idle (a key press interrupts the query). */
		app_refresh(app);
		if (changed && live && !app_input_pending(app)) {
			struct att_err err;
			int pos = 0;
			att_err_clear(&err);
			changed = 0;
			if (live(app, e.text.data ? e.text.data : "", &pos, &err) != 0) {
				e.errpos = pos;
				set_note(&e, 1, err.msg);
			} else {
				e.errpos = 0;
				if (!keep_note)
					set_note(&e, 0, att_filter_notes(app->filter));
			}
			keep_note = 0;
		}
		app_refresh(app);
		int key = app_getkey(app);
		app->key_cancelled = 0; /* Esc here leaves the prompt, as always */
		if (key < 0) {
			result = -1;
			break;
		}
		key = att_key_normalize(key);
		if (key == (KEY_RESIZE | ATT_KEY_FN)) {
			int rows, cols;
			getmaxyx(stdscr, rows, cols);
			app_script_resize(app, cols, rows);
			continue;
		}
		if (key == ATT_KEY_ENTER) {
			result = 1;
			break;
		}
		if (key == ATT_KEY_ESC || key == ATT_KEY_CTRL('g')) {
			result = 0;
			break;
		}
		size_t before = e.text.len;
		switch (key) {
		case KEY_BACKSPACE | ATT_KEY_FN:
			erase_range(&e, prev_char(&e, e.cur), e.cur);
			break;
		case KEY_DC | ATT_KEY_FN:
		case ATT_KEY_CTRL('d'):
			erase_range(&e, e.cur, next_char(&e, e.cur));
			break;
		case KEY_LEFT | ATT_KEY_FN:
		case ATT_KEY_CTRL('b'):
			e.cur = prev_char(&e, e.cur);
			break;
		case KEY_RIGHT | ATT_KEY_FN:
		case ATT_KEY_CTRL('f'):
			e.cur = next_char(&e, e.cur);
			break;
		case KEY_HOME | ATT_KEY_FN:
		case ATT_KEY_CTRL('a'):
			e.cur = 0;
			break;
		case KEY_END | ATT_KEY_FN:
		case ATT_KEY_CTRL('e'):
			e.cur = e.text.len;
			break;
		case ATT_KEY_CTRL('u'):
			erase_range(&e, 0, e.cur);
			break;
		case ATT_KEY_CTRL('k'):
			erase_range(&e, e.cur, e.text.len);
			break;
		case ATT_KEY_CTRL('w'): {
			size_t o = e.cur;
			while (o > 0 && e.text.data[o - 1] == ' ')
				o--;
			while (o > 0 && e.text.data[o - 1] != ' ')
				o--;
			erase_range(&e, o, e.cur);
			break;
		}
		case KEY_UP | ATT_KEY_FN:
			if (hpos > 0) {
				if (hpos == h->n) {
					free(draft);
					draft = xstrdup(e.text.data ? e.text.data : "");
				}
				set_text(&e, h->v[--hpos]);
				changed = 1;
			}
			break;
		case KEY_DOWN | ATT_KEY_FN:
			if (hpos < h->n) {
				hpos++;
				set_text(&e, hpos == h->n ? (draft ? draft : "") : h->v[hpos]);
				changed = 1;
			}
			break;
		case ATT_KEY_TAB:
			if (kind == PROMPT_FILTER) {
				complete(app, &e);
				changed = 1;
				keep_note = e.note != NULL;
			}
			break;
		default:
			if (!(key & ATT_KEY_FN) && key >= 0x20 && key != 0x7f &&
			    !(key >= 0x80 && key < 0xa0) && key <= 0x10ffff &&
			    !(key >= 0xd800 && key <= 0xdfff) && e.text.len < ATT_FILTER_MAX_LEN) {
				char u[4];
				size_t n = 0;
				uint32_t c = (uint32_t)key;
				if (c < 0x80) { u[n++] = (char)c; }
				else if (c < 0x800) { u[n++] = (char)(0xc0 | c >> 6); u[n++] = (char)(0x80 | (c & 0x3f)); }
				else if (c < 0x10000) { u[n++] = (char)(0xe0 | c >> 12); u[n++] = (char)(0x80 | ((c >> 6) & 0x3f)); u[n++] = (char)(0x80 | (c & 0x3f)); }
				else { u[n++] = (char)(0xf0 | c >> 18); u[n++] = (char)(0x80 | ((c >> 12) & 0x3f)); u[n++] = (char)(0x80 | ((c >> 6) & 0x3f)); u[n++] = (char)(0x80 | (c & 0x3f)); }
				insert(&e, u, n);
			}
			break;
		}
		if (e.text.len != before)
			changed = 1;
	}
	app->prompt_active = 0;
	app->prompt_draw = NULL;
	current = NULL;
	/* Give the two rows back to the panes and the status line. */
	touchwin(stdscr);
	werase(stdscr);
	wnoutrefresh(stdscr);
	for (int i = 0; i < PANE_COUNT; i++)
		app_dirty(app, (enum pane_id)i);
	app->status_dirty = 1;
	if (result == 1) {
		const char *t = e.text.data ? e.text.data : "";
		history_add(h, t);
		if (kind == PROMPT_FILTER)
			history_save(h);
		*out = xstrdup(t);
	}
	free(draft);
	free(e.note);
	buf_free(&e.text);
	return result;
}
