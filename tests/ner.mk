# tests for ner (fragment of tests/local.mk)
# ner_run: prints what the recogniser finds, or measures it (-b N).
noinst_PROGRAMS += tests/ner_run
tests_ner_run_SOURCES = tests/ner_run.c $(INGEST_NER_SOURCES)
tests_ner_run_LDADD = $(MODEL_LIBS)
