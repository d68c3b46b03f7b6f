/* find.c: case- and accent-insensitive search for the article view. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "model/text.h"
#include "model/util.h"
#include "tui/find.h"

/* Folds TEXT one character at a time, as att_fold folds it whole, into B;
 * (*MAP)[k] is the offset in TEXT of the character folded byte k came
 * from, and (*MAP)[length] is N. */
static void
fold_mapped(const char *text, size_t n, struct buf *b, size_t **map)
{
	size_t cap = n + 1, len = 0;
	*map = xreallocarray(NULL, cap, sizeof **map);
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)text[i];
		int l = 1;
		if (c >= 0x80 || c == 0) {
			l = u8_mblen((const uint8_t *)text + i, n - i);
			if (l < 1)
				l = 1;
			size_t fl;
			char *f = att_fold(text + i, (size_t)l, &fl);
			buf_add(b, f, fl);
			free(f);
		} else {
			buf_addc(b, att_fold_ascii(c)); /* the short way */
		}
		while (cap < b->len + 1) {
			cap *= 2;
			*map = xreallocarray(*map, cap, sizeof **map);
		}
		while (len < b->len)
			(*map)[len++] = i;
		i += (size_t)l;
	}
	(*map)[len] = n;
}

size_t
att_find_all(const char *text, size_t n, const char *needle, struct att_hit **hits)
{
	size_t nl, cap = 0, count = 0;
	char *f = att_fold(needle, strlen(needle), &nl);
	struct buf b = BUF_INIT;
	size_t *map;

	*hits = NULL;
	fold_mapped(text, n, &b, &map);
	for (size_t k = 0; nl > 0 && k + nl <= b.len;) {
		if (memcmp(b.data + k, f, nl) != 0) {
			k++;
			continue;
		}
		/* The end: past the character that holds the last folded byte. */
		size_t last = map[k + nl - 1], e = k + nl;
		while (e < b.len && map[e] == last)
			e++;
		if (count == cap) {
			cap = cap ? 2 * cap : 16;
			*hits = xreallocarray(*hits, cap, sizeof **hits);
		}
		(*hits)[count++] = (struct att_hit){map[k], e < b.len ? map[e] : n};
		k = e;
	}
	free(map);
	buf_free(&b);
	free(f);
	return count;
}
