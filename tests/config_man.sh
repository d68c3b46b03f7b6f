#!/bin/sh
# man/attache.conf.5 documents every option, action, colour slot and pane
# that the tables in the code declare (names printed by tests/config_names).
. "${top_srcdir:-.}/tests/lib.sh"
page="$top_srcdir/man/attache.conf.5"
names="$top_builddir/tests/config_names"
[ -x "$names" ] || skip_all "tests/config_names not built"
[ -r "$page" ] || { not_ok "man/attache.conf.5 exists"; done_testing; }
"$names" >"$TEST_TMP/names" || { not_ok "config_names runs"; done_testing; }
check "the tables name at least 10 options, 20 actions, 20 slots" \
	test "$(grep -c '^option ' "$TEST_TMP/names")" -ge 10 -a \
	"$(grep -c '^action ' "$TEST_TMP/names")" -ge 20 -a "$(grep -c '^slot ' "$TEST_TMP/names")" -ge 20
while read -r kind name; do
	case $kind in
	pane) pat="^\\.Cm.* $name( |$)|^\\.Cm $name" ;;
	*) pat="^\\.It Ic $name( |$)" ;;
	esac
	if grep -Eq "$pat" "$page"; then ok "attache.conf.5 documents $kind $name"
	else not_ok "attache.conf.5 documents $kind $name"; fi
done <"$TEST_TMP/names"
done_testing
