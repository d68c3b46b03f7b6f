/* ner.c: the recogniser: gazetteer names through a token trie, fuzzy
 * matches of long names, transliteration-proof person names, persons
 * introduced by a title, surname coreference, sentences, country sets and
 * tone. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "ingest/gazetteer.h"
#include "ingest/ingest.h"
#include "ingest/match.h"
#include "ingest/sentence.h"
#include "ingest/tone.h"
#include "model/text.h"

/* Names that may be misspelt: from 8 letters (shorter ones collide with
 * words) to 40 (which also bounds the work on a hostile 1 MB token). */
#define FUZZY_MIN 8
#define FUZZY_MAX 40

/* Node numbers in the phonetic map: full names, single surnames, and
 * keys shared by several persons. */
#define PHON_FULL 0u
#define PHON_SURNAME 1u
#define PHON_AMBIGUOUS 2u

/* What a trie node of names leads to: an entity and how its alias must be
 * written. */
struct npay {
	uint32_t ent;
	enum gaz_case rule;
	const char *exact; /* EXACT: the alias's token bytes, separators removed */
	size_t exactlen;
	int dot;           /* the alias ends with a period (U.S.): so does the mention */
	uint32_t captok;   /* CAP: the token that must be capitalised */
};

/* A fuzzy candidate, in a list per deletion key. */
struct fz {
	uint32_t pay, next;
	const char *fold;
	uint32_t flen;
};

struct recogniser {
	struct gazetteer gaz;
	struct arena mem;
	struct trie names;
	struct npay *pay;
	size_t npay, cappay;
	struct hmap vocab;   /* every folded token of a name, stop name or known word */
	struct hmap fuzzy;   /* deletion key -> bucket */
	uint32_t *bucket;    /* bucket -> first fz */
	size_t nbucket, capbucket;
	struct fz *fz;
	size_t nfz, capfz;
	struct hmap phon;    /* phonetic key of a person's name (PHON_*) -> entity */
	struct hmap stop;    /* folded stop names */
	struct trie titles;  /* cue phrases introducing a name; value: kind */
	struct trie heads;   /* organisation names less their country word; value: entity */
	struct tone_lex tone;
};

/* In the value of a title cue: the cue ends with a period. */
#define TITLE_DOT 0x100u

/* Small words that may stand between a title and a name ("il portavoce
 * di Haftar, ...", "il presidente del Tagikistan, ..."). */
static const char *const linkwords[] = {
	"di", "del", "della", "dello", "dei", "degli", "delle", "dell", "d", "of", "the", "alla",
	"al", "allo", "agli", "ai", "alle", "all", "per", "for", "in", "nel", "nella", "a", "da",
	"dal", "dalla", "to",
};

/* Lowercase particles inside a name (Ahmed al Mismari, Ursula von der Leyen). */
static const char *const particles[] = {
	"al", "el", "bin", "ben", "ibn", "abu", "bint", "de", "di", "da", "del", "della", "van",
	"von", "der", "den", "du", "dos", "das", "la", "le", "ul", "ed", "ad", "as", "ash", "ar",
	"az", "at", "an",
};

static int
in_list(const char *const *list, size_t n, const struct tok *t)
{
	if (t->flen > 5)
		return 0; /* every link word and particle is short */
	for (size_t i = 0; i < n; i++)
		if (list[i][0] == t->fold[0] && strlen(list[i]) == t->flen && memcmp(list[i], t->fold, t->flen) == 0)
			return 1;
	return 0;
}

/* ---------------------------------------------------------------- building */

static void
add_fuzzy_key(void *arg, const char *d, size_t dlen);

struct fuzzy_add {
	struct recogniser *r;
	uint32_t pay;
	const char *fold;
	uint32_t flen;
};

static void
add_fuzzy_key(void *arg, const char *d, size_t dlen)
{
	struct fuzzy_add *fa = arg;
	struct recogniser *r = fa->r;
	const char *key = arena_strndup(&r->mem, d, dlen);
	uint32_t b = hmap_put(&r->fuzzy, 0, key, dlen, (uint32_t)r->nbucket);
	if (b == r->nbucket) {
		if (r->nbucket == r->capbucket) {
			r->capbucket = r->capbucket ? r->capbucket * 2 : 1024;
			r->bucket = xreallocarray(r->bucket, r->capbucket, sizeof *r->bucket);
		}
		r->bucket[r->nbucket++] = MATCH_NONE;
	}
	if (r->nfz == r->capfz) {
		r->capfz = r->capfz ? r->capfz * 2 : 1024;
		r->fz = xreallocarray(r->fz, r->capfz, sizeof *r->fz);
	}
	r->fz[r->nfz] = (struct fz){fa->pay, r->bucket[b], fa->fold, fa->flen};
	r->bucket[b] = (uint32_t)r->nfz++;
}

/* The phonetic key of a multi-word name: the keys of its words, sorted
 * (so that "Rakhmon Emomali" meets "Emomali Rahmon"), joined by spaces.
 * Particles are left out. Returns NULL for fewer than two words. The
 * words and the key are in A (no malloc per word: this runs at most
 * tokens of an article). */
static char *
name_key(const struct tok *toks, size_t n, struct arena *a)
{
	char **w = arena_alloc(a, (n + 1) * sizeof *w);
	size_t *wl = arena_alloc(a, (n + 1) * sizeof *wl);
	size_t nw = 0, total = 0;
	for (size_t i = 0; i < n; i++) {
		if (in_list(particles, ATT_ARRAY_LEN(particles), &toks[i]))
			continue;
		char *k = arena_alloc(a, 2 * toks[i].flen + 1);
		size_t l = phonetic_key(toks[i].fold, toks[i].flen, k);
		/* Insertion in strcmp order: two or three words, as a rule. */
		size_t j = nw;
		while (j > 0 && strcmp(w[j - 1], k) > 0) {
			w[j] = w[j - 1];
			wl[j] = wl[j - 1];
			j--;
		}
		w[j] = k;
		wl[j] = l;
		total += l + 1;
		nw++;
	}
	if (nw < 2)
		return NULL;
	char *key = arena_alloc(a, total + 1);
	size_t o = 0;
	for (size_t i = 0; i < nw; i++) {
		if (i)
			key[o++] = ' ';
		memcpy(key + o, w[i], wl[i]);
		o += wl[i];
	}
	key[o] = '\0';
	return key;
}

