/* find.h: finding a text in a longer one as the filter does, case- and
 * accent-insensitively ("citta" finds "Città"), with the matches as byte
 * ranges of the longer text. */
#ifndef ATT_TUI_FIND_H
#define ATT_TUI_FIND_H

#include <stddef.h>

struct att_hit {
	size_t start, end; /* bytes of the text searched */
};

/* The non-overlapping matches of NEEDLE in TEXT (N bytes), first to last,
 * in *HITS (free() it); returns their number (0: *HITS is NULL). A match
 * covers whole characters of TEXT. */
size_t att_find_all(const char *text, size_t n, const char *needle, struct att_hit **hits);

#endif
