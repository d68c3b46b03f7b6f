/* util.h: allocation wrappers, a growable byte buffer, a hash and error values.
 * Shared by every program in attache; no curses, no SQL. */
#ifndef ATTACHE_UTIL_H
#define ATTACHE_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define ATT_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define ATT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define ATT_NORETURN __attribute__((noreturn))
#else
#define ATT_PRINTF(f, a)
#define ATT_NORETURN
#endif

/* Allocation: these abort with a message when memory runs out, so callers
 * never test for NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) ATT_PRINTF(1, 2);

/* A growable byte buffer, always NUL-terminated once anything was added. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};
#define BUF_INIT {NULL, 0, 0}
void buf_reserve(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_addc(struct buf *b, char c);
void buf_adds(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) ATT_PRINTF(2, 3);
void buf_vprintf(struct buf *b, const char *fmt, va_list ap) ATT_PRINTF(2, 0);
void buf_clear(struct buf *b);
/* Hands the data to the caller (never NULL) and empties the buffer. */
char *buf_steal(struct buf *b);
void buf_free(struct buf *b);

/* FNV-1a (64 bits) of the LEN bytes at S, the hash of the project's
 * tables and memos; ATT_HASH_INIT and att_hash_byte hash a key one byte
 * at a time to the same value. */
#define ATT_HASH_INIT 0xcbf29ce484222325ull
static inline uint64_t
att_hash_byte(uint64_t h, unsigned char c)
{
	return (h ^ c) * 0x100000001b3ull;
}
uint64_t att_hash(const char *s, size_t len);

/* An error value: a sysexits(3) code and a one-line message.
 * Functions fill it and return the code; only main() decides to exit. */
struct att_err {
	int code;
	char msg[1024];
};
int att_err_set(struct att_err *err, int code, const char *fmt, ...) ATT_PRINTF(3, 4);
void att_err_clear(struct att_err *err);

/* The program name for messages ("attache", "attache-index"). */
extern const char *att_progname;

#endif
