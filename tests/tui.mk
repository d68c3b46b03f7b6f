# tests for tui (fragment of tests/local.mk)
if HAVE_CMOCKA
check_PROGRAMS += tests/tui_keys_test
TESTS += tests/tui_keys_test
tests_tui_keys_test_SOURCES = tests/tui_keys_test.c tui/keys.c tui/draw.c tui/theme_color.c tui/find.c
tests_tui_keys_test_CFLAGS = $(TEST_CFLAGS) $(CURSES_CFLAGS)
tests_tui_keys_test_LDADD = $(TEST_LIBS) $(CURSES_LIBS)
endif

TESTS += tests/tui_man.sh tests/tui_screen.sh tests/tui_tmux.sh tests/tui_hostile.sh tests/tui_trace.sh tests/tui_scroll.sh
EXTRA_DIST += tests/tui_man.sh tests/tui_screen.sh tests/tui_tmux.sh tests/tui_lib.sh tests/tui_hostile.sh tests/tui_trace.sh tests/tui_scroll.sh
# The demo index (data/demo) and attache opening it without an index; the
# highlighting and the heat map as escape sequences in tmux.
TESTS += tests/tui_demo.sh tests/tui_look.sh
EXTRA_DIST += tests/tui_demo.sh tests/tui_look.sh
# Faults around a running browser (tests/tui_faults.sh), and the screen
# tests under valgrind.
TESTS += tests/tui_faults.sh tests/tui_valgrind.sh
EXTRA_DIST += tests/tui_faults.sh tests/tui_valgrind.sh tests/valgrind.supp
