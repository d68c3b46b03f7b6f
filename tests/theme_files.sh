#!/bin/sh
# The shipped themes: each loads without a message and colours every slot;
# the default theme reads on dark and light terminals; user themes win
# over shipped ones; --list-themes shows what is there.
. "${top_srcdir:-.}/tests/lib.sh"
themes="$top_srcdir/themes"
"$ATTACHE" --dump-config >"$TEST_TMP/dump" 2>/dev/null || { not_ok "attache --dump-config"; done_testing; }
# The slot names, from the commented lines of the [colors] section.
sed -n '/^\[colors\]/,$p' "$TEST_TMP/dump" | sed -n 's/^;\{0,1\}\([a-z0-9-]*\) = .*/\1/p' >"$TEST_TMP/slots"
check "the dump lists the colour slots" test "$(wc -l <"$TEST_TMP/slots")" -ge 20

for name in default dark light high-contrast mono slow-link solarized-dark; do
	f="$themes/$name.ini"
	if [ ! -r "$f" ]; then not_ok "theme $name is shipped"; continue; fi
	expect_exit 0 "theme $name loads" "$ATTACHE" --theme "$f" --dump-config
	check "theme $name loads without a message" test ! -s "$TEST_TMP/err"
	missing=
	while read -r slot; do
		grep -Eq "^$slot[[:space:]]*=" "$f" || missing="$missing $slot"
	done <"$TEST_TMP/slots"
	if [ -z "$missing" ]; then ok "theme $name sets every slot"
	else not_ok "theme $name sets every slot"; diag "missing:$missing"; fi
done

# The default theme keeps the terminal's background; on it, no white,
# yellow or bright text (unreadable on light or on dark terminals).
bad=$(sed -n '/^\[colors\]/,$p' "$themes/default.ini" | grep -E '^[a-z0-9-]+[[:space:]]*=' |
	awk '{ fg = $3; bg = $4; if (bg == "default" && (fg ~ /^(white|yellow|bright-white|bright-yellow|3|7|11|15|22[6-9]|23[01]|25[0-5])$/)) print $1 }')
if [ -z "$bad" ]; then ok "the default theme has no white or yellow text on the default background"
else not_ok "the default theme has no white or yellow text on the default background"; diag "$bad"; fi
check "the default theme keeps the terminal background for normal text" \
	grep -Eq '^normal[[:space:]]*= default default' "$themes/default.ini"
check "the mono theme has no colour" sh -c "! sed -n '/^\[colors\]/,\$p' '$themes/mono.ini' | grep -E '^[a-z]' | grep -v '= default default'"
check "solarized-dark names its source and licence" sh -c "grep -q 'ethanschoonover.com/solarized' '$themes/solarized-dark.ini' && grep -qi 'MIT' '$themes/solarized-dark.ini'"

# User themes: listed, and a user theme hides a shipped one of its name.
mkdir -p "$XDG_CONFIG_HOME/attache/themes"
printf '[colors]\nnormal = red default\n' >"$XDG_CONFIG_HOME/attache/themes/dark.ini"
printf '[colors]\nnormal = green default\n' >"$XDG_CONFIG_HOME/attache/themes/zz-mine.ini"
printf '[colors]\nnormal = nonsense\n' >"$XDG_CONFIG_HOME/attache/themes/broken.ini"
expect_exit 0 "--list-themes" "$ATTACHE" --list-themes
check "--list-themes shows a user theme" grep -q "^zz-mine	user	" "$TEST_TMP/out"
check "a user theme hides the shipped one of the same name" sh -c "grep -q '^dark	user	' '$TEST_TMP/out' && ! grep -q '^dark	\(build\|installed\)' '$TEST_TMP/out'"
if [ -d "$top_builddir/themes" ] && [ -r "$top_builddir/themes/light.ini" ]; then
	check "--list-themes shows the shipped themes from the build tree" grep -q "^light	build	" "$TEST_TMP/out"
else
	skip "shipped themes are found beside the binary only in a non-VPATH build"
fi
expect_exit 0 "--theme with a user theme" "$ATTACHE" --theme zz-mine --dump-config
check "the user theme's colours are used" grep -qx ';normal = green default' "$TEST_TMP/out"
expect_exit 0 "a broken theme" "$ATTACHE" --theme broken --dump-config
check "a broken theme is reported and the default theme used" sh -c "grep -q 'using the default theme' '$TEST_TMP/err' && grep -qx ';normal = default default' '$TEST_TMP/out'"
check "theme messages name FILE:LINE" grep -q "broken.ini:2: " "$TEST_TMP/err"

# Monochrome as the user gets it (NO_COLOR non-empty, or --mono; the
# shipped mono.ini as a user theme, so that a VPATH build reads it too):
# no colour at all, and entity kinds, heat steps, tones and the selection
# still apart by their attributes. An empty NO_COLOR keeps the colours.
cp "$themes/mono.ini" "$XDG_CONFIG_HOME/attache/themes/mono.ini"
# attrs SLOT: the attributes the dump gives SLOT, sorted, or "none".
attrs() {
	sed -n "s/^;\{0,1\}$1 = [^ ]* [^ ]*//p" "$TEST_TMP/out" | tr ' ' '\n' | sed '/^$/d' | sort |
		tr '\n' ' ' | sed 's/^$/none/'
}
# apart SLOT...: each SLOT has attributes no other one of the list has.
apart() {
	for _a; do attrs "$_a"; echo; done >"$TEST_TMP/attrs"
	[ "$(sort -u "$TEST_TMP/attrs" | wc -l)" -eq "$#" ]
}
for how in NO_COLOR --mono; do
	if [ "$how" = NO_COLOR ]; then
		expect_exit 0 "NO_COLOR=1 --dump-config" env NO_COLOR=1 "$ATTACHE" --dump-config
	else
		expect_exit 0 "--mono --dump-config" "$ATTACHE" --mono --dump-config
	fi
	check "$how: no slot has a colour" sh -c "! sed -n '/^\[colors\]/,\$p' '$TEST_TMP/out' |
		grep -E '^;?[a-z0-9-]+ = ' | grep -v ' = default default'"
	check "$how: the entity kinds are apart" apart entity-country entity-person entity-org entity-place
	check "$how: the heat steps are apart" apart heat-1 heat-2 heat-3 heat-4 heat-5 heat-6
	check "$how: the tones are apart" apart tone-cooperation tone-neutral tone-conflict
	check "$how: the selection stands out" apart normal selected selected-idle
done
expect_exit 0 "an empty NO_COLOR --dump-config" env NO_COLOR= "$ATTACHE" --theme "$themes/default.ini" --dump-config
check "an empty NO_COLOR keeps the colours" sh -c "sed -n '/^\[colors\]/,\$p' '$TEST_TMP/out' |
	grep -E '^;?[a-z0-9-]+ = ' | grep -qv ' = default default'"
done_testing
