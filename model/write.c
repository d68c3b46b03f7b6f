/* write.c: building an index, the writer side of model/write.h.
 *
 * A build goes into TARGET.tmp-PID beside the target, under the lock
 * TARGET.lock. While the articles come in date order (the usual case for
 * JSON Lines exports), each is written straight into the article table
 * with its final id; from the first one out of order on, articles are
 * staged as rows of a second file (TARGET.tmp-PID-stage, attached) and
 * copied in date order at commit. Either way the mentions, sentences,
 * relations, entity counts and evidence of an article are packed in a
 * blob appended to TARGET.tmp-PID-ann, and entity and pair aggregates stay
 * in memory: mention rows need the entity ids, known only at the end.
 *
 * While the articles come in date order, a full-text thread builds the
 * full-text index in a side file (TARGET.tmp-PID-fts) as they are
 * numbered, fed their text through a queue; at commit the entities get
 * their ids, a side thread writes the mention rows, in article id order,
 * into a side file (TARGET.tmp-PID-side) through its own SQLite
 * connection while this one writes the article_entity rows, the extras
 * and the indexes built at commit, and the index takes the side table and
 * the full-text index's shadow tables with INSERT ... SELECT *, which
 * SQLite does page by page without decoding rows (its transfer
 * optimisation). Out of date order, the full-text thread is dropped; at
 * commit the side thread writes the mention and article_entity rows
 * while this one builds the full-text index by 'rebuild', and the side
 * tables are copied in the same way. Then the file is synced and renamed
 * over the target. Every step is linear or n log n in the number of rows, and
 * memory grows only with the entities, the country pairs and 12 bytes
 * per article (plus at most FEED_MAX bytes of text queued). */
#include "config.h"

#include "model/write.h"
#include "model/schema.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "model/index.h"
#include "model/text.h"

/* ------------------------------------------------------------------ hash */

/* A string-keyed open-addressing hash table; the hashes are kept, so
 * that a probe compares strings only when the hashes are equal. */
struct strmap {
	char **keys;
	void **vals;
	uint64_t *hashes;
	size_t cap, n;
};

static uint64_t
hash_mem(const char *s, size_t len)
{
	uint64_t h = att_hash(s, len);
	return h ^ (h >> 32);
}

static void strmap_put_hashed(struct strmap *m, char *key, uint64_t h, void *val);

static void
strmap_grow(struct strmap *m)
{
	struct strmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 16;
	m->keys = xcalloc(m->cap, sizeof *m->keys);
	m->vals = xcalloc(m->cap, sizeof *m->vals);
	m->hashes = xcalloc(m->cap, sizeof *m->hashes);
	m->n = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.keys[i])
			strmap_put_hashed(m, old.keys[i], old.hashes[i], old.vals[i]);
	free(old.keys);
	free(old.vals);
	free(old.hashes);
}

/* Slot of the LEN bytes at KEY, of hash H: where it is, or where it
 * would go. */
static size_t
strmap_slot(const struct strmap *m, const char *key, size_t len, uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);
	while (m->keys[i] && !(m->hashes[i] == h && memcmp(m->keys[i], key, len) == 0 &&
			       m->keys[i][len] == '\0'))
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* The value of the LEN bytes at KEY, or NULL. */
static void *
strmap_get_n(const struct strmap *m, const char *key, size_t len)
{
	if (m->cap == 0)
		return NULL;
	size_t i = strmap_slot(m, key, len, hash_mem(key, len));
	return m->keys[i] ? m->vals[i] : NULL;
}

static void *
strmap_get(const struct strmap *m, const char *key)
{
	return strmap_get_n(m, key, strlen(key));
}

static void
strmap_put_hashed(struct strmap *m, char *key, uint64_t h, void *val)
{
	if ((m->n + 1) * 2 > m->cap)
		strmap_grow(m);
	size_t i = strmap_slot(m, key, strlen(key), h);
	if (m->keys[i]) {
		free(key);
		return;
	}
	m->keys[i] = key;
	m->vals[i] = val;
	m->hashes[i] = h;
	m->n++;
}

/* Inserts KEY (taking ownership) unless present. */
static void
strmap_put(struct strmap *m, char *key, void *val)
{
	strmap_put_hashed(m, key, hash_mem(key, strlen(key)), val);
}

static void
strmap_free(struct strmap *m, void (*free_val)(void *))
{
	for (size_t i = 0; i < m->cap; i++) {
		if (m->keys[i]) {
			free(m->keys[i]);
			if (free_val)
				free_val(m->vals[i]);
		}
	}
	free(m->keys);
	free(m->vals);
	free(m->hashes);
	memset(m, 0, sizeof *m);
}

/* ------------------------------------------------------------------ state */

struct ent {
	char *key, *name, *country;
	int kind;               /* enum att_kind, or -1 while only aliases are known */
	uint64_t articles, mentions;
	uint64_t last_art;      /* staging number + 1 of the last article counted */
	uint64_t cur;           /* mentions in the current article */
	int64_t tmp, id;
	struct strmap aliases;  /* names as written -> NULL */
};

struct pairagg {
	char a[3], b[3];
	uint64_t articles, sentences;
	double tone_sum;
};

enum {
	ST_DOC, ST_KEY, ST_ARTICLE, ST_COUNT
};

/* The mentions, sentences and relations of an article are staged as one
 * blob of these records (native layout: the staging file never leaves
 * this process), and written out in id order at commit. */
struct rec_head {
	uint32_t nm, ns, nr, na, ne;
};
struct rec_mention {
	uint32_t pos, len, ent; /* ent: the staging number of the entity */
	uint32_t field;
};
struct rec_sentence {
	double tone;
	uint32_t pos, len, field;
	uint32_t n;             /* the sentence's ordinal in the article */
};
struct rec_relation {
	double tone;
	uint32_t sentences;
	char a[2], b[2];
};
struct rec_ae {
	uint32_t ent, mentions;
};
struct rec_evidence {
	uint32_t k;
	char a[2], b[2];
};

/* ST_DOC stages a whole article; ST_KEY only what orders it, for an
 * article written straight into the index (ST_ARTICLE). */
static const char *const stage_sql[ST_COUNT] = {
	"INSERT INTO stage.doc(n, seq, path, title, date, source, lang, body, url, original,"
	" countries) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	"INSERT INTO stage.doc(n, seq, path, date) VALUES (?1, ?2, ?3, ?5)",
	"INSERT INTO main.article(id, path, title, date, source, lang, body, url, original, countries)"
	" VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
};

static const char stage_schema[] =
	"CREATE TABLE stage.doc(n INTEGER PRIMARY KEY, seq INTEGER, path TEXT,"
	" title TEXT, date TEXT, source TEXT, lang TEXT, body TEXT, url TEXT, original TEXT,"
	" countries TEXT);"

	"CREATE TABLE stage.map(id INTEGER PRIMARY KEY, n INTEGER UNIQUE);";

/* Moves the articles written so far back into the staging table, when an
 * article comes out of date order. */
static const char unorder_sql[] =
	"UPDATE stage.doc SET title = a.title, source = a.source, lang = a.lang, body = a.body,"
	" url = a.url, original = a.original, countries = a.countries"
	" FROM main.article AS a WHERE a.id = doc.n;"
	"DELETE FROM main.article; DELETE FROM main.sentence; DELETE FROM main.relation;"
	" DELETE FROM main.evidence;";

/* The indexes built at commit, once their rows are in (CREATE INDEX sorts
 * the keys), rather than maintained row by row in an order that puts
 * each key on a random page. */
static const char late_index_sql[] =
	"SELECT name, sql FROM main.sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
	" AND tbl_name IN ('relation', 'article_entity') ORDER BY rowid";

/* The CREATE statements of a table and its indexes. */
static const char table_sql[] =
	"SELECT sql FROM main.sqlite_schema WHERE sql IS NOT NULL AND tbl_name = ?1 ORDER BY rowid";

struct batch;

/* An article held until the articles of its date are all in, to be
 * numbered in (path, seq) order among them. */
struct pending {
	struct att_doc doc;        /* copies of the fields written */
	char *countries;
	struct buf blob;
	uint64_t added;
};

/* How many articles of one date, and how many bytes of them, are held
 * before giving up the direct path and staging everything. */
#define GROUP_MAX 4096
#define GROUP_BYTES (32u << 20)

struct att_writer {
	char *target, *tmp, *stage, *lock, *dir, *annpath, *side, *fts;
	int lockfd, annfd;
	struct fts_thread *ftst;   /* the full-text thread, fed as articles are numbered; NULL: none */
	int fts_off;               /* no full-text thread (out of date order, or it could not start) */
	struct buf text;           /* text records not yet handed to the full-text thread */
	struct buf late;           /* the CREATE statements of the indexes built at commit */
	sqlite3 *db;
	sqlite3_stmt *st[ST_COUNT];
	volatile sig_atomic_t *cancel;
	uint64_t n;                /* articles numbered */
	uint64_t added;            /* articles added */
	int unordered;             /* an article came out of date order */
	struct pending *grp;       /* the articles of the last date, not yet numbered */
	size_t ngrp, capgrp, grpbytes;
	struct buf ann;            /* blobs not yet written to annfd */
	struct batch *wb;          /* the rows written as the articles are numbered */
	struct ev_row *evv;        /* evidence rows gathered, to be inserted in key order */
	size_t nev;
	struct strmap ents;        /* key -> struct ent */
	struct ent **entv;         /* in order of first sight */
	size_t nent, capent;
	struct strmap pairs;       /* "AA BB" -> struct pairagg */
	uint64_t mentions, relations;
};

static const char *const kind_names[] = {"country", "person", "org", "place"};
static const char *const field_names[] = {"title", "body"};

/* ------------------------------------------------------------------ errors */

/* Turns a SQLite failure into an error value naming the target. */
static int
db_failure(struct att_writer *w, int rc, const char *what, struct att_err *err)
{
	int prim = rc & 0xff;
	const char *msg = w->db ? sqlite3_errmsg(w->db) : sqlite3_errstr(rc);

	if (prim == SQLITE_FULL)
		return att_err_set(err, EX_IOERR, "%s: disk full while %s; the previous index is unchanged",
				   w->target, what);
	if (prim == SQLITE_IOERR)
		return att_err_set(err, EX_IOERR, "%s: write error while %s (%s); the previous index is unchanged",
				   w->target, what, msg);
	if (prim == SQLITE_INTERRUPT)
		return att_err_set(err, EX_TEMPFAIL, "%s: interrupted while %s", w->target, what);
	if (prim == SQLITE_CANTOPEN || prim == SQLITE_READONLY || prim == SQLITE_PERM)
		return att_err_set(err, EX_CANTCREAT, "%s: cannot create the index (%s)", w->target, msg);
	return att_err_set(err, EX_SOFTWARE, "%s: SQLite error while %s (%s)", w->target, what, msg);
}

