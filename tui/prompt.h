/* prompt.h: the one-line editor for the filter and search prompts, with
 * history (kept in $XDG_STATE_HOME/attache/history for filters) and Tab
 * completion of field and entity names. */
#ifndef ATTACHE_PROMPT_H
#define ATTACHE_PROMPT_H

#include "model/util.h"

struct app;

enum prompt_kind { PROMPT_FILTER, PROMPT_SEARCH };

/* Called after edits when no more input is pending (the live filter).
 * Returns 0, or a code with ERR filled; *POS is then the 1-based
 * character position of the error, or 0. */
typedef int (*prompt_live_fn)(struct app *app, const char *text, int *pos, struct att_err *err);

/* Edits a line starting from INITIAL under LABEL ("Filter: "). Returns 1
 * with *OUT (owned by the caller) when Enter accepted it, 0 on Esc, -1 at
 * the end of input. LIVE may be NULL. */
int prompt_run(struct app *app, enum prompt_kind kind, const char *label, const char *initial,
	       prompt_live_fn live, char **out);

/* The 1-based position named at the end of a message ("... at 14"), or 0. */
int prompt_error_pos(const char *msg);

/* Frees the histories (and writes the filter history). */
void prompt_cleanup(void);

#endif
