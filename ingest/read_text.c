/* read_text.c: plain-text articles as scraped from news sites: the title,
 * a date marker or dated line, the agency, and boilerplate (banners,
 * comment forms, photo credits) kept out of the body.
 *
 * Everything works on lines, with small tables of patterns in Italian and
 * English. A pattern only drops a short line that matches it from its
 * start, so prose is not lost by mistake; the text as read is kept in
 * `original` anyway. */
#include "config.h"

#include "ingest/read.h"

#include <stdlib.h>
#include <string.h>

#include "model/text.h"

/* ------------------------------------------------------------------ lines */

struct line {
	const char *s; /* into the normalised copy */
	size_t len;
	size_t chars; /* code points, once classified */
	enum { L_TEXT, L_BLANK, L_DROP } kind;
};

struct lines {
	struct line *v;
	size_t n, cap;
	struct buf text; /* the normalised text the lines point into */
};

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

/* Length of the NBSP (U+00A0) or narrow NBSP (U+202F) at S, or 0. */
static size_t
nbsp_len(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	if (n >= 2 && p[0] == 0xc2 && p[1] == 0xa0)
		return 2;
	if (n >= 3 && p[0] == 0xe2 && p[1] == 0x80 && p[2] == 0xaf)
		return 3;
	return 0;
}

/* The bytes that may start a blank: a space, or the lead byte of a NBSP
 * (0xc2) or of a narrow NBSP (0xe2). */
static const unsigned char blank_start[256] = {
	[' '] = 1, ['\t'] = 1, ['\f'] = 1, ['\v'] = 1, [0xc2] = 1, [0xe2] = 1,
};

/* Appends one line, with runs of blanks that hold a non-breaking space
 * made one space, and the ends trimmed. */
static void
add_line(struct lines *ls, const char *s, size_t n)
{
	size_t start = ls->text.len;
	size_t i = 0;

	buf_reserve(&ls->text, n + 1);
	while (i < n) {
		/* Copy in one go up to the next run of blanks that holds a
		 * NBSP (made one space); other runs stay as they are. */
		size_t j = i, end = n;
		int squeeze = 0;
		while (!squeeze) {
			while (j < n && !blank_start[(unsigned char)s[j]])
				j++;
			if (j >= n)
				break;
			size_t e = j, run = 0, nb = 0, k;
			for (;;) {
				if (e < n && is_space((unsigned char)s[e])) {
					e++;
					run++;
				} else if ((k = nbsp_len(s + e, n - e)) != 0) {
					e += k;
					run++;
					nb++;
				} else {
					break;
				}
			}
			if (nb > 0 && run > 1) {
				squeeze = 1;
				end = e;
			} else {
				j = run ? e : j + 1; /* 0xc2 or 0xe2 starting something else */
			}
		}
		buf_add(&ls->text, s + i, j - i);
		if (squeeze)
			buf_addc(&ls->text, ' ');
		i = squeeze ? end : n;
	}
	buf_addc(&ls->text, '\0');
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 64;
		ls->v = xreallocarray(ls->v, ls->cap, sizeof *ls->v);
	}
	/* Offsets for now: the buffer may move until all lines are in. */
	ls->v[ls->n].s = (const char *)(uintptr_t)start;
	ls->v[ls->n].len = ls->text.len - 1 - start;
	ls->v[ls->n].kind = L_TEXT;
	ls->v[ls->n].chars = 0;
	ls->n++;
}

/* Trims blanks (and NBSP) at both ends of a line. */
static void
trim(struct line *l)
{
	for (;;) {
		size_t k;
		if (l->len && is_space((unsigned char)l->s[0])) {
			l->s++;
			l->len--;
		} else if ((k = nbsp_len(l->s, l->len)) != 0) {
			l->s += k;
			l->len -= k;
		} else {
			break;
		}
	}
	for (;;) {
		if (l->len && is_space((unsigned char)l->s[l->len - 1]))
			l->len--;
		else if (l->len >= 2 && nbsp_len(l->s + l->len - 2, 2))
			l->len -= 2;
		else if (l->len >= 3 && nbsp_len(l->s + l->len - 3, 3))
			l->len -= 3;
		else
			break;
	}
	if (l->len == 0)
		l->kind = L_BLANK;
}

