/* app.c: the browser's main loop: layout of the panes, the status line,
 * dispatch of actions, signals and the terminal's life cycle. */
#include "config.h"

#include "tui/app.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <sysexits.h>
#include <unistd.h>

#include "model/text.h"
#include "tui/conf.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/prompt.h"
#include "tui/script.h"
#include "tui/trace.h"

/* Below this size the panes are replaced by a notice. */
#define MIN_COLS 40
#define MIN_ROWS 10

/* How often the idle browser looks at its index file on disk (ms). */
#define IDLE_CHECK_MS 2000

static volatile sig_atomic_t got_signal;
static struct att_index *volatile query_idx;
/* Ctrl-C (SIGINT) or a script's :cancel stopped the running query. */
static volatile sig_atomic_t cancel_asked;

/* SIGINT while a query runs cancels the query; otherwise SIGINT, SIGTERM
 * and SIGHUP end the browser, stopping a running query at its next
 * progress check rather than when it is done (a dropped SSH link on a
 * big index). */
static void
on_exit_signal(int sig)
{
	if (sig == SIGINT && query_idx) {
		cancel_asked = 1;
		att_index_interrupt(query_idx);
		return;
	}
	got_signal = sig;
	if (query_idx)
		att_index_interrupt(query_idx);
}

/* Fatal signals: restore the terminal as well as we can, then die as the
 * signal would have made us die. */
static void
on_fatal_signal(int sig)
{
	endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* While a query runs, SIGALRM polls the keyboard: a key press cancels. */
static void
on_alarm(int sig)
{
	struct pollfd pfd = {0, POLLIN, 0};
	(void)sig;
	if (query_idx && poll(&pfd, 1, 0) > 0)
		att_index_interrupt(query_idx);
}

static void
install_signals(int interactive)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_exit_signal; /* no SA_RESTART: a blocked read returns */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_fatal_signal;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
	if (interactive) {
		sa.sa_handler = on_alarm;
		sa.sa_flags = SA_RESTART;
		sigaction(SIGALRM, &sa, NULL);
	}
	signal(SIGPIPE, SIG_IGN);
}

/* The poll hook of a script's :cancel: the query is cancelled at its first
 * progress check, as if Esc had been typed while it ran. */
static int
script_cancel_poll(void *arg)
{
	struct app *app = arg;
	app->script_cancel = 0;
	cancel_asked = 1;
	return 1;
}

/* Esc or Ctrl-C stopped a query: say so, and leave the stale panes alone
 * until the user asks again (C-l, a new filter). */
static void
explicit_cancel(struct app *app)
{
	app->hold = 1;
	app->key_cancelled = 0;
	app_message(app, 0, "query cancelled");
	for (int i = 0; i < PANE_COUNT; i++)
		if (app->panes[i].stale)
			app->panes[i].dirty = 1;
}

void
app_query_begin(struct app *app)
{
	struct itimerval it = {{0, 50000}, {0, 50000}};

	cancel_asked = 0;
	if (app->script) {
		if (app->script_cancel) {
			app->idx->poll = script_cancel_poll;
			app->idx->poll_arg = app;
		}
		return;
	}
	query_idx = app->idx;
	setitimer(ITIMER_REAL, &it, NULL);
}

void
app_query_end(struct app *app)
{
	struct itimerval it = {{0, 0}, {0, 0}};

	if (app->script) {
		app->idx->poll = NULL;
		app->idx->poll_arg = NULL;
	} else {
		setitimer(ITIMER_REAL, &it, NULL);
		query_idx = NULL;
	}
	/* idx->cancel stays set after a cancelled query (the next one clears
	 * it). Esc right after a key cancelled it makes it explicit (loop). */
	if (app->idx->cancel) {
		app->cancels++;
		if (cancel_asked)
			explicit_cancel(app);
		else
			app->key_cancelled = 1;
	}
	cancel_asked = 0;
}

void
app_message(struct app *app, int error, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(app->message);
	app->message = att_draw_clean(b.data ? b.data : "", b.len, 0);
	app->message_error = error;
	app->status_dirty = 1;
	buf_free(&b);
}

void
app_model_error(struct app *app, const struct att_err *err)
{
	/* The first error since the last key stays on the status line: the
	 * later ones are mostly its echoes (a broken index fails every query,
	 * and some run at every redraw). */
	if (app->message && app->message_error)
		return;
	if (err->code == ATT_CANCELLED) {
		/* The message says which: "query cancelled", or a busy index. */
		app_message(app, 0, "%s", err->msg);
	} else {
		app_message(app, 1, "%s", err->msg);
	}
}

void
app_dirty(struct app *app, enum pane_id id)
{
	app->panes[id].dirty = 1;
}

/* The list reloads now (the other panes ask it for rows); the slower
 * panes when they are drawn, so that typing never waits for them. */
