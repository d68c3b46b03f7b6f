/* match.c: arena, hash map, tokeniser, token trie, fuzzy and phonetic
 * helpers for the recogniser. */
#include "config.h"

#include "ingest/match.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "model/text.h"
#include "model/util.h"

/* ---------------------------------------------------------------- arena */

struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	max_align_t data[];
};

#define ARENA_BLOCK 65536

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;

	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (n == 0)
		n = sizeof(max_align_t);
	if (b == NULL || b->cap - b->used < n) {
		size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		b = xmalloc(sizeof *b + cap);
		b->used = 0;
		b->cap = cap;
		if (a->head != NULL && n > ARENA_BLOCK) {
			/* A big block goes behind the current one, which keeps its room. */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
}

/* ---------------------------------------------------------------- hash map */

/* A key's hash is att_hash (FNV-1a) over its bytes, mixed with the node
 * number at the end: a token's bytes are hashed once (tok.hash), however
 * many maps and trie nodes it is looked up in, and a prefix can be hashed
 * one byte at a time. hash_end gives the hash of (NODE, the bytes whose
 * att_hash is SH): a finaliser spreads both over the top bits (the
 * filter) and the low ones (the slot). */
static inline uint64_t
hash_end(uint64_t sh, uint32_t node)
{
	uint64_t h = sh ^ ((uint64_t)node * 0x9e3779b97f4a7c15ull);
	h ^= h >> 31;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 29;
	return h;
}

/* The filter bit of hash H: from its top bits, which the slot index
 * does not use. */
static inline size_t
hmap_filter_bit(const struct hmap *m, uint64_t h)
{
	return (size_t)(h >> m->fshift);
}

/* 0 when no key of hash H can be in the map. */
static inline int
hmap_maybe(const struct hmap *m, uint64_t h)
{
	size_t b = hmap_filter_bit(m, h);
	return (m->filter[b / 64] >> (b % 64)) & 1;
}

static void
hmap_filter_set(struct hmap *m, uint64_t h)
{
	size_t b = hmap_filter_bit(m, h);
	m->filter[b / 64] |= 1ull << (b % 64);
}

static struct hmap_ent *
hmap_slot(const struct hmap *m, uint64_t h, uint32_t node, const char *s, size_t len)
{
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct hmap_ent *e = &m->tab[i];
		if (e->s == NULL)
			return e;
		if (e->hash == h && e->node == node && e->len == len && memcmp(e->s, s, len) == 0)
			return e;
	}
}

uint32_t
hmap_get_h(const struct hmap *m, uint32_t node, const char *s, size_t len, uint64_t sh)
{
	if (m->n == 0)
		return MATCH_NONE;
	uint64_t h = hash_end(sh, node);
	if (!hmap_maybe(m, h))
		return MATCH_NONE;
	struct hmap_ent *e = hmap_slot(m, h, node, s, len);
	return e->s ? e->val : MATCH_NONE;
}

uint32_t
hmap_get(const struct hmap *m, uint32_t node, const char *s, size_t len)
{
	return m->n ? hmap_get_h(m, node, s, len, att_hash(s, len)) : MATCH_NONE;
}

static void
hmap_grow(struct hmap *m)
{
	struct hmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->tab = xcalloc(m->cap, sizeof *m->tab);
	/* 4 bits per slot, 8 to 16 per key: about 1 in 10 absent words
	 * gets past the filter. */
	unsigned bits = 0;
	while ((1ull << bits) < m->cap * 4)
		bits++;
	m->fshift = 64 - bits;
	free(m->filter);
	m->filter = xcalloc(((size_t)1 << bits) / 64, sizeof *m->filter);
	for (size_t i = 0; i < old.cap; i++) {
		struct hmap_ent *e = &old.tab[i];
		if (e->s) {
			*hmap_slot(m, e->hash, e->node, e->s, e->len) = *e;
			hmap_filter_set(m, e->hash);
		}
	}
	free(old.tab);
}

