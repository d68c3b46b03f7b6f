# Reading inputs, progress, main (owned by the reading/writing work).
INGEST_IO_SOURCES = ingest/main.c \
	ingest/read.c ingest/read.h ingest/read_text.c ingest/read_jsonl.c \
	ingest/lang.c ingest/progress.c ingest/progress.h
