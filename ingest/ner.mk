# Recognition: gazetteers, matcher, persons, sentences, tone.
INGEST_NER_SOURCES =
