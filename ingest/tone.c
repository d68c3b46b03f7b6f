/* tone.c: cue phrases and negation, matched on folded tokens. */
#include "config.h"

#include "ingest/tone.h"

#include <stdlib.h>
#include <string.h>

#include "model/util.h"

void
tone_add_phrase(struct trie *t, const char *phrase, uint32_t val, struct arena *a)
{
	struct toklist tl = {0};
	size_t n = strlen(phrase);
	int prefix = n > 1 && phrase[n - 1] == '*';

	tokenise(phrase, prefix ? n - 1 : n, &tl, a);
	if (tl.n > 0)
		trie_add(t, tl.v, tl.n, prefix, val);
	toklist_free(&tl);
}

void
tone_build(struct tone_lex *lex, const struct gazetteer *g, struct arena *a)
{
	memset(lex, 0, sizeof *lex);
	trie_init(&lex->cues);
	trie_init(&lex->neg);
	lex->weight = xreallocarray(NULL, g->ncue + 1, sizeof *lex->weight);
	for (size_t i = 0; i < g->ncue; i++) {
		lex->weight[i] = g->cue[i].weight;
		tone_add_phrase(&lex->cues, g->cue[i].phrase, (uint32_t)i, a);
	}
	lex->nweight = g->ncue;
	for (size_t i = 0; i < g->nnegation; i++)
		tone_add_phrase(&lex->neg, g->negation[i], 0, a);
}

void
tone_free(struct tone_lex *lex)
{
	trie_free(&lex->cues);
	trie_free(&lex->neg);
	free(lex->weight);
	memset(lex, 0, sizeof *lex);
}

/* 1 when a negation cue ends within the three tokens before token I. */
static int
negated(const struct tone_lex *lex, const struct tok *toks, size_t i)
{
	size_t from = i > 3 ? i - 3 : 0;
	for (size_t j = from; j < i; j++) {
		size_t end;
		if (trie_longest(&lex->neg, toks, i, j, 1, &end) != MATCH_NONE)
			return 1;
	}
	return 0;
}

double
tone_score(const struct tone_lex *lex, const struct tok *toks, size_t n)
{
	double coop = 0, conf = 0;

	for (size_t i = 0; i < n;) {
		size_t end;
		uint32_t node = trie_longest(&lex->cues, toks, n, i, 1, &end);
		if (node == MATCH_NONE) {
			i++;
			continue;
		}
		double w = lex->weight[lex->cues.vals[lex->cues.head[node]].val];
		if (!negated(lex, toks, i)) {
			if (w > 0)
				coop += w;
			else
				conf -= w;
		}
		i = end;
	}
	return (coop - conf) / (coop + conf + 1.0);
}
