/* sentence.h: splitting a text into sentences. */
#ifndef ATTACHE_SENTENCE_H
#define ATTACHE_SENTENCE_H

#include <stddef.h>

struct span {
	size_t pos, len;
};
struct spanlist {
	struct span *v;
	size_t n, cap;
};

/* Appends to OUT the sentences of TEXT[0..LEN), trimmed of white space:
 * a sentence ends at . ! ? or … (with any closing quotes or brackets)
 * followed by white space and an uppercase letter, a digit or an opening
 * quote, and at line breaks (except one that wraps a line: a letter or a
 * comma before it, a lowercase letter after it); abbreviations (nov., sig., Mr., U.S.),
 * initials (J. Biden) and numbers (3.5, 30.000) do not end one. */
void split_sentences(const char *text, size_t len, struct spanlist *out);
void spanlist_free(struct spanlist *l);

#endif