/* Records that the phonetic KEY (in the arena) names the person ENT; a key
 * of two persons names neither. */
static void
put_phonetic(struct recogniser *r, uint32_t kind, const char *key, uint32_t ent)
{
	size_t len = strlen(key);
	uint32_t old = hmap_put(&r->phon, kind, key, len, ent);
	if (old != ent)
		hmap_put(&r->phon, kind | PHON_AMBIGUOUS, key, len, 1);
}

/* The person whose phonetic key is KEY, or MATCH_NONE. */
static uint32_t
get_phonetic(const struct recogniser *r, uint32_t kind, const char *key, size_t len)
{
	if (hmap_get(&r->phon, kind | PHON_AMBIGUOUS, key, len) != MATCH_NONE)
		return MATCH_NONE;
	return hmap_get(&r->phon, kind, key, len);
}

static void
index_alias(struct recogniser *r, uint32_t ent, const struct gaz_alias *al)
{
	struct toklist tl = {0};
	const struct gaz_ent *e = &r->gaz.ent[ent];

	tokenise(al->text, strlen(al->text), &tl, &r->mem);
	if (tl.n == 0) {
		toklist_free(&tl);
		return;
	}
	if (r->npay == r->cappay) {
		r->cappay = r->cappay ? r->cappay * 2 : 1024;
		r->pay = xreallocarray(r->pay, r->cappay, sizeof *r->pay);
	}
	struct npay *p = &r->pay[r->npay];
	memset(p, 0, sizeof *p);
	p->ent = ent;
	p->rule = al->rule;
	if (al->rule == GAZ_EXACT) {
		size_t len = 0;
		for (size_t i = 0; i < tl.n; i++)
			len += tl.v[i].end - tl.v[i].pos;
		char *x = arena_alloc(&r->mem, len + 1);
		size_t o = 0;
		for (size_t i = 0; i < tl.n; i++) {
			memcpy(x + o, al->text + tl.v[i].pos, tl.v[i].end - tl.v[i].pos);
			o += tl.v[i].end - tl.v[i].pos;
		}
		x[o] = '\0';
		p->exact = x;
		p->exactlen = o;
	}
	for (size_t i = 0; i < tl.n; i++)
		if (tl.v[i].flags & TOK_UPPER) {
			p->captok = (uint32_t)i;
			break;
		}
	size_t alen = strlen(al->text);
	p->dot = alen > 0 && al->text[alen - 1] == '.';
	uint32_t pi = (uint32_t)r->npay++;
	trie_add(&r->names, tl.v, tl.n, 0, pi);
	for (size_t i = 0; i < tl.n; i++)
		hmap_put(&r->vocab, 0, tl.v[i].fold, tl.v[i].flen, 1);
	/* Misspellings are sought for names written capitalised: a lowercase
	 * alias (a demonym) is a word, and one edit from a word is often
	 * another word (Barbadian, Barbarian). */
	if (tl.n == 1 && al->rule == GAZ_CAP && tl.v[0].nchars >= FUZZY_MIN && tl.v[0].nchars <= FUZZY_MAX &&
	    !(tl.v[0].flags & TOK_DIGIT)) {
		struct fuzzy_add fa = {r, pi, tl.v[0].fold, tl.v[0].flen};
		char *buf = xmalloc(tl.v[0].flen + 1);
		add_fuzzy_key(&fa, tl.v[0].fold, tl.v[0].flen);
		deletions(tl.v[0].fold, tl.v[0].flen, buf, add_fuzzy_key, &fa);
		free(buf);
	}
	if (e->kind == ATT_PERSON && tl.n >= 2) {
		char *key = name_key(tl.v, tl.n, &r->mem);
		if (key)
			put_phonetic(r, PHON_FULL, key, ent);
	} else if (e->kind == ATT_PERSON && tl.n == 1 && al->rule != GAZ_EXACT && tl.v[0].nchars >= 5 &&
		   !(tl.v[0].flags & TOK_DIGIT)) {
		char *key = arena_alloc(&r->mem, 2 * tl.v[0].flen + 1);
		phonetic_key(tl.v[0].fold, tl.v[0].flen, key);
		put_phonetic(r, PHON_SURNAME, key, ent);
	}
	toklist_free(&tl);
}

/* 1 when the folded word T alone names the country CODE. */
static int
is_country_word(const struct recogniser *r, const struct tok *t, const char *code)
{
	uint32_t node = trie_step_tok(&r->names, 0, t);
	if (node == MATCH_NONE)
		return 0;
	for (uint32_t v = r->names.head[node]; v != MATCH_NONE; v = r->names.vals[v].next) {
		const struct gaz_ent *e = &r->gaz.ent[r->pay[r->names.vals[v].val].ent];
		if (e->kind == ATT_COUNTRY && strcmp(e->code, code) == 0)
			return 1;
	}
	return 0;
}

/* An organisation's alias that ends with its country's word ("ministero
 * della difesa russo") gives a head ("ministero della difesa") that any
 * name of that country completes: "ministero della Difesa della Russia",
 * "... di Mosca", "... azero". */
static void
index_head(struct recogniser *r, uint32_t ent, const struct gaz_alias *al)
{
	struct toklist tl = {0};
	const struct gaz_ent *e = &r->gaz.ent[ent];

	tokenise(al->text, strlen(al->text), &tl, &r->mem);
	if (tl.n >= 3 && al->rule != GAZ_EXACT && is_country_word(r, &tl.v[tl.n - 1], e->code)) {
		size_t n = tl.n - 1;
		/* Leave out a link word before the country: "... della Russia". */
		if (n > 2 && in_list(linkwords, ATT_ARRAY_LEN(linkwords), &tl.v[n - 1]))
			n--;
		trie_add(&r->heads, tl.v, n, 0, ent);
	}
	toklist_free(&tl);
}

