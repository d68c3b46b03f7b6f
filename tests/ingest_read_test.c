/* ingest_read_test.c: the readers of attache-index on small texts written
 * here: titles, dates, sources, boilerplate, encodings, JSON Lines, bad
 * files, language; the progress line. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/ingest.h"
#include "ingest/progress.h"
#include "ingest/read.h"
#include "model/json.h"

static char tmpdir[] = "/tmp/attache-read-test.XXXXXX";

/* ------------------------------------------------------------------ helpers */

static struct att_doc
clean(const char *text)
{
	struct att_doc d = {0};
	text_to_doc(text, strlen(text), TEXT_FIND_TITLE | TEXT_FIND_DATE | TEXT_FIND_SOURCE, &d);
	return d;
}

/* What read_input emitted, and the warnings. */
struct got {
	struct att_doc docs[16];
	size_t n;
	char warnings[4096];
};

static int
collect(void *arg, struct att_doc *doc)
{
	struct got *g = arg;
	assert_true(g->n < 16);
	g->docs[g->n++] = *doc;
	return 0;
}

static void
collect_warn(void *arg, const char *fmt, ...)
{
	struct got *g = arg;
	va_list ap;
	size_t l = strlen(g->warnings);
	va_start(ap, fmt);
	vsnprintf(g->warnings + l, sizeof g->warnings - l, fmt, ap);
	va_end(ap);
	l = strlen(g->warnings);
	if (l + 1 < sizeof g->warnings)
		strcat(g->warnings, "\n");
}

static char *
write_file(const char *name, const char *data, size_t n)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	fclose(fp);
	return path;
}

static void
read_path(const char *path, struct got *g, struct read_stats *rs)
{
	struct att_err err;
	memset(g, 0, sizeof *g);
	memset(rs, 0, sizeof *rs);
	assert_int_equal(read_input(path, collect, collect_warn, g, rs, &err), 0);
}

static void
free_got(struct got *g)
{
	for (size_t i = 0; i < g->n; i++)
		att_doc_free(&g->docs[i]);
}

/* ------------------------------------------------------------------ titles */

static void
test_title_first_line(void **state)
{
	struct att_doc d = clean("Mosca e Minsk firmano un accordo\n\nLa Russia e la Bielorussia hanno firmato.\n");
	assert_string_equal(d.title, "Mosca e Minsk firmano un accordo");
	assert_string_equal(d.body, "La Russia e la Bielorussia hanno firmato.");
	assert_int_equal(d.body_len, strlen(d.body));
	att_doc_free(&d);
}

static void
test_title_repeated(void **state)
{
	struct att_doc d = clean("Contenuto Pubblicitario\nUn titolo ripetuto\n\nUn titolo ripetuto\n\n"
				 "Il testo comincia qui. E continua.\n");
	assert_string_equal(d.title, "Un titolo ripetuto");
	assert_string_equal(d.body, "Il testo comincia qui. E continua.");
	/* Nothing is lost: the original keeps it all. */
	assert_non_null(d.original);
	assert_non_null(strstr(d.original, "Contenuto Pubblicitario"));
	att_doc_free(&d);
}

static void
test_no_title(void **state)
{
	const char *text =
		"Il generale Khalifa Haftar, comandante capo dell'Esercito nazionale libico, ha visitato Mosca, "
		"dove ha avuto un lungo colloquio con il ministro della Difesa russo, nel corso del quale sono "
		"state analizzate la situazione attuale e le prospettive. Un altro periodo segue qui.\n"
		"Un secondo paragrafo.\n";
	struct att_doc d = clean(text);
	/* A title from the first sentence, cut at a word with an ellipsis. */
	assert_true(strncmp(d.title, "Il generale Khalifa Haftar,", 27) == 0);
	assert_non_null(strstr(d.title, "\xe2\x80\xa6"));
	assert_true(strlen(d.title) < 130);
	assert_true(strncmp(d.body, "Il generale Khalifa Haftar", 26) == 0);
	assert_non_null(strstr(d.body, "Un secondo paragrafo."));
	att_doc_free(&d);
}