static void
reload_panes(struct app *app)
{
	for (int i = 0; i < PANE_COUNT; i++) {
		struct pane *p = &app->panes[i];
		p->failed = 0;
		if (p->ops->reload && p->ops->eager) {
			int rc = p->ops->reload(app, p);
			if (rc != 0)
				p->stale = 1, p->failed = rc != ATT_CANCELLED;
		} else if (p->ops->reload) {
			p->stale = 1;
		}
		p->dirty = 1;
	}
}

int
app_set_filter(struct app *app, const char *text, struct att_err *err)
{
	struct att_filter *f;

	app_query_begin(app);
	int rc = att_filter_compile(app->idx, text, &f, err);
	app_query_end(app);
	if (rc != 0)
		return rc;
	att_filter_free(app->filter);
	app->filter = f;
	app->hold = 0;
	reload_panes(app);
	app->follow_pending = 1;
	const char *notes = att_filter_notes(f);
	if (notes)
		app_message(app, 0, "%s", notes);
	app->status_dirty = 1;
	return 0;
}

int
app_move(enum att_action act, int64_t *cur, int64_t *top, int64_t count, int h)
{
	int64_t c = *cur;
	int64_t page = h > 1 ? h - 1 : 1;

	switch (act) {
	case ACT_MOVE_DOWN: c++; break;
	case ACT_MOVE_UP: c--; break;
	case ACT_PAGE_DOWN: c += page; *top += page; break;
	case ACT_PAGE_UP: c -= page; *top -= page; break;
	case ACT_HALF_DOWN: c += h / 2 ? h / 2 : 1; *top += h / 2; break;
	case ACT_HALF_UP: c -= h / 2 ? h / 2 : 1; *top -= h / 2; break;
	case ACT_MOVE_FIRST: c = 0; break;
	case ACT_MOVE_LAST: c = count > 0 ? count - 1 : 0; break;
	default: return 0;
	}
	if (count >= 0 && c > count - 1)
		c = count - 1;
	if (c < 0)
		c = 0;
	*cur = c;
	app_scroll_to(c, top, h, count);
	return 1;
}

void
app_scroll_to(int64_t cur, int64_t *top, int h, int64_t count)
{
	if (h < 1)
		h = 1;
	if (count >= 0 && *top > count - h)
		*top = count - h;
	if (*top < 0)
		*top = 0;
	if (cur < *top)
		*top = cur;
	if (cur >= *top + h)
		*top = cur - h + 1;
}

/* ---------------------------------------------------------------- layout */

/* Every window gets the theme's background (att_colors_apply sets it). */
static void
apply_background(struct app *app)
{
	wbkgd(stdscr, ' ' | att_background);
	for (int i = 0; i < PANE_COUNT; i++)
		if (app->panes[i].win)
			wbkgd(app->panes[i].win, ' ' | att_background);
}

static void
place(struct pane *p, int y, int x, int h, int w)
{
	if (p->win && p->y == y && p->x == x && p->h == h && p->w == w) {
		p->dirty = 1;
		return;
	}
	if (p->win)
		delwin(p->win);
	p->win = NULL;
	if (h < 1 || w < 1)
		return;
	p->y = y, p->x = x, p->h = h, p->w = w;
	p->win = newwin(h, w, y, x);
	if (p->win) {
		leaveok(p->win, TRUE); /* the cursor is hidden: never move it */
		wbkgd(p->win, ' ' | att_background);
	}
	p->dirty = 1;
}

static void
hide(struct pane *p)
{
	if (p->win)
		delwin(p->win);
	p->win = NULL;
	p->h = p->w = 0;
}

/* Places the windows for the current size, focus and overlay. */
static void
layout(struct app *app)
{
	int h = app->rows - 1;

	for (int i = 0; i < PANE_COUNT; i++)
		hide(&app->panes[i]);
	app->too_small = app->cols < MIN_COLS || app->rows < MIN_ROWS;
	if (app->too_small)
		return;
	if (app->overlay != PANE_COUNT) {
		place(&app->panes[app->overlay], 0, 0, h, app->cols);
		return;
	}
	/* general.layout of the config (tui/conf.h): single keeps one pane. */
	int single = att_config_active && att_config_num(att_config_active, ATT_OPT_LAYOUT) == 1;
	if (single) {
		app->layout = 1;
		place(&app->panes[app->focus], 0, 0, h, app->cols);
	} else if (app->cols >= 160 && app->rows >= 40) {
		int left = app->cols * 2 / 5;
		app->layout = 3;
		place(&app->panes[PANE_LIST], 0, 0, h / 2, left);
		place(&app->panes[PANE_MATRIX], h / 2, 0, h - h / 2, left);
		place(&app->panes[PANE_ARTICLE], 0, left, h, app->cols - left);
	} else if (app->cols >= 120) {
		int left = app->cols * 9 / 20;
		app->layout = 2;
		if (app->focus != PANE_LIST)
			app->second = app->focus;
		place(&app->panes[PANE_LIST], 0, 0, h, left);
		place(&app->panes[app->second], 0, left, h, app->cols - left);
	} else {
		app->layout = 1;
		place(&app->panes[app->focus], 0, 0, h, app->cols);
	}
}

