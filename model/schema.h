/* schema.h: the index format, version 1 (documented in attache-index(5)). */
#ifndef ATTACHE_SCHEMA_H
#define ATTACHE_SCHEMA_H

/* PRAGMA application_id: the bytes "ATCH". */
#define ATT_APPLICATION_ID 0x41544348
/* PRAGMA user_version: the format version this code reads and writes. */
#define ATT_FORMAT_VERSION 1

/* The statements that create an empty version-1 index (tables, indexes,
 * the FTS5 table), without the pragmas. */
extern const char att_schema_sql[];

/* Optional indexes that readers use when present and do without (an
 * index written by another program may lack them): a writer runs this
 * once the articles are written. */
extern const char att_schema_extras_sql[];

/* What the validator expects: each table of the format with the columns
 * a reader relies on. Extra columns and extra ordinary tables are allowed. */
struct att_table_spec {
	const char *name;
	const char *const *columns; /* NULL-terminated */
};
extern const struct att_table_spec att_schema_tables[];
extern const unsigned att_schema_ntables;

/* The full-text table and the prefix of its shadow tables. */
#define ATT_FTS_TABLE "article_fts"

#endif
