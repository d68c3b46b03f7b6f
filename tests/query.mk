# tests for query (fragment of tests/local.mk)
