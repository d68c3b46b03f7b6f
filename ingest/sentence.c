/* sentence.c: a sentence splitter for Italian and English news.
 *
 * Written by hand: libunistring has word and line breaking but no sentence
 * breaking (UAX #29 sentence rules), and those rules would in any case end
 * a sentence after "nov." or "gen." before a capitalised word; news text
 * needs a list of abbreviations. */
#include "config.h"

#include "ingest/sentence.h"

#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "model/util.h"

/* Words that a period does not end a sentence after (folded to lowercase
 * ASCII): titles, months, and the usual Latin and Italian short forms. */
static const char *const abbrevs[] = {
	"sig", "sigg", "sigra", "dott", "dr", "dssa", "prof", "avv", "ing", "sen", "gen", "magg",
	"mons", "st", "mr", "mrs", "ms", "jr", "sr", "rev", "gov", "pres", "amb", "lt", "sgt",
	"capt", "cmdr", "adm", "ecc", "etc", "cfr", "vs", "nr", "n", "art", "artt", "pag", "pagg",
	"pp", "vol", "fig", "tel", "cit", "ibid", "inc", "ltd", "corp", "dept", "univ", "approx",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"genn", "febb", "mag", "giu", "lug", "ago", "sett", "ott", "dic", "mln", "mld", "mrd",
};

/* 1 when the word that ends at TEXT[END) (before a period) is an
 * abbreviation or an initial. */
static int
abbrev_before(const char *text, size_t end)
{
	size_t start = end;
	while (start > 0) {
		ucs4_t c;
		const uint8_t *prev = u8_prev(&c, (const uint8_t *)text + start, (const uint8_t *)text);
		if (prev == NULL)
			break;
		if (!uc_is_alpha(c))
			break;
		start = (size_t)(prev - (const uint8_t *)text);
	}
	size_t n = end - start;
	if (n == 0)
		return 0;
	ucs4_t first;
	int k = u8_mbtouc(&first, (const uint8_t *)text + start, n);
	if (k > 0 && (size_t)k == n && uc_is_upper(first))
		return 1; /* an initial: J. Biden, U.S. */
	if (n > 8)
		return 0;
	char w[9];
	for (size_t i = 0; i < n; i++) {
		char c = text[start + i];
		w[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	w[n] = '\0';
	for (size_t i = 0; i < ATT_ARRAY_LEN(abbrevs); i++)
		if (abbrevs[i][0] == w[0] && strcmp(w, abbrevs[i]) == 0)
			return 1;
	return 0;
}

static int
is_space(ucs4_t c)
{
	return c == ' ' || c == '\t' || c == 0xa0 || c == '\r' || c == 0x202f || c == 0x2009;
}

static int
is_closer(ucs4_t c)
{
	return c == '"' || c == '\'' || c == 0x201d || c == 0x2019 || c == 0xbb || c == ')' ||
	       c == ']' || c == 0x203a;
}

static int
is_opener(ucs4_t c)
{
	return c == '"' || c == '\'' || c == 0x201c || c == 0x2018 || c == 0xab || c == '(' ||
	       c == '[' || c == 0x201e || c == 0x2039 || c == '-' || c == 0x2013 || c == 0x2014;
}

static void
emit(const char *text, size_t a, size_t b, struct spanlist *out)
{
	ucs4_t c;
	while (a < b) {
		int k = u8_mbtouc(&c, (const uint8_t *)text + a, b - a);
		if (k <= 0 || !(is_space(c) || c == '\n'))
			break;
		a += (size_t)k;
	}
	while (b > a) {
		const uint8_t *p = u8_prev(&c, (const uint8_t *)text + b, (const uint8_t *)text + a);
		if (p == NULL || !(is_space(c) || c == '\n'))
			break;
		b = (size_t)(p - (const uint8_t *)text);
	}
	if (b <= a)
		return;
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 64;
		out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
	}
	out->v[out->n].pos = a;
	out->v[out->n].len = b - a;
	out->n++;
}

/* Decodes the code point at I (invalid bytes count as U+FFFD, length 1). */
static size_t
at(const char *text, size_t len, size_t i, ucs4_t *c)
{
	int k = u8_mbtouc(c, (const uint8_t *)text + i, len - i);
	return k > 0 ? (size_t)k : 1;
}

/* 1 when the line break at NL only wraps a line: the text before it (in
 * the sentence begun at START) ends in a letter, a digit or a comma, and
 * the next line goes on in lowercase. Other line breaks end a sentence:
 * scraped news keeps one paragraph, title or caption per line. */
static int
wrapped_line(const char *text, size_t len, size_t start, size_t nl)
{
	ucs4_t c = 0;
	const uint8_t *p = (const uint8_t *)text + nl;
	while (p > (const uint8_t *)text + start) {
		const uint8_t *q = u8_prev(&c, p, (const uint8_t *)text + start);
		if (q == NULL)
			return 0;
		if (!is_space(c))
			break;
		p = q;
	}
	if (p == (const uint8_t *)text + start || !(uc_is_alpha(c) || uc_is_digit(c) || c == ','))
		return 0;
	size_t i = nl + 1;
	while (i < len) {
		size_t k = at(text, len, i, &c);
		if (!is_space(c))
			break;
		i += k;
	}
	return i < len && uc_is_lower(c);
}

void
split_sentences(const char *text, size_t len, struct spanlist *out)
{
	size_t start = 0, i = 0;

	while (i < len) {
		unsigned char b = (unsigned char)text[i];
		if (b < 0x80 && b != '\n' && b != '.' && b != '!' && b != '?') {
			i++; /* most bytes: nothing to decide */
			continue;
		}
		ucs4_t c;
		size_t k = at(text, len, i, &c);
		if (c == '\n') {
			if (!wrapped_line(text, len, start, i)) {
				emit(text, start, i, out);
				start = i + k;
			}
			i += k;
			continue;
		}
		if (!(c == '.' || c == '!' || c == '?' || c == 0x2026)) {
			i += k;
			continue;
		}
		size_t p = i + k;
		int single_dot = c == '.';
		/* A run of terminators, then closing quotes and brackets. */
		while (p < len) {
			ucs4_t d;
			size_t m = at(text, len, p, &d);
			if (d == '.' || d == '!' || d == '?' || d == 0x2026) {
				single_dot = 0;
				p += m;
			} else {
				break;
			}
		}
		while (p < len) {
			ucs4_t d;
			size_t m = at(text, len, p, &d);
			if (!is_closer(d))
				break;
			p += m;
		}
		size_t q = p;
		int spaces = 0;
		while (q < len) {
			ucs4_t d;
			size_t m = at(text, len, q, &d);
			if (!is_space(d))
				break;
			q += m;
			spaces++;
		}
		int brk = 0;
		if (q >= len) {
			brk = 1;
		} else if (spaces > 0) {
			ucs4_t d;
			at(text, len, q, &d);
			brk = d == '\n' || uc_is_upper(d) || uc_is_property_titlecase(d) || uc_is_digit(d) ||
			      is_opener(d);
		}
		if (brk && single_dot && abbrev_before(text, i))
			brk = 0;
		if (brk) {
			emit(text, start, p, out);
			start = p;
		}
		i = p > i ? p : i + k;
	}
	emit(text, start, len, out);
}

void
spanlist_free(struct spanlist *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
