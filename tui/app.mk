TUI_APP_SOURCES = tui/main.c
