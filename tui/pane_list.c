/* pane_list.c: the article list. Rows are fetched a page at a time by key
 * (never everything): a window of at most CACHE_MAX rows around the
 * cursor, extended as the cursor moves and trimmed at the far end. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "tui/app.h"
#include "tui/conf.h"
#include "tui/draw.h"

#define PAGE 100
#define CACHE_MAX 1000
#define COUNT_CAP 10000

struct list {
	struct att_list *l;
	enum att_sort sort;
	struct att_row *v;  /* rows base .. base+n-1 */
	size_t n;
	int64_t base;
	int at_end;         /* v[n-1] is the last row */
	int64_t total;      /* -1 while unknown (capped count, or not counted yet) */
	int counting;       /* the count is still to be run (when the keyboard is idle) */
	int64_t cur, top;
	int64_t opened;     /* the article shown in the article pane */
};

static const char *const sort_names[] = {"newest first", "oldest first", "by title",
					 "by relevance"};

static void
free_rows(struct att_row *v, size_t n)
{
	if (n == 0)
		return;
	struct att_rows r = {xmalloc(n * sizeof *v), n};
	memcpy(r.v, v, n * sizeof *v);
	att_rows_free(&r);
}

static void
clear_cache(struct list *s)
{
	free_rows(s->v, s->n);
	free(s->v);
	s->v = NULL;
	s->n = 0;
	s->base = 0;
	s->at_end = 0;
}

/* Appends (DIR > 0) or prepends (DIR < 0) a page; returns rows added or -1. */
static int
fetch(struct app *app, struct list *s, int dir)
{
	struct att_rows got = {NULL, 0};
	struct att_err err;
	const struct att_row *anchor = NULL;

	if (s->n)
		anchor = dir > 0 ? &s->v[s->n - 1] : &s->v[0];
	att_err_clear(&err);
	app_query_begin(app);
	int rc = att_list_page(s->l, anchor, dir, PAGE, &got, &err);
	app_query_end(app);
	if (rc != 0) {
		app_model_error(app, &err);
		return -1;
	}
	s->v = xreallocarray(s->v, s->n + got.n + 1, sizeof *s->v);
	if (dir > 0) {
		if (got.n)
			memcpy(s->v + s->n, got.v, got.n * sizeof *got.v);
		if (got.n < PAGE)
			s->at_end = 1;
	} else {
		if (got.n) {
			memmove(s->v + got.n, s->v, s->n * sizeof *s->v);
			memcpy(s->v, got.v, got.n * sizeof *got.v);
		}
		s->base -= (int64_t)got.n;
		if (got.n < PAGE || s->base < 0)
			s->base = 0;
	}
	s->n += got.n;
	size_t added = got.n;
	got.n = 0;
	att_rows_free(&got);
	/* Trim the far side. */
	if (s->n > CACHE_MAX) {
		size_t drop = s->n - CACHE_MAX;
		if (dir > 0) {
			free_rows(s->v, drop);
			memmove(s->v, s->v + drop, (s->n - drop) * sizeof *s->v);
			s->base += (int64_t)drop;
		} else {
			free_rows(s->v + s->n - drop, drop);
			s->at_end = 0;
		}
		s->n -= drop;
	}
	return (int)added;
}

/* Makes row I (absolute) present in the cache when it exists; returns the
 * row or NULL. */
static struct att_row *
row_at(struct app *app, struct list *s, int64_t i)
{
	if (i < 0 || !s->l)
		return NULL;
	while (i >= s->base + (int64_t)s->n && !s->at_end)
		if (fetch(app, s, 1) <= 0)
			break;
	while (i < s->base && s->base > 0)
		if (fetch(app, s, -1) <= 0)
			break;
	if (i < s->base || i >= s->base + (int64_t)s->n)
		return NULL;
	return &s->v[i - s->base];
}

/* The number of rows if known (-1 when the count stopped at its cap and
 * the end was not reached yet). */
static int64_t
known_count(struct list *s)
{
	if (s->at_end)
		return s->base + (int64_t)s->n;
	return s->total;
}

