/* batch.h: the batch modes of attache (--list, --show, --matrix,
 * --entities): the same queries as the browser, printed for scripts.
 * No curses here. */
#ifndef ATTACHE_BATCH_H
#define ATTACHE_BATCH_H

#include <stdio.h>

enum att_batch_mode {
	ATT_BATCH_NONE,
	ATT_BATCH_LIST,     /* TSV: id, date, source, countries, title */
	ATT_BATCH_SHOW,     /* one article with its mentions marked */
	ATT_BATCH_MATRIX,   /* CSV: the country matrix, sentence level */
	ATT_BATCH_ENTITIES  /* TSV: entity, kind, country, articles, mentions */
};

/* Runs MODE. ARGS[0..NARGS) are the positional arguments: [FILTER]
 * [INDEX] (for --show only [INDEX]; SHOW_ID is the option's argument).
 * RESOLVE_INDEX turns the INDEX argument (or NULL) into the path to open.
 * Output goes to OUT, errors to stderr as one line. Returns the exit
 * status: 0, EX_USAGE, EX_DATAERR for a bad filter, or the index's error. */
int batch_run(enum att_batch_mode mode, const char *show_id, int nargs, char **args,
	      char *(*resolve_index)(const char *arg), FILE *out);

#endif
