/* theme.h: colours by name, number or #rrggbb; colour specs ("fg bg
 * attrs"); stepping colours down to what the terminal has; theme files
 * (themes/NAME.ini) found in the user's directory, the build tree and the
 * installed data. No curses calls here except the A_ and COLOR_ constants. */
#ifndef ATTACHE_THEME_H
#define ATTACHE_THEME_H

#include <stddef.h>

#include "model/util.h"
#include "tui/colors.h"
#include "tui/conf_ini.h"

/* Parses one colour: "default", a name ("red", "bright-red"), a number
 * 0..255 ("colour123" too), or "#rrggbb"/"#rgb" (taken to the nearest of
 * the 256-colour palette). Returns 0, or -1 with the reason in ERR. */
int att_color_parse(const char *word, short *color, struct att_err *err);

/* Appends the canonical name of colour C ("default", "red", "bright-red",
 * "208"). */
void att_color_format(struct buf *out, short c);

/* Parses "FG [BG] [ATTR...]" (ATTR: bold dim underline reverse italic
 * blink standout normal). Returns 0, or -1 with the reason in ERR. */
int att_color_spec_parse(const char *text, struct att_color_spec *spec, struct att_err *err);

/* Appends SPEC in the form att_color_spec_parse reads. */
void att_color_spec_format(struct buf *out, const struct att_color_spec *spec);

/* The nearest colour of the 256-colour palette (16..255) to R,G,B. */
short att_color_from_rgb(int r, int g, int b);

/* Steps colour C (0..255 or -1) down to a terminal with NCOLORS colours:
 * 256 -> 16 -> 8 by nearest colour. A bright foreground on an 8-colour
 * terminal becomes the plain colour with A_BOLD added to *ATTR. */
short att_color_step(short c, int ncolors, attr_t *attr);

/* Steps SPEC for a terminal with NCOLORS colours into *FG, *BG, *ATTR,
 * never ending with foreground equal to background: when they collide a
 * contrasting foreground is chosen and A_BOLD added. */
void att_color_resolve(const struct att_color_spec *spec, int ncolors,
		       short *fg, short *bg, attr_t *attr);

/* One theme that can be used. */
struct att_theme_file {
	char *name;   /* "solarized-dark" */
	char *path;   /* the file */
	const char *origin; /* "user", "build" or "installed" */
};

/* Lists the themes found, sorted by name, a user theme hiding an
 * installed one of the same name. Free with att_theme_files_free. */
void att_theme_files(struct att_theme_file **list, size_t *n);
void att_theme_files_free(struct att_theme_file *list, size_t n);

/* Loads theme NAME (a name from att_theme_files, or a path holding '/')
 * into SPECS: slots it does not set keep the built-in defaults. Problems
 * go to MSGS. Returns 0, or -1 (missing, unreadable, or not one good
 * slot) after filling SPECS with the built-in defaults and adding a
 * message that says so. */
int att_theme_load(const char *name, struct att_color_spec specs[COL_COUNT],
		   struct att_msgs *msgs);

/* The built-in monochrome theme: the attributes of colors.def without
 * colours, with the heat ramp told apart by attributes. */
void att_theme_mono(struct att_color_spec specs[COL_COUNT]);

/* Drops the colours of SPECS, keeping the attributes (monochrome). */
void att_theme_strip(struct att_color_spec specs[COL_COUNT]);

/* The name of the theme after CURRENT in att_theme_files order (wrapping),
 * or NULL when there is none. The caller frees it. */
char *att_theme_next(const char *current);

#endif