static int
list_reload(struct app *app, struct pane *p)
{
	struct list *s = p->data;
	struct att_err err;
	if (s->l)
		att_list_close(s->l);
	s->l = NULL;
	clear_cache(s);
	s->cur = s->top = 0;
	s->total = -1;
	s->counting = 0;
	att_err_clear(&err);
	app_query_begin(app);
	int rc = att_list_open(app->idx, app->filter, s->sort, &s->l, &err);
	app_query_end(app);
	p->stale = 0;
	if (rc != 0) {
		app_model_error(app, &err);
		if (s->l)
			att_list_close(s->l);
		s->l = NULL;
		return rc;
	}
	/* The first screenful never waits for the count: it runs when the
	 * keyboard is idle (pane_list_idle), unless the first page was all. */
	row_at(app, s, 0);
	s->counting = s->l != NULL && !s->at_end;
	return 0;
}

int
pane_list_idle(struct app *app)
{
	struct list *s = app->panes[PANE_LIST].data;
	struct att_err err;
	int64_t count = 0;
	int capped = 0;

	if (!s->counting || !s->l || app_input_pending(app))
		return 0;
	if (s->at_end) {
		s->counting = 0;
		return 1;
	}
	att_err_clear(&err);
	app_query_begin(app);
	int rc = att_list_count(s->l, COUNT_CAP, &count, &capped, &err);
	app_query_end(app);
	if (rc == ATT_CANCELLED)
		return 0; /* a key came: counted again at the next idle moment */
	s->counting = 0;
	if (rc != 0) {
		app_model_error(app, &err);
		return 1;
	}
	s->total = capped ? -1 : count;
	app->status_dirty = 1;
	app_dirty(app, PANE_LIST);
	return 1;
}

int64_t
pane_list_selected(struct app *app)
{
	struct list *s = app->panes[PANE_LIST].data;
	struct att_row *r = row_at(app, s, s->cur);
	return r ? r->id : 0;
}

static int
list_rows(const struct pane *p)
{
	return p->h - 1;
}

/* 1 when list.cursor is arrow: the selected row keeps its colours and
 * gets a "->" in front, so that moving the cursor rewrites two marks
 * instead of two rows (mutt's arrow_cursor). */
static int
arrow_cursor(void)
{
	return att_config_active && att_config_num(att_config_active, ATT_OPT_LIST_CURSOR) == 1;
}

/* Draws one row: date, source, country codes, title, fitted to W. */
static void
draw_row(struct pane *p, int y, int x, int w, const struct att_row *r, int selected, int focused)
{
	int arrow = arrow_cursor();
	attr_t sel = selected && !arrow ? att_color_attr[focused ? COL_SELECTED : COL_SELECTED_IDLE] : 0;
	/* general.date-format of the config (tui/conf.h) */
	char *fdate = att_config_active ? att_config_date(att_config_active, r->date)
					: xstrndup(r->date, strlen(r->date) > 10 ? 10 : strlen(r->date));
	int dw = att_config_active ? att_config_date_width(att_config_active) : 10;
	char *date = att_draw_clean(fdate, strlen(fdate), 0);
	free(fdate);
	char *source = att_draw_clean(r->source, strlen(r->source), 0);
	char *countries = att_draw_clean(r->countries, strlen(r->countries), 0);
	char *title = att_draw_clean(r->title, strlen(r->title), 0);
	int col = 0;

	wmove(p->win, y, x);
	if (arrow && w > 3) {
		att_draw_fit(p->win, selected ? "-> " : "   ", 3, att_color_attr[COL_LIST_TITLE], 0);
		w -= 3;
	}
	/* list.columns of the config (tui/conf.h): bits date 1, source 2,
	 * countries 4 (the title is always there). */
	long cols = att_config_active ? att_config_num(att_config_active, ATT_OPT_LIST_COLUMNS) : 15;
	/* Narrow panes drop the source, then the countries. */
	int show_source = w >= 60 && (cols & 2), show_countries = w >= 40 && (cols & 4);
	int cw = show_countries ? (w >= 90 ? 12 : 9) : 0;
	int sw = show_source ? (w >= 100 ? 16 : 11) : 0;

	/* Each separator takes the colour of the field before it: a space
	 * looks the same, and the terminal is sent one colour change per
	 * field instead of a change and a reset (tests/tui_scroll.sh). */
	if (cols & 1) {
		attr_t a = sel ? sel : att_color_attr[COL_LIST_DATE];
		col += att_draw_fit(p->win, date, dw < w ? dw : w, a, 1);
		if (col + 1 < w)
			col += att_draw_fit(p->win, " ", 1, a, 0);
	}
	if (show_source && col + sw + 1 < w) {
		attr_t a = sel ? sel : att_color_attr[COL_LIST_SOURCE];
		col += att_draw_fit(p->win, source, sw, a, 1);
		col += att_draw_fit(p->win, " ", 1, a, 0);
	}
	if (show_countries && col + cw + 1 < w) {
		attr_t a = sel ? sel : att_color_attr[COL_LIST_COUNTRIES];
		col += att_draw_fit(p->win, countries, cw, a, 1);
		col += att_draw_fit(p->win, " ", 1, a, 0);
	}
	if (col < w)
		att_draw_fit(p->win, title, w - col, sel ? sel : att_color_attr[COL_LIST_TITLE], 1);
	free(date);
	free(source);
	free(countries);
	free(title);
}