static void
test_short_sentence_title(void **state)
{
	struct att_doc d = clean("La Russia ha firmato un accordo con la Cina.\n");
	/* A lone line is the body; the title comes from it, without the stop. */
	assert_string_equal(d.title, "La Russia ha firmato un accordo con la Cina");
	assert_string_equal(d.body, "La Russia ha firmato un accordo con la Cina.");
	att_doc_free(&d);
}

/* ------------------------------------------------------------------ dates */

static void
test_date_marker(void **state)
{
	struct att_doc d = clean(" date 2020-10 Il presidente russo Vladimir Putin ha espresso profonda "
				 "preoccupazione per il conflitto nel Nagorno-Karabakh e per la crescente presenza "
				 "di terroristi stranieri negli scontri in una conversazione telefonica.\n\nSecondo.\n");
	assert_string_equal(d.date, "2020-10");
	assert_true(strncmp(d.body, "Il presidente russo", 19) == 0);
	assert_null(strstr(d.body, "date 2020"));
	assert_null(strstr(d.title, "date"));
	att_doc_free(&d);
}

static void
test_dateline(void **state)
{
	struct att_doc d = clean(" date 2023-11 Roma, 22 nov. (askanews) \xe2\x80\x93 Mosca vuole un sistema "
				 "antimissile congiunto per la Csto, l'alleanza militare con altri cinque Paesi "
				 "dell'ex Urss, ora in crisi.\n\nAltro testo.\n");
	/* The marker gives the year and month, the dateline the day. */
	assert_string_equal(d.date, "2023-11-22");
	assert_string_equal(d.source, "askanews");
	/* The title starts after the dateline. */
	assert_true(strncmp(d.title, "Mosca vuole", 11) == 0);
	att_doc_free(&d);

	/* A dateline of another month does not change the marker's date. */
	d = clean(" date 2023-12 Roma, 22 nov. (askanews) \xe2\x80\x93 Mosca vuole un sistema "
		  "antimissile congiunto per la Csto, ora in crisi.\n\nAltro testo.\n");
	assert_string_equal(d.date, "2023-12");
	att_doc_free(&d);
	/* Nor does an impossible day. */
	d = clean(" date 2023-11 Roma, 31 nov. (askanews) \xe2\x80\x93 Mosca vuole un sistema "
		  "antimissile congiunto per la Csto, ora in crisi.\n\nAltro testo.\n");
	assert_string_equal(d.date, "2023-11");
	att_doc_free(&d);
}

static void
test_date_in_text(void **state)
{
	struct att_doc d = clean("Un titolo\n\n20 Dicembre 2022 0 Di Pierfrancesco Maresca\n\nIl testo.\n\nAltro.\n");
	assert_string_equal(d.date, "2022-12-20");
	/* The dated by-line is not body, and the author is not the source. */
	assert_null(strstr(d.body, "Maresca"));
	assert_null(d.source);
	att_doc_free(&d);

	d = clean("Un titolo\n\n20/12/2022\n\nIl testo.\n\nAltro.\n");
	assert_string_equal(d.date, "2022-12-20");
	att_doc_free(&d);
}

static void
test_parse_date(void **state)
{
	char out[11];
	assert_int_equal(parse_date("2022-12-20T10:00:00Z", 20, out), 20);
	assert_string_equal(out, "2022-12-20");
	assert_true(parse_date("20 DICEMBRE 2022", 16, out) > 0);
	assert_string_equal(out, "2022-12-20");
	assert_true(parse_date("December 20, 2022", 17, out) > 0);
	assert_string_equal(out, "2022-12-20");
	assert_true(parse_date("2022-12", 7, out) > 0);
	assert_string_equal(out, "2022-12");
	assert_int_equal(parse_date("2022-13-01", 10, out), 0);
	assert_int_equal(parse_date("31/02/2022", 10, out), 0);
	assert_int_equal(parse_date("20 pippo 2022", 13, out), 0);
}

/* ------------------------------------------------------------------ sources */