static void
split_lines(struct lines *ls, const char *t, size_t n)
{
	size_t i = 0;
	while (i <= n) {
		const char *nl = memchr(t + i, '\n', n - i), *cr;
		size_t j = nl ? (size_t)(nl - t) : n;
		if ((cr = memchr(t + i, '\r', j - i)) != NULL)
			j = (size_t)(cr - t);
		add_line(ls, t + i, j - i);
		if (j >= n)
			break;
		if (t[j] == '\r' && j + 1 < n && t[j + 1] == '\n')
			j++;
		i = j + 1;
	}
	for (size_t k = 0; k < ls->n; k++)
		ls->v[k].s = ls->text.data + (uintptr_t)ls->v[k].s;
}

/* ------------------------------------------------------------------ words */

static int
is_upper_ascii(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Case-insensitive ASCII prefix test. */
static int
has_prefix(const char *s, size_t n, const char *p)
{
	size_t pl = strlen(p);
	return n >= pl && strncasecmp(s, p, pl) == 0;
}

/* Number of space-separated words in S. */
static size_t
count_words(const char *s, size_t n)
{
	size_t w = 0;
	int in = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t') {
			in = 0;
		} else if (!in) {
			in = 1;
			w++;
		}
	}
	return w;
}

/* Number of code points in S: its bytes less the continuation bytes
 * (0x80 to 0xBF: top bits 1 then 0), counted eight at a time. */
static size_t
count_chars(const char *s, size_t n)
{
	size_t cont = 0, i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		/* Bit 7 of each byte: set when bit 7 is and bit 6 is not. */
		uint64_t m = (x & ~(x << 1)) & 0x8080808080808080ull;
		cont += (size_t)(((m >> 7) * 0x0101010101010101ull) >> 56);
	}
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xc0) == 0x80;
	return n - cont;
}

/* ------------------------------------------------------------------ dates */

static const struct {
	const char *name;
	int month;
} month_names[] = {
	{"gennaio", 1}, {"febbraio", 2}, {"marzo", 3}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
	{"luglio", 7}, {"agosto", 8}, {"settembre", 9}, {"ottobre", 10}, {"novembre", 11},
	{"dicembre", 12}, {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5},
	{"june", 6}, {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10},
	{"november", 11}, {"december", 12},
	/* Abbreviations, Italian then English (where they differ). */
	{"gen", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"mag", 5}, {"giu", 6}, {"lug", 7},
	{"ago", 8}, {"set", 9}, {"sett", 9}, {"ott", 10}, {"nov", 11}, {"dic", 12}, {"jan", 1},
	{"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"dec", 12},
};

/* Reads a month name at S; returns its length (with a trailing '.') or 0. */
static size_t
parse_month(const char *s, size_t n, int *month)
{
	size_t w = 0;
	while (w < n && ((s[w] | 0x20) >= 'a' && (s[w] | 0x20) <= 'z'))
		w++;
	if (w < 3)
		return 0;
	for (size_t i = 0; i < ATT_ARRAY_LEN(month_names); i++) {
		if (strlen(month_names[i].name) == w && strncasecmp(s, month_names[i].name, w) == 0) {
			*month = month_names[i].month;
			if (w < n && s[w] == '.')
				w++;
			return w;
		}
	}
	return 0;
}

/* Reads 1 to MAX digits; returns how many. */
static size_t
parse_num(const char *s, size_t n, size_t max, int *v)
{
	size_t i = 0;
	*v = 0;
	while (i < n && i < max && is_digit(s[i]))
		*v = *v * 10 + (s[i++] - '0');
	if (i < n && is_digit(s[i]))
		return 0; /* too many digits */
	return i;
}

static int
valid_ymd(int y, int m, int d)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 0)
		return y >= 1800 && y <= 2200 && d == 0;
	return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && (d == 0 || (d >= 1 && d <= days[m - 1]));
}

