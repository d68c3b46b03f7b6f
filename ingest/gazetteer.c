/* gazetteer.c: reading gazetteer and lexicon files. */
#include "config.h"

#include "ingest/gazetteer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unictype.h>
#include <unistr.h>

#include "ingest/match.h"
#include "model/text.h"

static const char *const kind_names[] = {"country", "person", "org", "place"};

const char *
gaz_kind_name(enum att_kind kind)
{
	return kind_names[kind];
}

/* A line-by-line reader that reports FILE:LINE and skips comments and
 * blank lines. Lines may be of any length. */
struct reader {
	const char *path;
	FILE *fp;
	char *line;
	size_t cap;
	unsigned long lineno;
};

static int
reader_open(struct reader *r, const char *path, struct att_err *err)
{
	struct stat st;

	memset(r, 0, sizeof *r);
	r->path = path;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return att_err_set(err, EX_NOINPUT, "%s: is a directory, not a gazetteer or lexicon file", path);
	r->fp = fopen(path, "r");
	if (r->fp == NULL)
		return att_err_set(err, errno == ENOENT ? EX_NOINPUT : EX_IOERR, "%s: %s", path,
				   strerror(errno));
	return 0;
}

/* Next meaningful line without its newline: 1, or 0 at the end, or -1 on
 * an error (ERR filled). */
static int
reader_next(struct reader *r, char **out, struct att_err *err)
{
	ssize_t n;

	while ((n = getline(&r->line, &r->cap, r->fp)) >= 0) {
		r->lineno++;
		while (n > 0 && (r->line[n - 1] == '\n' || r->line[n - 1] == '\r'))
			r->line[--n] = '\0';
		char *s = r->line;
		if (r->lineno == 1 && strncmp(s, "\xef\xbb\xbf", 3) == 0)
			s += 3, n -= 3;
		if (!att_utf8_valid(s, (size_t)n)) {
			att_err_set(err, EX_DATAERR, "%s:%lu: not valid UTF-8 (or holds a NUL byte)",
				    r->path, r->lineno);
			return -1;
		}
		size_t k = strspn(s, " \t");
		if (s[k] == '\0' || s[k] == '#')
			continue;
		*out = s;
		return 1;
	}
	if (ferror(r->fp)) {
		att_err_set(err, EX_IOERR, "%s: %s", r->path, strerror(errno));
		return -1;
	}
	return 0;
}

static void
reader_close(struct reader *r)
{
	if (r->fp)
		fclose(r->fp);
	free(r->line);
}

/* Splits S in place at tabs into at most MAX fields; returns the count. */
static size_t
split_tabs(char *s, char **f, size_t max)
{
	size_t n = 0;
	f[n++] = s;
	while (n < max + 1 && (s = strchr(s, '\t')) != NULL) {
		*s++ = '\0';
		if (n == max)
			return max + 1; /* too many */
		f[n++] = s;
	}
	return n;
}

/* Trims spaces at both ends, in place. */
static char *
trim(char *s)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
	return s;
}

static int
parse_kind(const char *s, enum att_kind *kind)
{
	for (size_t i = 0; i < ATT_ARRAY_LEN(kind_names); i++)
		if (strcmp(s, kind_names[i]) == 0) {
			*kind = (enum att_kind)i;
			return 0;
		}
	return -1;
}

/* The case rule of an alias as written (after any '='): any case when it
 * is all lowercase, else its first capitalised word must be capitalised
 * in the text ("Nato", "la Repubblica"). */
static enum gaz_case
alias_rule(const char *s)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t n = strlen(s);
	while (n > 0) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, n);
		if (k <= 0)
			break;
		if (uc_is_upper(c) || uc_is_property_titlecase(c))
			return GAZ_CAP;
		p += (size_t)k;
		n -= (size_t)k;
	}
	return GAZ_ANY;
}

static void
add_alias(struct gaz_ent *e, const char *s)
{
	enum gaz_case rule;
	if (s[0] == '=') {
		s++;
		rule = GAZ_EXACT;
	} else {
		rule = alias_rule(s);
	}
	for (size_t i = 0; i < e->nalias; i++)
		if (e->alias[i].rule == rule && strcmp(e->alias[i].text, s) == 0)
			return;
	if (e->nalias == e->capalias) {
		e->capalias = e->capalias ? e->capalias * 2 : 8;
		e->alias = xreallocarray(e->alias, e->capalias, sizeof *e->alias);
	}
	e->alias[e->nalias].text = xstrdup(s);
	e->alias[e->nalias].rule = rule;
	e->nalias++;
}