static void
test_credit_line(void **state)
{
	struct att_doc d = clean("Un titolo\n\nIl testo dell'articolo.\n\nSecondo paragrafo.\n\nAGI\n\n"
				 "Redazione Radici\n\nLascia un commento\n");
	assert_string_equal(d.source, "AGI");
	assert_string_equal(d.body, "Il testo dell'articolo.\n\nSecondo paragrafo.");
	att_doc_free(&d);

	d = clean("Un titolo\n\nIl testo dell'articolo.\n\nFonte: ANSA\n");
	assert_string_equal(d.source, "ANSA");
	assert_null(strstr(d.body, "Fonte"));
	att_doc_free(&d);
}

/* ------------------------------------------------------------------ boilerplate */

static void
test_boilerplate(void **state)
{
	static const char *const junk[] = {
		"Contenuto Pubblicitario",
		"Banner Istituzionale Italpress 666x82",
		"Pubblicit\xc3\xa0",
		"Lascia un commento",
		"Il tuo indirizzo email non sar\xc3\xa0 pubblicato. I campi obbligatori sono contrassegnati *",
		"I campi obbligatori sono contrassegnati *",
		"CAPTCHA ImageChange Image",
		"Questo sito usa Akismet per ridurre lo spam. Scopri come i tuoi dati vengono elaborati.",
		"Autore foto: Pavel Bednyakov, RIA Novosti, sito ufficiale Cremlino.",
		"\xc2\xa9 CHINE NOUVELLE/SIPA / AGF - Soldati russi in divise",
		"Foto: Ansa",
		"Iscriviti alla nostra newsletter",
		"Redazione Radici",
		"Your email address will not be published. Required fields are marked *",
		"Leave a Reply",
	};
	for (size_t i = 0; i < ATT_ARRAY_LEN(junk); i++) {
		char *text = xasprintf("Un titolo qualsiasi\n\nPrimo paragrafo del testo.\n\n%s\n\n"
				       "Ultimo paragrafo del testo.\n", junk[i]);
		struct att_doc d = clean(text);
		if (strcmp(d.body, "Primo paragrafo del testo.\n\nUltimo paragrafo del testo.") != 0)
			fail_msg("not removed: %s (body: %s)", junk[i], d.body);
		assert_non_null(d.original);
		assert_non_null(strstr(d.original, junk[i]));
		att_doc_free(&d);
		free(text);
	}
}

static void
test_prose_kept(void **state)
{
	/* Lines that start like boilerplate but are prose stay. */
	static const char *const prose[] = {
		"Foto di gruppo a Minsk: i leader dei sei Paesi della Csto si sono ritrovati per la prima volta "
		"dopo la crisi armena, mentre a Mosca il Cremlino preparava il vertice del giorno seguente e "
		"i ministri degli Esteri discutevano la dichiarazione finale.",
		"Pubblicit\xc3\xa0 e propaganda sono state al centro del dibattito alla Duma, dove i deputati hanno "
		"approvato una legge che limita la diffusione di contenuti stranieri.",
		"Share prices fell in Moscow after the announcement.",
	};
	for (size_t i = 0; i < ATT_ARRAY_LEN(prose); i++) {
		char *text = xasprintf("Un titolo qualsiasi\n\nPrimo paragrafo.\n\n%s\n", prose[i]);
		struct att_doc d = clean(text);
		if (strstr(d.body, prose[i]) == NULL)
			fail_msg("prose dropped: %s", prose[i]);
		att_doc_free(&d);
		free(text);
	}
}

static void
test_layout(void **state)
{
	/* CRLF, runs of blank lines, trailing blanks, NBSP runs. */
	struct att_doc d = clean("Titolo\r\n\r\nUno  \r\ndue\xc2\xa0 tre\r\n\r\n\r\n\r\nQuattro\xc2\xa0" "cinque\r\n");
	assert_string_equal(d.title, "Titolo");
	assert_string_equal(d.body, "Uno\ndue tre\n\nQuattro\xc2\xa0" "cinque");
	att_doc_free(&d);
}

/* ------------------------------------------------------------------ encodings */