uint32_t
hmap_put(struct hmap *m, uint32_t node, const char *s, size_t len, uint32_t val)
{
	if ((m->n + 1) * 2 >= m->cap)
		hmap_grow(m);
	uint64_t h = hash_end(att_hash(s, len), node);
	struct hmap_ent *e = hmap_slot(m, h, node, s, len);
	if (e->s)
		return e->val;
	hmap_filter_set(m, h);
	e->hash = h;
	e->s = s ? s : "";
	e->len = (uint32_t)len;
	e->node = node;
	e->val = val;
	m->n++;
	return val;
}

void
hmap_free(struct hmap *m)
{
	free(m->tab);
	free(m->filter);
	m->tab = NULL;
	m->filter = NULL;
	m->cap = m->n = 0;
}

/* ---------------------------------------------------------------- tokens */

static int
is_tok_char(ucs4_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	return uc_is_alpha(c) || uc_is_digit(c) || uc_is_general_category(c, UC_CATEGORY_M);
}

/* Separators that may lie inside a multi-word name: spaces, hyphens,
 * apostrophes and periods (U.S.), but not a period followed by a space. */
static int
joinable_gap(const char *s, size_t n)
{
	int space = 0, dot = 0;
	size_t i = 0;

	if (n > 8)
		return 0;
	while (i < n) {
		ucs4_t c;
		int k = 1;
		if ((unsigned char)s[i] < 0x80)
			c = (unsigned char)s[i];
		else
			k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		if (k <= 0)
			return 0;
		if (c == ' ' || c == 0xa0)
			space++;
		else if (c == '.')
			dot = 1;
		else if (!(c == '-' || c == 0x2010 || c == 0x2011 || c == '\'' || c == 0x2019))
			return 0;
		i += (size_t)k;
	}
	return !(dot && space) && space <= 2;
}

/* Lowercases an ASCII token; otherwise folds with att_fold. The token is
 * made of letters, digits and marks, which is why a hand loop is enough:
 * libunistring's word breaks keep "dell'Ucraina" as one word, and names
 * need the part after an elision as a token of its own. */
static void
fold_tok(struct tok *t, const char *s, size_t n, int ascii, struct arena *a)
{
	if (ascii) {
		/* Letters and digits only: att_fold_ascii is lowercasing here. */
		char *p = arena_alloc(a, n + 1);
		uint64_t h = ATT_HASH_INIT;
		for (size_t i = 0; i < n; i++) {
			unsigned char b = (unsigned char)s[i];
			b = b >= 'A' && b <= 'Z' ? (unsigned char)(b + 'a' - 'A') : b;
			p[i] = (char)b;
			h = att_hash_byte(h, b);
		}
		p[n] = '\0';
		t->fold = p;
		t->hash = h;
		t->flen = (uint32_t)n;
		t->nchars = (uint32_t)n;
		return;
	}
	size_t flen;
	char *f = att_fold(s, n, &flen);
	t->fold = arena_strndup(a, f, flen);
	t->flen = (uint32_t)flen;
	t->hash = att_hash(t->fold, flen);
	free(f);
	t->nchars = (uint32_t)u8_mbsnlen((const uint8_t *)t->fold, flen);
}

/* ASCII bytes of tokens: 1 a lowercase letter, 2 an uppercase one, 3 a
 * digit; 0 for the others (non-ASCII is decoded). */
