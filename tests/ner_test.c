/* ner_test.c: the recogniser on small texts, with a small gazetteer and
 * lexicon written by the test itself: longest match, elisions, case
 * rules, accents, fuzzy names, transliterations, persons from titles,
 * surnames, sentences, tone, and errors in gazetteer files. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "ingest/ingest.h"
#include "ingest/sentence.h"

static char tmpdir[] = "/tmp/attache-ner-test.XXXXXX";
static struct recogniser *rec;

static void
write_file(const char *rel, const char *text)
{
	char *path = xasprintf("%s/%s", tmpdir, rel);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	free(path);
}

static const char countries_tsv[] =
	"# test gazetteer\n"
	"country\tRU\tRussia\tRussia|Federazione Russa|russo|russa|russi|russe|Mosca|Cremlino\n"
	"country\tBY\tBelarus\tBielorussia|Russia Bianca|bielorusso|bielorussa|Minsk\n"
	"country\tUA\tUkraine\tUcraina|ucraino|ucraina|Kiev\n"
	"country\tUS\tUnited States\tStati Uniti|Usa|=U.S.|americano|americani\n"
	"country\tAZ\tAzerbaijan\tAzerbaigian|azero|azera|Baku\n"
	"country\tAM\tArmenia\tarmeno|armena|Erevan\n"
	"country\tNE\tNiger\t\n"
	"country\tNG\tNigeria\tnigeriano\n"
	"country\tML\tMali\tmaliano\n"
	"country\tIT\tItaly\tItalia|italiano|Roma\n"
	"country\tTJ\tTajikistan\tTagikistan|tagiko\n";
static const char orgs[] =
	"org\t\tUnited Nations\tNazioni Unite|=ONU|=UN\n"
	"org\tRU\tMinistry of Defence of Russia\tministero della Difesa russo\n"
	"org\tIT\tLa Repubblica\tla Repubblica\n";
static const char persons[] =
	"person\tRU\tSergei Shoigu\tSergei Shoigu|Shoigu\n"
	"person\tRU\tVladimir Putin\tVladimir Putin|Putin\n"
	"person\tTJ\tEmomali Rahmon\tEmomali Rahmon\n";
static const char places[] =
	"place\tAZ\tNagorno-Karabakh\tNagorno-Karabakh|Nagorno Karabakh|Karabakh\n"
	"place\tRU\tMoscow\tMosca\n"
	"place\tIT\tCittà di Castello\tCittà di Castello\n"
	"place\tRU\tSaint Petersburg\tSan Pietroburgo\n";
static const char tone[] =
	"+\t2\taccordo\n"
	"+\t1\tcooperazion*\n"
	"+\t2\tesercitazioni congiunte\n"
	"-\t2\tguerra\n"
	"-\t2\tinvasion*\n"
	"-\t1\taccus*\n";
static const char negation[] = "non\nsenza\nnot\n";
static const char stopnames[] = "Difesa\nGoverno\n";
static const char words[] = "# words that are no names\nkarabash\n";
static const char titles[] =
	"person\til generale\n"
	"person\til portavoce\n"
	"person\til presidente\n"
	"person\til vice ministro della Difesa\n"
	"person\til segretario alla Difesa\n"
	"org\til quotidiano\n"
	"person\til ministro\n"
	"person\til figlio\n"
	"person\ton.\n"
	"person\tgen.\n";

static int
setup(void **state)
{
	struct att_err err = {0};
	assert_non_null(mkdtemp(tmpdir));
	char *d = xasprintf("%s/gazetteer", tmpdir);
	mkdir(d, 0700);
	free(d);
	d = xasprintf("%s/lexicon", tmpdir);
	mkdir(d, 0700);
	free(d);
	write_file("gazetteer/countries.tsv", countries_tsv);
	write_file("gazetteer/orgs.tsv", orgs);
	write_file("gazetteer/persons.tsv", persons);
	write_file("gazetteer/places.tsv", places);
	write_file("lexicon/tone.tsv", tone);
	write_file("lexicon/negation.tsv", negation);
	write_file("lexicon/stopnames.tsv", stopnames);
	write_file("lexicon/words.tsv", words);
	write_file("lexicon/titles.tsv", titles);
	rec = recogniser_new(tmpdir, NULL, 0, &err);
	if (rec == NULL)
		fail_msg("recogniser_new: %s", err.msg);
	(void)state;
	return 0;
}

static int
teardown(void **state)
{
	recogniser_free(rec);
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", tmpdir);
	free(cmd);
	(void)state;
	return 0;
}

/* Runs the recogniser on BODY; returns "surface=key;..." for the mentions. */
static char *
run(const char *body, struct att_doc_ann *ann)
{
	struct att_doc doc = {0};
	struct buf b = BUF_INIT;
	doc.path = (char *)"test";
	doc.title = (char *)"";
	doc.body = (char *)body;
	doc.body_len = strlen(body);
	recognise(rec, &doc, ann);
	buf_adds(&b, "");
	for (size_t i = 0; i < ann->nmentions; i++) {
		const struct att_mention *m = &ann->mentions[i];
		buf_printf(&b, "%.*s=%s;", (int)m->len, body + m->pos, m->ent.key);
	}
	return buf_steal(&b);
}