void
app_focus(struct app *app, enum pane_id id)
{
	if (id != PANE_ARTICLE)
		app->back_overlay = PANE_COUNT;
	app->focus = id;
	app->overlay = PANE_COUNT;
	layout(app);
	app->status_dirty = 1;
}

void
app_overlay(struct app *app, enum pane_id id)
{
	app->overlay = id;
	layout(app);
	app->status_dirty = 1;
}

static void
resize(struct app *app, int rows, int cols)
{
	if (rows < 1)
		rows = 1;
	if (cols < 1)
		cols = 1;
	app->rows = rows, app->cols = cols;
	layout(app);
	if (!app->too_small)
		pane_list_follow(app);
	app->status_dirty = 1;
	clearok(curscr, TRUE);
}

/* ------------------------------------------------------------- drawing */

/* The frame of a pane: its title row, and a border on its left side when
 * it does not start at column 0. Content goes below and beside it. */
static void
draw_frame(struct app *app, struct pane *p)
{
	int focused = (p->id == app->focus && app->overlay == PANE_COUNT) || p->id == app->overlay;
	attr_t a = att_color_attr[focused ? COL_TITLE_FOCUS : COL_TITLE];
	int bx = p->x > 0 ? 1 : 0;
	struct buf pos = BUF_INIT;

	if (bx) {
		for (int y = 0; y < p->h; y++) {
			wmove(p->win, y, 0);
			att_draw_text(p->win, att_vline(), strlen(att_vline()), 1,
				      att_color_attr[COL_BORDER]);
		}
	}
	wmove(p->win, 0, bx);
	int w = att_draw_fit(p->win, p->ops->title, p->w - bx, a, 0);
	/* A pane alone on the screen leaves its position to the status line
	 * (unless the prompt covers it): one update per key, not two. */
	int alone = app->layout == 1 && app->overlay == PANE_COUNT && !app->prompt_active;
	if (p->ops->position && !(alone && focused))
		p->ops->position(app, p, &pos);
	if (pos.len && w + 2 < p->w - bx) {
		waddstr(p->win, "  ");
		att_draw_fit(p->win, pos.data, p->w - bx - w - 2, att_color_attr[COL_DIM], 0);
	}
	buf_free(&pos);
}

static void
draw_status(struct app *app)
{
	struct buf b = BUF_INIT;
	enum pane_id cur = app->overlay != PANE_COUNT ? app->overlay : app->focus;
	struct pane *p = &app->panes[cur];
	attr_t a = att_color_attr[COL_STATUS];
	char *ftext;

	buf_printf(&b, "[%s]", p->ops->title);
	if (p->ops->position) {
		buf_addc(&b, ' ');
		p->ops->position(app, p, &b);
	}
	const char *ft = att_filter_text(app->filter);
	ftext = att_draw_clean(ft, strlen(ft), 0);
	if (*ftext)
		buf_printf(&b, "  filter: %s", ftext);
	free(ftext);
	if (app->idx_changed && !(app->message && *app->message))
		buf_printf(&b, "  [index %s on disk: R]", app->idx_changed == 1 ? "replaced" : "changed");
	wmove(stdscr, app->rows - 1, 0);
	int w = 0;
	if (app->message && *app->message) {
		int mw = att_text_width(app->message, strlen(app->message));
		/* An error gets more of the line than the position does. */
		int left = app->cols - mw - 2, least = app->cols / (app->message_error ? 4 : 2);
		if (left < least)
			left = least;
		w = att_draw_fit(stdscr, b.data, left, a, 1);
		w += att_draw_fit(stdscr, "  ", app->cols - w, a, 0);
		w += att_draw_fit(stdscr, app->message, app->cols - w,
				  att_color_attr[app->message_error ? COL_STATUS_ERROR : COL_STATUS], 0);
	} else {
		w = att_draw_fit(stdscr, b.data, app->cols, a, 0);
	}
	wattrset(stdscr, a);
	for (; w < app->cols; w++)
		waddch(stdscr, ' ');
	wattrset(stdscr, A_NORMAL);
	wnoutrefresh(stdscr);
	buf_free(&b);
}

