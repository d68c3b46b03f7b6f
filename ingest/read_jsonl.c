/* read_jsonl.c: JSON Lines, one article a line, read as a stream so that
 * a file (or a pipe from a scraper) of any size needs memory for one
 * record only. */
#include "config.h"

#include "ingest/read.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/json.h"
#include "model/text.h"

/* Normalises a date field to an ISO prefix, or NULL. */
static char *
json_date(const char *s, size_t n)
{
	char out[11];
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	if (parse_date(s, n, out) > 0)
		return xstrdup(out);
	return NULL;
}

/* A short single-line field: valid UTF-8, controls made spaces, trimmed.
 * VALID: S is valid UTF-8 without NUL already. */
static char *
json_short(const char *s, size_t n, int valid)
{
	if (s == NULL)
		return NULL;
	size_t len = n;
	char *t = valid ? xstrndup(s, n) : utf8_scrub(s, n, &len);
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)t[i] < 0x20 || t[i] == 0x7f)
			t[i] = ' ';
	size_t a = 0;
	while (a < len && t[a] == ' ')
		a++;
	while (len > a && t[len - 1] == ' ')
		len--;
	if (len == a) {
		free(t);
		return NULL;
	}
	memmove(t, t + a, len - a);
	t[len - a] = '\0';
	return t;
}

/* Turns one parsed record into a doc and emits it. VALID: its values are
 * valid UTF-8 without NUL (not checked again). */
static void
record(struct read_ctx *ctx, const char *label, uint64_t lineno, struct att_json_rec *rec, int valid)
{
	int tf = rec->val[ATT_JSON_TEXT] ? ATT_JSON_TEXT
		 : rec->val[ATT_JSON_BODY] ? ATT_JSON_BODY
		 : ATT_JSON_CONTENT;
	size_t tlen;

