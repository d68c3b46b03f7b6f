# tests for config (fragment of tests/local.mk)
