/* main.c: the attache-index command line. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>

#include "model/util.h"

static void
usage(FILE *fp)
{
	fprintf(fp,
		"Usage: attache-index [OPTION]... -o INDEX FILE|DIR|-...\n"
		"Build an attache index from news articles (plain text or JSON Lines).\n"
		"\n"
		"  -o, --output INDEX    the index to write (replaced atomically)\n"
		"  -q, --quiet           no progress line and no summary\n"
		"  -h, --help            show this help and exit\n"
		"  -V, --version         show the version and exit\n"
		"\n"
		"See attache-index(1) and attache-index(5).\n");
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int opt;
	const char *out = NULL;

	att_progname = "attache-index";
	while ((opt = getopt_long(argc, argv, "o:qhV", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o': out = optarg; break;
		case 'q': break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("attache-index %s (index format %d)\n", PACKAGE_VERSION, 1); return 0;
		default: usage(stderr); return EX_USAGE;
		}
	}
	if (out == NULL) {
		fprintf(stderr, "attache-index: no output index given (-o INDEX); see attache-index --help\n");
		return EX_USAGE;
	}
	fprintf(stderr, "attache-index: not implemented yet\n");
	return EX_SOFTWARE;
}
