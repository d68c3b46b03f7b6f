/* config_names.c: prints every name the config file knows, from the
 * tables themselves (ATT_OPTIONS, actions.def, colors.def), one per line
 * as "KIND WHERE NAME [KEYS...]" for tests/config_man.sh: WHERE is an
 * option's section, an action's pane, "-" for the rest. */
#include "config.h"

#include <stdio.h>

#include "tui/conf.h"

int
main(void)
{
	for (int i = 0; i < ATT_OPT_COUNT; i++)
		printf("option %s %s\n", att_options[i].section, att_options[i].name);
	for (int i = 1; i < ACT_COUNT; i++)
		printf("action %s %s %s\n", att_scope_name(att_actions[i].scope), att_actions[i].name,
		       att_actions[i].keys);
	for (int i = 0; i < COL_COUNT; i++)
		printf("slot - %s\n", att_colors[i].name);
	for (int s = 0; s < SCOPE_COUNT; s++)
		printf("pane - %s\n", att_scope_name((enum att_scope)s));
	return ferror(stdout) ? 1 : 0;
}
