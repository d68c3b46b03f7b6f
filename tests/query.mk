# tests for query (fragment of tests/local.mk)
if HAVE_CMOCKA
check_PROGRAMS += tests/query_test
TESTS += tests/query_test

tests_query_test_SOURCES = tests/query_test.c tests/query_fixture.c tests/query_fixture.h
tests_query_test_CFLAGS = $(TEST_CFLAGS)
tests_query_test_LDADD = $(TEST_LIBS)
endif

if HAVE_CMOCKA
check_PROGRAMS += tests/filter_test
TESTS += tests/filter_test

tests_filter_test_SOURCES = tests/filter_test.c tests/query_fixture.c tests/query_fixture.h
tests_filter_test_CFLAGS = $(TEST_CFLAGS)
tests_filter_test_LDADD = $(TEST_LIBS)
endif

TESTS += tests/batch_modes.sh
EXTRA_DIST += tests/batch_modes.sh

# A benchmark (prints timings, asserts nothing): see tests/query_bench.sh.
noinst_PROGRAMS += tests/query_bench
tests_query_bench_SOURCES = tests/query_bench.c
tests_query_bench_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS)
tests_query_bench_LDADD = $(MODEL_LIBS)
EXTRA_DIST += tests/query_bench.sh
