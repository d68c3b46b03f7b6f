# tests for config (fragment of tests/local.mk): the config file, key
# bindings, colours and themes.
if HAVE_CMOCKA
check_PROGRAMS += tests/config_test
TESTS += tests/config_test
tests_config_test_SOURCES = tests/config_test.c tui/conf.c tui/conf_ini.c tui/theme.c tui/theme_color.c \
	tui/keys.c tui/draw.c
tests_config_test_CFLAGS = $(TEST_CFLAGS) $(CURSES_CFLAGS)
tests_config_test_LDADD = $(TEST_LIBS) $(CURSES_LIBS) $(INIPARSER_LIBS)
endif

# The man page names everything the tables declare.
check_PROGRAMS += tests/config_names
tests_config_names_SOURCES = tests/config_names.c tui/conf.c tui/conf_ini.c tui/theme.c tui/theme_color.c \
	tui/keys.c tui/draw.c
tests_config_names_CFLAGS = $(AM_CFLAGS) $(CURSES_CFLAGS)
tests_config_names_LDADD = $(MODEL_LIBS) $(CURSES_LIBS) $(INIPARSER_LIBS)
TESTS += tests/config_man.sh
EXTRA_DIST += tests/config_man.sh
TESTS += tests/config_cli.sh
EXTRA_DIST += tests/config_cli.sh
TESTS += tests/theme_files.sh
EXTRA_DIST += tests/theme_files.sh
TESTS += tests/theme_screen.sh
EXTRA_DIST += tests/theme_screen.sh