long
gaz_find(const struct gazetteer *g, const char *key)
{
	uint32_t v = g->keys ? hmap_get(g->keys, 0, key, strlen(key)) : MATCH_NONE;
	return v == MATCH_NONE ? -1 : (long)v;
}

/* Checks an alias for characters that cannot be part of a name. */
static int
alias_ok(const char *s)
{
	if (s[0] == '=')
		s++;
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20)
			return 0;
	return 1;
}

int
gaz_load_entities(struct gazetteer *g, const char *path, struct att_err *err)
{
	struct reader r;
	char *line;
	int rc, code = 0;

	if ((code = reader_open(&r, path, err)) != 0)
		return code;
	if (g->keys == NULL)
		g->keys = xcalloc(1, sizeof(struct hmap));
	while ((rc = reader_next(&r, &line, err)) > 0) {
		char *f[4];
		size_t nf = split_tabs(line, f, 4);
		enum att_kind kind;
		if (nf < 3 || nf > 4) {
			code = att_err_set(err, EX_DATAERR,
					   "%s:%lu: expected kind<TAB>code<TAB>canonical<TAB>aliases, found %zu field%s",
					   path, r.lineno, nf, nf == 1 ? "" : "s");
			break;
		}
		char *kindstr = trim(f[0]), *cc = trim(f[1]), *canon = trim(f[2]);
		if (parse_kind(kindstr, &kind) != 0) {
			code = att_err_set(err, EX_DATAERR,
					   "%s:%lu: unknown kind '%.40s' (country, person, org or place)", path,
					   r.lineno, kindstr);
			break;
		}
		if (!(cc[0] == '\0' || (strlen(cc) == 2 && cc[0] >= 'A' && cc[0] <= 'Z' && cc[1] >= 'A' &&
					cc[1] <= 'Z'))) {
			code = att_err_set(err, EX_DATAERR,
					   "%s:%lu: country code '%.40s' is not two uppercase letters (ISO 3166-1)",
					   path, r.lineno, cc);
			break;
		}
		if (kind == ATT_COUNTRY && cc[0] == '\0') {
			code = att_err_set(err, EX_DATAERR, "%s:%lu: a country needs its code", path,
					   r.lineno);
			break;
		}
		if (!alias_ok(canon)) {
			code = att_err_set(err, EX_DATAERR, "%s:%lu: empty canonical name", path, r.lineno);
			break;
		}
		char *key = xasprintf("%s:%s:%s", kind_names[kind], cc, canon[0] == '=' ? canon + 1 : canon);
		long idx = gaz_find(g, key);
		struct gaz_ent *e;
		if (idx >= 0) {
			free(key);
			e = &g->ent[idx];
		} else {
			if (g->nent == g->capent) {
				g->capent = g->capent ? g->capent * 2 : 256;
				g->ent = xreallocarray(g->ent, g->capent, sizeof *g->ent);
			}
			e = &g->ent[g->nent];
			memset(e, 0, sizeof *e);
			e->kind = kind;
			memcpy(e->code, cc, strlen(cc) + 1);
			e->canonical = xstrdup(canon[0] == '=' ? canon + 1 : canon);
			e->key = key;
			hmap_put(g->keys, 0, e->key, strlen(e->key), (uint32_t)g->nent);
			g->nent++;
			add_alias(e, canon);
		}
		if (nf == 4) {
			char *s = f[3], *bar;
			do {
				bar = strchr(s, '|');
				if (bar)
					*bar = '\0';
				char *a = trim(s);
				if (*a != '\0') {
					if (!alias_ok(a)) {
						code = att_err_set(err, EX_DATAERR, "%s:%lu: bad alias '%.40s'",
								   path, r.lineno, a);
						break;
					}
					add_alias(e, a);
				}
				if (bar)
					s = bar + 1; /* not NULL + 1: undefined */
			} while (bar);
			if (code)
				break;
		}
	}
	if (rc < 0)
		code = err->code;
	reader_close(&r);
	return code;
}

