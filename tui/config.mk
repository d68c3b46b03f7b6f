# tui/config.mk: the configuration file, key bindings from it, and themes.
# (tui/conf.h, not tui/config.h: a tui/config.h would shadow the autoconf
# config.h for every file in tui/, since "" includes look beside the file.)
TUI_CONFIG_SOURCES = tui/conf.c tui/conf.h tui/conf_ini.c tui/conf_ini.h tui/theme_color.c \
	tui/theme.c tui/theme.h
