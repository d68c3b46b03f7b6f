/* text_test.c: folding and the terminal sanitiser. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "model/text.h"

static void
assert_fold(const char *in, const char *want)
{
	size_t n;
	char *got = att_fold(in, strlen(in), &n);
	assert_string_equal(got, want);
	assert_int_equal(n, strlen(want));
	free(got);
}

static void
test_fold(void **state)
{
	(void)state;
	assert_fold("Città", "citta");
	assert_fold("CITTÀ", "citta");
	assert_fold("Šojgu", "sojgu");
	assert_fold("dell’Ucraina", "dell'ucraina");
	assert_fold("Straße", "strasse");
	assert_fold("Erdoğan", "erdogan");
	assert_fold("", "");
	/* Invalid UTF-8 does not stop folding. */
	assert_fold("a\xff" "B", "a\xef\xbf\xbd" "b");
	/* Folded run by run (ASCII, then the rest, remembered per thread):
	 * the same as the whole string, a second time too. */
	for (int i = 0; i < 2; i++) {
		assert_fold("`Quote` e\xcc\x81 \xef\xac\x81ne \xef\xbc\xa1" "B", "'quote' e fine ab");
		assert_fold("\xc3\x88 \xc3\xa8 L\xe2\x80\x99\xc3\x89" "T\xc3\x89", "e e l'ete");
		assert_fold("\xce\xa3\xce\x9f\xce\xa6\xce\x99\xce\x91 x \xce\xb9\xcd\x85", "σοφια x ιι");
	}
}

/* The sanitised form of IN must equal WANT and hold no control byte. */
/* A string literal and its length, NUL bytes included. */
#define L(s) s, sizeof(s) - 1

static void
assert_clean(const char *in, size_t n, unsigned flags, const char *want)
{
	char *got = att_sanitize_dup(in, n, flags);
	if (want)
		assert_string_equal(got, want);
	for (const unsigned char *p = (const unsigned char *)got; *p; p++) {
		if (*p == '\n' && (flags & ATT_SAN_KEEP_NL))
			continue;
		assert_true(*p >= 0x20 && *p != 0x7f);
	}
	assert_true(att_utf8_valid(got, strlen(got)) || *got == '\0');
	free(got);
}

static void
test_sanitize_plain(void **state)
{
	(void)state;
	assert_clean(L("Mosca e Minsk"), 0, "Mosca e Minsk");
	assert_clean(L("città 東京"), 0, "città 東京");
	assert_clean(L("a\tb"), 0, "a b");
	assert_clean(L("a\nb"), ATT_SAN_KEEP_NL, "a\nb");
}

static void
test_sanitize_escapes(void **state)
{
	(void)state;
	/* CSI, OSC title (BEL and ST), OSC 52, DCS, APC: one placeholder each. */
	assert_clean(L("x\x1b[2Jy"), 0, "x\xe2\x90\x9by");
	assert_clean(L("x\x1b]0;pwned\x07y"), 0, "x\xe2\x90\x9by");
	assert_clean(L("x\x1b]2;pwned\x1b\\y"), 0, "x\xe2\x90\x9by");
	assert_clean(L("\x1b]52;c;aGVsbG8=\x07ok"), 0, "\xe2\x90\x9bok");
	assert_clean(L("\x1bPq#0;2;0;0;0\x1b\\ok"), 0, "\xe2\x90\x9bok");
	assert_clean(L("\x1b_apc\x1b\\ok"), 0, "\xe2\x90\x9bok");
	/* An unterminated OSC ends at the line end, so the text survives. */
	assert_clean(L("\x1b]0;title\nnext"), ATT_SAN_KEEP_NL, "\xe2\x90\x9b\nnext");
	/* C1 CSI as a raw byte and as UTF-8 C2 9B. */
	assert_clean(L("a\x9b" "31mb"), 0, "a\xe2\x90\x9b" "b");
	assert_clean(L("a\xc2\x9b" "31mb"), 0, "a\xe2\x90\x9b" "b");
}

static void
test_sanitize_controls(void **state)
{
	(void)state;
	/* BEL BS CR VT FF DEL and NUL become control pictures. */
	const char in[] = {'a', 7, 8, 13, 11, 12, 0x7f, 0, 'z'};
	assert_clean(in, sizeof in, 0,
		     "a\xe2\x90\x87\xe2\x90\x88\xe2\x90\x8d\xe2\x90\x8b\xe2\x90\x8c\xe2\x90\xa1\xe2\x90\x80z");
	assert_clean(in, sizeof in, ATT_SAN_ASCII, "a^G^H^M^K^L^?^@z");
}

static void
test_sanitize_invisible(void **state)
{
	(void)state;
	/* RLO, LRI, ZWSP, ZWJ, U+2028, BOM: visible replacement characters. */
	assert_clean(L("a\xe2\x80\xae" "b"), 0, "a\xef\xbf\xbd" "b");
	assert_clean(L("a\xe2\x81\xa6" "b"), 0, "a\xef\xbf\xbd" "b");
	assert_clean(L("a\xe2\x80\x8b" "b"), 0, "a\xef\xbf\xbd" "b");
	assert_clean(L("a\xe2\x80\xa8" "b"), 0, "a\xef\xbf\xbd" "b");
	assert_clean(L("\xef\xbb\xbf" "b"), 0, "\xef\xbf\xbd" "b");
}

static void
test_sanitize_invalid_utf8(void **state)
{
	(void)state;
	assert_clean(L("\xc0\xaf"), 0, "\xef\xbf\xbd\xef\xbf\xbd");         /* overlong */
	assert_clean(L("\xed\xa0\x80"), 0, NULL);                            /* surrogate */
	assert_clean(L("\xf4\x90\x80\x80"), 0, NULL);                        /* > U+10FFFF */
	assert_clean(L("ab\xe2\x82"), 0, "ab\xef\xbf\xbd\xef\xbf\xbd");       /* cut short */
}

static void
test_sanitize_combining_flood(void **state)
{
	(void)state;
	struct buf in = BUF_INIT;
	buf_addc(&in, 'e');
	for (int i = 0; i < 1000; i++)
		buf_add(&in, "\xcc\x81", 2); /* U+0301 */
	char *got = att_sanitize_dup(in.data, in.len, 0);
	assert_int_equal(strlen(got), 1 + 16 * 2);
	free(got);
	buf_free(&in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_sanitize_plain),
		cmocka_unit_test(test_sanitize_escapes),
		cmocka_unit_test(test_sanitize_controls),
		cmocka_unit_test(test_sanitize_invisible),
		cmocka_unit_test(test_sanitize_invalid_utf8),
		cmocka_unit_test(test_sanitize_combining_flood),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
