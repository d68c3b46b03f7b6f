/* index_test.c: opening and validating indexes, good and bad ones, each
 * built in the test itself. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "model/index.h"
#include "model/schema.h"

static char tmpdir[] = "/tmp/attache-index-test.XXXXXX";

static char *
tmppath(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

/* Writes a valid index with one article, then runs EXTRA on it. */
static char *
make_index(const char *name, const char *extra)
{
	char *path = tmppath(name);
	sqlite3 *db;
	struct att_err err;

	unlink(path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(att_schema_create(db, &err), 0);
	assert_int_equal(sqlite3_exec(db,
				      "INSERT INTO article(id, title, date, body) VALUES "
				      "(1, 'Mosca e Minsk', '2022-12-20', 'Russia e Bielorussia firmano un accordo.');"
				      "INSERT INTO article_fts(article_fts) VALUES ('rebuild');"
				      "INSERT INTO entity VALUES (1, 'country', 'Russia', 'RU', 1, 1);"
				      "INSERT INTO mention VALUES (1, 1, 'body', 0, 6);",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	if (extra)
		assert_int_equal(sqlite3_exec(db, extra, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	return path;
}

static int
open_code(const char *path, struct att_err *err)
{
	struct att_index *idx = NULL;
	int code = att_index_open(path, &idx, err);
	if (code == 0) {
		assert_non_null(idx);
		att_index_close(idx);
	} else {
		assert_null(idx);
		assert_non_null(strstr(err->msg, path));
		assert_null(strchr(err->msg, '\n'));
	}
	return code;
}

static void
test_valid(void **state)
{
	(void)state;
	char *path = make_index("valid.idx", NULL);
	struct att_index *idx;
	struct att_err err;
	struct att_index_summary sum;

	assert_int_equal(att_index_open(path, &idx, &err), 0);
	assert_int_equal(idx->format, ATT_FORMAT_VERSION);
	assert_int_equal(att_index_check(idx, &sum, &err), 0);
	assert_int_equal(sum.articles, 1);
	assert_int_equal(sum.entities, 1);
	assert_int_equal(sum.mentions, 1);
	assert_int_equal(att_index_replaced(idx), 0);
	/* Read-only: writing must fail. */
	assert_int_not_equal(sqlite3_exec(idx->db, "DELETE FROM article", NULL, NULL, NULL), SQLITE_OK);
	att_index_close(idx);
	free(path);
}

static void
test_missing(void **state)
{
	(void)state;
	struct att_err err;
	char *path = tmppath("nope.idx");
	assert_int_equal(open_code(path, &err), EX_NOINPUT);
	free(path);
}

static void
test_directory_and_empty(void **state)
{
	(void)state;
	struct att_err err;
	char *dir = tmppath("dir.idx");
	char *empty = tmppath("empty.idx");

	mkdir(dir, 0700);
	assert_int_equal(open_code(dir, &err), EX_DATAERR);
	assert_non_null(strstr(err.msg, "directory"));
	close(open(empty, O_CREAT | O_WRONLY | O_TRUNC, 0600));
	assert_int_equal(open_code(empty, &err), EX_DATAERR);
	assert_non_null(strstr(err.msg, "empty"));
	free(dir);
	free(empty);
}

static void
test_text_file(void **state)
{
	(void)state;
	struct att_err err;
	char *path = tmppath("text.idx");
	FILE *fp = fopen(path, "w");
	for (int i = 0; i < 100; i++)
		fputs("Russia e Bielorussia, l'alleanza si rafforza.\n", fp);
	fclose(fp);
	assert_int_equal(open_code(path, &err), EX_DATAERR);
	assert_non_null(strstr(err.msg, "not a SQLite database"));
	free(path);
}

static void
test_not_attache(void **state)
{
	(void)state;
	struct att_err err;
	char *path = tmppath("other.db");
	sqlite3 *db;

	unlink(path);
	sqlite3_open(path, &db);
	sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(open_code(path, &err), EX_DATAERR);
	assert_non_null(strstr(err.msg, "not an attache index"));
	free(path);
}

static void
test_newer_version(void **state)
{
	(void)state;
	struct att_err err;
	char *path = make_index("newer.idx", "PRAGMA user_version = 99;");
	assert_int_equal(open_code(path, &err), EX_DATAERR);
	assert_non_null(strstr(err.msg, "newer"));
	free(path);
}

static void
test_forbidden_schema(void **state)
{
	(void)state;
	static const char *const extras[] = {
		"CREATE TRIGGER t AFTER INSERT ON article BEGIN DELETE FROM entity; END;",
		"CREATE VIEW v AS SELECT * FROM article;",
		"CREATE VIRTUAL TABLE other_fts USING fts5(x);",
		"DROP TABLE relation;",
		"ALTER TABLE mention DROP COLUMN len;",
	};
	for (size_t i = 0; i < sizeof extras / sizeof extras[0]; i++) {
		struct att_err err;
		char *path = make_index("forbidden.idx", extras[i]);
		assert_int_equal(open_code(path, &err), EX_DATAERR);
		assert_non_null(strstr(err.msg, "not a valid attache index"));
		free(path);
	}
}

/* Copies SRC to DST keeping only its first LEN bytes. */
static void
copy_prefix(const char *src, const char *dst, off_t len)
{
	char buf[4096];
	int in = open(src, O_RDONLY), out = open(dst, O_CREAT | O_WRONLY | O_TRUNC, 0600);
	ssize_t n;
	off_t done = 0;

	while (done < len && (n = read(in, buf, sizeof buf)) > 0) {
		if (n > len - done)
			n = (ssize_t)(len - done);
		assert_int_equal(write(out, buf, (size_t)n), n);
		done += n;
	}
	close(in);
	close(out);
}

static void
test_truncated(void **state)
{
	(void)state;
	char *path = make_index("full.idx", NULL);
	char *cut = tmppath("cut.idx");
	struct stat st;

	stat(path, &st);
	/* Cut at several places: each must give an error at open or check. */
	for (off_t len = 100; len < st.st_size; len += st.st_size / 7) {
		struct att_err err;
		struct att_index *idx;
		copy_prefix(path, cut, len);
		int code = att_index_open(cut, &idx, &err);
		if (code == 0) {
			struct att_index_summary sum;
			code = att_index_check(idx, &sum, &err);
			att_index_close(idx);
		}
		assert_int_equal(code, EX_DATAERR);
		assert_non_null(strstr(err.msg, cut));
	}
	free(path);
	free(cut);
}

static void
test_flipped_bytes(void **state)
{
	(void)state;
	char *path = make_index("flip.idx", NULL);
	struct stat st;
	stat(path, &st);
	int pagesize = 4096;
	/* Garble the second page (the schema's first table) in place. */
	int fd = open(path, O_RDWR);
	char junk[512];
	memset(junk, 0xA5, sizeof junk);
	assert_int_equal(pwrite(fd, junk, sizeof junk, pagesize), (ssize_t)sizeof junk);
	close(fd);
	struct att_err err;
	struct att_index *idx;
	int code = att_index_open(path, &idx, &err);
	if (code == 0) {
		struct att_index_summary sum;
		code = att_index_check(idx, &sum, &err);
		att_index_close(idx);
	}
	assert_int_equal(code, EX_DATAERR);
	free(path);
}

/* A damaged b-tree that only quick_check finds (the article table's root
 * overwritten by one of its leaves): the file opens, and the check
 * reports the damage in one line, without quick_check's heading. */
static void
test_damaged_page(void **state)
{
	(void)state;
	char *path = make_index("damaged.idx",
				"WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
				"INSERT INTO article(id, title, body) SELECT i, 'title ' || i, 'body ' || i FROM n;");
	struct att_err err;
	struct att_index *idx;
	struct att_index_summary sum;
	char page[4096];
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t root = 0;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT rootpage FROM sqlite_schema WHERE name = 'article'",
					    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	root = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	int fd = open(path, O_RDWR);
	assert_int_equal(pread(fd, page, sizeof page, (off_t)(root + 9) * 4096), (ssize_t)sizeof page);
	assert_int_equal(pwrite(fd, page, sizeof page, (off_t)(root - 1) * 4096), (ssize_t)sizeof page);
	close(fd);
	assert_int_equal(att_index_open(path, &idx, &err), 0);
	assert_int_equal(att_index_check(idx, &sum, &err), EX_DATAERR);
	att_index_close(idx);
	print_message("# %s\n", err.msg);
	assert_non_null(strstr(err.msg, path));
	assert_non_null(strstr(err.msg, "corrupted"));
	assert_null(strchr(err.msg, '\n'));
	assert_null(strstr(err.msg, "***"));
	free(path);
}

static void
test_replaced(void **state)
{
	(void)state;
	char *path = make_index("live.idx", NULL);
	char *other = make_index("other.idx", "INSERT INTO meta VALUES ('x', 'y');");
	struct att_index *idx;
	struct att_err err;

	assert_int_equal(att_index_open(path, &idx, &err), 0);
	assert_int_equal(att_index_replaced(idx), 0);
	assert_int_equal(rename(other, path), 0);
	assert_int_equal(att_index_replaced(idx), 1);
	att_index_close(idx);
	free(path);
	free(other);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_directory_and_empty),
		cmocka_unit_test(test_text_file),
		cmocka_unit_test(test_not_attache),
		cmocka_unit_test(test_newer_version),
		cmocka_unit_test(test_forbidden_schema),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_flipped_bytes),
		cmocka_unit_test(test_damaged_page),
		cmocka_unit_test(test_replaced),
	};
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	int rc = cmocka_run_group_tests_name("index", tests, NULL, NULL);
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		rc = 1;
	free(cmd);
	return rc;
}
