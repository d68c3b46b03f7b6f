/* pane_matrix.c: the country-relations matrix: countries most mentioned
 * first, cells shaded by co-mentions (or coloured by tone), for the
 * articles the active filter keeps. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "tui/app.h"
#include "tui/conf.h"
#include "tui/draw.h"

#define TOP_COUNTRIES 80
#define LABEL_W 4
#define CELL_W 6
#define HEAT_STEPS 6

struct matrix_view {
	struct att_matrix *m;
	int64_t row, col;    /* the cursor cell */
	int64_t top, left;   /* the first row and column shown */
	int articles;        /* count articles instead of sentences */
	int tone;            /* colour by tone */
	int64_t max;         /* the largest count, for the ramp */
	int64_t min_count;   /* smaller counts are left blank (matrix.min-count) */
};

static int64_t
cell_value(const struct matrix_view *v, size_t i, size_t j)
{
	if (i == j)
		return 0;
	int64_t n = v->articles ? ATT_CELL(v->m, cooc, i, j) : ATT_CELL(v->m, sentences, i, j);
	return n < v->min_count ? 0 : n;
}

static void
compute_max(struct matrix_view *v)
{
	v->max = 0;
	for (size_t i = 0; v->m && i < v->m->n; i++)
		for (size_t j = 0; j < v->m->n; j++)
			if (cell_value(v, i, j) > v->max)
				v->max = cell_value(v, i, j);
}

static int
matrix_reload(struct app *app, struct pane *p)
{
	struct matrix_view *v = p->data;
	struct att_matrix *m;
	struct att_err err;
	char rowc[8] = "", colc[8] = "";

	if (v->m && (size_t)v->row < v->m->n && (size_t)v->col < v->m->n) {
		snprintf(rowc, sizeof rowc, "%s", v->m->codes[v->row]);
		snprintf(colc, sizeof colc, "%s", v->m->codes[v->col]);
	}
	att_err_clear(&err);
	app_query_begin(app);
	/* matrix.countries and matrix.min-count of the config (tui/conf.h) */
	size_t top = att_config_active ? (size_t)att_config_num(att_config_active, ATT_OPT_MATRIX_COUNTRIES)
				       : TOP_COUNTRIES;
	v->min_count = att_config_active ? att_config_num(att_config_active, ATT_OPT_MATRIX_MIN_COUNT) : 1;
	int rc = att_matrix_get(app->idx, app->filter, top, &m, &err);
	app_query_end(app);
	if (rc != 0) {
		if (rc != ATT_CANCELLED)
			app_model_error(app, &err);
		return rc;
	}
	if (v->m)
		att_matrix_free(v->m);
	v->m = m;
	/* Keep the cursor on the same pair when it is still there. */
	v->row = 0, v->col = m->n > 1 ? 1 : 0;
	for (size_t i = 0; i < m->n; i++) {
		if (*rowc && strcmp(m->codes[i], rowc) == 0)
			v->row = (int64_t)i;
		if (*colc && strcmp(m->codes[i], colc) == 0)
			v->col = (int64_t)i;
	}
	compute_max(v);
	p->dirty = 1;
	return 0;
}

static int
visible_rows(const struct pane *p)
{
	int h = p->h - 3; /* title, column heads, legend */
	return h < 1 ? 1 : h;
}

static int
visible_cols(const struct pane *p)
{
	int w = p->w - (p->x > 0 ? 1 : 0) - LABEL_W;
	int n = w / CELL_W;
	return n < 1 ? 1 : n;
}

/* Heat step 1..HEAT_STEPS of VALUE against the largest count. */
static int
heat_step(const struct matrix_view *v, int64_t value)
{
	if (value <= 0 || v->max <= 0)
		return 0;
	int s = (int)((value * HEAT_STEPS + v->max - 1) / v->max);
	return s < 1 ? 1 : s > HEAT_STEPS ? HEAT_STEPS : s;
}

static enum att_color
tone_color(double tone)
{
	if (tone > 0.1)
		return COL_TONE_COOP;
	if (tone < -0.1)
		return COL_TONE_CONFLICT;
	return COL_TONE_NEUTRAL;
}

