/* read.c: finding the inputs and reading files: directory walks in name
 * order, symlink loops, special files, size caps, binary detection and
 * decoding to UTF-8. Plain text goes to read_text.c, JSON Lines to
 * read_jsonl.c. */
#include "config.h"

#include "ingest/read.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "model/json.h"
#include "model/text.h"

/* ------------------------------------------------------------------ decoding */

int
looks_binary(const char *s, size_t n)
{
	size_t lim = n < 8192 ? n : 8192, ctl = 0;
	for (size_t i = 0; i < lim; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0)
			return 1;
		if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b) ||
		    c == 0x7f)
			ctl++;
	}
	return lim > 0 && ctl * 10 > lim;
}

char *
utf8_scrub(const char *s, size_t n, size_t *outlen)
{
	struct buf b = BUF_INIT;
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;

	if (att_utf8_valid(s, n)) {
		if (outlen)
			*outlen = n;
		return xstrndup(s, n);
	}
	buf_reserve(&b, n);
	while (n) {
		size_t k = att_utf8_seq(p, n, &cp);
		if (k == 0) {
			buf_add(&b, "\xef\xbf\xbd", 3);
			k = 1;
		} else if (cp != 0) {
			buf_add(&b, p, k);
		}
		p += k;
		n -= k;
	}
	if (b.data == NULL)
		buf_adds(&b, "");
	if (outlen)
		*outlen = b.len;
	return buf_steal(&b);
}

static void
put_utf8(struct buf *b, uint32_t c)
{
	char t[4];
	if (c < 0x80) {
		t[0] = (char)c;
		buf_add(b, t, 1);
	} else if (c < 0x800) {
		t[0] = (char)(0xc0 | (c >> 6));
		t[1] = (char)(0x80 | (c & 0x3f));
		buf_add(b, t, 2);
	} else if (c < 0x10000) {
		t[0] = (char)(0xe0 | (c >> 12));
		t[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		t[2] = (char)(0x80 | (c & 0x3f));
		buf_add(b, t, 3);
	} else {
		t[0] = (char)(0xf0 | (c >> 18));
		t[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		t[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		t[3] = (char)(0x80 | (c & 0x3f));
		buf_add(b, t, 4);
	}
}

/* Windows-1252 0x80-0x9F; 0 where the code page leaves a hole. */
static const uint16_t cp1252_high[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
	0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

static void
decode_1252(struct buf *b, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned c = p[i];
		if (c == 0)
			continue;
		if (c >= 0x80 && c < 0xa0)
			c = cp1252_high[c - 0x80] ? cp1252_high[c - 0x80] : 0xfffd;
		put_utf8(b, c);
	}
}

static void
decode_utf16(struct buf *b, const unsigned char *p, size_t n, int big)
{
	for (size_t i = 0; i + 1 < n; i += 2) {
		uint32_t u = big ? (uint32_t)(p[i] << 8 | p[i + 1]) : (uint32_t)(p[i + 1] << 8 | p[i]);
		if (u >= 0xd800 && u <= 0xdbff && i + 3 < n) {
			uint32_t v = big ? (uint32_t)(p[i + 2] << 8 | p[i + 3]) : (uint32_t)(p[i + 3] << 8 | p[i + 2]);
			if (v >= 0xdc00 && v <= 0xdfff) {
				put_utf8(b, 0x10000 + ((u - 0xd800) << 10) + (v - 0xdc00));
				i += 2;
				continue;
			}
		}
		if (u >= 0xd800 && u <= 0xdfff)
			u = 0xfffd;
		if (u != 0)
			put_utf8(b, u);
	}
}

int
utf16_guess(const char *raw, size_t n)
{
	const unsigned char *p = (const unsigned char *)raw;
	size_t lim = n < 8192 ? n : 8192, pairs = lim / 2, z[2] = {0, 0};

	if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff)))
		return p[0] == 0xff ? 1 : 2;
	if (pairs < 2)
		return 0;
	for (size_t i = 0; i + 1 < lim; i += 2) {
		z[0] += p[i] == 0;
		z[1] += p[i + 1] == 0;
	}
	/* Latin-script text: one byte of most pairs is zero, the other hardly
	 * ever. */
	if (z[1] * 2 >= pairs && z[0] * 20 < pairs)
		return 1;
	if (z[0] * 2 >= pairs && z[1] * 20 < pairs)
		return 2;
	return 0;
}

