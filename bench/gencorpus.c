/* gencorpus.c: writes a synthetic news corpus of N articles for the
 * benchmarks, as JSON Lines (and optionally .txt files), deterministic
 * from --seed. With --truth DIR it also writes what it put in: entities,
 * their mentions (byte offsets into the JSON "title" and "text" fields),
 * sentences and country co-mentions with their tone, as tab-separated
 * files that bench/mkindex.sh turns into an index without attache-index. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "bench/gen.h"
#include "model/text.h"

#ifndef BENCH_DATADIR
#define BENCH_DATADIR "data"
#endif

#define FIRST_DAY_YEAR 2015
#define NDAYS 4018 /* 2015-01-01 .. 2025-12-31 */

enum lang_mode { LANG_IT, LANG_EN, LANG_MIX };

struct opts {
	unsigned long n;
	uint64_t seed;
	enum lang_mode lang;
	const char *out, *txt, *truth, *datadir;
	int quiet;
};

/* The truth files, one per table they feed. */
enum { T_MENTION, T_SENTENCE, T_RELATION, T_NFILES };
static const char *const truth_names[T_NFILES] = {"mention.tsv", "sentence.tsv",
						  "relation.tsv"};

/* State while one article is assembled. */
struct art {
	struct rng *r;
	const struct gaz *g;
	const struct lang_words *w;
	unsigned long no; /* 1-based article number: the index id */
	unsigned day;     /* days since 2015-01-01 */
	int conflict;     /* the article's mood: cues lean this way */
	const struct ent *focus_c[2], *focus_p, *focus_o, *focus_l;
	/* the sentence being written */
	const struct ent *c, *k;
	double tone;
	/* truth lines for this article, one buffer per file; NULL when off */
	struct buf *truth;
	unsigned n; /* next sentence number; 0 is the title */
};

/* Civil date from days since 2015-01-01 (Howard Hinnant's algorithm). */
static void
civil(unsigned day, unsigned *y, unsigned *m, unsigned *d)
{
	long z = (long)day + 16436 + 719468; /* 16436: 1970-01-01 .. 2015-01-01 */
	long era = z / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (unsigned)(yoe + era * 400) + (*m <= 2);
}

/* A surface of E for running text in language W: mostly the canonical
 * name in English, mostly the first alias (the Italian name) in Italian. */
static const char *
surface(struct art *a, const struct ent *e)
{
	double u;

	if (e->nsurf == 1)
		return e->surf[0];
	u = rng_unit(a->r);
	if (a->w == &gen_it)
		return u < 0.7 ? e->surf[1] : u < 0.9 ? e->surf[0]
						      : e->surf[1 + rng_below(a->r, e->nsurf - 1)];
	return u < 0.85 ? e->surf[0] : e->surf[rng_below(a->r, e->nsurf)];
}

/* Draws an entity of KIND: the article's focus with probability P, else
 * from the whole list with Zipf weights. */
static const struct ent *
pick(struct art *a, enum ent_kind kind, const struct ent *focus, double p)
{
	const struct ent_list *l = &a->g->kind[kind];

	if (focus && rng_unit(a->r) < p)
		return focus;
	return &l->v[zipf_draw(&l->z, a->r)];
}

static const struct ent *
pick_country(struct art *a, const struct ent *not)
{
	const struct ent *e;

	for (int tries = 0; tries < 16; tries++) {
		double u = rng_unit(a->r);
		e = u < 0.45 ? a->focus_c[0] : u < 0.75 ? a->focus_c[1]
						       : pick(a, ENT_COUNTRY, NULL, 0);
		if (e != not && (!not || strcmp(e->code, not->code)))
			return e;
	}
	/* Two distinct codes exist: gaz_load checked. */
	for (size_t i = 0;; i++) {
		e = &a->g->kind[ENT_COUNTRY].v[i];
		if (strcmp(e->code, not->code))
			return e;
	}
}

/* Appends NAME of E to OUT and records the mention. */
static void
mention(struct art *a, struct buf *out, int title, const struct ent *e, const char *name)
{
	size_t pos = out->len, len = strlen(name);

	buf_add(out, name, len);
	if (a->truth)
		buf_printf(&a->truth[T_MENTION], "%lu\t%u\t%s\t%zu\t%zu\n", a->no, e->id,
			   title ? "title" : "body", pos, len);
}

static void
add_date(struct art *a, struct buf *out)
{
	unsigned y, m, d, day = a->day + (unsigned)rng_below(a->r, 90);

	civil(day > 45 ? day - 45 : day, &y, &m, &d);
	if (a->w == &gen_it)
		buf_printf(out, "%u %s %u", d, a->w->month[m - 1], y);
	else
		buf_printf(out, "%s %u, %u", a->w->month[m - 1], d, y);
}

