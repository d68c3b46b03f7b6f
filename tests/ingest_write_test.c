/* ingest_write_test.c: the index writer, fed with articles and annotations
 * built by hand: ids in date order whatever the input order, aggregates,
 * relations and pairs, aliases, determinism, the lock and the temporary
 * files. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "model/index.h"
#include "model/write.h"

static char tmpdir[] = "/tmp/attache-write-test.XXXXXX";

/* ------------------------------------------------------------------ building */

struct sent_spec {
	const char *text;  /* the sentence, found in the title or body */
	double tone;
	const char *codes; /* "BY RU" */
};

struct ment_spec {
	const char *surface;
	int nth;           /* which occurrence (0 first) in its field */
	enum att_field field;
	enum att_kind kind;
	const char *key, *name, *country;
};

/* Finds the NTH occurrence of S in TEXT. */
static size_t
find(const char *text, const char *s, int nth)
{
	const char *p = text;
	for (int i = 0;; i++) {
		p = strstr(p, s);
		assert_non_null(p);
		if (i == nth)
			return (size_t)(p - text);
		p++;
	}
}

static void
free_codes(void *storage)
{
	free(storage);
}

/* Builds an annotation the way the recogniser does: malloc'd arrays,
 * country lists in the storage. */
static void
annotate(const struct att_doc *doc, const struct ment_spec *ms, size_t nm, const struct sent_spec *ss,
	 size_t ns, struct att_doc_ann *ann)
{
	memset(ann, 0, sizeof *ann);
	ann->mentions = calloc(nm + 1, sizeof *ann->mentions);
	ann->sentences = calloc(ns + 1, sizeof *ann->sentences);
	char (*codes)[3] = calloc(ns * 8 + 1, sizeof *codes);
	ann->storage = codes;
	ann->free_storage = free_codes;
	for (size_t i = 0; i < nm; i++) {
		struct att_mention *m = &ann->mentions[ann->nmentions++];
		const char *text = ms[i].field == ATT_TITLE ? doc->title : doc->body;
		m->ent.kind = ms[i].kind;
		m->ent.key = ms[i].key;
		m->ent.name = ms[i].name;
		m->ent.country = ms[i].country;
		m->field = ms[i].field;
		m->pos = find(text, ms[i].surface, ms[i].nth);
		m->len = strlen(ms[i].surface);
	}
	for (size_t i = 0; i < ns; i++) {
		struct att_sentence *s = &ann->sentences[ann->nsentences++];
		int in_title = strstr(doc->title, ss[i].text) != NULL;
		s->field = in_title ? ATT_TITLE : ATT_BODY;
		s->pos = find(in_title ? doc->title : doc->body, ss[i].text, 0);
		s->len = strlen(ss[i].text);
		s->tone = ss[i].tone;
		s->countries = codes + i * 8;
		for (const char *c = ss[i].codes; c && *c; c += c[2] ? 3 : 2) {
			memcpy(s->countries[s->ncountries], c, 2);
			s->countries[s->ncountries++][2] = '\0';
			if (!c[2])
				break;
		}
	}
}

static void
doc_init(struct att_doc *d, const char *path, const char *title, const char *date, const char *body,
	 uint64_t seq)
{
	memset(d, 0, sizeof *d);
	d->path = xstrdup(path);
	d->title = xstrdup(title);
	d->date = date ? xstrdup(date) : NULL;
	d->body = xstrdup(body);
	d->body_len = strlen(body);
	d->seq = seq;
}

#define RU ATT_COUNTRY, "country:RU", "Russia", "RU"
#define BY ATT_COUNTRY, "country:BY", "Belarus", "BY"
#define UA ATT_COUNTRY, "country:UA", "Ukraine", "UA"
#define PUTIN ATT_PERSON, "person:RU:vladimir putin", "Vladimir Putin", "RU"

