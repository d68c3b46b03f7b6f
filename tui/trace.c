/* trace.c: attache --trace: the time from reading each input to the
 * screen update for it, written when the browser goes idle (so a driver
 * that waits for a line knows the input was handled in full). */
#include "config.h"

#include "tui/trace.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "tui/draw.h"
#include "tui/keys.h"

static FILE *trace_fp;
static char *trace_path;
static struct timespec origin;

/* The input being timed: its name, when it was read, its first and last
 * screen updates (0: none yet), and whether its line is written. */
static struct {
	char name[64];
	double in, first, last;
	int active, written;
} cur;

static double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void
att_trace_origin(void)
{
	clock_gettime(CLOCK_MONOTONIC, &origin);
}

int
att_trace_open(const char *path, const char *keep, struct att_err *err)
{
	struct stat a, b;

	/* Truncating the index being browsed would destroy it. */
	if (keep && stat(path, &a) == 0 && stat(keep, &b) == 0 && a.st_dev == b.st_dev &&
	    a.st_ino == b.st_ino)
		return att_err_set(err, EX_USAGE, "%s: the trace would overwrite the index", path);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

	if (fd < 0)
		return att_err_set(err, EX_CANTCREAT, "%s: cannot create the trace: %s", path,
				   strerror(errno));
	trace_fp = fdopen(fd, "w");
	if (!trace_fp) {
		close(fd);
		return att_err_set(err, EX_CANTCREAT, "%s: %s", path, strerror(errno));
	}
	setvbuf(trace_fp, NULL, _IOLBF, 0);
	trace_path = xstrdup(path);
	/* The start-up is timed like an input read when main() began. */
	snprintf(cur.name, sizeof cur.name, "start");
	cur.in = (double)origin.tv_sec * 1e3 + (double)origin.tv_nsec / 1e6;
	if (cur.in == 0)
		cur.in = now_ms();
	cur.first = cur.last = 0;
	cur.active = 1;
	cur.written = 0;
	return 0;
}

void
att_trace_input(const char *name)
{
	if (!trace_fp)
		return;
	att_trace_idle();
	cur.in = now_ms();
	/* A name is one word: sanitised, spaces replaced. */
	char *safe = att_draw_clean(name, strlen(name), 0);
	snprintf(cur.name, sizeof cur.name, "%s", *safe ? safe : "?");
	free(safe);
	for (char *p = cur.name; *p; p++)
		if (*p == ' ' || *p == '\t')
			*p = '_';
	cur.first = cur.last = 0;
	cur.active = 1;
	cur.written = 0;
}

void
att_trace_key(int key)
{
	char name[48];

	if (!trace_fp)
		return;
	if (key == (KEY_RESIZE | ATT_KEY_FN))
		att_trace_input("resize");
	else
		att_trace_input(att_key_name(key, name, sizeof name));
}

void
att_trace_updated(void)
{
	if (!trace_fp || !cur.active)
		return;
	double t = now_ms();
	if (cur.first == 0)
		cur.first = t;
	else
		cur.last = t;
}

void
att_trace_idle(void)
{
	if (!trace_fp || !cur.active)
		return;
	if (!cur.written) {
		/* An input with no screen update (the last 'q'): until now. */
		double t = cur.first ? cur.first : now_ms();
		fprintf(trace_fp, "%s %.3f\n", cur.name, t - cur.in);
		cur.written = 1;
	}
	if (cur.last) {
		/* Updates after the first: deferred work (stale panes, a live
		 * filter's query, counts) finished. */
		fprintf(trace_fp, "done %.3f\n", cur.last - cur.in);
		cur.last = 0;
	}
}

int
att_trace_close(struct att_err *err)
{
	int rc = 0;

	if (!trace_fp)
		return 0;
	att_trace_idle();
	if (ferror(trace_fp) | (fclose(trace_fp) != 0))
		rc = att_err_set(err, EX_IOERR, "%s: cannot write the trace", trace_path);
	trace_fp = NULL;
	free(trace_path);
	trace_path = NULL;
	return rc;
}
