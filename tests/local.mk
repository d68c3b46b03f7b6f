# tests/: every test speaks TAP, so that each case is counted.
# Unit tests use cmocka; the rest drive the real binaries as a person would.
TEST_EXTENSIONS = .sh
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
SH_LOG_DRIVER = $(LOG_DRIVER)
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	top_srcdir='$(abs_top_srcdir)'; export top_srcdir; \
	top_builddir='$(abs_top_builddir)'; export top_builddir; \
	ATTACHE_CORPUS="$${ATTACHE_CORPUS:-$(abs_top_srcdir)/../shared/corpus}"; export ATTACHE_CORPUS; \
	CMOCKA_MESSAGE_OUTPUT=TAP; export CMOCKA_MESSAGE_OUTPUT; \
	MANDOC='$(MANDOC)'; export MANDOC; TMUX_BIN='$(TMUX)'; export TMUX_BIN; \
	SQLITE3='$(SQLITE3)'; export SQLITE3; \
	LC_ALL=C.UTF-8; export LC_ALL; \
	LSAN_OPTIONS="suppressions=$(abs_top_srcdir)/tests/lsan.supp:print_suppressions=0$${LSAN_OPTIONS:+:$$LSAN_OPTIONS}"; \
	export LSAN_OPTIONS;

EXTRA_DIST += tests/lib.sh tests/lsan.supp
TESTS += tests/cli.sh tests/man.sh tests/format.sh
EXTRA_DIST += tests/cli.sh tests/man.sh tests/format.sh
check_PROGRAMS += tests/print_schema
tests_print_schema_SOURCES = tests/print_schema.c
tests_print_schema_LDADD = $(MODEL_LIBS)

if HAVE_CMOCKA
TEST_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(SQLITE_CFLAGS)
TEST_LIBS = $(MODEL_LIBS) $(CMOCKA_LIBS)

check_PROGRAMS += tests/index_test tests/text_test
TESTS += tests/index_test tests/text_test

tests_index_test_SOURCES = tests/index_test.c
tests_index_test_CFLAGS = $(TEST_CFLAGS)
tests_index_test_LDADD = $(TEST_LIBS)

tests_text_test_SOURCES = tests/text_test.c
tests_text_test_CFLAGS = $(TEST_CFLAGS)
tests_text_test_LDADD = $(TEST_LIBS)
endif

# Fragments owned by each part of the program.
include $(srcdir)/tests/ingest.mk
include $(srcdir)/tests/ner.mk
include $(srcdir)/tests/query.mk
include $(srcdir)/tests/tui.mk
include $(srcdir)/tests/config.mk
include $(srcdir)/tests/hostile.mk