/* Adds the test article of sequence number K (0 to 3). */
static void
add_article(struct att_writer *w, int k)
{
	struct att_err err;
	struct att_doc d;
	struct att_doc_ann ann;

	switch (k) {
	case 0:
		/* seq 0: dated 2022-12-20, path b */
		doc_init(&d, "b.txt", "Mosca e Minsk", "2022-12-20",
			 "Putin a Minsk. La Russia e la Bielorussia firmano.", 0);
		{
			const struct ment_spec ms[] = {
				{"Mosca", 0, ATT_TITLE, RU}, {"Minsk", 0, ATT_TITLE, BY},
				{"Putin", 0, ATT_BODY, PUTIN}, {"Minsk", 0, ATT_BODY, BY},
				{"Russia", 0, ATT_BODY, RU}, {"Bielorussia", 0, ATT_BODY, BY},
			};
			const struct sent_spec ss[] = {
				{"La Russia e la Bielorussia firmano.", 0.9, "BY RU"},
				{"Mosca e Minsk", 0.0, "BY RU"},
				{"Putin a Minsk.", 0.0, "BY"},
			};
			annotate(&d, ms, ATT_ARRAY_LEN(ms), ss, ATT_ARRAY_LEN(ss), &ann);
		}
		assert_int_equal(att_writer_add(w, &d, &ann, &err), 0);
		att_doc_free(&d);
		att_doc_ann_free(&ann);
		break;
	case 1:
		/* seq 1: undated */
		doc_init(&d, "a.txt", "Senza data", NULL, "Nessun paese qui.", 1);
		assert_int_equal(att_writer_add(w, &d, NULL, &err), 0);
		att_doc_free(&d);
		break;
	case 2:
		/* seq 2: 2020-10 */
		doc_init(&d, "z.txt", "Vecchio", "2020-10", "Kiev e Mosca.", 2);
		{
			const struct ment_spec ms[] = {{"Kiev", 0, ATT_BODY, UA}, {"Mosca", 0, ATT_BODY, RU}};
			const struct sent_spec ss[] = {{"Kiev e Mosca.", -2.0, "RU UA"}};
			annotate(&d, ms, ATT_ARRAY_LEN(ms), ss, ATT_ARRAY_LEN(ss), &ann);
		}
		assert_int_equal(att_writer_add(w, &d, &ann, &err), 0);
		att_doc_free(&d);
		att_doc_ann_free(&ann);
		break;
	case 3:
		/* seq 3: 2022-12-20 like seq 0, but path a: comes first */
		doc_init(&d, "a.txt", "Stesso giorno", "2022-12-20",
			 "Mosca accusa Kiev. Minsk tace. Mosca, Minsk e Kiev trattano.", 3);
		{
			const struct ment_spec ms[] = {
				{"Mosca", 0, ATT_BODY, RU}, {"Kiev", 0, ATT_BODY, UA}, {"Minsk", 0, ATT_BODY, BY},
				{"Mosca", 1, ATT_BODY, RU}, {"Minsk", 1, ATT_BODY, BY}, {"Kiev", 1, ATT_BODY, UA},
				/* The same place twice, and one out of range: both ignored. */
				{"Mosca", 1, ATT_BODY, RU},
			};
			const struct sent_spec ss[] = {
				{"Mosca accusa Kiev.", -0.8, "RU UA"},
				{"Minsk tace.", 0.0, "BY"},
				{"Mosca, Minsk e Kiev trattano.", 0.4, "BY RU UA"},
			};
			annotate(&d, ms, ATT_ARRAY_LEN(ms), ss, ATT_ARRAY_LEN(ss), &ann);
			ann.mentions[ann.nmentions].ent = ann.mentions[0].ent;
			ann.mentions[ann.nmentions].field = ATT_BODY;
			ann.mentions[ann.nmentions].pos = 1000;
			ann.mentions[ann.nmentions].len = 5;
			ann.nmentions++;
		}
		assert_int_equal(att_writer_add(w, &d, &ann, &err), 0);
		att_doc_free(&d);
		att_doc_ann_free(&ann);
		break;
	}
}

/* Writes the test corpus to PATH, the articles in the ORDER of their
 * sequence numbers (NULL: 0 to 3, which is out of date order). */