static void
ann_free(struct att_doc_ann *ann)
{
	free(ann->mentions);
	free(ann->sentences);
	ann->free_storage(ann->storage);
}

/* The mentions of BODY, as "surface=key;" pairs. */
static char *
mentions(const char *body)
{
	struct att_doc_ann ann;
	char *s = run(body, &ann);
	ann_free(&ann);
	return s;
}

#define assert_mentions(body, want)                  \
	do {                                         \
		char *got_ = mentions(body);         \
		assert_string_equal(got_, want);     \
		free(got_);                          \
	} while (0)

static void
test_longest_match(void **state)
{
	(void)state;
	assert_mentions("La Russia Bianca e la Federazione Russa.",
			"Russia Bianca=country:BY:Belarus;Federazione Russa=country:RU:Russia;");
	assert_mentions("Scontri nel Nagorno-Karabakh e nel Nagorno Karabakh, poi Karabakh.",
			"Nagorno-Karabakh=place:AZ:Nagorno-Karabakh;Nagorno Karabakh=place:AZ:Nagorno-Karabakh;"
			"Karabakh=place:AZ:Nagorno-Karabakh;");
	assert_mentions("Niger e Nigeria.", "Niger=country:NE:Niger;Nigeria=country:NG:Nigeria;");
}

static void
test_elision(void **state)
{
	(void)state;
	assert_mentions("Il sostegno dell'Ucraina e all\xe2\x80\x99Ucraina, l'Italia.",
			"Ucraina=country:UA:Ukraine;Ucraina=country:UA:Ukraine;Italia=country:IT:Italy;");
}

static void
test_case_rules(void **state)
{
	(void)state;
	/* "=UN": exact case only; "Un" at the start of a sentence is an article. */
	assert_mentions("Un accordo. L'UN e l'ONU.", "UN=org::United Nations;ONU=org::United Nations;");
	/* "Usa": uppercase first letter; the verb "usa" is not the USA. */
	assert_mentions("Gli Usa e gli USA. Lui usa la forza.",
			"Usa=country:US:United States;USA=country:US:United States;");
	/* "Mali" (canonical) needs a capital; "mali" is a noun. */
	assert_mentions("I mali del Mali.", "Mali=country:ML:Mali;");
	/* Lowercase demonyms match in any case. */
	assert_mentions("RUSSI e Russe.", "RUSSI=country:RU:Russia;Russe=country:RU:Russia;");
	/* Mixed case: the first capitalised word must be capitalised. */
	assert_mentions("Lo scrive la Repubblica, non la repubblica islamica.", "la Repubblica=org:IT:La Repubblica;");
	/* "=U.S." with its periods. */
	assert_mentions("The U.S. army.", "U.S.=country:US:United States;");
}

static void
test_accents(void **state)
{
	(void)state;
	assert_mentions("A CITTA DI CASTELLO e a Citta di Castello.",
			"CITTA DI CASTELLO=place:IT:Città di Castello;Citta di Castello=place:IT:Città di Castello;");
}

static void
test_capital_is_country(void **state)
{
	(void)state;
	/* Mosca is both a country alias and a place: one mention, the country. */
	assert_mentions("Mosca ha risposto.", "Mosca=country:RU:Russia;");
	assert_mentions("A San Pietroburgo.", "San Pietroburgo=place:RU:Saint Petersburg;");
}

