/* ner_run.c: runs the recogniser over plain-text files and prints what it
 * finds (mentions, then sentences with their countries and tone), or with
 * -b N measures recognition alone over the files repeated N times; -g
 * adds a gazetteer (to measure with a bigger one).
 * A tool for developing the recogniser and measuring it; not a test. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "ingest/ingest.h"
#include "model/util.h"

static const char *kinds[] = {"country", "person", "org", "place"};

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char chunk[65536];
	size_t n;

	if (fp == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	*len = b.len;
	return buf_steal(&b);
}

int
main(int argc, char **argv)
{
	struct att_err err = {0};
	long bench = 0;
	int i = 1;

	const char *extra[64];
	size_t nextra = 0;
	for (;;) {
		if (i + 1 < argc && strcmp(argv[i], "-b") == 0) {
			bench = atol(argv[i + 1]);
			i += 2;
		} else if (i + 1 < argc && strcmp(argv[i], "-g") == 0 && nextra < ATT_ARRAY_LEN(extra)) {
			extra[nextra++] = argv[i + 1];
			i += 2;
		} else {
			break;
		}
	}
	if (i >= argc) {
		fprintf(stderr, "usage: ner_run [-b N] [-g GAZETTEER]... DATADIR FILE...\n");
		return EX_USAGE;
	}
	struct timespec l0, l1;
	clock_gettime(CLOCK_MONOTONIC, &l0);
	struct recogniser *r = recogniser_new(argv[i], extra, nextra, &err);
	clock_gettime(CLOCK_MONOTONIC, &l1);
	if (r == NULL) {
		fprintf(stderr, "ner_run: %s\n", err.msg);
		return err.code;
	}
	size_t nfiles = (size_t)(argc - i - 1);
	struct att_doc *docs = xcalloc(nfiles + 1, sizeof *docs);
	size_t total = 0;
	for (size_t f = 0; f < nfiles; f++) {
		docs[f].path = argv[i + 1 + (int)f];
		docs[f].title = (char *)"";
		docs[f].body = slurp(docs[f].path, &docs[f].body_len);
		if (docs[f].body == NULL) {
			fprintf(stderr, "ner_run: %s: cannot read\n", docs[f].path);
			return EX_NOINPUT;
		}
		total += docs[f].body_len;
	}
	if (bench > 0) {
		struct timespec t0, t1, c0, c1;
		size_t nm = 0;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
		for (long k = 0; k < bench; k++)
			for (size_t f = 0; f < nfiles; f++) {
				struct att_doc_ann ann;
				recognise(r, &docs[f], &ann);
				nm += ann.nmentions;
				free(ann.mentions);
				free(ann.sentences);
				ann.free_storage(ann.storage);
			}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
		double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		double cpu = (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
		double mb = (double)total * (double)bench / 1e6;
		printf("loading %.2f s; %.1f MB in %.2f s (%.2f s CPU): %.2f MB/s, %.2f MB/s of CPU, %zu mentions\n",
		       (double)(l1.tv_sec - l0.tv_sec) + (double)(l1.tv_nsec - l0.tv_nsec) / 1e9, mb, s, cpu,
		       mb / s, mb / cpu, nm);
	} else {
		for (size_t f = 0; f < nfiles; f++) {
			struct att_doc_ann ann;
			recognise(r, &docs[f], &ann);
			printf("== %s\n", docs[f].path);
			for (size_t m = 0; m < ann.nmentions; m++) {
				const struct att_mention *x = &ann.mentions[m];
				printf("M\t%s\t%s\t%s\t%.*s\n", kinds[x->ent.kind], x->ent.key,
				       x->ent.country ? x->ent.country : "", (int)x->len, docs[f].body + x->pos);
				printf("P\t%s\t%s\t%s\t%zu\t%zu\n", kinds[x->ent.kind], x->ent.key,
				       x->ent.country ? x->ent.country : "", x->pos, x->len);
			}
			for (size_t s = 0; s < ann.nsentences; s++) {
				const struct att_sentence *x = &ann.sentences[s];
				printf("S\t%+.2f\t", x->tone);
				for (size_t c = 0; c < x->ncountries; c++)
					printf("%s%s", c ? "," : "", x->countries[c]);
				printf("\t%.*s\n", (int)(x->len > 100 ? 100 : x->len), docs[f].body + x->pos);
			}
			free(ann.mentions);
				free(ann.sentences);
				ann.free_storage(ann.storage);
		}
	}
	for (size_t f = 0; f < nfiles; f++)
		free(docs[f].body);
	free(docs);
	recogniser_free(r);
	return 0;
}
