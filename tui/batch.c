/* batch.c: attache --list, --show, --matrix and --entities.
 *
 * Every field from the index passes att_sanitize on its way out; TSV
 * fields have tabs and line breaks turned into spaces, CSV fields are
 * quoted as RFC 4180 says. Lists are streamed page by page, never held
 * whole. */
#include "config.h"

#include "tui/batch.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "model/query.h"
#include "model/text.h"
#include "model/util.h"

/* Rows fetched per page by --list. */
#define LIST_PAGE 500

/* Prints an error in the one-line form every message takes. */
static int
fail(const struct att_err *err)
{
	char *safe = att_sanitize_dup(err->msg, strlen(err->msg), 0);
	fprintf(stderr, "attache: %s\n", safe);
	free(safe);
	return err->code;
}

/* Writes S[0..N) as one TSV field: sanitised, tabs and line breaks as
 * spaces. */
static void
put_tsv(FILE *out, const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	att_sanitize(&b, s, n, ATT_SAN_KEEP_NL | ATT_SAN_KEEP_TAB);
	for (size_t k = 0; k < b.len; k++)
		if (b.data[k] == '\t' || b.data[k] == '\n' || b.data[k] == '\r')
			b.data[k] = ' ';
	if (b.len)
		fwrite(b.data, 1, b.len, out);
	buf_free(&b);
}

static void
put_tsv_s(FILE *out, const char *s)
{
	put_tsv(out, s, strlen(s));
}

/* Writes S as one CSV field: sanitised, quoted when it must be. */
static void
put_csv(FILE *out, const char *s)
{
	struct buf b = BUF_INIT;
	att_sanitize(&b, s, strlen(s), ATT_SAN_KEEP_NL | ATT_SAN_KEEP_TAB);
	const char *t = b.data ? b.data : "";
	if (strpbrk(t, ",\"\r\n") == NULL) {
		fputs(t, out);
	} else {
		fputc('"', out);
		for (; *t; t++) {
			if (*t == '"')
				fputc('"', out);
			fputc(*t, out);
		}
		fputc('"', out);
	}
	buf_free(&b);
}

/* 1 when ARG looks like an index rather than a filter. */
static int
looks_like_index(const char *arg)
{
	struct stat st;
	size_t n = strlen(arg);
	return stat(arg, &st) == 0 || strchr(arg, '/') != NULL ||
	       (n >= 4 && strcmp(arg + n - 4, ".idx") == 0);
}

/* Warns that a value of article ID was over the length limit and is cut. */
static void
warn_oversized(const struct att_index *idx, int64_t id)
{
	char *safe = att_sanitize_dup(idx->path, strlen(idx->path), 0);
	fprintf(stderr, "attache: warning: %s: article %lld holds a value longer than the "
			"length limit, shown cut\n", safe, (long long)id);
	free(safe);
}

/* Reports the filter's remarks ("no country named 'X'") on stderr. */
static void
print_notes(const struct att_filter *f)
{
	const char *notes = att_filter_notes(f);
	if (notes) {
		char *safe = att_sanitize_dup(notes, strlen(notes), 0);
		fprintf(stderr, "attache: note: %s\n", safe);
		free(safe);
	}
}

static int
run_list(struct att_index *idx, const struct att_filter *f, FILE *out, struct att_err *err)
{
	struct att_list *l;
	struct att_rows rows = {0}, prev = {0};
	int code;

	if ((code = att_list_open(idx, f, ATT_SORT_NEWEST, &l, err)) != 0)
		return code;
	for (;;) {
		code = att_list_page(l, prev.n ? &prev.v[prev.n - 1] : NULL, 1, LIST_PAGE, &rows, err);
		if (code != 0)
			break;
		for (size_t k = 0; k < rows.n; k++) {
			const struct att_row *r = &rows.v[k];
			if (r->oversized)
				warn_oversized(idx, r->id);
			fprintf(out, "%lld\t", (long long)r->id);
			put_tsv_s(out, r->date);
			fputc('\t', out);
			put_tsv_s(out, r->source);
			fputc('\t', out);
			put_tsv_s(out, r->countries);
			fputc('\t', out);
			put_tsv_s(out, r->title);
			fputc('\n', out);
		}
		if (rows.n < LIST_PAGE || ferror(out))
			break;
		att_rows_free(&prev);
		prev = rows;
		rows = (struct att_rows){0};
	}
	att_rows_free(&rows);
	att_rows_free(&prev);
	att_list_close(l);
	return code;
}

