/* gen_gaz.c: the entities and tone cues the generator writes about, read
 * from the project's gazetteers and lexicon, with small built-in lists for
 * parts that are missing. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "bench/gen.h"

const char *const ent_kind_name[ENT_NKINDS] = {"country", "person", "org", "place"};

static const char *const gaz_files[] = {"countries.tsv", "persons.tsv", "orgs.tsv",
					"places.tsv"};

/* Built-in fallbacks, in the gazetteer line format. */
static const char *const builtin_lines[] = {
	"country\tUS\tUnited States\tStati Uniti|USA|America|Washington|statunitense",
	"country\tRU\tRussia\tFederazione Russa|Mosca|Moscow|Cremlino|Kremlin|russo",
	"country\tCN\tChina\tCina|Pechino|Beijing|cinese",
	"country\tUA\tUkraine\tUcraina|Kiev|Kyiv|ucraino",
	"country\tIT\tItaly\tItalia|Roma|Rome|italiano",
	"country\tFR\tFrance\tFrancia|Parigi|Paris|francese",
	"country\tDE\tGermany\tGermania|Berlino|Berlin|tedesco",
	"country\tGB\tUnited Kingdom\tRegno Unito|Londra|London|britannico",
	"country\tIR\tIran\tTeheran|Tehran|iraniano",
	"country\tIL\tIsrael\tIsraele|israeliano",
	"country\tTR\tTurkey\tTurchia|Ankara|turco",
	"country\tSY\tSyria\tSiria|Damasco|Damascus|siriano",
	"country\tIN\tIndia\tNuova Delhi|New Delhi|indiano",
	"country\tJP\tJapan\tGiappone|Tokyo|giapponese",
	"country\tBY\tBelarus\tBielorussia|Minsk|bielorusso",
	"country\tPL\tPoland\tPolonia|Varsavia|Warsaw|polacco",
	"country\tEG\tEgypt\tEgitto|Il Cairo|Cairo|egiziano",
	"country\tSA\tSaudi Arabia\tArabia Saudita|Riad|Riyadh|saudita",
	"country\tKP\tNorth Korea\tCorea del Nord|Pyongyang|nordcoreano",
	"country\tVE\tVenezuela\tCaracas|venezuelano",
	"person\tRU\tVladimir Putin\tPutin|Vladimir Putin",
	"person\tUS\tJoe Biden\tBiden",
	"person\tCN\tXi Jinping\tXi",
	"person\tUA\tVolodymyr Zelensky\tZelensky|Zelenskyy",
	"person\tTR\tRecep Tayyip Erdogan\tErdogan|Erdoğan",
	"person\tFR\tEmmanuel Macron\tMacron",
	"person\tDE\tOlaf Scholz\tScholz",
	"person\tRU\tSergei Lavrov\tLavrov|Serghei Lavrov",
	"person\tIT\tSergio Mattarella\tMattarella",
	"person\t\tAntonio Guterres\tGuterres",
	"org\t\tUnited Nations\tNazioni Unite|ONU|=UN",
	"org\t\tEuropean Union\tUnione europea|=Ue|=EU",
	"org\t\tNATO\tNato|Alleanza atlantica",
	"org\t\tInternational Monetary Fund\tFondo monetario internazionale|=FMI|=IMF",
	"org\t\tWorld Health Organization\tOrganizzazione mondiale della sanità|=OMS|=WHO",
	"org\t\tOPEC\tOpec",
	"org\t\tG20\tG20",
	"org\t\tAfrican Union\tUnione africana",
	"place\tUA\tDonbass\tDonbas",
	"place\tUA\tMariupol\tMariupol",
	"place\tPS\tGaza\tStriscia di Gaza|Gaza Strip",
	"place\tIT\tMilan\tMilano",
	"place\tCH\tGeneva\tGinevra",
	"place\tBE\tBrussels\tBruxelles",
	"place\tAT\tVienna\tVienna",
	"place\tSY\tAleppo\tAleppo",
	"place\t\tBlack Sea\tMar Nero",
	"place\t\tMediterranean\tMediterraneo",
};

