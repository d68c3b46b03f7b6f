/* schema.c: the SQL of index format version 1.
 * Keep in step with man/attache-index.5: it is a contract with other
 * programs that write indexes. */
#include "config.h"

#include "model/schema.h"

#include <stddef.h>

const char att_schema_sql[] =
	"CREATE TABLE meta(\n"
	"  key TEXT PRIMARY KEY NOT NULL,\n"
	"  value TEXT\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE article(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  path TEXT,\n"
	"  title TEXT NOT NULL,\n"
	"  date TEXT,\n"
	"  source TEXT,\n"
	"  lang TEXT,\n"
	"  body TEXT NOT NULL,\n"
	"  url TEXT,\n"
	"  original TEXT,\n"
	"  countries TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE TABLE entity(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('country','person','org','place')),\n"
	"  name TEXT NOT NULL,\n"
	"  country TEXT,\n"
	"  articles INTEGER NOT NULL DEFAULT 0,\n"
	"  mentions INTEGER NOT NULL DEFAULT 0\n"
	");\n"
	"CREATE INDEX entity_kind ON entity(kind, articles DESC);\n"
	"CREATE TABLE alias(\n"
	"  key TEXT NOT NULL,\n"
	"  entity_id INTEGER NOT NULL,\n"
	"  name TEXT NOT NULL,\n"
	"  PRIMARY KEY (key, entity_id, name)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX alias_entity ON alias(entity_id);\n"
	"CREATE TABLE mention(\n"
	"  article_id INTEGER NOT NULL,\n"
	"  entity_id INTEGER NOT NULL,\n"
	"  field TEXT NOT NULL CHECK (field IN ('title','body')),\n"
	"  pos INTEGER NOT NULL,\n"
	"  len INTEGER NOT NULL,\n"
	"  PRIMARY KEY (article_id, field, pos)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE article_entity(\n"
	"  entity_id INTEGER NOT NULL,\n"
	"  article_id INTEGER NOT NULL,\n"
	"  mentions INTEGER NOT NULL,\n"
	"  PRIMARY KEY (entity_id, article_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX article_entity_article ON article_entity(article_id);\n"
	"CREATE TABLE sentence(\n"
	"  article_id INTEGER NOT NULL,\n"
	"  n INTEGER NOT NULL,\n"
	"  field TEXT NOT NULL CHECK (field IN ('title','body')),\n"
	"  pos INTEGER NOT NULL,\n"
	"  len INTEGER NOT NULL,\n"
	"  tone REAL NOT NULL DEFAULT 0,\n"
	"  PRIMARY KEY (article_id, n)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE relation(\n"
	"  article_id INTEGER NOT NULL,\n"
	"  a TEXT NOT NULL,\n"
	"  b TEXT NOT NULL,\n"
	"  sentences INTEGER NOT NULL,\n"
	"  tone REAL NOT NULL,\n"
	"  PRIMARY KEY (article_id, a, b),\n"
	"  CHECK (a < b)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX relation_pair ON relation(a, b, article_id);\n"
	"CREATE TABLE evidence(\n"
	"  a TEXT NOT NULL,\n"
	"  b TEXT NOT NULL,\n"
	"  article_id INTEGER NOT NULL,\n"
	"  n INTEGER NOT NULL,\n"
	"  PRIMARY KEY (a, b, article_id, n),\n"
	"  CHECK (a < b)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE pair(\n"
	"  a TEXT NOT NULL,\n"
	"  b TEXT NOT NULL,\n"
	"  articles INTEGER NOT NULL,\n"
	"  sentences INTEGER NOT NULL,\n"
	"  tone REAL NOT NULL,\n"
	"  PRIMARY KEY (a, b),\n"
	"  CHECK (a < b)\n"
	") WITHOUT ROWID;\n"
	"CREATE VIRTUAL TABLE article_fts USING fts5(title, body, content='article',"
	" content_rowid='id', tokenize='unicode61 remove_diacritics 2');\n";

const char att_schema_extras_sql[] =
	"CREATE INDEX article_countries ON article(id, countries);\n"
	"CREATE INDEX article_title ON article(coalesce(CAST(title AS TEXT), '')"
	" COLLATE NOCASE, id);\n"
	"CREATE TABLE article_matrix(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  countries TEXT NOT NULL,\n"
	"  pairs TEXT NOT NULL\n"
	");\n"
	"INSERT INTO article_matrix(id, countries, pairs)"
	" SELECT a.id, a.countries, coalesce((SELECT group_concat(r.a || ' ' || r.b || ' ' ||"
	" r.sentences || ' ' || printf('%!.17g', r.tone), ';') FROM relation AS r"
	" WHERE r.article_id = a.id), '')"
	" FROM article AS a INDEXED BY article_countries WHERE a.countries <> '';\n";

static const char *const meta_cols[] = {"key", "value", NULL};
static const char *const article_cols[] = {"id", "path", "title", "date", "source", "lang",
					   "body", "url", "original", "countries", NULL};
static const char *const entity_cols[] = {"id", "kind", "name", "country", "articles",
					  "mentions", NULL};
static const char *const alias_cols[] = {"key", "entity_id", "name", NULL};
static const char *const mention_cols[] = {"article_id", "entity_id", "field", "pos", "len",
					   NULL};
static const char *const article_entity_cols[] = {"entity_id", "article_id", "mentions", NULL};
static const char *const sentence_cols[] = {"article_id", "n", "field", "pos", "len", "tone",
					    NULL};
static const char *const relation_cols[] = {"article_id", "a", "b", "sentences", "tone", NULL};
static const char *const evidence_cols[] = {"a", "b", "article_id", "n", NULL};
static const char *const pair_cols[] = {"a", "b", "articles", "sentences", "tone", NULL};

const struct att_table_spec att_schema_tables[] = {
	{"meta", meta_cols},
	{"article", article_cols},
	{"entity", entity_cols},
	{"alias", alias_cols},
	{"mention", mention_cols},
	{"article_entity", article_entity_cols},
	{"sentence", sentence_cols},
	{"relation", relation_cols},
	{"evidence", evidence_cols},
	{"pair", pair_cols},
};
const unsigned att_schema_ntables = sizeof att_schema_tables / sizeof att_schema_tables[0];