/* The directory that holds gazetteer/ and lexicon/: DATADIR itself, or
 * DATADIR/data (a source tree). */
static char *
data_subdir(const char *datadir, const char *sub)
{
	struct stat st;
	char *p = xasprintf("%s/%s", datadir, sub);
	if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
		return p;
	char *q = xasprintf("%s/data/%s", datadir, sub);
	if (stat(q, &st) == 0 && S_ISDIR(st.st_mode)) {
		free(p);
		return q;
	}
	free(q);
	return p;
}

/* Loads the lexicon file NAME when it exists. */
static int
load_lexicon(struct recogniser *r, const char *dir, const char *name, struct att_err *err)
{
	char *path = xasprintf("%s/%s", dir, name);
	int code;
	struct stat st;

	if (stat(path, &st) != 0 && errno == ENOENT) {
		free(path);
		return 0;
	}
	if (strcmp(name, "tone.tsv") == 0)
		code = gaz_load_tone(&r->gaz, path, err);
	else if (strcmp(name, "negation.tsv") == 0)
		code = gaz_load_words(path, &r->gaz.negation, &r->gaz.nnegation, &r->gaz.capnegation, err);
	else if (strcmp(name, "stopnames.tsv") == 0)
		code = gaz_load_words(path, &r->gaz.stopname, &r->gaz.nstopname, &r->gaz.capstopname, err);
	else if (strcmp(name, "words.tsv") == 0)
		code = gaz_load_words(path, &r->gaz.word, &r->gaz.nword, &r->gaz.capword, err);
	else
		code = gaz_load_titles(&r->gaz, path, err);
	free(path);
	return code;
}

struct recogniser *
recogniser_new(const char *datadir, const char *const *extra, size_t nextra, struct att_err *err)
{
	static const char *const gazfiles[] = {"countries.tsv", "orgs.tsv", "persons.tsv", "places.tsv"};
	static const char *const lexfiles[] = {"tone.tsv", "negation.tsv", "stopnames.tsv", "titles.tsv", "words.tsv"};
	struct recogniser *r = xcalloc(1, sizeof *r);
	int code = 0;

	char *gdir = data_subdir(datadir, "gazetteer");
	for (size_t i = 0; i < ATT_ARRAY_LEN(gazfiles) && code == 0; i++) {
		char *path = xasprintf("%s/%s", gdir, gazfiles[i]);
		code = gaz_load_entities(&r->gaz, path, err);
		if (code == EX_NOINPUT)
			att_err_set(err, code, "%s: no such file: the bundled gazetteers are missing (see --data-dir)",
				    path);
		free(path);
	}
	free(gdir);
	for (size_t i = 0; i < nextra && code == 0; i++)
		code = gaz_load_entities(&r->gaz, extra[i], err);
	char *ldir = data_subdir(datadir, "lexicon");
	for (size_t i = 0; i < ATT_ARRAY_LEN(lexfiles) && code == 0; i++)
		code = load_lexicon(r, ldir, lexfiles[i], err);
	free(ldir);
	if (code) {
		recogniser_free(r);
		return NULL;
	}

	trie_init(&r->names);
	trie_init(&r->titles);
	trie_init(&r->heads);
	for (size_t i = 0; i < r->gaz.nent; i++)
		for (size_t j = 0; j < r->gaz.ent[i].nalias; j++)
			index_alias(r, (uint32_t)i, &r->gaz.ent[i].alias[j]);
	for (size_t i = 0; i < r->gaz.nent; i++)
		if (r->gaz.ent[i].kind == ATT_ORG && r->gaz.ent[i].code[0])
			for (size_t j = 0; j < r->gaz.ent[i].nalias; j++)
				index_head(r, (uint32_t)i, &r->gaz.ent[i].alias[j]);
	for (size_t i = 0; i < r->gaz.nstopname; i++) {
		size_t flen;
		char *f = att_fold(r->gaz.stopname[i], strlen(r->gaz.stopname[i]), &flen);
		const char *s = arena_strndup(&r->mem, f, flen);
		free(f);
		hmap_put(&r->stop, 0, s, flen, 1);
		hmap_put(&r->vocab, 0, s, flen, 1);
	}
	/* Known words: never a misspelt name (Handover is not Hanover). */
	for (size_t i = 0; i < r->gaz.nword; i++) {
		size_t flen;
		char *f = att_fold(r->gaz.word[i], strlen(r->gaz.word[i]), &flen);
		hmap_put(&r->vocab, 0, arena_strndup(&r->mem, f, flen), flen, 1);
		free(f);
	}
	for (size_t i = 0; i < r->gaz.ntitle; i++) {
		/* A cue written with a final period ("on.", "gen.") needs it in
		 * the text: "on" alone is an English word. */
		const char *ph = r->gaz.title[i].phrase;
		size_t pl = strlen(ph);
		uint32_t val = (uint32_t)r->gaz.title[i].kind | (pl > 0 && ph[pl - 1] == '.' ? TITLE_DOT : 0);
		tone_add_phrase(&r->titles, ph, val, &r->mem);
	}
	tone_build(&r->tone, &r->gaz, &r->mem);
	return r;
}

void
recogniser_free(struct recogniser *r)
{
	if (r == NULL)
		return;
	gaz_free(&r->gaz);
	trie_free(&r->names);
	trie_free(&r->titles);
	trie_free(&r->heads);
	tone_free(&r->tone);
	hmap_free(&r->vocab);
	hmap_free(&r->fuzzy);
	hmap_free(&r->phon);
	hmap_free(&r->stop);
	free(r->pay);
	free(r->bucket);
	free(r->fz);
	arena_free(&r->mem);
	free(r);
}