/* Expands template T into OUT, recording mentions; leaves the sentence's
 * countries in a->c and a->k and its tone in a->tone. */
static void
expand(struct art *a, struct buf *out, int title, const char *t, int lower_first)
{
	const struct lang_words *w = a->w;
	const struct cue *cue;

	a->c = a->k = NULL;
	a->tone = 0;
	for (const char *p = t; *p; p++) {
		if (p[0] != '{' || !p[1] || p[2] != '}') {
			const char *q = p;
			while (q[1] && q[1] != '{')
				q++;
			if (p == t && lower_first && *p >= 'A' && *p <= 'Z') {
				buf_addc(out, (char)(*p - 'A' + 'a'));
				p++;
			}
			buf_add(out, p, (size_t)(q - p + 1));
			p = q;
			continue;
		}
		switch (p[1]) {
		case 'C':
			if (!a->c)
				a->c = pick_country(a, a->k);
			mention(a, out, title, a->c, surface(a, a->c));
			break;
		case 'A':
			if (!a->c)
				a->c = pick_country(a, a->k);
			if (a->c->adj_it) {
				mention(a, out, title, a->c, a->c->adj_it);
			} else {
				buf_adds(out, "di ");
				mention(a, out, title, a->c, surface(a, a->c));
			}
			break;
		case 'K':
			if (!a->k)
				a->k = pick_country(a, a->c);
			mention(a, out, title, a->k, surface(a, a->k));
			break;
		case 'P': {
			const struct ent *e = pick(a, ENT_PERSON, a->focus_p, 0.5);
			mention(a, out, title, e, surface(a, e));
			break;
		}
		case 'O': {
			const struct ent *e = pick(a, ENT_ORG, a->focus_o, 0.4);
			mention(a, out, title, e, surface(a, e));
			break;
		}
		case 'L': {
			const struct ent *e = pick(a, ENT_PLACE, a->focus_l, 0.4);
			mention(a, out, title, e, surface(a, e));
			break;
		}
		case 'T': {
			int neg = rng_unit(a->r) < (a->conflict ? 0.8 : 0.2);
			const struct gaz *g = a->g;
			for (int tries = 0; tries < 8; tries++) {
				cue = neg ? &g->cues[g->npos + rng_below(a->r, g->nneg)]
					  : &g->cues[rng_below(a->r, g->npos)];
				if (!cue->lang[0] || !strcmp(cue->lang, w->code))
					break;
			}
			buf_adds(out, cue->phrase);
			a->tone = cue->tone;
			break;
		}
		case 'N':
			buf_printf(out, "%u", 2 + (unsigned)rng_below(a->r, 498));
			break;
		case 'M':
			buf_printf(out, "%u%s", 5 + (unsigned)rng_below(a->r, 895), w->amount_unit);
			break;
		case 'Q':
			buf_printf(out, "%u%c%u%s", (unsigned)rng_below(a->r, 15), w->dec_sep,
				   (unsigned)rng_below(a->r, 10), w->percent_unit);
			break;
		case 'D':
			add_date(a, out);
			break;
		case 'X':
			buf_adds(out, w->noun[rng_below(a->r, w->nnoun)]);
			break;
		case 'Y':
			buf_adds(out, w->verb[rng_below(a->r, w->nverb)]);
			break;
		default:
			buf_add(out, p, 3);
			break;
		}
		p += 2;
	}
}

/* Upper-cases an ASCII letter that starts a sentence at B[pos]; a cue
 * phrase or an adjective can begin one. Lengths do not change. */
static void
capitalise(struct buf *b, size_t pos)
{
	if (pos < b->len && b->data[pos] >= 'a' && b->data[pos] <= 'z')
		b->data[pos] = (char)(b->data[pos] - 'a' + 'A');
}

/* Records sentence N of the article at OUT[pos..) and its co-mention. */
static void
end_sentence(struct art *a, const struct buf *out, int title, size_t pos)
{
	const char *x, *y;

	if (!a->truth)
		return;
	buf_printf(&a->truth[T_SENTENCE], "%lu\t%u\t%s\t%zu\t%zu\t%.2f\n", a->no, a->n,
		   title ? "title" : "body", pos, out->len - pos, a->tone);
	if (a->c && a->k) {
		x = a->c->code;
		y = a->k->code;
		if (strcmp(x, y) > 0) {
			const char *t = x;
			x = y;
			y = t;
		}
		buf_printf(&a->truth[T_RELATION], "%lu\t%u\t%s\t%s\t%.2f\n", a->no, a->n, x, y,
			   a->tone);
	}
	a->n++;
}

