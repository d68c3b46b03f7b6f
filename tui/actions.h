/* actions.h: the named actions of the browser (from actions.def). Keys map
 * to actions; panes handle actions. */
#ifndef ATTACHE_ACTIONS_H
#define ATTACHE_ACTIONS_H

/* Where an action is handled: everywhere, or in one pane. */
enum att_scope {
	SCOPE_GLOBAL,
	SCOPE_LIST,
	SCOPE_ARTICLE,
	SCOPE_MATRIX,
	SCOPE_EVIDENCE,
	SCOPE_COUNT
};

enum att_action {
	ACT_NONE,
#define ACTION(id, scope, name, keys, help) ACT_##id,
#include "tui/actions.def"
#undef ACTION
	ACT_COUNT
};

struct att_action_info {
	enum att_action act;
	enum att_scope scope;
	const char *name;  /* config and script name, "move-down" */
	const char *keys;  /* default keys, space-separated key names */
	const char *help;  /* one line */
};

/* Indexed by enum att_action; entry 0 (ACT_NONE) has a NULL name. */
extern const struct att_action_info att_actions[ACT_COUNT];

/* The action named NAME, or ACT_NONE. */
enum att_action att_action_by_name(const char *name);

/* "global", "list", "article", "matrix", "evidence". */
const char *att_scope_name(enum att_scope scope);

#endif
