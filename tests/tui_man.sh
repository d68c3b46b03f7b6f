#!/bin/sh
# attache(1) documents every action of tui/actions.def with its name and
# each of its default keys, so that the page cannot drift from the table.
. "${top_srcdir:-.}/tests/lib.sh"

man="$top_srcdir/man/attache.1"
def="$top_srcdir/tui/actions.def"
check "actions.def is readable" test -r "$def"

# ACTION(ID, SCOPE, "name", "keys", "help") -> name TAB keys
sed -n 's/^ACTION([A-Z_]*, *[A-Z]*, *"\([^"]*\)", *"\([^"]*\)".*/\1	\2/p' "$def" >"$TEST_TMP/actions"
n=$(wc -l <"$TEST_TMP/actions")
check "actions.def declares actions ($n)" test "$n" -gt 20

while IFS='	' read -r name keys; do
	line=$(grep -e "Pq Cm $name\$" "$man" | head -n 1)
	if [ -z "$line" ]; then
		not_ok "attache(1) documents the action $name"
		continue
	fi
	set -f # keys like ? and [ are not patterns
	missing=$(missing_keys "$line" Ic $keys)
	set +f
	if [ -z "$missing" ]; then ok "attache(1) documents $name with its keys ($keys)"
	else not_ok "attache(1) lacks key(s)$missing of $name"; diag "$line"; fi
done <"$TEST_TMP/actions"

# The help screen says the same: every action name is on it.
if [ -x "$ATTACHE" ] && [ -x "$top_builddir/tests/print_schema" ] && . "$top_srcdir/tests/tui_lib.sh" &&
   tui_have_sqlite && tui_fixture "$TEST_TMP/fx.idx" 5; then
	tui_script help "$TEST_TMP/fx.idx" <<KEYS
:resize 140x100
?
:dump $TEST_TMP/help.txt
KEYS
	missing=
	while IFS='	' read -r name keys; do
		grep -q -- " $name " "$TEST_TMP/help.txt" || missing="$missing $name"
	done <"$TEST_TMP/actions"
	if [ -z "$missing" ]; then ok "the help screen lists every action"
	else not_ok "the help screen lacks:$missing"; fi
else
	skip "the help screen (no sqlite3 shell to write an index)"
fi
done_testing