static int
entity_row(const struct att_entity_row *row, void *ctx)
{
	FILE *out = ctx;
	put_tsv_s(out, row->name);
	fprintf(out, "\t%s\t", att_kind_name(row->kind));
	put_tsv_s(out, row->country);
	fprintf(out, "\t%lld\t%lld\n", (long long)row->articles, (long long)row->mentions);
	return ferror(out) ? EX_IOERR : 0;
}

static int
run_entities(struct att_index *idx, const struct att_filter *f, FILE *out, struct att_err *err)
{
	int code = att_entities_each(idx, f, -1, 0, entity_row, out, err);
	if (code == EX_IOERR && err->msg[0] == '\0')
		att_err_set(err, EX_IOERR, "write error");
	return code;
}

static int
run_matrix(struct att_index *idx, const struct att_filter *f, FILE *out, struct att_err *err)
{
	struct att_matrix *m;
	int code = att_matrix_get(idx, f, 0, &m, err);

	if (code != 0)
		return code;
	fputs("country", out);
	for (size_t j = 0; j < m->n; j++) {
		fputc(',', out);
		put_csv(out, m->codes[j]);
	}
	fputc('\n', out);
	for (size_t i = 0; i < m->n; i++) {
		put_csv(out, m->codes[i]);
		for (size_t j = 0; j < m->n; j++)
			fprintf(out, ",%lld", (long long)ATT_CELL(m, sentences, i, j));
		fputc('\n', out);
	}
	att_matrix_free(m);
	return 0;
}

/* How mentions are marked in --show. */
struct marker {
	int color;
};

static const char *const sgr[] = {
	"\033[1;34m", /* country: bold blue */
	"\033[1;32m", /* person: bold green */
	"\033[1;35m", /* org: bold magenta */
	"\033[4m",    /* place: underlined */
};

/* Writes S[0..N) sanitised, keeping line breaks (and tabs). */
static void
put_text(FILE *out, const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	att_sanitize(&b, s, n, ATT_SAN_KEEP_NL | ATT_SAN_KEEP_TAB);
	if (b.len)
		fwrite(b.data, 1, b.len, out);
	buf_free(&b);
}

/* Writes TEXT with the mentions of FIELD marked. */
static void
put_marked(FILE *out, const struct att_article *a, enum att_field field, const char *text,
	   size_t len, const struct marker *mk)
{
	size_t at = 0;
	for (size_t k = 0; k < a->nmentions; k++) {
		const struct att_mention_at *m = &a->mentions[k];
		if (m->field != field || m->pos < at || m->pos + m->len > len)
			continue;
		put_text(out, text + at, m->pos - at);
		if (mk->color) {
			fputs(sgr[m->kind], out);
			put_text(out, text + m->pos, m->len);
			fputs("\033[0m", out);
		} else {
			fputc('[', out);
			put_text(out, text + m->pos, m->len);
			fprintf(out, "|%s", att_kind_name(m->kind));
			if (m->country[0]) {
				fputc(':', out);
				put_tsv_s(out, m->country);
			}
			fputc(']', out);
		}
		at = m->pos + m->len;
	}
	put_text(out, text + at, len - at);
}

/* One "Name: value" header line, skipped when the value is empty. */
static void
header(FILE *out, const char *name, const char *value, const struct marker *mk)
{
	if (value == NULL || value[0] == '\0')
		return;
	fprintf(out, "%s%s:%s ", mk->color ? "\033[1m" : "", name, mk->color ? "\033[0m" : "");
	put_tsv_s(out, value);
	fputc('\n', out);
}