static void
draw_cell(struct matrix_view *v, WINDOW *win, size_t i, size_t j, int cursor)
{
	char num[32] = "";
	const char *mark = " ";
	attr_t a = 0;
	int64_t value = cell_value(v, i, j);

	if (i == j) {
		mark = att_draw_ascii ? "." : "\xc2\xb7";
		a = att_color_attr[COL_DIM];
	} else if (value > 0) {
		if (value >= 10000)
			snprintf(num, sizeof num, "%lldk", (long long)(value / 1000));
		else
			snprintf(num, sizeof num, "%lld", (long long)value);
		if (v->tone) {
			double t = ATT_CELL(v->m, tone, i, j);
			a = att_color_attr[tone_color(t)];
			mark = t > 0.1 ? "+" : t < -0.1 ? "-" : "=";
		} else {
			int s = heat_step(v, value);
			a = att_color_attr[COL_HEAT_0 + s];
			/* Without 256 colours the shading is drawn as characters. */
			if (!att_colors_256)
				mark = att_shade(s, HEAT_STEPS + 1);
		}
	}
	if (cursor)
		a = att_color_attr[COL_MATRIX_CURSOR];
	char cell[32];
	snprintf(cell, sizeof cell, "%4s", num);
	att_draw_text(win, mark, strlen(mark), 1, a);
	att_draw_text(win, cell, strlen(cell), CELL_W - 2, a);
	att_draw_text(win, " ", 1, 1, 0);
}

static void
draw_legend(struct matrix_view *v, WINDOW *win, int w)
{
	char buf[128];
	int col = 0;

	if (v->tone) {
		col += att_draw_text(win, "tone: ", 6, w, att_color_attr[COL_DIM]);
		col += att_draw_text(win, "+ cooperation", 13, w - col, att_color_attr[COL_TONE_COOP]);
		col += att_draw_text(win, " ", 1, w - col, 0);
		col += att_draw_text(win, "= neutral", 9, w - col, att_color_attr[COL_TONE_NEUTRAL]);
		col += att_draw_text(win, " ", 1, w - col, 0);
		col += att_draw_text(win, "- conflict", 10, w - col, att_color_attr[COL_TONE_CONFLICT]);
	} else {
		snprintf(buf, sizeof buf, "%s: ", v->articles ? "articles" : "sentences");
		col += att_draw_text(win, buf, strlen(buf), w, att_color_attr[COL_DIM]);
		for (int s = 1; s <= HEAT_STEPS && col < w; s++) {
			const char *mark = att_colors_256 ? " " : att_shade(s, HEAT_STEPS + 1);
			long long top = (long long)((v->max * s + HEAT_STEPS - 1) / HEAT_STEPS);
			/* A small maximum gives steps the same top: the cells take
			 * the last of them, and so does the legend. */
			if (s < HEAT_STEPS &&
			    top == (long long)((v->max * (s + 1) + HEAT_STEPS - 1) / HEAT_STEPS))
				continue;
			snprintf(buf, sizeof buf, "%s%lld", mark, top);
			col += att_draw_text(win, buf, strlen(buf), w - col, att_color_attr[COL_HEAT_0 + s]);
			col += att_draw_text(win, " ", 1, w - col, 0);
		}
	}
	if (col + 2 < w)
		att_draw_text(win, "  a articles/sentences, t tone, e evidence", 42, w - col,
			      att_color_attr[COL_DIM]);
}