char *
decode_text(const char *raw, size_t n, size_t *outlen, const char **how)
{
	const unsigned char *p = (const unsigned char *)raw;
	struct buf b = BUF_INIT;

	*how = NULL;
	int u16 = utf16_guess(raw, n);
	if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff))) {
		*how = "UTF-16";
		decode_utf16(&b, p + 2, n - 2, p[0] == 0xfe);
	} else if (u16) {
		*how = u16 == 1 ? "UTF-16LE without a byte-order mark" : "UTF-16BE without a byte-order mark";
		decode_utf16(&b, p, n, u16 == 2);
	} else {
		if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
			p += 3;
			n -= 3;
		}
		/* Valid UTF-8 (NUL bytes aside)? */
		size_t i = 0;
		uint32_t cp;
		while (i < n) {
			size_t k = att_utf8_seq(p + i, n - i, &cp);
			if (k == 0)
				break;
			i += k;
		}
		if (i == n) {
			buf_reserve(&b, n);
			for (size_t j = 0; j < n; j++)
				if (p[j])
					buf_addc(&b, (char)p[j]);
		} else {
			*how = "Windows-1252";
			decode_1252(&b, p, n);
		}
	}
	if (b.data == NULL)
		buf_adds(&b, "");
	*outlen = b.len;
	return buf_steal(&b);
}

/* ------------------------------------------------------------------ emitting */

int
read_emit(struct read_ctx *ctx, struct att_doc *doc)
{
	if (doc->lang == NULL) {
		struct buf t = BUF_INIT;
		buf_adds(&t, doc->title);
		buf_addc(&t, '\n');
		buf_add(&t, doc->body, doc->body_len < 8192 ? doc->body_len : 8192);
		const char *l = detect_lang(t.data, t.len);
		buf_free(&t);
		if (l)
			doc->lang = xstrdup(l);
	}
	doc->seq = ctx->stats->articles++;
	if (ctx->emit(ctx->arg, doc) != 0)
		ctx->stop = 1;
	return ctx->stop;
}

/* ------------------------------------------------------------------ files */

static int
has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);
	return n >= k && strcasecmp(s + n - k, suf) == 0;
}

/* Files a walk never reads: indexes and a builder's own files. */
static int
skip_name(const char *name)
{
	return name[0] == '.' || has_suffix(name, ".idx") || strstr(name, ".idx.tmp") != NULL ||
	       has_suffix(name, ".idx.lock");
}

/* Reads all of FD, up to READ_MAX_ARTICLE + 1 bytes. Returns -1 with errno
 * on a read error. */
static ssize_t
read_all(int fd, struct buf *b, size_t max)
{
	for (;;) {
		if (b->len > max)
			return (ssize_t)b->len;
		buf_reserve(b, 65536);
		ssize_t r = read(fd, b->data + b->len, b->cap - b->len - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN)
				return (ssize_t)b->len; /* an empty FIFO opened non-blocking */
			return -1;
		}
		if (r == 0)
			return (ssize_t)b->len;
		b->len += (size_t)r;
		b->data[b->len] = '\0';
	}
}

static void
warn_skip(struct read_ctx *ctx, uint64_t *counter, const char *label, const char *why)
{
	ctx->warn(ctx->arg, "%s: %s, skipped", label, why);
	ctx->stats->skipped++;
	if (counter)
		(*counter)++;
}

/* Reads one plain-text article from RAW (the whole file). */
static void
read_text_buf(struct read_ctx *ctx, const char *label, const char *raw, size_t n)
{
	const char *how;
	size_t len;

	if (looks_binary(raw, n) && !utf16_guess(raw, n)) {
		warn_skip(ctx, &ctx->stats->binary, label, "binary file");
		return;
	}
	char *text = decode_text(raw, n, &len, &how);
	if (how && strcmp(how, "Windows-1252") == 0) {
		ctx->warn(ctx->arg, "%s: not valid UTF-8, read as Windows-1252", label);
		ctx->stats->recoded++;
	} else if (how && strstr(how, "without")) {
		ctx->warn(ctx->arg, "%s: read as %s", label, how);
	}
	size_t i = 0;
	while (i < len && strchr(" \t\r\n\f\v", text[i]))
		i++;
	if (i == len) {
		warn_skip(ctx, &ctx->stats->empty, label, "empty file");
		free(text);
		return;
	}
	struct att_doc doc = {0};
	text_to_doc(text, len, TEXT_FIND_TITLE | TEXT_FIND_DATE | TEXT_FIND_SOURCE, &doc);
	free(text);
	doc.path = utf8_scrub(label, strlen(label), NULL);
	read_emit(ctx, &doc);
}

