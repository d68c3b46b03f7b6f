/* json.c: JSON Lines records: the common ones by a strict one-pass parser,
 * the rest by SQLite (json_each) in a private in-memory database. */
#include "config.h"

#include "model/json.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

struct att_json {
	sqlite3 *db;
	sqlite3_stmt *each;
};

static const char *const field_keys[ATT_JSON_NFIELDS] = {
	"title", "text", "body", "content", "date", "source", "url", "lang", "id",
};

int
att_json_open(struct att_json **out, struct att_err *err)
{
	struct att_json *j = xcalloc(1, sizeof *j);
	int rc = sqlite3_open_v2(":memory:", &j->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v3(j->db, "SELECT key, type, atom FROM json_each(?1)"
					" WHERE type IN ('text', 'integer', 'real')", -1,
					SQLITE_PREPARE_PERSISTENT, &j->each, NULL);
	if (rc != SQLITE_OK) {
		int code = att_err_set(err, EX_SOFTWARE, "cannot set up the JSON parser: %s",
				       j->db ? sqlite3_errmsg(j->db) : sqlite3_errstr(rc));
		att_json_close(j);
		*out = NULL;
		return code;
	}
	*out = j;
	return 0;
}

void
att_json_close(struct att_json *j)
{
	if (j == NULL)
		return;
	sqlite3_finalize(j->each);
	sqlite3_close(j->db);
	free(j);
}

/* ------------------------------------------------------------------ fast path */

/* The common record is parsed here, in one pass, without SQLite:
 * strict RFC 8259 with no escaped NUL, no surrogate escape, no escape in
 * a key, no number and no repeated key among the fields read. Anything
 * else (and every error) is left to json_each below, so that what a line
 * gives, or why it is refused, is exactly what SQLite says. */

struct fast {
	const char *s, *end;
	struct att_json_rec *rec;
	unsigned seen; /* fields met at the top level, whatever their type */
};

#define FAST_DEPTH 64

static int
fast_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
fast_skip_ws(struct fast *f)
{
	while (f->s < f->end && fast_ws((unsigned char)*f->s))
		f->s++;
}

static int
fast_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A string at f->s (after its opening quote): its value goes to *OUT (a
 * malloc'd copy) when OUT is not NULL. KEY: no escape allowed. 0 when the
 * fast path must give up. */
static int
fast_string(struct fast *f, int key, char **out, size_t *outlen)
{
	const char *p = f->s, *start = p;
	int esc = 0;

	while (p < f->end) {
		if (f->end - p >= 8) {
			/* Eight plain bytes at once: none is a quote, a backslash
			 * or a control character. */
			uint64_t x;
			memcpy(&x, p, 8);
			const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
			uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
			uint64_t hit = ((q - ones) & ~q) | ((b - ones) & ~b) | ((x - ones * 0x20) & ~x);
			if ((hit & high) == 0) {
				p += 8;
				continue;
			}
		}
		unsigned char c = (unsigned char)*p;
		if (c == '"')
			break;
		if (c < 0x20)
			return 0;
		if (c == '\\') {
			if (key || p + 1 >= f->end)
				return 0;
			esc = 1;
			if (p[1] == 'u') {
				if (p + 6 > f->end)
					return 0;
				unsigned v = 0;
				for (int i = 2; i < 6; i++) {
					int h = fast_hex((unsigned char)p[i]);
					if (h < 0)
						return 0;
					v = v * 16 + (unsigned)h;
				}
				if (v == 0 || (v >= 0xd800 && v <= 0xdfff))
					return 0;
				p += 6;
				continue;
			}
			if (!strchr("\"\\/bfnrt", p[1]) || p[1] == '\0')
				return 0;
			p += 2;
			continue;
		}
		p++;
	}
	if (p >= f->end)
		return 0;
	size_t n = (size_t)(p - start);
	f->s = p + 1;
	if (out == NULL)
		return 1;
	char *v = xmalloc(n + 1), *o = v;
	if (!esc) {
		memcpy(v, start, n);
		o += n;
	} else {
		for (const char *q = start; q < p;) {
			if (*q != '\\') {
				*o++ = *q++;
				continue;
			}
			char c = q[1];
			q += 2;
			switch (c) {
			case 'b': *o++ = '\b'; break;
			case 'f': *o++ = '\f'; break;
			case 'n': *o++ = '\n'; break;
			case 'r': *o++ = '\r'; break;
			case 't': *o++ = '\t'; break;
			case 'u': {
				unsigned u = 0;
				for (int i = 0; i < 4; i++)
					u = u * 16 + (unsigned)fast_hex((unsigned char)q[i]);
				q += 4;
				if (u <= 0x7f) {
					*o++ = (char)u;
				} else if (u <= 0x7ff) {
					*o++ = (char)(0xc0 | (u >> 6));
					*o++ = (char)(0x80 | (u & 0x3f));
				} else {
					*o++ = (char)(0xe0 | (u >> 12));
					*o++ = (char)(0x80 | ((u >> 6) & 0x3f));
					*o++ = (char)(0x80 | (u & 0x3f));
				}
				break;
			}
			default: *o++ = c; break; /* " \ / */
			}
		}
	}
	*o = '\0';
	*out = v;
	*outlen = (size_t)(o - v);
	return 1;
}

/* A number in RFC 8259's grammar. */
static int
fast_number(struct fast *f)
{
	const char *p = f->s;
	if (p < f->end && *p == '-')
		p++;
	if (p < f->end && *p == '0') {
		p++;
	} else if (p < f->end && *p >= '1' && *p <= '9') {
		while (p < f->end && *p >= '0' && *p <= '9')
			p++;
	} else {
		return 0;
	}
	if (p < f->end && *p == '.') {
		p++;
		if (p >= f->end || !(*p >= '0' && *p <= '9'))
			return 0;
		while (p < f->end && *p >= '0' && *p <= '9')
			p++;
	}
	if (p < f->end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < f->end && (*p == '+' || *p == '-'))
			p++;
		if (p >= f->end || !(*p >= '0' && *p <= '9'))
			return 0;
		while (p < f->end && *p >= '0' && *p <= '9')
			p++;
	}
	f->s = p;
	return 1;
}

static int fast_value(struct fast *f, int depth, int field);

/* An object or array after its opening bracket. TOP: the record itself,
 * whose members may be fields. */
static int
fast_container(struct fast *f, int depth, int object, int top)
{
	char close = object ? '}' : ']';

	if (depth > FAST_DEPTH)
		return 0;
	fast_skip_ws(f);
	if (f->s < f->end && *f->s == close) {
		f->s++;
		return 1;
	}
	for (;;) {
		int field = -1;
		if (object) {
			if (f->s >= f->end || *f->s != '"')
				return 0;
			f->s++;
			const char *k = f->s;
			if (!fast_string(f, 1, NULL, NULL))
				return 0;
			size_t kl = (size_t)(f->s - 1 - k);
			if (top)
				for (int i = 0; i < ATT_JSON_NFIELDS; i++)
					if (strlen(field_keys[i]) == kl && memcmp(field_keys[i], k, kl) == 0) {
						field = i;
						break;
					}
			fast_skip_ws(f);
			if (f->s >= f->end || *f->s != ':')
				return 0;
			f->s++;
			fast_skip_ws(f);
		}
		if (field >= 0) {
			if (f->seen & (1u << field))
				return 0; /* which one wins depends on the types: SQLite's call */
			f->seen |= 1u << field;
		}
		if (!fast_value(f, depth, field))
			return 0;
		fast_skip_ws(f);
		if (f->s >= f->end)
			return 0;
		if (*f->s == close) {
			f->s++;
			return 1;
		}
		if (*f->s != ',')
			return 0;
		f->s++;
		fast_skip_ws(f);
	}
}

/* A value; FIELD >= 0 when it is one of the record's fields. */
static int
fast_value(struct fast *f, int depth, int field)
{
	if (f->s >= f->end)
		return 0;
	char c = *f->s;
	size_t left = (size_t)(f->end - f->s);
	switch (c) {
	case '"':
		f->s++;
		if (field >= 0)
			return fast_string(f, 0, &f->rec->val[field], &f->rec->len[field]);
		return fast_string(f, 0, NULL, NULL);
	case '{':
	case '[':
		f->s++;
		return fast_container(f, depth + 1, c == '{', 0);
	case 't':
		if (left < 4 || memcmp(f->s, "true", 4) != 0)
			return 0;
		f->s += 4;
		return 1;
	case 'f':
		if (left < 5 || memcmp(f->s, "false", 5) != 0)
			return 0;
		f->s += 5;
		return 1;
	case 'n':
		if (left < 4 || memcmp(f->s, "null", 4) != 0)
			return 0;
		f->s += 4;
		return 1;
	default:
		/* A field's number is written as SQLite writes it (1e3 is
		 * 1000.0): left to SQLite. */
		return field < 0 && fast_number(f);
	}
}

/* 1 when the fast path parsed LINE into REC; 0 (REC empty) when it is
 * SQLite's to parse. */
static int
fast_parse(const char *line, size_t len, struct att_json_rec *rec)
{
	struct fast f = {line, line + len, rec, 0};

	fast_skip_ws(&f);
	if (f.s >= f.end || *f.s != '{')
		return 0;
	f.s++;
	int ok = fast_container(&f, 1, 1, 1);
	if (ok) {
		fast_skip_ws(&f);
		ok = f.s == f.end;
	}
	if (!ok)
		att_json_rec_free(rec);
	rec->verbatim = ok;
	return ok;
}

/* SQLite's JSON functions end a string at an escaped NUL (\u0000) and
 * lose the rest: returns a copy of LINE with each one made \ufffd (the
 * replacement character), counting them in *N, or NULL when it has none. */
static char *
nul_escapes(const char *line, size_t len, unsigned *n)
{
	char *copy = NULL;

	*n = 0;
	for (size_t i = 0; i + 1 < len; i++) {
		if (line[i] != '\\')
			continue;
		if (line[i + 1] == 'u' && i + 6 <= len && memcmp(line + i + 2, "0000", 4) == 0) {
			if (copy == NULL) {
				copy = xmalloc(len);
				memcpy(copy, line, len);
			}
			memcpy(copy + i + 2, "fffd", 4);
			(*n)++;
		}
		i++; /* the escaped character */
	}
	return copy;
}

int
att_json_parse(struct att_json *j, const char *line, size_t len, struct att_json_rec *rec,
	       const char **why)
{
	memset(rec, 0, sizeof *rec);
	if (fast_parse(line, len, rec))
		return 0;
	return att_json_parse_sqlite(j, line, len, rec, why);
}

int
att_json_parse_sqlite(struct att_json *j, const char *line, size_t len, struct att_json_rec *rec,
		      const char **why)
{
	int rc, ok = 0;
	unsigned nuls;

	memset(rec, 0, sizeof *rec);
	char *fixed = nul_escapes(line, len, &nuls);
	if (fixed)
		line = fixed;
	/* Valid JSON whose first byte after blanks is '{' is an object: the
	 * text is parsed once, by json_each, which fails on invalid JSON,
	 * instead of once more by json_valid and json_type first (a third
	 * of the reader's time). */
	size_t lead = 0;
	while (lead < len && (line[lead] == ' ' || line[lead] == '\t' || line[lead] == '\n' ||
			      line[lead] == '\r' || line[lead] == '\f' || line[lead] == '\v'))
		lead++;
	ok = lead < len && line[lead] == '{';
	sqlite3_bind_text64(j->each, 1, line, len, SQLITE_STATIC, SQLITE_UTF8);
	while ((rc = sqlite3_step(j->each)) == SQLITE_ROW) {
		if (!ok)
			continue;
		const char *key = (const char *)sqlite3_column_text(j->each, 0);
		if (key == NULL)
			continue;
		for (int f = 0; f < ATT_JSON_NFIELDS; f++) {
			/* The first occurrence of a key wins. */
			if (strcmp(key, field_keys[f]) != 0 || rec->val[f] != NULL)
				continue;
			const char *v = (const char *)sqlite3_column_text(j->each, 2);
			size_t n = (size_t)sqlite3_column_bytes(j->each, 2);
			rec->val[f] = xmalloc(n + 1);
			if (n)
				memcpy(rec->val[f], v, n);
			rec->val[f][n] = '\0';
			rec->len[f] = n;
		}
	}
	/* "malformed JSON" (SQLite's word) is ours; other failures keep
	 * SQLite's message (too big, out of memory). */
	const char *msg = rc == SQLITE_DONE ? NULL : sqlite3_errmsg(j->db);
	if (msg && strcmp(msg, "malformed JSON") == 0)
		msg = "not valid JSON";
	else if (msg == NULL && !ok)
		msg = "not a JSON object";
	if (msg) {
		*why = msg;
		sqlite3_reset(j->each); /* after reading the message, which it resets */
		sqlite3_clear_bindings(j->each);
		free(fixed);
		att_json_rec_free(rec);
		return -1;
	}
	sqlite3_reset(j->each);
	sqlite3_clear_bindings(j->each);
	free(fixed);
	rec->nul_escapes = nuls;
	return 0;
}

void
att_json_rec_free(struct att_json_rec *rec)
{
	for (int f = 0; f < ATT_JSON_NFIELDS; f++)
		free(rec->val[f]);
	memset(rec, 0, sizeof *rec);
}
