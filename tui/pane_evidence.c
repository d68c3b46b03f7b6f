/* pane_evidence.c: the evidence for a matrix cell: every sentence where
 * both countries occur, with its article's date and title, the two
 * countries highlighted. Enter opens the article at that sentence. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "tui/app.h"
#include "tui/draw.h"

#define PAGE 100

struct evline {
	size_t item;
	int head;          /* the item's date and title line */
	size_t start, end; /* else a range of the item's sentence */
};

struct item {
	char *head;        /* sanitised "date  title" */
	char *text;        /* sanitised sentence, newlines as spaces */
	size_t len;
	size_t a0, a1, b0, b1; /* the two countries in TEXT */
	int64_t article_id, n; /* where the sentence is */
};

struct evidence_view {
	char a[8], b[8];
	struct att_evidences ev;  /* raw rows, kept for paging */
	struct item *items;
	size_t nitems;
	int at_end;
	struct evline *lines;
	size_t nlines;
	int wrap_w;
	int64_t cur, top;         /* cur: item; top: line */
};

static int
cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return a < b ? -1 : a > b;
}

static void
make_item(struct item *it, const struct att_evidence *e)
{
	size_t cuts[4] = {e->apos, e->apos + e->alen, e->bpos, e->bpos + e->blen};
	size_t order[4], mapped[4];

	memcpy(order, cuts, sizeof cuts);
	for (int i = 0; i < 4; i++)
		if (order[i] > e->text_len)
			order[i] = e->text_len;
	qsort(order, 4, sizeof *order, cmp_size);
	it->text = att_clean_cut(e->text, e->text_len, order, 4, ATT_SAN_KEEP_NL, mapped, &it->len);
	for (size_t i = 0; i < it->len; i++)
		if (it->text[i] == '\n')
			it->text[i] = ' ';
	/* Map each original cut through the sorted order. */
	size_t res[4];
	for (int k = 0; k < 4; k++) {
		size_t c = cuts[k] > e->text_len ? e->text_len : cuts[k];
		for (int i = 0; i < 4; i++)
			if (order[i] == c) {
				res[k] = mapped[i];
				break;
			}
	}
	it->article_id = e->article_id;
	it->n = e->n;
	it->a0 = res[0], it->a1 = e->alen ? res[1] : res[0];
	it->b0 = res[2], it->b1 = e->blen ? res[3] : res[2];
	char *date = att_draw_clean(e->date, strlen(e->date) > 10 ? 10 : strlen(e->date), 0);
	char *title = att_draw_clean(e->title, strlen(e->title), 0);
	it->head = xasprintf("%s  %s", *date ? date : "----------", title);
	free(date);
	free(title);
}

static void
ev_clear(struct evidence_view *v)
{
	for (size_t i = 0; i < v->nitems; i++) {
		free(v->items[i].head);
		free(v->items[i].text);
	}
	free(v->items);
	v->items = NULL;
	v->nitems = 0;
	att_evidences_free(&v->ev);
	free(v->lines);
	v->lines = NULL;
	v->nlines = 0;
	v->wrap_w = 0;
	v->at_end = 0;
}

/* Fetches the next page of sentences; returns 0 or the model's code. */
static int
fetch(struct app *app, struct evidence_view *v)
{
	struct att_evidences got = {NULL, 0};
	struct att_err err;
	const struct att_evidence *after = v->ev.n ? &v->ev.v[v->ev.n - 1] : NULL;

	if (v->at_end)
		return 0;
	att_err_clear(&err);
	app_query_begin(app);
	int rc = att_evidence_page(app->idx, app->filter, v->a, v->b, after, PAGE, &got, &err);
	app_query_end(app);
	if (rc != 0) {
		if (rc != ATT_CANCELLED)
			app_model_error(app, &err);
		v->at_end = rc != ATT_CANCELLED;
		return rc;
	}
	if (got.n < PAGE)
		v->at_end = 1;
	v->items = xreallocarray(v->items, v->nitems + got.n + 1, sizeof *v->items);
	for (size_t i = 0; i < got.n; i++)
		make_item(&v->items[v->nitems++], &got.v[i]);
	/* Keep only the last row as the anchor of the next page. */
	if (got.n) {
		att_evidences_free(&v->ev);
		v->ev = got;
	} else {
		att_evidences_free(&got);
	}
	v->wrap_w = 0;
	return 0;
}

static int
width(const struct pane *p)
{
	return p->w > 2 ? p->w - 2 : 1;
}

static void
build(struct evidence_view *v, int w)
{
	size_t cap = 0;

	free(v->lines);
	v->lines = NULL;
	v->nlines = 0;
	v->wrap_w = w;
	for (size_t i = 0; i < v->nitems; i++) {
		struct att_wline *wl;
		size_t n = att_wrap(v->items[i].text, v->items[i].len, w - 2, &wl);
		if (v->nlines + n + 2 > cap) {
			cap = 2 * (v->nlines + n + 2);
			v->lines = xreallocarray(v->lines, cap, sizeof *v->lines);
		}
		v->lines[v->nlines++] = (struct evline){i, 1, 0, 0};
		for (size_t k = 0; k < n; k++)
			v->lines[v->nlines++] = (struct evline){i, 0, wl[k].start, wl[k].end};
		free(wl);
	}
}

static int64_t
first_line(const struct evidence_view *v, int64_t item)
{
	for (size_t i = 0; i < v->nlines; i++)
		if ((int64_t)v->lines[i].item == item)
			return (int64_t)i;
	return 0;
}

static int64_t
last_line(const struct evidence_view *v, int64_t item)
{
	int64_t r = 0;
	for (size_t i = 0; i < v->nlines; i++)
		if ((int64_t)v->lines[i].item == item)
			r = (int64_t)i;
	return r;
}

