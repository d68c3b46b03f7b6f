/* match.h: the matcher's parts: a bump arena, a hash map keyed by
 * (node, string), a one-pass tokeniser with folded tokens and byte offsets,
 * a token-level trie (each edge one folded token), the deletion
 * neighbourhood used for fuzzy names, and the phonetic key for persons.
 * None of these costs more per token when the gazetteer grows. */
#ifndef ATTACHE_MATCH_H
#define ATTACHE_MATCH_H

#include <stddef.h>
#include <stdint.h>

#define MATCH_NONE UINT32_MAX

/* ---------------------------------------------------------------- arena */

/* Memory that is freed all at once: the recogniser's strings, and the
 * scratch and results of one recognise() call. */
struct arena {
	struct arena_block *head;
};
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

/* ---------------------------------------------------------------- hash map */

/* Open addressing; keys are (a 32-bit node or map number, bytes). The map
 * keeps the pointer to the bytes: they must outlive it. */
struct hmap_ent {
	uint64_t hash;
	const char *s;
	uint32_t len;
	uint32_t node;
	uint32_t val;
};
struct hmap {
	struct hmap_ent *tab;
	size_t cap, n;
	/* A bit per hash (see hmap_filter_bit): most lookups are of
	 * words that are not there, and this small bitmap, which stays in
	 * the cache, answers them without touching the table. */
	uint64_t *filter;
	unsigned fshift;
};
/* The value stored for (NODE, S), or MATCH_NONE. */
uint32_t hmap_get(const struct hmap *m, uint32_t node, const char *s, size_t len);
/* The same, given SH = att_hash(S, LEN) (model/util.h). */
uint32_t hmap_get_h(const struct hmap *m, uint32_t node, const char *s, size_t len, uint64_t sh);
#define hmap_get_tok(m, node, t) hmap_get_h((m), (node), (t)->fold, (t)->flen, (t)->hash)
/* Stores VAL for (NODE, S) unless present; returns the value in the map. */
uint32_t hmap_put(struct hmap *m, uint32_t node, const char *s, size_t len, uint32_t val);
void hmap_free(struct hmap *m);

/* ---------------------------------------------------------------- tokens */

enum {
	TOK_UPPER = 1 << 0,    /* first letter is uppercase */
	TOK_ALLUPPER = 1 << 1, /* every letter is uppercase (and there are two or more) */
	TOK_DIGIT = 1 << 2,    /* starts with a digit */
	TOK_JOIN = 1 << 3,     /* the gap to the next token may lie inside a name */
	TOK_SSTART = 1 << 4,   /* first token of a sentence */
	TOK_APOS = 1 << 5      /* the gap to the next token is one apostrophe (Ja'afari, dell'Ucraina) */
};

/* A run of letters, digits and combining marks. Apostrophes, hyphens and
 * periods separate tokens, so that "dell'Ucraina" gives "dell" and
 * "Ucraina" and "Nagorno-Karabakh" equals "Nagorno Karabakh". */
struct tok {
	size_t pos, end;  /* bytes into the text */
	const char *fold; /* folded (att_fold), in the arena */
	uint32_t flen;    /* bytes of FOLD */
	uint32_t nchars;  /* code points of FOLD */
	uint64_t hash;    /* att_hash of FOLD */
	unsigned flags;
};
struct toklist {
	struct tok *v;
	size_t n, cap;
};

/* Appends the tokens of TEXT[0..LEN) to OUT; folded strings go to A. */
void tokenise(const char *text, size_t len, struct toklist *out, struct arena *a);
void toklist_free(struct toklist *t);

/* ---------------------------------------------------------------- trie */

/* A token-level trie. Node 0 is the root. Each node may carry values (a
 * linked list, in insertion order). A phrase whose last word ends in '*'
 * is stored on a prefix edge: it matches any token that starts with it. */
struct trie {
	struct hmap edges;    /* (node, token) -> child; prefix edges use node | TRIE_PREFIX */
	uint32_t *head;       /* per node: first value index, or MATCH_NONE */
	size_t nnodes, capnodes;
	struct trie_val {
		uint32_t val, next;
	} *vals;
	size_t nvals, capvals;
	uint32_t maxprefix;   /* longest prefix word, in bytes */
	uint64_t prefixlens;  /* bit L: a prefix word of L bytes exists (63: longer) */
	/* What can start a phrase, by the first two bytes of its first token
	 * (the second 0 for a one-byte token), or by its first byte alone
	 * for a one-byte prefix word: most tokens start none, and are
	 * turned away here without a hash probe. */
	uint64_t *start2;     /* 3 x 65,536 bits: exact first tokens; prefix words of two
			       * bytes; prefix words of three or more, by a hash of
			       * their first three bytes */
	uint64_t start1[4];   /* prefix words of one byte */
};
#define TRIE_PREFIX 0x80000000u