static int
exec(struct att_writer *w, const char *sql, const char *what, struct att_err *err)
{
	int rc = sqlite3_exec(w->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : db_failure(w, rc, what, err);
}

/* ------------------------------------------------------------------ open */

/* The progress handler: stops the running statement once the flag is set. */
static int
cancelled(void *arg)
{
	volatile sig_atomic_t *flag = arg;
	return *flag != 0;
}

/* Removes TARGET.tmp-* files left by builders that died: we hold the lock,
 * so no live builder owns one. */
static void
remove_leftovers(const struct att_writer *w)
{
	const char *base = strrchr(w->target, '/');
	base = base ? base + 1 : w->target;
	char *prefix = xasprintf("%s.tmp-", base);
	size_t plen = strlen(prefix);
	DIR *d = opendir(w->dir);

	if (d) {
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (strncmp(e->d_name, prefix, plen) == 0) {
				char *p = xasprintf("%s/%s", w->dir, e->d_name);
				unlink(p);
				free(p);
			}
		}
		closedir(d);
	}
	free(prefix);
}

/* Takes TARGET.lock; the lock file is removed when the build ends, so
 * make sure the file we locked is still the one at that name. */
static int
take_lock(struct att_writer *w, struct att_err *err)
{
	for (int tries = 0; tries < 100; tries++) {
		int fd = open(w->lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
		if (fd < 0)
			return att_err_set(err, EX_CANTCREAT, "%s: cannot create the lock file: %s",
					   w->lock, strerror(errno));
		if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
			int e = errno;
			close(fd);
			if (e == EWOULDBLOCK)
				return att_err_set(err, EX_TEMPFAIL,
						   "%s: another attache-index is building this index (it holds %s); try again when it is done",
						   w->target, w->lock);
			return att_err_set(err, EX_CANTCREAT, "%s: cannot lock: %s", w->lock, strerror(e));
		}
		struct stat a, b;
		if (fstat(fd, &a) == 0 && stat(w->lock, &b) == 0 && a.st_dev == b.st_dev &&
		    a.st_ino == b.st_ino) {
			w->lockfd = fd;
			return 0;
		}
		close(fd);
	}
	return att_err_set(err, EX_TEMPFAIL, "%s: cannot take the lock %s", w->target, w->lock);
}

