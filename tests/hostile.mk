# tests/hostile_*.sh: bad index files, hostile article text, hostile
# inputs of attache-index, and terminal faults (fragment of tests/local.mk).
TESTS += tests/hostile_index.sh tests/hostile_text.sh tests/hostile_term.sh tests/hostile_ingest.sh
EXTRA_DIST += tests/hostile_lib.sh tests/hostile_index.sh tests/hostile_text.sh \
	tests/hostile_term.sh tests/hostile_ingest.sh tests/HOSTILE.md
