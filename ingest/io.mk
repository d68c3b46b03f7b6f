# Reading inputs, progress, main (owned by the reading/writing work).
INGEST_IO_SOURCES = ingest/main.c