static void
draw_too_small(struct app *app)
{
	werase(stdscr);
	const char *msg = "terminal too small";
	char size[64];
	snprintf(size, sizeof size, "need %dx%d", MIN_COLS, MIN_ROWS);
	int y = app->rows / 2 - 1;
	if (y < 0)
		y = 0;
	wmove(stdscr, y, 0);
	att_draw_fit(stdscr, msg, app->cols, A_BOLD, 0);
	if (y + 1 < app->rows) {
		wmove(stdscr, y + 1, 0);
		att_draw_fit(stdscr, size, app->cols, A_NORMAL, 0);
	}
	wnoutrefresh(stdscr);
}

/* Looks at the index file on disk; says so once when it was replaced or
 * changed (the browser keeps reading the file it opened). */
static void
check_index(struct app *app)
{
	int state = att_index_replaced(app->idx);

	if (state == app->idx_changed)
		return;
	app->idx_changed = state;
	if (state == 1)
		app_message(app, 1, "index replaced on disk: R reopens it");
	else if (state == 2)
		app_message(app, 1, "index changed on disk: R reopens it");
}

/* Draws what changed: dirty panes, the status line, the prompt; one
 * doupdate. */
static void
refresh_once(struct app *app)
{
	if (app->too_small) {
		draw_too_small(app);
		doupdate();
		att_trace_updated();
		return;
	}
	/* Draw the dirty panes first (their positions feed the status line),
	 * but refresh stdscr before them: after a resize it is touched
	 * everywhere, and the panes must land on top of it. */
	int drawn[PANE_COUNT] = {0};
	for (int i = 0; i < PANE_COUNT; i++) {
		struct pane *p = &app->panes[i];
		if (!p->win || !p->dirty)
			continue;
		werase(p->win);
		if (p->stale) {
			const char *why = p->failed ? "(the query failed: see the status line; C-l tries again)"
					  : app->hold ? "(query cancelled: C-l computes it)"
						      : "(computing for the new filter; a key interrupts)";
			wmove(p->win, 1, p->x > 0 ? 1 : 0);
			att_draw_fit(p->win, why, p->w - (p->x > 0 ? 1 : 0), att_color_attr[COL_DIM], 0);
		} else {
			p->ops->draw(app, p);
		}
		draw_frame(app, p);
		p->dirty = 0;
		drawn[i] = 1;
		app->status_dirty = 1;
	}
	if (app->status_dirty && !app->prompt_active) {
		draw_status(app);
		app->status_dirty = 0;
	}
	for (int i = 0; i < PANE_COUNT; i++)
		if (drawn[i])
			wnoutrefresh(app->panes[i].win);
	if (app->prompt_active && app->prompt_draw)
		app->prompt_draw(app);
	doupdate();
	att_trace_updated();
}

/* ATTACHE_TEST_STALL (for tests only): the panes computed when idle (the
 * matrix, the evidence) stall at their first progress check until a key
 * press or Ctrl-C cancels them: a query that runs long on any machine. */
static int
stall_poll(void *arg)
{
	struct att_index *idx = arg;
	struct timespec ts = {0, 10 * 1000 * 1000};

	while (!idx->cancel && !got_signal)
		nanosleep(&ts, NULL);
	return 1;
}

void
app_refresh(struct app *app)
{
	check_index(app);
	refresh_once(app);
	/* Then the stale panes on the screen, one query each, while no key
	 * waits; a key press interrupts and they stay stale (Esc or Ctrl-C:
	 * until asked again; a failure: likewise). */
	for (int i = 0; i < PANE_COUNT && !app->too_small && !got_signal; i++) {
		struct pane *p = &app->panes[i];
		if (!p->win || !p->stale || p->failed || app->hold ||
		    (!app->script && app_input_pending(app)))
			continue;
		if (app->test_stall && !p->ops->eager && !app->script) {
			app->idx->poll = stall_poll;
			app->idx->poll_arg = app->idx;
		}
		int rc = p->ops->reload(app, p);
		app->idx->poll = NULL;
		if (rc == 0)
			p->stale = 0;
		else
			p->stale = 1, p->failed = rc != ATT_CANCELLED;
		p->dirty = 1;
		refresh_once(app);
	}
	/* After a new filter, the article pane follows the list's selection
	 * once the keyboard is idle. */
	if (got_signal)
		return;
	if (app->follow_pending && !app->too_small && pane_list_follow(app))
		refresh_once(app);
	/* The list's count last: the first screenful never waits for it. */
	if (!app->too_small && pane_list_idle(app))
		refresh_once(app);
}

/* ----------------------------------------------------------------- input */

int
app_input_pending(struct app *app)
{
	if (app->script)
		return script_pending(app->script);
	wtimeout(stdscr, 0);
	wint_t wch;
	int r = wget_wch(stdscr, &wch);
	wtimeout(stdscr, -1);
	if (r == ERR)
		return 0;
	if (r == KEY_CODE_YES)
		ungetch((int)wch); /* function keys go back as codes */
	else
		unget_wch((wchar_t)wch);
	return 1;
}