/* First non-blank byte after a possible BOM. */
static int
first_byte(const char *s, size_t n)
{
	size_t i = 0;
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && strchr(" \t\r\n", s[i]))
		i++;
	return i < n ? (unsigned char)s[i] : -1;
}

/* Reads one open input: FD is a regular file, a pipe or stdin. JSONL says
 * what the name suggests (1 JSON Lines, 0 text, -1 look at the content). */
static void
read_fd(struct read_ctx *ctx, int fd, const char *label, int jsonl, off_t size)
{
	struct buf b = BUF_INIT;

	ctx->stats->files++;
	if (size > 0 && (uint64_t)size > READ_MAX_ARTICLE && jsonl == 0) {
		char *why = xasprintf("larger than %zu MiB", READ_MAX_ARTICLE >> 20);
		warn_skip(ctx, &ctx->stats->too_large, label, why);
		free(why);
		return;
	}
	/* Look at the start to decide. */
	buf_reserve(&b, 8192);
	ssize_t r;
	while (b.len < 8192) {
		r = read(fd, b.data + b.len, 8192 - b.len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 && errno != EAGAIN) {
			warn_skip(ctx, &ctx->stats->unreadable, label, strerror(errno));
			buf_free(&b);
			return;
		}
		if (r <= 0)
			break;
		b.len += (size_t)r;
	}
	if (jsonl < 0)
		jsonl = first_byte(b.data, b.len) == '{';
	if (jsonl) {
		if (utf16_guess(b.data, b.len))
			warn_skip(ctx, &ctx->stats->binary, label,
				  "UTF-16 JSON Lines are not supported (convert with iconv -f UTF-16 -t UTF-8)");
		else if (looks_binary(b.data, b.len))
			warn_skip(ctx, &ctx->stats->binary, label, "binary file");
		else if (first_byte(b.data, b.len) == '[')
			warn_skip(ctx, &ctx->stats->binary, label,
				  "a JSON array, not JSON Lines (one object per line)");
		else
			read_jsonl_fd(ctx, fd, label, b.data, b.len);
		buf_free(&b);
		return;
	}
	if (read_all(fd, &b, READ_MAX_ARTICLE) < 0) {
		warn_skip(ctx, &ctx->stats->unreadable, label, strerror(errno));
	} else if (b.len > READ_MAX_ARTICLE) {
		char *why = xasprintf("larger than %zu MiB", READ_MAX_ARTICLE >> 20);
		warn_skip(ctx, &ctx->stats->too_large, label, why);
		free(why);
	} else if (size > 0 && b.len < (size_t)size) {
		warn_skip(ctx, &ctx->stats->unreadable, label, "truncated while being read");
	} else {
		ctx->stats->bytes += b.len;
		read_text_buf(ctx, label, b.data, b.len);
	}
	buf_free(&b);
}

/* Is this file JSON Lines by its name? 1 yes, 0 no, -1 look inside. */
static int
jsonl_by_name(const char *path)
{
	if (has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson"))
		return 1;
	if (has_suffix(path, ".json"))
		return -1;
	return 0;
}

/* Opens and reads the file PATH, already known (by stat) to be regular,
 * or a FIFO named on the command line. */
static void
read_path(struct read_ctx *ctx, const char *path)
{
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;

	if (fd < 0) {
		ctx->stats->files++;
		warn_skip(ctx, &ctx->stats->unreadable, path,
			  errno == ENOENT ? "deleted before it could be read" : strerror(errno));
		return;
	}
	if (fstat(fd, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode))) {
		ctx->stats->files++;
		warn_skip(ctx, &ctx->stats->special, path, "not a regular file (a device or socket)");
		close(fd);
		return;
	}
	if (S_ISREG(st.st_mode) && st.st_size == 0) {
		ctx->stats->files++;
		warn_skip(ctx, &ctx->stats->empty, path, "empty file");
		close(fd);
		return;
	}
	/* Blocking reads from here on; a FIFO without a writer reads as empty. */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	read_fd(ctx, fd, path, jsonl_by_name(path), S_ISREG(st.st_mode) ? st.st_size : 0);
	close(fd);
}

/* ------------------------------------------------------------------ walking */

struct dirid {
	dev_t dev;
	ino_t ino;
};

struct walk {
	struct dirid *stack;
	size_t depth, cap;
};

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_dir(struct read_ctx *ctx, struct walk *wk, const char *path, const struct stat *st);