/* Writes the title and body of one article into TITLE and BODY. */
static void
article(struct art *a, struct buf *title, struct buf *body)
{
	const struct lang_words *w = a->w;
	size_t target = 1400 + rng_below(a->r, 2400);
	unsigned in_par = 0, par_len = 2 + (unsigned)rng_below(a->r, 4);

	a->conflict = rng_unit(a->r) < 0.5;
	a->focus_c[0] = pick(a, ENT_COUNTRY, NULL, 0);
	do
		a->focus_c[1] = pick(a, ENT_COUNTRY, NULL, 0);
	while (!strcmp(a->focus_c[1]->code, a->focus_c[0]->code));
	a->focus_p = pick(a, ENT_PERSON, NULL, 0);
	a->focus_o = pick(a, ENT_ORG, NULL, 0);
	a->focus_l = pick(a, ENT_PLACE, NULL, 0);
	a->n = 0;

	expand(a, title, 1, w->title[rng_below(a->r, w->ntitle)], 0);
	capitalise(title, 0);
	end_sentence(a, title, 1, 0);
	while (body->len < target) {
		size_t pos;
		int rel = rng_unit(a->r) < 0.3;
		const char *t = rel ? w->rel[rng_below(a->r, w->nrel)]
				    : w->plain[rng_below(a->r, w->nplain)];
		const char *conn = NULL;

		if (in_par == par_len) {
			buf_adds(body, "\n\n");
			in_par = 0;
			par_len = 2 + (unsigned)rng_below(a->r, 4);
		} else if (body->len > 0) {
			buf_addc(body, ' ');
		}
		pos = body->len;
		if (in_par > 0 && t[0] != '{' && rng_unit(a->r) < 0.3)
			conn = w->conn[rng_below(a->r, w->nconn)];
		if (conn)
			buf_adds(body, conn);
		expand(a, body, 0, t, conn != NULL);
		if (!conn)
			capitalise(body, pos);
		end_sentence(a, body, 0, pos);
		in_par++;
	}
}

/* Appends S as a JSON string (with quotes) to OUT. */
static void
json_str(struct buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t run = 0;

	buf_addc(out, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		buf_add(out, s + run, i - run);
		run = i + 1;
		buf_addc(out, '\\');
		switch (c) {
		case '"': buf_addc(out, '"'); break;
		case '\\': buf_addc(out, '\\'); break;
		case '\n': buf_addc(out, 'n'); break;
		case '\t': buf_addc(out, 't'); break;
		default:
			buf_adds(out, "u00");
			buf_addc(out, hex[c >> 4]);
			buf_addc(out, hex[c & 15]);
			break;
		}
	}
	buf_add(out, s + run, n - run);
	buf_addc(out, '"');
}

static int
write_all(FILE *fp, const char *path, const struct buf *b, struct att_err *err)
{
	if (b->len && fwrite(b->data, 1, b->len, fp) != b->len)
		return att_err_set(err, EX_IOERR, "%s: %s", path, strerror(errno));
	return 0;
}

static int
mkdir_p(const char *dir, struct att_err *err)
{
	if (mkdir(dir, 0777) == 0 || errno == EEXIST)
		return 0;
	return att_err_set(err, EX_CANTCREAT, "%s: %s", dir, strerror(errno));
}

/* Writes one article as DIR/NNNN/gen-NNNNNNN.txt: the title, an empty
 * line, a dateline and the body, as a scraper would leave it. */
static int
write_txt(const struct opts *o, const struct art *a, const char *date, const char *source,
	  const struct buf *title, const struct buf *body, struct att_err *err)
{
	char *sub = xasprintf("%s/%04lu", o->txt, (a->no - 1) / 1000);
	char *path = xasprintf("%s/gen-%07lu.txt", sub, a->no);
	FILE *fp;
	int rc = 0;

	if ((a->no - 1) % 1000 == 0 && (rc = mkdir_p(sub, err)))
		goto out;
	if (!(fp = fopen(path, "w"))) {
		rc = att_err_set(err, EX_CANTCREAT, "%s: %s", path, strerror(errno));
		goto out;
	}
	fprintf(fp, "%s\n\n%s, %s (%s) - %s\n", title->data, a->w->dateline_city[a->no %
		a->w->ndateline], date, source, body->data);
	if (fclose(fp) != 0)
		rc = att_err_set(err, EX_IOERR, "%s: %s", path, strerror(errno));
out:
	free(sub);
	free(path);
	return rc;
}