static int
run_show(struct att_index *idx, int64_t id, FILE *out, struct att_err *err)
{
	struct att_article *a;
	int code = att_article_get(idx, id, &a, err);
	const char *term = getenv("TERM"), *nocolor = getenv("NO_COLOR");
	struct marker mk = {
		isatty(fileno(out)) && term && *term && strcmp(term, "dumb") != 0 &&
		(nocolor == NULL || *nocolor == '\0'),
	};

	if (code != 0)
		return code;
	if (a->oversized)
		warn_oversized(idx, a->id);
	fprintf(out, "%sTitle:%s ", mk.color ? "\033[1m" : "", mk.color ? "\033[0m" : "");
	put_marked(out, a, ATT_TITLE, a->title, a->title_len, &mk);
	fputc('\n', out);
	char *sid = xasprintf("%lld", (long long)a->id);
	header(out, "Id", sid, &mk);
	free(sid);
	header(out, "Date", a->date, &mk);
	header(out, "Source", a->source, &mk);
	header(out, "Lang", a->lang, &mk);
	header(out, "Path", a->path, &mk);
	header(out, "URL", a->url, &mk);
	header(out, "Countries", a->countries, &mk);
	fputc('\n', out);
	put_marked(out, a, ATT_BODY, a->body, a->body_len, &mk);
	if (a->body_len == 0 || a->body[a->body_len - 1] != '\n')
		fputc('\n', out);
	att_article_free(a);
	return 0;
}

/* Parses an article id: digits only. */
static int
parse_id(const char *s, int64_t *id)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < 0)
		return -1;
	*id = v;
	return 0;
}

int
batch_run(enum att_batch_mode mode, const char *show_id, int nargs, char **args,
	  char *(*resolve_index)(const char *arg), FILE *out)
{
	const char *filter_text = NULL, *index_arg = NULL;
	struct att_err err;
	int64_t id = 0;

	att_err_clear(&err);
	if (mode == ATT_BATCH_SHOW) {
		if (parse_id(show_id, &id) != 0) {
			char *safe = att_sanitize_dup(show_id, strlen(show_id), 0);
			fprintf(stderr, "attache: --show wants an article id (a number), not '%s'\n", safe);
			free(safe);
			return EX_USAGE;
		}
		if (nargs > 1) {
			fprintf(stderr, "attache: --show ID takes one INDEX at most; see attache --help\n");
			return EX_USAGE;
		}
		index_arg = nargs == 1 ? args[0] : NULL;
	} else if (nargs > 2) {
		fprintf(stderr, "attache: too many arguments (FILTER and INDEX at most); "
				"quote the filter as one argument\n");
		return EX_USAGE;
	} else if (nargs == 2) {
		filter_text = args[0];
		index_arg = args[1];
	} else if (nargs == 1) {
		if (looks_like_index(args[0]))
			index_arg = args[0];
		else
			filter_text = args[0];
	}

	char *path = resolve_index(index_arg);
	struct att_index *idx;
	if (att_index_open(path, &idx, &err) != 0) {
		free(path);
		return fail(&err);
	}
	free(path);
	struct att_filter *f = NULL;
	int code = 0;
	if (mode != ATT_BATCH_SHOW) {
		if ((code = att_filter_compile(idx, filter_text, &f, &err)) != 0) {
			att_index_close(idx);
			return fail(&err);
		}
		print_notes(f);
	}
	switch (mode) {
	case ATT_BATCH_LIST: code = run_list(idx, f, out, &err); break;
	case ATT_BATCH_SHOW: code = run_show(idx, id, out, &err); break;
	case ATT_BATCH_MATRIX: code = run_matrix(idx, f, out, &err); break;
	case ATT_BATCH_ENTITIES: code = run_entities(idx, f, out, &err); break;
	case ATT_BATCH_NONE: break;
	}
	att_filter_free(f);
	att_index_close(idx);
	if (code != 0)
		return fail(&err);
	if (fflush(out) != 0 || ferror(out)) {
		fprintf(stderr, "attache: write error: %s\n", strerror(errno));
		return EX_IOERR;
	}
	return 0;
}
