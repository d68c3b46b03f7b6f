/* lang.c: the language of an article from its most frequent short words.
 * A stop-word profile is enough to tell the languages of a news corpus
 * apart; when no language stands out, the answer is "unknown" (NULL). */
#include "config.h"

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"

static const struct profile {
	const char *code;
	const char *const words[24];
} profiles[] = {
	{"it", {"il", "la", "di", "che", "\xc3\xa8", "non", "per", "una", "sono", "della", "del",
		"dei", "nel", "nella", "gli", "le", "con", "da", "alla", "anche", "ha", "si", "ma", NULL}},
	{"en", {"the", "of", "and", "to", "is", "that", "for", "with", "was", "on", "by", "are",
		"from", "has", "have", "it", "as", "at", "be", "this", "which", "were", "its", NULL}},
	{"fr", {"le", "les", "des", "est", "une", "et", "du", "dans", "que", "pour", "au", "sur",
		"qui", "pas", "avec", "ce", "sont", "aux", "ont", "mais", "cette", "par", NULL}},
	{"es", {"el", "los", "las", "del", "que", "y", "en", "una", "es", "por", "con", "para",
		"se", "al", "como", "fue", "su", "lo", "pero", "sus", "ha", NULL}},
	{"de", {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "sich",
		"des", "auf", "ein", "eine", "dem", "im", "auch", "wurde", "nach", "bei", NULL}},
};
#define NPROFILES (sizeof profiles / sizeof profiles[0])

static int
word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* The stop words of all profiles in one sorted table, each with the
 * profiles it belongs to, built once. */
struct stopword {
	const char *w;
	unsigned mask;
};
static struct stopword table[NPROFILES * 24];
static size_t ntable;
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static int
cmp_stopword(const void *a, const void *b)
{
	return strcmp(((const struct stopword *)a)->w, ((const struct stopword *)b)->w);
}

static void
build_table(void)
{
	for (size_t p = 0; p < NPROFILES; p++) {
		for (const char *const *sw = profiles[p].words; *sw; sw++) {
			size_t i;
			for (i = 0; i < ntable && strcmp(table[i].w, *sw) != 0; i++)
				;
			if (i == ntable)
				table[ntable++].w = *sw;
			table[i].mask |= 1u << p;
		}
	}
	qsort(table, ntable, sizeof *table, cmp_stopword);
}

const char *
detect_lang(const char *text, size_t len)
{
	unsigned score[NPROFILES] = {0};
	char w[8];
	size_t i = 0, words = 0;

	pthread_once(&table_once, build_table);
	if (len > 16384)
		len = 16384;
	while (i < len) {
		while (i < len && !word_char((unsigned char)text[i]))
			i++;
		size_t s = i;
		while (i < len && word_char((unsigned char)text[i]))
			i++;
		size_t n = i - s;
		if (n == 0)
			continue;
		words++;
		if (n >= sizeof w)
			continue; /* no stop word is that long */
		for (size_t k = 0; k < n; k++) {
			char c = text[s + k];
			w[k] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
		}
		w[n] = '\0';
		struct stopword key = {w, 0};
		const struct stopword *hit = bsearch(&key, table, ntable, sizeof *table, cmp_stopword);
		if (hit)
			for (size_t p = 0; p < NPROFILES; p++)
				if (hit->mask & (1u << p))
					score[p]++;
	}
	size_t best = 0, second = NPROFILES;
	for (size_t p = 1; p < NPROFILES; p++) {
		if (score[p] > score[best]) {
			second = best;
			best = p;
		} else if (second == NPROFILES || score[p] > score[second]) {
			second = p;
		}
	}
	unsigned s2 = second < NPROFILES ? score[second] : 0;
	/* Enough evidence, and clearly ahead of the next language. */
	if (score[best] < 3 || score[best] * 10 < words || score[best] * 2 < s2 * 3)
		return NULL;
	return profiles[best].code;
}