/* Writes entity.tsv and alias.tsv: every entity the generator may use. */
static int
write_entities(const struct opts *o, const struct gaz *g, struct att_err *err)
{
	char *pe = xasprintf("%s/entity.tsv", o->truth), *pa = xasprintf("%s/alias.tsv", o->truth);
	FILE *fe = fopen(pe, "w"), *fa = fopen(pa, "w");
	int rc = 0;

	if (!fe || !fa) {
		rc = att_err_set(err, EX_CANTCREAT, "%s: %s", !fe ? pe : pa, strerror(errno));
		goto out;
	}
	for (int k = 0; k < ENT_NKINDS; k++)
		for (size_t i = 0; i < g->kind[k].n; i++) {
			const struct ent *e = &g->kind[k].v[i];
			fprintf(fe, "%u\t%s\t%s\t%s\n", e->id, ent_kind_name[k], e->name, e->code);
			for (size_t j = 0; j <= e->nsurf; j++) {
				const char *s = j < e->nsurf ? e->surf[j] : e->adj_it;
				char *key;
				int dup = 0;
				if (!s)
					continue;
				for (size_t q = 0; q < j && !dup; q++)
					dup = !strcmp(e->surf[q], s);
				if (dup)
					continue;
				key = att_fold(s, strlen(s), NULL);
				fprintf(fa, "%s\t%u\t%s\n", key, e->id, s);
				free(key);
			}
		}
	if (ferror(fe) || ferror(fa))
		rc = att_err_set(err, EX_IOERR, "%s: write error", o->truth);
out:
	if (fe && fclose(fe) && !rc)
		rc = att_err_set(err, EX_IOERR, "%s: %s", pe, strerror(errno));
	if (fa && fclose(fa) && !rc)
		rc = att_err_set(err, EX_IOERR, "%s: %s", pa, strerror(errno));
	free(pe);
	free(pa);
	return rc;
}

static int
generate(const struct opts *o, const struct gaz *g, struct att_err *err)
{
	struct rng r;
	struct buf title = BUF_INIT, body = BUF_INIT, line = BUF_INIT;
	struct buf truth[T_NFILES] = {BUF_INIT, BUF_INIT, BUF_INIT};
	FILE *out = stdout, *tf[T_NFILES] = {NULL};
	char *tpath[T_NFILES] = {NULL};
	const char *outname = o->out ? o->out : "<stdout>";
	unsigned long long bytes = 0;
	int rc = 0;

	if (o->out && !(out = fopen(o->out, "w")))
		return att_err_set(err, EX_CANTCREAT, "%s: %s", o->out, strerror(errno));
	if (o->txt && (rc = mkdir_p(o->txt, err)))
		goto out;
	if (o->truth) {
		if ((rc = mkdir_p(o->truth, err)) || (rc = write_entities(o, g, err)))
			goto out;
		for (int i = 0; i < T_NFILES; i++) {
			tpath[i] = xasprintf("%s/%s", o->truth, truth_names[i]);
			if (!(tf[i] = fopen(tpath[i], "w"))) {
				rc = att_err_set(err, EX_CANTCREAT, "%s: %s", tpath[i],
						 strerror(errno));
				goto out;
			}
		}
	}
	setvbuf(out, NULL, _IOFBF, 1 << 20);
	rng_seed(&r, o->seed);
	for (unsigned long i = 0; i < o->n; i++) {
		struct art a = {0};
		unsigned y, m, d;
		char date[16];
		const char *source;

		a.r = &r;
		a.g = g;
		a.no = i + 1;
		a.truth = o->truth ? truth : NULL;
		a.day = (unsigned)((unsigned long long)i * NDAYS / o->n);
		a.w = o->lang == LANG_IT ? &gen_it : o->lang == LANG_EN ? &gen_en
				: rng_unit(&r) < 0.7 ? &gen_it : &gen_en;
		source = gen_sources[rng_below(&r, gen_nsources)];
		civil(a.day, &y, &m, &d);
		snprintf(date, sizeof date, "%04u-%02u-%02u", y, m, d);
		buf_clear(&title);
		buf_clear(&body);
		buf_clear(&line);
		for (int t = 0; t < T_NFILES; t++)
			buf_clear(&truth[t]);
		article(&a, &title, &body);

		buf_printf(&line, "{\"id\":\"gen-%07lu\",\"title\":", a.no);
		json_str(&line, title.data, title.len);
		buf_printf(&line, ",\"date\":\"%s\",\"source\":\"%s\",\"lang\":\"%s\","
			   "\"url\":\"https://example.org/%s/%07lu\",\"text\":", date, source,
			   a.w->code, a.w->code, a.no);
		json_str(&line, body.data, body.len);
		buf_adds(&line, "}\n");
		if ((rc = write_all(out, outname, &line, err)))
			goto out;
		bytes += line.len;
		for (int t = 0; o->truth && t < T_NFILES; t++)
			if ((rc = write_all(tf[t], tpath[t], &truth[t], err)))
				goto out;
		if (o->txt && (rc = write_txt(o, &a, date, source, &title, &body, err)))
			goto out;
	}
	if (fflush(out) != 0)
		rc = att_err_set(err, EX_IOERR, "%s: %s", outname, strerror(errno));
	if (!o->quiet)
		fprintf(stderr, "%s: %lu articles, %llu bytes of JSON Lines\n", att_progname,
			o->n, bytes);
out:
	if (o->out && fclose(out) != 0 && !rc)
		rc = att_err_set(err, EX_IOERR, "%s: %s", o->out, strerror(errno));
	for (int t = 0; t < T_NFILES; t++) {
		if (tf[t] && fclose(tf[t]) != 0 && !rc)
			rc = att_err_set(err, EX_IOERR, "%s: %s", tpath[t], strerror(errno));
		free(tpath[t]);
		buf_free(&truth[t]);
	}
	buf_free(&title);
	buf_free(&body);
	buf_free(&line);
	return rc;
}

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: %s [-q] [-n N] [--seed S] [--lang it|en|mix] [-o FILE] [--txt DIR]\n"
		    "       [--truth DIR] [--data DIR]\n", att_progname);
}