void
recogniser_aliases(const struct recogniser *r, const char *key, void (*cb)(void *arg, const char *alias),
		   void *arg)
{
	long i = gaz_find(&r->gaz, key);
	if (i < 0)
		return;
	const struct gaz_ent *e = &r->gaz.ent[i];
	for (size_t j = 0; j < e->nalias; j++)
		cb(arg, e->alias[j].text);
}

/* ---------------------------------------------------------------- recognising */

/* A mention found, by token range. ENT is a gazetteer entity, or
 * MATCH_NONE for a person found from context (KEY, NAME, CODE then). */
struct cand {
	size_t ti, tj;
	uint32_t ent;
	enum att_kind kind;
	const char *key, *name, *code;
	int nested; /* a country inside an organisation's name */
	int dot;    /* the mention takes the period after its last token */
};

/* The work on one field (title or body). */
struct field {
	enum att_field which;
	const char *text;
	size_t len;
	struct toklist tl;
	struct spanlist ss;
	size_t *sent;   /* per token: its sentence */
	uint32_t *cover; /* per token: the candidate covering it, or MATCH_NONE */
	struct cand *c;
	size_t nc, capc;
};

static struct cand *
add_cand(struct field *f, size_t ti, size_t tj)
{
	if (f->nc == f->capc) {
		f->capc = f->capc ? f->capc * 2 : 64;
		f->c = xreallocarray(f->c, f->capc, sizeof *f->c);
	}
	struct cand *c = &f->c[f->nc++];
	memset(c, 0, sizeof *c);
	c->ti = ti;
	c->tj = tj;
	c->ent = MATCH_NONE;
	return c;
}

static void
set_cover(struct field *f, size_t ti, size_t tj)
{
	for (size_t k = ti; k < tj; k++)
		f->cover[k] = (uint32_t)(f->nc - 1);
}

static const struct gaz_ent *
cand_ent(const struct recogniser *r, const struct cand *c)
{
	return c->ent == MATCH_NONE ? NULL : &r->gaz.ent[c->ent];
}

/* Whether payload P may match tokens TOKS[i..j) as written. */
static int
case_ok(const struct npay *p, const struct field *f, size_t i, size_t j)
{
	const struct tok *t = f->tl.v;
	if (p->rule == GAZ_ANY)
		return 1;
	if (p->rule == GAZ_CAP)
		return i + p->captok < j && (t[i + p->captok].flags & TOK_UPPER) != 0;
	size_t o = 0;
	for (size_t k = i; k < j; k++) {
		size_t l = t[k].end - t[k].pos;
		if (o + l > p->exactlen || memcmp(p->exact + o, f->text + t[k].pos, l) != 0)
			return 0;
		o += l;
	}
	return o == p->exactlen;
}

/* The best gazetteer payload at node NODE for tokens [i..j), or MATCH_NONE:
 * its case rule must hold; countries first, then persons, orgs, places;
 * with ONLY_COUNTRY, countries alone. */
static uint32_t
best_payload(const struct recogniser *r, uint32_t node, const struct field *f, size_t i, size_t j,
	     int only_country)
{
	uint32_t best = MATCH_NONE;
	for (uint32_t v = r->names.head[node]; v != MATCH_NONE; v = r->names.vals[v].next) {
		const struct npay *p = &r->pay[r->names.vals[v].val];
		enum att_kind k = r->gaz.ent[p->ent].kind;
		if (only_country && k != ATT_COUNTRY)
			continue;
		if (!case_ok(p, f, i, j))
			continue;
		if (best == MATCH_NONE || k < r->gaz.ent[r->pay[best].ent].kind)
			best = r->names.vals[v].val;
	}
	return best;
}

/* The longest gazetteer name at token I: sets *END and returns the payload. */
static uint32_t
match_name(const struct recogniser *r, const struct field *f, size_t i, size_t limit, int only_country,
	   size_t *end)
{
	const struct tok *t = f->tl.v;
	uint32_t node = 0, best = MATCH_NONE;

	if (i < limit && !trie_may_start_word(&r->names, &t[i]))
		return MATCH_NONE;
	for (size_t j = i; j < limit; j++) {
		if (j > i && !(t[j - 1].flags & TOK_JOIN))
			break;
		node = trie_step_tok(&r->names, node, &t[j]);
		if (node == MATCH_NONE)
			break;
		if (r->names.head[node] != MATCH_NONE) {
			uint32_t p = best_payload(r, node, f, i, j + 1, only_country);
			if (p != MATCH_NONE) {
				best = p;
				*end = j + 1;
			}
		}
	}
	return best;
}

struct fuzzy_find {
	const struct recogniser *r;
	const struct tok *t;
	uint32_t ent;
	int ambiguous;
};

static void
fuzzy_probe(void *arg, const char *d, size_t dlen)
{
	struct fuzzy_find *ff = arg;
	const struct recogniser *r = ff->r;
	uint32_t b = hmap_get(&r->fuzzy, 0, d, dlen);
	if (b == MATCH_NONE)
		return;
	for (uint32_t k = r->bucket[b]; k != MATCH_NONE; k = r->fz[k].next) {
		const struct fz *z = &r->fz[k];
		/* The same first and last letter: an ending changed is an
		 * inflection or another word (Constant, Guardians), not a typo. */
		if (z->fold[0] != ff->t->fold[0] || z->fold[z->flen - 1] != ff->t->fold[ff->t->flen - 1])
			continue;
		if (edit_distance_le1(z->fold, z->flen, ff->t->fold, ff->t->flen) != 1)
			continue;
		uint32_t ent = r->pay[z->pay].ent;
		if (ff->ent == MATCH_NONE)
			ff->ent = ent;
		else if (ff->ent != ent)
			ff->ambiguous = 1;
	}
}

/* A misspelt long name (Azerbagian, Bielorussa): a capitalised token of
 * eight letters or more that is no known word, one edit away from exactly
 * one entity's capitalised name with the same first and last letter. */
