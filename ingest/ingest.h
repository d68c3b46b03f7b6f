/* ingest.h: the pieces of attache-index and how they meet.
 *
 *   walk/read (read.c, read_text.c, read_jsonl.c, lang.c)
 *        -> struct doc: one article, decoded to UTF-8 and cleaned
 *   recognise (gazetteer.c, match.c, ner.c, sentence.c, tone.c)
 *        -> struct doc_ann: mentions, sentences, country pairs
 *   write (model/write.c, through model/write.h)
 *        -> the index, built in a temporary file and renamed into place
 *
 * Strings are UTF-8 and NUL-terminated; offsets are bytes. */
#ifndef ATTACHE_INGEST_H
#define ATTACHE_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include "model/util.h"
#include "model/write.h"

/* ----------------------------------------------------------- reading */

/* Reads one input (a file, a directory recursively, or "-" for stdin) and
 * calls EMIT for each article found, in a deterministic order (directory
 * entries sorted by name). Problems with one file (binary, empty,
 * unreadable, not UTF-8) are reported through WARN and the file is skipped
 * or decoded as Windows-1252; only a failure that stops the whole run is
 * returned as a sysexits code. */
struct read_stats {
	uint64_t files, articles, bytes, skipped;
	/* Why files were skipped (each also counts in skipped), and how many
	 * were read as Windows-1252 and JSON Lines records left out. */
	uint64_t binary, empty, unreadable, special, too_large;
	uint64_t recoded, bad_records;
};
typedef int (*doc_emit_fn)(void *arg, struct att_doc *doc);
typedef void (*warn_fn)(void *arg, const char *fmt, ...) ATT_PRINTF(2, 3);
int read_input(const char *path, doc_emit_fn emit, warn_fn warn, void *arg,
	       struct read_stats *stats, struct att_err *err);

/* Language of a text: "it", "en", another ISO 639-1 code, or NULL. */
const char *detect_lang(const char *text, size_t len);

/* ----------------------------------------------------------- recognising */

struct recogniser;

/* Loads the gazetteers (data/gazetteer/ *.tsv from DATADIR, then each extra
 * file given with --gazetteer) and the lexicons (data/lexicon/). Reports
 * file:line for bad lines. */
struct recogniser *recogniser_new(const char *datadir, const char *const *extra, size_t nextra,
				  struct att_err *err);
void recogniser_free(struct recogniser *r);

/* Annotates one article: fills ANN (mentions with entity keys, sentences
 * with tone, country pairs). Thread-safe for concurrent calls on different
 * documents (the recogniser is read-only after loading). */
void recognise(const struct recogniser *r, const struct att_doc *doc, struct att_doc_ann *ann);

/* Calls CB for every known name (canonical and aliases, as written in the
 * gazetteer) of the entity KEY; nothing for keys it does not know. */
void recogniser_aliases(const struct recogniser *r, const char *key,
			void (*cb)(void *arg, const char *alias), void *arg);

#endif
