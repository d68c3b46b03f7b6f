/* script.h: scripted input (attache --script FILE): keys and commands read
 * from a file instead of the keyboard, with screen dumps, for
 * deterministic screen tests. */
#ifndef ATTACHE_SCRIPT_H
#define ATTACHE_SCRIPT_H

#include "model/util.h"

struct app;
struct script;

/* Reads and checks the whole script (key names, commands) before the
 * terminal is touched. Returns 0 or EX_NOINPUT/EX_DATAERR with ERR naming
 * FILE:LINE. */
int script_open(const char *path, struct script **out, struct att_err *err);
void script_close(struct script *s);

/* The size the virtual screen starts with (the first :resize before any
 * key, else 80x24). */
void script_initial_size(const struct script *s, int *cols, int *rows);

/* The next key, running the commands met on the way (:dump, :resize,
 * :wait). Returns -1 at the end of the script, -2 on a failed command
 * (ERR filled). */
int script_next(struct script *s, struct app *app, struct att_err *err);

/* 1 when the next item is a key (input is "pending"). */
int script_pending(const struct script *s);

/* Writes the screen as plain text to PATH, one line per row, trailing
 * spaces trimmed. */
int script_dump(const char *path, struct att_err *err);

#endif