static uint32_t
match_fuzzy(const struct recogniser *r, const struct tok *t)
{
	if (!(t->flags & TOK_UPPER) || t->nchars < FUZZY_MIN || t->nchars > FUZZY_MAX + 1 || r->fuzzy.n == 0)
		return MATCH_NONE;
	if (hmap_get_tok(&r->vocab, 0, t) != MATCH_NONE)
		return MATCH_NONE;
	struct fuzzy_find ff = {r, t, MATCH_NONE, 0};
	char *buf = xmalloc(t->flen + 1);
	fuzzy_probe(&ff, t->fold, t->flen);
	deletions(t->fold, t->flen, buf, fuzzy_probe, &ff);
	free(buf);
	return ff.ambiguous ? MATCH_NONE : ff.ent;
}

/* A surname of the gazetteer in another transliteration ("Shojgu",
 * "Zelenskij"): a capitalised token of five letters or more, no known
 * word, with the phonetic key of exactly one person's surname. */
static uint32_t
match_surname_variant(const struct recogniser *r, const struct tok *t, struct arena *a)
{
	if (!(t->flags & TOK_UPPER) || (t->flags & TOK_ALLUPPER) || t->nchars < 5 || t->nchars > FUZZY_MAX ||
	    r->phon.n == 0 || hmap_get_tok(&r->vocab, 0, t) != MATCH_NONE)
		return MATCH_NONE;
	char *key = arena_alloc(a, 2 * t->flen + 1);
	size_t len = phonetic_key(t->fold, t->flen, key);
	return get_phonetic(r, PHON_SURNAME, key, len);
}

/* A person of the gazetteer written in another transliteration: two or
 * three capitalised words whose phonetic key is a known full name. */
static uint32_t
match_phonetic(const struct recogniser *r, const struct field *f, size_t i, size_t *end,
	       struct arena *a)
{
	const struct tok *t = f->tl.v;
	if (r->phon.n == 0 || !(t[i].flags & TOK_UPPER))
		return MATCH_NONE;
	for (size_t len = 3; len >= 2; len--) {
		if (i + len > f->tl.n)
			continue;
		int ok = 1;
		for (size_t k = i; k < i + len && ok; k++) {
			if (!(t[k].flags & TOK_UPPER) && !in_list(particles, ATT_ARRAY_LEN(particles), &t[k]))
				ok = 0;
			if (k > i && !(t[k - 1].flags & TOK_JOIN))
				ok = 0;
		}
		if (!ok || !(t[i + len - 1].flags & TOK_UPPER))
			continue;
		char *key = name_key(t + i, len, a);
		if (key == NULL)
			continue;
		uint32_t ent = get_phonetic(r, PHON_FULL, key, strlen(key));
		if (ent != MATCH_NONE) {
			*end = i + len;
			return ent;
		}
	}
	return MATCH_NONE;
}

/* Pass 1: gazetteer names (longest match), transliterated persons, fuzzy
 * names; countries nested inside an organisation's name. */
static void
find_names(const struct recogniser *r, struct field *f, struct arena *a)
{
	const struct tok *t = f->tl.v;
	size_t n = f->tl.n;

	for (size_t i = 0; i < n;) {
		size_t end = i, pend = i;
		uint32_t p = match_name(r, f, i, n, 0, &end);
		uint32_t pent = match_phonetic(r, f, i, &pend, a);
		if (pent != MATCH_NONE && pend > end) {
			struct cand *c = add_cand(f, i, pend);
			c->ent = pent;
			set_cover(f, i, pend);
			i = pend;
			continue;
		}
		if (p != MATCH_NONE) {
			uint32_t ent = r->pay[p].ent;
			struct cand *c = add_cand(f, i, end);
			c->ent = ent;
			c->dot = r->pay[p].dot;
			set_cover(f, i, end);
			if (r->gaz.ent[ent].kind == ATT_ORG) {
				for (size_t k = i + 1; k < end;) {
					size_t e2 = k;
					uint32_t q = match_name(r, f, k, end, 1, &e2);
					if (q != MATCH_NONE) {
						struct cand *cn = add_cand(f, k, e2);
						cn->ent = r->pay[q].ent;
						cn->nested = 1;
						k = e2;
					} else {
						k++;
					}
				}
			}
			i = end;
			continue;
		}
		if (hmap_get_tok(&r->stop, 0, &t[i]) == MATCH_NONE) {
			uint32_t ent = match_fuzzy(r, &t[i]);
			if (ent == MATCH_NONE)
				ent = match_surname_variant(r, &t[i], a);
			if (ent != MATCH_NONE) {
				struct cand *c = add_cand(f, i, i + 1);
				c->ent = ent;
				set_cover(f, i, i + 1);
			}
		}
		i++;
	}
}

static int
is_stop(const struct recogniser *r, const struct tok *t)
{
	return hmap_get_tok(&r->stop, 0, t) != MATCH_NONE;
}

/* A token that can be part of a name found from context. */
static int
name_tok(const struct recogniser *r, const struct field *f, size_t k)
{
	const struct tok *t = &f->tl.v[k];
	return (t->flags & TOK_UPPER) && f->cover[k] == MATCH_NONE && !is_stop(r, t);
}

/* Pass 1a: an organisation's head completed by a country that the
 * gazetteer does not list with it ("ministero della Difesa della Russia",
 * "ministero degli Esteri di Ankara"): one organisation mention over both,
 * the country staying a mention inside it. */