static void
test_fuzzy(void **state)
{
	(void)state;
	/* One edit from a long name with the same first letter. */
	assert_mentions("L'Azerbagian e la Bielorussa.",
			"Azerbagian=country:AZ:Azerbaijan;Bielorussa=country:BY:Belarus;");
	/* Transposition. */
	assert_mentions("In Azerbaigain.", "Azerbaigain=country:AZ:Azerbaijan;");
	/* A huge capitalised token is no name, and costs no more than its length. */
	size_t big = 1 << 20;
	char *huge = xmalloc(big + 1);
	memset(huge, 'a', big);
	huge[0] = 'A';
	huge[big] = '\0';
	assert_mentions(huge, "");
	free(huge);
	/* Not: lowercase, two edits, short names, another first letter. */
	assert_mentions("azerbagian, Azrbagian, Russiaa, Ezerbaigian.", "");
	/* Not: another last letter (an ending: Azerbaigiano), or one edit
	 * from a lowercase alias, a word (bielorusso). */
	assert_mentions("Azerbaigiano, Azerbaigians, Bielorusco.", "");
	/* Not a word of words.tsv, one edit from a name as the misspelling is. */
	assert_mentions("Karabagh e Karabash.", "Karabagh=place:AZ:Nagorno-Karabakh;");
}

static void
test_transliteration(void **state)
{
	(void)state;
	assert_mentions("Serghej Shojgu e Sergey Shoygu.",
			"Serghej Shojgu=person:RU:Sergei Shoigu;Sergey Shoygu=person:RU:Sergei Shoigu;");
	/* A surname alone in another transliteration; other vowels are another name. */
	assert_mentions("Shojgu ha parlato con Poutin.", "Shojgu=person:RU:Sergei Shoigu;");
	/* Word order swapped, kh for h. */
	assert_mentions("Rakhmon Emomali.", "Rakhmon Emomali=person:TJ:Emomali Rahmon;");
}

static void
test_context_persons(void **state)
{
	(void)state;
	assert_mentions("Come ha spiegato il portavoce di Putin, Ahmed al Mismari, tutto va bene.",
			"Putin=person:RU:Vladimir Putin;Ahmed al Mismari=person::ahmed mismari;");
	assert_mentions("Il vice ministro della Difesa della Russia, Yunus-Bek Evkurov, e poi Evkurov.",
			"Russia=country:RU:Russia;Yunus-Bek Evkurov=person::iunus bek evkurov;"
			"Evkurov=person::iunus bek evkurov;");
	/* The country of the title. */
	struct att_doc_ann ann;
	char *s = run("Parla il presidente del Tagikistan, Rakhmat Olimov.", &ann);
	assert_string_equal(s, "Tagikistan=country:TJ:Tajikistan;Rakhmat Olimov=person::rahmat olimov;");
	assert_non_null(ann.mentions[1].ent.country);
	assert_string_equal(ann.mentions[1].ent.country, "TJ");
	free(s);
	ann_free(&ann);
	/* The rest of a word after an apostrophe stays in the name. */
	assert_mentions("Lo ha detto il portavoce, Bashar al-Ja\xe2\x80\x99" "afri, ieri.",
			"Bashar al-Ja\xe2\x80\x99" "afri=person::bashar ia afri;");
	/* A first name before a known surname joins its mention. */
	assert_mentions("Ieri Vova Putin ha parlato.", "Vova Putin=person:RU:Vladimir Putin;");
	/* A known person after the title holds it: no other name is sought. */
	assert_mentions("Il presidente russo Putin Vasja ha parlato.",
			"russo=country:RU:Russia;Putin=person:RU:Vladimir Putin;");
	/* A role complement before the name. */
	assert_mentions("Con il ministro delle Infrastrutture Oleksandr Kubrakov.",
			"Oleksandr Kubrakov=person::oleksandr kubrakov;");
	assert_mentions("Con il ministro delle Infrastrutture, Oleksandr Kubrakov.",
			"Oleksandr Kubrakov=person::oleksandr kubrakov;");
	assert_mentions("Con il figlio di Mario Rossi.", "Mario Rossi=person::mario rosi;");
	/* A cue written with its period needs it: "on" is an English word. */
	assert_mentions("They met on South Lawn. Parla il gen. Carlo Bruni.", "Carlo Bruni=person::karlo bruni;");
	/* Cues for organisations too. */
	assert_mentions("Lo scrive il quotidiano ucraino Pravdina.",
			"ucraino=country:UA:Ukraine;Pravdina=org::pravdina;");
	/* A stop name ends the name; no title, no person. */
	assert_mentions("Il generale Ivan Governo ieri.", "Ivan=person::ivan;");
	/* Variants of one unknown name are one person. */
	assert_mentions("Il generale Ahmed al-Mismari e il portavoce Akhmed Mismari.",
			"Ahmed al-Mismari=person::ahmed mismari;Akhmed Mismari=person::ahmed mismari;");
	assert_mentions("Mario Rossi parla. Il generale, poi. Carlo Verdi.", "");
}

