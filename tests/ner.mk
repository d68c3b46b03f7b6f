# tests for ner (fragment of tests/local.mk)