/* Parses a decimal number in [0, max]; 0 on success. */
static int
number(const char *s, unsigned long long max, unsigned long long *v)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, 10);
	return errno || end == s || *end || *s == '-' || *v > max ? -1 : 0;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"seed", required_argument, NULL, 's'}, {"lang", required_argument, NULL, 'l'},
		{"txt", required_argument, NULL, 't'}, {"truth", required_argument, NULL, 'T'},
		{"data", required_argument, NULL, 'd'}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct opts o = {1000, 1, LANG_MIX, NULL, NULL, NULL, BENCH_DATADIR, 0};
	struct att_err err = {0};
	struct gaz g;
	unsigned long long v;
	int c, rc;

	att_progname = "gencorpus";
	while ((c = getopt_long(argc, argv, "n:o:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			if (number(optarg, 100000000, &v) || v == 0) {
				fprintf(stderr, "%s: -n: want a count from 1 to 100000000, not '%s'\n",
					att_progname, optarg);
				return EX_USAGE;
			}
			o.n = (unsigned long)v;
			break;
		case 's':
			if (number(optarg, UINT64_MAX, &v)) {
				fprintf(stderr, "%s: --seed: want a non-negative integer, not '%s'\n",
					att_progname, optarg);
				return EX_USAGE;
			}
			o.seed = v;
			break;
		case 'l':
			if (!strcmp(optarg, "it"))
				o.lang = LANG_IT;
			else if (!strcmp(optarg, "en"))
				o.lang = LANG_EN;
			else if (!strcmp(optarg, "mix"))
				o.lang = LANG_MIX;
			else {
				fprintf(stderr, "%s: --lang: want it, en or mix, not '%s'\n",
					att_progname, optarg);
				return EX_USAGE;
			}
			break;
		case 'o': o.out = optarg; break;
		case 't': o.txt = optarg; break;
		case 'T': o.truth = optarg; break;
		case 'd': o.datadir = optarg; break;
		case 'q': o.quiet = 1; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return EX_USAGE;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return EX_USAGE;
	}
	if ((rc = gaz_load(&g, o.datadir, &err))) {
		fprintf(stderr, "%s: %s\n", att_progname, err.msg);
		gaz_free(&g);
		return rc;
	}
	if (!o.quiet)
		fprintf(stderr, "%s: entities: countries %zu (%s), persons %zu (%s), orgs %zu (%s), "
			"places %zu (%s); tone cues %zu (%s)\n", att_progname,
			g.kind[ENT_COUNTRY].n, g.from[ENT_COUNTRY], g.kind[ENT_PERSON].n,
			g.from[ENT_PERSON], g.kind[ENT_ORG].n, g.from[ENT_ORG], g.kind[ENT_PLACE].n,
			g.from[ENT_PLACE], g.ncues, g.from[ENT_NKINDS]);
	rc = generate(&o, &g, &err);
	if (rc)
		fprintf(stderr, "%s: %s\n", att_progname, err.msg);
	gaz_free(&g);
	return rc;
}
