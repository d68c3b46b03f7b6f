/* help.c: the help screen, generated from the action table and the keys
 * actually bound, so that it cannot drift from what the keys do. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "tui/draw.h"
#include "tui/keys.h"

struct help_view {
	int64_t top;
	char **lines;
	attr_t *attrs;
	size_t n;
};

static const char *const scope_titles[SCOPE_COUNT] = {
	"Everywhere", "Article list", "Article", "Relations matrix", "Evidence",
};

/* Editing keys of the prompts: not actions, fixed. */
static const char *const prompt_keys[][2] = {
	{"Enter", "Keep the filter (or run the search)"},
	{"Esc C-g", "Cancel: the previous filter comes back"},
	{"Tab", "Complete a field name or an entity name"},
	{"Up Down", "Walk the history"},
	{"Left Right", "Move the cursor (also C-b C-f, Home End, C-a C-e)"},
	{"Backspace C-d", "Delete before or under the cursor"},
	{"C-w C-u C-k", "Delete a word, to the start, to the end"},
};

static void
add(struct help_view *v, const char *text, attr_t attr)
{
	v->lines = xreallocarray(v->lines, v->n + 1, sizeof *v->lines);
	v->attrs = xreallocarray(v->attrs, v->n + 1, sizeof *v->attrs);
	v->lines[v->n] = xstrdup(text);
	v->attrs[v->n++] = attr;
}

static void
build(struct help_view *v)
{
	char keys[256];

	add(v, "attache: keys (q closes this help; j/k, PgUp/PgDn scroll)", att_color_attr[COL_TITLE]);
	for (int s = 0; s < SCOPE_COUNT; s++) {
		int any = 0;
		for (int i = 1; i < ACT_COUNT; i++) {
			if ((int)att_actions[i].scope != s)
				continue;
			if (!any) {
				add(v, "", 0);
				add(v, scope_titles[s], att_color_attr[COL_TITLE]);
				any = 1;
			}
			att_keymap_keys((enum att_action)i, keys, sizeof keys);
			char *line = xasprintf("  %-16s %-16s %s", *keys ? keys : "(unbound)",
					       att_actions[i].name, att_actions[i].help);
			add(v, line, 0);
			free(line);
		}
	}
	add(v, "", 0);
	add(v, "Filter and search prompts", att_color_attr[COL_TITLE]);
	for (size_t i = 0; i < ATT_ARRAY_LEN(prompt_keys); i++) {
		char *line = xasprintf("  %-16s %s", prompt_keys[i][0], prompt_keys[i][1]);
		add(v, line, 0);
		free(line);
	}
	add(v, "", 0);
	add(v, "Filters: words, \"phrases\", country:RU person:\"Vladimir Putin\" org: place:",
	    att_color_attr[COL_DIM]);
	add(v, "  entity: pair:RU-BY source: lang: date:2022 tone: id:, AND OR NOT - ( ).",
	    att_color_attr[COL_DIM]);
	add(v, "  See attache-filter(7) and attache(1).", att_color_attr[COL_DIM]);
}

static void
help_draw(struct app *app, struct pane *p)
{
	struct help_view *v = p->data;
	int h = p->h - 1;

	if (!v->n)
		build(v);
	if (v->top > (int64_t)v->n - h)
		v->top = (int64_t)v->n - h;
	if (v->top < 0)
		v->top = 0;
	for (int r = 0; r < h && v->top + r < (int64_t)v->n; r++) {
		const char *l = v->lines[v->top + r];
		wmove(p->win, 1 + r, 0);
		/* Key names in their own colour: the first column of action lines. */
		if (l[0] == ' ' && l[1] == ' ' && strlen(l) > 19 && v->attrs[v->top + r] == 0) {
			att_draw_text(p->win, l, 19, p->w, att_color_attr[COL_HELP_KEY]);
			att_draw_text(p->win, l + 19, strlen(l + 19), p->w - 19, 0);
		} else {
			att_draw_text(p->win, l, strlen(l), p->w, v->attrs[v->top + r]);
		}
	}
}

static int
help_action(struct app *app, struct pane *p, enum att_action act)
{
	struct help_view *v = p->data;
	int h = p->h - 1;
	int64_t page = h > 1 ? h - 1 : 1;

	switch (act) {
	case ACT_MOVE_DOWN: v->top++; break;
	case ACT_MOVE_UP: v->top--; break;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: v->top += page; break;
	case ACT_PAGE_UP: case ACT_HALF_UP: v->top -= page; break;
	case ACT_MOVE_FIRST: v->top = 0; break;
	case ACT_MOVE_LAST: v->top = (int64_t)v->n; break;
	case ACT_HELP: case ACT_ENTER: case ACT_BACK:
		app_focus(app, app->focus);
		return R_LAYOUT;
	default:
		return R_NONE;
	}
	return R_REDRAW;
}

static void
help_position(struct app *app, struct pane *p, struct buf *b)
{
	struct help_view *v = p->data;
	if (!v->n)
		build(v);
	buf_printf(b, "line %lld/%zu", (long long)v->top + 1, v->n);
}

static void
help_destroy(struct pane *p)
{
	struct help_view *v = p->data;
	for (size_t i = 0; i < v->n; i++)
		free(v->lines[i]);
	free(v->lines);
	free(v->attrs);
	free(v);
	p->data = NULL;
}

static const struct pane_ops help_ops = {
	.title = "Help",
	.scope = SCOPE_GLOBAL,
	.draw = help_draw,
	.action = help_action,
	.position = help_position,
	.destroy = help_destroy,
};

void
pane_help_init(struct pane *p)
{
	p->ops = &help_ops;
	p->data = xcalloc(1, sizeof(struct help_view));
}
