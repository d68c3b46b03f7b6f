/* print_schema.c: prints the SQL of an empty version-1 index, for tests
 * that write indexes by hand as a third-party program would; with
 * --extras, the SQL of the optional extras, to run once the rows are in. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/schema.h"

int
main(int argc, char **argv)
{
	fputs(argc > 1 && strcmp(argv[1], "--extras") == 0 ? att_schema_extras_sql : att_schema_sql,
	      stdout);
	return ferror(stdout) ? 1 : 0;
}