static void
find_org_heads(const struct recogniser *r, struct field *f)
{
	const struct tok *t = f->tl.v;
	size_t n = f->tl.n;

	if (r->heads.nnodes <= 1)
		return;
	for (size_t i = 0; i < n; i++) {
		size_t e;
		if (f->cover[i] != MATCH_NONE)
			continue;
		uint32_t node = trie_longest(&r->heads, t, n, i, 1, &e);
		if (node == MATCH_NONE || e >= n || !(t[e - 1].flags & TOK_JOIN))
			continue;
		size_t k = e;
		if (f->cover[k] == MATCH_NONE && in_list(linkwords, ATT_ARRAY_LEN(linkwords), &t[k]) && k + 1 < n &&
		    (t[k].flags & TOK_JOIN))
			k++;
		int ok = 1;
		for (size_t m = i; m < k; m++)
			if (f->cover[m] != MATCH_NONE)
				ok = 0;
		if (!ok || f->cover[k] == MATCH_NONE)
			continue;
		uint32_t ci = f->cover[k];
		const struct gaz_ent *ce = cand_ent(r, &f->c[ci]);
		if (ce == NULL || ce->kind != ATT_COUNTRY || f->c[ci].ti != k)
			continue;
		uint32_t org = MATCH_NONE;
		for (uint32_t v = r->heads.head[node]; v != MATCH_NONE; v = r->heads.vals[v].next)
			if (strcmp(r->gaz.ent[r->heads.vals[v].val].code, ce->code) == 0) {
				org = r->heads.vals[v].val;
				break;
			}
		if (org == MATCH_NONE)
			continue;
		size_t end = f->c[ci].tj;
		f->c[ci].nested = 1;
		struct cand *c = add_cand(f, i, end);
		c->ent = org;
		for (size_t m = i; m < k; m++)
			f->cover[m] = (uint32_t)(f->nc - 1);
		i = end - 1;
	}
}

/* Pass 1b: a first name written before a gazetteer surname makes one
 * mention with it ("Vlodimir Zelensky" when only "Zelensky" is known). */
static void
extend_first_names(const struct recogniser *r, struct field *f)
{
	const struct tok *t = f->tl.v;

	for (size_t ci = 0; ci < f->nc; ci++) {
		struct cand *c = &f->c[ci];
		const struct gaz_ent *e = cand_ent(r, c);
		if (e == NULL || e->kind != ATT_PERSON || c->nested || c->tj - c->ti != 1 || c->ti == 0)
			continue;
		size_t k = c->ti - 1;
		if (!(t[k].flags & TOK_JOIN) || !name_tok(r, f, k) || (t[k].flags & (TOK_SSTART | TOK_ALLUPPER)) ||
		    t[k].nchars < 3)
			continue;
		c->ti = k;
		f->cover[k] = (uint32_t)ci;
	}
}

/* The end of the name that starts at token K: up to four capitalised
 * words, with particles (al, von) and the rest of a word after an
 * apostrophe (Ja'afari) inside. *WORDS: the capitalised words. */
static size_t
name_run(const struct recogniser *r, const struct field *f, size_t k, size_t *words)
{
	const struct tok *t = f->tl.v;
	size_t n = f->tl.n, e = k + 1;

	*words = 1;
	while (e < n && *words < 4 && (t[e - 1].flags & TOK_JOIN)) {
		if (name_tok(r, f, e)) {
			e++;
			(*words)++;
		} else if ((t[e - 1].flags & TOK_APOS) && !(t[e].flags & (TOK_UPPER | TOK_DIGIT)) &&
			   f->cover[e] == MATCH_NONE) {
			e++; /* the rest of a word after an apostrophe: Ja'afari */
		} else if (in_list(particles, ATT_ARRAY_LEN(particles), &t[e]) && e + 1 < n &&
			   (t[e].flags & TOK_JOIN) && name_tok(r, f, e + 1)) {
			e += 2;
			(*words)++;
		} else {
			break;
		}
	}
	return e;
}

/* Pass 2: names introduced by a title or a cue ("il generale Khalifa
 * Haftar", "il portavoce di Haftar, Ahmed al Mismari", "il quotidiano
 * ucraino Pravda"), of the cue's kind, with the country the cue names. */
static void
find_context_names(const struct recogniser *r, struct field *f, struct arena *a)
{
	const struct tok *t = f->tl.v;
	size_t n = f->tl.n;

	if (r->titles.nnodes <= 1)
		return;
	for (size_t i = 0; i < n; i++) {
		size_t end;
		uint32_t node = trie_longest(&r->titles, t, n, i, 1, &end);
		if (node == MATCH_NONE)
			continue;
		uint32_t val = r->titles.vals[r->titles.head[node]].val;
		enum att_kind kind = (enum att_kind)(val & ~TITLE_DOT);
		if (kind == ATT_COUNTRY)
			continue;
		if ((val & TITLE_DOT) && !(t[end - 1].end < f->len && f->text[t[end - 1].end] == '.'))
			continue;
		/* Between the title and the name: small words, role words
		 * (stop names: "della Difesa"), and the countries, organisations
		 * or persons the title is for ("russo", "di Haftar"). A known
		 * person right after the title or its country holds the title:
		 * nothing more to find. */
		const char *code = NULL;
		size_t k = end;
		int after_link = 0, holder = 0;
		while (k < n && k < end + 8 && f->sent[k] == f->sent[i]) {
			if (f->cover[k] != MATCH_NONE) {
				const struct cand *c = &f->c[f->cover[k]];
				const struct gaz_ent *e = cand_ent(r, c);
				if (e == NULL || e->kind == ATT_PLACE)
					break;
				if (e->kind == ATT_PERSON && !after_link) {
					holder = 1;
					break;
				}
				if (code == NULL && e->code[0])
					code = e->code;
				after_link = 0;
				k = c->tj;
				continue;
			}
			if (!(t[k].flags & TOK_UPPER) && in_list(linkwords, ATT_ARRAY_LEN(linkwords), &t[k])) {
				after_link = 1;
				k++;
				continue;
			}
			if (is_stop(r, &t[k])) {
				after_link = 0;
				k++;
				continue;
			}
			break;
		}
		if (holder)
			continue;
		if (k >= n || f->sent[k] != f->sent[i] || !name_tok(r, f, k))
			continue;
		size_t words, s = k, e = name_run(r, f, k, &words);
		/* After "del", "delle": a capitalised role complement may come
		 * first ("il ministro delle Infrastrutture Oleksandr Kubrakov",
		 * "... delle Infrastrutture, Oleksandr Kubrakov"). */
		if (after_link && kind == ATT_PERSON) {
			if (words >= 3 && name_tok(r, f, k + 1)) {
				s = k + 1;
				e = name_run(r, f, s, &words);
			} else if (e < n && f->sent[e] == f->sent[i] && name_tok(r, f, e) &&
				   memchr(f->text + t[e - 1].end, ',', t[e].pos - t[e - 1].end) != NULL) {
				s = e;
				e = name_run(r, f, s, &words);
			}
		}
		/* The key: the phonetic keys of the words of a person's name, in
		 * their order, particles left out, so that "Ahmed al-Mismari"
		 * and "Ahmed Mismari", "Zakharova" and "Zacharova" are one person
		 * across the corpus; other kinds keep their folded words. */
		size_t klen = 0;
		for (size_t m = s; m < e; m++)
			klen += 2 * t[m].flen + 1;
		char *key = arena_alloc(a, klen + 16);
		size_t o = (size_t)snprintf(key, 16, "%s::", gaz_kind_name(kind)), o0 = o;
		for (size_t m = s; m < e; m++) {
			if (kind == ATT_PERSON && e - s > 1 && in_list(particles, ATT_ARRAY_LEN(particles), &t[m]))
				continue;
			if (o > o0)
				key[o++] = ' ';
			if (kind == ATT_PERSON) {
				o += phonetic_key(t[m].fold, t[m].flen, key + o);
			} else {
				memcpy(key + o, t[m].fold, t[m].flen);
				o += t[m].flen;
			}
		}
		key[o] = '\0';
		struct cand *c = add_cand(f, s, e);
		c->kind = kind;
		c->key = key;
		c->name = arena_strndup(a, f->text + t[s].pos, t[e - 1].end - t[s].pos);
		c->code = code;
		set_cover(f, s, e);
		i = e - 1;
	}
}

