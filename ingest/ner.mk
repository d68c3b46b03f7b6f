# Recognition: gazetteers, matcher, persons, sentences, tone.
INGEST_NER_SOURCES = \
	ingest/gazetteer.c ingest/gazetteer.h \
	ingest/match.c ingest/match.h \
	ingest/ner.c \
	ingest/sentence.c ingest/sentence.h \
	ingest/tone.c ingest/tone.h