static void
test_encodings(void **state)
{
	size_t n;
	const char *how;
	char *s;

	s = decode_text("\xef\xbb\xbf" "Citt\xc3\xa0", 9, &n, &how);
	assert_string_equal(s, "Citt\xc3\xa0");
	assert_null(how);
	free(s);
	s = decode_text("Citt\xe0 \x93" "bella\x94", 13, &n, &how);
	assert_string_equal(s, "Citt\xc3\xa0 \xe2\x80\x9c" "bella\xe2\x80\x9d");
	assert_string_equal(how, "Windows-1252");
	free(s);
	s = decode_text("\xff\xfe" "C\0i\0t\0t\0\xe0\0", 12, &n, &how);
	assert_string_equal(s, "Citt\xc3\xa0");
	assert_string_equal(how, "UTF-16");
	free(s);
	s = decode_text("\xfe\xff\0C\0i", 6, &n, &how);
	assert_string_equal(s, "Ci");
	free(s);
	/* UTF-16 without a byte-order mark, either way round. */
	s = decode_text("C\0i\0t\0t\0\xe0\0 \0", 12, &n, &how);
	assert_string_equal(s, "Citt\xc3\xa0 ");
	assert_string_equal(how, "UTF-16LE without a byte-order mark");
	free(s);
	s = decode_text("\0C\0i\0a\0o", 8, &n, &how);
	assert_string_equal(s, "Ciao");
	assert_string_equal(how, "UTF-16BE without a byte-order mark");
	free(s);
	/* Binary with a few NUL bytes is not taken for UTF-16. */
	assert_int_equal(utf16_guess("\x7f" "ELF\x02\x01\x01\0\0\0\0\0", 12), 0);
	assert_int_equal(utf16_guess("ab", 2), 0);
	assert_true(looks_binary("\x7f" "ELF\x02\x01\x01\0\0\0", 10));
	assert_false(looks_binary("Testo normale.\n", 15));
}

static void
test_files(void **state)
{
	struct got g;
	struct read_stats rs;

	/* A cp1252 file is read, with a warning naming it. */
	char *p = write_file("cp.txt", "Titolo\n\nCitt\xe0 e paese.\n\nAltro.\n", 31);
	read_path(p, &g, &rs);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.docs[0].body, "Citt\xc3\xa0 e paese.\n\nAltro.");
	assert_non_null(strstr(g.warnings, "cp.txt"));
	assert_non_null(strstr(g.warnings, "Windows-1252"));
	free_got(&g);
	free(p);

	/* Binary and empty files are skipped with a warning. */
	p = write_file("bin.txt", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0", 12);
	read_path(p, &g, &rs);
	assert_int_equal(g.n, 0);
	assert_int_equal(rs.skipped, 1);
	assert_int_equal(rs.binary, 1);
	assert_non_null(strstr(g.warnings, "bin.txt: binary file"));
	free(p);
	p = write_file("empty.txt", "", 0);
	read_path(p, &g, &rs);
	assert_int_equal(g.n, 0);
	assert_int_equal(rs.empty, 1);
	free(p);

	/* A directory: sorted by name, hidden files and indexes skipped. */
	char *dir = xasprintf("%s/dir", tmpdir);
	mkdir(dir, 0755);
	free(write_file("dir/b.txt", "Titolo B\n\nTesto B.\n\nAltro.\n", 27));
	free(write_file("dir/a.txt", "Titolo A\n\nTesto A.\n\nAltro.\n", 27));
	free(write_file("dir/.hidden.txt", "Titolo H\n\nTesto H.\n", 19));
	free(write_file("dir/x.idx", "SQLite format 3", 15));
	read_path(dir, &g, &rs);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.docs[0].title, "Titolo A");
	assert_string_equal(g.docs[1].title, "Titolo B");
	assert_true(g.docs[0].seq < g.docs[1].seq);
	free_got(&g);
	free(dir);
}

/* ------------------------------------------------------------------ JSON Lines */

