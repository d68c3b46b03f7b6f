# model/: the library both programs link. SQL lives here and nowhere else;
# no curses.
noinst_LIBRARIES += model/libattache.a
model_libattache_a_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS)
model_libattache_a_SOURCES = \
	model/util.c model/util.h \
	model/text.c model/text.h \
	model/schema.c model/schema.h \
	model/index.c model/index.h \
	$(MODEL_WRITE_SOURCES) $(MODEL_QUERY_SOURCES)

# What a program needs to link the model library.
MODEL_LIBS = model/libattache.a $(SQLITE_LIBS) $(UNISTRING_LIBS)
include $(srcdir)/model/write.mk
include $(srcdir)/model/query.mk
