/* theme_color.c: colours by name, number or #rrggbb, colour specs, and
 * stepping them down to what the terminal has. No files, no curses calls:
 * draw.c links this alone. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "model/text.h"
#include "tui/theme.h"

static const char *const color_names[8] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char *name;
	attr_t attr;
} attr_names[] = {
	{"bold", A_BOLD},
	{"dim", A_DIM},
	{"underline", A_UNDERLINE},
	{"reverse", A_REVERSE},
	{"italic", A_ITALIC},
	{"blink", A_BLINK},
	{"standout", A_STANDOUT},
};

/* The xterm values of the 16 basic colours; terminals differ, so these
 * only serve to find the nearest colour when stepping down. */
static const unsigned char basic_rgb[16][3] = {
	{0, 0, 0}, {205, 0, 0}, {0, 205, 0}, {205, 205, 0},
	{0, 0, 238}, {205, 0, 205}, {0, 205, 205}, {229, 229, 229},
	{127, 127, 127}, {255, 0, 0}, {0, 255, 0}, {255, 255, 0},
	{92, 92, 255}, {255, 0, 255}, {0, 255, 255}, {255, 255, 255},
};

static const int cube_level[6] = {0, 95, 135, 175, 215, 255};

/* The RGB value of palette colour C (0..255). */
static void
palette_rgb(int c, int rgb[3])
{
	if (c < 16) {
		for (int i = 0; i < 3; i++)
			rgb[i] = basic_rgb[c][i];
	} else if (c < 232) {
		c -= 16;
		rgb[0] = cube_level[c / 36];
		rgb[1] = cube_level[(c / 6) % 6];
		rgb[2] = cube_level[c % 6];
	} else {
		rgb[0] = rgb[1] = rgb[2] = 8 + 10 * (c - 232);
	}
}

/* Squared distance, weighted roughly as the eye weighs the channels. */
static long
rgb_dist(const int a[3], const int b[3])
{
	long dr = a[0] - b[0], dg = a[1] - b[1], db = a[2] - b[2];
	return 3 * dr * dr + 4 * dg * dg + 2 * db * db;
}

/* The palette colour in [FROM, TO) nearest to RGB. */
static short
nearest(const int rgb[3], int from, int to)
{
	long best = LONG_MAX;
	short found = (short)from;

	for (int c = from; c < to; c++) {
		int p[3];
		palette_rgb(c, p);
		long d = rgb_dist(rgb, p);
		if (d < best) {
			best = d;
			found = (short)c;
		}
	}
	return found;
}

short
att_color_from_rgb(int r, int g, int b)
{
	int rgb[3] = {r, g, b};
	/* Only 16..255: the first 16 vary from terminal to terminal. */
	return nearest(rgb, 16, 256);
}

short
att_color_step(short c, int ncolors, attr_t *attr)
{
	if (c < 0 || c < ncolors)
		return c;
	if (c >= 16) {
		int rgb[3];
		palette_rgb(c, rgb);
		c = nearest(rgb, 0, 16);
	}
	if (c >= 8 && ncolors < 16) {
		c = (short)(c - 8);
		if (attr)
			*attr |= A_BOLD;
	}
	return c;
}

void
att_color_resolve(const struct att_color_spec *spec, int ncolors, short *fg, short *bg, attr_t *attr)
{
	attr_t bold = 0;

	*attr = spec->attr;
	*fg = att_color_step(spec->fg, ncolors, &bold);
	*bg = att_color_step(spec->bg, ncolors, NULL);
	*attr |= bold;
	if (*fg >= 0 && *fg == *bg) {
		int rgb[3];
		palette_rgb(*bg, rgb);
		int light = 299 * rgb[0] + 587 * rgb[1] + 114 * rgb[2] > 128 * 1000;
		*fg = light ? COLOR_BLACK : (ncolors >= 16 ? 15 : COLOR_WHITE);
		if (*fg == *bg)
			*fg = light ? COLOR_BLUE : COLOR_YELLOW;
		*attr |= A_BOLD;
	}
}

/* Parses a decimal number 0..MAX with nothing around it. */
static int
parse_uint(const char *s, long max, long *out)
{
	char *end;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (*end != '\0' || errno == ERANGE || v > max)
		return -1;
	*out = v;
	return 0;
}

static int
hexval(char c)
{
	return isdigit((unsigned char)c) ? c - '0' : tolower((unsigned char)c) - 'a' + 10;
}

