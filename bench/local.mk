# bench/: the benchmark corpus generator, the floors and the benchmarks.
# Benchmarks are not tests: `make bench` runs them and prints numbers;
# BENCH_N sets the corpus size (default 10000), e.g. make bench BENCH_N=1000000.
noinst_PROGRAMS += bench/gencorpus bench/floorload
bench_gencorpus_CPPFLAGS = $(AM_CPPFLAGS) -DBENCH_DATADIR='"$(abs_top_srcdir)/data"'
bench_gencorpus_SOURCES = bench/gencorpus.c bench/gen.h bench/gen_rand.c bench/gen_gaz.c \
	bench/gen_words.c
bench_gencorpus_LDADD = $(MODEL_LIBS) -lm
bench_floorload_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS)
bench_floorload_SOURCES = bench/floorload.c
bench_floorload_LDADD = $(SQLITE_LIBS)

bench_scripts = bench/lib.sh bench/run.sh bench/floor-index.sh bench/floor-query.sh \
	bench/index.sh bench/mkindex.sh bench/browse.sh bench/termout.sh \
	bench/batch.sh bench/rss.sh
EXTRA_DIST += $(bench_scripts) BENCHMARKS.md
BENCH_N = 10000

.PHONY: bench
bench: bench/gencorpus bench/floorload tests/print_schema ingest/attache-index tui/attache
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	SQLITE3='$(SQLITE3)' TMUX_BIN='$(TMUX)' \
	$(SHELL) $(top_srcdir)/bench/run.sh $(BENCH_N)

# The generator itself is tested (its output must be what BENCHMARKS.md says).
TESTS += bench/gencorpus-test.sh
EXTRA_DIST += bench/gencorpus-test.sh