static int getkey(struct app *app);

/* 1 when nothing at all waits on standard input (a read timed out), 0
 * when something does: input, or the end of the terminal. */
static int
input_idle(void)
{
	struct pollfd pfd = {0, POLLIN, 0};
	return poll(&pfd, 1, 0) == 0;
}

int
app_getkey(struct app *app)
{
	att_trace_idle(); /* --trace: the last input is handled in full */
	int key = getkey(app);
	if (key >= 0)
		att_trace_key(key);
	return key;
}

/* Reads one key from the script or the terminal. */
static int
getkey(struct app *app)
{
	int errs = 0;

	if (app->script) {
		struct att_err err;
		att_err_clear(&err);
		int k = app->script ? script_next(app->script, app, &err) : -1;
		if (k == -2) {
			app->script_err = err;
			return -1;
		}
		return k;
	}
	for (;;) {
		wint_t wch;
		if (got_signal)
			return -1;
		/* Wake up now and then while idle, to look at the index file. */
		wtimeout(stdscr, IDLE_CHECK_MS);
		int r = wget_wch(stdscr, &wch);
		wtimeout(stdscr, -1);
		if (r == ERR && !got_signal && input_idle()) {
			check_index(app);
			if (app->status_dirty)
				refresh_once(app);
			errs = 0;
			continue;
		}
		if (r == KEY_CODE_YES)
			return (int)wch | ATT_KEY_FN;
		if (r == OK && wch == ATT_KEY_ESC) {
			/* Esc with a key right behind it (within ESCDELAY, which
			 * curses waited already) is Alt-key: M-x. */
			wint_t next;
			wtimeout(stdscr, 0);
			int r2 = wget_wch(stdscr, &next);
			wtimeout(stdscr, -1);
			if (r2 == OK && next != ATT_KEY_ESC)
				return (int)next | ATT_KEY_META;
			if (r2 == KEY_CODE_YES)
				ungetch((int)next);
			else if (r2 == OK)
				unget_wch((wchar_t)next);
		}
		if (r == OK)
			return (int)wch;
		/* ERR in blocking mode: a signal, or the terminal is gone. */
		if (got_signal)
			return -1;
		if (errno == EINTR && errs < 100) {
			errs++;
			continue;
		}
		if (++errs >= 3 || !isatty(0))
			return -1;
	}
}

/* ------------------------------------------------------------- actions */

/* The prompt's live filter: a syntax error, or a cancelled query (Esc,
 * Ctrl-C, typing on), goes to the prompt's second row. */
static int
live_filter(struct app *app, const char *text, int *pos, struct att_err *err)
{
	unsigned cancels = app->cancels;
	int rc = app_set_filter(app, text, err);
	*pos = rc ? prompt_error_pos(err->msg) : 0;
	if (rc == 0 && app->cancels != cancels)
		rc = att_err_set(err, ATT_CANCELLED, "query cancelled");
	return rc;
}

static void
do_filter(struct app *app)
{
	const char *old = att_filter_text(app->filter);
	char *saved = xstrdup(old);
	char *text = NULL;
	int r = prompt_run(app, PROMPT_FILTER, "Filter: ", saved, live_filter, &text);
	struct att_err err;

	att_err_clear(&err);
	if (r == 1) {
		free(app->message); /* what the live queries said is over */
		app->message = NULL;
		if (app_set_filter(app, text, &err) != 0) {
			app_message(app, 1, "%s", err.msg);
			app_set_filter(app, saved, &err);
		}
	} else if (strcmp(att_filter_text(app->filter), saved) != 0) {
		app_set_filter(app, saved, &err); /* Esc: back to the previous filter */
	}
	if (r < 0)
		app->quit = 1;
	free(text);
	free(saved);
	for (int i = 0; i < PANE_COUNT; i++)
		app->panes[i].dirty = 1;
}

static void
do_search(struct app *app, struct pane *p)
{
	char *text = NULL;
	int r = prompt_run(app, PROMPT_SEARCH, "/", "", NULL, &text);

	if (r < 0)
		app->quit = 1;
	if (r == 1 && *text) {
		free(app->search);
		app->search = text;
		text = NULL;
		if (p->ops->search && p->ops->search(app, p, app->search, 0) == 0)
			app_message(app, 1, "not found: %s", app->search);
		p->dirty = 1;
	}
	free(text);
	for (int i = 0; i < PANE_COUNT; i++)
		app->panes[i].dirty = 1;
}