static void
draw_sentence(WINDOW *win, const struct item *it, size_t s, size_t e, int w, attr_t base)
{
	int col = 0;
	while (s < e && col < w) {
		size_t stop = e;
		attr_t a = base;
		if (s >= it->a0 && s < it->a1) {
			a = att_attr_over(base, att_color_attr[COL_ENT_COUNTRY]);
			stop = it->a1 < e ? it->a1 : e;
		} else if (s >= it->b0 && s < it->b1) {
			a = att_attr_over(base, att_color_attr[COL_ENT_COUNTRY]);
			stop = it->b1 < e ? it->b1 : e;
		} else {
			if (it->a0 > s && it->a0 < stop)
				stop = it->a0;
			if (it->b0 > s && it->b0 < stop)
				stop = it->b0;
		}
		col += att_draw_text(win, it->text + s, stop - s, w - col, a);
		s = stop;
	}
}

static void
evidence_draw(struct app *app, struct pane *p)
{
	struct evidence_view *v = p->data;
	int w = width(p), h = p->h - 1;

	if (v->wrap_w != w)
		build(v, w);
	if (!v->nitems) {
		wmove(p->win, 1, 0);
		att_draw_fit(p->win, "(no sentence mentions both countries in these articles)", p->w,
			     att_color_attr[COL_DIM], 0);
		return;
	}
	int64_t f = first_line(v, v->cur), l = last_line(v, v->cur);
	if (f < v->top)
		v->top = f;
	if (l >= v->top + h)
		v->top = l - h + 1;
	if (f < v->top)
		v->top = f;
	for (int r = 0; r < h && v->top + r < (int64_t)v->nlines; r++) {
		const struct evline *el = &v->lines[v->top + r];
		const struct item *it = &v->items[el->item];
		int sel = (int64_t)el->item == v->cur;
		wmove(p->win, 1 + r, 0);
		att_draw_text(p->win, sel ? ">" : " ", 1, p->w, att_color_attr[COL_SELECTED]);
		att_draw_text(p->win, " ", 1, p->w - 1, 0);
		if (el->head)
			att_draw_fit(p->win, it->head, w, att_color_attr[sel ? COL_SELECTED : COL_LIST_DATE], 0);
		else {
			att_draw_text(p->win, "  ", 2, w, 0);
			draw_sentence(p->win, it, el->start, el->end, w - 2, 0);
		}
	}
}

static void
evidence_position(struct app *app, struct pane *p, struct buf *b)
{
	struct evidence_view *v = p->data;
	char n1[32], n2[32];
	char *a = att_draw_clean(v->a, strlen(v->a), 0), *bb = att_draw_clean(v->b, strlen(v->b), 0);

	buf_printf(b, "%s%s%s  sentence %s/%s%s", a, att_draw_ascii ? "-" : "\xe2\x80\x93", bb,
		   att_fmt_count(v->nitems ? v->cur + 1 : 0, n1, sizeof n1),
		   att_fmt_count((long long)v->nitems, n2, sizeof n2), v->at_end ? "" : "+");
	free(a);
	free(bb);
}

void
pane_evidence_open(struct app *app, const char *a, const char *b)
{
	struct pane *p = &app->panes[PANE_EVIDENCE];
	struct evidence_view *v = p->data;

	ev_clear(v);
	snprintf(v->a, sizeof v->a, "%s", a);
	snprintf(v->b, sizeof v->b, "%s", b);
	v->cur = v->top = 0;
	p->stale = 1; /* fetched when drawn: a key press can interrupt it */
	app_overlay(app, PANE_EVIDENCE);
}

static int
evidence_action(struct app *app, struct pane *p, enum att_action act)
{
	struct evidence_view *v = p->data;

	switch (act) {
	case ACT_ENTER: {
		if (!v->nitems)
			return R_HANDLED;
		pane_article_open(app, v->items[v->cur].article_id, v->items[v->cur].n);
		app_focus(app, PANE_ARTICLE);
		app->back_overlay = PANE_EVIDENCE; /* q comes back here */
		return R_LAYOUT;
	}
	case ACT_MOVE_DOWN: case ACT_MOVE_UP: case ACT_PAGE_DOWN: case ACT_PAGE_UP:
	case ACT_HALF_DOWN: case ACT_HALF_UP: case ACT_MOVE_FIRST: case ACT_MOVE_LAST: {
		if (act == ACT_MOVE_LAST)
			while (!v->at_end)
				if (fetch(app, v) != 0)
					break;
		int64_t dummy = 0;
		int h = (p->h - 1) / 3;
		app_move(act, &v->cur, &dummy, (int64_t)v->nitems, h > 0 ? h : 1);
		if (v->cur + 5 >= (int64_t)v->nitems && !v->at_end)
			fetch(app, v);
		return R_REDRAW;
	}
	default:
		return R_NONE;
	}
}

static int
evidence_reload(struct app *app, struct pane *p)
{
	struct evidence_view *v = p->data;
	if (!v->a[0])
		return 0;
	ev_clear(v);
	v->cur = v->top = 0;
	return fetch(app, v);
}

static void
evidence_destroy(struct pane *p)
{
	struct evidence_view *v = p->data;
	ev_clear(v);
	free(v);
	p->data = NULL;
}

static const struct pane_ops evidence_ops = {
	.title = "Evidence",
	.scope = SCOPE_EVIDENCE,
	.draw = evidence_draw,
	.action = evidence_action,
	.reload = evidence_reload,
	.position = evidence_position,
	.destroy = evidence_destroy,
};

void
pane_evidence_init(struct pane *p)
{
	p->ops = &evidence_ops;
	p->data = xcalloc(1, sizeof(struct evidence_view));
}