static void
test_surnames(void **state)
{
	(void)state;
	/* A surname refers to the full name in the same article, even if
	 * the gazetteer does not list it alone. */
	assert_mentions("Emomali Rahmon ha parlato. Rahmon ha detto no.",
			"Emomali Rahmon=person:TJ:Emomali Rahmon;Rahmon=person:TJ:Emomali Rahmon;");
	/* Without the full name, a surname is nothing. */
	assert_mentions("Rahmon ha detto no.", "");
}

static void
test_org_nests_country(void **state)
{
	(void)state;
	/* The same organisation with its country written another way. */
	assert_mentions("Il ministero della Difesa della Russia e il ministero della Difesa di Mosca.",
			"ministero della Difesa della Russia=org:RU:Ministry of Defence of Russia;"
			"Russia=country:RU:Russia;"
			"ministero della Difesa di Mosca=org:RU:Ministry of Defence of Russia;Mosca=country:RU:Russia;");
	/* Not another country's: no such ministry in the gazetteer. */
	assert_mentions("Il ministero della Difesa dell'Italia.", "Italia=country:IT:Italy;");
	assert_mentions("Il ministero della Difesa russo ha detto.",
			"ministero della Difesa russo=org:RU:Ministry of Defence of Russia;russo=country:RU:Russia;");
}

/* The sentences of TEXT joined by "|". */
static char *
sentences(const char *text)
{
	struct spanlist l = {0};
	struct buf b = BUF_INIT;
	split_sentences(text, strlen(text), &l);
	buf_adds(&b, "");
	for (size_t i = 0; i < l.n; i++)
		buf_printf(&b, "%s%.*s", i ? "|" : "", (int)l.v[i].len, text + l.v[i].pos);
	spanlist_free(&l);
	return buf_steal(&b);
}

#define assert_sentences(text, want)                 \
	do {                                         \
		char *got_ = sentences(text);        \
		assert_string_equal(got_, want);     \
		free(got_);                          \
	} while (0)

static void
test_sentences(void **state)
{
	(void)state;
	assert_sentences("Primo. Secondo! Terzo? Quarto\xe2\x80\xa6 Quinto",
			 "Primo.|Secondo!|Terzo?|Quarto\xe2\x80\xa6|Quinto");
	/* Abbreviations, initials, numbers. */
	assert_sentences("Roma, 22 nov. (askanews) Il sig. Rossi e il gen. Bianchi. Mr. Smith met J. Biden.",
			 "Roma, 22 nov. (askanews) Il sig. Rossi e il gen. Bianchi.|Mr. Smith met J. Biden.");
	assert_sentences("The U.S. Army spent 3.5 billion. Then 30.000 more.",
			 "The U.S. Army spent 3.5 billion.|Then 30.000 more.");
	/* Closing quotes stay with their sentence; lowercase does not start one. */
	assert_sentences("Ha detto: \xe2\x80\x9c" "basta.\xe2\x80\x9d Poi e. ancora.",
			 "Ha detto: \xe2\x80\x9c" "basta.\xe2\x80\x9d|Poi e. ancora.");
	/* Paragraph breaks, lines; a line wrapped inside a sentence. */
	assert_sentences("Titolo senza punto\n\nCorpo", "Titolo senza punto|Corpo");
	assert_sentences("Titolo\nCorpo del testo,\n che continua\ne finisce.\nAltro.",
			 "Titolo|Corpo del testo,\n che continua\ne finisce.|Altro.");
}

