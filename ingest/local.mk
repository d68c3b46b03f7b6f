# ingest/: attache-index, the index builder. Reading and writing are in
# io.mk, recognition (gazetteers, matcher, sentences, tone) in ner.mk.
bin_PROGRAMS += ingest/attache-index
ingest_attache_index_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS)
ingest_attache_index_SOURCES = ingest/ingest.h $(INGEST_IO_SOURCES) $(INGEST_NER_SOURCES)
ingest_attache_index_LDADD = $(MODEL_LIBS) -lpthread
include $(srcdir)/ingest/io.mk
include $(srcdir)/ingest/ner.mk
