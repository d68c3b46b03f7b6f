/* progress.h: the progress line of attache-index on a terminal. */
#ifndef ATTACHE_PROGRESS_H
#define ATTACHE_PROGRESS_H

#include <stdint.h>
#include <stdio.h>

struct progress {
	FILE *fp;          /* NULL: no progress line */
	double start, last;
	uint64_t total;    /* bytes known from the walk, 0 when unknown */
	int shown;         /* a line is on the screen */
};

/* Seconds on a monotonic clock. */
double progress_now(void);
void progress_init(struct progress *p, FILE *fp);
/* Redraws the line at most a few times a second (always when FORCE). */
void progress_update(struct progress *p, uint64_t files, uint64_t articles, uint64_t bytes, int force);
/* Clears the line, before a warning or the summary. */
void progress_clear(struct progress *p);

#endif
