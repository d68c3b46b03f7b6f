/* query_fixture.h: a small index built in the test itself, shared by the
 * filter and query unit tests. */
#ifndef ATTACHE_QUERY_FIXTURE_H
#define ATTACHE_QUERY_FIXTURE_H

#include <sqlite3.h>

#include "model/index.h"

/* Entity ids of the fixture. */
enum { E_RU = 1, E_BY, E_UA, E_TR, E_PUTIN, E_LUKA, E_MINSK, E_SHOIGU };

/* Builds the fixture at PATH (the articles described in query_fixture.c),
 * runs EXTRA (SQL, may be NULL) and opens it. */
struct att_index *fixture_open(const char *path, const char *extra);
/* A fresh temporary directory's file name, owned by the caller. */
char *fixture_path(const char *name);

#endif