enum { TC_LOWER = 1, TC_UPPER, TC_DIGIT };
static const unsigned char tok_class[128] = {
	['0'] = TC_DIGIT, ['1'] = TC_DIGIT, ['2'] = TC_DIGIT, ['3'] = TC_DIGIT, ['4'] = TC_DIGIT,
	['5'] = TC_DIGIT, ['6'] = TC_DIGIT, ['7'] = TC_DIGIT, ['8'] = TC_DIGIT, ['9'] = TC_DIGIT,
	['A'] = TC_UPPER, ['B'] = TC_UPPER, ['C'] = TC_UPPER, ['D'] = TC_UPPER, ['E'] = TC_UPPER,
	['F'] = TC_UPPER, ['G'] = TC_UPPER, ['H'] = TC_UPPER, ['I'] = TC_UPPER, ['J'] = TC_UPPER,
	['K'] = TC_UPPER, ['L'] = TC_UPPER, ['M'] = TC_UPPER, ['N'] = TC_UPPER, ['O'] = TC_UPPER,
	['P'] = TC_UPPER, ['Q'] = TC_UPPER, ['R'] = TC_UPPER, ['S'] = TC_UPPER, ['T'] = TC_UPPER,
	['U'] = TC_UPPER, ['V'] = TC_UPPER, ['W'] = TC_UPPER, ['X'] = TC_UPPER, ['Y'] = TC_UPPER,
	['Z'] = TC_UPPER,
	['a'] = TC_LOWER, ['b'] = TC_LOWER, ['c'] = TC_LOWER, ['d'] = TC_LOWER, ['e'] = TC_LOWER,
	['f'] = TC_LOWER, ['g'] = TC_LOWER, ['h'] = TC_LOWER, ['i'] = TC_LOWER, ['j'] = TC_LOWER,
	['k'] = TC_LOWER, ['l'] = TC_LOWER, ['m'] = TC_LOWER, ['n'] = TC_LOWER, ['o'] = TC_LOWER,
	['p'] = TC_LOWER, ['q'] = TC_LOWER, ['r'] = TC_LOWER, ['s'] = TC_LOWER, ['t'] = TC_LOWER,
	['u'] = TC_LOWER, ['v'] = TC_LOWER, ['w'] = TC_LOWER, ['x'] = TC_LOWER, ['y'] = TC_LOWER,
	['z'] = TC_LOWER,
};

void
tokenise(const char *text, size_t len, struct toklist *out, struct arena *a)
{
	const uint8_t *s = (const uint8_t *)text;
	size_t i = 0, first = out->n;

	/* Room for the usual count (a token per 6 bytes or so) at once,
	 * bounded, instead of doubling up to it. */
	size_t want = out->n + (len < 6 * 65536 ? len / 6 : 65536) + 16;
	if (out->cap < want) {
		out->cap = want;
		out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
	}
	while (i < len) {
		ucs4_t c;
		int k;
		if (s[i] < 0x80) {
			if (tok_class[s[i]] == 0) {
				i++;
				continue;
			}
			c = s[i];
			k = 1;
		} else {
			k = u8_mbtouc(&c, s + i, len - i);
			if (k <= 0)
				k = 1;
			if (!is_tok_char(c)) {
				i += (size_t)k;
				continue;
			}
		}
		/* Built in place at the end of the list. */
		if (out->n == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 256;
			out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
		}
		struct tok *t = &out->v[out->n];
		int ascii = 1, letters = 0, uppers = 0;
		t->pos = i;
		t->flags = 0;
		if (c >= '0' && c <= '9')
			t->flags |= TOK_DIGIT;
		else if (c < 0x80 ? (c >= 'A' && c <= 'Z') : (uc_is_upper(c) || uc_is_property_titlecase(c)))
			t->flags |= TOK_UPPER;
		else if (c >= 0x80 && uc_is_digit(c))
			t->flags |= TOK_DIGIT;
		while (i < len) {
			if (s[i] < 0x80) {
				/* ASCII fast path */
				unsigned cl = tok_class[s[i]];
				if (cl == 0)
					break;
				letters += cl != TC_DIGIT;
				uppers += cl == TC_UPPER;
				i++;
				continue;
			}
			k = u8_mbtouc(&c, s + i, len - i);
			if (k <= 0 || !is_tok_char(c))
				break;
			ascii = 0;
			if (uc_is_alpha(c)) {
				letters++;
				if (uc_is_upper(c))
					uppers++;
			}
			i += (size_t)k;
		}
		t->end = i;
		if (letters >= 2 && uppers == letters)
			t->flags |= TOK_ALLUPPER;
		fold_tok(t, text + t->pos, t->end - t->pos, ascii, a);
		out->n++;
	}
	for (size_t j = first; j + 1 < out->n; j++) {
		const char *g = text + out->v[j].end;
		size_t glen = out->v[j + 1].pos - out->v[j].end;
		if (joinable_gap(g, glen))
			out->v[j].flags |= TOK_JOIN;
		if ((glen == 1 && g[0] == '\'') || (glen == 3 && memcmp(g, "\xe2\x80\x99", 3) == 0))
			out->v[j].flags |= TOK_APOS;
	}
}

void
toklist_free(struct toklist *t)
{
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}