static const char *const builtin_cues[] = {
	"+\t1.6\taccordo\tit", "+\t1.4\tcooperazione\tit", "+\t1.2\tintesa\tit",
	"+\t1.4\tesercitazioni congiunte\tit", "+\t1\tvertice\tit", "+\t1.2\tpartenariato strategico\tit",
	"+\t1.6\tagreement\ten", "+\t1.4\tcooperation\ten", "+\t1.4\tjoint exercises\ten",
	"+\t1\tsummit\ten", "+\t1.2\ttrade deal\ten", "+\t1.2\tarms deliveries\ten",
	"-\t1.8\tguerra\tit", "-\t1.6\tsanzioni\tit", "-\t1.8\tinvasione\tit", "-\t1.4\tscontri\tit",
	"-\t1.2\taccuse\tit", "-\t1\ttensioni\tit", "-\t1.8\twar\ten", "-\t1.6\tsanctions\ten",
	"-\t1.8\tinvasion\ten", "-\t1.4\tclashes\ten", "-\t1.2\taccusations\ten", "-\t1\ttensions\ten",
};

/* Countries (by code) and organisations (by canonical name) that the news
 * names most often, in rank order; the rest follow, shuffled. */
static const char *const top_countries[] = {
	"US", "RU", "CN", "UA", "IT", "FR", "DE", "GB", "IR", "IL", "TR", "SY", "IN", "JP",
	"PS", "SA", "EG", "PL", "KP", "KR", "BY", "LY", "AF", "IQ", "BR", "VE", "ES", "QA",
	"LB", "HU", "RS", "GR", "PK", "ET", "NG", "ML", "MX", "CA", "AU", "TW", "KZ", "AZ",
	"AM", "GE", "MD", "RO", "NL", "BE", "CH", "AT",
};
static const char *const top_orgs[] = {
	"United Nations", "European Union", "NATO", "European Commission", "G7", "G20",
	"International Monetary Fund", "World Health Organization", "BRICS", "African Union",
	"OPEC", "Hamas", "Hezbollah", "World Bank", "Arab League", "ASEAN",
};

/* Splits S in place at SEP into at most MAX fields; returns the count. */
static size_t
split(char *s, int sep, char **f, size_t max)
{
	size_t n = 0;

	while (n < max) {
		f[n++] = s;
		s = strchr(s, sep);
		if (!s)
			break;
		*s++ = '\0';
	}
	return n;
}

/* 1 when the name starts with a capital (ASCII upper case or any
 * non-ASCII letter, which in the gazetteers are accented capitals). */
static int
capitalised(const char *s)
{
	unsigned char c = (unsigned char)s[0];

	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0xc0;
}

/* Adds one gazetteer line (already split) to G; silently ignores lines
 * that are not usable, since they are other people's data. */
static void
gaz_add(struct gaz *g, char **f, size_t nf)
{
	enum ent_kind k;
	struct ent_list *l;
	struct ent *e;
	size_t nal = 0;
	char *p, *next;

	if (nf < 3 || !*f[2])
		return;
	for (k = 0; k < ENT_NKINDS; k++)
		if (!strcmp(f[0], ent_kind_name[k]))
			break;
	if (k == ENT_NKINDS)
		return;
	l = &g->kind[k];
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	e = &l->v[l->n++];
	memset(e, 0, sizeof *e);
	e->kind = k;
	e->code = xstrdup(f[1]);
	e->name = xstrdup(f[2]);
	if (nf > 3)
		for (p = f[3]; (p = strchr(p, '|')); p++)
			nal++;
	e->surf = xreallocarray(NULL, nal + 2, sizeof *e->surf);
	e->surf[e->nsurf++] = xstrdup(e->name);
	for (p = nf > 3 ? f[3] : NULL; p; p = next) {
		const char *a;
		size_t len;
		if ((next = strchr(p, '|')))
			*next++ = '\0';
		a = p[0] == '=' ? p + 1 : p;
		len = strlen(a);
		if (!*a)
			continue;
		if (capitalised(a)) {
			e->surf[e->nsurf++] = xstrdup(a);
		} else if (!e->adj_it && len > 3 && a[len - 1] == 'o' && !strchr(a, ' ')) {
			e->adj_it = xstrdup(a);
		}
	}
}