/* The actions every pane shares; returns R_* bits. */
static int
global_action(struct app *app, struct pane *p, enum att_action act)
{
	switch (act) {
	case ACT_QUIT:
		app->quit = 1;
		return R_QUIT;
	case ACT_BACK:
		if (app->overlay != PANE_COUNT) {
			app->overlay = PANE_COUNT;
			layout(app);
		} else if (app->back_overlay != PANE_COUNT && app->focus == PANE_ARTICLE) {
			/* Back to the evidence, and from it to the matrix. */
			app->focus = PANE_MATRIX;
			app_overlay(app, app->back_overlay);
			app->back_overlay = PANE_COUNT;
		} else if (app->focus != PANE_LIST) {
			app_focus(app, PANE_LIST); /* in every layout: q never quits from a side pane */
		} else {
			app->quit = 1;
			return R_QUIT;
		}
		return R_LAYOUT;
	case ACT_HELP:
		app_overlay(app, PANE_HELP);
		return R_LAYOUT;
	case ACT_NEXT_PANE:
	case ACT_PREV_PANE: {
		static const enum pane_id order[] = {PANE_LIST, PANE_ARTICLE, PANE_MATRIX};
		int i = 0;
		while (i < 3 && order[i] != app->focus)
			i++;
		i = (i + (act == ACT_NEXT_PANE ? 1 : 2)) % 3;
		app_focus(app, order[i]);
		return R_LAYOUT;
	}
	case ACT_PANE_LIST: app_focus(app, PANE_LIST); return R_LAYOUT;
	case ACT_PANE_ARTICLE: app_focus(app, PANE_ARTICLE); return R_LAYOUT;
	case ACT_PANE_MATRIX: app_focus(app, PANE_MATRIX); return R_LAYOUT;
	case ACT_CYCLE_THEME: /* tui/conf.h */
		if (!att_config_active || att_config_active->mono) {
			app_message(app, 0, "monochrome (--mono or NO_COLOR): no colour themes");
			return R_HANDLED;
		} else {
			struct att_msgs msgs = {NULL, 0};
			const char *name;
			if (att_config_next_theme(att_config_active, &name, &msgs) != 0) {
				app_message(app, 1, "no theme files found (see attache --list-themes)");
			} else {
				att_colors_apply(0);
				apply_background(app);
				if (msgs.n > 0)
					app_message(app, 1, "%s", msgs.v[msgs.n - 1]);
				else
					app_message(app, 0, "theme %s", name);
			}
			att_msgs_free(&msgs);
		}
		/* FALLTHROUGH */
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		app->hold = 0; /* and compute what a cancel or a failure left */
		for (int i = 0; i < PANE_COUNT; i++)
			app->panes[i].dirty = 1, app->panes[i].failed = 0;
		app->status_dirty = 1;
		return R_LAYOUT;
	case ACT_SUSPEND:
		if (!app->script) {
			endwin();
			raise(SIGTSTP);
			refresh();
			clearok(curscr, TRUE);
		}
		for (int i = 0; i < PANE_COUNT; i++)
			app->panes[i].dirty = 1;
		return R_LAYOUT;
	case ACT_REOPEN:
		app_reopen(app);
		return R_LAYOUT;
	case ACT_FILTER:
		do_filter(app);
		return R_LAYOUT;
	case ACT_FILTER_CLEAR: {
		struct att_err err;
		att_err_clear(&err);
		if (app_set_filter(app, "", &err) != 0)
			app_message(app, 1, "%s", err.msg);
		else
			app_message(app, 0, "filter cleared");
		return R_LAYOUT;
	}
	case ACT_SEARCH:
		do_search(app, p);
		return R_LAYOUT;
	case ACT_SEARCH_NEXT:
	case ACT_SEARCH_PREV:
		if (!app->search) {
			app_message(app, 0, "no search yet: / searches");
		} else if (p->ops->search) {
			if (p->ops->search(app, p, app->search, act == ACT_SEARCH_NEXT ? 1 : -1) == 0)
				app_message(app, 1, "no more matches: %s", app->search);
			p->dirty = 1;
		}
		return R_HANDLED;
	default:
		return R_NONE;
	}
}

static void
dispatch(struct app *app, int key)
{
	enum pane_id cur = app->overlay != PANE_COUNT ? app->overlay : app->focus;
	struct pane *p = &app->panes[cur];
	enum att_action act = att_keymap_lookup(p->ops->scope, key);
	int r = R_NONE;

	if (act == ACT_NONE) {
		char name[32];
		if (key != ATT_KEY_ESC)
			app_message(app, 0, "%s: no action (? shows the keys)",
				    att_key_name(key, name, sizeof name));
		else if (app->overlay != PANE_COUNT)
			global_action(app, p, ACT_BACK);
		return;
	}
	if (app->message && act != ACT_SEARCH_NEXT && act != ACT_SEARCH_PREV) {
		free(app->message);
		app->message = NULL;
		app->status_dirty = 1;
	}
	if (p->ops->action)
		r = p->ops->action(app, p, act);
	if (!r)
		r = global_action(app, p, act);
	if (r & (R_REDRAW | R_HANDLED))
		p->dirty = 1;
	app->status_dirty = 1;
}

