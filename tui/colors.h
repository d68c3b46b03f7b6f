/* colors.h: the colour slots of the browser (from colors.def) and the
 * active theme. tui/theme.c may change att_theme before att_colors_apply(). */
#ifndef ATTACHE_COLORS_H
#define ATTACHE_COLORS_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <curses.h>

enum att_color {
#define COLOR(id, name, fg, bg, attr, help) COL_##id,
#include "tui/colors.def"
#undef COLOR
	COL_COUNT
};

struct att_color_spec {
	short fg, bg;  /* 0..255 or -1 (terminal default) */
	attr_t attr;
};

struct att_color_info {
	const char *name;
	struct att_color_spec def;
	const char *help;
};

/* Names, defaults and help, indexed by enum att_color. */
extern const struct att_color_info att_colors[COL_COUNT];

/* The active theme: the defaults until a theme or the config changes it. */
extern struct att_color_spec att_theme[COL_COUNT];

/* What to draw each slot with (colour pair and attributes), filled by
 * att_colors_apply(). */
extern attr_t att_color_attr[COL_COUNT];

/* The slot named NAME, or -1. */
int att_color_by_name(const char *name);

/* Turns att_theme into colour pairs for the terminal: full colour with 256
 * colours, colours mapped down with 8 or 16, attributes only when MONO
 * (NO_COLOR, or no colours at all). Call after initscr/newterm. */
void att_colors_apply(int mono);

/* 1 when the terminal has 256 colours and they are in use (heat ramp). */
extern int att_colors_256;
/* 1 when colours are in use at all. */
extern int att_colors_on;

#endif