static void
test_jsonl(void **state)
{
	struct got g;
	struct read_stats rs;
	const char *data =
		"{\"title\": \"Mosca e Minsk\", \"text\": \"La Russia e la Bielorussia.\\n\\nContenuto Pubblicitario\\n\\nFine.\","
		" \"date\": \"2022-12-20T10:00:00Z\", \"source\": \"ANSA\", \"url\": \"https://example.org/1\","
		" \"lang\": \"IT\", \"id\": 42, \"extra\": [1, 2]}\n"
		"\n"
		"{\"title\": \"broken\", \"text\": \n"
		"{\"title\": \"no text\"}\n"
		"[1, 2, 3]\n"
		"{\"body\": \"The United States and Russia agreed on a hotline for the military.\"}\n";
	char *p = write_file("a.jsonl", data, strlen(data));
	read_path(p, &g, &rs);
	assert_int_equal(g.n, 2);
	struct att_doc *d = &g.docs[0];
	assert_string_equal(d->title, "Mosca e Minsk");
	assert_string_equal(d->body, "La Russia e la Bielorussia.\n\nFine.");
	assert_string_equal(d->date, "2022-12-20");
	assert_string_equal(d->source, "ANSA");
	assert_string_equal(d->url, "https://example.org/1");
	assert_string_equal(d->lang, "it");
	assert_string_equal(d->ext_id, "42");
	assert_non_null(strstr(d->path, "a.jsonl:1"));
	/* Without a title, one is made from the text. */
	d = &g.docs[1];
	assert_true(strncmp(d->title, "The United States and Russia", 28) == 0);
	assert_non_null(strstr(d->path, "a.jsonl:6"));
	/* Bad lines are named FILE:LINE. */
	assert_non_null(strstr(g.warnings, "a.jsonl:3: not valid JSON"));
	assert_non_null(strstr(g.warnings, "a.jsonl:4: no \"text\""));
	assert_non_null(strstr(g.warnings, "a.jsonl:5: not a JSON object"));
	assert_int_equal(rs.bad_records, 3);
	free_got(&g);
	free(p);
}

/* One record through att_json_parse: field F's value, or NULL; *WHY set
 * and NULL returned when the line is refused. json_each alone
 * (att_json_parse_sqlite) must say the same. */
static char *
json_field(const char *line, int f, const char **why)
{
	struct att_json *j;
	struct att_json_rec rec, sql;
	struct att_err err;
	const char *why_sql = NULL;
	char *v = NULL;

	assert_int_equal(att_json_open(&j, &err), 0);
	*why = NULL;
	int rc = att_json_parse(j, line, strlen(line), &rec, why);
	assert_int_equal(att_json_parse_sqlite(j, line, strlen(line), &sql, &why_sql), rc);
	if (rc == 0) {
		assert_int_equal(rec.len[f], sql.len[f]);
		if (rec.val[f]) {
			v = xstrndup(rec.val[f], rec.len[f]);
			assert_non_null(sql.val[f]);
			assert_memory_equal(rec.val[f], sql.val[f], rec.len[f]);
		} else {
			assert_null(sql.val[f]);
		}
		att_json_rec_free(&rec);
		att_json_rec_free(&sql);
	} else {
		assert_string_equal(*why, why_sql);
	}
	att_json_close(j);
	return v;
}

static void
expect_field(const char *line, int f, const char *want)
{
	const char *why;
	char *v = json_field(line, f, &why);
	if (want == NULL) {
		assert_null(v);
	} else {
		assert_non_null(v);
		assert_string_equal(v, want);
	}
	free(v);
}

static void
expect_refused(const char *line, const char *want)
{
	const char *why;
	char *v = json_field(line, ATT_JSON_TEXT, &why);
	assert_null(v);
	assert_non_null(why);
	assert_string_equal(why, want);
}

/* What a record gives is the same whichever parser reads it: escapes,
 * repeated keys, numbers, nesting, and the lines refused. */