/* The tone of the first sentence of BODY, and its countries. */
static double
tone_of(const char *body, char *countries, size_t cap)
{
	struct att_doc_ann ann;
	char *s = run(body, &ann);
	free(s);
	assert_true(ann.nsentences >= 1);
	double t = ann.sentences[0].tone;
	countries[0] = '\0';
	for (size_t i = 0; i < ann.sentences[0].ncountries; i++) {
		strncat(countries, ann.sentences[0].countries[i], cap - strlen(countries) - 1);
		strncat(countries, " ", cap - strlen(countries) - 1);
	}
	ann_free(&ann);
	return t;
}

static void
test_tone(void **state)
{
	char c[64];
	(void)state;
	assert_true(tone_of("Mosca e Minsk firmano un accordo di cooperazione militare.", c, sizeof c) > 0);
	assert_string_equal(c, "BY RU ");
	assert_true(tone_of("La guerra della Russia contro l'Ucraina, l'invasione.", c, sizeof c) < 0);
	assert_string_equal(c, "RU UA ");
	/* Prefix cues (accus*), and a negated cue is cancelled. */
	assert_true(tone_of("Mosca accusa Kiev e non vuole un accordo.", c, sizeof c) < 0);
	assert_true(tone_of("Mosca non vuole la guerra.", c, sizeof c) == 0);
	assert_true(tone_of("Russia e Ucraina.", c, sizeof c) == 0);
	/* Both kinds of cue: the balance, within [-1, 1]. */
	double t = tone_of("Russia e Ucraina: esercitazioni congiunte, accordo, ma guerra e invasione e accuse.",
			   c, sizeof c);
	assert_true(t < 0 && t >= -1);
	/* A sentence of fewer than two countries has none: no relation needs it. */
	assert_true(tone_of("Mosca firma un accordo di cooperazione.", c, sizeof c) == 0);
	assert_string_equal(c, "RU ");
	/* Places do not put their country in the sentence. */
	tone_of("A San Pietroburgo e a Roma.", c, sizeof c);
	assert_string_equal(c, "IT ");
}

/* Writes FILE with TEXT and returns recogniser_new's error for it. */
static int
bad_gazetteer(const char *text, struct att_err *err)
{
	write_file("extra.tsv", text);
	char *path = xasprintf("%s/extra.tsv", tmpdir);
	const char *extra[] = {path};
	struct recogniser *r = recogniser_new(tmpdir, extra, 1, err);
	int ok = r != NULL;
	recogniser_free(r);
	free(path);
	return ok ? 0 : err->code;
}

static void
test_gazetteer_errors(void **state)
{
	struct att_err err = {0};
	(void)state;
	assert_int_equal(bad_gazetteer("# ok\n\ncountry\tXX\tX\tx\nfoo\tXX\tY\ty\n", &err), EX_DATAERR);
	assert_non_null(strstr(err.msg, "extra.tsv:4:"));
	assert_non_null(strstr(err.msg, "foo"));
	assert_int_equal(bad_gazetteer("country\tru\tRussia\t\n", &err), EX_DATAERR);
	assert_non_null(strstr(err.msg, "extra.tsv:1:"));
	assert_int_equal(bad_gazetteer("country\tRU\n", &err), EX_DATAERR);
	assert_non_null(strstr(err.msg, "extra.tsv:1:"));
	assert_int_equal(bad_gazetteer("org\t\tA\tb\tc\n", &err), EX_DATAERR);
	assert_int_equal(bad_gazetteer("org\t\tA\t\xff\n", &err), EX_DATAERR);
	assert_non_null(strstr(err.msg, "UTF-8"));
	/* A directory. */
	const char *dir[] = {tmpdir};
	assert_null(recogniser_new(tmpdir, dir, 1, &err));
	assert_int_equal(err.code, EX_NOINPUT);
	assert_non_null(strstr(err.msg, "directory"));
	/* No gazetteers where the data should be. */
	assert_null(recogniser_new("/nonexistent/attache", NULL, 0, &err));
	assert_int_equal(err.code, EX_NOINPUT);
	assert_non_null(strstr(err.msg, "/nonexistent/attache/gazetteer/countries.tsv: "));
	/* A missing extra file. */
	const char *extra[] = {"/nonexistent/attache/gaz.tsv"};
	assert_null(recogniser_new(tmpdir, extra, 1, &err));
	assert_int_equal(err.code, EX_NOINPUT);
	/* A good extra file adds a referent and aliases to a known one. */
	write_file("extra.tsv", "person\tXX\tMario Bianchi\tBianchi\ncountry\tRU\tRussia\tRussland\n");
	char *path = xasprintf("%s/extra.tsv", tmpdir);
	const char *ok[] = {path};
	struct recogniser *r = recogniser_new(tmpdir, ok, 1, &err);
	assert_non_null(r);
	struct att_doc doc = {.path = (char *)"t", .title = (char *)"", .body = (char *)"Russland e Bianchi."};
	doc.body_len = strlen(doc.body);
	struct att_doc_ann ann;
	recognise(r, &doc, &ann);
	assert_int_equal(ann.nmentions, 2);
	assert_string_equal(ann.mentions[0].ent.key, "country:RU:Russia");
	assert_string_equal(ann.mentions[1].ent.key, "person:XX:Mario Bianchi");
	ann_free(&ann);
	recogniser_free(r);
	free(path);
}