/* The bit of a token's first two bytes in trie.start2. */
static inline unsigned
trie_start_key(const char *fold, size_t flen)
{
	const unsigned char *f = (const unsigned char *)fold;
	return flen == 0 ? 0 : (unsigned)f[0] << 8 | (flen > 1 ? f[1] : 0);
}

/* 0 when no phrase of T starts with token TOK as a whole word. */
static inline int
trie_may_start_word(const struct trie *t, const struct tok *tok)
{
	unsigned k = trie_start_key(tok->fold, tok->flen);
	return t->start2 == NULL || ((t->start2[k >> 6] >> (k & 63)) & 1);
}

/* The bit of the first three bytes of FOLD (at least three) in the third
 * map of trie.start2. */
static inline unsigned
trie_start_key3(const char *fold)
{
	const unsigned char *f = (const unsigned char *)fold;
	return ((uint32_t)f[0] | (uint32_t)f[1] << 8 | (uint32_t)f[2] << 16) * 0x9e3779b1u >> 16;
}

/* 0 when no prefix word of T (a phrase of one prefix) starts token TOK. */
static inline int
trie_may_start_prefix(const struct trie *t, const struct tok *tok)
{
	if (t->start2 == NULL || tok->flen == 0)
		return 1;
	unsigned b0 = (unsigned char)tok->fold[0];
	if ((t->start1[b0 >> 6] >> (b0 & 63)) & 1)
		return 1;
	if (tok->flen < 2)
		return 0;
	unsigned k = trie_start_key(tok->fold, tok->flen);
	if ((t->start2[1024 + (k >> 6)] >> (k & 63)) & 1)
		return 1;
	if (tok->flen < 3)
		return 0;
	k = trie_start_key3(tok->fold);
	return (t->start2[2048 + (k >> 6)] >> (k & 63)) & 1;
}
void trie_init(struct trie *t);
void trie_free(struct trie *t);
/* Adds the phrase of tokens TOKS[0..N) with value VAL; when PREFIX, the
 * last token is a prefix. The token strings must outlive the trie. */
void trie_add(struct trie *t, const struct tok *toks, size_t n, int prefix, uint32_t val);
/* The child of NODE along the exact token, or MATCH_NONE. */
uint32_t trie_step(const struct trie *t, uint32_t node, const char *s, size_t len);
/* The same along token TOK, with its hash. */
uint32_t trie_step_tok(const struct trie *t, uint32_t node, const struct tok *tok);
/* The longest prefix-edge child of NODE matching a prefix of S, or MATCH_NONE. */
uint32_t trie_step_prefix(const struct trie *t, uint32_t node, const char *s, size_t len);

/* Matches the longest phrase of T starting at token I of TOKS[0..N)
 * (consecutive tokens must be joined by TOK_JOIN gaps when JOINED).
 * Returns the end node and sets *END to one past its last token, or
 * returns MATCH_NONE. Values: T->head[node], then T->vals[v].next. */
uint32_t trie_longest(const struct trie *t, const struct tok *toks, size_t n, size_t i, int joined,
		      size_t *end);

/* ---------------------------------------------------------------- fuzzy */

/* Damerau (optimal string alignment) distance between A and B (UTF-8),
 * stopping early: returns 0, 1 or 2 (meaning "2 or more"). */
int edit_distance_le1(const char *a, size_t alen, const char *b, size_t blen);
/* Calls CB with S minus each one of its code points (the deletion
 * neighbourhood of distance 1); BUF must hold LEN bytes. */
void deletions(const char *s, size_t len, char *buf, void (*cb)(void *arg, const char *d, size_t dlen),
	       void *arg);

/* ---------------------------------------------------------------- phonetic */

/* Writes to OUT (room for 2 * LEN + 1 bytes) a key of the folded word S
 * that survives transliteration variants: j and y become i, kh/ch become
 * h, gh becomes g, w becomes v, c and q become k, doubled letters are
 * single. Returns the key length. */
size_t phonetic_key(const char *s, size_t len, char *out);

#endif