/* Pass 3: a surname alone refers to the person named in full elsewhere in
 * the article ("Haftar" after "Khalifa Haftar"). */
static void
find_surnames(const struct recogniser *r, struct field *fields, size_t nf)
{
	struct hmap sur = {0};
	struct cand *srcs = NULL;
	size_t nsrc = 0, capsrc = 0;

	for (size_t fi = 0; fi < nf; fi++) {
		struct field *f = &fields[fi];
		for (size_t ci = 0; ci < f->nc; ci++) {
			struct cand *c = &f->c[ci];
			const struct gaz_ent *e = cand_ent(r, c);
			enum att_kind kind = e ? e->kind : c->kind;
			if (kind != ATT_PERSON || c->tj - c->ti < 2)
				continue;
			const struct tok *last = &f->tl.v[c->tj - 1];
			if (nsrc == capsrc) {
				capsrc = capsrc ? capsrc * 2 : 16;
				srcs = xreallocarray(srcs, capsrc, sizeof *srcs);
			}
			srcs[nsrc] = *c;
			hmap_put(&sur, 0, last->fold, last->flen, (uint32_t)nsrc);
			nsrc++;
		}
	}
	for (size_t fi = 0; fi < nf && nsrc; fi++) {
		struct field *f = &fields[fi];
		for (size_t k = 0; k < f->tl.n; k++) {
			const struct tok *t = &f->tl.v[k];
			if (f->cover[k] != MATCH_NONE || !(t->flags & TOK_UPPER))
				continue;
			uint32_t si = hmap_get_tok(&sur, 0, t);
			if (si == MATCH_NONE)
				continue;
			struct cand src = srcs[si];
			struct cand *c = add_cand(f, k, k + 1);
			*c = src;
			c->ti = k;
			c->tj = k + 1;
			c->nested = 0;
			set_cover(f, k, k + 1);
		}
	}
	hmap_free(&sur);
	free(srcs);
}

/* Tokens, sentences, and which sentence each token is in. */
static void
prepare_field(struct field *f, enum att_field which, const char *text, size_t len, struct arena *a)
{
	memset(f, 0, sizeof *f);
	f->which = which;
	f->text = text;
	f->len = len;
	tokenise(text, len, &f->tl, a);
	split_sentences(text, len, &f->ss);
	f->sent = xreallocarray(NULL, f->tl.n + 1, sizeof *f->sent);
	f->cover = xreallocarray(NULL, f->tl.n + 1, sizeof *f->cover);
	size_t s = 0;
	for (size_t k = 0; k < f->tl.n; k++) {
		struct tok *t = &f->tl.v[k];
		while (s + 1 < f->ss.n && t->pos >= f->ss.v[s].pos + f->ss.v[s].len)
			s++;
		f->sent[k] = s;
		f->cover[k] = MATCH_NONE;
		if (k == 0 || f->sent[k - 1] != s) {
			t->flags |= TOK_SSTART;
			if (k > 0)
				f->tl.v[k - 1].flags &= ~(unsigned)TOK_JOIN;
		}
	}
}

static void
field_free(struct field *f)
{
	toklist_free(&f->tl);
	spanlist_free(&f->ss);
	free(f->sent);
	free(f->cover);
	free(f->c);
}

static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->ti != y->ti)
		return x->ti < y->ti ? -1 : 1;
	return (x->nested > y->nested) - (x->nested < y->nested);
}

static int
cmp_code(const void *a, const void *b)
{
	return memcmp(a, b, 2);
}

/* The folded text of tokens [I, J): their folded forms with the gaps
 * between them (spaces, hyphens, apostrophes, periods) as written, the
 * typographic apostrophe and the no-break space made ASCII. */
