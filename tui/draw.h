/* draw.h: drawing sanitised text by display columns. Nothing here lets
 * curses wrap a line: every function clips at the width it is given. */
#ifndef ATTACHE_DRAW_H
#define ATTACHE_DRAW_H

#include <stddef.h>

#include "tui/colors.h"

/* Plain text: a colour pair of the terminal's own colours when it has
 * them (else 0), so that going back to plain text from a coloured name
 * costs a colour change (ESC [ 3 9 m) instead of a reset of every
 * attribute and the colour. Looks the same as 0. Set by att_colors_apply(). */
extern attr_t att_plain;
/* The background of every window: the theme's "normal" colours when it
 * has its own, else nothing (the terminal's own background shows). */
extern attr_t att_background;

/* 1 when the locale is not UTF-8: draw ASCII only. Set by att_draw_init(). */
extern int att_draw_ascii;

/* ABOVE drawn over UNDER: the attributes of both, and the colour pair of
 * ABOVE, or of UNDER when ABOVE has none or plain text's colours (a slot
 * left at "default"; or-ing two pairs would make a third). */
attr_t att_attr_over(attr_t under, attr_t above);

/* Reads the locale (after setlocale). */
void att_draw_init(void);

/* Sanitises S[0..N) for the terminal (ASCII placeholders in ASCII mode). */
char *att_draw_clean(const char *s, size_t n, unsigned flags);

/* Display width of the valid, sanitised UTF-8 string S[0..N). */
int att_text_width(const char *s, size_t n);

/* Draws the sanitised UTF-8 text S[0..N) at the cursor of WIN with ATTR,
 * at most MAXW columns; a wide character that would cross the limit
 * becomes a space. Returns the columns drawn. */
int att_draw_text(WINDOW *win, const char *s, size_t n, int maxw, attr_t attr);

/* Like att_draw_text but sanitises first (for text straight from the index). */
int att_draw_raw(WINDOW *win, const char *s, size_t n, int maxw, attr_t attr);

/* Draws S truncated to MAXW columns with an ellipsis when it does not fit,
 * then pads with spaces to exactly MAXW when PAD. Returns columns drawn. */
int att_draw_fit(WINDOW *win, const char *s, int maxw, attr_t attr, int pad);

/* Pads with spaces from the cursor to column X (exclusive) of WIN. */
void att_draw_pad(WINDOW *win, int x, attr_t attr);

/* Byte length of the longest prefix of S[0..N) that fits MAXW columns,
 * cut at a character boundary; *WIDTH gets its width. */
size_t att_text_fit(const char *s, size_t n, int maxw, int *width);

/* Formats N with thousands separators ("4,512") into BUF. */
char *att_fmt_count(long long n, char *buf, size_t size);

/* The shading characters: " .:-=+*#%@" in ASCII, " ░▒▓█" otherwise. */
const char *att_shade(int step, int steps);

/* Horizontal and vertical line characters for the current mode. */
const char *att_hline(void);
const char *att_vline(void);
const char *att_ellipsis(void);

#endif

/* One wrapped line: bytes [start, end) of the text, trailing spaces and
 * the newline left out. */
struct att_wline {
	size_t start, end;
};

/* Wraps the sanitised text S[0..N) (newlines kept) at W columns, at the
 * line-break opportunities of UAX #14 (libunistring), keeping paragraphs;
 * a word wider than W is cut at a character boundary. Returns the number
 * of lines, stored in *OUT (owned by the caller). */
size_t att_wrap(const char *s, size_t n, int w, struct att_wline **out);

/* Sanitises RAW[0..N) in chunks cut at the sorted offsets CUTS[0..NCUTS)
 * (which must lie in 0..N), so that MAPPED[i] is where CUTS[i] lands in
 * the result. Returns the sanitised text (owned by the caller), its
 * length in *LEN. */
char *att_clean_cut(const char *raw, size_t n, const size_t *cuts, size_t ncuts, unsigned flags,
		    size_t *mapped, size_t *len);
