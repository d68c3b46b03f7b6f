/* text.c: UTF-8 checks, folding, and the terminal sanitiser. */
#include "config.h"

#include "model/text.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

size_t
att_utf8_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c;
	size_t len;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) || c > 0x10ffff ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

int
att_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;

	while (n) {
		if (n >= 8) {
			/* Eight bytes of ASCII but NUL at once (most of the text):
			 * no byte has its top bit set, and none is 0 (which would
			 * borrow in the subtraction and set one). */
			uint64_t x;
			memcpy(&x, p, 8);
			if (((x | (x - 0x0101010101010101ull)) & 0x8080808080808080ull) == 0) {
				p += 8;
				n -= 8;
				continue;
			}
		}
		if (*p - 1u < 0x7fu) { /* ASCII but NUL */
			p++;
			n--;
			continue;
		}
		size_t k = att_utf8_seq(p, n, &cp);
		if (k == 0 || cp == 0)
			return 0;
		p += k;
		n -= k;
	}
	return 1;
}

/* Copies S with invalid sequences replaced by U+FFFD. */
static char *
scrub(const char *s, size_t n, size_t *outlen)
{
	struct buf b = BUF_INIT;
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;

	while (n) {
		size_t k = att_utf8_seq(p, n, &cp);
		if (k == 0) {
			buf_add(&b, "\xef\xbf\xbd", 3);
			k = 1;
		} else {
			buf_add(&b, p, k);
		}
		p += k;
		n -= k;
	}
	*outlen = b.len;
	return buf_steal(&b);
}

/* Appends the fold of the valid UTF-8 S[0..N) to B: u8_casefold to NFKD,
 * combining marks dropped, typographic apostrophes made ASCII. -1 when
 * libunistring fails. */
static int
fold_slow(struct buf *b, const char *s, size_t n)
{
	size_t len = 0;
	uint8_t *folded = u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFKD, NULL, &len);
	if (folded == NULL)
		return -1;
	buf_reserve(b, len);
	const uint8_t *p = folded, *end = folded + len;
	while (p < end) {
		ucs4_t uc;
		int k = u8_mbtouc(&uc, p, (size_t)(end - p));
		if (k <= 0)
			break;
		if (uc == 0x2019 || uc == 0x2018 || uc == 0x02bc || uc == 0x2032 || uc == 0x00b4 ||
		    uc == 0x0060)
			buf_addc(b, '\'');
		else if (!uc_is_general_category(uc, UC_CATEGORY_Mn))
			buf_add(b, p, (size_t)k);
		p += k;
	}
	free(folded);
	return 0;
}

/* The folds of short non-ASCII runs ("è", "’", "ç"), per thread: they
 * repeat, and u8_casefold costs thousands of instructions a call. */
#define MEMO_SLOTS 512
#define MEMO_KEY 12
#define MEMO_VAL 24
static _Thread_local struct fold_memo {
	unsigned char klen, vlen; /* klen 0: empty slot */
	char key[MEMO_KEY], val[MEMO_VAL];
} memo[MEMO_SLOTS];

/* Appends the fold of the non-ASCII run S[0..N) (valid UTF-8) to B. */
static int
fold_run(struct buf *b, const char *s, size_t n)
{
	if (n > MEMO_KEY)
		return fold_slow(b, s, n);
	uint64_t h = att_hash(s, n);
	struct fold_memo *m = &memo[(h ^ (h >> 32)) % MEMO_SLOTS];
	if (m->klen == n && memcmp(m->key, s, n) == 0) {
		buf_add(b, m->val, m->vlen);
		return 0;
	}
	size_t at = b->len;
	if (fold_slow(b, s, n) != 0)
		return -1;
	if (b->len - at <= MEMO_VAL) {
		m->klen = (unsigned char)n;
		memcpy(m->key, s, n);
		m->vlen = (unsigned char)(b->len - at);
		memcpy(m->val, b->data + at, b->len - at);
	}
	return 0;
}

