# ingest/: attache-index, the index builder.
bin_PROGRAMS += ingest/attache-index
ingest_attache_index_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS)
ingest_attache_index_SOURCES = \
	ingest/main.c
ingest_attache_index_LDADD = $(MODEL_LIBS) -lpthread
