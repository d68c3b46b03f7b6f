#!/bin/sh
# man/attache.conf.5 documents every option, action, colour slot and pane
# that the tables in the code declare (names printed by tests/config_names),
# each in its place: an option under its [section], an action under its
# pane in ACTIONS with each of its default keys, a slot under COLOUR SLOTS.
. "${top_srcdir:-.}/tests/lib.sh"
page="$top_srcdir/man/attache.conf.5"
names="$top_builddir/tests/config_names"
[ -x "$names" ] || skip_all "tests/config_names not built"
[ -r "$page" ] || { not_ok "man/attache.conf.5 exists"; done_testing; }
"$names" >"$TEST_TMP/names" || { not_ok "config_names runs"; done_testing; }
check "the tables name at least 10 options, 20 actions, 20 slots" \
	test "$(grep -c '^option ' "$TEST_TMP/names")" -ge 10 -a \
	"$(grep -c '^action ' "$TEST_TMP/names")" -ge 20 -a "$(grep -c '^slot ' "$TEST_TMP/names")" -ge 20

# part LEVEL REGEX: the lines of the page's first section (.Sh) or
# subsection (.Ss) whose title matches REGEX, up to the next one of the
# same or a higher level.
part() {
	awk -v lvl="$1" -v re="$2" '
		/^\.S[hs] / {
			if (on && ($1 == ".Sh" || lvl == ".Ss")) exit
			if (!done && $1 == lvl && substr($0, 5) ~ re) { on = 1; done = 1; next }
		}
		on' "$page"
}
part .Sh '^ACTIONS$' >"$TEST_TMP/actions"
part .Sh '^COLOUR SLOTS$' >"$TEST_TMP/slots"
check "the page has ACTIONS and COLOUR SLOTS" test -s "$TEST_TMP/actions" -a -s "$TEST_TMP/slots"

while read -r kind where name keys; do
	case $kind in
	option)
		if part .Ss "^[[]$where[]]\$" | grep -Eq "^\\.It Ic $name( |\$)"; then
			ok "attache.conf.5 documents option $name under [$where]"
		else
			not_ok "attache.conf.5 documents option $name under [$where]"
		fi ;;
	action)
		line=$(awk -v re="[(]$where[)]\$" '
			/^\.Ss / { on = substr($0, 5) ~ re; next } on' "$TEST_TMP/actions" |
			grep -E "^\\.It Ic $name( |\$)" | head -n 1)
		if [ -z "$line" ]; then
			not_ok "attache.conf.5 documents action $name under its pane ($where)"
			continue
		fi
		set -f # keys like ? and [ are not patterns
		missing=$(missing_keys "$line" Cm $keys)
		set +f
		if [ -z "$missing" ]; then ok "attache.conf.5 documents action $name ($where) with its keys ($keys)"
		else not_ok "attache.conf.5 lacks key(s)$missing of action $name"; diag "$line"; fi ;;
	slot)
		if grep -Eq "^\\.It Ic $name( |\$)" "$TEST_TMP/slots"; then ok "attache.conf.5 documents slot $name"
		else not_ok "attache.conf.5 documents slot $name under COLOUR SLOTS"; fi ;;
	pane)
		if grep -Eq "^\\.Cm.* $name( |\$)|^\\.Cm $name" "$page"; then ok "attache.conf.5 documents pane $name"
		else not_ok "attache.conf.5 documents pane $name"; fi ;;
	*)
		not_ok "config_names: unknown kind '$kind'" ;;
	esac
done <"$TEST_TMP/names"
done_testing