static void
collect(void *arg, const char *alias)
{
	buf_printf(arg, "%s|", alias);
}

static void
test_aliases(void **state)
{
	struct buf b = BUF_INIT;
	(void)state;
	buf_adds(&b, "");
	recogniser_aliases(rec, "org::United Nations", collect, &b);
	assert_string_equal(b.data, "United Nations|Nazioni Unite|ONU|UN|");
	buf_clear(&b);
	buf_adds(&b, "");
	recogniser_aliases(rec, "org::Nobody", collect, &b);
	assert_string_equal(b.data, "");
	buf_free(&b);
}

static const char *const thread_texts[] = {
	"Il generale Ivan Petrov e il portavoce di Putin, Ahmed al Mismari, a Mosca.",
	"Serghej Shojgu in Azerbagian; la Russia Bianca e dell'Ucraina. Shojgu torna.",
	"Gli Usa e l'ONU. Esercitazioni congiunte tra Mosca e Minsk, senza guerra.",
};

struct thread_arg {
	char *got[ATT_ARRAY_LEN(thread_texts)];
	int rounds;
};

static void *
thread_main(void *p)
{
	struct thread_arg *ta = p;
	for (int k = 0; k < ta->rounds; k++)
		for (size_t i = 0; i < ATT_ARRAY_LEN(thread_texts); i++) {
			char *m = mentions(thread_texts[i]);
			if (ta->got[i] == NULL) {
				ta->got[i] = m;
			} else {
				if (strcmp(ta->got[i], m) != 0)
					ta->got[i][0] = '!'; /* differs between rounds */
				free(m);
			}
		}
	return NULL;
}

/* Concurrent calls on one recogniser give what a single call gives. */
static void
test_threads(void **state)
{
	enum { NT = 4 };
	pthread_t th[NT];
	struct thread_arg ta[NT];
	(void)state;
	memset(ta, 0, sizeof ta);
	for (int t = 0; t < NT; t++) {
		ta[t].rounds = 50;
		assert_int_equal(pthread_create(&th[t], NULL, thread_main, &ta[t]), 0);
	}
	for (int t = 0; t < NT; t++)
		pthread_join(th[t], NULL);
	for (size_t i = 0; i < ATT_ARRAY_LEN(thread_texts); i++) {
		char *want = mentions(thread_texts[i]);
		assert_true(strlen(want) > 0);
		for (int t = 0; t < NT; t++) {
			assert_string_equal(ta[t].got[i], want);
			free(ta[t].got[i]);
		}
		free(want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_longest_match),
		cmocka_unit_test(test_elision),
		cmocka_unit_test(test_case_rules),
		cmocka_unit_test(test_accents),
		cmocka_unit_test(test_capital_is_country),
		cmocka_unit_test(test_fuzzy),
		cmocka_unit_test(test_transliteration),
		cmocka_unit_test(test_context_persons),
		cmocka_unit_test(test_surnames),
		cmocka_unit_test(test_org_nests_country),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_tone),
		cmocka_unit_test(test_gazetteer_errors),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_threads),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