/* Reads one gazetteer or lexicon file line by line into LINE_CB. A missing
 * file is not an error (returns 0 lines); an unreadable one is. */
static int
read_lines(const char *path, void (*line_cb)(struct gaz *, char *), struct gaz *g,
	   size_t *nlines, struct att_err *err)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	*nlines = 0;
	if (!fp) {
		if (errno == ENOENT)
			return 0;
		return att_err_set(err, EX_NOINPUT, "%s: %s", path, strerror(errno));
	}
	while ((len = getline(&line, &cap, fp)) >= 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		line_cb(g, line);
		(*nlines)++;
	}
	free(line);
	if (ferror(fp)) {
		fclose(fp);
		return att_err_set(err, EX_IOERR, "%s: read error", path);
	}
	fclose(fp);
	return 0;
}

static void
ent_line(struct gaz *g, char *line)
{
	char *f[4];

	gaz_add(g, f, split(line, '\t', f, 4));
}

/* Guesses the language of a cue the lexicon does not label: Italian words
 * end in a, i or o, English ones mostly in a consonant or y; a final e
 * says nothing. Only used to keep English cues out of Italian prose. */
static void
guess_lang(char lang[3], const char *phrase)
{
	size_t n = strlen(phrase);
	char c = n ? phrase[n - 1] : 'e';

	if (c == 'a' || c == 'i' || c == 'o')
		memcpy(lang, "it", 3);
	else if (c != 'e' && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		memcpy(lang, "en", 3);
	else
		lang[0] = '\0';
}

static void
cue_line(struct gaz *g, char *line)
{
	char *f[4];
	double w;
	int neg;
	size_t nf = split(line, '\t', f, 4);

	/* A final '*' marks a prefix for the matcher: not text we can write. */
	if (nf < 3 || !*f[2] || strchr(f[2], '*'))
		return;
	w = strtod(f[1], NULL);
	if (w < 0)
		w = -w;
	w = w > 2 ? 1 : w / 2; /* the lexicon's weights run to 2 */
	if (w == 0)
		w = 0.5;
	neg = f[0][0] == '-' || strstr(f[0], "neg") || strstr(f[0], "conf");
	g->cues = xreallocarray(g->cues, g->ncues + 1, sizeof *g->cues);
	g->cues[g->ncues].tone = neg ? -w : w;
	g->cues[g->ncues].phrase = xstrdup(f[2]);
	g->cues[g->ncues].lang[0] = '\0';
	if (nf > 3 && strlen(f[3]) == 2)
		memcpy(g->cues[g->ncues].lang, f[3], 3);
	else
		guess_lang(g->cues[g->ncues].lang, f[2]);
	g->ncues++;
}

/* Moves the entries named in TOP (by code for countries, by canonical name
 * otherwise) to the front in that order, then shuffles the rest with a
 * fixed seed: ranks do not depend on --seed. */
static void
rank(struct ent_list *l, const char *const *top, size_t ntop, int by_code)
{
	size_t front = 0;
	struct rng r;

	for (size_t t = 0; t < ntop; t++)
		for (size_t i = front; i < l->n; i++) {
			const char *key = by_code ? l->v[i].code : l->v[i].name;
			if (!strcmp(key, top[t])) {
				struct ent tmp = l->v[front];
				l->v[front++] = l->v[i];
				l->v[i] = tmp;
				break;
			}
		}
	rng_seed(&r, 20151);
	for (size_t i = l->n; i > front + 1; i--) {
		size_t j = front + rng_below(&r, i - front);
		struct ent tmp = l->v[i - 1];
		l->v[i - 1] = l->v[j];
		l->v[j] = tmp;
	}
}

static int
cmp_cue(const void *a, const void *b)
{
	const struct cue *x = a, *y = b;

	if ((x->tone > 0) != (y->tone > 0))
		return x->tone > 0 ? -1 : 1;
	return strcmp(x->phrase, y->phrase);
}

int
gaz_load(struct gaz *g, const char *datadir, struct att_err *err)
{
	size_t nlines;
	char *path;
	int rc;

	memset(g, 0, sizeof *g);
	for (size_t i = 0; i < ATT_ARRAY_LEN(gaz_files); i++) {
		path = xasprintf("%s/gazetteer/%s", datadir, gaz_files[i]);
		rc = read_lines(path, ent_line, g, &nlines, err);
		free(path);
		if (rc)
			return rc;
	}
	for (int k = 0; k < ENT_NKINDS; k++) {
		g->from[k] = "data/gazetteer";
		if (g->kind[k].n > 0)
			continue;
		g->from[k] = "built-in";
		for (size_t i = 0; i < ATT_ARRAY_LEN(builtin_lines); i++) {
			char *f[4], *line = xstrdup(builtin_lines[i]);
			size_t nf = split(line, '\t', f, 4);
			if (!strcmp(f[0], ent_kind_name[k]))
				gaz_add(g, f, nf);
			free(line);
		}
	}
	path = xasprintf("%s/lexicon/tone.tsv", datadir);
	rc = read_lines(path, cue_line, g, &nlines, err);
	free(path);
	if (rc)
		return rc;
	g->from[ENT_NKINDS] = "data/lexicon/tone.tsv";
	if (g->ncues == 0) {
		g->from[ENT_NKINDS] = "built-in";
		for (size_t i = 0; i < ATT_ARRAY_LEN(builtin_cues); i++) {
			char *line = xstrdup(builtin_cues[i]);
			cue_line(g, line);
			free(line);
		}
	}
	qsort(g->cues, g->ncues, sizeof *g->cues, cmp_cue);
	for (g->npos = 0; g->npos < g->ncues && g->cues[g->npos].tone > 0; g->npos++)
		;
	g->nneg = g->ncues - g->npos;
	rank(&g->kind[ENT_COUNTRY], top_countries, ATT_ARRAY_LEN(top_countries), 1);
	rank(&g->kind[ENT_ORG], top_orgs, ATT_ARRAY_LEN(top_orgs), 0);
	rank(&g->kind[ENT_PERSON], NULL, 0, 0);
	rank(&g->kind[ENT_PLACE], NULL, 0, 0);
	g->nents = 0;
	for (int k = 0; k < ENT_NKINDS; k++) {
		struct ent_list *l = &g->kind[k];
		for (size_t i = 0; i < l->n; i++)
			l->v[i].id = ++g->nents;
		zipf_init(&l->z, l->n, 1.0);
	}
	if (g->kind[ENT_COUNTRY].n < 2 || g->npos == 0 || g->nneg == 0)
		return att_err_set(err, EX_DATAERR, "%s: need at least two countries and cues of "
				   "both signs", datadir);
	return 0;
}

void
gaz_free(struct gaz *g)
{
	for (int k = 0; k < ENT_NKINDS; k++) {
		struct ent_list *l = &g->kind[k];
		for (size_t i = 0; i < l->n; i++) {
			struct ent *e = &l->v[i];
			for (size_t j = 0; j < e->nsurf; j++)
				free(e->surf[j]);
			free(e->surf);
			free(e->code);
			free(e->name);
			free(e->adj_it);
		}
		free(l->v);
		zipf_free(&l->z);
	}
	for (size_t i = 0; i < g->ncues; i++)
		free(g->cues[i].phrase);
	free(g->cues);
}
