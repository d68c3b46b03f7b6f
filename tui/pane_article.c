/* pane_article.c: one article: its header, the text wrapped to the pane
 * with every entity mention highlighted by kind, search matches, and the
 * article's entities grouped by kind with counts. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "tui/app.h"
#include "tui/conf.h"
#include "tui/draw.h"
#include "tui/find.h"

/* A range of the sanitised text: an entity mention or a search match. */
struct span {
	size_t start, end;
	size_t mention;    /* index into a->mentions */
};

/* A text (title or body) sanitised chunk by chunk, so that the offsets of
 * mentions and sentences in the raw text map onto it. */
struct doc {
	char *text;
	size_t len;
	struct span *m;
	size_t nm;
	size_t *sent;      /* sanitised offset of each sentence of the field, or SIZE_MAX */
};

enum line_kind { L_TITLE, L_BODY, L_PLAIN };

struct line {
	enum line_kind kind;
	size_t start, end; /* L_TITLE/L_BODY: range of the doc */
	char *plain;       /* L_PLAIN: sanitised text */
	attr_t attr;
};

struct article_view {
	struct att_article *a;
	int original;
	struct doc title, body;
	struct line *lines;
	size_t nlines, cap;
	int wrap_w;            /* the width the lines were made for */
	int64_t top;
	long cur;              /* current mention (index into all: title then body), -1 */
	struct span *matches;  /* search matches: title, then body (.mention: the line_kind) */
	size_t nmatches;
	long cur_match;
	int64_t want_sentence; /* scroll to this sentence at the next layout, or -1 */
	size_t kept_start;     /* the offset the last relayout kept at the top line, */
	int64_t kept_top;      /* that line (-1: none; a scroll forgets it) */
};

static const enum att_color kind_color[] = {COL_ENT_COUNTRY, COL_ENT_PERSON, COL_ENT_ORG,
					     COL_ENT_PLACE};
static const char *const kind_titles[] = {"Countries", "Persons", "Organisations", "Places"};

