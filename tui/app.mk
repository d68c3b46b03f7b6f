# tui/app.mk: the interactive browser (panes, drawing, keys, prompt, help,
# scripted input).
TUI_APP_SOURCES = tui/main.c \
	tui/actions.def tui/actions.h tui/colors.def tui/colors.h \
	tui/keys.c tui/keys.h tui/draw.c tui/draw.h
