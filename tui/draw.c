/* draw.c: the colour slots, and drawing sanitised text by display columns
 * (libunistring widths), clipped so that curses never wraps a line. */
#include "config.h"

#include "tui/draw.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <unilbrk.h>
#include <uniwidth.h>
#include <wchar.h>

#include "model/text.h"
#include "model/util.h"
#include "tui/theme.h"

const struct att_color_info att_colors[COL_COUNT] = {
#define COLOR(id, name, fg, bg, attr, help) {name, {fg, bg, attr}, help},
#include "tui/colors.def"
#undef COLOR
};

struct att_color_spec att_theme[COL_COUNT] = {
#define COLOR(id, name, fg, bg, attr, help) {fg, bg, attr},
#include "tui/colors.def"
#undef COLOR
};

attr_t att_color_attr[COL_COUNT];
attr_t att_plain;
attr_t att_background;
int att_colors_256;
int att_colors_on;
int att_draw_ascii;

int
att_color_by_name(const char *name)
{
	for (int i = 0; i < COL_COUNT; i++)
		if (strcmp(att_colors[i].name, name) == 0)
			return i;
	return -1;
}

void
att_colors_apply(int mono)
{
	int defaults = 1;

	att_colors_on = !mono && has_colors();
	att_colors_256 = 0;
	if (att_colors_on) {
		start_color(); /* sets COLORS */
		defaults = use_default_colors() == OK;
		att_colors_on = COLORS >= 8;
		att_colors_256 = COLORS >= 256;
	}
	/* Italic (places) is dim too where the terminal has no italics
	 * (screen, screen-256color), so that it stays distinct without colour. */
	attr_t no_italic = (term_attrs() & A_ITALIC) ? 0 : A_DIM;
	/* The theme's "normal" colours are those of every slot that leaves
	 * its own as the terminal's, and the windows' background. */
	struct att_color_spec normal = att_theme[COL_NORMAL];
	for (int i = 0; i < COL_COUNT; i++) {
		struct att_color_spec s = att_theme[i];
		s.fg = s.fg < 0 ? normal.fg : s.fg;
		s.bg = s.bg < 0 ? normal.bg : s.bg;
		if (s.attr & A_ITALIC)
			s.attr |= no_italic;
		att_color_attr[i] = s.attr;
		/* A slot in the terminal's own colours gets a pair too (when
		 * the terminal has them): going to it from a coloured field
		 * then costs a colour change (ESC [ 3 9 m) instead of
		 * resetting every attribute and the colour (11 bytes). */
		if (!att_colors_on || i + 1 >= COLOR_PAIRS || (s.fg < 0 && s.bg < 0 && !defaults))
			continue;
		if (!defaults) { /* no "default" colour: assume white on black */
			s.fg = s.fg < 0 ? COLOR_WHITE : s.fg;
			s.bg = s.bg < 0 ? COLOR_BLACK : s.bg;
		}
		/* Stepped down to COLORS, never fg == bg (tui/theme_color.c). */
		short fg, bg;
		attr_t attr;
		att_color_resolve(&s, COLORS, &fg, &bg, &attr);
		att_color_attr[i] = attr;
		if (init_pair((short)(i + 1), fg, bg) == OK)
			att_color_attr[i] |= COLOR_PAIR(i + 1);
	}
	att_plain = 0;
	att_background = 0;
	if (att_colors_on && (normal.fg >= 0 || normal.bg >= 0)) {
		/* Text and cleared cells in the theme's own colours. */
		att_plain = att_background = att_color_attr[COL_NORMAL] & A_COLOR;
	} else if (att_colors_on && defaults && COL_COUNT + 1 < COLOR_PAIRS &&
		   init_pair(COL_COUNT + 1, -1, -1) == OK) {
		att_plain = COLOR_PAIR(COL_COUNT + 1);
	}
}

