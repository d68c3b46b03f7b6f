# tests for tui (fragment of tests/local.mk)