static void
list_draw(struct app *app, struct pane *p)
{
	struct list *s = p->data;
	int x = p->x > 0 ? 1 : 0, w = p->w - x, h = list_rows(p);
	int focused = app->focus == PANE_LIST;

	if (!s->l || h < 1)
		return;
	app_scroll_to(s->cur, &s->top, h, known_count(s));
	for (int i = 0; i < h; i++) {
		struct att_row *r = row_at(app, s, s->top + i);
		if (!r) {
			if (i == 0 && s->top == 0) {
				wmove(p->win, 1, x);
				att_draw_fit(p->win, att_filter_is_empty(app->filter)
							     ? "(the index holds no articles)"
							     : "(no article matches the filter; F clears it)",
					     w, att_color_attr[COL_DIM], 0);
			}
			break;
		}
		draw_row(p, 1 + i, x, w, r, s->top + i == s->cur, focused);
	}
}

static void
list_position(struct app *app, struct pane *p, struct buf *b)
{
	struct list *s = p->data;
	char n1[32], n2[32];
	int64_t count = known_count(s);

	if (!s->l)
		return;
	if (count == 0) {
		buf_printf(b, "0 articles");
	} else if (count < 0 && s->counting) {
		buf_printf(b, "%s/counting", att_fmt_count(s->cur + 1, n1, sizeof n1));
	} else if (count < 0) {
		buf_printf(b, "%s/%s+", att_fmt_count(s->cur + 1, n1, sizeof n1),
			   att_fmt_count(COUNT_CAP, n2, sizeof n2));
	} else {
		buf_printf(b, "%s/%s", att_fmt_count(s->cur + 1, n1, sizeof n1),
			   att_fmt_count(count, n2, sizeof n2));
	}
	buf_printf(b, "  %s", sort_names[att_list_sort(s->l)]);
}

/* Shows the selected article beside the list when the article pane is on
 * the screen. */
/* Opens the selected article in the article pane when it shows another;
 * returns 1 when it did. */
static int
follow(struct app *app, struct list *s)
{
	if (!app->panes[PANE_ARTICLE].win || app_input_pending(app))
		return 0;
	int64_t id = pane_list_selected(app);
	if (id && id != s->opened) {
		s->opened = id;
		pane_article_open(app, id, -1);
		return 1;
	}
	return 0;
}

int
pane_list_follow(struct app *app)
{
	return follow(app, app->panes[PANE_LIST].data);
}

