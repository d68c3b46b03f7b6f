/* lang.c: the language of an article from its most frequent short words.
 * A stop-word profile is enough to tell the languages of a news corpus
 * apart; when no language stands out, the answer is "unknown" (NULL). */
#include "config.h"

#include <stddef.h>
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

const char *
detect_lang(const char *text, size_t len)
{
	unsigned score[NPROFILES] = {0};
	char w[16];
	size_t i = 0, words = 0;

	if (len > 16384)
		len = 16384;
	while (i < len) {
		while (i < len && !word_char((unsigned char)text[i]))
			i++;
		size_t s = i;
		while (i < len && word_char((unsigned char)text[i]))
			i++;
		size_t n = i - s;
		if (n == 0 || n >= sizeof w)
			continue;
		words++;
		for (size_t k = 0; k < n; k++) {
			char c = text[s + k];
			w[k] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
		}
		w[n] = '\0';
		for (size_t p = 0; p < NPROFILES; p++)
			for (const char *const *sw = profiles[p].words; *sw; sw++)
				if (strcmp(*sw, w) == 0)
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
