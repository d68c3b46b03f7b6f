/* app.h: the browser's state, the pane interface and the main loop.
 * Panes receive named actions (tui/actions.def) and draw into their own
 * window; the loop alone decides what to refresh, with one doupdate per
 * input. */
#ifndef ATTACHE_APP_H
#define ATTACHE_APP_H

#include <stddef.h>
#include <stdint.h>

#include "model/filter.h"
#include "model/index.h"
#include "model/query.h"
#include "model/util.h"
#include "tui/actions.h"
#include "tui/colors.h"

struct app;
struct pane;
struct script;

/* What handling an action asks of the loop (a bitmask). */
enum {
	R_NONE = 0,
	R_HANDLED = 1 << 0,
	R_REDRAW = 1 << 1,   /* the pane's content changed */
	R_LAYOUT = 1 << 2,   /* the layout changed (focus, overlay) */
	R_QUIT = 1 << 3
};

/* The three panes and the overlays that take the whole screen. */
enum pane_id { PANE_LIST, PANE_ARTICLE, PANE_MATRIX, PANE_EVIDENCE, PANE_HELP, PANE_CARD,
	       PANE_COUNT };

struct pane_ops {
	const char *title;
	enum att_scope scope;
	/* Draws the content into p->win (h rows, w columns, both >= 1). */
	void (*draw)(struct app *app, struct pane *p);
	/* Handles an action; returns R_* bits (0: not handled). */
	int (*action)(struct app *app, struct pane *p, enum att_action act);
	/* Searches for TEXT (dir 1/-1 from the current position; 0: new). */
	int (*search)(struct app *app, struct pane *p, const char *text, int dir);
	/* The filter changed: reload. Returns 0, or ATT_CANCELLED when a key
	 * press interrupted it (the pane then stays stale). */
	int (*reload)(struct app *app, struct pane *p);
	/* 1: reload at once when the filter changes; 0: when next shown. */
	int eager;
	/* A mouse click on row Y, column X of the pane's window (0-based),
	 * once the pane has the focus; returns R_* bits. NULL: the focus is
	 * all a click gives. */
	int (*click)(struct app *app, struct pane *p, int y, int x);
	/* The position for the status line ("12/4,512"), into B. */
	void (*position)(struct app *app, struct pane *p, struct buf *b);
	void (*destroy)(struct pane *p);
};

struct pane {
	enum pane_id id;
	const struct pane_ops *ops;
	WINDOW *win;        /* NULL while not shown */
	int y, x, h, w;     /* where it is on the screen */
	int dirty;
	int stale;          /* the filter changed since it was loaded */
	int failed;         /* its reload failed: not retried until asked (C-l) */
	void *data;
};

/* What the command line and the configuration set for the browser. */
struct app_options {
	int mono;            /* no colours: attributes only */
	int escdelay;        /* ms after Esc; -1: $ESCDELAY, else 25 */
	int ascii;           /* -1: from the locale; 0: UTF-8; 1: ASCII only */
	int sort;            /* enum att_sort of the list */
	int matrix_articles; /* matrix cells count articles */
	int matrix_tone;     /* matrix cells coloured by tone */
	int mouse;           /* clicks and the wheel (general.mouse) */
};
#define APP_OPTIONS_INIT {0, -1, -1, 0, 0, 0, 0}