/* One entry met in a walk (or named on the command line when TOP). */
static void
visit(struct read_ctx *ctx, struct walk *wk, const char *path, int top)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		int e = errno;
		ctx->stats->files++;
		if (e == ELOOP)
			warn_skip(ctx, &ctx->stats->special, path, "symbolic link loop");
		else if (e == ENOENT)
			warn_skip(ctx, &ctx->stats->unreadable, path,
				  top ? "no such file" : "dangling symbolic link or deleted");
		else
			warn_skip(ctx, &ctx->stats->unreadable, path, strerror(e));
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		walk_dir(ctx, wk, path, &st);
	} else if (S_ISREG(st.st_mode) || (top && S_ISFIFO(st.st_mode))) {
		read_path(ctx, path);
	} else {
		ctx->stats->files++;
		warn_skip(ctx, &ctx->stats->special, path,
			  S_ISFIFO(st.st_mode) ? "a FIFO, not a regular file" : "not a regular file (a device or socket)");
	}
}

static void
walk_dir(struct read_ctx *ctx, struct walk *wk, const char *path, const struct stat *st)
{
	for (size_t i = 0; i < wk->depth; i++) {
		if (wk->stack[i].dev == st->st_dev && wk->stack[i].ino == st->st_ino) {
			ctx->stats->files++;
			warn_skip(ctx, &ctx->stats->special, path, "symbolic link loop (a directory inside itself)");
			return;
		}
	}
	if (wk->depth >= 256) {
		warn_skip(ctx, &ctx->stats->special, path, "directories nested too deep");
		return;
	}
	DIR *d = opendir(path);
	if (d == NULL) {
		ctx->stats->files++;
		warn_skip(ctx, &ctx->stats->unreadable, path, strerror(errno));
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (skip_name(e->d_name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = xreallocarray(names, cap, sizeof *names);
		}
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, cmp_name);

	if (wk->depth == wk->cap) {
		wk->cap = wk->cap ? wk->cap * 2 : 16;
		wk->stack = xreallocarray(wk->stack, wk->cap, sizeof *wk->stack);
	}
	wk->stack[wk->depth].dev = st->st_dev;
	wk->stack[wk->depth].ino = st->st_ino;
	wk->depth++;
	size_t plen = strlen(path);
	int slash = plen > 0 && path[plen - 1] == '/';
	for (size_t i = 0; i < n; i++) {
		if (!ctx->stop) {
			char *full = xasprintf("%s%s%s", path, slash ? "" : "/", names[i]);
			visit(ctx, wk, full, 0);
			free(full);
		}
		free(names[i]);
	}
	free(names);
	wk->depth--;
}

int
read_input(const char *path, doc_emit_fn emit, warn_fn warn, void *arg, struct read_stats *stats,
	   struct att_err *err)
{
	struct read_ctx ctx = {emit, warn, arg, stats, err, 0, NULL};
	struct walk wk = {0};
	int code;

	if ((code = att_json_open(&ctx.json, err)) != 0)
		return code;
	if (strcmp(path, "-") == 0) {
		/* A file on standard input may be read from where the shell left it. */
		struct stat st;
		off_t size = fstat(0, &st) == 0 && S_ISREG(st.st_mode) ? st.st_size : 0;
		off_t at = size > 0 ? lseek(0, 0, SEEK_CUR) : 0;
		if (at > 0 && at <= size)
			size -= at;
		read_fd(&ctx, 0, "(stdin)", -1, size);
	} else {
		visit(&ctx, &wk, path, 1);
	}
	free(wk.stack);
	att_json_close(ctx.json);
	return 0;
}

/* ------------------------------------------------------------------ measuring */

static uint64_t
measure(const char *path, int depth)
{
	struct stat st;
	uint64_t total = 0;

	if (depth > 64 || stat(path, &st) != 0)
		return 0;
	if (S_ISREG(st.st_mode))
		return (uint64_t)st.st_size;
	if (!S_ISDIR(st.st_mode))
		return 0;
	DIR *d = opendir(path);
	if (d == NULL)
		return 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (skip_name(e->d_name))
			continue;
		char *full = xasprintf("%s/%s", path, e->d_name);
		total += measure(full, depth + 1);
		free(full);
	}
	closedir(d);
	return total;
}

uint64_t
read_measure(const char *path)
{
	if (strcmp(path, "-") == 0) {
		struct stat st;
		return fstat(0, &st) == 0 && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
	}
	return measure(path, 0);
}
