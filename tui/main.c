/* main.c: the attache command line: options, batch modes, then the browser. */
#include "config.h"

#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "model/index.h"
#include "model/text.h"
#include "model/util.h"
#include "tui/batch.h"
#include "tui/app.h"
#include "tui/conf.h"
#include "tui/keys.h"
#include "tui/trace.h"

static void
usage(FILE *fp)
{
	fprintf(fp,
		"Usage: attache [OPTION]... [INDEX]\n"
		"Browse an attache index of news articles: the article list, each article\n"
		"with its entities highlighted, and the country-relations matrix.\n"
		"\n"
		"  -c, --check           validate INDEX and print a one-line summary\n"
		"      --list [FILTER]   print the matching articles as TSV, newest first\n"
		"      --show ID         print article ID with its entities marked\n"
		"      --matrix [FILTER] print the country co-mention matrix as CSV\n"
		"      --entities [FILTER]  print the entities as TSV, most articles first\n"
		"      --script FILE     read keys and commands from FILE, headless (tests)\n"
		"      --trace FILE      write the time each key took to update the screen\n"
		"      --config FILE     read FILE instead of ~/.config/attache/config\n"
		"      --dump-config     print the effective configuration and exit\n"
		"      --theme NAME      use colour theme NAME\n"
		"      --list-themes     list the colour themes found and exit\n"
		"      --mono            no colours, attributes only (as with $NO_COLOR)\n"
		"  -h, --help            show this help and exit\n"
		"  -V, --version         show the version and exit\n"
		"\n"
		"Without INDEX: $ATTACHE_INDEX, else the configured index, else the demo index.\n"
		"Exit status: 0 ok, 64 usage, 65 bad index, 66 no index, 73 cannot create the\n"
		"--trace file, 74 I/O error, 78 config.\n"
		"See attache(1) and attache-index(5).\n");
}

/* Prints an error in the one-line form every message takes. */
static int
fail(const struct att_err *err)
{
	char *safe = att_sanitize_dup(err->msg, strlen(err->msg), 0);
	fprintf(stderr, "attache: %s\n", safe);
	free(safe);
	return err->code;
}

/* Finds the demo index: installed, or beside the binary in a build tree. */
static char *
demo_index(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (access(ATT_PKGDATADIR "/demo.idx", R_OK) == 0)
		return xstrdup(ATT_PKGDATADIR "/demo.idx");
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			char *p = xasprintf("%s/../data/demo/demo.idx", exe);
			if (access(p, R_OK) == 0)
				return p;
			free(p);
		}
	}
	return xstrdup(ATT_PKGDATADIR "/demo.idx");
}

/* The browser needs a terminal on both sides and a TERM that names one;
 * checked before anything is drawn, so that a pipe never gets curses
 * output. Returns 0 or an exit code (the message printed). */
static int
check_terminal(void)
{
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "attache: %s is not a terminal; for scripts use the batch modes "
				"(--list, --show, --matrix, --entities; see attache --help)\n",
			!isatty(STDIN_FILENO) ? "standard input" : "standard output");
		return EX_USAGE;
	}
	if (!term || !*term || strcmp(term, "dumb") == 0) {
		fprintf(stderr, "attache: TERM is %s: the browser needs a terminal that can move "
				"the cursor (set TERM, e.g. TERM=xterm-256color); for scripts use the "
				"batch modes (--list, --show, --matrix, --entities)\n",
			!term ? "not set" : !*term ? "empty" : "'dumb'");
		return EX_CONFIG;
	}
	return 0;
}

/* The configuration, for general.index (set once main has read it). */
static const struct att_config *index_cfg;

static char *
resolve_index(const char *arg)
{
	const char *env = getenv("ATTACHE_INDEX");
	char *conf = index_cfg ? att_config_index(index_cfg) : NULL;

	if (arg || (env && *env)) {
		free(conf);
		return xstrdup(arg ? arg : env);
	}
	return conf ? conf : demo_index();
}

