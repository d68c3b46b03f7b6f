/* sanitize_fuzz.c: the terminal sanitiser, att_sanitize().
 *
 * The first byte picks the flags, the rest is the text. Whatever the text,
 * the output must be valid UTF-8 with no NUL; no C0 control but the LF and
 * TAB the flags keep, no DEL, no C1 control, no ESC; no bidi control,
 * zero-width or other invisible format character; no run of more than 16
 * combining marks; plain ASCII under ATT_SAN_ASCII; at most 3 bytes out
 * per byte in; sanitising twice changes nothing; and unless the input holds
 * something that starts an escape sequence (ESC, a raw 0x9B, an encoded
 * C1), no letter or digit is lost. */
#include "config.h"

#include <string.h>
#include <unictype.h>

#include "fuzz/fuzz.h"
#include "model/text.h"
#include "model/util.h"

/* 1 for code points that must never reach a terminal as themselves. */
static int
forbidden(uint32_t c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
	       (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) ||
	       (c >= 0x2060 && c <= 0x2069) || c == 0xfeff || c == 0x061c ||
	       (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xd800 && c <= 0xdfff) ||
	       (c & 0xfffe) == 0xfffe;
}

static void
check_output(const struct buf *out, size_t inlen, unsigned flags)
{
	const unsigned char *s = (const unsigned char *)out->data;
	size_t i = 0;
	int marks = 0;

	FUZZ_ASSERT(out->len <= 3 * inlen);
	while (i < out->len) {
		uint32_t c;
		size_t k = att_utf8_seq(s + i, out->len - i, &c);
		FUZZ_ASSERT(k > 0); /* valid UTF-8 */
		if (flags & ATT_SAN_ASCII)
			FUZZ_ASSERT(c < 0x80);
		if (c == '\n')
			FUZZ_ASSERT(flags & ATT_SAN_KEEP_NL);
		else if (c == '\t')
			FUZZ_ASSERT(flags & ATT_SAN_KEEP_TAB);
		else
			FUZZ_ASSERT(!forbidden(c));
		if (uc_is_general_category(c, UC_CATEGORY_M))
			FUZZ_ASSERT(++marks <= 16);
		else
			marks = 0;
		i += k;
	}
}

/* ASCII letters and digits in S[0..N). */
static size_t
alnums(const unsigned char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += (s[i] >= '0' && s[i] <= '9') || ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z');
	return k;
}

/* 1 when S[0..N) holds what may start an escape sequence, whose
 * parameters the sanitiser drops. */
static int
has_introducer(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == 0x1b || s[i] == 0x9b || (s[i] == 0xc2 && i + 1 < n && s[i + 1] >= 0x80 &&
						     s[i + 1] <= 0x9f))
			return 1;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	unsigned flags = data[0] & (ATT_SAN_ASCII | ATT_SAN_KEEP_NL | ATT_SAN_KEEP_TAB);
	const char *text = (const char *)data + 1;
	size_t n = size - 1;

	struct buf out = BUF_INIT;
	att_sanitize(&out, text, n, flags);
	check_output(&out, n, flags);
	if (!has_introducer(data + 1, n))
		FUZZ_ASSERT(alnums((const unsigned char *)out.data, out.len) >= alnums(data + 1, n));

	/* Appending must not disturb what is already in the buffer. */
	struct buf again = BUF_INIT;
	buf_adds(&again, "x");
	att_sanitize(&again, out.data ? out.data : "", out.len, flags);
	FUZZ_ASSERT(again.len == out.len + 1);
	FUZZ_ASSERT(again.data[0] == 'x');
	/* Already safe text passes unchanged. */
	FUZZ_ASSERT(out.len == 0 || memcmp(again.data + 1, out.data, out.len) == 0);

	char *dup = att_sanitize_dup(text, n, flags);
	FUZZ_ASSERT(strlen(dup) == out.len);
	FUZZ_ASSERT(out.len == 0 || memcmp(dup, out.data, out.len) == 0);
	free(dup);
	buf_free(&again);
	buf_free(&out);
	return 0;
}