static int
list_action(struct app *app, struct pane *p, enum att_action act)
{
	struct list *s = p->data;
	int h = list_rows(p);

	if (!s->l)
		return R_NONE;
	switch (act) {
	case ACT_ENTER: {
		int64_t id = pane_list_selected(app);
		if (!id)
			return R_HANDLED;
		s->opened = id;
		pane_article_open(app, id, -1);
		app_focus(app, PANE_ARTICLE);
		return R_LAYOUT;
	}
	case ACT_SORT: {
		enum att_sort next = (enum att_sort)((att_list_sort(s->l) + 1) % 4);
		if (next == ATT_SORT_RELEVANCE && !att_filter_has_text(app->filter))
			next = ATT_SORT_NEWEST;
		s->sort = next;
		int rc = list_reload(app, p);
		if (rc != 0) { /* cancelled or failed: the loop retries or says so */
			p->stale = 1, p->failed = rc != ATT_CANCELLED;
			return R_REDRAW;
		}
		app_message(app, 0, "sorted %s", sort_names[att_list_sort(s->l)]);
		follow(app, s);
		return R_REDRAW;
	}
	case ACT_MOVE_LAST:
		if (known_count(s) < 0) {
			/* The end is far: count it all, then fetch the last page. */
			struct att_err err;
			int64_t count;
			int capped;
			att_err_clear(&err);
			app_query_begin(app);
			int rc = att_list_count(s->l, 0, &count, &capped, &err);
			app_query_end(app);
			if (rc != 0) {
				app_model_error(app, &err);
				return R_HANDLED;
			}
			s->total = count;
			s->counting = 0;
		}
		if (!s->at_end) {
			clear_cache(s);
			s->at_end = 1;
			s->base = s->total;
			fetch(app, s, -1);
			s->base = s->total - (int64_t)s->n;
			s->at_end = 1;
		}
		/* fall through */
	case ACT_MOVE_DOWN: case ACT_MOVE_UP: case ACT_PAGE_DOWN: case ACT_PAGE_UP:
	case ACT_HALF_DOWN: case ACT_HALF_UP: case ACT_MOVE_FIRST: {
		int64_t count = known_count(s);
		if (act != ACT_MOVE_LAST && act != ACT_MOVE_FIRST && act != ACT_MOVE_UP &&
		    act != ACT_PAGE_UP && act != ACT_HALF_UP) {
			/* Make sure the rows we move onto exist. */
			int64_t want = s->cur + (act == ACT_MOVE_DOWN ? 1 : h);
			row_at(app, s, want);
			count = known_count(s);
			if (count < 0)
				count = s->base + (int64_t)s->n + 1;
		}
		app_move(act, &s->cur, &s->top, count, h);
		follow(app, s);
		return R_REDRAW;
	}
	default:
		return R_NONE;
	}
}

/* A click on row Y of the pane (row 0 is its title) selects that article. */
static int
list_click(struct app *app, struct pane *p, int y, int x)
{
	struct list *s = p->data;
	int64_t i;

	(void)x;
	if (y < 1 || y > list_rows(p) || !s->l)
		return R_NONE;
	i = s->top + (y - 1);
	if (!row_at(app, s, i))
		return R_NONE;
	s->cur = i;
	follow(app, s);
	return R_REDRAW;
}

/* Searches titles for TEXT (folded), from the row after the cursor (DIR 1,
 * or 0) or before it (DIR -1), looking at most 5,000 rows away. */
static int
list_search(struct app *app, struct pane *p, const char *text, int dir)
{
	struct list *s = p->data;
	size_t nlen;
	char *needle = att_fold(text, strlen(text), &nlen);
	int step = dir < 0 ? -1 : 1, found = 0;

	for (int64_t i = s->cur + step, k = 0; i >= 0 && k < 5000; i += step, k++) {
		struct att_row *r = row_at(app, s, i);
		if (!r)
			break;
		size_t tlen;
		char *t = att_fold(r->title, strlen(r->title), &tlen);
		int hit = strstr(t, needle) != NULL;
		free(t);
		if (hit) {
			s->cur = i;
			app_scroll_to(s->cur, &s->top, list_rows(p), known_count(s));
			found = 1;
			break;
		}
	}
	free(needle);
	if (found)
		follow(app, s);
	return found;
}

static void
list_destroy(struct pane *p)
{
	struct list *s = p->data;
	clear_cache(s);
	if (s->l)
		att_list_close(s->l);
	free(s);
	p->data = NULL;
}

static const struct pane_ops list_ops = {
	.title = "Articles",
	.scope = SCOPE_LIST,
	.draw = list_draw,
	.action = list_action,
	.search = list_search,
	.reload = list_reload,
	.eager = 1,
	.click = list_click,
	.position = list_position,
	.destroy = list_destroy,
};

void
pane_list_init(struct pane *p, int sort)
{
	struct list *s = xcalloc(1, sizeof *s);
	s->sort = sort >= ATT_SORT_NEWEST && sort <= ATT_SORT_RELEVANCE ? (enum att_sort)sort
									 : ATT_SORT_NEWEST;
	p->ops = &list_ops;
	p->data = s;
}
