# tests for ingest (fragment of tests/local.mk)
TESTS += tests/ingest_seeds.sh tests/ingest_inputs.sh tests/ingest_faults.sh
EXTRA_DIST += tests/ingest_seeds.sh tests/ingest_inputs.sh tests/ingest_faults.sh tests/ingest_gen.py tests/ingest_bench.sh

if HAVE_CMOCKA
check_PROGRAMS += tests/ingest_read_test tests/ingest_write_test
TESTS += tests/ingest_read_test tests/ingest_write_test

tests_ingest_read_test_SOURCES = tests/ingest_read_test.c \
	ingest/read.c ingest/read_text.c ingest/read_jsonl.c ingest/lang.c ingest/progress.c
tests_ingest_read_test_CFLAGS = $(TEST_CFLAGS)
tests_ingest_read_test_LDADD = $(TEST_LIBS)

tests_ingest_write_test_SOURCES = tests/ingest_write_test.c
tests_ingest_write_test_CFLAGS = $(TEST_CFLAGS)
tests_ingest_write_test_LDADD = $(TEST_LIBS)
endif
