# tui/batch.mk: the batch modes (--list, --show, --matrix, --entities).
TUI_BATCH_SOURCES = tui/batch.c tui/batch.h
