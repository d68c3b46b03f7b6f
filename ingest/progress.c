/* progress.c: one status line on stderr, redrawn in place: files and
 * articles read, throughput, and the time left from the bytes still to
 * read. Only when stderr is a terminal. */
#include "config.h"

#include "ingest/progress.h"

#include <time.h>

double
progress_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
progress_init(struct progress *p, FILE *fp)
{
	p->fp = fp;
	p->start = progress_now();
	p->last = 0;
	p->total = 0;
	p->shown = 0;
}

void
progress_update(struct progress *p, uint64_t files, uint64_t articles, uint64_t bytes, int force)
{
	if (p->fp == NULL)
		return;
	double now = progress_now();
	if (!force && now - p->last < 0.2)
		return;
	p->last = now;
	double el = now - p->start;
	double mb = (double)bytes / 1e6;
	double rate = el > 0.05 ? mb / el : 0;
	fprintf(p->fp, "\r%llu files, %llu articles, %.1f MB, %.1f MB/s",
		(unsigned long long)files, (unsigned long long)articles, mb, rate);
	if (p->total > 0 && bytes <= p->total) {
		fprintf(p->fp, ", %d%%", (int)(100.0 * (double)bytes / (double)p->total));
		if (rate > 0 && el > 1) {
			long left = (long)((double)(p->total - bytes) / 1e6 / rate + 0.5);
			fprintf(p->fp, ", ETA %ld:%02ld", left / 60, left % 60);
		}
	}
	fputs("\033[K", p->fp);
	fflush(p->fp);
	p->shown = 1;
}

void
progress_clear(struct progress *p)
{
	if (p->fp && p->shown) {
		fputs("\r\033[K", p->fp);
		fflush(p->fp);
		p->shown = 0;
	}
}