/* ---------------------------------------------------------------- trie */

static uint32_t
trie_new_node(struct trie *t)
{
	if (t->nnodes == t->capnodes) {
		t->capnodes = t->capnodes ? t->capnodes * 2 : 256;
		t->head = xreallocarray(t->head, t->capnodes, sizeof *t->head);
	}
	t->head[t->nnodes] = MATCH_NONE;
	return (uint32_t)t->nnodes++;
}

void
trie_init(struct trie *t)
{
	memset(t, 0, sizeof *t);
	trie_new_node(t);
}

void
trie_free(struct trie *t)
{
	hmap_free(&t->edges);
	free(t->start2);
	free(t->head);
	free(t->vals);
	memset(t, 0, sizeof *t);
}

void
trie_add(struct trie *t, const struct tok *toks, size_t n, int prefix, uint32_t val)
{
	uint32_t node = 0;

	if (n > 0) {
		if (t->start2 == NULL)
			t->start2 = xcalloc(3 * 65536 / 64, sizeof *t->start2);
		const struct tok *f = &toks[0];
		unsigned k = trie_start_key(f->fold, f->flen);
		if (!(prefix && n == 1))
			t->start2[k >> 6] |= 1ull << (k & 63);
		else if (f->flen <= 1)
			t->start1[k >> 14] |= 1ull << ((k >> 8) & 63);
		else if (f->flen == 2)
			t->start2[1024 + (k >> 6)] |= 1ull << (k & 63);
		else
			t->start2[2048 + (trie_start_key3(f->fold) >> 6)] |= 1ull << (trie_start_key3(f->fold) & 63);
	}
	for (size_t i = 0; i < n; i++) {
		int pre = prefix && i + 1 == n;
		uint32_t key = pre ? (node | TRIE_PREFIX) : node;
		uint32_t child = hmap_get(&t->edges, key, toks[i].fold, toks[i].flen);
		if (child == MATCH_NONE) {
			child = trie_new_node(t);
			hmap_put(&t->edges, key, toks[i].fold, toks[i].flen, child);
		}
		if (pre) {
			if (toks[i].flen > t->maxprefix)
				t->maxprefix = toks[i].flen;
			t->prefixlens |= toks[i].flen < 64 ? 1ull << toks[i].flen : 1ull << 63;
		}
		node = child;
	}
	/* Keep values in insertion order: append at the tail. */
	if (t->nvals == t->capvals) {
		t->capvals = t->capvals ? t->capvals * 2 : 256;
		t->vals = xreallocarray(t->vals, t->capvals, sizeof *t->vals);
	}
	uint32_t v = (uint32_t)t->nvals++;
	t->vals[v].val = val;
	t->vals[v].next = MATCH_NONE;
	if (t->head[node] == MATCH_NONE) {
		t->head[node] = v;
	} else {
		uint32_t p = t->head[node];
		while (t->vals[p].next != MATCH_NONE)
			p = t->vals[p].next;
		t->vals[p].next = v;
	}
}

uint32_t
trie_step(const struct trie *t, uint32_t node, const char *s, size_t len)
{
	return hmap_get(&t->edges, node, s, len);
}

uint32_t
trie_step_tok(const struct trie *t, uint32_t node, const struct tok *tok)
{
	return hmap_get_h(&t->edges, node, tok->fold, tok->flen, tok->hash);
}

uint32_t
trie_step_prefix(const struct trie *t, uint32_t node, const char *s, size_t len)
{
	size_t max = len < t->maxprefix ? len : t->maxprefix;
	uint32_t key = node | TRIE_PREFIX, best = MATCH_NONE;
	uint64_t h = ATT_HASH_INIT;

	if (t->edges.n == 0)
		return MATCH_NONE;
	/* One running hash over the prefix; probe only the lengths that
	 * some prefix word has. The longest match wins. */
	for (size_t l = 1; l <= max; l++) {
		h = att_hash_byte(h, (unsigned char)s[l - 1]);
		if (l < 63 && !(t->prefixlens & (1ull << l)))
			continue;
		uint64_t hf = hash_end(h, key);
		if (!hmap_maybe(&t->edges, hf))
			continue;
		struct hmap_ent *e = hmap_slot(&t->edges, hf, key, s, l);
		if (e->s)
			best = e->val;
	}
	return best;
}

