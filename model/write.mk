MODEL_WRITE_SOURCES = model/write.h
