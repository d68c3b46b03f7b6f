/* text.h: text helpers shared by the indexer and the browser: UTF-8
 * validation, folding for matching, and the one sanitiser that stands
 * between any text from an index or an input file and a terminal. */
#ifndef ATTACHE_TEXT_H
#define ATTACHE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "model/util.h"

/* Length in bytes of the valid UTF-8 sequence at S (at most N bytes), or 0
 * when it is invalid (overlong, surrogate, past U+10FFFF, cut short). */
size_t att_utf8_seq(const unsigned char *s, size_t n, uint32_t *cp);

/* 1 when S[0..N) is valid UTF-8 without NUL bytes. */
int att_utf8_valid(const char *s, size_t n);

/* Folds text for matching and lookups: compatibility decomposition, case
 * folding, combining marks removed, typographic apostrophes made ASCII.
 * "Città" and "CITTA" fold alike. Invalid UTF-8 bytes become U+FFFD.
 * Returns a NUL-terminated string owned by the caller. */
char *att_fold(const char *s, size_t n, size_t *outlen);
/* The fold of an ASCII character as att_fold gives it: lower case, and
 * '`' made '\''. */
static inline char
att_fold_ascii(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c == '`' ? '\'' : (char)c;
}

/* Sanitising flags. */
enum {
	ATT_SAN_ASCII = 1 << 0,   /* placeholders in ASCII, for terminals without Unicode */
	ATT_SAN_KEEP_NL = 1 << 1, /* keep LF (text that will be wrapped) */
	ATT_SAN_KEEP_TAB = 1 << 2 /* keep TAB (the caller expands it) */
};

/* Appends to OUT a copy of S[0..N) that is safe to print on a terminal:
 * C0 and C1 controls, DEL, escape sequences, bidi controls, zero-width and
 * other invisible format characters, line and paragraph separators, BOMs,
 * noncharacters and invalid UTF-8 become visible placeholders; runs of
 * more than 16 combining marks are cut to 16. The result is valid UTF-8
 * and holds no byte below 0x20 except those FLAGS keep.
 * An ESC that starts a CSI, OSC, DCS, APC, PM or SOS sequence is shown as
 * one placeholder and the whole sequence is dropped, so that terminal
 * commands never reach the screen even as visible text noise. */
void att_sanitize(struct buf *out, const char *s, size_t n, unsigned flags);

/* Convenience: a sanitised, NUL-terminated copy owned by the caller. */
char *att_sanitize_dup(const char *s, size_t n, unsigned flags);

#endif
