# The index writer (owned by the reading/writing work).
MODEL_WRITE_SOURCES = model/write.h model/write.c model/json.h model/json.c