char *
att_fold(const char *s, size_t n, size_t *outlen)
{
	struct buf b = BUF_INIT;
	char *clean = NULL;
	int rc = 0;

	buf_reserve(&b, n + 1);
	if (!att_utf8_valid(s, n)) {
		clean = scrub(s, n, &n);
		rc = fold_slow(&b, clean, n);
		free(clean);
	} else {
		/* Run by run: ASCII (no NUL in valid text) folds to itself in
		 * lower case, '`' made '\'' as fold_slow does; the rest through
		 * fold_run. A run boundary is a starter, so that NFKD's
		 * reordering of combining marks never crosses it, and casefolding
		 * has no context: the result is that of the whole string. */
		size_t i = 0;
		while (i < n && rc == 0) {
			size_t j = i;
			if ((unsigned char)s[i] < 0x80) {
				while (j < n && (unsigned char)s[j] < 0x80)
					j++;
				buf_reserve(&b, j - i);
				for (; i < j; i++)
					b.data[b.len++] = att_fold_ascii((unsigned char)s[i]);
				b.data[b.len] = '\0';
			} else {
				while (j < n && (unsigned char)s[j] >= 0x80)
					j++;
				rc = fold_run(&b, s + i, j - i);
				i = j;
			}
		}
	}
	if (rc != 0) {
		buf_free(&b);
		if (outlen)
			*outlen = 0;
		return xstrdup("");
	}
	if (outlen)
		*outlen = b.len;
	return buf_steal(&b);
}

