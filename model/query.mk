# The filter language and the queries the panes and batch modes ask.
MODEL_QUERY_SOURCES = \
	model/filter.c model/filter.h \
	model/query.c model/query.h model/query_int.h \
	model/article.c model/matrix.c model/entity.c
