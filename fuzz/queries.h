/* queries.h: puts every question the browser and the batch modes ask to an
 * index, checking what the answers promise (see queries.c). */
#ifndef ATTACHE_FUZZ_QUERIES_H
#define ATTACHE_FUZZ_QUERIES_H

#include "model/filter.h"
#include "model/index.h"

/* Runs the list (every order, both directions, counting), each listed
 * article, the matrix and its evidence, the entities and their cards, and
 * completion, under filter F (NULL: all). Aborts when an answer breaks
 * its contract; errors are fine. */
void fuzz_queries(struct att_index *idx, const struct att_filter *f);

#endif