static void
doc_free(struct doc *d)
{
	free(d->text);
	free(d->m);
	free(d->sent);
	memset(d, 0, sizeof *d);
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* Sanitises RAW[0..N) in chunks cut at every mention and sentence boundary
 * of FIELD, and records where each lands. */
static void
doc_build(struct doc *d, const struct att_article *a, enum att_field field, const char *raw,
	  size_t n, int use_marks)
{
	size_t *cuts = xmalloc((2 * a->nmentions + a->nsentences + 2) * sizeof *cuts);
	size_t ncuts = 0;
	struct buf out = BUF_INIT;
	unsigned flags = ATT_SAN_KEEP_NL | (att_draw_ascii ? ATT_SAN_ASCII : 0);

	memset(d, 0, sizeof *d);
	if (use_marks) {
		for (size_t i = 0; i < a->nmentions; i++) {
			const struct att_mention_at *m = &a->mentions[i];
			if (m->field != field || m->pos > n || m->pos + m->len > n)
				continue;
			cuts[ncuts++] = m->pos;
			cuts[ncuts++] = m->pos + m->len;
		}
		for (size_t i = 0; i < a->nsentences; i++)
			if (a->sentences[i].field == field && a->sentences[i].pos <= n)
				cuts[ncuts++] = a->sentences[i].pos;
	}
	cuts[ncuts++] = n;
	qsort(cuts, ncuts, sizeof *cuts, cmp_size);
	/* Map each cut to its sanitised offset. */
	size_t *mapped = xmalloc(ncuts * sizeof *mapped);
	size_t from = 0;
	for (size_t i = 0; i < ncuts; i++) {
		if (cuts[i] > from) {
			att_sanitize(&out, raw + from, cuts[i] - from, flags);
			from = cuts[i];
		}
		mapped[i] = out.len;
	}
	d->len = out.len;
	d->text = out.data ? buf_steal(&out) : xstrdup("");
	if (use_marks) {
		d->m = xmalloc((a->nmentions + 1) * sizeof *d->m);
		for (size_t i = 0; i < a->nmentions; i++) {
			const struct att_mention_at *m = &a->mentions[i];
			if (m->field != field || m->len == 0 || m->pos + m->len > n)
				continue;
			size_t *s = bsearch(&m->pos, cuts, ncuts, sizeof *cuts, cmp_size);
			size_t end = m->pos + m->len;
			size_t *e = bsearch(&end, cuts, ncuts, sizeof *cuts, cmp_size);
			if (!s || !e)
				continue;
			d->m[d->nm++] = (struct span){mapped[s - cuts], mapped[e - cuts], i};
		}
		d->sent = xmalloc((a->nsentences + 1) * sizeof *d->sent);
		for (size_t i = 0; i < a->nsentences; i++) {
			size_t *s = NULL;
			if (a->sentences[i].field == field)
				s = bsearch(&a->sentences[i].pos, cuts, ncuts, sizeof *cuts, cmp_size);
			d->sent[i] = s ? mapped[s - cuts] : (size_t)-1;
		}
	}
	free(mapped);
	free(cuts);
	buf_free(&out);
}

static struct line *
add_line(struct article_view *v)
{
	if (v->nlines == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 256;
		v->lines = xreallocarray(v->lines, v->cap, sizeof *v->lines);
	}
	struct line *l = &v->lines[v->nlines++];
	memset(l, 0, sizeof *l);
	return l;
}

static void
add_plain(struct article_view *v, const char *text, attr_t attr)
{
	struct line *l = add_line(v);
	l->kind = L_PLAIN;
	l->plain = xstrdup(text);
	l->attr = attr;
}

/* Wraps D at W columns (att_wrap: UAX #14, paragraphs kept). */
static void
wrap_doc(struct article_view *v, enum line_kind kind, const struct doc *d, int w, attr_t attr)
{
	struct att_wline *wl;
	size_t n = att_wrap(d->text, d->len, w, &wl);

	for (size_t i = 0; i < n; i++) {
		struct line *l = add_line(v);
		l->kind = kind;
		l->start = wl[i].start;
		l->end = wl[i].end;
		l->attr = attr;
	}
	free(wl);
}

static void
clear_lines(struct article_view *v)
{
	for (size_t i = 0; i < v->nlines; i++)
		free(v->lines[i].plain);
	v->nlines = 0;
}

static void
add_meta(struct buf *b, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	char *clean = att_draw_clean(value, strlen(value), 0);
	buf_printf(b, "%s%s %s", b->len ? "   " : "", label, clean);
	free(clean);
}

/* Lays the article out for width W. */
static void
build_lines(struct article_view *v, int w)
{
	struct att_article *a = v->a;
	struct buf b = BUF_INIT;

	clear_lines(v);
	v->wrap_w = w;
	if (!a)
		return;
	wrap_doc(v, L_TITLE, &v->title, w, att_color_attr[COL_TITLE] | A_BOLD);
	/* general.date-format of the config (tui/conf.h) */
	char *fdate = a->date && att_config_active ? att_config_date(att_config_active, a->date) : NULL;
	add_meta(&b, "Date", fdate ? fdate : a->date);
	free(fdate);
	add_meta(&b, "Source", a->source);
	add_meta(&b, "Language", a->lang);
	if (b.len)
		add_plain(v, b.data, att_color_attr[COL_META_LABEL]);
	buf_clear(&b);
	add_meta(&b, "Path", a->path);
	if (b.len)
		add_plain(v, b.data, att_color_attr[COL_DIM]);
	buf_clear(&b);
	add_meta(&b, "URL", a->url);
	if (b.len)
		add_plain(v, b.data, att_color_attr[COL_DIM]);
	buf_free(&b);
	if (v->original) {
		add_plain(v, "[original text, with boilerplate: o shows the cleaned text]",
			  att_color_attr[COL_DIM]);
	} else {
		add_plain(v, "", 0);
	}
	wrap_doc(v, L_BODY, &v->body, w, att_plain);
	/* The entities, grouped by kind, most mentioned first. */
	for (int k = 0; k < 4 && !v->original; k++) {
		size_t count = 0;
		for (size_t i = 0; i < a->nentities; i++)
			count += (int)a->entities[i].kind == k;
		if (!count)
			continue;
		add_plain(v, "", 0);
		char *h = xasprintf("%s (%zu)", kind_titles[k], count);
		add_plain(v, h, att_color_attr[COL_TITLE]);
		free(h);
		for (size_t i = 0; i < a->nentities; i++) {
			const struct att_entity_count *e = &a->entities[i];
			if ((int)e->kind != k)
				continue;
			char *name = att_draw_clean(e->name, strlen(e->name), 0);
			char *cc = att_draw_clean(e->country, strlen(e->country), 0);
			char *t = *cc ? xasprintf("  %s (%s) %s%lld", name, cc,
						  att_draw_ascii ? "x" : "\xc3\x97", (long long)e->mentions)
				      : xasprintf("  %s %s%lld", name,
						  att_draw_ascii ? "x" : "\xc3\x97", (long long)e->mentions);
			add_plain(v, t, att_color_attr[kind_color[k]]);
			free(t);
			free(name);
			free(cc);
		}
	}
}

static int
text_width(const struct pane *p)
{
	int w = p->w - (p->x > 0 ? 1 : 0);
	return w < 1 ? 1 : w;
}

/* Rows for the text: the pane less its title row and the legend. */
static int
text_rows(const struct pane *p)
{
	int h = p->h - 2;
	return h < 1 ? 1 : h;
}

static int64_t line_of(const struct article_view *v, enum line_kind kind, size_t off);

/* Lays the article out again when the pane's width changed (a resize, a
 * layout switch), keeping at the top of the pane the text that was there:
 * the line that holds the same offset of the title or body, or the same
 * line of the entity list below the text. */
static void
ensure_lines(struct article_view *v, const struct pane *p)
{
	if (!v->a || v->wrap_w == text_width(p))
		return;
	int anchored = v->wrap_w > 0 && v->top > 0 && (size_t)v->top < v->nlines;
	enum line_kind kind = L_PLAIN;
	size_t start = 0;
	int64_t from_end = -1;
	if (anchored) {
		kind = v->lines[v->top].kind;
		/* Resizing back and forth keeps the same text, not the start of
		 * a longer line that held it. */
		start = v->top == v->kept_top ? v->kept_start : v->lines[v->top].start;
		for (int64_t i = v->top - 1; kind == L_PLAIN && i >= 0 && from_end < 0; i--)
			if (v->lines[i].kind == L_BODY)
				from_end = (int64_t)v->nlines - v->top;
	}
	build_lines(v, text_width(p));
	if (!anchored)
		return;
	if (kind != L_PLAIN) {
		v->top = line_of(v, kind, start);
		v->kept_top = v->top;
		v->kept_start = start;
	} else if (from_end >= 0 && from_end <= (int64_t)v->nlines)
		v->top = (int64_t)v->nlines - from_end;
}

/* The mention with overall index I: title mentions first, then body. */
static const struct span *
mention(const struct article_view *v, long i, enum line_kind *kind)
{
	if (i < 0)
		return NULL;
	if ((size_t)i < v->title.nm) {
		*kind = L_TITLE;
		return &v->title.m[i];
	}
	i -= (long)v->title.nm;
	if ((size_t)i < v->body.nm) {
		*kind = L_BODY;
		return &v->body.m[i];
	}
	return NULL;
}

/* The line holding offset OFF of a doc of kind KIND. */
static int64_t
line_of(const struct article_view *v, enum line_kind kind, size_t off)
{
	int64_t best = -1;
	for (size_t i = 0; i < v->nlines; i++) {
		if (v->lines[i].kind != kind)
			continue;
		if (v->lines[i].start <= off)
			best = (int64_t)i;
		else
			break;
	}
	return best < 0 ? 0 : best;
}

static void
show_line(struct article_view *v, const struct pane *p, int64_t line)
{
	int h = text_rows(p);
	if (line < v->top || line >= v->top + h)
		v->top = line - h / 3;
	if (v->top > (int64_t)v->nlines - h)
		v->top = (int64_t)v->nlines - h;
	if (v->top < 0)
		v->top = 0;
}

/* Draws a range of a doc with the attributes of the mentions and matches
 * inside it. */
static void
draw_doc_line(struct article_view *v, WINDOW *win, const struct line *l, int w)
{
	const struct doc *d = l->kind == L_TITLE ? &v->title : &v->body;
	size_t s = l->start;
	int col = 0;
	long base = l->kind == L_TITLE ? 0 : (long)v->title.nm;

	while (s < l->end && col < w) {
		size_t e = l->end;
		attr_t attr = l->attr;
		for (size_t i = 0; i < d->nm; i++) {
			const struct span *m = &d->m[i];
			if (m->end <= s)
				continue;
			if (m->start > s) {
				if (m->start < e)
					e = m->start;
				break;
			}
			if (m->end < e)
				e = m->end;
			attr = att_attr_over(attr, att_color_attr[kind_color[v->a->mentions[m->mention].kind & 3]]);
			if (base + (long)i == v->cur)
				attr = att_attr_over(attr, att_color_attr[COL_ENT_CURRENT]);
			break;
		}
		if (l->kind != L_PLAIN) {
			for (size_t i = 0; i < v->nmatches; i++) {
				const struct span *m = &v->matches[i];
				if (m->mention != (size_t)l->kind || m->end <= s)
					continue;
				if (m->start > s) {
					if (m->start < e)
						e = m->start;
					break;
				}
				if (m->end < e)
					e = m->end;
				attr = att_color_attr[COL_SEARCH_MATCH];
				break;
			}
		}
		col += att_draw_text(win, d->text + s, e - s, w - col, attr);
		s = e;
	}
}

static void
draw_legend(WINDOW *win, int w)
{
	static const char *const names[] = {"country", "person", "org", "place"};
	int col = 0;

	col += att_draw_text(win, "Legend: ", 8, w, att_color_attr[COL_DIM]);
	for (int k = 0; k < 4 && col < w; k++) {
		col += att_draw_text(win, names[k], strlen(names[k]), w - col,
				     att_color_attr[kind_color[k]]);
		if (col < w)
			col += att_draw_text(win, " ", 1, w - col, 0);
	}
	if (col + 2 < w)
		att_draw_fit(win, " ]/[ entities, Enter filters, i card, o original", w - col,
			     att_color_attr[COL_DIM], 0); /* cut with an ellipsis */
}

static void
article_draw(struct app *app, struct pane *p)
{
	struct article_view *v = p->data;
	int x = p->x > 0 ? 1 : 0, w = text_width(p), h = text_rows(p);

	if (!v->a) {
		wmove(p->win, 1, x);
		att_draw_fit(p->win, "(no article open: Enter on the list opens one)", w,
			     att_color_attr[COL_DIM], 0);
		return;
	}
	ensure_lines(v, p);
	if (v->want_sentence >= 0) {
		for (size_t i = 0; i < v->a->nsentences; i++) {
			if (v->a->sentences[i].n != v->want_sentence)
				continue;
			const struct doc *d = v->a->sentences[i].field == ATT_TITLE ? &v->title : &v->body;
			if (d->sent && d->sent[i] != (size_t)-1) {
				int64_t line = line_of(v, d == &v->title ? L_TITLE : L_BODY, d->sent[i]);
				v->top = line;
				show_line(v, p, line);
				v->top = line; /* the sentence at the top */
			}
		}
		v->want_sentence = -1;
	}
	if (v->top > (int64_t)v->nlines - 1)
		v->top = (int64_t)v->nlines - 1;
	if (v->top < 0)
		v->top = 0;
	wmove(p->win, 1, x);
	draw_legend(p->win, w);
	for (int i = 0; i < h && v->top + i < (int64_t)v->nlines; i++) {
		const struct line *l = &v->lines[v->top + i];
		wmove(p->win, 2 + i, x);
		if (l->kind == L_PLAIN)
			att_draw_text(p->win, l->plain, strlen(l->plain), w, l->attr);
		else
			draw_doc_line(v, p->win, l, w);
	}
}

static void
article_position(struct app *app, struct pane *p, struct buf *b)
{
	struct article_view *v = p->data;
	char n1[32], n2[32];
	enum line_kind k;

	if (!v->a)
		return;
	buf_printf(b, "line %s/%s", att_fmt_count(v->top + 1, n1, sizeof n1),
		   att_fmt_count((long long)v->nlines, n2, sizeof n2));
	const struct span *m = mention(v, v->cur, &k);
	if (m) {
		const struct att_mention_at *am = &v->a->mentions[m->mention];
		char *name = att_draw_clean(am->name, strlen(am->name), 0);
		buf_printf(b, "  %s: %s", att_kind_name(am->kind), name);
		free(name);
	}
}

static void
article_reset(struct article_view *v)
{
	clear_lines(v);
	free(v->lines);
	v->lines = NULL;
	v->cap = 0;
	doc_free(&v->title);
	doc_free(&v->body);
	free(v->matches);
	v->matches = NULL;
	v->nmatches = 0;
	if (v->a)
		att_article_free(v->a);
	v->a = NULL;
	v->wrap_w = 0;
}

static void
build_docs(struct article_view *v)
{
	struct att_article *a = v->a;
	doc_free(&v->title);
	doc_free(&v->body);
	doc_build(&v->title, a, ATT_TITLE, a->title, a->title_len, 1);
	if (v->original && a->original)
		doc_build(&v->body, a, ATT_BODY, a->original, a->original_len, 0);
	else
		doc_build(&v->body, a, ATT_BODY, a->body, a->body_len, 1);
	free(v->matches);
	v->matches = NULL;
	v->nmatches = 0;
	v->wrap_w = 0;
	v->kept_top = -1;
}

void
pane_article_open(struct app *app, int64_t id, int64_t sentence)
{
	struct pane *p = &app->panes[PANE_ARTICLE];
	struct article_view *v = p->data;
	struct att_article *a;
	struct att_err err;

	app->follow_pending = 0;
	att_err_clear(&err);
	app_query_begin(app);
	int rc = att_article_get(app->idx, id, &a, &err);
	app_query_end(app);
	if (rc != 0) {
		app_model_error(app, &err);
		return;
	}
	article_reset(v);
	v->a = a;
	v->original = 0;
	v->top = 0;
	v->cur = -1;
	v->cur_match = -1;
	v->want_sentence = sentence;
	build_docs(v);
	p->dirty = 1;
}

/* Moves to the next (DIR 1) or previous mention, from the cursor or from
 * the top of the screen. */
static int
step_mention(struct article_view *v, const struct pane *p, int dir)
{
	long total = (long)(v->title.nm + v->body.nm);
	enum line_kind k;

	if (total == 0)
		return 0;
	long i = v->cur;
	if (i < 0) {
		/* Start from the first mention on the screen. */
		for (i = 0; i < total; i++) {
			const struct span *m = mention(v, i, &k);
			if (m && line_of(v, k, m->start) >= v->top)
				break;
		}
		if (dir < 0)
			i--;
	} else {
		i += dir;
	}
	if (i < 0 || i >= total)
		return 0;
	const struct span *m = mention(v, i, &k);
	if (!m)
		return 0;
	v->cur = i;
	show_line(v, p, line_of(v, k, m->start));
	return 1;
}

/* Enter on a mention: the article list filtered to that entity. */
static int
filter_entity(struct app *app, struct article_view *v)
{
	enum line_kind k;
	const struct span *m = mention(v, v->cur, &k);
	struct att_err err;

	if (!m) {
		app_message(app, 0, "no entity selected: ] and [ move between entities");
		return R_HANDLED;
	}
	const struct att_mention_at *am = &v->a->mentions[m->mention];
	struct buf f = BUF_INIT;
	buf_printf(&f, "%s:", att_kind_name(am->kind));
	if (am->kind == ATT_COUNTRY && am->country[0]) {
		buf_adds(&f, am->country);
	} else {
		buf_addc(&f, '"');
		for (const char *s = am->name; *s; s++) {
			if (*s == '"')
				buf_addc(&f, '"');
			buf_addc(&f, *s);
		}
		buf_addc(&f, '"');
	}
	att_err_clear(&err);
	if (app_set_filter(app, f.data, &err) != 0)
		app_message(app, 1, "%s", err.msg);
	else
		app_focus(app, PANE_LIST);
	buf_free(&f);
	return R_LAYOUT;
}

static int
article_action(struct app *app, struct pane *p, enum att_action act)
{
	struct article_view *v = p->data;
	int h = text_rows(p);

	if (!v->a)
		return R_NONE;
	ensure_lines(v, p);
	switch (act) {
	case ACT_NEXT_ENTITY:
	case ACT_PREV_ENTITY:
		if (!step_mention(v, p, act == ACT_NEXT_ENTITY ? 1 : -1))
			app_message(app, 0, act == ACT_NEXT_ENTITY ? "no more entities below"
								   : "no more entities above");
		return R_REDRAW;
	case ACT_ENTER:
		return filter_entity(app, v);
	case ACT_ENTITY_CARD: {
		enum line_kind k;
		const struct span *m = mention(v, v->cur, &k);
		if (!m) {
			app_message(app, 0, "no entity selected: ] and [ move between entities");
			return R_HANDLED;
		}
		pane_card_open(app, v->a->mentions[m->mention].entity_id);
		return R_LAYOUT;
	}
	case ACT_ORIGINAL:
		if (!v->a->original && !v->original) {
			app_message(app, 0, "this index keeps no original text for the article");
			return R_HANDLED;
		}
		v->original = !v->original;
		v->cur = -1;
		v->top = 0;
		build_docs(v);
		app_message(app, 0, v->original ? "original text" : "cleaned text");
		return R_REDRAW;
	case ACT_MOVE_DOWN: case ACT_MOVE_UP: case ACT_PAGE_DOWN: case ACT_PAGE_UP:
	case ACT_HALF_DOWN: case ACT_HALF_UP: case ACT_MOVE_FIRST: case ACT_MOVE_LAST: {
		/* The text scrolls: the cursor is the top line. */
		int64_t last = (int64_t)v->nlines - h;
		if (last < 0)
			last = 0;
		int64_t top = v->top, page = h > 1 ? h - 1 : 1, half = h / 2 ? h / 2 : 1;
		switch (act) {
		case ACT_MOVE_DOWN: top++; break;
		case ACT_MOVE_UP: top--; break;
		case ACT_PAGE_DOWN: top += page; break;
		case ACT_PAGE_UP: top -= page; break;
		case ACT_HALF_DOWN: top += half; break;
		case ACT_HALF_UP: top -= half; break;
		case ACT_MOVE_FIRST: top = 0; break;
		default: top = last; break;
		}
		if (top > last)
			top = last;
		if (top < 0)
			top = 0;
		v->top = top;
		return R_REDRAW;
	}
	default:
		return R_NONE;
	}
}

/* Finds TEXT in the body (ASCII letters match either case). */
static int
article_search(struct app *app, struct pane *p, const char *text, int dir)
{
	struct article_view *v = p->data;
	size_t n = strlen(text);

	if (!v->a || n == 0)
		return 0;
	ensure_lines(v, p);
	if (dir == 0) {
		free(v->matches);
		v->matches = NULL;
		v->nmatches = 0;
		/* Case- and accent-insensitive, as the filter (tui/find.c). */
		for (int k = L_TITLE; k <= L_BODY; k++) {
			const struct doc *d = k == L_TITLE ? &v->title : &v->body;
			struct att_hit *hits;
			size_t nh = att_find_all(d->text, d->len, text, &hits);
			if (nh)
				v->matches = xreallocarray(v->matches, v->nmatches + nh, sizeof *v->matches);
			for (size_t i = 0; i < nh; i++)
				v->matches[v->nmatches++] = (struct span){hits[i].start, hits[i].end, (size_t)k};
			free(hits);
		}
		v->cur_match = -1;
		if (!v->nmatches)
			return 0;
		/* The first match at or below the top line. */
		for (size_t i = 0; i < v->nmatches; i++) {
			if (line_of(v, (enum line_kind)v->matches[i].mention, v->matches[i].start) >= v->top) {
				v->cur_match = (long)i;
				break;
			}
		}
		if (v->cur_match < 0)
			v->cur_match = 0;
	} else {
		if (!v->nmatches)
			return 0;
		long next = v->cur_match + dir;
		if (next < 0 || next >= (long)v->nmatches)
			return 0;
		v->cur_match = next;
	}
	const struct span *m = &v->matches[v->cur_match];
	show_line(v, p, line_of(v, (enum line_kind)m->mention, m->start));
	app_message(app, 0, "match %ld of %zu", v->cur_match + 1, v->nmatches);
	return 1;
}

static void
article_destroy(struct pane *p)
{
	struct article_view *v = p->data;
	article_reset(v);
	free(v);
	p->data = NULL;
}

static const struct pane_ops article_ops = {
	.title = "Article",
	.scope = SCOPE_ARTICLE,
	.draw = article_draw,
	.action = article_action,
	.search = article_search,
	.position = article_position,
	.destroy = article_destroy,
};

void
pane_article_init(struct pane *p)
{
	struct article_view *v = xcalloc(1, sizeof *v);
	v->cur = -1;
	v->cur_match = -1;
	v->want_sentence = -1;
	p->ops = &article_ops;
	p->data = v;
}