attr_t
att_attr_over(attr_t under, attr_t above)
{
	attr_t pair = above & A_COLOR;
	short fg, bg, pfg = -1, pbg = -1;

	/* A pair of plain text's colours (a slot left at "default": the
	 * terminal's own, or the theme's normal ones) lets the one below show. */
	if (att_plain)
		pair_content((short)PAIR_NUMBER(att_plain), &pfg, &pbg);
	if (!pair || (pair_content((short)PAIR_NUMBER(above), &fg, &bg) == OK && fg == pfg && bg == pbg))
		pair = under & A_COLOR;
	return ((under | above) & ~A_COLOR) | pair;
}

void
att_draw_init(void)
{
	const char *cs = nl_langinfo(CODESET);
	att_draw_ascii = !(cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0));
}

char *
att_draw_clean(const char *s, size_t n, unsigned flags)
{
	return att_sanitize_dup(s ? s : "", s ? n : 0, flags | (att_draw_ascii ? ATT_SAN_ASCII : 0));
}

/* The width curses and we agree on for CP, or -1 when they differ (the
 * character is then drawn as a placeholder). */
static int
char_width(ucs4_t cp)
{
	int w = uc_width(cp, "UTF-8");
	int cw = wcwidth((wchar_t)cp);
	if (w < 0)
		return -1;
	if (cw != w)
		return -1;
	return w;
}

int
att_text_width(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	int w = 0;

	while (p < end) {
		ucs4_t cp;
		int len = u8_mbtouc(&cp, p, (size_t)(end - p));
		int cw = char_width(cp);
		w += cw < 0 ? 1 : cw;
		p += len;
	}
	return w;
}

size_t
att_text_fit(const char *s, size_t n, int maxw, int *width)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	int w = 0;

	while (p < end) {
		ucs4_t cp;
		int len = u8_mbtouc(&cp, p, (size_t)(end - p));
		int cw = char_width(cp);
		if (cw < 0)
			cw = 1;
		if (w + cw > maxw)
			break;
		w += cw;
		p += len;
	}
	if (width)
		*width = w;
	return (size_t)(p - (const uint8_t *)s);
}

int
att_draw_text(WINDOW *win, const char *s, size_t n, int maxw, attr_t attr)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	struct buf out = BUF_INIT;
	int w = 0;

	if (maxw <= 0)
		return 0;
	while (p < end) {
		ucs4_t cp;
		int len = u8_mbtouc(&cp, p, (size_t)(end - p));
		int cw = char_width(cp);
		if (cw == 0 && w == 0) { /* a combining mark with no base */
			p += len;
			continue;
		}
		if (cw < 0) {
			if (w + 1 > maxw)
				break;
			buf_adds(&out, att_draw_ascii ? "?" : "\xef\xbf\xbd");
			w += 1;
		} else if (w + cw > maxw) {
			while (w < maxw) { /* the wide character would cross the edge */
				buf_addc(&out, ' ');
				w++;
			}
			break;
		} else {
			buf_add(&out, p, (size_t)len);
			w += cw;
		}
		p += len;
	}
	if (out.len) {
		wattrset(win, attr);
		waddnstr(win, out.data, (int)out.len);
		wattrset(win, A_NORMAL);
	}
	buf_free(&out);
	return w;
}

int
att_draw_raw(WINDOW *win, const char *s, size_t n, int maxw, attr_t attr)
{
	char *clean = att_draw_clean(s, n, 0);
	int w = att_draw_text(win, clean, strlen(clean), maxw, attr);
	free(clean);
	return w;
}

int
att_draw_fit(WINDOW *win, const char *s, int maxw, attr_t attr, int pad)
{
	size_t n = strlen(s);
	int w = att_text_width(s, n);

	if (maxw <= 0)
		return 0;
	if (w <= maxw) {
		w = att_draw_text(win, s, n, maxw, attr);
	} else {
		int fw;
		size_t cut = att_text_fit(s, n, maxw - 1, &fw);
		w = att_draw_text(win, s, cut, maxw - 1, attr);
		w += att_draw_text(win, att_ellipsis(), strlen(att_ellipsis()), 1, attr);
	}
	if (pad) {
		wattrset(win, attr);
		for (; w < maxw; w++)
			waddch(win, ' ');
		wattrset(win, A_NORMAL);
	}
	return w;
}

