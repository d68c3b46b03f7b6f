# tui/app.mk: the interactive browser (panes, drawing, keys, prompt, help,
# scripted input).
TUI_APP_SOURCES = tui/main.c \
	tui/actions.def tui/actions.h tui/colors.def tui/colors.h \
	tui/keys.c tui/keys.h tui/draw.c tui/draw.h \
	tui/app.c tui/app.h tui/prompt.c tui/prompt.h tui/script.c tui/script.h \
	tui/trace.c tui/trace.h \
	tui/help.c tui/pane_list.c tui/pane_article.c tui/pane_matrix.c \
	tui/pane_evidence.c tui/pane_card.c tui/find.c tui/find.h