/* Code points drawn as a placeholder although they are valid. */
static int
invisible(uint32_t c)
{
	return (c >= 0x200b && c <= 0x200f) ||   /* zero-width, LRM, RLM */
	       (c >= 0x2028 && c <= 0x202e) ||   /* separators, bidi embeddings */
	       (c >= 0x2060 && c <= 0x206f) ||   /* word joiner, bidi isolates, invisible ops */
	       c == 0xfeff || c == 0x061c ||     /* BOM / ZWNBSP, Arabic letter mark */
	       c == 0x00ad ||                    /* soft hyphen */
	       c == 0x180e ||                    /* Mongolian vowel separator */
	       (c >= 0xfff9 && c <= 0xfffb) ||   /* interlinear annotation */
	       (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe || /* noncharacters */
	       (c >= 0xe0000 && c <= 0xe007f) || /* tags */
	       (c >= 0xd800 && c <= 0xdfff);
}

static void
placeholder(struct buf *out, uint32_t c, unsigned flags)
{
	if (flags & ATT_SAN_ASCII) {
		if (c < 0x20)
			buf_printf(out, "^%c", (char)(c + 0x40));
		else if (c == 0x7f)
			buf_adds(out, "^?");
		else
			buf_addc(out, '?');
		return;
	}
	if (c < 0x20)
		buf_printf(out, "\xe2\x90%c", (char)(0x80 + c)); /* U+2400 + c: control pictures */
	else if (c == 0x7f)
		buf_adds(out, "\xe2\x90\xa1"); /* U+2421 SYMBOL FOR DELETE */
	else
		buf_adds(out, "\xef\xbf\xbd"); /* U+FFFD */
}

/* Length of an escape sequence starting at S (S[0] is ESC or a C1 introducer
 * decoded to C1), so it can be dropped whole. */
static size_t
escape_len(const unsigned char *s, size_t n, uint32_t intro, size_t introlen)
{
	size_t i = introlen;
	int kind;

	if (intro == 0x1b) {
		if (i >= n)
			return i;
		unsigned char c = s[i];
		switch (c) {
		case '[': kind = 'C'; i++; break;
		case ']': case 'P': case '_': case '^': case 'X': kind = 'S'; i++; break;
		default:
			/* ESC followed by intermediates and a final byte. */
			while (i < n && s[i] >= 0x20 && s[i] <= 0x2f)
				i++;
			if (i < n && s[i] >= 0x30 && s[i] <= 0x7e)
				i++;
			return i;
		}
	} else if (intro == 0x9b) {
		kind = 'C';
	} else {
		kind = 'S'; /* 0x90 DCS, 0x9d OSC, 0x9e PM, 0x9f APC, 0x98 SOS */
	}
	if (kind == 'C') {
		/* Parameters and intermediates, then a final byte. */
		while (i < n && s[i] >= 0x20 && s[i] <= 0x3f)
			i++;
		while (i < n && s[i] >= 0x20 && s[i] <= 0x2f)
			i++;
		if (i < n && s[i] >= 0x40 && s[i] <= 0x7e)
			i++;
		return i;
	}
	/* A string: up to BEL, ST (ESC \ or 0x9c, raw or as C2 9C), or the end
	 * of the line; an unterminated one is cut at the newline so that the
	 * rest of the text stays visible. Bounded to 4 KiB as well. */
	size_t limit = n - i > 4096 ? i + 4096 : n;
	while (i < limit) {
		if (s[i] == 0x07)
			return i + 1;
		if (s[i] == 0x1b && i + 1 < n && s[i + 1] == '\\')
			return i + 2;
		if (s[i] == 0x9c)
			return i + 1;
		if (s[i] == 0xc2 && i + 1 < n && s[i + 1] == 0x9c)
			return i + 2;
		if (s[i] == '\n')
			return i;
		i++;
	}
	return i;
}

void
att_sanitize(struct buf *out, const char *str, size_t n, unsigned flags)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	int marks = 0;

	buf_reserve(out, n);
	while (i < n) {
		uint32_t c;
		size_t k = att_utf8_seq(s + i, n - i, &c);

		if (k == 0) {
			/* A raw 0x9B is CSI on some terminals: drop its parameters.
			 * Other raw C1 bytes only get a placeholder: a string
			 * introducer would swallow up to 4 KiB of the text, and such
			 * bytes are mostly the tails of broken UTF-8 sequences. */
			if (s[i] == 0x9b) {
				size_t e = escape_len(s + i, n - i, s[i], 1);
				placeholder(out, 0x1b, flags);
				i += e;
			} else if (s[i] == 0x9d || s[i] == 0x90 || s[i] == 0x9e || s[i] == 0x9f ||
				   s[i] == 0x98) {
				placeholder(out, 0x1b, flags);
				i++;
			} else {
				placeholder(out, 0xfffd, flags);
				i++;
			}
			marks = 0;
			continue;
		}
		if (c == 0x1b || (c >= 0x80 && c <= 0x9f &&
				  (c == 0x9b || c == 0x9d || c == 0x90 || c == 0x9e || c == 0x9f ||
				   c == 0x98))) {
			size_t e = escape_len(s + i, n - i, c, k);
			placeholder(out, 0x1b, flags);
			i += e;
			marks = 0;
			continue;
		}
		if (c >= 0xfe00 && c <= 0xfe0f) {
			/* Variation selectors change the width terminals give an
			 * emoji, and disagree about it: drop them. */
			i += k;
			continue;
		}
		if (c == '\n' && (flags & ATT_SAN_KEEP_NL)) {
			buf_addc(out, '\n');
		} else if (c == '\t' && (flags & ATT_SAN_KEEP_TAB)) {
			buf_addc(out, '\t');
		} else if (c == '\t') {
			buf_addc(out, ' ');
		} else if (c < 0x20 || c == 0x7f) {
			placeholder(out, c, flags);
		} else if (c >= 0x80 && c <= 0x9f) {
			placeholder(out, 0xfffd, flags);
		} else if (invisible(c)) {
			placeholder(out, 0xfffd, flags);
		} else if (c >= 0x80 && (flags & ATT_SAN_ASCII)) {
			buf_addc(out, '?');
		} else if (uc_is_general_category(c, UC_CATEGORY_M)) {
			/* Combining marks: keep a few, drop a flood. */
			if (++marks <= 16)
				buf_add(out, s + i, k);
			i += k;
			continue;
		} else {
			buf_add(out, s + i, k);
		}
		marks = 0;
		i += k;
	}
}

char *
att_sanitize_dup(const char *s, size_t n, unsigned flags)
{
	struct buf b = BUF_INIT;
	att_sanitize(&b, s, n, flags);
	return buf_steal(&b);
}