	if (rec->val[tf] == NULL) {
		ctx->warn(ctx->arg, "%s:%llu: no \"text\", \"body\" or \"content\", record skipped", label,
			  (unsigned long long)lineno);
		ctx->stats->bad_records++;
		return;
	}
	char *text;
	if (valid) {
		/* The record's own copy, taken over. */
		text = rec->val[tf];
		tlen = rec->len[tf];
		rec->val[tf] = NULL;
	} else {
		text = utf8_scrub(rec->val[tf], rec->len[tf], &tlen);
	}
	size_t i = 0;
	while (i < tlen && strchr(" \t\r\n", text[i]))
		i++;
	if (i == tlen) {
		ctx->warn(ctx->arg, "%s:%llu: empty text, record skipped", label, (unsigned long long)lineno);
		ctx->stats->bad_records++;
		free(text);
		return;
	}
	if (rec->nul_escapes)
		ctx->warn(ctx->arg, "%s:%llu: \\u0000 (a NUL character) in the record, read as U+FFFD",
			  label, (unsigned long long)lineno);
	struct att_doc doc = {0};
	doc.title = json_short(rec->val[ATT_JSON_TITLE], rec->len[ATT_JSON_TITLE], valid);
	if (rec->val[ATT_JSON_DATE])
		doc.date = json_date(rec->val[ATT_JSON_DATE], rec->len[ATT_JSON_DATE]);
	doc.source = json_short(rec->val[ATT_JSON_SOURCE], rec->len[ATT_JSON_SOURCE], valid);
	doc.url = json_short(rec->val[ATT_JSON_URL], rec->len[ATT_JSON_URL], valid);
	doc.lang = json_short(rec->val[ATT_JSON_LANG], rec->len[ATT_JSON_LANG], valid);
	if (doc.lang) {
		for (char *p = doc.lang; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		if (strlen(doc.lang) > 16) {
			free(doc.lang);
			doc.lang = NULL;
		}
	}
	doc.ext_id = json_short(rec->val[ATT_JSON_ID], rec->len[ATT_JSON_ID], valid);
	/* Boilerplate cleaning, and the agency from a dateline when the record
	 * names none; the date field wins over dates in the text. */
	text_to_doc(text, tlen, TEXT_FIND_SOURCE | (doc.date ? 0 : TEXT_FIND_DATE), &doc);
	free(text);
	char *p = xasprintf("%s:%llu", label, (unsigned long long)lineno);
	doc.path = utf8_scrub(p, strlen(p), NULL);
	free(p);
	read_emit(ctx, &doc);
}

/* Handles one line (without its newline). */
static void
line(struct read_ctx *ctx, const char *label, uint64_t lineno, char *s, size_t n, int *recoded)
{
	struct att_json_rec rec;
	const char *why;
	char *dec = NULL;

	if (lineno == 1 && n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3, n -= 3;
	if (n && s[n - 1] == '\r')
		n--;
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == n)
		return; /* blank lines are allowed */
	ctx->stats->bytes += n;
	int valid = att_utf8_valid(s, n);
	if (!valid) {
		size_t len;
		const char *how;
		dec = decode_text(s, n, &len, &how);
		if (how && !*recoded) {
			ctx->warn(ctx->arg, "%s:%llu: not valid UTF-8, read as %s", label,
				  (unsigned long long)lineno, how);
			ctx->stats->recoded++;
			*recoded = 1;
		}
		s = dec;
		n = len;
	}
	if (att_json_parse(ctx->json, s, n, &rec, &why) != 0) {
		ctx->warn(ctx->arg, "%s:%llu: %s, record skipped", label, (unsigned long long)lineno, why);
		ctx->stats->bad_records++;
	} else {
		record(ctx, label, lineno, &rec, valid && rec.verbatim);
		att_json_rec_free(&rec);
	}
	free(dec);
}

int
read_jsonl_fd(struct read_ctx *ctx, int fd, const char *label, const char *head, size_t headlen)
{
	struct buf b = BUF_INIT;
	uint64_t lineno = 0;
	size_t start = 0;
	int eof = 0, skipping = 0, recoded = 0;

	buf_add(&b, head, headlen);
	while (!ctx->stop) {
		char *nl = b.len > start ? memchr(b.data + start, '\n', b.len - start) : NULL;
		if (nl == NULL && !eof) {
			/* Need more: keep the partial line, drop what was used. */
			if (start > 0) {
				memmove(b.data, b.data + start, b.len - start);
				b.len -= start;
				start = 0;
			}
			if (b.len > READ_MAX_ARTICLE) {
				if (!skipping)
					ctx->warn(ctx->arg, "%s:%llu: record larger than %zu MiB, skipped", label,
						  (unsigned long long)lineno + 1, READ_MAX_ARTICLE >> 20);
				if (!skipping)
					ctx->stats->bad_records++;
				skipping = 1;
				b.len = 0;
			}
			buf_reserve(&b, 1 << 20);
			size_t room = b.cap - b.len - 1;
			ssize_t r = read(fd, b.data + b.len, room < (1 << 20) ? room : (1 << 20));
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0) {
				ctx->warn(ctx->arg, "%s: read error: %s", label, strerror(errno));
				break;
			}
			if (r == 0)
				eof = 1;
			b.len += (size_t)r;
			continue;
		}
		size_t end = nl ? (size_t)(nl - b.data) : b.len;
		if (nl == NULL && end == start)
			break;
		lineno++;
		if (skipping) {
			skipping = 0;
		} else if (end - start > READ_MAX_ARTICLE) {
			ctx->warn(ctx->arg, "%s:%llu: record larger than %zu MiB, skipped", label,
				  (unsigned long long)lineno, READ_MAX_ARTICLE >> 20);
			ctx->stats->bad_records++;
		} else {
			line(ctx, label, lineno, b.data + start, end - start, &recoded);
		}
		start = nl ? end + 1 : end;
		if (nl == NULL)
			break;
	}
	buf_free(&b);
	return 0;
}