struct app {
	struct att_index *idx;
	char *index_path;
	struct att_filter *filter;  /* the active filter (never NULL) */
	struct pane panes[PANE_COUNT];
	enum pane_id focus;         /* one of the three main panes */
	enum pane_id overlay;       /* PANE_COUNT when none */
	/* The overlay that q in the article reopens: the evidence the article
	 * was opened from (PANE_COUNT when none). */
	enum pane_id back_overlay;
	enum pane_id second;        /* the right pane in the two-pane layout */
	int layout;                 /* 3, 2 or 1 panes shown */
	int rows, cols;
	int too_small;
	/* A new filter changed the list: the article pane follows its
	 * selection at the next idle moment, unless an article is opened
	 * some other way first (from the evidence, say). */
	int follow_pending;
	char *message;              /* status line message (sanitised) */
	int message_error;
	char *search;               /* the last search text */
	struct script *script;      /* scripted input, or NULL */
	int ascii;
	int quit;
	int status_dirty;
	int prompt_active;
	struct att_err script_err;  /* a failed script command */
	/* The index file on disk: what att_index_replaced() said last (0: the
	 * one opened; 1: replaced; 2: changed in place). */
	int idx_changed;
	/* Esc or Ctrl-C cancelled a query: the stale panes wait for C-l or a
	 * new filter instead of computing again at the next idle moment. */
	int hold;
	unsigned cancels;           /* queries cancelled so far */
	int key_cancelled;          /* the last query was cancelled by a key press */
	int script_cancel;          /* --script :cancel: cancel the next long query */
	int test_stall;             /* $ATTACHE_TEST_STALL: idle queries wait for a cancel */
	void (*prompt_draw)(struct app *app); /* draws the prompt over the panes */
	struct app_options opt;
};


/* Runs the browser on *IDX until the user quits. SCRIPT (may be NULL) reads
 * keys from a file instead of the terminal; OPT may be NULL (defaults).
 * The index may be reopened meanwhile (the action reopen): *IDX is then
 * the one open at the end. Returns an exit code. */
int app_run(struct att_index **idx, const char *index_path, const char *script_path,
	    const struct app_options *opt, struct att_err *err);

/* Sets the status line message (sanitised here); ERROR shows it as such. */
void app_message(struct app *app, int error, const char *fmt, ...) ATT_PRINTF(3, 4);

/* Replaces the active filter by TEXT (compiled); reloads the panes.
 * Returns 0, or a code with ERR filled (the filter is then unchanged). */
int app_set_filter(struct app *app, const char *text, struct att_err *err);

/* Marks a pane for redrawing. */
void app_dirty(struct app *app, enum pane_id id);

/* Focuses a main pane (showing it in layouts with fewer panes). */
void app_focus(struct app *app, enum pane_id id);

/* Opens an overlay (evidence, help, card) over the panes. */
void app_overlay(struct app *app, enum pane_id id);

/* 1 when a key is waiting (the live filter then waits before querying). */
int app_input_pending(struct app *app);

/* Reads one key (blocking). Returns the key, or -1 at the end of input. */
int app_getkey(struct app *app);

/* Refreshes what changed on the screen (one doupdate). */
void app_refresh(struct app *app);

/* Query guard: while a query runs, a key press cancels it. */
void app_query_begin(struct app *app);
void app_query_end(struct app *app);

/* Reports a model error (cancelled queries quietly). */
void app_model_error(struct app *app, const struct att_err *err);

/* Reopens the index at the same path (action reopen): the new one must
 * pass the checks of start-up, else the old one stays open. */
void app_reopen(struct app *app);

/* Resizes the virtual screen (scripted mode, :resize). */
void app_script_resize(struct app *app, int cols, int rows);

/* Pane constructors (tui/pane_*.c, tui/help.c). */
void pane_list_init(struct pane *p, int sort);
void pane_article_init(struct pane *p);
void pane_matrix_init(struct pane *p, int articles, int tone);
void pane_evidence_init(struct pane *p);
void pane_help_init(struct pane *p);
void pane_card_init(struct pane *p);

/* Cross-pane requests. */
int64_t pane_list_selected(struct app *app);           /* article id, or 0 */
int pane_list_follow(struct app *app);   /* shows the selected article when visible; 1 if it did */
int pane_list_idle(struct app *app);     /* counts the list's matches while idle; 1 if it did */
void pane_article_open(struct app *app, int64_t id, int64_t sentence);
void pane_evidence_open(struct app *app, const char *a, const char *b);
void pane_card_open(struct app *app, int64_t entity_id);

/* Generic cursor movement over COUNT items with a viewport of H rows:
 * updates *CUR and *TOP; returns 1 when handled. COUNT < 0: unknown (the
 * end is not known yet). */
int app_move(enum att_action act, int64_t *cur, int64_t *top, int64_t count, int h);

/* Keeps CUR visible in a viewport of H rows starting at *TOP. */
void app_scroll_to(int64_t cur, int64_t *top, int h, int64_t count);

#endif