static const char *
fold_surface(const struct field *f, size_t i, size_t j, struct arena *a)
{
	const struct tok *t = f->tl.v;
	size_t len = 0;
	for (size_t k = i; k < j; k++)
		len += t[k].flen + (k + 1 < j ? t[k + 1].pos - t[k].end : 0);
	char *s = arena_alloc(a, len + 1), *o = s;
	for (size_t k = i; k < j; k++) {
		memcpy(o, t[k].fold, t[k].flen);
		o += t[k].flen;
		if (k + 1 == j)
			break;
		for (size_t g = t[k].end; g < t[k + 1].pos;) {
			const unsigned char *p = (const unsigned char *)f->text + g;
			if (p[0] == 0xe2 && p[1] == 0x80 && p[2] == 0x99) {
				*o++ = '\'';
				g += 3;
			} else if (p[0] == 0xc2 && p[1] == 0xa0) {
				*o++ = ' ';
				g += 2;
			} else {
				*o++ = (char)p[0];
				g++;
			}
		}
	}
	*o = '\0';
	return s;
}

static void
free_arena(void *storage)
{
	arena_free(storage);
	free(storage);
}

/* Fills the mentions and sentences of ANN from the fields. The two arrays
 * are allocated with malloc (att_doc_ann_free frees them); the strings and
 * the country lists live in the arena that ANN->storage owns. */
static void
build_ann(const struct recogniser *r, struct field *fields, size_t nf, struct att_doc_ann *ann,
	  struct arena *a)
{
	size_t nm = 0, ns = 0;
	for (size_t fi = 0; fi < nf; fi++) {
		nm += fields[fi].nc;
		ns += fields[fi].ss.n;
	}
	ann->mentions = xcalloc(nm + 1, sizeof *ann->mentions);
	ann->sentences = xcalloc(ns + 1, sizeof *ann->sentences);
	ann->nmentions = ann->nsentences = 0;
	for (size_t fi = 0; fi < nf; fi++) {
		struct field *f = &fields[fi];
		const struct tok *t = f->tl.v;
		if (f->nc > 1)
			qsort(f->c, f->nc, sizeof *f->c, cmp_cand);
		size_t last_pos = SIZE_MAX;
		for (size_t ci = 0; ci < f->nc; ci++) {
			const struct cand *c = &f->c[ci];
			if (t[c->ti].pos == last_pos)
				continue;
			last_pos = t[c->ti].pos;
			struct att_mention *m = &ann->mentions[ann->nmentions++];
			const struct gaz_ent *e = cand_ent(r, c);
			if (e) {
				m->ent.kind = e->kind;
				m->ent.key = e->key;
				m->ent.name = e->canonical;
				m->ent.country = e->code[0] ? e->code : NULL;
			} else {
				m->ent.kind = c->kind;
				m->ent.key = c->key;
				m->ent.name = c->name;
				m->ent.country = c->code;
			}
			m->field = f->which;
			m->pos = t[c->ti].pos;
			m->len = t[c->tj - 1].end - m->pos;
			if (c->dot && m->pos + m->len < f->len && f->text[m->pos + m->len] == '.')
				m->len++;
			m->surface_folded = fold_surface(f, c->ti, c->tj, a);
		}
		/* Sentences: country codes and tone. */
		size_t k = 0, ci = 0;
		for (size_t si = 0; si < f->ss.n; si++) {
			struct att_sentence *s = &ann->sentences[ann->nsentences++];
			s->field = f->which;
			s->pos = f->ss.v[si].pos;
			s->len = f->ss.v[si].len;
			size_t k0 = k;
			while (k < f->tl.n && f->sent[k] == si)
				k++;
			s->tone = 0;
			s->countries = NULL;
			s->ncountries = 0;
			size_t cap = 0;
			while (ci < f->nc && f->sent[f->c[ci].ti] < si)
				ci++;
			for (size_t cj = ci; cj < f->nc && f->sent[f->c[cj].ti] == si; cj++) {
				const struct gaz_ent *e = cand_ent(r, &f->c[cj]);
				if (e == NULL || e->kind != ATT_COUNTRY)
					continue;
				if (s->ncountries == cap) {
					char(*nv)[3] = arena_alloc(a, (cap * 2 + 4) * sizeof *nv);
					if (s->ncountries)
						memcpy(nv, s->countries, s->ncountries * sizeof *nv);
					s->countries = nv;
					cap = cap * 2 + 4;
				}
				memcpy(s->countries[s->ncountries++], e->code, 3);
			}
			if (s->ncountries > 1) {
				qsort(s->countries, s->ncountries, sizeof *s->countries, cmp_code);
				size_t u = 1;
				for (size_t x = 1; x < s->ncountries; x++)
					if (memcmp(s->countries[x], s->countries[u - 1], 2) != 0)
						memcpy(s->countries[u++], s->countries[x], 3);
				s->ncountries = u;
			}
			/* The tone of a sentence that names two countries or more:
			 * the index keeps no other (only the sentences evidence
			 * cites, and the relations' tones). T is NULL when the
			 * field has no token: no NULL + 0. */
			if (s->ncountries >= 2)
				s->tone = tone_score(&r->tone, t ? t + k0 : NULL, k - k0);
		}
	}
}

void
recognise(const struct recogniser *r, const struct att_doc *doc, struct att_doc_ann *ann)
{
	struct arena *a = xcalloc(1, sizeof *a);
	struct field fields[2];

	memset(ann, 0, sizeof *ann);
	prepare_field(&fields[0], ATT_TITLE, doc->title ? doc->title : "",
		      doc->title ? strlen(doc->title) : 0, a);
	prepare_field(&fields[1], ATT_BODY, doc->body ? doc->body : "", doc->body ? doc->body_len : 0, a);
	for (size_t fi = 0; fi < 2; fi++)
		find_names(r, &fields[fi], a);
	for (size_t fi = 0; fi < 2; fi++) {
		find_org_heads(r, &fields[fi]);
		extend_first_names(r, &fields[fi]);
		find_context_names(r, &fields[fi], a);
	}
	find_surnames(r, fields, 2);
	build_ann(r, fields, 2, ann, a);
	for (size_t fi = 0; fi < 2; fi++)
		field_free(&fields[fi]);
	ann->storage = a;
	ann->free_storage = free_arena;
}