/* ---------------------------------------------------------------- mouse */

/* The pane shown at screen row Y, column X, or NULL. */
static struct pane *
pane_at(struct app *app, int y, int x)
{
	for (int i = 0; i < PANE_COUNT; i++) {
		struct pane *p = &app->panes[i];
		if (p->win && y >= p->y && y < p->y + p->h && x >= p->x && x < p->x + p->w)
			return p;
	}
	return NULL;
}

/* A mouse event (general.mouse = on): the wheel moves the cursor of the
 * pane under the pointer three lines; a click focuses that pane and, in a
 * pane that knows its rows, selects the row clicked. */
static void
mouse_event(struct app *app)
{
	MEVENT ev;
	struct pane *p;
	int r = R_NONE;

	if (getmouse(&ev) != OK || (p = pane_at(app, ev.y, ev.x)) == NULL)
		return;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		enum att_action act = ev.bstate & BUTTON4_PRESSED ? ACT_MOVE_UP : ACT_MOVE_DOWN;
		for (int i = 0; i < 3 && p->ops->action; i++)
			r |= p->ops->action(app, p, act);
	} else if (ev.bstate & BUTTON1_PRESSED) {
		if (app->overlay == PANE_COUNT && p->id != app->focus)
			app_focus(app, p->id);
		if (p->ops->click)
			r |= p->ops->click(app, p, ev.y - p->y, ev.x - p->x);
	}
	if (r & (R_REDRAW | R_HANDLED))
		p->dirty = 1;
	app->status_dirty = 1;
}

/* ------------------------------------------------------------ reopening */

void
app_reopen(struct app *app)
{
	struct att_index *idx, *old = app->idx;
	struct att_filter *f = NULL;
	struct att_err err;
	int cleared = 0;

	att_err_clear(&err);
	if (att_index_open(app->index_path, &idx, &err) != 0) {
		app_message(app, 1, "not reopened: %s", err.msg);
		return;
	}
	/* The filter again, on the new index (its names may be gone). */
	if (att_filter_compile(idx, att_filter_text(app->filter), &f, &err) != 0) {
		cleared = 1;
		if (att_filter_compile(idx, "", &f, &err) != 0) {
			app_message(app, 1, "not reopened: %s", err.msg);
			att_index_close(idx);
			return;
		}
	}
	app->idx = idx;
	att_filter_free(app->filter);
	app->filter = f;
	app->idx_changed = 0;
	app->hold = 0;
	/* The evidence and the card belong to the old index. */
	app->back_overlay = PANE_COUNT;
	if (app->overlay == PANE_EVIDENCE || app->overlay == PANE_CARD) {
		app->overlay = PANE_COUNT;
		layout(app);
	}
	reload_panes(app);
	int64_t id = pane_list_selected(app);
	if (id)
		pane_article_open(app, id, -1);
	/* Only now: the list's cursors were the last users of the old one. */
	att_index_close(old);
	if (cleared)
		app_message(app, 1, "reopened; the filter was cleared: %s", err.msg);
	else
		app_message(app, 0, "index reopened");
	clearok(curscr, TRUE);
}

/* ------------------------------------------------------------- the run */

