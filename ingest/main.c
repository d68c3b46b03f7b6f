/* main.c: the attache-index command line, and the pipeline that runs it.
 *
 *   reader thread:   walks and reads the inputs, emits cleaned articles
 *                    into a bounded ring, in input order
 *   N workers:       run the recogniser on the next unclaimed article
 *   main thread:     writes the articles in input order as they are done,
 *                    draws the progress line, watches for signals
 *
 * The index does not depend on thread timing: articles are written in
 * the order they were read. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stddef.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "ingest/ingest.h"
#include "ingest/progress.h"
#include "ingest/read.h"
#include "model/text.h"
#include "model/write.h"

#define MAX_THREADS 8

static volatile sig_atomic_t got_signal;

/* Only sets the flag: the main loop checks it between articles, and the
 * writer's progress handler while a statement runs. */
static void
on_signal(int sig)
{
	got_signal = sig;
}

static void
usage(FILE *fp)
{
	fprintf(fp,
		"Usage: attache-index [OPTION]... -o INDEX FILE|DIR|-...\n"
		"Build an attache index from news articles (plain text or JSON Lines).\n"
		"\n"
		"  -o, --output INDEX     the index to write (replaced atomically)\n"
		"      --gazetteer FILE   another gazetteer to load (repeatable)\n"
		"      --data-dir DIR     where gazetteer/ and lexicon/ are\n"
		"  -j, --jobs N           recogniser threads (default: CPUs, at most %d)\n"
		"  -q, --quiet            no progress line and no summary\n"
		"  -h, --help             show this help and exit\n"
		"  -V, --version          show the version and exit\n"
		"\n"
		"Directories are read recursively; - reads standard input.\n"
		"See attache-index(1) and attache-index(5).\n",
		MAX_THREADS);
}

/* ------------------------------------------------------------------ pipeline */

struct slot {
	struct att_doc doc;
	struct att_doc_ann ann;
	int state; /* 0 free, 1 read, 2 recognised */
};

/* Articles change hands in batches: the reader publishes READ_BATCH at
 * a time, a worker claims up to WORK_BATCH, the main thread writes every
 * recognised article in order before it frees their slots; a wait lasts
 * until a whole batch can be done. One lock and wake-up per batch instead
 * of per article (futex wake-ups and context switches were about 5% of
 * the samples). */
#define READ_BATCH 8
#define WORK_BATCH 4
#define RING_PER_JOB 32

/* One lock; a condition per kind of waiter, so that each change wakes
 * only the thread that can act on it (a broadcast to all four threads
 * per article cost a context switch each). */
struct pipeline {
	pthread_mutex_t mu;
	pthread_cond_t space; /* the reader: a slot was freed */
	pthread_cond_t work;  /* the workers: an article was read */
	pthread_cond_t done;  /* the main thread: an article was recognised */
	struct slot *ring;
	size_t cap;
	uint64_t produced, claimed, written;
	uint64_t pending, room; /* the reader's: filled but unpublished slots, free slots known */
	int reader_done, stop;
	const struct recogniser *rec;
	char **inputs;
	size_t ninputs;
	struct read_stats rs;     /* the reader's, copied under the lock */
	struct read_stats shown;  /* a snapshot for the progress line */
	struct progress prog;
	int quiet;
	int code;                 /* the reader's fatal error */
	struct att_err err;
};

static pthread_mutex_t err_mu = PTHREAD_MUTEX_INITIALIZER;
static struct progress *err_prog;

/* Prints one warning line, sanitised (file names may hold escapes). */
static void ATT_PRINTF(2, 3)
warn(void *arg, const char *fmt, ...)
{
	struct pipeline *p = arg;
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	char *clean = att_sanitize_dup(b.data ? b.data : "", b.len, 0);
	pthread_mutex_lock(&err_mu);
	if (err_prog)
		progress_clear(err_prog);
	(void)p;
	fprintf(stderr, "%s: warning: %s\n", att_progname, clean);
	pthread_mutex_unlock(&err_mu);
	free(clean);
	buf_free(&b);
}

/* Hands the reader's filled slots to the workers (under the lock): one
 * wake-up per worker's batch. */
static void
publish(struct pipeline *p)
{
	if (p->pending == 0)
		return;
	p->produced += p->pending;
	for (uint64_t n = 0; n < p->pending; n += WORK_BATCH)
		pthread_cond_signal(&p->work);
	p->pending = 0;
	p->shown = p->rs;
}

