/* write.h: building an index (used by attache-index, and by tests).
 *
 * The writer builds into a temporary file beside the target, holds a lock
 * so that a second builder is refused, and renames the result into place
 * only when it is complete, so the previous index survives anything,
 * SIGKILL included. All SQL of the writer lives in model/write.c. */
#ifndef ATTACHE_WRITE_H
#define ATTACHE_WRITE_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "model/util.h"

/* One article as read and cleaned. */
struct att_doc {
	char *path;     /* the file, or "FILE:LINE" for JSON Lines; never NULL */
	char *ext_id;   /* the "id" of a JSON Lines record, or NULL */
	char *title;    /* never NULL (may be "") */
	char *date;     /* ISO 8601 prefix: 2022, 2022-12, 2022-12-20; or NULL */
	char *source;
	char *lang;
	char *url;
	char *body;     /* cleaned text shown to the reader; never NULL */
	size_t body_len;
	char *original; /* the text as read (decoded), when it differs from body */
	uint64_t seq;   /* input order, for ties in the id order */
};
void att_doc_free(struct att_doc *doc);

enum att_kind { ATT_COUNTRY, ATT_PERSON, ATT_ORG, ATT_PLACE };
enum att_field { ATT_TITLE, ATT_BODY };

/* An entity as the recogniser knows it. KEY identifies the referent across
 * the whole corpus (for example "person:RU:sergei shoigu"); mentions with
 * the same key become one entity row. */
struct att_entity_ref {
	enum att_kind kind;
	const char *key;
	const char *name;    /* display name */
	const char *country; /* ISO 3166-1 alpha-2 or NULL */
};

struct att_mention {
	struct att_entity_ref ent;
	enum att_field field;
	size_t pos, len;     /* bytes into title or body */
	const char *surface_folded; /* folded surface, kept as an alias */
};

struct att_sentence {
	enum att_field field;
	size_t pos, len;
	double tone;         /* < 0 conflict, > 0 cooperation; 0 with fewer than two countries */
	/* Country codes mentioned in the sentence, sorted, unique. */
	char (*countries)[3];
	size_t ncountries;
};

/* Everything found in one article. Owned by the recogniser's caller;
 * strings point into storage that lives as long as the annotation. */
struct att_doc_ann {
	struct att_mention *mentions;
	size_t nmentions;
	struct att_sentence *sentences;
	size_t nsentences;
	void *storage;       /* private to the recogniser */
	void (*free_storage)(void *storage);
};
void att_doc_ann_free(struct att_doc_ann *ann);

struct att_writer;

/* Starts a build of TARGET. Refuses (EX_CANTCREAT) when the directory is
 * not writable, (EX_TEMPFAIL) when another builder holds the lock; removes
 * a temporary file left by a killed build. */
int att_writer_open(const char *target, struct att_writer **out, struct att_err *err);
/* Adds one article and its annotations (the writer copies what it keeps). */
int att_writer_add(struct att_writer *w, const struct att_doc *doc, const struct att_doc_ann *ann,
		   struct att_err *err);
/* Records another name of the entity KEY (for instance every gazetteer
 * alias, so that `country:Belarus` finds Bielorussia in an Italian corpus).
 * Aliases of keys that no article mentions are ignored at commit. */
int att_writer_alias(struct att_writer *w, const char *key, const char *alias, struct att_err *err);
/* Calls CB with the key of every entity mentioned so far (for instance to
 * add its gazetteer aliases with att_writer_alias before the commit). */
void att_writer_keys(struct att_writer *w, void (*cb)(void *arg, const char *key), void *arg);
struct att_build_stats {
	uint64_t articles, mentions, pairs, relations;
	uint64_t entities[4]; /* by enum att_kind */
};
/* Renumbers articles in date order, computes the aggregates and the
 * full-text index, and renames the file into place. */
int att_writer_commit(struct att_writer *w, struct att_build_stats *stats, struct att_err *err);
/* Makes the build watch *FLAG (set by a signal handler, say): once it is
 * nonzero, the writer call in progress fails (EX_TEMPFAIL) and the caller
 * aborts. The handler never touches the writer itself. */
void att_writer_cancel_flag(struct att_writer *w, volatile sig_atomic_t *flag);
/* Drops the build and removes the temporary file (safe from cleanup paths). */
void att_writer_abort(struct att_writer *w);

#endif