static void
matrix_draw(struct app *app, struct pane *p)
{
	struct matrix_view *v = p->data;
	int x = p->x > 0 ? 1 : 0, w = p->w - x;
	int rows = visible_rows(p), cols = visible_cols(p);

	if (!v->m || v->m->n == 0) {
		wmove(p->win, 1, x);
		att_draw_fit(p->win, "(no countries in these articles)", w, att_color_attr[COL_DIM], 0);
		return;
	}
	int64_t n = (int64_t)v->m->n;
	app_scroll_to(v->row, &v->top, rows, n);
	app_scroll_to(v->col, &v->left, cols, n);
	/* Column heads. */
	wmove(p->win, 1, x);
	att_draw_text(p->win, "    ", LABEL_W, w, 0);
	for (int c = 0; c < cols && v->left + c < n; c++) {
		char head[16];
		char *code = att_draw_clean(v->m->codes[v->left + c], strlen(v->m->codes[v->left + c]), 0);
		snprintf(head, sizeof head, "%5.5s ", code);
		free(code);
		int used = LABEL_W + c * CELL_W;
		att_draw_text(p->win, head, strlen(head), w - used,
			      att_color_attr[v->left + c == v->col ? COL_MATRIX_CURSOR : COL_MATRIX_HEAD]);
	}
	for (int r = 0; r < rows && v->top + r < n; r++) {
		int64_t i = v->top + r;
		char label[16];
		char *code = att_draw_clean(v->m->codes[i], strlen(v->m->codes[i]), 0);
		snprintf(label, sizeof label, "%-3.3s ", code);
		free(code);
		wmove(p->win, 2 + r, x);
		att_draw_text(p->win, label, strlen(label), w,
			      att_color_attr[i == v->row ? COL_MATRIX_CURSOR : COL_MATRIX_HEAD]);
		for (int c = 0; c < cols && v->left + c < n; c++) {
			if (LABEL_W + (c + 1) * CELL_W > w)
				break;
			int64_t j = v->left + c;
			draw_cell(v, p->win, (size_t)i, (size_t)j, i == v->row && j == v->col);
		}
	}
	if (p->h >= 4) {
		wmove(p->win, p->h - 1, x);
		draw_legend(v, p->win, w);
	}
}

static void
matrix_position(struct app *app, struct pane *p, struct buf *b)
{
	struct matrix_view *v = p->data;
	char n1[32], n2[32];

	if (!v->m || v->m->n == 0)
		return;
	size_t i = (size_t)v->row, j = (size_t)v->col;
	char *a = att_draw_clean(v->m->codes[i], strlen(v->m->codes[i]), 0);
	char *bb = att_draw_clean(v->m->codes[j], strlen(v->m->codes[j]), 0);
	if (i == j) {
		char *name = att_draw_clean(v->m->names[i], strlen(v->m->names[i]), 0);
		buf_printf(b, "%s %s  %s article%s", a, name,
			   att_fmt_count(v->m->articles[i], n1, sizeof n1),
			   v->m->articles[i] == 1 ? "" : "s");
		free(name);
	} else {
		double t = ATT_CELL(v->m, tone, i, j);
		int64_t na_ = ATT_CELL(v->m, cooc, i, j), ns = ATT_CELL(v->m, sentences, i, j);
		const char *dot = att_draw_ascii ? "-" : "\xc2\xb7";
		buf_printf(b, "%s%s%s  ", a, att_draw_ascii ? "-" : "\xe2\x80\x93", bb);
		if (na_ == 0 && ns == 0) /* no tone to speak of */
			buf_adds(b, "no sentence names both");
		else
			buf_printf(b, "%s article%s %s %s sentence%s %s tone %+.2f",
				   att_fmt_count(na_, n1, sizeof n1), na_ == 1 ? "" : "s", dot,
				   att_fmt_count(ns, n2, sizeof n2), ns == 1 ? "" : "s", dot, t);
		char *na = att_draw_clean(v->m->names[i], strlen(v->m->names[i]), 0);
		char *nb = att_draw_clean(v->m->names[j], strlen(v->m->names[j]), 0);
		buf_printf(b, "  (%s, %s)", na, nb);
		free(na);
		free(nb);
	}
	free(a);
	free(bb);
}

/* Enter: narrows the filter to the pair (or to the country on the
 * diagonal). */
static int
drill(struct app *app, struct matrix_view *v)
{
	const char *old = att_filter_text(app->filter);
	struct buf f = BUF_INIT;
	struct att_err err;
	const char *a = v->m->codes[v->row], *b = v->m->codes[v->col];

	if (*old)
		buf_printf(&f, "(%s) ", old);
	if (v->row == v->col)
		buf_printf(&f, "country:%s", a);
	else
		buf_printf(&f, "pair:%s-%s", a, b);
	att_err_clear(&err);
	if (app_set_filter(app, f.data, &err) != 0) {
		app_message(app, 1, "%s", err.msg);
	} else {
		app_focus(app, PANE_LIST);
		int64_t id = pane_list_selected(app);
		if (id)
			pane_article_open(app, id, -1);
	}
	buf_free(&f);
	return R_LAYOUT;
}