void
att_draw_pad(WINDOW *win, int x, attr_t attr)
{
	int cx = getcurx(win);
	if (cx < 0)
		return;
	wattrset(win, attr);
	for (; cx < x; cx++)
		waddch(win, ' ');
	wattrset(win, A_NORMAL);
}

char *
att_fmt_count(long long n, char *buf, size_t size)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%lld", n < 0 ? -n : n);
	size_t o = 0;

	if (n < 0 && o + 1 < size)
		buf[o++] = '-';
	for (int i = 0; i < len && o + 1 < size; i++) {
		buf[o++] = digits[i];
		if ((len - i - 1) % 3 == 0 && i != len - 1 && o + 1 < size)
			buf[o++] = ',';
	}
	buf[o] = '\0';
	return buf;
}

const char *
att_shade(int step, int steps)
{
	static const char *const uni[] = {" ", "\xe2\x96\x91", "\xe2\x96\x92", "\xe2\x96\x93",
					  "\xe2\x96\x88"};
	static const char *const asc[] = {" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"};
	const char *const *set = att_draw_ascii ? asc : uni;
	int n = att_draw_ascii ? 10 : 5;

	if (steps <= 1 || step <= 0)
		return set[0];
	if (step >= steps)
		step = steps - 1;
	int i = 1 + (step - 1) * (n - 1) / (steps > 1 ? steps - 1 : 1);
	return set[i < n ? i : n - 1];
}

const char *
att_hline(void)
{
	return att_draw_ascii ? "-" : "\xe2\x94\x80";
}

const char *
att_vline(void)
{
	return att_draw_ascii ? "|" : "\xe2\x94\x82";
}

const char *
att_ellipsis(void)
{
	return att_draw_ascii ? "~" : "\xe2\x80\xa6";
}

static void
wline_add(struct att_wline **v, size_t *n, size_t *cap, const char *s, size_t start, size_t end,
	  int w)
{
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\n'))
		end--;
	do {
		int lw;
		size_t fit = att_text_fit(s + start, end - start, w, &lw);
		if (fit == 0 && start < end) { /* one character wider than the line */
			ucs4_t cp;
			int l = u8_mbtouc(&cp, (const uint8_t *)s + start, end - start);
			fit = l > 0 ? (size_t)l : 1;
		}
		if (*n == *cap) {
			*cap = *cap ? 2 * *cap : 64;
			*v = xreallocarray(*v, *cap, sizeof **v);
		}
		(*v)[(*n)++] = (struct att_wline){start, start + fit};
		start += fit;
	} while (start < end);
}

size_t
att_wrap(const char *s, size_t n, int w, struct att_wline **out)
{
	struct att_wline *v = NULL;
	size_t nv = 0, cap = 0, start = 0;

	if (w < 1)
		w = 1;
	*out = NULL;
	if (n == 0)
		return 0;
	char *breaks = xmalloc(n);
	u8_width_linebreaks((const uint8_t *)s, n, w, 0, 0, NULL, "UTF-8", breaks);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n' || breaks[i] == UC_BREAK_MANDATORY) {
			wline_add(&v, &nv, &cap, s, start, i, w);
			start = s[i] == '\n' ? i + 1 : i;
		} else if (breaks[i] == UC_BREAK_POSSIBLE && i > start) {
			wline_add(&v, &nv, &cap, s, start, i, w);
			start = i;
		}
	}
	if (start < n)
		wline_add(&v, &nv, &cap, s, start, n, w);
	free(breaks);
	*out = v;
	return nv;
}

char *
att_clean_cut(const char *raw, size_t n, const size_t *cuts, size_t ncuts, unsigned flags,
	      size_t *mapped, size_t *len)
{
	struct buf out = BUF_INIT;
	size_t from = 0;

	flags |= att_draw_ascii ? ATT_SAN_ASCII : 0;
	for (size_t i = 0; i < ncuts; i++) {
		size_t c = cuts[i] > n ? n : cuts[i];
		if (c > from) {
			att_sanitize(&out, raw + from, c - from, flags);
			from = c;
		}
		mapped[i] = out.len;
	}
	if (from < n)
		att_sanitize(&out, raw + from, n - from, flags);
	*len = out.len;
	return out.data ? buf_steal(&out) : xstrdup("");
}