static void
build_order(const char *path, struct att_build_stats *bs, const int *order)
{
	static const int given[] = {0, 1, 2, 3};
	struct att_writer *w;
	struct att_err err;

	assert_int_equal(att_writer_open(path, &w, &err), 0);
	for (int i = 0; i < 4; i++)
		add_article(w, (order ? order : given)[i]);
	assert_int_equal(att_writer_alias(w, "country:RU", "Russland", &err), 0);
	assert_int_equal(att_writer_alias(w, "country:FR", "Francia", &err), 0);
	assert_int_equal(att_writer_commit(w, bs, &err), 0);
}

static void
build(const char *path, struct att_build_stats *bs)
{
	build_order(path, bs, NULL);
}

/* ------------------------------------------------------------------ reading back */

static sqlite3 *
open_ro(const char *path)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	return db;
}

/* The rows of a query, one line each, columns separated by '|'. */
static char *
rows(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	struct buf b = BUF_INIT;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			buf_printf(&b, "%s", i ? "|" : "");
			if (sqlite3_column_type(st, i) == SQLITE_BLOB) { /* the full-text index's */
				const unsigned char *p = sqlite3_column_blob(st, i);
				for (int k = 0; k < sqlite3_column_bytes(st, i); k++)
					buf_printf(&b, "%02x", p[k]);
				continue;
			}
			const char *v = (const char *)sqlite3_column_text(st, i);
			buf_printf(&b, "%s", v ? v : "NULL");
		}
		buf_addc(&b, '\n');
	}
	sqlite3_finalize(st);
	return buf_steal(&b);
}

static void
expect_rows(sqlite3 *db, const char *sql, const char *want)
{
	char *got = rows(db, sql);
	if (strcmp(got, want) != 0)
		fail_msg("%s\ngot:\n%swanted:\n%s", sql, got, want);
	free(got);
}

static double
real(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	double v = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Every table's rows, in key order, the full-text index's shadow tables
 * too (built in a side file for articles in date order, by 'rebuild'
 * otherwise). */
static char *
dump(const char *path)
{
	static const char *const tables[] = {"meta", "article", "entity", "alias", "mention",
					     "article_entity", "sentence", "relation", "evidence", "pair",
					     "article_fts_data", "article_fts_idx", "article_fts_docsize",
					     "article_fts_config"};
	sqlite3 *db = open_ro(path);
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < ATT_ARRAY_LEN(tables); i++) {
		char *sql = xasprintf("SELECT * FROM %s", tables[i]);
		char *r = rows(db, sql);
		buf_printf(&b, "%s:\n%s", tables[i], r);
		free(r);
		free(sql);
	}
	sqlite3_close(db);
	return buf_steal(&b);
}