static void
test_json_records(void **state)
{
	(void)state;
	expect_field("{\"text\": \"a\\n\\t\\\"b\\\" \\/ \\\\ \\u00e8\\u4e2d\"}", ATT_JSON_TEXT,
		     "a\n\t\"b\" / \\ \xc3\xa8\xe4\xb8\xad");
	expect_field("{\"text\": \"\\ud83d\\ude00\"}", ATT_JSON_TEXT, "\xf0\x9f\x98\x80");
	expect_field("{\"text\": \"x\\u0000y\"}", ATT_JSON_TEXT, "x\xef\xbf\xbdy");
	expect_field("{\"text\": null, \"text\": \"second\"}", ATT_JSON_TEXT, "second");
	expect_field("{\"text\": \"first\", \"text\": \"second\"}", ATT_JSON_TEXT, "first");
	expect_field("{\"text\": \"a\", \"id\": 1e3}", ATT_JSON_ID, "1000.0");
	expect_field("{\"text\": \"a\", \"id\": 42}", ATT_JSON_ID, "42");
	expect_field("{\"text\": \"a\", \"title\": [\"x\"], \"x\": {\"title\": \"no\"}}", ATT_JSON_TITLE, NULL);
	expect_field("\t {\"x\": [1, -0.5e+3, true, false, null, {}], \"text\": \"a\"} \r", ATT_JSON_TEXT, "a");
	expect_refused("{\"text\": \"a\",}", "not valid JSON");
	expect_refused("{\"text\": \"a\"} x", "not valid JSON");
	expect_refused("{\"text\": \"a\", \"x\": 01}", "not valid JSON");
	expect_refused("{\"text\": \"a\\x\"}", "not valid JSON");
	expect_refused("{\"text\": \"a\tb\"}", "not valid JSON");
	expect_refused("[1, 2]", "not a JSON object");
}

/* ------------------------------------------------------------------ language */

static void
test_lang(void **state)
{
	const char *it = "Il presidente russo ha detto che la guerra non \xc3\xa8 finita e che per la pace "
			 "sono necessari nuovi accordi della comunit\xc3\xa0 internazionale.";
	const char *en = "The president said that the war is not over and that new agreements with the "
			 "international community are needed for the peace to hold.";
	assert_string_equal(detect_lang(it, strlen(it)), "it");
	assert_string_equal(detect_lang(en, strlen(en)), "en");
	assert_null(detect_lang("Putin Lukashenko Minsk", 22));
	assert_null(detect_lang("", 0));
}

/* ------------------------------------------------------------------ progress */

/* The progress line for BYTES of TOTAL read in ELAPSED seconds (the clock
 * set back, so that the test needs no waiting). */
static char *
progress_line(uint64_t bytes, uint64_t total, double elapsed)
{
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);
	struct progress p;
	assert_non_null(fp);
	progress_init(&p, fp);
	p.total = total;
	p.start -= elapsed;
	progress_update(&p, 3, 7, bytes, 1);
	fclose(fp);
	return s;
}

static void
test_progress(void **state)
{
	(void)state;
	/* 10 MB of 40 in 5 s: 2 MB/s, 15 s left. */
	char *s = progress_line(10000000, 40000000, 5);
	assert_string_equal(s, "\r3 files, 7 articles, 10.0 MB, 2.0 MB/s, 25%, ETA 0:15\033[K");
	free(s);
	/* Minutes. */
	s = progress_line(1000000, 100000000, 10);
	assert_string_equal(s, "\r3 files, 7 articles, 1.0 MB, 0.1 MB/s, 1%, ETA 16:30\033[K");
	free(s);
	/* The total unknown (standard input): no percentage, no ETA. */
	s = progress_line(1000000, 0, 10);
	assert_string_equal(s, "\r3 files, 7 articles, 1.0 MB, 0.1 MB/s\033[K");
	free(s);
	/* No stream (not a terminal, or -q): nothing, and clearing is a no-op. */
	struct progress p;
	progress_init(&p, NULL);
	progress_update(&p, 1, 1, 1, 1);
	progress_clear(&p);
	assert_int_equal(p.shown, 0);
}

static int
setup(void **state)
{
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_title_first_line),
		cmocka_unit_test(test_title_repeated),
		cmocka_unit_test(test_no_title),
		cmocka_unit_test(test_short_sentence_title),
		cmocka_unit_test(test_date_marker),
		cmocka_unit_test(test_dateline),
		cmocka_unit_test(test_date_in_text),
		cmocka_unit_test(test_parse_date),
		cmocka_unit_test(test_credit_line),
		cmocka_unit_test(test_boilerplate),
		cmocka_unit_test(test_prose_kept),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_jsonl),
		cmocka_unit_test(test_json_records),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_lang),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
