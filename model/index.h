/* index.h: opening an attache index safely, validating it, closing it. */
#ifndef ATTACHE_INDEX_H
#define ATTACHE_INDEX_H

#include <sqlite3.h>
#include <stdint.h>

#include "model/util.h"

struct att_index {
	sqlite3 *db;
	char *path;
	int format;            /* PRAGMA user_version */
	/* Identity of the file when it was opened, to notice a replacement. */
	uint64_t dev, ino;
	int64_t size, mtime_ns;
	/* Set by att_index_interrupt() (for instance from a key press); the
	 * progress handler then cancels the running query. */
	volatile int cancel;
	/* Asked from the progress handler while a query runs (may be NULL):
	 * returning 1 cancels the query as att_index_interrupt() does. */
	int (*poll)(void *arg);
	void *poll_arg;
	/* Found once, as the index is read-only while open (model/filter.c):
	 * whether its ids are in date order (0 not known yet, 1 yes, 2 no),
	 * and its first undated article (att_first_undated_id). */
	int dates_order;
	int first_undated_known;
	int64_t first_undated;
};

/* Opens PATH read-only, hardened for files from strangers, and checks that
 * it is an attache index of a supported version with the expected schema.
 * Returns 0, or a sysexits(3) code with ERR filled with a one-line message
 * naming the file. */
int att_index_open(const char *path, struct att_index **out, struct att_err *err);
void att_index_close(struct att_index *idx);

/* Like att_index_open(), on a copy of the LEN bytes at DATA (an index file
 * read into memory; used by the fuzzer). LABEL names it in messages;
 * att_index_replaced() is always 1 for such an index. */
int att_index_open_memory(const void *data, size_t len, const char *label,
			  struct att_index **out, struct att_err *err);

struct att_index_summary {
	int format;
	int64_t articles, entities, mentions, relations, pairs;
};
/* Runs PRAGMA quick_check and counts rows: the work of `attache --check`. */
int att_index_check(struct att_index *idx, struct att_index_summary *sum, struct att_err *err);

/* 0 while the file at idx->path is the one that was opened; 1 when it
 * was renamed over or removed (another file, or none, at the path); 2 when
 * the same file was rewritten or truncated in place. */
int att_index_replaced(const struct att_index *idx);

/* Asks the running query to stop (safe from a signal handler). */
void att_index_interrupt(struct att_index *idx);

/* Applies the hardening settings used for untrusted files to DB. */
void att_db_harden(sqlite3 *db);

/* Validates the schema of an open database: application id, format version,
 * tables and columns, no triggers or views, no unknown virtual tables.
 * LABEL names the file in messages. */
int att_schema_validate(sqlite3 *db, const char *label, int *format, struct att_err *err);

/* Creates the tables of an empty index and sets the pragmas (for writers). */
int att_schema_create(sqlite3 *db, struct att_err *err);

#endif
