# data/: gazetteers, cue lexicons and the demo corpus.
# The gazetteers and lexicons are installed to $(pkgdatadir)/gazetteer and
# $(pkgdatadir)/lexicon; the demo index is built from the demo corpus with
# the attache-index just built, and installed as $(pkgdatadir)/demo.idx.
gazetteerdir = $(pkgdatadir)/gazetteer
dist_gazetteer_DATA = \
	data/gazetteer/countries.tsv \
	data/gazetteer/orgs.tsv \
	data/gazetteer/persons.tsv \
	data/gazetteer/places.tsv

lexicondir = $(pkgdatadir)/lexicon
dist_lexicon_DATA = \
	data/lexicon/negation.tsv \
	data/lexicon/stopnames.tsv \
	data/lexicon/titles.tsv \
	data/lexicon/tone.tsv \
	data/lexicon/words.tsv

EXTRA_DIST += data/demo/demo.jsonl data/demo/README.md data/demo/check.py

pkgdata_DATA = data/demo/demo.idx
CLEANFILES += data/demo/demo.idx data/demo/demo.idx.lock

# Inputs from the source tree, output in the build tree (VPATH builds).
data/demo/demo.idx: $(srcdir)/data/demo/demo.jsonl ingest/attache-index$(EXEEXT) \
		$(dist_gazetteer_DATA) $(dist_lexicon_DATA)
	@$(MKDIR_P) data/demo
	$(AM_V_GEN)ingest/attache-index$(EXEEXT) -q --data-dir $(srcdir)/data \
		-o $@ $(srcdir)/data/demo/demo.jsonl
