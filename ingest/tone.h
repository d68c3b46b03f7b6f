/* tone.h: the tone of a sentence from cooperation and conflict cues. */
#ifndef ATTACHE_TONE_H
#define ATTACHE_TONE_H

#include <stddef.h>

#include "ingest/gazetteer.h"
#include "ingest/match.h"

struct tone_lex {
	struct trie cues;  /* value: index into weight */
	double *weight;    /* > 0 cooperation, < 0 conflict */
	size_t nweight;
	struct trie neg;   /* negation cues */
};

/* Builds the cue tries from the loaded lexicons; strings go to A, which
 * must outlive LEX. */
void tone_build(struct tone_lex *lex, const struct gazetteer *g, struct arena *a);
void tone_free(struct tone_lex *lex);

/* The tone of the sentence made of TOKS[0..N): with C the sum of the
 * weights of cooperation cues and K that of conflict cues,
 * (C - K) / (C + K + 1), in (-1, 1), 0 without cues. The 1 makes the
 * tone grow with the evidence: one weak cue ("pace", 0.5) gives a weak
 * tone, several agreeing cues approach 1 or -1, so that the mean over the
 * sentences of a pair is not decided by the weakest of them. A cue
 * preceded within three tokens by a negation ("non", "senza", "mancato")
 * is cancelled, not flipped: "non ha firmato l'accordo" says nothing
 * about conflict. */
double tone_score(const struct tone_lex *lex, const struct tok *toks, size_t n);

/* Adds a phrase (the last word may end in '*') to T with value VAL. */
void tone_add_phrase(struct trie *t, const char *phrase, uint32_t val, struct arena *a);

#endif
