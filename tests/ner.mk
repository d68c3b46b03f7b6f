# tests for ner (fragment of tests/local.mk)
# ner_run: prints what the recogniser finds, or measures it (-b N).
noinst_PROGRAMS += tests/ner_run
tests_ner_run_SOURCES = tests/ner_run.c $(INGEST_NER_SOURCES)
tests_ner_run_LDADD = $(MODEL_LIBS)

# eval-index: scores an index against gold annotations (run by eval.sh).
check_PROGRAMS += tests/eval-index
tests_eval_index_SOURCES = tests/eval-index.c
tests_eval_index_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS)
tests_eval_index_LDADD = $(MODEL_LIBS)
TESTS += tests/eval.sh tests/ner_evaltool.sh tests/ner_examples.sh
EXTRA_DIST += tests/eval.sh tests/ner_evaltool.sh tests/ner_examples.sh

if HAVE_CMOCKA
check_PROGRAMS += tests/ner_test
TESTS += tests/ner_test
tests_ner_test_SOURCES = tests/ner_test.c $(INGEST_NER_SOURCES)
tests_ner_test_CFLAGS = $(TEST_CFLAGS)
tests_ner_test_LDADD = $(TEST_LIBS) -lpthread
endif
