# tui/: attache, the curses browser. It asks model/ for data; no SQL here.
# The interactive browser is in app.mk, batch modes in batch.mk, the
# configuration and themes in config.mk.
bin_PROGRAMS += tui/attache
tui_attache_CFLAGS = $(AM_CFLAGS) $(CURSES_CFLAGS) $(SQLITE_CFLAGS)
tui_attache_SOURCES = $(TUI_APP_SOURCES) $(TUI_BATCH_SOURCES) $(TUI_CONFIG_SOURCES)
tui_attache_LDADD = $(MODEL_LIBS) $(CURSES_LIBS) $(INIPARSER_LIBS)
include $(srcdir)/tui/app.mk
include $(srcdir)/tui/batch.mk
include $(srcdir)/tui/config.mk
