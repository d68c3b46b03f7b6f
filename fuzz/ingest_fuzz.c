/* ingest_fuzz.c: attache-index's readers and recogniser on any file.
 *
 * The first byte picks how the file is named (.txt, .jsonl, or no
 * extension, where the reader guesses), the rest is its content. Each
 * article read_input() emits must be what ingest.h promises (a path, a
 * title and a body in valid UTF-8, NUL-terminated at their length; an ISO
 * date prefix), and recognise() on it must give
 * mentions and sentences inside their text, on character boundaries, with
 * sorted, unique two-letter country codes. Warnings are formatted as the
 * program does. */
#include "config.h"

#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "fuzz/fuzz.h"
#include "ingest/ingest.h"
#include "model/text.h"
#include "model/util.h"

static struct recogniser *rec;
static int verbose; /* FUZZ_VERBOSE set: a line per article */
static char *dir, *files[3];

static void
cleanup(void)
{
	for (int i = 0; i < 3; i++)
		if (files[i])
			unlink(files[i]);
	if (dir)
		rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");
	const char *datadir = getenv("ATTACHE_DATADIR");
	struct att_err err;

	(void)argc;
	(void)argv;
	dir = xasprintf("%s/attache-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	FUZZ_ASSERT(mkdtemp(dir) != NULL);
	files[0] = xasprintf("%s/article.txt", dir);
	files[1] = xasprintf("%s/articles.jsonl", dir);
	files[2] = xasprintf("%s/article", dir);
	atexit(cleanup);
	verbose = getenv("FUZZ_VERBOSE") != NULL;
	rec = recogniser_new(datadir && *datadir ? datadir : "data", NULL, 0, &err);
	if (rec == NULL) {
		fprintf(stderr, "ingest_fuzz: %s (set ATTACHE_DATADIR to the source data/)\n", err.msg);
		abort();
	}
	return 0;
}

static void warn(void *arg, const char *fmt, ...) ATT_PRINTF(2, 3);

static void
warn(void *arg, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	(void)arg;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	char *clean = att_sanitize_dup(b.data ? b.data : "", b.len, 0);
	FUZZ_ASSERT(strchr(clean, '\n') == NULL);
	free(clean);
	buf_free(&b);
}

/* POS is at a character boundary of S[0..N). */
static int
boundary(const char *s, size_t n, size_t pos)
{
	return pos == 0 || pos >= n || ((unsigned char)s[pos] & 0xc0) != 0x80;
}

static void
check_span(const struct att_doc *doc, enum att_field field, size_t pos, size_t len)
{
	FUZZ_ASSERT(field == ATT_TITLE || field == ATT_BODY);
	const char *t = field == ATT_TITLE ? doc->title : doc->body;
	size_t n = field == ATT_TITLE ? strlen(doc->title) : doc->body_len;
	FUZZ_ASSERT(pos <= n && len <= n - pos);
	FUZZ_ASSERT(boundary(t, n, pos) && boundary(t, n, pos + len));
}

static int
is_code(const char *c)
{
	return c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' && c[2] == '\0';
}

static void
check_doc(const struct att_doc *doc)
{
	FUZZ_ASSERT(doc->path && doc->title && doc->body);
	FUZZ_ASSERT(att_utf8_valid(doc->title, strlen(doc->title)));
	FUZZ_ASSERT(strlen(doc->body) == doc->body_len);
	FUZZ_ASSERT(att_utf8_valid(doc->body, doc->body_len));
	if (doc->date) {
		static const char shape[] = "dddd-dd-dd";
		size_t n = strlen(doc->date);
		FUZZ_ASSERT(n == 4 || n == 7 || n == 10);
		for (size_t i = 0; i < n; i++)
			FUZZ_ASSERT(shape[i] == 'd' ? (doc->date[i] >= '0' && doc->date[i] <= '9')
						    : doc->date[i] == '-');
	}
	/* A "lang" from JSON Lines is kept as written (not checked to be an
	 * ISO 639-1 code): only its encoding is checked. */
	if (doc->lang)
		FUZZ_ASSERT(att_utf8_valid(doc->lang, strlen(doc->lang)));
	const char *more[] = {doc->source, doc->url, doc->ext_id};
	for (size_t i = 0; i < ATT_ARRAY_LEN(more); i++)
		if (more[i])
			FUZZ_ASSERT(att_utf8_valid(more[i], strlen(more[i])));
}

static void
check_ann(const struct att_doc *doc, const struct att_doc_ann *ann)
{
	for (size_t i = 0; i < ann->nmentions; i++) {
		const struct att_mention *m = &ann->mentions[i];
		check_span(doc, m->field, m->pos, m->len);
		FUZZ_ASSERT(m->len > 0);
		FUZZ_ASSERT(m->ent.key && m->ent.name);
		FUZZ_ASSERT(m->ent.kind >= ATT_COUNTRY && m->ent.kind <= ATT_PLACE);
		if (m->ent.country)
			FUZZ_ASSERT(is_code(m->ent.country));
	}
	for (size_t i = 0; i < ann->nsentences; i++) {
		const struct att_sentence *s = &ann->sentences[i];
		check_span(doc, s->field, s->pos, s->len);
		FUZZ_ASSERT(s->tone == s->tone); /* not NaN */
		for (size_t k = 0; k < s->ncountries; k++) {
			FUZZ_ASSERT(is_code(s->countries[k]));
			if (k > 0)
				FUZZ_ASSERT(strcmp(s->countries[k - 1], s->countries[k]) < 0);
		}
	}
}

static int
emit(void *arg, struct att_doc *doc)
{
	struct att_doc_ann ann;

	(void)arg;
	check_doc(doc);
	memset(&ann, 0, sizeof ann);
	recognise(rec, doc, &ann);
	check_ann(doc, &ann);
	if (verbose)
		fprintf(stderr, "%s: %zu bytes, %zu mentions, %zu sentences\n", doc->path,
			doc->body_len, ann.nmentions, ann.nsentences);
	att_doc_ann_free(&ann);
	att_doc_free(doc);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *path = files[data[0] % 3];
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FUZZ_ASSERT(fd >= 0);
	FUZZ_ASSERT(size == 1 || write(fd, data + 1, size - 1) == (ssize_t)(size - 1));
	close(fd);

	struct read_stats stats;
	struct att_err err;
	memset(&stats, 0, sizeof stats);
	att_err_clear(&err);
	int code = read_input(path, emit, warn, NULL, &stats, &err);
	FUZZ_ASSERT(code == 0 || (code >= 64 && code <= 78));
	unlink(path);
	return 0;
}
