/* trace.h: attache --trace FILE: one line per handled input, with the time
 * from reading it to the screen update for it (CLOCK_MONOTONIC), for the
 * browser benchmark (bench/browse.sh). The format is in attache(1):
 *
 *	start 41.207     main() to the first screen
 *	done 63.880      ... to the last update before going idle (deferred work)
 *	j 0.418          a key: read to the first doupdate after it
 *	resize 2.113
 *
 * Every function returns at once when no trace is open (one test). */
#ifndef ATTACHE_TRACE_H
#define ATTACHE_TRACE_H

#include "model/util.h"

/* Notes the moment main() started (the origin of the "start" line). */
void att_trace_origin(void);

/* Opens PATH (created or truncated, mode 0644) before curses starts;
 * PATH must not be the file KEEP (the index; may be NULL). Returns 0,
 * EX_USAGE when it is KEEP, or EX_CANTCREAT, with ERR naming the file. */
int att_trace_open(const char *path, const char *keep, struct att_err *err);

/* An input was read: KEY (a tui/keys.h code) or a NAME ("script:resize"). */
void att_trace_key(int key);
void att_trace_input(const char *name);

/* A doupdate finished. */
void att_trace_updated(void);

/* The browser waits for input: writes the lines of the last input. */
void att_trace_idle(void);

/* Writes what is pending and closes. Returns 0, or EX_IOERR with ERR
 * filled when the file could not be written. */
int att_trace_close(struct att_err *err);

#endif
