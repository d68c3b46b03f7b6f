/* wrap_fuzz.c: the line wrapper of the article pane (tui/draw.c).
 *
 * The first byte picks the width (1 to 120 columns), the rest is article
 * text, sanitised as the pane does (newlines kept). att_wrap() must give
 * lines in order, inside the text, cut at character boundaries, without
 * a newline, none wider than the width unless it holds one character that
 * is, and together they must keep every visible byte of the text: nothing
 * is lost and nothing overflows the pane. att_clean_cut() must map sorted
 * cuts to sorted offsets inside its result. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistr.h>

#include "fuzz/fuzz.h"
#include "model/text.h"
#include "tui/draw.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	att_draw_init();
	return 0;
}

/* POS is at a character boundary of S[0..N). */
static int
boundary(const char *s, size_t n, size_t pos)
{
	return pos == 0 || pos >= n || ((unsigned char)s[pos] & 0xc0) != 0x80;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	int w = data[0] % 120 + 1;
	struct buf text = BUF_INIT;
	att_sanitize(&text, (const char *)data + 1, size - 1, ATT_SAN_KEEP_NL);
	const char *s = text.data ? text.data : "";
	size_t n = text.len;

	struct att_wline *v = NULL;
	size_t nv = att_wrap(s, n, w, &v);
	char *covered = xcalloc(n + 1, 1);
	size_t last = 0;
	for (size_t i = 0; i < nv; i++) {
		FUZZ_ASSERT(v[i].start <= v[i].end && v[i].end <= n);
		FUZZ_ASSERT(v[i].start >= last);
		FUZZ_ASSERT(boundary(s, n, v[i].start) && boundary(s, n, v[i].end));
		FUZZ_ASSERT(memchr(s + v[i].start, '\n', v[i].end - v[i].start) == NULL);
		int lw = att_text_width(s + v[i].start, v[i].end - v[i].start);
		if (lw > w) {
			ucs4_t cp;
			int k = u8_mbtouc(&cp, (const uint8_t *)s + v[i].start, v[i].end - v[i].start);
			FUZZ_ASSERT((size_t)k == v[i].end - v[i].start);
		}
		memset(covered + v[i].start, 1, v[i].end - v[i].start);
		last = v[i].end;
	}
	for (size_t i = 0; i < n; i++)
		FUZZ_ASSERT(covered[i] || s[i] == ' ' || s[i] == '\n');
	free(covered);
	free(v);

	/* Cuts at every 7th byte of the raw text, as mention offsets would be. */
	size_t raw_n = size - 1, ncuts = raw_n / 7;
	size_t *cuts = xcalloc(ncuts + 1, sizeof *cuts);
	size_t *mapped = xcalloc(ncuts + 1, sizeof *mapped);
	for (size_t i = 0; i < ncuts; i++)
		cuts[i] = (i + 1) * 7;
	size_t len = 0;
	char *clean = att_clean_cut((const char *)data + 1, raw_n, cuts, ncuts, ATT_SAN_KEEP_NL,
				    mapped, &len);
	FUZZ_ASSERT(strlen(clean) == len);
	for (size_t i = 0; i < ncuts; i++) {
		FUZZ_ASSERT(mapped[i] <= len);
		if (i > 0)
			FUZZ_ASSERT(mapped[i] >= mapped[i - 1]);
	}
	free(clean);
	free(cuts);
	free(mapped);
	buf_free(&text);
	return 0;
}