static char *
tmppath(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

/* Names in the test directory that start with PREFIX. */
static int
count_files(const char *prefix)
{
	DIR *d = opendir(tmpdir);
	struct dirent *e;
	int n = 0;
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
			n++;
	closedir(d);
	return n;
}

/* ------------------------------------------------------------------ tests */

static void
test_ids_in_date_order(void **state)
{
	char *path = tmppath("order.idx");
	struct att_build_stats bs;
	build(path, &bs);
	sqlite3 *db = open_ro(path);
	expect_rows(db, "SELECT id, path, date FROM article ORDER BY id",
		    "1|z.txt|2020-10\n2|a.txt|2022-12-20\n3|b.txt|2022-12-20\n4|a.txt|NULL\n");
	assert_int_equal(bs.articles, 4);
	sqlite3_close(db);
	free(path);
}

/* The index does not depend on the order the articles come in: in date
 * order (written as they come, two of one date held and put in path
 * order) or not (staged and numbered at the end). */
static void
test_input_order(void **state)
{
	static const int in_date_order[] = {2, 0, 3, 1};
	char *p1 = tmppath("given.idx"), *p2 = tmppath("sorted.idx");
	struct att_build_stats bs;
	build(p1, &bs);
	build_order(p2, &bs, in_date_order);
	char *a = dump(p1), *b = dump(p2);
	assert_string_equal(a, b);
	sqlite3 *db = open_ro(p2);
	expect_rows(db, "SELECT id, path, date FROM article ORDER BY id",
		    "1|z.txt|2020-10\n2|a.txt|2022-12-20\n3|b.txt|2022-12-20\n4|a.txt|NULL\n");
	expect_rows(db, "SELECT rowid FROM article_fts WHERE article_fts MATCH 'bielorussia'", "3\n");
	sqlite3_close(db);
	/* The full-text index agrees with the article table. */
	assert_int_equal(sqlite3_open(p2, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO article_fts(article_fts) VALUES ('integrity-check')",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(count_files("sorted.idx."), 0);
	free(a);
	free(b);
	free(p1);
	free(p2);
}

static void
test_aggregates(void **state)
{
	char *path = tmppath("agg.idx");
	struct att_build_stats bs;
	build(path, &bs);
	sqlite3 *db = open_ro(path);
	/* Entities sorted by kind, then name. */
	expect_rows(db, "SELECT id, kind, name, country, articles, mentions FROM entity ORDER BY id",
		    "1|country|Belarus|BY|2|5\n2|country|Russia|RU|3|5\n3|country|Ukraine|UA|2|3\n"
		    "4|person|Vladimir Putin|RU|1|1\n");
	assert_int_equal(bs.entities[ATT_COUNTRY], 3);
	assert_int_equal(bs.entities[ATT_PERSON], 1);
	/* Duplicate and out-of-range mentions were dropped; counts agree. */
	expect_rows(db, "SELECT entity_id, count(*) FROM mention GROUP BY 1 ORDER BY 1",
		    "1|5\n2|5\n3|3\n4|1\n");
	expect_rows(db, "SELECT entity_id, article_id, mentions FROM article_entity ORDER BY 1, 2",
		    "1|2|2\n1|3|3\n2|1|1\n2|2|2\n2|3|2\n3|1|1\n3|2|2\n4|3|1\n");
	/* Most mentioned first, ties by code. */
	expect_rows(db, "SELECT id, countries FROM article ORDER BY id",
		    "1|RU UA\n2|BY RU UA\n3|BY RU\n4|\n");
	/* Sentences: numbered from 0, title first; only those that evidence
	 * cites are written (sentence 1, "Putin a Minsk.", names one country). */
	expect_rows(db, "SELECT n, field, pos FROM sentence WHERE article_id = 3 ORDER BY n",
		    "0|title|0\n2|body|15\n");
	expect_rows(db, "SELECT count(*) FROM sentence AS s WHERE NOT EXISTS (SELECT 1 FROM evidence AS e"
		    " WHERE e.article_id = s.article_id AND e.n = s.n)", "0\n");
	sqlite3_close(db);
	free(path);
}

static void
test_relations(void **state)
{
	char *path = tmppath("rel.idx");
	struct att_build_stats bs;
	build(path, &bs);
	sqlite3 *db = open_ro(path);
	expect_rows(db, "SELECT article_id, a, b, sentences FROM relation ORDER BY 1, 2, 3",
		    "1|RU|UA|1\n2|BY|RU|1\n2|BY|UA|1\n2|RU|UA|2\n3|BY|RU|2\n");
	/* Tones: the mean of the sentences, clamped to [-1, 1]. */
	assert_true(fabs(real(db, "SELECT tone FROM relation WHERE article_id = 1") + 1.0) < 1e-9);
	assert_true(fabs(real(db, "SELECT tone FROM relation WHERE article_id = 2 AND a = 'RU'") + 0.2) < 1e-9);
	assert_true(fabs(real(db, "SELECT tone FROM relation WHERE article_id = 3") - 0.45) < 1e-9);
	expect_rows(db, "SELECT a, b, article_id, n FROM evidence ORDER BY 1, 2, 3, 4",
		    "BY|RU|2|2\nBY|RU|3|0\nBY|RU|3|2\nBY|UA|2|2\nRU|UA|1|0\nRU|UA|2|0\nRU|UA|2|2\n");
	expect_rows(db, "SELECT a, b, articles, sentences FROM pair ORDER BY 1, 2",
		    "BY|RU|2|3\nBY|UA|1|1\nRU|UA|2|3\n");
	/* Sentence-weighted: (0.4 + 0.9 + 0.0) / 3 */
	assert_true(fabs(real(db, "SELECT tone FROM pair WHERE a = 'BY' AND b = 'RU'") - 1.3 / 3) < 1e-9);
	assert_true(fabs(real(db, "SELECT tone FROM pair WHERE a = 'RU' AND b = 'UA'") - (-1.0 - 0.8 + 0.4) / 3) < 1e-9);
	assert_int_equal(bs.pairs, 3);
	sqlite3_close(db);
	free(path);
}

static void
test_aliases_and_fts(void **state)
{
	char *path = tmppath("alias.idx");
	struct att_build_stats bs;
	build(path, &bs);
	sqlite3 *db = open_ro(path);
	/* Surfaces seen and gazetteer names; the unmentioned FR is left out. */
	expect_rows(db, "SELECT key, name FROM alias WHERE entity_id = 2 ORDER BY 1, 2",
		    "mosca|Mosca\nrussia|Russia\nrussland|Russland\n");
	expect_rows(db, "SELECT count(*) FROM alias WHERE name = 'Francia'", "0\n");
	expect_rows(db, "SELECT rowid FROM article_fts WHERE article_fts MATCH 'bielorussia'", "3\n");
	expect_rows(db, "SELECT value FROM meta WHERE key = 'format'", "1\n");
	sqlite3_close(db);

	/* The result is a valid index. */
	struct att_index *idx;
	struct att_err err;
	struct att_index_summary sum;
	assert_int_equal(att_index_open(path, &idx, &err), 0);
	assert_int_equal(att_index_check(idx, &sum, &err), 0);
	assert_int_equal(sum.articles, 4);
	att_index_close(idx);
	free(path);
}

static void
test_deterministic(void **state)
{
	char *a = tmppath("det1.idx"), *b = tmppath("det2.idx");
	struct att_build_stats bs;
	build(a, &bs);
	build(b, &bs);
	char *da = dump(a), *db = dump(b);
	assert_string_equal(da, db);
	/* And a rebuild over an existing index replaces it with the same. */
	build(a, &bs);
	char *da2 = dump(a);
	assert_string_equal(da, da2);
	free(da);
	free(db);
	free(da2);
	free(a);
	free(b);
}

static void
test_lock_and_temp_files(void **state)
{
	char *path = tmppath("lock.idx");
	struct att_build_stats bs;
	struct att_writer *w, *w2;
	struct att_err err;

	build(path, &bs);
	char *before = dump(path);
	/* A leftover of a killed build is removed by the next one. */
	char *left = tmppath("lock.idx.tmp-999999");
	FILE *fp = fopen(left, "w");
	fputs("junk", fp);
	fclose(fp);
	assert_int_equal(att_writer_open(path, &w, &err), 0);
	assert_int_equal(access(left, F_OK), -1);
	/* A second builder is refused while the first holds the lock. */
	assert_int_equal(att_writer_open(path, &w2, &err), EX_TEMPFAIL);
	assert_non_null(strstr(err.msg, "lock.idx"));
	/* An aborted build leaves the previous index and no files behind. */
	struct att_doc d;
	doc_init(&d, "x.txt", "X", NULL, "Nuovo.", 0);
	assert_int_equal(att_writer_add(w, &d, NULL, &err), 0);
	att_doc_free(&d);
	att_writer_abort(w);
	assert_int_equal(count_files("lock.idx."), 0);
	char *after = dump(path);
	assert_string_equal(before, after);
	free(before);
	free(after);
	free(left);
	free(path);
}

static void
test_bad_target(void **state)
{
	struct att_writer *w;
	struct att_err err;
	char *path = tmppath("no/such/dir.idx");
	assert_int_equal(att_writer_open(path, &w, &err), EX_CANTCREAT);
	assert_non_null(strstr(err.msg, "dir.idx"));
	free(path);
	path = tmppath("adir.idx");
	mkdir(path, 0755);
	assert_int_equal(att_writer_open(path, &w, &err), EX_CANTCREAT);
	free(path);
}

static int
setup(void **state)
{
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids_in_date_order),
		cmocka_unit_test(test_input_order),
		cmocka_unit_test(test_aggregates),
		cmocka_unit_test(test_relations),
		cmocka_unit_test(test_aliases_and_fts),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_lock_and_temp_files),
		cmocka_unit_test(test_bad_target),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
