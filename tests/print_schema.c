/* print_schema.c: prints the SQL of an empty version-1 index, for tests
 * that write indexes by hand as a third-party program would. */
#include "config.h"

#include <stdio.h>

#include "model/schema.h"

int
main(void)
{
	fputs(att_schema_sql, stdout);
	return ferror(stdout) ? 1 : 0;
}