/* Refuses a target we cannot write before any work is done. */
static int
check_target(struct att_writer *w, struct att_err *err)
{
	struct stat st;

	if (stat(w->dir, &st) != 0)
		return att_err_set(err, EX_CANTCREAT, "%s: cannot create the index: directory %s: %s",
				   w->target, w->dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return att_err_set(err, EX_CANTCREAT, "%s: cannot create the index: %s is not a directory",
				   w->target, w->dir);
	if (access(w->dir, W_OK | X_OK) != 0)
		return att_err_set(err, EX_CANTCREAT, "%s: cannot create the index in %s: %s", w->target,
				   w->dir, strerror(errno));
	if (stat(w->target, &st) == 0 && !S_ISREG(st.st_mode))
		return att_err_set(err, EX_CANTCREAT,
				   "%s: exists and is not a regular file; refusing to replace it", w->target);
	return 0;
}

/* Drops the indexes of late_index_sql, keeping their CREATE statements. */
static int
drop_late_indexes(struct att_writer *w, struct att_err *err)
{
	sqlite3_stmt *st = NULL;
	struct buf drop = BUF_INIT;
	int rc = sqlite3_prepare_v2(w->db, late_index_sql, -1, &st, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *d = sqlite3_mprintf("DROP INDEX main.%w;", (const char *)sqlite3_column_text(st, 0));
		buf_adds(&drop, d);
		sqlite3_free(d);
		buf_adds(&w->late, (const char *)sqlite3_column_text(st, 1));
		buf_adds(&w->late, ";\n");
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	int code = rc == SQLITE_DONE ? 0 : db_failure(w, rc, "creating the index schema", err);
	if (code == 0 && drop.len)
		code = exec(w, drop.data, "creating the index schema", err);
	buf_free(&drop);
	return code;
}

static int
open_db(struct att_writer *w, struct att_err *err)
{
	int rc;

	unlink(w->tmp);
	unlink(w->stage);
	unlink(w->side);
	unlink(w->fts);
	w->annfd = open(w->annpath, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (w->annfd < 0)
		return att_err_set(err, EX_CANTCREAT, "%s: cannot create %s: %s", w->target, w->annpath,
				   strerror(errno));
	/* Each connection is used by one thread only: no mutex per call. */
	rc = sqlite3_open_v2(w->tmp, &w->db,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_PRIVATECACHE |
			     SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return db_failure(w, rc, "creating the temporary file", err);
	sqlite3_extended_result_codes(w->db, 1);
	sqlite3_db_config(w->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);

	/* The file is renamed into place only after a commit and an fsync, so
	 * a journal would protect nothing. */
	int code = exec(w, "PRAGMA main.page_size=16384; PRAGMA main.journal_mode=OFF; PRAGMA main.synchronous=OFF;"
			"PRAGMA main.locking_mode=EXCLUSIVE; PRAGMA main.cache_size=-65536;"
			/* The rows are checked here before they are written. */
			" PRAGMA ignore_check_constraints=ON;",
			"setting up the temporary file", err);
	if (code)
		return code;
	if ((code = att_schema_create(w->db, err)) != 0 || (code = drop_late_indexes(w, err)) != 0)
		return code;
	char *sql = sqlite3_mprintf("ATTACH %Q AS stage", w->stage);
	code = exec(w, sql, "creating the staging file", err);
	sqlite3_free(sql);
	if (code)
		return code;
	code = exec(w, "PRAGMA stage.page_size=16384; PRAGMA stage.journal_mode=OFF; PRAGMA stage.synchronous=OFF;"
		    "PRAGMA stage.locking_mode=EXCLUSIVE; PRAGMA stage.cache_size=-65536;",
		    "setting up the staging file", err);
	if (code)
		return code;
	if ((code = exec(w, stage_schema, "creating the staging tables", err)) != 0)
		return code;
	if ((code = exec(w, "BEGIN", "starting the build", err)) != 0)
		return code;
	for (int i = 0; i < ST_COUNT; i++) {
		rc = sqlite3_prepare_v3(w->db, stage_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &w->st[i], NULL);
		if (rc != SQLITE_OK)
			return db_failure(w, rc, "preparing the build", err);
	}
	return 0;
}

int
att_writer_open(const char *target, struct att_writer **out, struct att_err *err)
{
	struct att_writer *w = xcalloc(1, sizeof *w);
	const char *slash = strrchr(target, '/');
	int code;

	/* No memory statistics: SQLite would take a global mutex at every
	 * allocation of every connection (it fails harmlessly once SQLite
	 * is initialised, as in a process that opened an index before). */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	*out = NULL;
	w->lockfd = -1;
	w->annfd = -1;
	w->target = xstrdup(target);
	if (slash == NULL)
		w->dir = xstrdup(".");
	else if (slash == target)
		w->dir = xstrdup("/");
	else
		w->dir = xstrndup(target, (size_t)(slash - target));
	w->tmp = xasprintf("%s.tmp-%ld", target, (long)getpid());
	w->stage = xasprintf("%s.tmp-%ld-stage", target, (long)getpid());
	w->lock = xasprintf("%s.lock", target);
	w->annpath = xasprintf("%s.tmp-%ld-ann", target, (long)getpid());
	w->side = xasprintf("%s.tmp-%ld-side", target, (long)getpid());
	w->fts = xasprintf("%s.tmp-%ld-fts", target, (long)getpid());

	if (slash && slash[1] == '\0') {
		code = att_err_set(err, EX_USAGE, "%s: the index must be a file name, not a directory", target);
		goto fail;
	}
	if ((code = check_target(w, err)) != 0 || (code = take_lock(w, err)) != 0)
		goto fail;
	remove_leftovers(w);
	if ((code = open_db(w, err)) != 0)
		goto fail;
	*out = w;
	return 0;
fail:
	att_writer_abort(w);
	return code;
}

/* ------------------------------------------------------------------ add */

static struct ent *
ent_get(struct att_writer *w, const char *key)
{
	struct ent *e = strmap_get(&w->ents, key);
	if (e)
		return e;
	e = xcalloc(1, sizeof *e);
	e->key = xstrdup(key);
	e->kind = -1;
	e->tmp = (int64_t)w->nent + 1;
	if (w->nent == w->capent) {
		w->capent = w->capent ? w->capent * 2 : 256;
		w->entv = xreallocarray(w->entv, w->capent, sizeof *w->entv);
	}
	w->entv[w->nent++] = e;
	strmap_put(&w->ents, xstrdup(key), e);
	return e;
}

static void
ent_free(struct ent *e)
{
	free(e->key);
	free(e->name);
	free(e->country);
	strmap_free(&e->aliases, NULL);
	free(e);
}

static void
alias_add(struct ent *e, const char *name, size_t len)
{
	/* The name ends at a NUL byte, as xstrndup cuts it. */
	if (len == 0 || len > 200 || strmap_get_n(&e->aliases, name, strnlen(name, len)) != NULL ||
	    !att_utf8_valid(name, len))
		return;
	strmap_put(&e->aliases, xstrndup(name, len), e);
}

static void
bind_opt_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* Runs a staging statement whose parameters are bound. */
static int
step(struct att_writer *w, sqlite3_stmt *st, struct att_err *err)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return db_failure(w, rc, "writing", err);
	return 0;
}

/* 1 when [pos, pos+len) is a non-empty range on character boundaries. */
static int
span_ok(const char *text, size_t textlen, size_t pos, size_t len)
{
	if (len == 0 || pos > textlen || len > textlen - pos)
		return 0;
	if (pos < textlen && ((unsigned char)text[pos] & 0xc0) == 0x80)
		return 0;
	if (pos + len < textlen && ((unsigned char)text[pos + len] & 0xc0) == 0x80)
		return 0;
	return 1;
}

static int
cmp_mention(const void *pa, const void *pb)
{
	const struct att_mention *a = *(const struct att_mention *const *)pa;
	const struct att_mention *b = *(const struct att_mention *const *)pb;
	if (a->field != b->field)
		return (int)a->field - (int)b->field;
	if (a->pos != b->pos)
		return a->pos < b->pos ? -1 : 1;
	return a->len > b->len ? -1 : a->len < b->len;
}

static int
cmp_sentence(const void *pa, const void *pb)
{
	const struct att_sentence *a = *(const struct att_sentence *const *)pa;
	const struct att_sentence *b = *(const struct att_sentence *const *)pb;
	if (a->field != b->field)
		return (int)a->field - (int)b->field;
	if (a->pos != b->pos)
		return a->pos < b->pos ? -1 : 1;
	return 0;
}

static double
clamp_tone(double t)
{
	if (!(t == t))
		return 0;
	return t < -1 ? -1 : t > 1 ? 1 : t;
}

static int
valid_code(const char *c)
{
	return c && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' && c[2] == '\0';
}

struct country_count {
	char code[3];
	uint64_t n;
};

static int
cmp_country_count(const void *pa, const void *pb)
{
	const struct country_count *a = pa, *b = pb;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->code, b->code);
}

struct art_pair {
	char a[3], b[3];
	uint64_t sentences;
	double tone_sum;
};

static int
cmp_art_pair(const void *pa, const void *pb)
{
	const struct art_pair *a = pa, *b = pb;
	int c = strcmp(a->a, b->a);
	return c ? c : strcmp(a->b, b->b);
}

/* Per-article scratch, kept across calls to avoid reallocations. */
struct scratch {
	const struct att_mention **m;
	struct ent **ents;
	const struct att_sentence **s;
	struct country_count *cc;
	struct art_pair *pairs;
	size_t npairs, cappairs;
	struct buf ms, ss, rs, as, es; /* the records of the staged blob */
	struct rec_head head;
};

/* Frees the record buffers of the staged blob. */
static void
scratch_free_records(struct scratch *sc)
{
	buf_free(&sc->ms);
	buf_free(&sc->ss);
	buf_free(&sc->rs);
	buf_free(&sc->as);
	buf_free(&sc->es);
}

static int
cmp_code(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Adds the pairs of one sentence to the article's pairs, staging evidence. */
static int
add_sentence_pairs(struct att_writer *w, struct scratch *sc, const struct att_sentence *s,
		   int64_t k, struct att_err *err)
{
	char (*codes)[3] = xreallocarray(NULL, s->ncountries, sizeof *codes);
	size_t nc = 0;
	int code = 0;

	/* Sorted and unique, whatever the annotation says. */
	for (size_t i = 0; i < s->ncountries; i++)
		if (valid_code(s->countries[i]))
			memcpy(codes[nc++], s->countries[i], 3);
	qsort(codes, nc, sizeof *codes, cmp_code);
	size_t u = 0;
	for (size_t i = 0; i < nc; i++)
		if (u == 0 || strcmp(codes[u - 1], codes[i]) != 0)
			memcpy(codes[u++], codes[i], 3);
	nc = u;
	for (size_t i = 0; i < nc && code == 0; i++) {
		for (size_t j = i + 1; j < nc && code == 0; j++) {
			struct art_pair *p = NULL;
			for (size_t x = 0; x < sc->npairs && !p; x++)
				if (strcmp(sc->pairs[x].a, codes[i]) == 0 && strcmp(sc->pairs[x].b, codes[j]) == 0)
					p = &sc->pairs[x];
			if (p == NULL) {
				if (sc->npairs == sc->cappairs) {
					sc->cappairs = sc->cappairs ? sc->cappairs * 2 : 16;
					sc->pairs = xreallocarray(sc->pairs, sc->cappairs, sizeof *sc->pairs);
				}
				p = &sc->pairs[sc->npairs++];
				memset(p, 0, sizeof *p);
				memcpy(p->a, codes[i], 3);
				memcpy(p->b, codes[j], 3);
			}
			p->sentences++;
			p->tone_sum += clamp_tone(s->tone);
			struct rec_evidence r = {(uint32_t)k, {codes[i][0], codes[i][1]}, {codes[j][0], codes[j][1]}};
			buf_add(&sc->es, &r, sizeof r);
			sc->head.ne++;
		}
	}
	free(codes);
	return code;
}

/* Stages the mentions, entity counts and returns the article's countries. */
static int
add_mentions(struct att_writer *w, struct scratch *sc, const struct att_doc *doc,
	     const struct att_doc_ann *ann, struct buf *countries, struct att_err *err)
{
	size_t nm = 0, nents = 0, ncc = 0;
	int code = 0;

	sc->m = xreallocarray(NULL, ann->nmentions + 1, sizeof *sc->m);
	for (size_t i = 0; i < ann->nmentions; i++) {
		const struct att_mention *m = &ann->mentions[i];
		const char *text = m->field == ATT_TITLE ? doc->title : doc->body;
		size_t tl = m->field == ATT_TITLE ? strlen(doc->title) : doc->body_len;
		if ((m->field != ATT_TITLE && m->field != ATT_BODY) || m->ent.key == NULL ||
		    m->ent.name == NULL || (unsigned)m->ent.kind > ATT_PLACE || !span_ok(text, tl, m->pos, m->len))
			continue;
		sc->m[nm++] = m;
	}
	qsort(sc->m, nm, sizeof *sc->m, cmp_mention);
	sc->ents = xreallocarray(NULL, nm + 1, sizeof *sc->ents);
	for (size_t i = 0; i < nm; i++) {
		const struct att_mention *m = sc->m[i];
		if (i > 0 && sc->m[i - 1]->field == m->field && sc->m[i - 1]->pos == m->pos)
			continue; /* one mention per place */
		struct ent *e = ent_get(w, m->ent.key);
		if (e->kind < 0) {
			e->kind = (int)m->ent.kind;
			e->name = xstrdup(m->ent.name);
			e->country = valid_code(m->ent.country) ? xstrdup(m->ent.country) : NULL;
		}
		if (e->cur++ == 0)
			sc->ents[nents++] = e;
		e->mentions++;
		w->mentions++;
		const char *text = m->field == ATT_TITLE ? doc->title : doc->body;
		alias_add(e, text + m->pos, m->len);

		struct rec_mention r = {(uint32_t)m->pos, (uint32_t)m->len, (uint32_t)e->tmp, (uint32_t)m->field};
		buf_add(&sc->ms, &r, sizeof r);
		sc->head.nm++;
	}
	sc->cc = xreallocarray(NULL, nents + 1, sizeof *sc->cc);
	for (size_t i = 0; i < nents; i++) {
		struct ent *e = sc->ents[i];
		e->articles++;
		struct rec_ae r = {(uint32_t)e->tmp, (uint32_t)e->cur};
		buf_add(&sc->as, &r, sizeof r);
		sc->head.na++;
		if (e->kind == ATT_COUNTRY && e->country) {
			size_t x;
			for (x = 0; x < ncc && strcmp(sc->cc[x].code, e->country) != 0; x++)
				;
			if (x == ncc) {
				memcpy(sc->cc[ncc].code, e->country, 3);
				sc->cc[ncc++].n = 0;
			}
			sc->cc[x].n += e->cur;
		}
	}
	qsort(sc->cc, ncc, sizeof *sc->cc, cmp_country_count);
	for (size_t i = 0; i < ncc; i++) {
		if (i)
			buf_addc(countries, ' ');
		buf_adds(countries, sc->cc[i].code);
	}
	buf_adds(countries, "");
	for (size_t i = 0; i < nents; i++)
		sc->ents[i]->cur = 0;
	free(sc->m);
	free(sc->ents);
	free(sc->cc);
	return code;
}

/* Stages the relations of the article, and the sentences that evidence
 * cites (with their ordinals: readers find them by (article_id, n)). */
static int
add_sentences(struct att_writer *w, struct scratch *sc, const struct att_doc *doc,
	      const struct att_doc_ann *ann, struct att_err *err)
{
	size_t ns = 0;
	int code = 0;

	sc->s = xreallocarray(NULL, ann->nsentences + 1, sizeof *sc->s);
	for (size_t i = 0; i < ann->nsentences; i++) {
		const struct att_sentence *s = &ann->sentences[i];
		const char *text = s->field == ATT_TITLE ? doc->title : doc->body;
		size_t tl = s->field == ATT_TITLE ? strlen(doc->title) : doc->body_len;
		if ((s->field == ATT_TITLE || s->field == ATT_BODY) && span_ok(text, tl, s->pos, s->len))
			sc->s[ns++] = s;
	}
	qsort(sc->s, ns, sizeof *sc->s, cmp_sentence);
	sc->npairs = 0;
	for (size_t k = 0; k < ns; k++) {
		const struct att_sentence *s = sc->s[k];
		uint32_t ne = sc->head.ne;
		if (s->ncountries >= 2 && s->countries &&
		    (code = add_sentence_pairs(w, sc, s, (int64_t)k, err)) != 0)
			goto out;
		if (sc->head.ne == ne)
			continue; /* only the sentences that evidence cites are kept */
		struct rec_sentence r = {clamp_tone(s->tone), (uint32_t)s->pos, (uint32_t)s->len,
					 (uint32_t)s->field, (uint32_t)k};
		buf_add(&sc->ss, &r, sizeof r);
		sc->head.ns++;
	}
	if (sc->npairs > 1) /* qsort(NULL, 0, ...) is undefined */
		qsort(sc->pairs, sc->npairs, sizeof *sc->pairs, cmp_art_pair);
	for (size_t i = 0; i < sc->npairs; i++) {
		struct art_pair *p = &sc->pairs[i];
		struct rec_relation r = {clamp_tone(p->tone_sum / (double)p->sentences),
					 (uint32_t)p->sentences, {p->a[0], p->a[1]}, {p->b[0], p->b[1]}};
		buf_add(&sc->rs, &r, sizeof r);
		sc->head.nr++;
		w->relations++;
		char key[6] = {p->a[0], p->a[1], ' ', p->b[0], p->b[1], '\0'};
		struct pairagg *g = strmap_get(&w->pairs, key);
		if (g == NULL) {
			g = xcalloc(1, sizeof *g);
			memcpy(g->a, p->a, 3);
			memcpy(g->b, p->b, 3);
			strmap_put(&w->pairs, xstrdup(key), g);
		}
		g->articles++;
		g->sentences += p->sentences;
		g->tone_sum += p->tone_sum;
	}
out:
	free(sc->s);
	free(sc->pairs);
	sc->pairs = NULL;
	sc->cappairs = sc->npairs = 0;
	return code;
}

/* Rows inserted BATCH_ROWS at a time with one multi-row INSERT: the
 * per-statement cost of SQLite dominates for these small rows. Values
 * are kept here until the batch is written. */
#define BATCH_ROWS 64
#define BATCH_COLS 6

struct bval {
	enum { BV_INT, BV_REAL, BV_TEXT } type;
	int64_t i;
	double d;
	char t[8]; /* short texts only: field names, country codes */
};

struct batch {
	sqlite3_stmt *many, *one;
	int ncols, rows;
	struct bval v[BATCH_ROWS][BATCH_COLS];
};

static int
batch_init(struct att_writer *w, struct batch *b, const char *insert, int ncols, struct att_err *err)
{
	struct buf sql = BUF_INIT;
	int rc = SQLITE_OK;

	b->ncols = ncols;
	b->rows = 0;
	b->many = b->one = NULL;
	buf_adds(&sql, insert);
	for (int r = 0; r < BATCH_ROWS && rc == SQLITE_OK; r++) {
		buf_adds(&sql, r ? ", (" : " VALUES (");
		for (int c = 0; c < ncols; c++)
			buf_adds(&sql, c ? ", ?" : "?");
		buf_addc(&sql, ')');
		if (r == 0)
			rc = sqlite3_prepare_v2(w->db, sql.data, -1, &b->one, NULL);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(w->db, sql.data, -1, &b->many, NULL);
	buf_free(&sql);
	return rc == SQLITE_OK ? 0 : db_failure(w, rc, "preparing the index tables", err);
}

/* The values of the next row, to fill before batch_add. */
static struct bval *
batch_row(struct batch *b)
{
	return b->v[b->rows];
}

static void
bind_row(sqlite3_stmt *st, int first, const struct bval *v, int ncols)
{
	for (int c = 0; c < ncols; c++) {
		if (v[c].type == BV_INT)
			sqlite3_bind_int64(st, first + c, v[c].i);
		else if (v[c].type == BV_REAL)
			sqlite3_bind_double(st, first + c, v[c].d);
		else
			sqlite3_bind_text(st, first + c, v[c].t, -1, SQLITE_STATIC);
	}
}

/* Writes the rows kept: with the multi-row statement when the batch is
 * full, else one by one. */
static int
batch_flush(struct att_writer *w, struct batch *b, struct att_err *err)
{
	int code = 0;
	if (b->rows == BATCH_ROWS) {
		for (int r = 0; r < BATCH_ROWS; r++)
			bind_row(b->many, r * b->ncols + 1, b->v[r], b->ncols);
		code = step(w, b->many, err);
	} else {
		for (int r = 0; r < b->rows && code == 0; r++) {
			bind_row(b->one, 1, b->v[r], b->ncols);
			code = step(w, b->one, err);
		}
	}
	b->rows = 0;
	return code;
}

/* Counts the row just filled; writes the batch when it is full. */
static int
batch_add(struct att_writer *w, struct batch *b, struct att_err *err)
{
	if (++b->rows < BATCH_ROWS)
		return 0;
	return batch_flush(w, b, err);
}

static void
batch_free(struct batch *b)
{
	sqlite3_finalize(b->many);
	sqlite3_finalize(b->one);
}

static void
bv_int(struct bval *v, int64_t i)
{
	v->type = BV_INT;
	v->i = i;
}

static void
bv_real(struct bval *v, double d)
{
	v->type = BV_REAL;
	v->d = d;
}

static void
bv_text(struct bval *v, const char *t, size_t n)
{
	v->type = BV_TEXT;
	if (n >= sizeof v->t)
		n = sizeof v->t - 1;
	memcpy(v->t, t, n);
	v->t[n] = '\0';
}

enum { WB_MENTION, WB_SENTENCE, WB_RELATION, WB_AE, WB_EVIDENCE, WB_COUNT };
#define WB_ALL ((1u << WB_COUNT) - 1)
/* The tables of the blobs' rows the side thread writes; this thread
 * writes the others once the full-text index is built. */
#define WB_SIDE ((1u << WB_MENTION) | (1u << WB_AE))
/* The others, which need no entity id: written as each article is
 * numbered while the articles come in date order. */
#define WB_EARLY (WB_ALL & ~WB_SIDE)
static const char *const wb_table[WB_COUNT] = {
	"mention", "sentence", "relation", "article_entity", "evidence",
};
static const struct {
	const char *sql;
	int ncols;
} wb_spec[WB_COUNT] = {
	{"INSERT INTO main.mention(article_id, entity_id, field, pos, len)", 5},
	{"INSERT INTO main.sentence(article_id, n, field, pos, len, tone)", 6},
	{"INSERT INTO main.relation(article_id, a, b, sentences, tone)", 5},
	{"INSERT INTO main.article_entity(entity_id, article_id, mentions)", 3},
	{"INSERT INTO main.evidence(a, b, article_id, n)", 4},
};

/* Evidence rows are gathered this many at a time and inserted in key
 * (country pair) order: in article order each lands on a random page of
 * the table (at 100k articles 2.2 s for its 1M rows, 0.55 s in key order). */
#define EV_CHUNK (1u << 18)

struct ev_row {
	char a[2], b[2];
	uint32_t k;
	int64_t art;
};

static int
cmp_ev_row(const void *pa, const void *pb)
{
	const struct ev_row *x = pa, *y = pb;
	int c = memcmp(x->a, y->a, 2);
	if (c == 0)
		c = memcmp(x->b, y->b, 2);
	if (c == 0)
		c = (x->art > y->art) - (x->art < y->art);
	return c ? c : (x->k > y->k) - (x->k < y->k);
}

/* Inserts the gathered evidence rows, sorted, and frees them. */
static int
flush_ev(struct att_writer *w, struct batch *b, struct att_err *err)
{
	int code = 0;
	if (w->nev > 1)
		qsort(w->evv, w->nev, sizeof *w->evv, cmp_ev_row);
	for (size_t i = 0; i < w->nev && code == 0; i++) {
		struct bval *v = batch_row(b);
		bv_text(&v[0], w->evv[i].a, 2);
		bv_text(&v[1], w->evv[i].b, 2);
		bv_int(&v[2], w->evv[i].art);
		bv_int(&v[3], w->evv[i].k);
		code = batch_add(w, b, err);
	}
	free(w->evv);
	w->evv = NULL;
	w->nev = 0;
	return code;
}

/* Writes the rows of the blob of article ID that go into the tables of
 * MASK (bits of WB_*) through W's connection. */
static int
write_blob_rows(struct att_writer *w, int64_t id, const unsigned char *blob, size_t len,
		unsigned mask, struct batch *wb, struct att_err *err)
{
	struct rec_head h;
	int code;

	if (len < sizeof h)
		return att_err_set(err, EX_SOFTWARE, "%s: the staging file is damaged", w->target);
	memcpy(&h, blob, sizeof h);
	const unsigned char *p = blob + sizeof h;
	if (!(mask & (1u << WB_MENTION))) {
		p += h.nm * sizeof(struct rec_mention);
	} else for (uint32_t i = 0; i < h.nm; i++, p += sizeof(struct rec_mention)) {
		struct rec_mention r;
		memcpy(&r, p, sizeof r);
		struct bval *v = batch_row(&wb[WB_MENTION]);
		bv_int(&v[0], id);
		bv_int(&v[1], w->entv[r.ent - 1]->id);
		bv_text(&v[2], field_names[r.field], strlen(field_names[r.field]));
		bv_int(&v[3], r.pos);
		bv_int(&v[4], r.len);
		if ((code = batch_add(w, &wb[WB_MENTION], err)) != 0)
			return code;
	}
	if (!(mask & (1u << WB_SENTENCE))) {
		p += h.ns * sizeof(struct rec_sentence);
	} else for (uint32_t i = 0; i < h.ns; i++, p += sizeof(struct rec_sentence)) {
		struct rec_sentence r;
		memcpy(&r, p, sizeof r);
		struct bval *v = batch_row(&wb[WB_SENTENCE]);
		bv_int(&v[0], id);
		bv_int(&v[1], r.n);
		bv_text(&v[2], field_names[r.field], strlen(field_names[r.field]));
		bv_int(&v[3], r.pos);
		bv_int(&v[4], r.len);
		bv_real(&v[5], r.tone);
		if ((code = batch_add(w, &wb[WB_SENTENCE], err)) != 0)
			return code;
	}
	if (!(mask & (1u << WB_RELATION))) {
		p += h.nr * sizeof(struct rec_relation);
	} else for (uint32_t i = 0; i < h.nr; i++, p += sizeof(struct rec_relation)) {
		struct rec_relation r;
		memcpy(&r, p, sizeof r);
		struct bval *v = batch_row(&wb[WB_RELATION]);
		bv_int(&v[0], id);
		bv_text(&v[1], r.a, 2);
		bv_text(&v[2], r.b, 2);
		bv_int(&v[3], r.sentences);
		bv_real(&v[4], r.tone);
		if ((code = batch_add(w, &wb[WB_RELATION], err)) != 0)
			return code;
	}
	if (!(mask & (1u << WB_AE))) {
		p += h.na * sizeof(struct rec_ae);
	} else for (uint32_t i = 0; i < h.na; i++, p += sizeof(struct rec_ae)) {
		struct rec_ae r;
		memcpy(&r, p, sizeof r);
		struct bval *v = batch_row(&wb[WB_AE]);
		bv_int(&v[0], w->entv[r.ent - 1]->id);
		bv_int(&v[1], id);
		bv_int(&v[2], r.mentions);
		if ((code = batch_add(w, &wb[WB_AE], err)) != 0)
			return code;
	}
	if (!(mask & (1u << WB_EVIDENCE))) {
		p += h.ne * sizeof(struct rec_evidence);
	} else for (uint32_t i = 0; i < h.ne; i++, p += sizeof(struct rec_evidence)) {
		struct rec_evidence r;
		memcpy(&r, p, sizeof r);
		if (w->nev == EV_CHUNK && (code = flush_ev(w, &wb[WB_EVIDENCE], err)) != 0)
			return code;
		if (w->evv == NULL)
			w->evv = xreallocarray(NULL, EV_CHUNK, sizeof *w->evv);
		w->evv[w->nev++] = (struct ev_row){{r.a[0], r.a[1]}, {r.b[0], r.b[1]}, r.k, id};
	}
	return 0;
}

/* Blobs are written to the file in pieces of about this size. */
#define ANN_FLUSH (1 << 20)

/* Appends the bytes kept in B to the scratch file FD (PATH). */
static int
scratch_flush(struct att_writer *w, int fd, const char *path, struct buf *b, struct att_err *err)
{
	size_t done = 0;
	while (done < b->len) {
		ssize_t k = write(fd, b->data + done, b->len - done);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			int e = k < 0 ? errno : ENOSPC;
			if (e == ENOSPC)
				return att_err_set(err, EX_IOERR,
						   "%s: disk full while writing; the previous index is unchanged",
						   w->target);
			return att_err_set(err, EX_IOERR,
					   "%s: write error while writing %s (%s); the previous index is unchanged",
					   w->target, path, strerror(e));
		}
		done += (size_t)k;
	}
	b->len = 0;
	return 0;
}

/* Appends the blobs kept in memory to the blob file. */
static int
ann_flush(struct att_writer *w, struct att_err *err)
{
	return scratch_flush(w, w->annfd, w->annpath, &w->ann, err);
}

/* The head of an article's record in the text file: the title's and the
 * body's bytes follow, as they are written into the article table. */
struct text_head {
	uint64_t tlen, blen;
};

static void fts_start(struct att_writer *w);
static void fts_push(struct att_writer *w, int last);
static void fts_stop(struct att_writer *w);

/* Hands the title and body of the article just numbered to the
 * full-text thread (started at the first one), a chunk at a time. */
static int
keep_text(struct att_writer *w, const struct att_doc *doc, struct att_err *err)
{
	if (w->ftst == NULL && !w->fts_off)
		fts_start(w);
	if (w->ftst == NULL)
		return 0;
	const char *title = doc->title ? doc->title : "";
	struct text_head h = {strlen(title), doc->body ? doc->body_len : 0};
	buf_add(&w->text, &h, sizeof h);
	buf_add(&w->text, title, h.tlen);
	if (h.blen)
		buf_add(&w->text, doc->body, h.blen);
	if (w->text.len >= ANN_FLUSH)
		fts_push(w, 0);
	return 0;
}

/* Compares optional strings as SQLite orders them: NULL first, then bytes. */
static int
cmp_opt(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* Compares the dates of two articles as the numbering orders them:
 * undated last. */
static int
day_cmp(const struct att_doc *a, const struct att_doc *b)
{
	if ((a->date == NULL) != (b->date == NULL))
		return a->date == NULL ? 1 : -1;
	return cmp_opt(a->date, b->date);
}

/* The numbering order within a date: (path, seq), then as added. */
static int
cmp_pending(const void *pa, const void *pb)
{
	const struct pending *a = pa, *b = pb;
	int c = cmp_opt(a->doc.path, b->doc.path);
	if (c == 0)
		c = (int64_t)a->doc.seq < (int64_t)b->doc.seq ? -1 : (int64_t)a->doc.seq > (int64_t)b->doc.seq;
	if (c == 0)
		c = a->added < b->added ? -1 : a->added > b->added;
	return c;
}

static char *
dup_opt(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* Binds the fields of an article to one of the stage_sql statements. */
static void
bind_doc(sqlite3_stmt *st, int64_t n, const struct att_doc *doc, const char *countries)
{
	sqlite3_bind_int64(st, 1, n);
	sqlite3_bind_int64(st, 2, (int64_t)doc->seq);
	bind_opt_text(st, 3, doc->path);
	bind_opt_text(st, 5, doc->date);
	if (sqlite3_bind_parameter_count(st) < 6)
		return;
	sqlite3_bind_text(st, 4, doc->title ? doc->title : "", -1, SQLITE_STATIC);
	bind_opt_text(st, 6, doc->source);
	bind_opt_text(st, 7, doc->lang);
	sqlite3_bind_text64(st, 8, doc->body ? doc->body : "", doc->body ? doc->body_len : 0,
			    SQLITE_STATIC, SQLITE_UTF8);
	bind_opt_text(st, 9, doc->url);
	if (doc->original && (doc->body == NULL || strlen(doc->original) != doc->body_len ||
			      memcmp(doc->original, doc->body, doc->body_len) != 0))
		sqlite3_bind_text64(st, 10, doc->original, strlen(doc->original), SQLITE_STATIC, SQLITE_UTF8);
	else
		sqlite3_bind_null(st, 10);
	sqlite3_bind_text(st, 11, countries, -1, SQLITE_STATIC);
}

/* Numbers one article: its row goes into the index (WHERE ST_ARTICLE) or
 * the staging table (ST_DOC), its blob to the blob file. */
static int
number(struct att_writer *w, int where, const struct att_doc *doc, const char *countries,
       const struct buf *blob, struct att_err *err)
{
	int code;

	w->n++;
	buf_add(&w->ann, blob->data, blob->len);
	if (w->ann.len >= ANN_FLUSH && (code = ann_flush(w, err)) != 0)
		return code;
	bind_doc(w->st[where], (int64_t)w->n, doc, countries);
	if ((code = step(w, w->st[where], err)) != 0 || where == ST_DOC)
		return code;
	if (w->wb == NULL) {
		w->wb = xcalloc(WB_COUNT, sizeof *w->wb);
		for (int i = 0; i < WB_COUNT; i++)
			if ((WB_EARLY & (1u << i)) &&
			    (code = batch_init(w, &w->wb[i], wb_spec[i].sql, wb_spec[i].ncols, err)) != 0)
				return code;
	}
	if ((code = write_blob_rows(w, (int64_t)w->n, (const unsigned char *)blob->data, blob->len,
				    WB_EARLY, w->wb, err)) != 0)
		return code;
	if ((code = keep_text(w, doc, err)) != 0)
		return code;
	bind_doc(w->st[ST_KEY], (int64_t)w->n, doc, countries);
	return step(w, w->st[ST_KEY], err);
}

static void
pending_free(struct pending *p)
{
	att_doc_free(&p->doc);
	free(p->countries);
	buf_free(&p->blob);
}

/* Writes the early rows kept in the batches. */
static int
early_rows_done(struct att_writer *w, struct att_err *err)
{
	int code = 0;
	if (w->wb == NULL)
		return 0;
	code = flush_ev(w, &w->wb[WB_EVIDENCE], err);
	for (int i = 0; i < WB_COUNT; i++) {
		if (code == 0 && (WB_EARLY & (1u << i)))
			code = batch_flush(w, &w->wb[i], err);
		batch_free(&w->wb[i]);
	}
	free(w->wb);
	w->wb = NULL;
	return code;
}

/* Numbers the articles held, in their order, straight into the index. */
static int
flush_group(struct att_writer *w, struct att_err *err)
{
	int code = 0;

	if (w->ngrp > 1)
		qsort(w->grp, w->ngrp, sizeof *w->grp, cmp_pending);
	for (size_t i = 0; i < w->ngrp; i++) {
		struct pending *p = &w->grp[i];
		if (code == 0)
			code = number(w, ST_ARTICLE, &p->doc, p->countries, &p->blob, err);
		pending_free(p);
	}
	w->ngrp = 0;
	w->grpbytes = 0;
	return code;
}

/* An article came out of date order: from now on every article is
 * staged, and those already in the index go back to the staging table. */
static int
go_unordered(struct att_writer *w, struct att_err *err)
{
	int code = flush_group(w, err);
	if (code == 0)
		code = early_rows_done(w, err);
	if (code == 0)
		code = exec(w, unorder_sql, "staging the articles", err);
	w->unordered = 1;
	fts_stop(w);
	return code;
}

/* Holds the article with the others of its date, or stages it. */
static int
add_row(struct att_writer *w, const struct att_doc *doc, const char *countries, struct buf *blob,
	struct att_err *err)
{
	int code;

	if (!w->unordered && w->ngrp > 0) {
		int c = day_cmp(doc, &w->grp[0].doc);
		if (c < 0 || w->ngrp >= GROUP_MAX || w->grpbytes > GROUP_BYTES)
			code = go_unordered(w, err);
		else if (c > 0)
			code = flush_group(w, err);
		else
			code = 0;
		if (code)
			return code;
	}
	if (w->unordered)
		return number(w, ST_DOC, doc, countries, blob, err);
	if (w->ngrp == w->capgrp) {
		w->capgrp = w->capgrp ? w->capgrp * 2 : 16;
		w->grp = xreallocarray(w->grp, w->capgrp, sizeof *w->grp);
	}
	struct pending *p = &w->grp[w->ngrp++];
	memset(p, 0, sizeof *p);
	p->doc.path = dup_opt(doc->path);
	p->doc.title = xstrdup(doc->title ? doc->title : "");
	p->doc.date = dup_opt(doc->date);
	p->doc.source = dup_opt(doc->source);
	p->doc.lang = dup_opt(doc->lang);
	p->doc.url = dup_opt(doc->url);
	p->doc.body_len = doc->body ? doc->body_len : 0;
	p->doc.body = xmalloc(p->doc.body_len + 1);
	if (p->doc.body_len)
		memcpy(p->doc.body, doc->body, p->doc.body_len);
	p->doc.body[p->doc.body_len] = '\0';
	if (doc->original && (doc->body == NULL || strlen(doc->original) != doc->body_len ||
			      memcmp(doc->original, doc->body, doc->body_len) != 0))
		p->doc.original = xstrdup(doc->original);
	p->doc.seq = doc->seq;
	p->countries = xstrdup(countries);
	p->blob = *blob;
	*blob = (struct buf)BUF_INIT;
	p->added = w->added;
	w->grpbytes += p->doc.body_len + (p->doc.original ? p->doc.body_len : 0) + p->blob.len;
	return 0;
}

int
att_writer_add(struct att_writer *w, const struct att_doc *doc, const struct att_doc_ann *ann,
	       struct att_err *err)
{
	static const struct att_doc_ann none;
	struct scratch sc = {0};
	struct buf countries = BUF_INIT;
	int code;

	if (ann == NULL)
		ann = &none;
	w->added++;
	if ((code = add_mentions(w, &sc, doc, ann, &countries, err)) != 0 ||
	    (code = add_sentences(w, &sc, doc, ann, err)) != 0) {
		buf_free(&countries);
		scratch_free_records(&sc);
		return code;
	}

	struct buf blob = BUF_INIT;
	buf_add(&blob, &sc.head, sizeof sc.head);
	buf_add(&blob, sc.ms.data, sc.ms.len);
	buf_add(&blob, sc.ss.data, sc.ss.len);
	buf_add(&blob, sc.rs.data, sc.rs.len);
	buf_add(&blob, sc.as.data, sc.as.len);
	buf_add(&blob, sc.es.data, sc.es.len);
	code = add_row(w, doc, countries.data ? countries.data : "", &blob, err);
	buf_free(&blob);
	buf_free(&countries);
	scratch_free_records(&sc);
	return code;
}

int
att_writer_alias(struct att_writer *w, const char *key, const char *alias, struct att_err *err)
{
	if (key && alias)
		alias_add(ent_get(w, key), alias, strlen(alias));
	return 0;
}

void
att_writer_keys(struct att_writer *w, void (*cb)(void *arg, const char *key), void *arg)
{
	/* By index: CB may add aliases, never entities that were not there. */
	size_t n = w->nent;
	for (size_t i = 0; i < n; i++)
		if (w->entv[i]->mentions > 0)
			cb(arg, w->entv[i]->key);
}

/* ------------------------------------------------------------------ commit */

static int
cmp_ent(const void *pa, const void *pb)
{
	const struct ent *a = *(const struct ent *const *)pa;
	const struct ent *b = *(const struct ent *const *)pb;
	if (a->kind != b->kind)
		return a->kind - b->kind;
	int c = strcmp(a->name, b->name);
	return c ? c : strcmp(a->key, b->key);
}

static int
cmp_str(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* Writes the entity and alias tables, sorted; sets each entity's id. */
static int
write_entities(struct att_writer *w, struct att_build_stats *stats, struct att_err *err)
{
	struct ent **v = xreallocarray(NULL, w->nent + 1, sizeof *v);
	size_t n = 0;
	sqlite3_stmt *ins = NULL, *al = NULL;
	int code = 0, rc;

	for (size_t i = 0; i < w->nent; i++)
		if (w->entv[i]->mentions > 0 && w->entv[i]->kind >= 0)
			v[n++] = w->entv[i];
	qsort(v, n, sizeof *v, cmp_ent);
	if ((rc = sqlite3_prepare_v2(w->db, "INSERT INTO main.entity(id, kind, name, country, articles, mentions)"
				     " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &ins, NULL)) != SQLITE_OK ||
	    (rc = sqlite3_prepare_v2(w->db, "INSERT OR IGNORE INTO main.alias(key, entity_id, name)"
				     " VALUES (?1, ?2, ?3)", -1, &al, NULL)) != SQLITE_OK) {
		code = db_failure(w, rc, "writing entities", err);
		goto out;
	}
	for (size_t i = 0; i < n && code == 0; i++) {
		struct ent *e = v[i];
		e->id = (int64_t)i + 1;
		stats->entities[e->kind]++;
		sqlite3_bind_int64(ins, 1, e->id);
		sqlite3_bind_text(ins, 2, kind_names[e->kind], -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 3, e->name, -1, SQLITE_STATIC);
		bind_opt_text(ins, 4, e->country);
		sqlite3_bind_int64(ins, 5, (int64_t)e->articles);
		sqlite3_bind_int64(ins, 6, (int64_t)e->mentions);
		if ((code = step(w, ins, err)) != 0)
			break;
		alias_add(e, e->name, strlen(e->name));
		/* Sorted, so that the table is written in the same order every time. */
		char **names = xreallocarray(NULL, e->aliases.n + 1, sizeof *names);
		size_t nn = 0;
		for (size_t s = 0; s < e->aliases.cap; s++)
			if (e->aliases.keys[s])
				names[nn++] = e->aliases.keys[s];
		qsort(names, nn, sizeof *names, cmp_str);
		for (size_t s = 0; s < nn && code == 0; s++) {
			size_t kl;
			char *key = att_fold(names[s], strlen(names[s]), &kl);
			if (kl > 0) {
				sqlite3_bind_text(al, 1, key, (int)kl, SQLITE_TRANSIENT);
				sqlite3_bind_int64(al, 2, e->id);
				sqlite3_bind_text(al, 3, names[s], -1, SQLITE_STATIC);
				code = step(w, al, err);
			}
			free(key);
		}
		free(names);
	}
out:
	sqlite3_finalize(ins);
	sqlite3_finalize(al);
	free(v);
	return code;
}

static int
cmp_pairagg(const void *pa, const void *pb)
{
	const struct pairagg *a = *(const struct pairagg *const *)pa;
	const struct pairagg *b = *(const struct pairagg *const *)pb;
	int c = strcmp(a->a, b->a);
	return c ? c : strcmp(a->b, b->b);
}

static int
write_pairs(struct att_writer *w, struct att_build_stats *stats, struct att_err *err)
{
	struct pairagg **v = xreallocarray(NULL, w->pairs.n + 1, sizeof *v);
	size_t n = 0;
	sqlite3_stmt *st = NULL;
	int code = 0, rc;

	for (size_t i = 0; i < w->pairs.cap; i++)
		if (w->pairs.keys[i])
			v[n++] = w->pairs.vals[i];
	qsort(v, n, sizeof *v, cmp_pairagg);
	rc = sqlite3_prepare_v2(w->db, "INSERT INTO main.pair(a, b, articles, sentences, tone)"
				" VALUES (?1, ?2, ?3, ?4, ?5)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		code = db_failure(w, rc, "writing pairs", err);
	for (size_t i = 0; i < n && code == 0; i++) {
		sqlite3_bind_text(st, 1, v[i]->a, 2, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, v[i]->b, 2, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, (int64_t)v[i]->articles);
		sqlite3_bind_int64(st, 4, (int64_t)v[i]->sentences);
		sqlite3_bind_double(st, 5, clamp_tone(v[i]->tone_sum / (double)v[i]->sentences));
		code = step(w, st, err);
	}
	stats->pairs = n;
	sqlite3_finalize(st);
	free(v);
	return code;
}

/* Numbers the staged articles in date order. */
static const char number_sql[] =
	"INSERT INTO stage.map(id, n) SELECT row_number() OVER"
	" (ORDER BY date IS NULL, date, path, seq, n), n FROM stage.doc ORDER BY 1";

/* Copies the staged articles into the article table in id (date) order. */
static int
write_articles(struct att_writer *w, struct att_err *err)
{
	static const char sql[] =
		"INSERT INTO main.article(id, path, title, date, source, lang, body, url, original, countries)"
		" SELECT m.id, d.path, d.title, d.date, d.source, d.lang, d.body, d.url, d.original, d.countries"
		" FROM stage.map m JOIN stage.doc d ON d.n = m.n ORDER BY m.id";
	return exec(w, sql, "writing articles", err);
}

/* A piece of the text records (struct text_head, title, body), whole
 * records only, handed to the full-text thread. */
struct fts_chunk {
	struct fts_chunk *next;
	struct buf b;
};

/* The queue from the writer to the full-text thread. */
struct fts_feed {
	pthread_mutex_t mu;
	pthread_cond_t more;      /* the thread: a chunk came, or the end */
	pthread_cond_t room;      /* the writer: the queue shrank, or the thread ended */
	struct fts_chunk *head, *tail;
	size_t bytes;             /* queued */
	int done;                 /* no chunk will follow */
	int stop;                 /* drop the work (out of date order, abort) */
	int exited;               /* the thread has ended */
};

/* The side thread: writes the rows of the blobs into the side file, or
 * (fts_rows) the full-text index from the feed. */
struct side {
	struct att_writer view;   /* the side connection, with the writer's entities */
	const char *schema;       /* the CREATE statements of the side tables */
	int annfd;                /* what write_rows reads (view.annpath): the blobs */
	struct fts_feed *feed;    /* what fts_rows reads */
	const int64_t *order;     /* by id - 1: the article number; NULL: the same */
	uint64_t *off;            /* with ORDER, by article number - 1: its blob */
	uint64_t next;            /* without ORDER, the next blob */
	uint64_t n;
	unsigned mask;            /* the tables to write, bits of WB_* */
	int (*rows)(struct side *sd, struct att_err *err); /* what the thread writes */
	int fts_stat;             /* fts_rows: PRAGMA optimize analysed article_fts_idx */
	int code;
	struct att_err err;
};

/* The size of the blob whose head is H. */
static size_t
blob_size(const struct rec_head *h)
{
	return sizeof *h + h->nm * sizeof(struct rec_mention) + h->ns * sizeof(struct rec_sentence) +
	       h->nr * sizeof(struct rec_relation) + h->na * sizeof(struct rec_ae) +
	       h->ne * sizeof(struct rec_evidence);
}

/* Reads LEN bytes at OFF of the file the side thread reads. */
static int
read_at(struct side *sd, void *p, size_t len, uint64_t off, struct att_err *err)
{
	size_t done = 0;
	while (done < len) {
		ssize_t k = pread(sd->annfd, (char *)p + done, len - done, (off_t)(off + done));
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return att_err_set(err, EX_IOERR, "%s: cannot read back %s: %s", sd->view.target,
					   sd->view.annpath, k < 0 ? strerror(errno) : "truncated");
		done += (size_t)k;
	}
	return 0;
}

/* Where each blob starts, for reading them out of order. */
static int
index_blobs(struct side *sd, struct att_err *err)
{
	uint64_t at = 0;
	sd->off = xreallocarray(NULL, sd->n + 1, sizeof *sd->off);
	for (uint64_t i = 0; i < sd->n; i++) {
		struct rec_head h;
		int code = read_at(sd, &h, sizeof h, at, err);
		if (code)
			return code;
		sd->off[i] = at;
		at += blob_size(&h);
	}
	return 0;
}

/* Reads the blob of the article with id ID into B. */
static int
read_blob(struct side *sd, uint64_t id, struct buf *b, struct att_err *err)
{
	uint64_t at = sd->order ? sd->off[sd->order[id - 1] - 1] : sd->next;
	struct rec_head h;
	int code = read_at(sd, &h, sizeof h, at, err);
	if (code)
		return code;
	size_t len = blob_size(&h);
	b->len = 0;
	buf_reserve(b, len);
	if ((code = read_at(sd, b->data, len, at, err)) != 0)
		return code;
	b->len = len;
	sd->next = at + len;
	return 0;
}

static int
side_open(struct side *sd, struct att_err *err)
{
	struct att_writer *w = &sd->view;
	int rc = sqlite3_open_v2(w->side, &w->db,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_PRIVATECACHE |
				 SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return db_failure(w, rc, "creating the temporary file", err);
	sqlite3_extended_result_codes(w->db, 1);
	if (w->cancel)
		sqlite3_progress_handler(w->db, 10000, cancelled, (void *)w->cancel);
	int code = exec(w, "PRAGMA page_size=16384; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
			"PRAGMA locking_mode=EXCLUSIVE; PRAGMA cache_size=-32768; PRAGMA ignore_check_constraints=ON;",
			"setting up the temporary file", err);
	if (code == 0)
		code = exec(w, sd->schema, "creating the temporary tables", err);
	if (code == 0)
		code = exec(w, "BEGIN", "starting the build", err);
	return code;
}

/* article_entity rows are gathered this many at a time and inserted in
 * key (entity) order: in article order each would land on a random page
 * of a table that outgrows the page cache at a million articles. */
#define AE_CHUNK (1u << 18)

struct ae_row {
	int64_t ent, art;
	uint32_t mentions;
};

static int
cmp_ae_row(const void *pa, const void *pb)
{
	const struct ae_row *a = pa, *b = pb;
	if (a->ent != b->ent)
		return a->ent < b->ent ? -1 : 1;
	return (a->art > b->art) - (a->art < b->art);
}

/* Inserts the gathered article_entity rows, sorted. */
static int
flush_ae(struct att_writer *w, struct ae_row *v, size_t *n, struct batch *b, struct att_err *err)
{
	int code = 0;
	qsort(v, *n, sizeof *v, cmp_ae_row);
	for (size_t i = 0; i < *n && code == 0; i++) {
		struct bval *r = batch_row(b);
		bv_int(&r[0], v[i].ent);
		bv_int(&r[1], v[i].art);
		bv_int(&r[2], v[i].mentions);
		code = batch_add(w, b, err);
	}
	*n = 0;
	return code;
}

/* Gathers the article_entity rows of the blob of article ID. */
static int
gather_ae(struct att_writer *w, int64_t id, const unsigned char *blob, struct ae_row *v, size_t *n,
	  struct batch *b, struct att_err *err)
{
	struct rec_head h;
	memcpy(&h, blob, sizeof h);
	const unsigned char *p = blob + sizeof h + h.nm * sizeof(struct rec_mention) +
				 h.ns * sizeof(struct rec_sentence) + h.nr * sizeof(struct rec_relation);
	for (uint32_t i = 0; i < h.na; i++, p += sizeof(struct rec_ae)) {
		struct rec_ae r;
		memcpy(&r, p, sizeof r);
		if (*n == AE_CHUNK) {
			int code = flush_ae(w, v, n, b, err);
			if (code)
				return code;
		}
		v[(*n)++] = (struct ae_row){w->entv[r.ent - 1]->id, id, r.mentions};
	}
	return 0;
}

/* Writes the rows of the tables of SD->mask, article by article. */
static int
write_rows(struct side *sd, struct att_err *err)
{
	struct att_writer *w = &sd->view;
	struct batch *wb = xcalloc(WB_COUNT, sizeof *wb);
	struct buf blob = BUF_INIT;
	int code = sd->order ? index_blobs(sd, err) : 0;
	unsigned mask = sd->mask & ~(1u << WB_AE);
	struct ae_row *aev = NULL;
	size_t nae = 0;

	if (sd->mask & (1u << WB_AE))
		aev = xreallocarray(NULL, AE_CHUNK, sizeof *aev);
	for (int i = 0; i < WB_COUNT && code == 0; i++)
		if (sd->mask & (1u << i))
			code = batch_init(w, &wb[i], wb_spec[i].sql, wb_spec[i].ncols, err);
	for (uint64_t id = 1; id <= sd->n && code == 0; id++) {
		if ((code = read_blob(sd, id, &blob, err)) == 0)
			code = write_blob_rows(w, (int64_t)id, (const unsigned char *)blob.data, blob.len,
					       mask, wb, err);
		if (code == 0 && aev)
			code = gather_ae(w, (int64_t)id, (const unsigned char *)blob.data, aev, &nae,
					 &wb[WB_AE], err);
	}
	if (code == 0 && aev)
		code = flush_ae(w, aev, &nae, &wb[WB_AE], err);
	if (code == 0 && (sd->mask & (1u << WB_EVIDENCE)))
		code = flush_ev(w, &wb[WB_EVIDENCE], err);
	free(w->evv);
	w->evv = NULL;
	for (int i = 0; i < WB_COUNT; i++) {
		if (code == 0 && (sd->mask & (1u << i)))
			code = batch_flush(w, &wb[i], err);
		batch_free(&wb[i]);
	}
	free(aev);
	free(wb);
	free(sd->off);
	sd->off = NULL;
	buf_free(&blob);
	return code;
}

static void *
side_main(void *arg)
{
	struct side *sd = arg;
	struct att_writer *w = &sd->view;
	int code = side_open(sd, &sd->err);

	if (code == 0)
		code = sd->rows(sd, &sd->err);
	if (code == 0)
		code = exec(w, "COMMIT", "writing the temporary tables", &sd->err);
	if (w->db && sqlite3_close(w->db) != SQLITE_OK && code == 0)
		code = db_failure(w, sqlite3_errcode(w->db), "closing the temporary tables", &sd->err);
	else
		w->db = NULL;
	if (w->db) {
		sqlite3_close_v2(w->db);
		w->db = NULL;
	}
	sd->code = code;
	return NULL;
}

/* Takes the next chunk of the feed; NULL at the end, or when told to stop. */
static struct fts_chunk *
feed_pop(struct fts_feed *f)
{
	pthread_mutex_lock(&f->mu);
	while (f->head == NULL && !f->done && !f->stop)
		pthread_cond_wait(&f->more, &f->mu);
	struct fts_chunk *c = f->stop ? NULL : f->head;
	if (c) {
		f->head = c->next;
		if (f->head == NULL)
			f->tail = NULL;
		f->bytes -= c->b.len;
		pthread_cond_signal(&f->room);
	}
	pthread_mutex_unlock(&f->mu);
	return c;
}

/* Fills the full-text table of the side file with the articles of the
 * feed, in id order, as they are numbered: row by row into an FTS5
 * table without content (tokenised, flushed and merged as 'rebuild'
 * does over the article table), so that its shadow tables are those
 * 'rebuild' would write. SD->n counts the rows. */
static int
fts_rows(struct side *sd, struct att_err *err)
{
	struct att_writer *w = &sd->view;
	sqlite3_stmt *st = NULL;
	struct fts_chunk *c;
	int code = 0;
	int rc = sqlite3_prepare_v2(w->db, "INSERT INTO article_fts(rowid, title, body) VALUES (?1, ?2, ?3)",
				    -1, &st, NULL);

	if (rc != SQLITE_OK)
		code = db_failure(w, rc, "preparing the full-text index", err);
	sd->n = 0;
	while (code == 0 && (c = feed_pop(sd->feed)) != NULL) {
		for (size_t at = 0; at < c->b.len && code == 0;) {
			struct text_head h;
			if (c->b.len - at < sizeof h) {
				code = att_err_set(err, EX_SOFTWARE, "%s: the full-text feed is damaged", w->target);
				break;
			}
			memcpy(&h, c->b.data + at, sizeof h);
			at += sizeof h;
			if (h.tlen > c->b.len - at || h.blen > c->b.len - at - h.tlen) {
				code = att_err_set(err, EX_SOFTWARE, "%s: the full-text feed is damaged", w->target);
				break;
			}
			sqlite3_bind_int64(st, 1, (int64_t)++sd->n);
			sqlite3_bind_text64(st, 2, c->b.data + at, h.tlen, SQLITE_STATIC, SQLITE_UTF8);
			sqlite3_bind_text64(st, 3, c->b.data + at + h.tlen, h.blen, SQLITE_STATIC, SQLITE_UTF8);
			at += h.tlen + h.blen;
			code = step(w, st, err);
		}
		buf_free(&c->b);
		free(c);
	}
	sqlite3_finalize(st);
	if (code == 0 && sd->feed->stop)
		code = att_err_set(err, EX_TEMPFAIL, "%s: the full-text index was dropped", w->target);
	/* FTS5's own queries (up to the last flush, at commit) made the
	 * index's PRAGMA optimize take the statistics of article_fts_idx
	 * after a 'rebuild'; this connection ran the same queries: the index
	 * gets the statistics when this optimize takes them. */
	if (code == 0)
		code = exec(w, "COMMIT; PRAGMA optimize; BEGIN", "writing the full-text index", err);
	st = NULL;
	if (code == 0 && sqlite3_prepare_v2(w->db, "SELECT 1 FROM sqlite_stat1 WHERE tbl = 'article_fts_idx'",
					    -1, &st, NULL) == SQLITE_OK)
		sd->fts_stat = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return code;
}

/* The full-text table of the index as one without content, for the side
 * file; NULL when its definition is not the one expected. */
static char *
fts_side_sql(struct att_writer *w)
{
	static const char ext[] = "content='article', content_rowid='id'";
	sqlite3_stmt *st = NULL;
	char *sql = NULL;

	if (sqlite3_prepare_v2(w->db, "SELECT sql FROM main.sqlite_schema WHERE name = 'article_fts'", -1, &st,
			       NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		const char *def = (const char *)sqlite3_column_text(st, 0);
		const char *at = def ? strstr(def, ext) : NULL;
		if (at && strstr(at + 1, ext) == NULL)
			sql = xasprintf("%.*scontent=''%s", (int)(at - def), def, at + strlen(ext));
	}
	sqlite3_finalize(st);
	return sql;
}

/* The full-text thread, its feed and what it owns. */
struct fts_thread {
	struct side sd;
	struct fts_feed feed;
	char *schema;
	pthread_t th;
};

/* At most this many bytes of text wait in the feed: the writer waits
 * for the full-text thread beyond (it keeps up unless starved). */
#define FEED_MAX (64u << 20)

static void *
fts_main(void *arg)
{
	struct fts_thread *t = arg;
	side_main(&t->sd);
	pthread_mutex_lock(&t->feed.mu);
	t->feed.exited = 1;
	pthread_cond_broadcast(&t->feed.room);
	pthread_mutex_unlock(&t->feed.mu);
	return NULL;
}

/* Starts the full-text thread, at the first article numbered in date
 * order. Without it (article_fts not as expected, no thread) the
 * full-text index is built by 'rebuild' at commit. */
static void
fts_start(struct att_writer *w)
{
	char *sql = fts_side_sql(w);
	w->fts_off = 1;
	if (sql == NULL)
		return;
	struct fts_thread *t = xcalloc(1, sizeof *t);
	t->schema = sql;
	t->sd.view.target = w->target;
	t->sd.view.side = w->fts;
	t->sd.view.cancel = w->cancel;
	t->sd.schema = sql;
	t->sd.feed = &t->feed;
	t->sd.rows = fts_rows;
	pthread_mutex_init(&t->feed.mu, NULL);
	pthread_cond_init(&t->feed.more, NULL);
	pthread_cond_init(&t->feed.room, NULL);
	if (pthread_create(&t->th, NULL, fts_main, t) != 0) {
		pthread_mutex_destroy(&t->feed.mu);
		pthread_cond_destroy(&t->feed.more);
		pthread_cond_destroy(&t->feed.room);
		free(sql);
		free(t);
		return;
	}
	w->ftst = t;
}

/* Queues the text records kept; LAST: no more will come. */
static void
fts_push(struct att_writer *w, int last)
{
	struct fts_feed *f = &w->ftst->feed;
	struct fts_chunk *c = NULL;

	if (w->text.len) {
		c = xmalloc(sizeof *c);
		c->next = NULL;
		c->b = w->text;
		w->text = (struct buf)BUF_INIT;
	}
	pthread_mutex_lock(&f->mu);
	while (c && f->bytes >= FEED_MAX && !f->exited)
		pthread_cond_wait(&f->room, &f->mu);
	if (c && !f->exited) { /* else the thread failed: its error is reported at commit */
		if (f->tail)
			f->tail->next = c;
		else
			f->head = c;
		f->tail = c;
		f->bytes += c->b.len;
		c = NULL;
	}
	if (last)
		f->done = 1;
	pthread_cond_signal(&f->more);
	pthread_mutex_unlock(&f->mu);
	if (c) {
		buf_free(&c->b);
		free(c);
	}
}

/* Waits for the full-text thread (told to stop first when STOP) and
 * frees it; returns its result. */
static int
fts_join(struct att_writer *w, int stop, int *fts_stat, struct att_err *err)
{
	struct fts_thread *t = w->ftst;
	int code;

	pthread_mutex_lock(&t->feed.mu);
	if (stop)
		t->feed.stop = 1;
	pthread_cond_broadcast(&t->feed.more);
	pthread_mutex_unlock(&t->feed.mu);
	pthread_join(t->th, NULL);
	code = t->sd.code;
	if (code && err)
		*err = t->sd.err;
	if (code == 0 && !stop && t->sd.n != w->n)
		code = att_err_set(err, EX_SOFTWARE, "%s: the full-text index has %llu articles, not %llu",
				   w->target, (unsigned long long)t->sd.n, (unsigned long long)w->n);
	if (fts_stat)
		*fts_stat = t->sd.fts_stat;
	while (t->feed.head) {
		struct fts_chunk *c = t->feed.head;
		t->feed.head = c->next;
		buf_free(&c->b);
		free(c);
	}
	pthread_mutex_destroy(&t->feed.mu);
	pthread_cond_destroy(&t->feed.more);
	pthread_cond_destroy(&t->feed.room);
	free(t->schema);
	free(t);
	w->ftst = NULL;
	return code;
}

/* Drops the full-text thread and its file (out of date order, abort). */
static void
fts_stop(struct att_writer *w)
{
	if (w->ftst) {
		fts_join(w, 1, NULL, NULL);
		unlink(w->fts);
	}
	w->fts_off = 1;
	buf_free(&w->text);
}

/* The shadow tables of the full-text index, copied from the side file. */
static const char *const fts_shadow[] = {
	"article_fts_data", "article_fts_idx", "article_fts_docsize", "article_fts_config",
};

/* Copies the tables TABLES[0..N) of the side file PATH (attached as AS)
 * into the index, the first NCLEAR emptied first, and removes the file. */
static int
copy_in(struct att_writer *w, const char *path, const char *as, const char *const *tables, size_t n,
	size_t nclear, struct att_err *err)
{
	char *sql = sqlite3_mprintf("ATTACH %Q AS %s", path, as);
	int code = exec(w, sql, "reading the temporary tables", err);
	sqlite3_free(sql);
	if (code == 0)
		code = exec(w, "BEGIN", "writing the index", err);
	for (size_t i = 0; i < n && code == 0; i++) {
		int clear = i < nclear;
		sql = sqlite3_mprintf("%s%s%sINSERT INTO main.%s SELECT * FROM %s.%s", clear ? "DELETE FROM main." : "",
				      clear ? tables[i] : "", clear ? "; " : "", tables[i], as, tables[i]);
		code = exec(w, sql, "writing the index", err);
		sqlite3_free(sql);
	}
	if (code == 0)
		code = exec(w, "COMMIT", "committing", err);
	sql = sqlite3_mprintf("DETACH %s", as);
	if (code == 0)
		code = exec(w, sql, "closing the temporary tables", err);
	sqlite3_free(sql);
	if (code == 0)
		unlink(path);
	return code;
}

/* The article numbers in id order, when they differ from the ids. */
static int
load_order(struct att_writer *w, int64_t **out, struct att_err *err)
{
	sqlite3_stmt *st = NULL;
	int64_t *v = xreallocarray(NULL, w->n + 1, sizeof *v);
	uint64_t k = 0;
	int rc = sqlite3_prepare_v2(w->db, "SELECT n FROM stage.map ORDER BY id", -1, &st, NULL);

	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		int64_t n = sqlite3_column_int64(st, 0);
		if (k < w->n && n >= 1 && (uint64_t)n <= w->n)
			v[k++] = n;
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_reset(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_OK) {
		free(v);
		return db_failure(w, rc, "numbering articles", err);
	}
	if (k != w->n) {
		free(v);
		return att_err_set(err, EX_SOFTWARE, "%s: the staging file is damaged", w->target);
	}
	*out = v;
	return 0;
}

/* The CREATE statements of the side tables and their indexes, as in the
 * index: the copies must match for SQLite's transfer optimisation. */
static int
side_schema(struct att_writer *w, unsigned mask, struct buf *b, struct att_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(w->db, table_sql, -1, &st, NULL);
	for (int i = 0; i < WB_COUNT && rc == SQLITE_OK; i++) {
		if (!(mask & (1u << i)))
			continue;
		sqlite3_bind_text(st, 1, wb_table[i], -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			buf_adds(b, (const char *)sqlite3_column_text(st, 0));
			buf_adds(b, ";\n");
		}
		rc = sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return db_failure(w, rc, "reading the schema", err);
	return 0;
}

/* Copies the side tables into the index. */
static int
copy_side(struct att_writer *w, unsigned mask, struct att_err *err)
{
	const char *tables[WB_COUNT];
	size_t n = 0;
	for (int i = 0; i < WB_COUNT; i++)
		if (mask & (1u << i))
			tables[n++] = wb_table[i];
	return copy_in(w, w->side, "side", tables, n, 0, err);
}

/* Replaces the (empty) full-text index with the one built in the side
 * file: its shadow tables are copied as they are. */
static int
copy_fts(struct att_writer *w, struct att_err *err)
{
	return copy_in(w, w->fts, "fts", fts_shadow, ATT_ARRAY_LEN(fts_shadow), ATT_ARRAY_LEN(fts_shadow), err);
}

/* Makes the renamed file durable: data, then the directory entry. */
static int
sync_path(const char *path, int dir, struct att_err *err, const char *target)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	if (fd < 0)
		return att_err_set(err, EX_IOERR, "%s: cannot sync %s: %s", target, path, strerror(errno));
	if (fsync(fd) != 0 && !(dir && (errno == EINVAL || errno == EBADF))) {
		int e = errno;
		close(fd);
		return att_err_set(err, EX_IOERR, "%s: cannot sync %s: %s", target, path, strerror(e));
	}
	close(fd);
	return 0;
}

int
att_writer_commit(struct att_writer *w, struct att_build_stats *stats, struct att_err *err)
{
	struct att_build_stats none;
	struct buf schema = BUF_INIT;
	int64_t *order = NULL;
	int code = 0;

	if (stats == NULL)
		stats = &none;
	memset(stats, 0, sizeof *stats);
	if (!w->unordered && ((code = flush_group(w, err)) != 0 || (code = early_rows_done(w, err)) != 0))
		goto fail;
	/* The full-text thread has all the text: it finishes beside the
	 * rest of the commit. */
	int fts_side = w->ftst != NULL, fts_stat = 0;
	if (fts_side)
		fts_push(w, 1);
	stats->articles = w->n;
	stats->mentions = w->mentions;
	stats->relations = w->relations;

	for (int i = 0; i < ST_COUNT; i++) {
		sqlite3_finalize(w->st[i]);
		w->st[i] = NULL;
	}
	if ((code = ann_flush(w, err)) != 0 || (code = write_entities(w, stats, err)) != 0 ||
	    (code = write_pairs(w, stats, err)) != 0)
		goto fail;
	if (w->unordered &&
	    ((code = exec(w, number_sql, "numbering articles", err)) != 0 ||
	     (code = load_order(w, &order, err)) != 0))
		goto fail;
	/* A side thread writes rows that need the entity ids into a side
	 * file, copied into the index at the end, while this one does the
	 * rest. Articles in date order: the full-text thread, fed as they
	 * were numbered, has (nearly) finished the full-text index, so the
	 * side thread writes the mention rows while this one writes the
	 * article_entity rows, the extras and the indexes built at commit
	 * (at 100k articles the commit took 40% of the wall time, all of it
	 * on one core). Otherwise the side thread writes the mention and
	 * article_entity rows while this one builds the full-text index. */
	unsigned side_mask = fts_side ? 1u << WB_MENTION : WB_SIDE;
	struct side sd = {
		.view = {.target = w->target, .side = w->side, .annpath = w->annpath, .entv = w->entv,
			 .cancel = w->cancel},
		.annfd = w->annfd, .order = order, .n = w->n, .mask = side_mask, .rows = write_rows,
	};
	pthread_t side;
	if ((code = side_schema(w, side_mask, &schema, err)) != 0)
		goto fail;
	sd.schema = schema.data;
	int started = pthread_create(&side, NULL, side_main, &sd) == 0;
	if (!started)
		side_main(&sd);
	/* The indexes built at commit wait for their rows: with the
	 * article_entity rows written here, before the COMMIT. */
	int late_now = !(side_mask & (1u << WB_AE));
	if (w->unordered)
		code = write_articles(w, err);
	char *meta = sqlite3_mprintf("INSERT INTO main.meta(key, value) VALUES ('generator', %Q),"
				     " ('format', '1')", "attache-index " PACKAGE_VERSION);
	if (code == 0)
		code = exec(w, meta, "writing meta", err);
	sqlite3_free(meta);
	if (code == 0 && !fts_side)
		code = exec(w, "INSERT INTO main.article_fts(article_fts) VALUES ('rebuild')",
			    "building the full-text index", err);
	struct side ms = {.view = *w, .annfd = w->annfd, .order = order, .n = w->n,
			  .mask = fts_side ? WB_SIDE & ~side_mask : WB_ALL & ~WB_SIDE};
	if (code == 0 && (fts_side || w->unordered))
		code = write_rows(&ms, err);
	if (code == 0) /* the optional extras of attache-index(5), once relations are in */
		code = exec(w, att_schema_extras_sql, "indexing the articles' countries", err);
	if (code == 0 && late_now && w->late.len)
		code = exec(w, w->late.data, "indexing relations and entities", err);
	if (code == 0)
		code = exec(w, "COMMIT", "committing", err);
	if (started)
		pthread_join(side, NULL);
	if (code == 0 && sd.code) {
		code = sd.code;
		*err = sd.err;
	}
	if (fts_side) {
		int fc = fts_join(w, code != 0, &fts_stat, code ? NULL : err);
		code = code ? code : fc;
	}
	if (code || (code = exec(w, "DETACH stage", "closing the staging file", err)) != 0)
		goto fail;
	unlink(w->stage);
	if ((fts_side && (code = copy_fts(w, err)) != 0) || (code = copy_side(w, side_mask, err)) != 0)
		goto fail;
	if (!late_now && w->late.len && (code = exec(w, w->late.data, "indexing relations and entities", err)) != 0)
		goto fail;
	if (fts_side && fts_stat &&
	    (code = exec(w, "ANALYZE main.article_fts_idx", "finishing", err)) != 0)
		goto fail;
	if ((code = exec(w, "PRAGMA main.optimize; PRAGMA main.locking_mode=NORMAL;"
			 " PRAGMA main.journal_mode=DELETE", "finishing", err)) != 0)
		goto fail;
	if (sqlite3_close(w->db) != SQLITE_OK) {
		code = db_failure(w, sqlite3_errcode(w->db), "closing", err);
		goto fail;
	}
	w->db = NULL;
	if ((code = sync_path(w->tmp, 0, err, w->target)) != 0)
		goto fail;
	if (rename(w->tmp, w->target) != 0) {
		code = att_err_set(err, EX_IOERR, "%s: cannot rename %s into place: %s", w->target, w->tmp,
				   strerror(errno));
		goto fail;
	}
	sync_path(w->dir, 1, NULL, w->target);
	free(w->tmp);
	w->tmp = NULL;
fail:
	buf_free(&schema);
	free(order);
	att_writer_abort(w);
	return code;
}


void
att_writer_cancel_flag(struct att_writer *w, volatile sig_atomic_t *flag)
{
	w->cancel = flag;
	sqlite3_progress_handler(w->db, 10000, flag ? cancelled : NULL, (void *)flag);
}

void
att_writer_abort(struct att_writer *w)
{
	if (w == NULL)
		return;
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(w->st[i]);
	if (w->wb) {
		for (int i = 0; i < WB_COUNT; i++)
			batch_free(&w->wb[i]);
		free(w->wb);
		w->wb = NULL;
	}
	free(w->evv);
	fts_stop(w);
	if (w->db) {
		sqlite3_exec(w->db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close_v2(w->db);
	}
	if (w->lockfd >= 0) {
		if (w->tmp)
			unlink(w->tmp);
		if (w->stage)
			unlink(w->stage);
		unlink(w->annpath);
		unlink(w->side);
		unlink(w->fts);
		/* Remove the lock file while we still hold it (see take_lock). */
		unlink(w->lock);
		close(w->lockfd);
	}
	for (size_t i = 0; i < w->nent; i++)
		ent_free(w->entv[i]);
	free(w->entv);
	strmap_free(&w->ents, NULL);
	strmap_free(&w->pairs, free);
	free(w->target);
	free(w->tmp);
	free(w->stage);
	free(w->annpath);
	free(w->side);
	free(w->fts);
	buf_free(&w->text);
	buf_free(&w->late);
	if (w->annfd >= 0)
		close(w->annfd);
	buf_free(&w->ann);
	for (size_t i = 0; i < w->ngrp; i++)
		pending_free(&w->grp[i]);
	free(w->grp);
	free(w->lock);
	free(w->dir);
	free(w);
}

/* ------------------------------------------------------------------ docs */

void
att_doc_free(struct att_doc *doc)
{
	if (doc == NULL)
		return;
	free(doc->path);
	free(doc->ext_id);
	free(doc->title);
	free(doc->date);
	free(doc->source);
	free(doc->lang);
	free(doc->url);
	free(doc->body);
	free(doc->original);
	memset(doc, 0, sizeof *doc);
}

void
att_doc_ann_free(struct att_doc_ann *ann)
{
	if (ann == NULL)
		return;
	/* The two arrays are malloc'd; strings and country lists live in the
	 * recogniser's storage. */
	free(ann->mentions);
	free(ann->sentences);
	if (ann->free_storage)
		ann->free_storage(ann->storage);
	memset(ann, 0, sizeof *ann);
}