static int
emit(void *arg, struct att_doc *doc)
{
	struct pipeline *p = arg;

	if (p->room == 0) {
		/* The slots known free are filled: publish them and wait for a
		 * batch's worth of room (or the last slots). */
		pthread_mutex_lock(&p->mu);
		publish(p);
		while (p->cap - (p->produced - p->written) < READ_BATCH && !p->stop)
			pthread_cond_wait(&p->space, &p->mu);
		int stop = p->stop;
		p->room = p->cap - (p->produced - p->written);
		pthread_mutex_unlock(&p->mu);
		if (stop) {
			att_doc_free(doc);
			return 1;
		}
	}
	/* Slots past PRODUCED are the reader's alone until published. */
	struct slot *s = &p->ring[(p->produced + p->pending) % p->cap];
	s->doc = *doc;
	memset(&s->ann, 0, sizeof s->ann);
	s->state = 1;
	p->pending++;
	p->room--;
	if (p->pending >= READ_BATCH) {
		pthread_mutex_lock(&p->mu);
		publish(p);
		pthread_mutex_unlock(&p->mu);
	}
	return 0;
}

static void *
reader_main(void *arg)
{
	struct pipeline *p = arg;
	struct att_err err;
	int code = 0;

	for (size_t i = 0; i < p->ninputs && code == 0; i++) {
		code = read_input(p->inputs[i], emit, warn, p, &p->rs, &err);
		pthread_mutex_lock(&p->mu);
		int stop = p->stop;
		p->shown = p->rs;
		pthread_mutex_unlock(&p->mu);
		if (stop)
			break;
	}
	pthread_mutex_lock(&p->mu);
	publish(p);
	p->reader_done = 1;
	if (code) {
		p->code = code;
		p->err = err;
	}
	pthread_cond_broadcast(&p->work);
	pthread_cond_signal(&p->done);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static void *
worker_main(void *arg)
{
	struct pipeline *p = arg;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->claimed == p->produced && !p->reader_done && !p->stop)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->stop || p->claimed == p->produced)
			break;
		uint64_t first = p->claimed, n = p->produced - p->claimed;
		if (n > WORK_BATCH)
			n = WORK_BATCH;
		p->claimed += n;
		pthread_mutex_unlock(&p->mu);
		for (uint64_t i = first; i < first + n; i++) {
			struct slot *s = &p->ring[i % p->cap];
			if (p->rec)
				recognise(p->rec, &s->doc, &s->ann);
		}
		pthread_mutex_lock(&p->mu);
		for (uint64_t i = first; i < first + n; i++)
			p->ring[i % p->cap].state = 2;
		/* The main thread waits for the oldest article only. */
		if (p->written >= first && p->written < first + n)
			pthread_cond_signal(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* Waits for the next articles in input order: returns how many are
 * recognised from the oldest on (0 when there is none left or a signal
 * came). */
static uint64_t
next_done(struct pipeline *p)
{
	uint64_t n = 0;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		if (got_signal)
			break;
		while (p->written + n < p->produced && p->ring[(p->written + n) % p->cap].state == 2)
			n++;
		if (n > 0)
			break;
		if (p->reader_done && p->written == p->produced)
			break;
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 100 * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&p->done, &p->mu, &ts);
		struct read_stats rs = p->shown;
		uint64_t written = p->written;
		pthread_mutex_unlock(&p->mu);
		pthread_mutex_lock(&err_mu);
		progress_update(&p->prog, rs.files, written, rs.bytes, 0);
		pthread_mutex_unlock(&err_mu);
		pthread_mutex_lock(&p->mu);
	}
	pthread_mutex_unlock(&p->mu);
	return n;
}

/* Frees the N oldest slots, written. */
static void
release(struct pipeline *p, uint64_t n)
{
	for (uint64_t i = 0; i < n; i++) {
		struct slot *s = &p->ring[(p->written + i) % p->cap];
		att_doc_free(&s->doc);
		att_doc_ann_free(&s->ann);
		s->state = 0;
	}
	pthread_mutex_lock(&p->mu);
	p->written += n;
	if (p->cap - (p->produced - p->written) >= READ_BATCH)
		pthread_cond_signal(&p->space);
	pthread_mutex_unlock(&p->mu);
}

/* ------------------------------------------------------------------ aliases */

struct alias_arg {
	struct att_writer *w;
	const struct recogniser *rec;
	const char *key;
};

static void
add_alias(void *arg, const char *alias)
{
	struct alias_arg *a = arg;
	att_writer_alias(a->w, a->key, alias, NULL);
}

