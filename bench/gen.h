/* gen.h: the pieces of gencorpus, the benchmark corpus generator.
 *
 *   gen_rand.c  a seeded random stream and Zipf-like samplers
 *   gen_gaz.c   entities (data/gazetteer/ *.tsv, or a small built-in list)
 *               and tone cues (data/lexicon/tone.tsv, or built-in)
 *   gen_words.c sentence templates and word lists of our own, it and en
 *   gencorpus.c options, article assembly, JSON Lines / .txt / truth output
 *
 * Everything is deterministic from the seed: no clock, no locale, no
 * hash-table iteration order. */
#ifndef ATTACHE_BENCH_GEN_H
#define ATTACHE_BENCH_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "model/util.h"

/* ----------------------------------------------------------- randomness */

struct rng {
	uint64_t s;
};
void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
/* A uniform integer in [0, n); n > 0. */
size_t rng_below(struct rng *r, size_t n);
/* A uniform double in [0, 1). */
double rng_unit(struct rng *r);

/* Samples ranks 0..n-1 with weight 1/(rank+1)^s. */
struct zipf {
	double *cdf;
	size_t n;
};
void zipf_init(struct zipf *z, size_t n, double s);
size_t zipf_draw(const struct zipf *z, struct rng *r);
void zipf_free(struct zipf *z);

/* ----------------------------------------------------------- entities */

enum ent_kind { ENT_COUNTRY, ENT_PERSON, ENT_ORG, ENT_PLACE, ENT_NKINDS };
extern const char *const ent_kind_name[ENT_NKINDS];

struct ent {
	unsigned id; /* 1-based, unique over all kinds */
	enum ent_kind kind;
	char *code;   /* ISO code or "" */
	char *name;   /* canonical */
	char **surf;  /* names usable in running text, [0] is canonical */
	size_t nsurf;
	char *adj_it; /* Italian adjective (lower-case alias ending in -o), or NULL */
};

struct ent_list {
	struct ent *v; /* in rank order: most frequent first */
	size_t n, cap;
	struct zipf z;
};

struct cue {
	double tone; /* signed weight, -1..1 */
	char *phrase;
	char lang[3]; /* "it", "en", or "" when the lexicon does not say */
};

struct gaz {
	struct ent_list kind[ENT_NKINDS];
	struct cue *cues;
	size_t ncues;
	size_t npos, nneg; /* cues[0..npos) positive, then negative */
	unsigned nents;
	const char *from[ENT_NKINDS + 1]; /* "file" or "built-in", for the log */
};

/* Loads DATADIR/gazetteer/{countries,persons,orgs,places}.tsv and
 * DATADIR/lexicon/tone.tsv; a missing or empty file falls back to the
 * built-in list for that part. Ranks are fixed (well-known countries
 * first, the rest in a seed-independent shuffle) so that two runs with
 * the same data agree. Returns 0 or a sysexits code with ERR filled. */
int gaz_load(struct gaz *g, const char *datadir, struct att_err *err);
void gaz_free(struct gaz *g);

/* ----------------------------------------------------------- words */

/* Placeholders in templates: {C} {K} two distinct countries, {A} the
 * Italian adjective of {C} (falls back to "di {C}"), {P} person, {O} org,
 * {L} place, {T} a tone cue, {N} small number, {M} amount, {Q} percent,
 * {D} date, {X} a noun phrase, {Y} a verb phrase, {S} a source. */
struct lang_words {
	const char *code;
	const char *const *rel;   /* sentences with {C}, {K} and {T} */
	const char *const *plain; /* sentences about one country or none */
	const char *const *title;
	const char *const *conn;  /* sentence openers: "Tuttavia, " */
	const char *const *noun;
	const char *const *verb;
	const char *const *month;
	const char *const *dateline_city;
	size_t nrel, nplain, ntitle, nconn, nnoun, nverb, ndateline;
	const char *amount_unit;  /* " milioni di euro" */
	char dec_sep;             /* ',' */
	const char *percent_unit; /* " per cento" */
};
extern const struct lang_words gen_it, gen_en;
extern const char *const gen_sources[];
extern const size_t gen_nsources;

#endif
