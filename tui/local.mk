# tui/: attache, the curses browser. It asks model/ for data; no SQL here.
bin_PROGRAMS += tui/attache
tui_attache_CFLAGS = $(AM_CFLAGS) $(CURSES_CFLAGS) $(SQLITE_CFLAGS)
tui_attache_SOURCES = \
	tui/main.c
tui_attache_LDADD = $(MODEL_LIBS) $(CURSES_LIBS) $(INIPARSER_LIBS)