static void
key_aliases(void *arg, const char *key)
{
	struct alias_arg *a = arg;
	a->key = key;
	recogniser_aliases(a->rec, key, add_alias, a);
}

/* ------------------------------------------------------------------ setup */

static int
is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Where gazetteer/ and lexicon/ are: --data-dir, $ATTACHE_DATADIR, the
 * installed data, or ../data beside the executable (a build tree). */
static char *
find_datadir(const char *opt)
{
	if (opt)
		return xstrdup(opt);
	const char *env = getenv("ATTACHE_DATADIR");
	if (env && *env)
		return xstrdup(env);
	char *inst = xasprintf("%s/gazetteer", ATT_PKGDATADIR);
	int ok = is_dir(inst);
	free(inst);
	if (ok)
		return xstrdup(ATT_PKGDATADIR);
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			/* ingest/attache-index, or a libtool-style .libs below it. */
			char *cand = xasprintf("%s/../data", exe);
			char *g = xasprintf("%s/gazetteer", cand);
			ok = is_dir(g);
			free(g);
			if (ok)
				return cand;
			free(cand);
		}
	}
	return xstrdup(ATT_PKGDATADIR);
}

static int
parse_jobs(const char *s, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > 64)
		return -1;
	*out = (int)v;
	return 0;
}