static int
matrix_action(struct app *app, struct pane *p, enum att_action act)
{
	struct matrix_view *v = p->data;

	if (!v->m || v->m->n == 0)
		return R_NONE;
	int64_t n = (int64_t)v->m->n;
	switch (act) {
	case ACT_MOVE_LEFT:
		if (v->col > 0)
			v->col--;
		return R_REDRAW;
	case ACT_MOVE_RIGHT:
		if (v->col < n - 1)
			v->col++;
		return R_REDRAW;
	case ACT_MOVE_FIRST: /* the top left corner */
		v->row = v->col = 0;
		return R_REDRAW;
	case ACT_MOVE_DOWN: case ACT_MOVE_UP: case ACT_PAGE_DOWN: case ACT_PAGE_UP:
	case ACT_HALF_DOWN: case ACT_HALF_UP: case ACT_MOVE_LAST:
		app_move(act, &v->row, &v->top, n, visible_rows(p));
		return R_REDRAW;
	case ACT_MATRIX_LEVEL:
		v->articles = !v->articles;
		compute_max(v);
		app_message(app, 0, v->articles ? "cells count articles" : "cells count sentences");
		return R_REDRAW;
	case ACT_MATRIX_TONE:
		v->tone = !v->tone;
		app_message(app, 0, v->tone ? "cells coloured by tone" : "cells shaded by co-mentions");
		return R_REDRAW;
	case ACT_ENTER:
		return drill(app, v);
	case ACT_EVIDENCE:
		if (v->row == v->col) {
			app_message(app, 0, "evidence needs two countries: move off the diagonal");
			return R_HANDLED;
		}
		pane_evidence_open(app, v->m->codes[v->row], v->m->codes[v->col]);
		return R_LAYOUT;
	default:
		return R_NONE;
	}
}

/* Searches the country codes and names: a code equal to TEXT first (so
 * that "BY" finds Belarus, not Libya), else a name that contains it. */
static int
matrix_search(struct app *app, struct pane *p, const char *text, int dir)
{
	struct matrix_view *v = p->data;
	size_t nlen;

	if (!v->m || v->m->n == 0)
		return 0;
	char *needle = att_fold(text, strlen(text), &nlen);
	int64_t n = (int64_t)v->m->n, found = -1;
	int step = dir < 0 ? -1 : 1;
	for (int by_name = 0; by_name < 2 && found < 0; by_name++) {
		for (int64_t k = 1; k <= n && found < 0; k++) {
			int64_t i = ((dir == 0 ? v->row - 1 : v->row) + step * k + n * 2) % n;
			const char *s = by_name ? v->m->names[i] : v->m->codes[i];
			size_t l;
			char *folded = att_fold(s, strlen(s), &l);
			if (by_name ? strstr(folded, needle) != NULL : strcmp(folded, needle) == 0)
				found = i;
			free(folded);
		}
	}
	free(needle);
	if (found < 0)
		return 0;
	v->row = found;
	return 1;
}

static void
matrix_destroy(struct pane *p)
{
	struct matrix_view *v = p->data;
	if (v->m)
		att_matrix_free(v->m);
	free(v);
	p->data = NULL;
}

static const struct pane_ops matrix_ops = {
	.title = "Relations",
	.scope = SCOPE_MATRIX,
	.draw = matrix_draw,
	.action = matrix_action,
	.search = matrix_search,
	.reload = matrix_reload,
	.position = matrix_position,
	.destroy = matrix_destroy,
};

void
pane_matrix_init(struct pane *p, int articles, int tone)
{
	struct matrix_view *v = xcalloc(1, sizeof *v);
	v->articles = articles != 0;
	v->tone = tone != 0;
	p->ops = &matrix_ops;
	p->data = v;
}