int
main(int argc, char **argv)
{
	enum { OPT_SCRIPT = 512, OPT_TRACE,
	       /* tui/conf.c */
	       OPT_CONFIG = 768, OPT_DUMP_CONFIG, OPT_THEME, OPT_LIST_THEMES, OPT_MONO };
	static const struct option longopts[] = {
		{"check", no_argument, NULL, 'c'},
		{"script", required_argument, NULL, OPT_SCRIPT},
		{"trace", required_argument, NULL, OPT_TRACE},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		/* batch modes (tui/batch.c) */
		{"list", no_argument, NULL, 256 + ATT_BATCH_LIST},
		{"show", required_argument, NULL, 256 + ATT_BATCH_SHOW},
		{"matrix", no_argument, NULL, 256 + ATT_BATCH_MATRIX},
		{"entities", no_argument, NULL, 256 + ATT_BATCH_ENTITIES},
		/* tui/conf.c: configuration and themes */
		{"config", required_argument, NULL, OPT_CONFIG},
		{"dump-config", no_argument, NULL, OPT_DUMP_CONFIG},
		{"theme", required_argument, NULL, OPT_THEME},
		{"list-themes", no_argument, NULL, OPT_LIST_THEMES},
		{"mono", no_argument, NULL, OPT_MONO},
		{NULL, 0, NULL, 0},
	};
	int opt, check = 0, code = 0;
	enum att_batch_mode batch = ATT_BATCH_NONE; /* batch modes */
	const char *show_id = NULL;
	const char *script = NULL;
	const char *trace = NULL;
	int dump_config = 0, list_themes = 0, mono = 0;
	const char *config_path = NULL, *theme = NULL;
	struct att_config cfg;
	struct att_err err;

	att_trace_origin(); /* --trace times the start-up from here */
	setlocale(LC_ALL, "");
	att_progname = "attache";
	while ((opt = getopt_long(argc, argv, "chV", longopts, NULL)) != -1) {
		switch (opt) {
		case 'c': check = 1; break;
		case OPT_SCRIPT: script = optarg; break;
		case OPT_TRACE: trace = optarg; break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("attache %s (index format %d)\n", PACKAGE_VERSION, 1); return 0;
		/* batch modes: one at most */
		case 256 + ATT_BATCH_LIST:
		case 256 + ATT_BATCH_SHOW:
		case 256 + ATT_BATCH_MATRIX:
		case 256 + ATT_BATCH_ENTITIES:
			if (batch != ATT_BATCH_NONE) {
				fprintf(stderr, "attache: one of --list, --show, --matrix, --entities at most\n");
				return EX_USAGE;
			}
			batch = (enum att_batch_mode)(opt - 256);
			show_id = optarg;
			break;
		case OPT_CONFIG: config_path = optarg; break;
		case OPT_DUMP_CONFIG: dump_config = 1; break;
		case OPT_THEME: theme = optarg; break;
		case OPT_LIST_THEMES: list_themes = 1; break;
		case OPT_MONO: mono = 1; break;
		default: usage(stderr); return EX_USAGE;
		}
	}
	if (trace && (batch != ATT_BATCH_NONE || check)) {
		fprintf(stderr, "attache: --trace times the browser; it does not go with --check or "
				"the batch modes\n");
		return EX_USAGE;
	}
	/* The configuration: its messages go to stderr before curses starts. */
	att_config_init(&cfg);
	att_err_clear(&err);
	if (att_config_load(&cfg, config_path, &err) != 0) {
		att_config_free(&cfg);
		return fail(&err);
	}
	index_cfg = &cfg;
	if (batch != ATT_BATCH_NONE) { /* batch modes: tui/batch.c */
		att_config_print_msgs(&cfg, stderr);
		code = batch_run(batch, show_id, argc - optind, argv + optind, resolve_index, stdout);
		att_config_free(&cfg);
		return code;
	}
	if (argc - optind > 1) {
		fprintf(stderr, "attache: too many arguments (one INDEX at most); see attache --help\n");
		att_config_free(&cfg);
		return EX_USAGE;
	}
	if (theme)
		att_config_set(&cfg, "general", "theme", theme, "--theme", 0);
	att_config_print_msgs(&cfg, stderr);
	if (list_themes) {
		att_config_list_themes(stdout);
		att_config_free(&cfg);
		return fflush(stdout) == 0 && !ferror(stdout) ? 0 : EX_IOERR;
	}
	struct att_msgs theme_msgs = {NULL, 0};
	att_config_use_theme(&cfg, NULL, att_config_mono(mono), &theme_msgs);
	for (size_t i = 0; i < theme_msgs.n; i++) {
		char *safe = att_sanitize_dup(theme_msgs.v[i], strlen(theme_msgs.v[i]), 0);
		fprintf(stderr, "attache: %s\n", safe);
		free(safe);
	}
	att_msgs_free(&theme_msgs);
	if (dump_config) {
		att_config_dump(&cfg, stdout);
		att_config_free(&cfg);
		return fflush(stdout) == 0 && !ferror(stdout) ? 0 : EX_IOERR;
	}
	att_config_bind_keys(&cfg);
	att_config_active = &cfg;

	char *path = resolve_index(optind < argc ? argv[optind] : NULL);
	struct att_index *idx;
	att_err_clear(&err);

	if (att_index_open(path, &idx, &err) != 0) {
		free(path);
		att_config_free(&cfg);
		return fail(&err);
	}
	if (check) {
		struct att_index_summary sum;
		if (att_index_check(idx, &sum, &err) != 0) {
			code = fail(&err);
		} else {
			char *safe = att_sanitize_dup(path, strlen(path), 0);
			printf("%s: ok: format %d, %lld articles, %lld entities, %lld mentions, "
			       "%lld relations, %lld country pairs\n",
			       safe, sum.format, (long long)sum.articles, (long long)sum.entities,
			       (long long)sum.mentions, (long long)sum.relations, (long long)sum.pairs);
			free(safe);
		}
	} else if (!script && (code = check_terminal()) != 0) {
		/* the message is printed */
	} else if (trace && (code = att_trace_open(trace, path, &err)) != 0) {
		fail(&err); /* before curses starts */
	} else {
		/* The browser's options from the configuration (tui/conf.h). */
		static const int sorts[] = {ATT_SORT_NEWEST, ATT_SORT_TITLE, ATT_SORT_RELEVANCE};
		long sort = att_config_num(&cfg, ATT_OPT_LIST_SORT);
		long ascii = att_config_num(&cfg, ATT_OPT_ASCII_ONLY); /* auto|on|off */
		struct app_options aopt = APP_OPTIONS_INIT;
		aopt.mono = att_config_mono(mono);
		aopt.escdelay = (int)att_config_num(&cfg, ATT_OPT_ESCDELAY);
		aopt.ascii = ascii == 1 ? 1 : -1; /* "off" cannot make a C locale draw UTF-8 */
		aopt.sort = sort >= 0 && sort < 3 ? sorts[sort] : ATT_SORT_NEWEST;
		aopt.matrix_articles = att_config_num(&cfg, ATT_OPT_MATRIX_LEVEL) == 1;
		aopt.matrix_tone = att_config_num(&cfg, ATT_OPT_MATRIX_COLOURING) == 1;
		aopt.mouse = att_config_num(&cfg, ATT_OPT_MOUSE) == 1;
		code = app_run(&idx, path, script, &aopt, &err);
		att_keymap_free();
		if (code != 0 && err.msg[0])
			fail(&err);
		att_err_clear(&err);
		if (att_trace_close(&err) != 0 && code == 0)
			code = fail(&err);
	}
	att_index_close(idx);
	free(path);
	att_config_free(&cfg);
	return code;
}
