# tests for ingest (fragment of tests/local.mk)
