/* floorload.c: the indexing floor. Reads JSON Lines and puts each
 * article's title and text into a table and an external-content FTS5 table
 * over it with attache's tokenizer, in one transaction, doing nothing else:
 * what SQLite itself takes for the text part of attache-index's work.
 * The rows go in one prepared INSERT per line, the FTS5 index is built by
 * one 'rebuild' at the end; --rowwise instead inserts every line into a
 * self-contained FTS5 table directly, to show what that costs (SQLite 3.40
 * flushes FTS5's pending terms at each statement's savepoint).
 * Prints the counts; the bench scripts time it. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include <sqlite3.h>

static const char schema[] =
	"PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
	"CREATE TABLE doc(id INTEGER PRIMARY KEY, title TEXT, body TEXT);"
	"CREATE VIRTUAL TABLE floor USING fts5(title, body, content='doc', content_rowid='id',"
	" tokenize='unicode61 remove_diacritics 2');";
static const char schema_rowwise[] =
	"PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
	"CREATE VIRTUAL TABLE floor USING fts5(title, body,"
	" tokenize='unicode61 remove_diacritics 2');";

/* Runs SQL, printing SQLite's message on failure; returns 0 or EX_SOFTWARE. */
static int
exec(sqlite3 *db, const char *db_path, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	fprintf(stderr, "floorload: %s: %s\n", db_path, msg ? msg : "error");
	sqlite3_free(msg);
	return EX_SOFTWARE;
}

static int
load(sqlite3 *db, const char *db_path, FILE *in, const char *in_path, int rowwise)
{
	sqlite3_stmt *st = NULL;
	char *line = NULL;
	size_t cap = 0, n = 0;
	unsigned long long bytes = 0;
	ssize_t len;
	int rc;

	if ((rc = exec(db, db_path, "BEGIN")))
		return rc;
	if (sqlite3_prepare_v2(db, rowwise ? "INSERT INTO floor(title, body) SELECT"
			       " json_extract(?1, '$.title'), json_extract(?1, '$.text')"
			       : "INSERT INTO doc(title, body) SELECT"
			       " json_extract(?1, '$.title'), json_extract(?1, '$.text')",
			       -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "floorload: %s: %s\n", db_path, sqlite3_errmsg(db));
		return EX_SOFTWARE;
	}
	while ((len = getline(&line, &cap, in)) > 0) {
		bytes += (unsigned long long)len;
		sqlite3_bind_text(st, 1, line, (int)len, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			fprintf(stderr, "floorload: %s:%zu: %s\n", in_path, n + 1,
				sqlite3_errmsg(db));
			rc = EX_DATAERR;
			break;
		}
		sqlite3_reset(st);
		n++;
	}
	free(line);
	sqlite3_finalize(st);
	if (!rc && ferror(in)) {
		fprintf(stderr, "floorload: %s: %s\n", in_path, strerror(errno));
		rc = EX_IOERR;
	}
	if (!rc && !rowwise)
		rc = exec(db, db_path, "INSERT INTO floor(floor) VALUES ('rebuild')");
	if (!rc)
		rc = exec(db, db_path, "COMMIT");
	if (!rc)
		printf("articles %zu bytes %llu\n", n, bytes);
	return rc;
}

int
main(int argc, char **argv)
{
	sqlite3 *db;
	FILE *in;
	int rc, rowwise = argc == 4 && !strcmp(argv[1], "--rowwise");

	if (rowwise) {
		argv++;
		argc--;
	}
	if (argc != 3) {
		fprintf(stderr, "usage: floorload [--rowwise] DB JSONL\n");
		return EX_USAGE;
	}
	if (!(in = fopen(argv[2], "r"))) {
		fprintf(stderr, "floorload: %s: %s\n", argv[2], strerror(errno));
		return EX_NOINPUT;
	}
	if (sqlite3_open(argv[1], &db) != SQLITE_OK) {
		fprintf(stderr, "floorload: %s: %s\n", argv[1], sqlite3_errmsg(db));
		sqlite3_close(db);
		fclose(in);
		return EX_CANTCREAT;
	}
	rc = exec(db, argv[1], rowwise ? schema_rowwise : schema);
	if (!rc)
		rc = load(db, argv[1], in, argv[2], rowwise);
	if (sqlite3_close(db) != SQLITE_OK && !rc)
		rc = EX_IOERR;
	fclose(in);
	return rc;
}
