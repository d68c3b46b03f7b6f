# fuzz/: libFuzzer harnesses, one per parser of untrusted input.
#
# `make fuzz` builds them with clang (-fsanitize=fuzzer,address,undefined)
# in fuzz/build/ and runs each for a while (fuzz/run; FUZZ_ARGS='--time 600'
# for a long run); it never touches the normal build. In `make check` each
# harness is linked with fuzz/replay.c as a plain program that replays its
# seed corpus and every crash input saved in fuzz/corpus/NAME/.
FUZZ_ARGS = --ci
FUZZ_COMMON = fuzz/fuzz.h fuzz/replay.c
FUZZ_TEST_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS)

FUZZ_SEED = fuzz/seed.c fuzz/seed.h
FUZZ_QUERIES = fuzz/queries.c fuzz/queries.h

# attache-index's code but its main(): keep in step with ingest/*.mk.
FUZZ_INGEST = ingest/read.c ingest/read_text.c ingest/read_jsonl.c ingest/lang.c \
	ingest/progress.c $(INGEST_NER_SOURCES)

check_PROGRAMS += fuzz/sanitize_replay fuzz/fold_replay fuzz/index_replay fuzz/filter_replay \
	fuzz/ingest_replay fuzz/index_seed fuzz/config_replay fuzz/wrap_replay fuzz/json_replay
fuzz_sanitize_replay_SOURCES = fuzz/sanitize_fuzz.c $(FUZZ_COMMON)
fuzz_sanitize_replay_CFLAGS = $(FUZZ_TEST_CFLAGS)
fuzz_sanitize_replay_LDADD = $(MODEL_LIBS)
fuzz_fold_replay_SOURCES = fuzz/fold_fuzz.c $(FUZZ_COMMON)
fuzz_fold_replay_CFLAGS = $(FUZZ_TEST_CFLAGS)
fuzz_fold_replay_LDADD = $(MODEL_LIBS)
fuzz_index_replay_SOURCES = fuzz/index_fuzz.c $(FUZZ_QUERIES) $(FUZZ_COMMON)
fuzz_index_replay_CFLAGS = $(FUZZ_TEST_CFLAGS)
fuzz_index_replay_LDADD = $(MODEL_LIBS)
fuzz_filter_replay_SOURCES = fuzz/filter_fuzz.c $(FUZZ_QUERIES) $(FUZZ_SEED) $(FUZZ_COMMON)
fuzz_filter_replay_CFLAGS = $(FUZZ_TEST_CFLAGS)
fuzz_filter_replay_LDADD = $(MODEL_LIBS)
fuzz_ingest_replay_SOURCES = fuzz/ingest_fuzz.c $(FUZZ_INGEST) $(FUZZ_COMMON)
fuzz_ingest_replay_CFLAGS = $(FUZZ_TEST_CFLAGS)
fuzz_ingest_replay_LDADD = $(MODEL_LIBS) -lpthread
# The JSON Lines record parser: its one-pass path against json_each.
fuzz_json_replay_SOURCES = fuzz/json_fuzz.c $(FUZZ_COMMON)
fuzz_json_replay_CFLAGS = $(FUZZ_TEST_CFLAGS)
fuzz_json_replay_LDADD = $(MODEL_LIBS)
fuzz_index_seed_SOURCES = fuzz/index_seed.c $(FUZZ_SEED)
fuzz_index_seed_CFLAGS = $(FUZZ_TEST_CFLAGS)
fuzz_index_seed_LDADD = $(MODEL_LIBS)

# The config file and theme loader (tui/conf.c; owned by config).
fuzz_config_replay_SOURCES = fuzz/config_fuzz.c tui/conf.c tui/conf_ini.c tui/theme.c \
	tui/theme_color.c tui/keys.c tui/draw.c $(FUZZ_COMMON)
fuzz_config_replay_CFLAGS = $(FUZZ_TEST_CFLAGS) $(CURSES_CFLAGS)
fuzz_config_replay_LDADD = $(MODEL_LIBS) $(CURSES_LIBS) $(INIPARSER_LIBS)

# The line wrapper of the article pane (tui/draw.c; owned by tui).
fuzz_wrap_replay_SOURCES = fuzz/wrap_fuzz.c tui/draw.c tui/theme_color.c $(FUZZ_COMMON)
fuzz_wrap_replay_CFLAGS = $(FUZZ_TEST_CFLAGS) $(CURSES_CFLAGS)
fuzz_wrap_replay_LDADD = $(MODEL_LIBS) $(CURSES_LIBS)

TESTS += fuzz/replay.sh
EXTRA_DIST += fuzz/run fuzz/replay.sh fuzz/corpus fuzz/sanitize.dict fuzz/fold.dict \
	fuzz/index.dict fuzz/filter.dict fuzz/ingest.dict fuzz/wrap.dict fuzz/json.dict

# Builds the harnesses with clang and runs them (see fuzz/run --help).
fuzz:
	FUZZ_CPPFLAGS='$(SQLITE_CFLAGS) $(CURSES_CFLAGS)' \
	FUZZ_LIBS='$(SQLITE_LIBS) $(UNISTRING_LIBS) $(INIPARSER_LIBS) $(CURSES_LIBS) -lpthread' \
	$(SHELL) $(srcdir)/fuzz/run --builddir '$(abs_top_builddir)' --out '$(abs_top_builddir)/fuzz/build' $(FUZZ_ARGS)
.PHONY: fuzz

clean-local: clean-fuzz
clean-fuzz:
	rm -rf fuzz/build
.PHONY: clean-fuzz
