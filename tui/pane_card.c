/* pane_card.c: an entity's card: kind, country, aliases, how many
 * articles, and the countries it appears with most. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "tui/app.h"
#include "tui/draw.h"

struct card_view {
	struct att_entity_card *c;
	int64_t top;
};

/* A label and its value in ATTR, which wraps onto the following rows (at
 * most MAXROWS, the last one cut with an ellipsis) under its first column. */
static void
field_rows(struct pane *p, int *y, const char *label, const char *value, attr_t attr, int maxrows)
{
	if (*y >= p->h)
		return;
	char *clean = att_draw_clean(value, strlen(value), 0);
	wmove(p->win, *y, 1);
	int x = 1 + att_draw_fit(p->win, label, p->w - 1, att_color_attr[COL_META_LABEL], 0);
	struct att_wline *wl;
	size_t n = att_wrap(clean, strlen(clean), p->w - x > 1 ? p->w - x : 1, &wl);
	for (size_t i = 0; i < n && (int)i < maxrows && *y < p->h; i++, (*y)++) {
		size_t end = (int)i == maxrows - 1 ? strlen(clean) : wl[i].end;
		wmove(p->win, *y, x);
		char *part = xstrndup(clean + wl[i].start, end - wl[i].start);
		att_draw_fit(p->win, part, p->w - x, attr, 0);
		free(part);
	}
	if (n == 0)
		(*y)++;
	free(wl);
	free(clean);
}

static void
card_draw(struct app *app, struct pane *p)
{
	struct card_view *v = p->data;
	struct att_entity_card *c = v->c;
	static const enum att_color kc[] = {COL_ENT_COUNTRY, COL_ENT_PERSON, COL_ENT_ORG,
					    COL_ENT_PLACE};
	char n1[32];
	int y = 1;

	if (!c)
		return;
	field_rows(p, &y, "Name      ", c->name, att_color_attr[kc[c->kind & 3]], 1);
	field_rows(p, &y, "Kind      ", att_kind_name(c->kind), 0, 1);
	if (*c->country)
		field_rows(p, &y, "Country   ", c->country, 0, 1);
	field_rows(p, &y, "Articles  ", att_fmt_count(c->articles, n1, sizeof n1), 0, 1);
	field_rows(p, &y, "Mentions  ", att_fmt_count(c->mentions, n1, sizeof n1), 0, 1);
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < c->naliases; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", c->aliases[i]);
	field_rows(p, &y, "Aliases   ", b.data ? b.data : "", 0, 4);
	buf_free(&b);
	y++;
	if (c->nwith) {
		wmove(p->win, y++, 1);
		att_draw_fit(p->win, "Appears most with", p->w - 1, att_color_attr[COL_TITLE], 0);
	}
	for (size_t i = 0; i < c->nwith && y < p->h; i++) {
		/* Names padded to 30 columns, not bytes: Côte d'Ivoire lines up. */
		char *code = att_draw_clean(c->with[i].code, strlen(c->with[i].code), 0);
		char *name = att_draw_clean(c->with[i].name, strlen(c->with[i].name), 0);
		int pad = 31 - att_text_width(name, strlen(name));
		char *line = xasprintf("%-3s %s%*s%s article%s", code, name, pad > 1 ? pad : 1, "",
				       att_fmt_count(c->with[i].articles, n1, sizeof n1),
				       c->with[i].articles == 1 ? "" : "s");
		wmove(p->win, y++, 3);
		att_draw_fit(p->win, line, p->w - 3, 0, 0);
		free(line);
		free(name);
		free(code);
	}
}

void
pane_card_open(struct app *app, int64_t id)
{
	struct pane *p = &app->panes[PANE_CARD];
	struct card_view *v = p->data;
	struct att_entity_card *c;
	struct att_err err;

	att_err_clear(&err);
	app_query_begin(app);
	int rc = att_entity_card_get(app->idx, id, &c, &err);
	app_query_end(app);
	if (rc != 0) {
		app_model_error(app, &err);
		return;
	}
	if (v->c)
		att_entity_card_free(v->c);
	v->c = c;
	app_overlay(app, PANE_CARD);
}

static int
card_action(struct app *app, struct pane *p, enum att_action act)
{
	if (act == ACT_ENTER || act == ACT_ENTITY_CARD) {
		app_focus(app, app->focus);
		return R_LAYOUT;
	}
	return R_NONE;
}

static void
card_destroy(struct pane *p)
{
	struct card_view *v = p->data;
	if (v->c)
		att_entity_card_free(v->c);
	free(v);
	p->data = NULL;
}

static const struct pane_ops card_ops = {
	.title = "Entity",
	.scope = SCOPE_GLOBAL,
	.draw = card_draw,
	.action = card_action,
	.destroy = card_destroy,
};

void
pane_card_init(struct pane *p)
{
	p->ops = &card_ops;
	p->data = xcalloc(1, sizeof(struct card_view));
}