static int
start_terminal(struct app *app, struct att_err *err)
{
	if (app->script) {
		FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
		int cols, rows;
		if (!out || !in)
			return att_err_set(err, EX_OSERR, "cannot open /dev/null");
		script_initial_size(app->script, &cols, &rows);
		if (!newterm("xterm-256color", out, in))
			return att_err_set(err, EX_CONFIG, "no terminfo entry for xterm-256color (needed by --script)");
		resizeterm(rows, cols);
	} else {
		if (!newterm(NULL, stdout, stdin))
			return att_err_set(err, EX_CONFIG,
					   "unknown terminal type '%s': set TERM (e.g. TERM=xterm-256color); "
					   "for scripts use the batch modes (--list, --show, --matrix, "
					   "--entities)", getenv("TERM"));
		/* ESC answers at once over SSH: 25 ms, unless $ESCDELAY says. */
		if (!getenv("ESCDELAY"))
			set_escdelay(app->opt.escdelay >= 0 ? app->opt.escdelay : 25);
		/* Off by default: the terminal's own selection keeps working. */
		if (app->opt.mouse) {
			mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
			mouseinterval(0); /* a press acts at once: no wait for a click */
		}
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	leaveok(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	const char *nc = getenv("NO_COLOR");
	att_colors_apply(app->opt.mono || (nc && *nc));
	apply_background(app);
	getmaxyx(stdscr, app->rows, app->cols);
	return 0;
}

int
app_run(struct att_index **idxp, const char *index_path, const char *script_path,
	const struct app_options *opt, struct att_err *err)
{
	struct att_index *idx = *idxp;
	static const struct app_options defaults = APP_OPTIONS_INIT;
	struct app app;
	int rc = 0;

	memset(&app, 0, sizeof app);
	app.opt = opt ? *opt : defaults;
	att_err_clear(&app.script_err);
	app.idx = idx;
	app.index_path = xstrdup(index_path);
	app.overlay = app.back_overlay = PANE_COUNT;
	app.focus = PANE_LIST;
	app.second = PANE_ARTICLE;
	if (script_path && (rc = script_open(script_path, &app.script, err)) != 0)
		goto out;
	if ((rc = att_filter_compile(idx, "", &app.filter, err)) != 0)
		goto out;
	att_draw_init();
	if (app.opt.ascii >= 0)
		att_draw_ascii = app.opt.ascii;
	app.ascii = att_draw_ascii;
	/* main() may have bound the keys of the configuration already. */
	if (att_keymap_count() == 0 && att_keymap_defaults() != 0) {
		rc = att_err_set(err, EX_SOFTWARE, "a default key in actions.def does not parse");
		goto out;
	}
	const char *stall = getenv("ATTACHE_TEST_STALL");
	app.test_stall = stall && *stall;
	install_signals(!app.script);
	if ((rc = start_terminal(&app, err)) != 0)
		goto out;
	/* stdscr holds only the status line and the prompt: mark it clean so
	 * that refreshing it copies just the rows drawn on it. */
	wnoutrefresh(stdscr);

	pane_list_init(&app.panes[PANE_LIST], app.opt.sort);
	pane_article_init(&app.panes[PANE_ARTICLE]);
	pane_matrix_init(&app.panes[PANE_MATRIX], app.opt.matrix_articles, app.opt.matrix_tone);
	pane_evidence_init(&app.panes[PANE_EVIDENCE]);
	pane_help_init(&app.panes[PANE_HELP]);
	pane_card_init(&app.panes[PANE_CARD]);
	for (int i = 0; i < PANE_COUNT; i++) {
		app.panes[i].id = (enum pane_id)i;
		if (app.panes[i].ops->reload && app.panes[i].ops->eager)
			app.panes[i].ops->reload(&app, &app.panes[i]);
		else if (app.panes[i].ops->reload)
			app.panes[i].stale = 1;
	}
	layout(&app);
	/* Open the first article beside the list when there is room. */
	int64_t first = pane_list_selected(&app);
	if (first)
		pane_article_open(&app, first, -1);

	while (!app.quit) {
		/* Typeahead: keys already waiting (a held key over a slow link)
		 * are handled first, and the screen is drawn once for them all
		 * (ncurses itself no longer stops an update for pending input). */
		if (app.script || !app_input_pending(&app))
			app_refresh(&app);
		int key = app_getkey(&app);
		if (key < 0)
			break;
		if (key == (KEY_RESIZE | ATT_KEY_FN)) {
			/* (curses hands resizes first: the key that cancelled
			 * a query may wait behind them) */
			int rows, cols;
			getmaxyx(stdscr, rows, cols);
			resize(&app, rows, cols);
			continue;
		}
		/* Esc typed while a query ran (it cancelled it): only that. */
		int cancelled = app.key_cancelled;
		app.key_cancelled = 0;
		if (cancelled && key == ATT_KEY_ESC) {
			explicit_cancel(&app);
			continue;
		}
		if (app.too_small) {
			if (key == 'q' || key == 'Q')
				break;
			continue;
		}
		if (key == (KEY_MOUSE | ATT_KEY_FN))
			mouse_event(&app);
		else
			dispatch(&app, key);
	}
	if (got_signal == SIGINT)
		rc = 130;
	else if (got_signal == SIGTERM)
		rc = 143;
	else if (got_signal == SIGHUP)
		rc = 129;
	else if (app.script_err.code)
		rc = att_err_set(err, app.script_err.code, "%s", app.script_err.msg);
	for (int i = 0; i < PANE_COUNT; i++) {
		if (app.panes[i].win)
			delwin(app.panes[i].win);
		if (app.panes[i].ops && app.panes[i].ops->destroy)
			app.panes[i].ops->destroy(&app.panes[i]);
	}
	endwin();
	prompt_cleanup();
	*idxp = app.idx;
out:
	if (app.filter)
		att_filter_free(app.filter);
	if (app.script)
		script_close(app.script);
	free(app.message);
	free(app.search);
	free(app.index_path);
	return rc;
}

void
app_script_resize(struct app *app, int cols, int rows)
{
	resizeterm(rows, cols);
	resize(app, rows, cols);
}
