/* read.h: the pieces of reading that the reader files share (and that the
 * unit tests call directly). */
#ifndef ATTACHE_READ_H
#define ATTACHE_READ_H

#include <stddef.h>
#include <stdint.h>

#include "ingest/ingest.h"

/* The largest article (or JSON Lines record) read: larger ones are skipped. */
#define READ_MAX_ARTICLE ((size_t)64 * 1024 * 1024)

/* How text_to_doc treats its input. */
enum {
	TEXT_FIND_TITLE = 1 << 0, /* plain text: the title is the first line (when it is one) */
	TEXT_FIND_DATE = 1 << 1,  /* look for a date marker, a dated line or a dateline */
	TEXT_FIND_SOURCE = 1 << 2 /* look for the agency in a dateline or credit line */
};

/* Cleans TEXT (valid UTF-8, LF or CRLF line ends) into DOC: title (when
 * FLAGS ask for it and DOC has none), body, date, source; DOC->original
 * keeps TEXT when the body differs from it. Fields already set in DOC are
 * kept. */
void text_to_doc(const char *text, size_t len, unsigned flags, struct att_doc *doc);

/* Reads a date written as 2022-12-20, 2022-12-20T10:00:00Z, 2022-12,
 * 2022, 20/12/2022, 20 Dicembre 2022, December 20, 2022 or 20 Dec 2022 at
 * the start of S. Writes the ISO prefix (NUL-terminated, at most 10
 * characters) to OUT and returns the length of S that was read, or 0. */
size_t parse_date(const char *s, size_t n, char out[11]);

/* Decodes RAW (a whole file) to UTF-8: strips a BOM, decodes UTF-16 (with
 * a BOM, or as utf16_guess finds it), and Windows-1252 when RAW is not
 * valid UTF-8. NUL bytes are dropped. Sets *HOW to NULL, "UTF-16",
 * "UTF-16LE without a byte-order mark" (or BE) or "Windows-1252". */
char *decode_text(const char *raw, size_t n, size_t *outlen, const char **how);

/* 1 for UTF-16LE, 2 for UTF-16BE, by a byte-order mark or, without one,
 * by the zero bytes of Latin-script text in the first 8 KiB; else 0. */
int utf16_guess(const char *raw, size_t n);

/* 1 when the first 8 KiB of S look binary (NUL bytes, or mostly controls). */
int looks_binary(const char *s, size_t n);

/* Reads JSON Lines from FD (LABEL names it in warnings), emitting a doc for
 * each good record. */
struct read_ctx;
int read_jsonl_fd(struct read_ctx *ctx, int fd, const char *label, const char *head, size_t headlen);

struct att_json;

/* The state shared by the readers of one read_input call. */
struct read_ctx {
	doc_emit_fn emit;
	warn_fn warn;
	void *arg;
	struct read_stats *stats;
	struct att_err *err;
	int stop;            /* set when EMIT asked to stop */
	struct att_json *json;
};

/* Fills a doc's language, path and sequence, and hands it over. Returns
 * nonzero when reading must stop. */
int read_emit(struct read_ctx *ctx, struct att_doc *doc);

/* Sum of the sizes of the regular files under PATH (for the ETA). */
uint64_t read_measure(const char *path);

/* A valid UTF-8 copy of S[0..N): invalid bytes become U+FFFD. */
char *utf8_scrub(const char *s, size_t n, size_t *outlen);

#endif