int
gaz_load_tone(struct gazetteer *g, const char *path, struct att_err *err)
{
	struct reader r;
	char *line;
	int rc, code;

	if ((code = reader_open(&r, path, err)) != 0)
		return code;
	while ((rc = reader_next(&r, &line, err)) > 0) {
		char *f[3], *end;
		size_t nf = split_tabs(line, f, 3);
		if (nf != 3) {
			code = att_err_set(err, EX_DATAERR,
					   "%s:%lu: expected polarity<TAB>weight<TAB>phrase", path, r.lineno);
			break;
		}
		char *pol = trim(f[0]), *phrase = trim(f[2]);
		errno = 0;
		double w = strtod(trim(f[1]), &end);
		if ((strcmp(pol, "+") != 0 && strcmp(pol, "-") != 0) || *end != '\0' || errno ||
		    !(w > 0 && w <= 100) || *phrase == '\0') {
			code = att_err_set(err, EX_DATAERR,
					   "%s:%lu: expected + or -, a weight in (0, 100] and a phrase", path,
					   r.lineno);
			break;
		}
		if (g->ncue == g->capcue) {
			g->capcue = g->capcue ? g->capcue * 2 : 64;
			g->cue = xreallocarray(g->cue, g->capcue, sizeof *g->cue);
		}
		g->cue[g->ncue].weight = pol[0] == '+' ? w : -w;
		g->cue[g->ncue].phrase = xstrdup(phrase);
		g->ncue++;
	}
	if (rc < 0)
		code = err->code;
	reader_close(&r);
	return code;
}

int
gaz_load_words(const char *path, char ***list, size_t *n, size_t *cap, struct att_err *err)
{
	struct reader r;
	char *line;
	int rc, code;

	if ((code = reader_open(&r, path, err)) != 0)
		return code;
	while ((rc = reader_next(&r, &line, err)) > 0) {
		char *f[2];
		if (split_tabs(line, f, 1) != 1) {
			code = att_err_set(err, EX_DATAERR, "%s:%lu: expected one entry per line, found a tab",
					   path, r.lineno);
			break;
		}
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 64;
			*list = xreallocarray(*list, *cap, sizeof **list);
		}
		(*list)[(*n)++] = xstrdup(trim(f[0]));
	}
	if (rc < 0)
		code = err->code;
	reader_close(&r);
	return code;
}

int
gaz_load_titles(struct gazetteer *g, const char *path, struct att_err *err)
{
	struct reader r;
	char *line;
	int rc, code;

	if ((code = reader_open(&r, path, err)) != 0)
		return code;
	while ((rc = reader_next(&r, &line, err)) > 0) {
		char *f[2];
		enum att_kind kind;
		if (split_tabs(line, f, 2) != 2 || parse_kind(trim(f[0]), &kind) != 0 ||
		    *trim(f[1]) == '\0') {
			code = att_err_set(err, EX_DATAERR, "%s:%lu: expected kind<TAB>phrase", path,
					   r.lineno);
			break;
		}
		if (g->ntitle == g->captitle) {
			g->captitle = g->captitle ? g->captitle * 2 : 64;
			g->title = xreallocarray(g->title, g->captitle, sizeof *g->title);
		}
		g->title[g->ntitle].kind = kind;
		g->title[g->ntitle].phrase = xstrdup(trim(f[1]));
		g->ntitle++;
	}
	if (rc < 0)
		code = err->code;
	reader_close(&r);
	return code;
}

void
gaz_free(struct gazetteer *g)
{
	for (size_t i = 0; i < g->nent; i++) {
		struct gaz_ent *e = &g->ent[i];
		for (size_t j = 0; j < e->nalias; j++)
			free(e->alias[j].text);
		free(e->alias);
		free(e->canonical);
		free(e->key);
	}
	free(g->ent);
	for (size_t i = 0; i < g->ncue; i++)
		free(g->cue[i].phrase);
	free(g->cue);
	for (size_t i = 0; i < g->nnegation; i++)
		free(g->negation[i]);
	free(g->negation);
	for (size_t i = 0; i < g->nstopname; i++)
		free(g->stopname[i]);
	free(g->stopname);
	for (size_t i = 0; i < g->nword; i++)
		free(g->word[i]);
	free(g->word);
	for (size_t i = 0; i < g->ntitle; i++)
		free(g->title[i].phrase);
	free(g->title);
	if (g->keys) {
		hmap_free(g->keys);
		free(g->keys);
	}
	memset(g, 0, sizeof *g);
}