/* ONE or MANY, after the count N. */
static const char *
plural(uint64_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void
print_summary(const char *out, const struct read_stats *rs, const struct att_build_stats *bs,
	      double secs)
{
	double mb = (double)rs->bytes / 1e6;
	char *name = att_sanitize_dup(out, strlen(out), 0);
	fprintf(stderr, "%s: wrote %s: %llu %s from %llu %s (%.1f MB in %.1f s, %.1f MB/s)\n",
		att_progname, name, (unsigned long long)bs->articles,
		plural(bs->articles, "article", "articles"), (unsigned long long)rs->files,
		plural(rs->files, "file", "files"), mb, secs, secs > 0 ? mb / secs : 0.0);
	free(name);
	fprintf(stderr, "  entities: %llu %s, %llu %s, %llu %s, %llu %s; %llu %s\n",
		(unsigned long long)bs->entities[ATT_COUNTRY],
		plural(bs->entities[ATT_COUNTRY], "country", "countries"),
		(unsigned long long)bs->entities[ATT_PERSON],
		plural(bs->entities[ATT_PERSON], "person", "persons"),
		(unsigned long long)bs->entities[ATT_ORG],
		plural(bs->entities[ATT_ORG], "organisation", "organisations"),
		(unsigned long long)bs->entities[ATT_PLACE],
		plural(bs->entities[ATT_PLACE], "place", "places"), (unsigned long long)bs->mentions,
		plural(bs->mentions, "mention", "mentions"));
	fprintf(stderr, "  country pairs: %llu (in %llu article %s)\n", (unsigned long long)bs->pairs,
		(unsigned long long)bs->relations, plural(bs->relations, "relation", "relations"));
	if (rs->skipped || rs->bad_records || rs->recoded) {
		struct buf b = BUF_INIT;
		static const struct {
			const char *what;
			size_t off;
		} why[] = {
			{"binary", offsetof(struct read_stats, binary)},
			{"empty", offsetof(struct read_stats, empty)},
			{"unreadable", offsetof(struct read_stats, unreadable)},
			{"not regular files or loops", offsetof(struct read_stats, special)},
			{"too large", offsetof(struct read_stats, too_large)},
		};
		for (size_t i = 0; i < ATT_ARRAY_LEN(why); i++) {
			uint64_t v;
			memcpy(&v, (const char *)rs + why[i].off, sizeof v);
			if (v)
				buf_printf(&b, "%s%llu %s", b.len ? ", " : "", (unsigned long long)v, why[i].what);
		}
		struct buf line = BUF_INIT;
		if (rs->skipped)
			buf_printf(&line, "%llu %s skipped (%s)", (unsigned long long)rs->skipped,
				   plural(rs->skipped, "file", "files"), b.data);
		if (rs->bad_records)
			buf_printf(&line, "%s%llu JSON Lines %s skipped", line.len ? "; " : "",
				   (unsigned long long)rs->bad_records,
				   plural(rs->bad_records, "record", "records"));
		if (rs->recoded)
			buf_printf(&line, "%s%llu %s read as Windows-1252", line.len ? "; " : "",
				   (unsigned long long)rs->recoded, plural(rs->recoded, "input", "inputs"));
		fprintf(stderr, "  %s; see the warnings above\n", line.data);
		buf_free(&line);
		buf_free(&b);
	}
}

int
main(int argc, char **argv)
{
	enum { OPT_GAZ = 256, OPT_DATADIR };
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"gazetteer", required_argument, NULL, OPT_GAZ},
		{"data-dir", required_argument, NULL, OPT_DATADIR},
		{"jobs", required_argument, NULL, 'j'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int opt, quiet = 0, jobs = 0;
	const char *out = NULL, *datadir_opt = NULL;
	const char **gaz = NULL;
	size_t ngaz = 0;
	struct att_err err;

	att_progname = "attache-index";
	while ((opt = getopt_long(argc, argv, "o:j:qhV", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o': out = optarg; break;
		case 'q': quiet = 1; break;
		case OPT_GAZ:
			gaz = xreallocarray(gaz, ngaz + 1, sizeof *gaz);
			gaz[ngaz++] = optarg;
			break;
		case OPT_DATADIR: datadir_opt = optarg; break;
		case 'j':
			if (parse_jobs(optarg, &jobs) != 0) {
				fprintf(stderr, "%s: -j wants a number of threads from 1 to 64, not '%s'\n",
					att_progname, optarg);
				return EX_USAGE;
			}
			break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("attache-index %s (index format %d)\n", PACKAGE_VERSION, 1); return 0;
		default: usage(stderr); return EX_USAGE;
		}
	}
	if (out == NULL || *out == '\0') {
		fprintf(stderr, "%s: no output index given (-o INDEX); see attache-index --help\n", att_progname);
		return EX_USAGE;
	}
	if (optind >= argc) {
		fprintf(stderr, "%s: no input given (files, directories, or - for standard input); see attache-index --help\n",
			att_progname);
		return EX_USAGE;
	}
	int nstdin = 0;
	for (int i = optind; i < argc; i++) {
		struct stat st;
		if (strcmp(argv[i], "-") == 0) {
			if (nstdin++) {
				fprintf(stderr, "%s: - (standard input) given twice\n", att_progname);
				return EX_USAGE;
			}
		} else if (stat(argv[i], &st) != 0) {
			char *name = att_sanitize_dup(argv[i], strlen(argv[i]), 0);
			fprintf(stderr, "%s: %s: %s\n", att_progname, name, strerror(errno));
			free(name);
			return EX_NOINPUT;
		}
	}
	if (jobs == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (int)n;
	}

	/* Writes past `ulimit -f` must fail with an error, not kill us. */
	signal(SIGXFSZ, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	/* The target first: a read-only directory or a second builder is
	 * refused before any work. */
	struct att_writer *w;
	int code = att_writer_open(out, &w, &err);
	if (code) {
		char *msg = att_sanitize_dup(err.msg, strlen(err.msg), 0);
		fprintf(stderr, "%s: %s\n", att_progname, msg);
		free(msg);
		free(gaz);
		return code;
	}
	att_writer_cancel_flag(w, &got_signal);

	char *datadir = find_datadir(datadir_opt);
	char *g1 = xasprintf("%s/gazetteer", datadir), *g2 = xasprintf("%s/data/gazetteer", datadir);
	int have = is_dir(g1) || is_dir(g2);
	free(g1);
	free(g2);
	if (!have) {
		att_writer_abort(w);
		char *name = att_sanitize_dup(datadir, strlen(datadir), 0);
		fprintf(stderr, "%s: %s: no gazetteer/ directory there; give the data directory with --data-dir or ATTACHE_DATADIR\n",
			att_progname, name);
		free(name);
		free(datadir);
		free(gaz);
		return EX_CONFIG;
	}
	struct recogniser *rec = recogniser_new(datadir, gaz, ngaz, &err);
	free(datadir);
	if (rec == NULL) {
		att_writer_abort(w);
		char *msg = att_sanitize_dup(err.msg, strlen(err.msg), 0);
		fprintf(stderr, "%s: %s\n", att_progname, msg);
		free(msg);
		free(gaz);
		return err.code ? err.code : EX_CONFIG;
	}

	struct pipeline p;
	memset(&p, 0, sizeof p);
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.space, NULL);
	pthread_cond_init(&p.work, NULL);
	pthread_cond_init(&p.done, NULL);
	p.cap = (size_t)jobs * RING_PER_JOB;
	p.ring = xcalloc(p.cap, sizeof *p.ring);
	p.rec = rec;
	p.inputs = argv + optind;
	p.ninputs = (size_t)(argc - optind);
	p.quiet = quiet;
	progress_init(&p.prog, !quiet && isatty(STDERR_FILENO) ? stderr : NULL);
	err_prog = &p.prog;
	if (p.prog.fp)
		for (size_t i = 0; i < p.ninputs; i++)
			p.prog.total += read_measure(p.inputs[i]);

	pthread_t reader, workers[64];
	pthread_create(&reader, NULL, reader_main, &p);
	for (int i = 0; i < jobs; i++)
		pthread_create(&workers[i], NULL, worker_main, &p);

	uint64_t ndone;
	code = 0;
	while ((ndone = next_done(&p)) != 0) {
		uint64_t k = 0;
		while (k < ndone && code == 0 && !got_signal) {
			struct slot *s = &p.ring[(p.written + k) % p.cap];
			code = att_writer_add(w, &s->doc, &s->ann, &err);
			k++;
		}
		release(&p, k);
		if (code || got_signal)
			break;
		if (p.prog.fp) {
			pthread_mutex_lock(&p.mu);
			struct read_stats rs = p.shown;
			uint64_t written = p.written;
			pthread_mutex_unlock(&p.mu);
			pthread_mutex_lock(&err_mu);
			progress_update(&p.prog, rs.files, written, rs.bytes, 0);
			pthread_mutex_unlock(&err_mu);
		}
	}

	if (got_signal || code) {
		/* Stop at once: the reader may be blocked on a pipe, so it is not
		 * joined; exiting ends it. */
		pthread_mutex_lock(&p.mu);
		p.stop = 1;
		pthread_cond_broadcast(&p.space);
		pthread_cond_broadcast(&p.work);
		pthread_mutex_unlock(&p.mu);
		att_writer_abort(w);
		pthread_mutex_lock(&err_mu);
		progress_clear(&p.prog);
		err_prog = NULL;
		if (got_signal) {
			fprintf(stderr, "%s: interrupted; the previous index is unchanged\n", att_progname);
			pthread_mutex_unlock(&err_mu);
			_exit(128 + got_signal);
		}
		char *msg = att_sanitize_dup(err.msg, strlen(err.msg), 0);
		fprintf(stderr, "%s: %s\n", att_progname, msg);
		free(msg);
		fflush(stderr);
		_exit(code);
	}
	pthread_join(reader, NULL);
	for (int i = 0; i < jobs; i++)
		pthread_join(workers[i], NULL);
	pthread_mutex_lock(&err_mu);
	progress_update(&p.prog, p.rs.files, p.written, p.rs.bytes, 1);
	progress_clear(&p.prog);
	err_prog = NULL;
	pthread_mutex_unlock(&err_mu);

	if (p.code || p.written == 0) {
		att_writer_abort(w);
		recogniser_free(rec);
		free(p.ring);
		free(gaz);
		if (p.code) {
			fprintf(stderr, "%s: %s\n", att_progname, p.err.msg);
			return p.code;
		}
		char *name = att_sanitize_dup(out, strlen(out), 0);
		fprintf(stderr, "%s: no articles found in the input; %s was not written\n", att_progname, name);
		free(name);
		return EX_NOINPUT;
	}

	/* Every known name of the entities met, so that filters find them by
	 * any name. */
	struct alias_arg aa = {w, rec, NULL};
	att_writer_keys(w, key_aliases, &aa);

	if (p.prog.fp) {
		pthread_mutex_lock(&err_mu);
		fprintf(stderr, "\r%llu articles read; writing the index...\033[K",
			(unsigned long long)p.written);
		fflush(stderr);
		p.prog.shown = 1;
		pthread_mutex_unlock(&err_mu);
	}
	struct att_build_stats bs;
	code = att_writer_commit(w, &bs, &err);
	pthread_mutex_lock(&err_mu);
	progress_clear(&p.prog);
	pthread_mutex_unlock(&err_mu);
	recogniser_free(rec);
	free(p.ring);
	free(gaz);
	if (code) {
		if (got_signal) {
			fprintf(stderr, "%s: interrupted; the previous index is unchanged\n", att_progname);
			return 128 + got_signal;
		}
		char *msg = att_sanitize_dup(err.msg, strlen(err.msg), 0);
		fprintf(stderr, "%s: %s\n", att_progname, msg);
		free(msg);
		return code;
	}
	if (!quiet)
		print_summary(out, &p.rs, &bs, progress_now() - p.prog.start);
	return 0;
}