static size_t
format_date(char out[11], int y, int m, int d, size_t used)
{
	if (!valid_ymd(y, m, d))
		return 0;
	/* valid_ymd bounds every field, so these fit in 10 characters. */
	unsigned yy = (unsigned)y % 10000, mm = (unsigned)m % 100, dd = (unsigned)d % 100;
	if (m == 0)
		snprintf(out, 11, "%04u", yy);
	else if (d == 0)
		snprintf(out, 11, "%04u-%02u", yy, mm);
	else
		snprintf(out, 11, "%04u-%02u-%02u", yy, mm, dd);
	return used;
}

size_t
parse_date(const char *s, size_t n, char out[11])
{
	int y, m = 0, d = 0;
	size_t k, i;

	out[0] = '\0';
	/* ISO: 2022, 2022-12, 2022-12-20, and a time after it. */
	if ((k = parse_num(s, n, 4, &y)) == 4) {
		i = 4;
		if (i + 2 < n && s[i] == '-' && parse_num(s + i + 1, n - i - 1, 2, &m) == 2) {
			i += 3;
			if (i + 2 < n && s[i] == '-' && parse_num(s + i + 1, n - i - 1, 2, &d) == 2)
				i += 3;
			else if (i + 2 == n && s[i] == '-')
				return 0;
		} else if (i < n && s[i] == '-') {
			return 0;
		}
		if (i < n && (s[i] == 'T' || s[i] == 't' || s[i] == ' ') && d) {
			/* A time follows: read to the end of the token. */
			size_t j = i + 1;
			while (j < n && (is_digit(s[j]) || strchr(":.+-Zz", s[j])))
				j++;
			if (j > i + 1)
				i = j;
		}
		if (i < n && (is_digit(s[i]) || ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')))
			return 0;
		if (m == 0)
			return format_date(out, y, 0, 0, i);
		return format_date(out, y, m, d, i);
	}
	/* 20/12/2022, 20.12.2022, 20-12-2022 */
	if ((k = parse_num(s, n, 2, &d)) > 0 && k < n && strchr("/.-", s[k])) {
		char sep = s[k];
		size_t k2 = parse_num(s + k + 1, n - k - 1, 2, &m);
		if (k2 > 0 && k + 1 + k2 < n && s[k + 1 + k2] == sep) {
			i = k + 2 + k2;
			if (parse_num(s + i, n - i, 4, &y) == 4)
				return format_date(out, y, m, d, i + 4);
		}
		return 0;
	}
	/* 20 Dicembre 2022, 20 dic. 2022 */
	if ((k = parse_num(s, n, 2, &d)) > 0 && k < n && s[k] == ' ') {
		i = k + 1;
		size_t ml = parse_month(s + i, n - i, &m);
		if (ml == 0)
			return 0;
		i += ml;
		if (i < n && s[i] == ' ' && parse_num(s + i + 1, n - i - 1, 4, &y) == 4)
			return format_date(out, y, m, d, i + 5);
		return 0;
	}
	/* December 20, 2022 */
	size_t ml = parse_month(s, n, &m);
	if (ml > 0 && ml < n && s[ml] == ' ' && (k = parse_num(s + ml + 1, n - ml - 1, 2, &d)) > 0) {
		i = ml + 1 + k;
		if (i < n && s[i] == ',')
			i++;
		if (i < n && s[i] == ' ' && parse_num(s + i + 1, n - i - 1, 4, &y) == 4)
			return format_date(out, y, m, d, i + 5);
	}
	return 0;
}

/* ------------------------------------------------------------------ boilerplate */

/* A line that a rule matches is dropped. The patterns are folded (lower
 * case, no accents); a rule applies to lines of at most MAX characters. */
static const struct rule {
	enum { R_EXACT, R_PREFIX } how;
	const char *pat;
	size_t max;
} rules[] = {
	/* Advertising */
	{R_EXACT, "contenuto pubblicitario", 0}, {R_EXACT, "pubblicita", 0},
	{R_EXACT, "contenuto sponsorizzato", 0}, {R_EXACT, "advertisement", 0},
	{R_EXACT, "advertising", 0}, {R_EXACT, "sponsored", 0}, {R_EXACT, "sponsored content", 0},
	{R_PREFIX, "banner ", 80}, {R_PREFIX, "pubblicita ", 40},
	/* Comment forms */
	{R_EXACT, "lascia un commento", 0}, {R_EXACT, "lascia una risposta", 0},
	{R_EXACT, "leave a comment", 0}, {R_EXACT, "leave a reply", 0},
	{R_EXACT, "annulla risposta", 0}, {R_EXACT, "cancel reply", 0},
	{R_EXACT, "commenti", 0}, {R_EXACT, "comments", 0},
	{R_PREFIX, "il tuo indirizzo email non sara pubblicato", 200},
	{R_PREFIX, "il tuo indirizzo e-mail non sara pubblicato", 200},
	{R_PREFIX, "your email address will not be published", 200},
	{R_PREFIX, "i campi obbligatori sono contrassegnati", 120},
	{R_PREFIX, "required fields are marked", 120},
	{R_PREFIX, "salva il mio nome, email e sito web", 200},
	{R_PREFIX, "save my name, email, and website", 200},
	{R_PREFIX, "commento *", 20}, {R_PREFIX, "nome *", 20}, {R_PREFIX, "email *", 20},
	/* Captcha and privacy notices */
	{R_PREFIX, "captcha", 80}, {R_PREFIX, "questo sito usa akismet", 200},
	{R_PREFIX, "this site uses akismet", 200},
	{R_PREFIX, "questo sito utilizza cookie", 250}, {R_PREFIX, "questo sito utilizza i cookie", 250},
	{R_PREFIX, "this website uses cookies", 250}, {R_PREFIX, "we use cookies", 250},
	{R_PREFIX, "accetta i cookie", 80}, {R_PREFIX, "informativa sulla privacy", 80},
	{R_PREFIX, "privacy policy", 60},
	/* Photo credits */
	{R_PREFIX, "autore foto:", 200}, {R_PREFIX, "foto:", 200}, {R_PREFIX, "foto di ", 100},
	{R_PREFIX, "fotografia di ", 100}, {R_PREFIX, "credito foto", 200},
	{R_PREFIX, "crediti foto", 200}, {R_PREFIX, "photo:", 200}, {R_PREFIX, "photo by ", 100},
	{R_PREFIX, "photo credit", 200}, {R_PREFIX, "image:", 200}, {R_PREFIX, "credit:", 150},
	{R_PREFIX, "\xc2\xa9", 250}, {R_PREFIX, "(c) ", 150},
	{R_PREFIX, "riproduzione riservata", 60}, {R_PREFIX, "all rights reserved", 60},
	{R_PREFIX, "copyright ", 100},
	/* Newsletter and share prompts */
	{R_PREFIX, "iscriviti alla", 120}, {R_PREFIX, "iscriviti al nostro", 120},
	{R_EXACT, "iscriviti", 0}, {R_EXACT, "newsletter", 0},
	{R_PREFIX, "subscribe to our", 120}, {R_PREFIX, "sign up for our", 120},
	{R_PREFIX, "sign up to our", 120}, {R_EXACT, "subscribe", 0},
	{R_EXACT, "condividi", 0}, {R_PREFIX, "condividi su", 60}, {R_PREFIX, "condividi:", 60},
	{R_PREFIX, "condividi questo articolo", 60}, {R_EXACT, "share", 0},
	{R_PREFIX, "share this", 60}, {R_PREFIX, "share on ", 60}, {R_PREFIX, "share:", 60},
	{R_EXACT, "tweet", 0}, {R_EXACT, "stampa", 0}, {R_EXACT, "print", 0},
	{R_PREFIX, "leggi anche", 200}, {R_PREFIX, "read more:", 200}, {R_PREFIX, "read also", 200},
	{R_PREFIX, "continua a leggere", 60}, {R_PREFIX, "clicca qui", 120},
	{R_PREFIX, "click here to", 120}, {R_PREFIX, "articoli correlati", 40},
	{R_PREFIX, "related articles", 40}, {R_PREFIX, "segui ", 0},
	{R_PREFIX, "follow us", 80},
};

/* Words of a sign-off: "Redazione Radici", "A cura della redazione". */
static int
is_signoff(const char *f, size_t n)
{
	if (has_prefix(f, n, "redazione ") || has_prefix(f, n, "a cura della redazione"))
		return count_words(f, n) <= 4;
	return 0;
}

/* Known agencies, as credit lines ("AGI" alone on a line) and datelines. */
static const char *const agencies[] = {
	"ANSA", "AGI", "Adnkronos", "ADNKRONOS", "askanews", "Askanews", "LaPresse", "Italpress",
	"ITALPRESS", "Dire", "DIRE", "Agenzia Nova", "Nova", "AFP", "AP", "Reuters", "REUTERS",
	"dpa", "DPA", "EFE", "TASS", "Tass", "RIA Novosti", "Xinhua", "XINHUA", "Bloomberg",
	"Agence France-Presse", "Associated Press", "ANSAmed", "Sputnik", "Interfax", "Kyodo",
	"Yonhap", "Anadolu", "AA", "EFE", "Europa Press",
};

static int
is_agency(const char *s, size_t n)
{
	for (size_t i = 0; i < ATT_ARRAY_LEN(agencies); i++)
		if (strlen(agencies[i]) == n && memcmp(agencies[i], s, n) == 0)
			return 1;
	return 0;
}

static int
matches_rule(const char *f, size_t fl, size_t chars)
{
	for (size_t i = 0; i < ATT_ARRAY_LEN(rules); i++) {
		const struct rule *r = &rules[i];
		size_t pl = strlen(r->pat);
		if (r->how == R_EXACT && chars <= 40) {
			/* Allow a trailing colon or punctuation: "Condividi:" */
			size_t n = fl;
			while (n > 0 && strchr(":.!", f[n - 1]))
				n--;
			if (n == pl && memcmp(f, r->pat, pl) == 0)
				return 1;
		} else if (r->how == R_PREFIX && fl >= pl && memcmp(f, r->pat, pl) == 0 && (r->max == 0 ? chars <= 40 : chars <= r->max)) {
			return 1;
		}
	}
	return 0;
}

/* A by-line: "Di Pierfrancesco Maresca", "By Jane Doe": 1 to 4 capitalised
 * words after Di/By. */
static int
is_byline(const char *s, size_t n)
{
	size_t i;
	if (has_prefix(s, n, "di ") || has_prefix(s, n, "by "))
		i = 3;
	else if (has_prefix(s, n, "a cura di "))
		i = 10;
	else
		return 0;
	if (n - i > 60 || i >= n)
		return 0;
	size_t words = count_words(s + i, n - i);
	if (words < 1 || words > 4)
		return 0;
	/* Each word starts with a capital (ASCII or a UTF-8 lead byte). */
	int start = 1;
	for (size_t k = i; k < n; k++) {
		if (s[k] == ' ') {
			start = 1;
			continue;
		}
		if (start && !(is_upper_ascii(s[k]) || (unsigned char)s[k] >= 0xc3))
			return 0;
		start = 0;
		if (s[k] == '.' && k + 1 < n && s[k + 1] != ' ')
			return 0;
	}
	return 1;
}

/* A line holding a date and nothing but a comment count or a by-line:
 * "20 Dicembre 2022 0 Di Pierfrancesco Maresca". */
static size_t
dated_line(const char *s, size_t n, char date[11])
{
	size_t k = parse_date(s, n, date);
	if (k == 0 || n > 120)
		return 0;
	size_t i = k;
	while (i < n && (s[i] == ' ' || s[i] == '|' || s[i] == '-' || s[i] == ','))
		i++;
	while (i < n && is_digit(s[i]))
		i++;
	while (i < n && s[i] == ' ')
		i++;
	if (i == n || is_byline(s + i, n - i))
		return 1;
	return 0;
}

/* A dateline at the start of the first paragraph: "Roma, 22 nov.
 * (askanews) – ". Returns the agency (a pointer into S) or NULL. */
static const char *
dateline_agency(const char *s, size_t n, size_t *alen)
{
	size_t lim = n < 80 ? n : 80;
	const char *open = memchr(s, '(', lim);
	if (open == NULL || open == s)
		return NULL;
	const char *close = memchr(open, ')', (size_t)(s + n - open));
	if (close == NULL || close - open < 2 || close - open > 30)
		return NULL;
	/* Something like a place and a date before it. */
	if (memchr(s, ',', (size_t)(open - s)) == NULL && (open - s < 2 || !is_digit(open[-2])))
		return NULL;
	const char *a = open + 1;
	for (const char *p = a; p < close; p++)
		if (!((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') && *p != ' ' && *p != '-' && *p != '.')
			return NULL;
	/* A dash, or the text, follows. */
	const char *after = close + 1;
	while (after < s + n && *after == ' ')
		after++;
	int dash3 = s + n - after >= 3 && (memcmp(after, "\xe2\x80\x93", 3) == 0 ||
					   memcmp(after, "\xe2\x80\x94", 3) == 0);
	if (after < s + n && *after != '-' && !dash3 && !is_agency(a, (size_t)(close - a)))
		return NULL;
	*alen = (size_t)(close - a);
	return a;
}

/* A dateline's day completes a month-only date: " date 2023-11" with
 * "Roma, 22 nov. (askanews)" is 2023-11-22. S[0..N) is the dateline before
 * its agency; *DATE is "YYYY-MM" and is replaced when a day of that month
 * is found. */
static void
date_from_dateline(char **date, const char *s, size_t n)
{
	int y = atoi(*date), m = atoi(*date + 5);

	for (size_t i = 0; i < n; i++) {
		int d, dm;
		if (!is_digit(s[i]) || (i > 0 && s[i - 1] != ' '))
			continue;
		size_t k = parse_num(s + i, n - i, 2, &d);
		if (k == 0 || i + k >= n || s[i + k] != ' ')
			continue;
		char out[11];
		if (parse_month(s + i + k + 1, n - i - k - 1, &dm) && dm == m &&
		    format_date(out, y, m, d, 1)) {
			free(*date);
			*date = xstrdup(out);
			return;
		}
	}
}

/* ------------------------------------------------------------------ titles */

/* A first line that reads as body text rather than a headline. */
static int
looks_like_body(const char *s, size_t n)
{
	size_t chars = count_chars(s, n);
	if (chars > 250)
		return 1;
	int ends_stop = n > 0 && s[n - 1] == '.' && !(n >= 3 && memcmp(s + n - 3, "...", 3) == 0);
	if (!ends_stop)
		return 0;
	if (chars > 120)
		return 1;
	/* Several sentences: ". X" inside. */
	for (size_t i = 0; i + 2 < n; i++)
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ' && is_upper_ascii(s[i + 2]))
			return 1;
	return 0;
}

/* 1 when the punctuation at B[I] ends a sentence: followed by the end of
 * the line, or a space and a capital or an opening quote ("22 nov.
 * (askanews)" does not end one). */
static int
sentence_end(const char *b, size_t n, size_t i)
{
	if (i + 1 >= n || b[i + 1] == '\n')
		return 1;
	if (b[i + 1] != ' ' || i + 2 >= n)
		return 0;
	unsigned char c = (unsigned char)b[i + 2];
	return is_upper_ascii((char)c) || c == '"' || (c == 0xe2 && i + 4 < n && (unsigned char)b[i + 3] == 0x80) ||
	       c == 0xc2 || (c == 0xc3 && i + 3 < n && (unsigned char)b[i + 3] < 0x9f);
}

/* A title made from the first sentence of BODY (after a dateline), cut
 * at a word boundary with an ellipsis. */
static char *
title_from_body(const char *b, size_t n)
{
	size_t al;
	if (dateline_agency(b, n, &al)) {
		/* "Roma, 22 nov. (askanews) – Mosca vuole...": start after the dash. */
		const char *close = memchr(b, ')', n < 100 ? n : 100);
		size_t i = close ? (size_t)(close - b) + 1 : 0;
		while (i < n && b[i] == ' ')
			i++;
		if (i < n && b[i] == '-')
			i++;
		else if (i + 3 <= n && (memcmp(b + i, "\xe2\x80\x93", 3) == 0 || memcmp(b + i, "\xe2\x80\x94", 3) == 0))
			i += 3;
		while (i < n && b[i] == ' ')
			i++;
		b += i;
		n -= i;
	}
	size_t end = 0;
	while (end < n && b[end] != '\n') {
		if ((b[end] == '.' || b[end] == '!' || b[end] == '?') && sentence_end(b, n, end)) {
			if (b[end] != '.')
				end++;
			break;
		}
		end++;
	}
	const size_t max_chars = 100;
	if (count_chars(b, end) <= max_chars)
		return xstrndup(b, end);
	size_t i = 0, chars = 0, cut = 0;
	while (i < end && chars < max_chars) {
		if (b[i] == ' ')
			cut = i;
		i++;
		while (i < end && ((unsigned char)b[i] & 0xc0) == 0x80)
			i++;
		chars++;
	}
	if (cut == 0)
		cut = i;
	while (cut > 0 && strchr(" ,;:-", b[cut - 1]))
		cut--;
	struct buf t = BUF_INIT;
	buf_add(&t, b, cut);
	buf_adds(&t, "\xe2\x80\xa6");
	return buf_steal(&t);
}

/* ------------------------------------------------------------------ cleaning */

/* Folded copy of the start of a line, enough for the rule tables (whose
 * patterns are shorter than 64 bytes): ASCII is lowered here, anything
 * else goes through att_fold. */
static char *
fold_line(const struct line *l, size_t *fl)
{
	size_t n = l->len < 64 ? l->len : 64;
	int ascii = 1;
	for (size_t i = 0; i < n && ascii; i++)
		ascii = (unsigned char)l->s[i] < 0x80;
	if (!ascii) {
		while (n < l->len && ((unsigned char)l->s[n] & 0xc0) == 0x80)
			n++;
		return att_fold(l->s, n, fl);
	}
	char *f = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++)
		f[i] = l->s[i] >= 'A' && l->s[i] <= 'Z' ? (char)(l->s[i] - 'A' + 'a') : l->s[i];
	f[n] = '\0';
	*fl = n;
	return f;
}

static int
same_line(const struct line *a, const char *t)
{
	return strlen(t) == a->len && memcmp(a->s, t, a->len) == 0;
}

void
text_to_doc(const char *text, size_t len, unsigned flags, struct att_doc *doc)
{
	struct lines ls = {0};
	char date[11];

	split_lines(&ls, text, len);
	for (size_t i = 0; i < ls.n; i++)
		trim(&ls.v[i]);

	/* A leading " date 2020-10" marker. */
	size_t first = 0;
	while (first < ls.n && ls.v[first].kind == L_BLANK)
		first++;
	if ((flags & TEXT_FIND_DATE) && first < ls.n && has_prefix(ls.v[first].s, ls.v[first].len, "date ")) {
		struct line *l = &ls.v[first];
		size_t k = parse_date(l->s + 5, l->len - 5, date);
		if (k > 0 && strlen(date) >= 7) {
			if (doc->date == NULL)
				doc->date = xstrdup(date);
			l->s += 5 + k;
			l->len -= 5 + k;
			trim(l);
		}
	}

	/* Classify: boilerplate, by-lines, dated lines, credit lines. */
	size_t ntext = 0;
	for (size_t i = 0; i < ls.n; i++) {
		struct line *l = &ls.v[i];
		if (l->kind != L_TEXT)
			continue;
		size_t chars = l->chars = count_chars(l->s, l->len);
		if (chars <= 300) {
			size_t fl;
			char *f = fold_line(l, &fl);
			if (matches_rule(f, fl, chars) || (chars <= 60 && is_signoff(f, fl)))
				l->kind = L_DROP;
			free(f);
			if (l->kind == L_DROP)
				continue;
		}
		if (is_byline(l->s, l->len)) {
			l->kind = L_DROP;
			continue;
		}
		if ((flags & TEXT_FIND_DATE) && ntext < 6 && dated_line(l->s, l->len, date)) {
			if (doc->date == NULL)
				doc->date = xstrdup(date);
			l->kind = L_DROP;
			continue;
		}
		/* "Fonte: ANSA", "Source: Reuters", "(ANSA)" */
		if ((flags & TEXT_FIND_SOURCE) && chars <= 60) {
			const char *src = NULL;
			size_t sl = 0;
			if (has_prefix(l->s, l->len, "fonte:") || has_prefix(l->s, l->len, "source:")) {
				src = (const char *)memchr(l->s, ':', l->len) + 1;
				sl = l->len - (size_t)(src - l->s);
				while (sl && *src == ' ')
					src++, sl--;
			} else if (l->len > 2 && l->s[0] == '(' && l->s[l->len - 1] == ')' &&
				   is_agency(l->s + 1, l->len - 2)) {
				src = l->s + 1;
				sl = l->len - 2;
			}
			if (src && sl > 0 && sl <= 40) {
				if (doc->source == NULL)
					doc->source = xstrndup(src, sl);
				l->kind = L_DROP;
				continue;
			}
		}
		ntext++;
	}
	/* "AGI" alone on a line near the end. */
	if (flags & TEXT_FIND_SOURCE) {
		size_t seen = 0;
		for (size_t i = ls.n; i-- > 0 && seen < 4;) {
			struct line *l = &ls.v[i];
			if (l->kind != L_TEXT)
				continue;
			seen++;
			if (ntext > 1 && is_agency(l->s, l->len)) {
				if (doc->source == NULL)
					doc->source = xstrndup(l->s, l->len);
				l->kind = L_DROP;
				ntext--;
				break;
			}
		}
	}

	/* The title: the first line, unless it reads as body text; the same
	 * line repeated next is dropped. */
	size_t t = 0;
	while (t < ls.n && ls.v[t].kind != L_TEXT)
		t++;
	if ((flags & TEXT_FIND_TITLE) && doc->title == NULL && t < ls.n && ntext > 1 &&
	    !looks_like_body(ls.v[t].s, ls.v[t].len)) {
		doc->title = xstrndup(ls.v[t].s, ls.v[t].len);
		ls.v[t].kind = L_DROP;
		size_t r = t + 1;
		while (r < ls.n && ls.v[r].kind != L_TEXT)
			r++;
		if (r < ls.n && same_line(&ls.v[r], doc->title))
			ls.v[r].kind = L_DROP;
	} else if (doc->title) {
		/* JSON Lines: the title repeated as the first line of the text. */
		if (t < ls.n && same_line(&ls.v[t], doc->title))
			ls.v[t].kind = L_DROP;
	}

	/* The body: lines joined, blank runs made one paragraph break. A line
	 * break after a long line is a paragraph break too (one paragraph a
	 * line, as scrapers write). */
	struct buf body = BUF_INIT;
	int blank = 0;
	size_t prev_len = 0;
	for (size_t i = 0; i < ls.n; i++) {
		struct line *l = &ls.v[i];
		if (l->kind == L_BLANK) {
			blank = 1;
			continue;
		}
		if (l->kind == L_DROP)
			continue;
		if (body.len > 0)
			buf_adds(&body, blank || prev_len > 120 ? "\n\n" : "\n");
		buf_add(&body, l->s, l->len);
		prev_len = l->chars;
		blank = 0;
	}
	if (body.data == NULL)
		buf_adds(&body, "");

	/* The agency in a dateline; a date from the first lines. */
	if ((flags & TEXT_FIND_SOURCE) && doc->source == NULL) {
		size_t al;
		const char *a = dateline_agency(body.data, body.len, &al);
		if (a)
			doc->source = xstrndup(a, al);
	}
	if ((flags & TEXT_FIND_DATE) && doc->date && strlen(doc->date) == 7) {
		size_t al;
		const char *a = dateline_agency(body.data, body.len, &al);
		if (a)
			date_from_dateline(&doc->date, body.data, (size_t)(a - body.data));
	}
	if ((flags & TEXT_FIND_DATE) && doc->date == NULL) {
		/* "Roma, 20 dicembre 2022 - ..." or a date opening the text. */
		size_t lim = body.len < 60 ? body.len : 60;
		for (size_t i = 0; i < lim; i++) {
			if ((i == 0 || body.data[i - 1] == ' ') && is_digit(body.data[i]) &&
			    parse_date(body.data + i, body.len - i, date) && strlen(date) == 10) {
				doc->date = xstrdup(date);
				break;
			}
		}
	}

	if (doc->title == NULL)
		doc->title = (flags & TEXT_FIND_TITLE) || body.len ? title_from_body(body.data, body.len)
								   : xstrdup("");
	doc->body_len = body.len;
	doc->body = buf_steal(&body);
	if (doc->original == NULL && (len != doc->body_len || memcmp(text, doc->body, len) != 0))
		doc->original = xstrndup(text, len);
	free(ls.v);
	buf_free(&ls.text);
}
