/* conf_ini.h: reading ini files (the config file and themes) through
 * iniparser without falling into its traps: lines over 1023 bytes, NUL
 * bytes, a UTF-8 BOM, sections named like keys (CVE-2023-33461), unquoted
 * "#ff0000" read as a comment, "a;b" read as "a", duplicate keys, and
 * errors printed to stderr. Every problem becomes a "FILE:LINE: message". */
#ifndef ATTACHE_CONF_INI_H
#define ATTACHE_CONF_INI_H

#include <stddef.h>
#include <stdio.h>

#include "model/util.h"

/* A list of one-line messages, in the order they were found. */
struct att_msgs {
	char **v;
	size_t n;
};
void att_msgs_add(struct att_msgs *m, const char *fmt, ...) ATT_PRINTF(2, 3);
void att_msgs_free(struct att_msgs *m);

/* One key of the file; the last of duplicate keys wins. */
struct att_ini_entry {
	char *section; /* lower case, as iniparser folds it */
	char *key;     /* lower case */
	char *value;   /* as read by iniparser, never NULL */
	int line;
};

struct att_ini {
	char *path;
	struct att_ini_entry *e;
	size_t n;
	char **sections; /* every section seen, in order (lower case) */
	int *section_lines;
	size_t nsections;
};

/* Reads PATH. Returns 0 (problems in lines go to MSGS and those lines are
 * skipped), or -1 with ERR set when the file cannot be read at all:
 * EX_NOINPUT when it is missing, EX_CONFIG otherwise. */
int att_ini_load(const char *path, struct att_ini *ini, struct att_msgs *msgs,
		 struct att_err *err);
void att_ini_free(struct att_ini *ini);

/* Writes VALUE to FP so that att_ini_load reads it back unchanged:
 * quoted when it holds ';', '#', a quote or outer blanks. */
void att_ini_write_value(FILE *fp, const char *value);

#endif