int
att_color_parse(const char *word, short *color, struct att_err *err)
{
	long v;

	if (strcasecmp(word, "default") == 0 || strcmp(word, "-1") == 0) {
		*color = -1;
		return 0;
	}
	for (int i = 0; i < 8; i++) {
		if (strcasecmp(word, color_names[i]) == 0) {
			*color = (short)i;
			return 0;
		}
		if (strncasecmp(word, "bright", 6) == 0) {
			const char *rest = word + 6 + (word[6] == '-');
			if (strcasecmp(rest, color_names[i]) == 0) {
				*color = (short)(i + 8);
				return 0;
			}
		}
	}
	if (strcasecmp(word, "grey") == 0 || strcasecmp(word, "gray") == 0) {
		*color = 8;
		return 0;
	}
	const char *num = word;
	if (strncasecmp(word, "colour", 6) == 0)
		num = word + 6;
	else if (strncasecmp(word, "color", 5) == 0)
		num = word + 5;
	if (isdigit((unsigned char)*num)) {
		if (parse_uint(num, 255, &v) != 0)
			return att_err_set(err, EX_CONFIG, "colour number '%.40s' is not 0..255", word), -1;
		*color = (short)v;
		return 0;
	}
	if (word[0] == '#') {
		size_t n = strspn(word + 1, "0123456789abcdefABCDEF");
		if (word[1 + n] == '\0' && (n == 6 || n == 3)) {
			int rgb[3];
			for (int i = 0; i < 3; i++)
				rgb[i] = n == 6 ? hexval(word[1 + 2 * i]) * 16 + hexval(word[2 + 2 * i])
						: hexval(word[1 + i]) * 17;
			*color = att_color_from_rgb(rgb[0], rgb[1], rgb[2]);
			return 0;
		}
		return att_err_set(err, EX_CONFIG, "'%.40s' is not a #rrggbb colour", word), -1;
	}
	char *safe = att_sanitize_dup(word, strlen(word), 0);
	att_err_set(err, EX_CONFIG,
		    "unknown colour '%.60s' (a name like red or bright-red, 0..255, #rrggbb, or default)", safe);
	free(safe);
	return -1;
}

void
att_color_format(struct buf *out, short c)
{
	if (c < 0)
		buf_adds(out, "default");
	else if (c < 8)
		buf_adds(out, color_names[c]);
	else if (c < 16)
		buf_printf(out, "bright-%s", color_names[c - 8]);
	else
		buf_printf(out, "%d", c);
}

int
att_color_spec_parse(const char *text, struct att_color_spec *spec, struct att_err *err)
{
	char *copy = xstrdup(text), *save = NULL;
	int ncolors = 0, rc = 0;
	struct att_color_spec s = {-1, -1, A_NORMAL};

	for (char *w = strtok_r(copy, " \t,", &save); w && rc == 0; w = strtok_r(NULL, " \t,", &save)) {
		int found = 0;
		if (strcasecmp(w, "normal") == 0 || strcasecmp(w, "none") == 0)
			continue;
		for (size_t i = 0; i < ATT_ARRAY_LEN(attr_names); i++) {
			if (strcasecmp(w, attr_names[i].name) == 0) {
				s.attr |= attr_names[i].attr;
				found = 1;
			}
		}
		if (found)
			continue;
		short c;
		if (ncolors == 2) {
			char *safe = att_sanitize_dup(w, strlen(w), 0);
			rc = att_err_set(err, EX_CONFIG, "'%.60s' is neither an attribute nor a third colour "
					 "(FG BG then bold dim underline reverse italic blink standout)", safe);
			free(safe);
		} else if (att_color_parse(w, &c, err) != 0) {
			rc = EX_CONFIG;
		} else if (ncolors++ == 0) {
			s.fg = c;
		} else {
			s.bg = c;
		}
	}
	if (rc == 0 && ncolors == 0 && s.attr == A_NORMAL && strspn(text, " \t") == strlen(text))
		rc = att_err_set(err, EX_CONFIG, "empty colour (write FG BG ATTRS, e.g. 'red default bold')");
	free(copy);
	if (rc != 0)
		return -1;
	*spec = s;
	return 0;
}

void
att_color_spec_format(struct buf *out, const struct att_color_spec *spec)
{
	att_color_format(out, spec->fg);
	buf_addc(out, ' ');
	att_color_format(out, spec->bg);
	for (size_t i = 0; i < ATT_ARRAY_LEN(attr_names); i++) {
		if ((spec->attr & attr_names[i].attr) == attr_names[i].attr) {
			buf_addc(out, ' ');
			buf_adds(out, attr_names[i].name);
		}
	}
}
