/* gazetteer.h: loading the gazetteers (countries, persons, orgs, places)
 * and the cue lexicons (tone, negation, stop names, titles) from their
 * tab-separated files. Bad lines are reported as FILE:LINE. */
#ifndef ATTACHE_GAZETTEER_H
#define ATTACHE_GAZETTEER_H

#include <stddef.h>

#include "model/util.h"
#include "model/write.h"

/* How an alias must be written in the text to match. */
enum gaz_case {
	GAZ_ANY,   /* all lowercase in the file: any case */
	GAZ_CAP,   /* its first capitalised word must be capitalised in the text */
	GAZ_EXACT  /* written "=ALIAS": exactly this case */
};

struct gaz_alias {
	char *text; /* as written, without the '=' */
	enum gaz_case rule;
};

/* One referent. KEY is "kind:code:canonical", stable across runs. */
struct gaz_ent {
	enum att_kind kind;
	char code[3];
	char *canonical;
	char *key;
	struct gaz_alias *alias; /* the canonical name first */
	size_t nalias, capalias;
};

struct gaz_cue {
	double weight; /* > 0 cooperation, < 0 conflict */
	char *phrase;  /* may end in '*' */
};

struct gaz_title {
	enum att_kind kind;
	char *phrase;
};

struct gazetteer {
	struct gaz_ent *ent;
	size_t nent, capent;
	struct gaz_cue *cue;
	size_t ncue, capcue;
	char **negation;
	size_t nnegation, capnegation;
	char **stopname;
	size_t nstopname, capstopname;
	char **word; /* words.tsv: words that are no misspelt names */
	size_t nword, capword;
	struct gaz_title *title;
	size_t ntitle, captitle;
	void *keys; /* private: key -> entity index */
};

/* Reads a gazetteer file (kind, code, canonical, aliases); entries whose
 * key is already known add their aliases to it. */
int gaz_load_entities(struct gazetteer *g, const char *path, struct att_err *err);
/* Reads tone.tsv (polarity, weight, phrase). */
int gaz_load_tone(struct gazetteer *g, const char *path, struct att_err *err);
/* Reads a one-word-per-line list (negation.tsv, stopnames.tsv,
 * words.tsv) into *LIST. */
int gaz_load_words(const char *path, char ***list, size_t *n, size_t *cap, struct att_err *err);
/* Reads titles.tsv (kind, phrase). */
int gaz_load_titles(struct gazetteer *g, const char *path, struct att_err *err);
/* The entity index of KEY, or -1. */
long gaz_find(const struct gazetteer *g, const char *key);
void gaz_free(struct gazetteer *g);

const char *gaz_kind_name(enum att_kind kind);

#endif
