/* index.c: open an index the way one opens a file from a stranger.
 *
 * The order matters: the file is checked with stat() and by its first
 * bytes before SQLite sees it, SQLite is then locked down (read-only,
 * defensive, untrusted schema, no triggers, views or extensions, low
 * limits), and the header pragmas and the schema are checked before any
 * query touches the data. */
#include "config.h"

#include "model/index.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "model/schema.h"

static const char sqlite_magic[16] = "SQLite format 3";

void
att_db_harden(sqlite3 *db)
{
	int off = 0, on = 1;

	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, on, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, off, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, off, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, off, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, off, NULL);
	sqlite3_enable_load_extension(db, 0);
	/* Articles may be long (10 MB is a real case), nothing else is. */
	sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 64 * 1024 * 1024);
	sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 1024 * 1024);
	sqlite3_limit(db, SQLITE_LIMIT_COLUMN, 100);
	sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 200);
	sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, 10);
	sqlite3_limit(db, SQLITE_LIMIT_VDBE_OP, 250000);
	sqlite3_limit(db, SQLITE_LIMIT_FUNCTION_ARG, 8);
	sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
	sqlite3_limit(db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 1000);
	sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, 2000);
	sqlite3_limit(db, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
}

/* Maps a SQLite error met while reading the header or schema to a message. */
static int
sqlite_failure(struct att_err *err, const char *label, sqlite3 *db, int rc)
{
	int prim = rc & 0xff;

	if (prim == SQLITE_NOTADB)
		return att_err_set(err, EX_DATAERR, "%s: not an attache index (not a SQLite database)", label);
	if (prim == SQLITE_CORRUPT)
		return att_err_set(err, EX_DATAERR, "%s: the index is corrupted (%s)", label,
				   db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	if (prim == SQLITE_CANTOPEN || prim == SQLITE_PERM || prim == SQLITE_AUTH)
		return att_err_set(err, EX_NOINPUT, "%s: cannot open (%s)", label,
				   db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	if (prim == SQLITE_IOERR)
		return att_err_set(err, EX_IOERR, "%s: read error (%s)", label,
				   db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	return att_err_set(err, EX_DATAERR, "%s: not a usable attache index (%s)", label,
			   db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

/* Runs a query that returns one integer. */
static int
query_int(sqlite3 *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		*out = 0;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Checks that TABLE has every column the format requires. */
static int
check_columns(sqlite3 *db, const char *label, const struct att_table_spec *spec,
	      struct att_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?1)", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return sqlite_failure(err, label, db, rc);
	sqlite3_bind_text(st, 1, spec->name, -1, SQLITE_STATIC);
	for (const char *const *col = spec->columns; *col; col++) {
		int found = 0;
		sqlite3_reset(st);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 0);
			if (name && strcmp(name, *col) == 0)
				found = 1;
		}
		if (rc != SQLITE_DONE) {
			int code = sqlite_failure(err, label, db, rc);
			sqlite3_finalize(st);
			return code;
		}
		if (!found) {
			sqlite3_finalize(st);
			return att_err_set(err, EX_DATAERR,
					   "%s: not a valid attache index: table '%s' lacks column '%s'",
					   label, spec->name, *col);
		}
	}
	sqlite3_finalize(st);
	return 0;
}

int
att_schema_validate(sqlite3 *db, const char *label, int *format, struct att_err *err)
{
	int64_t appid = 0, version = 0;
	int rc;

	/* These two read the database header only. */
	if ((rc = query_int(db, "PRAGMA application_id", &appid)) != SQLITE_OK)
		return sqlite_failure(err, label, db, rc);
	if ((rc = query_int(db, "PRAGMA user_version", &version)) != SQLITE_OK)
		return sqlite_failure(err, label, db, rc);
	if (appid != ATT_APPLICATION_ID)
		return att_err_set(err, EX_DATAERR,
				   "%s: a SQLite database, but not an attache index (application_id %#llx)",
				   label, (unsigned long long)(uint32_t)appid);
	if (version > ATT_FORMAT_VERSION)
		return att_err_set(err, EX_DATAERR,
				   "%s: index format version %lld is newer than this attache reads (%d): upgrade attache",
				   label, (long long)version, ATT_FORMAT_VERSION);
	if (version < 1)
		return att_err_set(err, EX_DATAERR, "%s: unknown index format version %lld", label,
				   (long long)version);
	if (format)
		*format = (int)version;

	/* Everything in the schema must be ours: no triggers, no views, no
	 * virtual tables but the full-text one, and it must be FTS5. */
	sqlite3_stmt *st;
	rc = sqlite3_prepare_v2(db, "SELECT type, name, sql FROM sqlite_schema", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return sqlite_failure(err, label, db, rc);
	int have_fts = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *sql = (const char *)sqlite3_column_text(st, 2);
		if (!type || !name) {
			sqlite3_finalize(st);
			return att_err_set(err, EX_DATAERR, "%s: the index is corrupted (schema)", label);
		}
		if (strcmp(type, "trigger") == 0 || strcmp(type, "view") == 0) {
			/* Format the message before finalize frees the strings. */
			int code = att_err_set(err, EX_DATAERR,
					       "%s: not a valid attache index: it defines a %s (%.60s), which the format forbids",
					       label, type, name);
			sqlite3_finalize(st);
			return code;
		}
		if (strcmp(type, "table") == 0 && sql &&
		    sqlite3_strnicmp(sql, "CREATE VIRTUAL TABLE", 20) == 0) {
			const char *using = sqlite3_strglob("* USING fts5(*", sql) == 0 ? "fts5" : NULL;
			if (strcmp(name, ATT_FTS_TABLE) != 0 || using == NULL) {
				int code = att_err_set(err, EX_DATAERR,
						       "%s: not a valid attache index: unexpected virtual table '%.60s'",
						       label, name);
				sqlite3_finalize(st);
				return code;
			}
			have_fts = 1;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sqlite_failure(err, label, db, rc);
	if (!have_fts)
		return att_err_set(err, EX_DATAERR,
				   "%s: not a valid attache index: the full-text table '%s' is missing",
				   label, ATT_FTS_TABLE);

	for (unsigned i = 0; i < att_schema_ntables; i++) {
		int64_t n = 0;
		sqlite3_stmt *q;
		rc = sqlite3_prepare_v2(db,
					"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
					-1, &q, NULL);
		if (rc != SQLITE_OK)
			return sqlite_failure(err, label, db, rc);
		sqlite3_bind_text(q, 1, att_schema_tables[i].name, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			n = sqlite3_column_int64(q, 0);
		sqlite3_finalize(q);
		if (n != 1)
			return att_err_set(err, EX_DATAERR,
					   "%s: not a valid attache index: table '%s' is missing", label,
					   att_schema_tables[i].name);
		int code = check_columns(db, label, &att_schema_tables[i], err);
		if (code)
			return code;
	}
	return 0;
}

int
att_schema_create(sqlite3 *db, struct att_err *err)
{
	char *msg = NULL;
	char pragmas[128];

	snprintf(pragmas, sizeof pragmas, "PRAGMA application_id = %d; PRAGMA user_version = %d;",
		 ATT_APPLICATION_ID, ATT_FORMAT_VERSION);
	if (sqlite3_exec(db, att_schema_sql, NULL, NULL, &msg) != SQLITE_OK ||
	    sqlite3_exec(db, pragmas, NULL, NULL, &msg) != SQLITE_OK) {
		int code = att_err_set(err, EX_SOFTWARE, "cannot create the index schema: %s",
				       msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return code;
	}
	return 0;
}

/* The progress handler: stops a query when asked to, or when the poll
 * hook (a key press, a test's request) says so. */
static int
progress(void *arg)
{
	struct att_index *idx = arg;
	if (!idx->cancel && idx->poll && idx->poll(idx->poll_arg))
		idx->cancel = 1;
	return idx->cancel != 0;
}

void
att_index_interrupt(struct att_index *idx)
{
	if (idx) {
		idx->cancel = 1;
		sqlite3_interrupt(idx->db);
	}
}

/* Checks the file itself before SQLite sees it. */
static int
precheck_file(const char *path, struct stat *st, struct att_err *err)
{
	unsigned char head[16];
	int fd;
	ssize_t n;

	if (stat(path, st) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return att_err_set(err, EX_NOINPUT, "%s: no such file", path);
		if (errno == ELOOP)
			return att_err_set(err, EX_NOINPUT, "%s: too many levels of symbolic links", path);
		return att_err_set(err, EX_NOINPUT, "%s: %s", path, strerror(errno));
	}
	if (S_ISDIR(st->st_mode))
		return att_err_set(err, EX_DATAERR, "%s: is a directory, not an attache index", path);
	if (!S_ISREG(st->st_mode))
		return att_err_set(err, EX_DATAERR,
				   "%s: not a regular file (a device, FIFO or socket), not an attache index", path);
	if (st->st_size == 0)
		return att_err_set(err, EX_DATAERR, "%s: empty file, not an attache index", path);
	fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return att_err_set(err, EX_NOINPUT, "%s: %s", path, strerror(errno));
	n = read(fd, head, sizeof head);
	close(fd);
	if (n < 0)
		return att_err_set(err, EX_IOERR, "%s: read error: %s", path, strerror(errno));
	if (n < (ssize_t)sizeof head || memcmp(head, sqlite_magic, sizeof head) != 0)
		return att_err_set(err, EX_DATAERR, "%s: not an attache index (not a SQLite database)", path);
	if (st->st_size < 512)
		return att_err_set(err, EX_DATAERR, "%s: the index is truncated (%lld bytes)", path,
				   (long long)st->st_size);
	return 0;
}

int
att_index_open(const char *path, struct att_index **out, struct att_err *err)
{
	struct stat st;
	sqlite3 *db = NULL;
	int rc, code;

	*out = NULL;
	if ((code = precheck_file(path, &st, err)) != 0)
		return code;

	/* Read-only: nothing is ever created beside the file. One thread
	 * uses the connection (the interrupt from a signal handler needs no
	 * lock), so no mutex around every call. */
	rc = sqlite3_open_v2(path, &db,
			     SQLITE_OPEN_READONLY | SQLITE_OPEN_PRIVATECACHE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		code = sqlite_failure(err, path, db, rc);
		sqlite3_close(db);
		return code;
	}
	sqlite3_extended_result_codes(db, 1);
	att_db_harden(db);
	sqlite3_busy_timeout(db, 2000);

	struct att_index *idx = xcalloc(1, sizeof *idx);
	idx->db = db;
	idx->path = xstrdup(path);
	idx->dev = (uint64_t)st.st_dev;
	idx->ino = (uint64_t)st.st_ino;
	idx->size = (int64_t)st.st_size;
	idx->mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;

	if ((code = att_schema_validate(db, path, &idx->format, err)) != 0) {
		att_index_close(idx);
		return code;
	}
	sqlite3_progress_handler(db, 1000, progress, idx);
	*out = idx;
	return 0;
}

void
att_index_close(struct att_index *idx)
{
	if (idx == NULL)
		return;
	sqlite3_close_v2(idx->db);
	free(idx->path);
	free(idx);
}

int
att_index_replaced(const struct att_index *idx)
{
	struct stat st;

	if (stat(idx->path, &st) != 0)
		return 1;
	if ((uint64_t)st.st_dev != idx->dev || (uint64_t)st.st_ino != idx->ino)
		return 1;
	int64_t mt = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
	return (int64_t)st.st_size != idx->size || mt != idx->mtime_ns ? 2 : 0;
}

/* Copies the first problem of a quick_check row into OUT, on one line:
 * without the "*** in database main ***" heading, lines joined by "; ". */
static void
first_problem(const char *row, char *out, size_t size)
{
	size_t n = 0;

	if (strncmp(row, "*** ", 4) == 0 && strchr(row, '\n'))
		row = strchr(row, '\n') + 1;
	for (; *row && n + 3 < size; row++) {
		if (*row == '\n' || *row == '\r') {
			if (n > 0 && row[1] != '\0')
				out[n++] = ';', out[n++] = ' ';
		} else {
			out[n++] = *row;
		}
	}
	out[n] = '\0';
}

int
att_index_check(struct att_index *idx, struct att_index_summary *sum, struct att_err *err)
{
	sqlite3_stmt *st;
	int rc, problems = 0;
	char first[200] = "";

	memset(sum, 0, sizeof *sum);
	sum->format = idx->format;
	/* quick_check visits every page: lift the op limit for it. */
	sqlite3_limit(idx->db, SQLITE_LIMIT_VDBE_OP, 0x7fffffff);
	rc = sqlite3_prepare_v2(idx->db, "PRAGMA quick_check(10)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return sqlite_failure(err, idx->path, idx->db, rc);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		if (line && strcmp(line, "ok") != 0) {
			if (problems++ == 0)
				first_problem(line, first, sizeof first);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sqlite_failure(err, idx->path, idx->db, rc);
	if (problems)
		return att_err_set(err, EX_DATAERR, "%s: the index is corrupted (%s%s)", idx->path, first,
				   problems > 1 ? ", and more" : "");

	static const struct {
		const char *sql;
		size_t off;
	} counts[] = {
		{"SELECT count(*) FROM article", offsetof(struct att_index_summary, articles)},
		{"SELECT count(*) FROM entity", offsetof(struct att_index_summary, entities)},
		{"SELECT count(*) FROM mention", offsetof(struct att_index_summary, mentions)},
		{"SELECT count(*) FROM relation", offsetof(struct att_index_summary, relations)},
		{"SELECT count(*) FROM pair", offsetof(struct att_index_summary, pairs)},
	};
	for (size_t i = 0; i < ATT_ARRAY_LEN(counts); i++) {
		int64_t v = 0;
		if ((rc = query_int(idx->db, counts[i].sql, &v)) != SQLITE_OK)
			return sqlite_failure(err, idx->path, idx->db, rc);
		memcpy((char *)sum + counts[i].off, &v, sizeof v);
	}
	/* The full-text index must answer too (integrity_check skips FTS5 in 3.40). */
	rc = sqlite3_prepare_v2(idx->db, "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'a'",
				-1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE && rc != SQLITE_OK)
		return att_err_set(err, EX_DATAERR, "%s: the full-text index is unusable (%s)", idx->path,
				   sqlite3_errmsg(idx->db));
	sqlite3_limit(idx->db, SQLITE_LIMIT_VDBE_OP, 250000);
	return 0;
}

/* ---- Opening an index held in memory (for fuzzing and tests) ----------
 * The same header checks, hardening and schema validation as
 * att_index_open(), on a copy of DATA deserialised read-only. */
int
att_index_open_memory(const void *data, size_t len, const char *label, struct att_index **out,
		      struct att_err *err)
{
	sqlite3 *db = NULL;
	int rc, code;

	*out = NULL;
	if (len == 0)
		return att_err_set(err, EX_DATAERR, "%s: empty file, not an attache index", label);
	if (len < sizeof sqlite_magic || memcmp(data, sqlite_magic, sizeof sqlite_magic) != 0)
		return att_err_set(err, EX_DATAERR, "%s: not an attache index (not a SQLite database)",
				   label);
	if (len < 512)
		return att_err_set(err, EX_DATAERR, "%s: the index is truncated (%zu bytes)", label, len);

	rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_PRIVATECACHE, NULL);
	if (rc != SQLITE_OK) {
		code = sqlite_failure(err, label, db, rc);
		sqlite3_close(db);
		return code;
	}
	sqlite3_extended_result_codes(db, 1);
	att_db_harden(db);
	unsigned char *copy = sqlite3_malloc64(len);
	if (copy == NULL) {
		sqlite3_close(db);
		return att_err_set(err, EX_SOFTWARE, "%s: out of memory", label);
	}
	memcpy(copy, data, len);
	/* With FREEONCLOSE, SQLite owns COPY from here, even on failure. */
	rc = sqlite3_deserialize(db, "main", copy, (sqlite3_int64)len, (sqlite3_int64)len,
				 SQLITE_DESERIALIZE_READONLY | SQLITE_DESERIALIZE_FREEONCLOSE);
	if (rc != SQLITE_OK) {
		code = sqlite_failure(err, label, db, rc);
		sqlite3_close(db);
		return code;
	}

	struct att_index *idx = xcalloc(1, sizeof *idx);
	idx->db = db;
	idx->path = xstrdup(label);
	idx->size = (int64_t)len;
	if ((code = att_schema_validate(db, label, &idx->format, err)) != 0) {
		att_index_close(idx);
		return code;
	}
	sqlite3_progress_handler(db, 1000, progress, idx);
	*out = idx;
	return 0;
}