uint32_t
trie_longest(const struct trie *t, const struct tok *toks, size_t n, size_t i, int joined, size_t *end)
{
	uint32_t node = 0, best = MATCH_NONE;

	if (i >= n)
		return MATCH_NONE;
	int word = trie_may_start_word(t, &toks[i]), pre = trie_may_start_prefix(t, &toks[i]);
	if (!word && !pre)
		return MATCH_NONE;
	for (size_t j = i; j < n; j++) {
		if (j > i && joined && !(toks[j - 1].flags & TOK_JOIN))
			break;
		if (t->maxprefix && (j > i || pre)) {
			uint32_t p = trie_step_prefix(t, node, toks[j].fold, toks[j].flen);
			if (p != MATCH_NONE && t->head[p] != MATCH_NONE) {
				best = p;
				*end = j + 1;
			}
		}
		if (j == i && !word)
			break;
		node = trie_step_tok(t, node, &toks[j]);
		if (node == MATCH_NONE)
			break;
		if (t->head[node] != MATCH_NONE) {
			best = node;
			*end = j + 1;
		}
	}
	return best;
}

/* ---------------------------------------------------------------- fuzzy */

/* Decodes S into code points (caller frees). */
static ucs4_t *
decode(const char *s, size_t len, size_t *n)
{
	ucs4_t *v = xreallocarray(NULL, len + 1, sizeof *v);
	size_t i = 0, k = 0;
	while (i < len) {
		int m = u8_mbtouc(&v[k], (const uint8_t *)s + i, len - i);
		i += m > 0 ? (size_t)m : 1;
		k++;
	}
	*n = k;
	return v;
}

int
edit_distance_le1(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t na, nb, i = 0;
	int d = 2;

	if (alen == blen && memcmp(a, b, alen) == 0)
		return 0;
	ucs4_t *x = decode(a, alen, &na), *y = decode(b, blen, &nb);
	if (na < nb) {
		ucs4_t *tv = x; x = y; y = tv;
		size_t tn = na; na = nb; nb = tn;
	}
	while (i < nb && x[i] == y[i])
		i++;
	if (na == nb) {
		if (memcmp(x + i + 1, y + i + 1, (na - i - 1) * sizeof *x) == 0)
			d = 1; /* substitution */
		else if (i + 1 < na && x[i] == y[i + 1] && x[i + 1] == y[i] &&
			 memcmp(x + i + 2, y + i + 2, (na - i - 2) * sizeof *x) == 0)
			d = 1; /* transposition */
	} else if (na == nb + 1) {
		if (memcmp(x + i + 1, y + i, (nb - i) * sizeof *x) == 0)
			d = 1; /* deletion */
	}
	free(x);
	free(y);
	return d;
}

void
deletions(const char *s, size_t len, char *buf, void (*cb)(void *arg, const char *d, size_t dlen), void *arg)
{
	size_t i = 0;
	while (i < len) {
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)s + i, len - i);
		size_t m = k > 0 ? (size_t)k : 1;
		memcpy(buf, s, i);
		memcpy(buf + i, s + i + m, len - i - m);
		cb(arg, buf, len - m);
		i += m;
	}
}

/* ---------------------------------------------------------------- phonetic */

size_t
phonetic_key(const char *s, size_t len, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i], n = i + 1 < len ? s[i + 1] : '\0';
		char r = c;
		if ((c == 'k' || c == 'c' || c == 'g' || c == 'p') && n == 'h') {
			r = c == 'g' ? 'g' : c == 'p' ? 'f' : 'h';
			i++;
		} else if (c == 'j' || c == 'y') {
			r = 'i';
		} else if (c == 'w') {
			r = 'v';
		} else if (c == 'c' || c == 'q') {
			r = 'k';
		} else if (c == 'x') {
			out[o++] = 'k';
			r = 's';
		} else if (c == '-' || c == '\'' || c == ' ') {
			continue;
		}
		if (o > 0 && out[o - 1] == r)
			continue;
		out[o++] = r;
	}
	out[o] = '\0';
	return o;
}
