#!/bin/sh
# Themes and the config file on a real terminal (tmux): colours with the
# default theme, none with NO_COLOR or --mono (attributes stay), T cycles
# to the next theme, and keys bound in the config file act.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui_lib.sh"
tmux_setup
tui_have_sqlite || skip_all "sqlite3 shell not installed"
idx="$TEST_TMP/fx.idx"
tui_fixture "$idx" || skip_all "cannot write the test index"
# The shipped themes as user themes, so that a VPATH build finds them too.
mkdir -p "$XDG_CONFIG_HOME/attache/themes"
cp "$top_srcdir"/themes/*.ini "$XDG_CONFIG_HOME/attache/themes/"
esc=$(printf '\033')
# An SGR sequence that sets a foreground or background colour.
colour="${esc}\\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|10[0-7]|[34]8;5;[0-9]+)(;[0-9;]*)?m"

# quit_browser: leaves with the default key, waits for the exit and for
# the tmux server to go, so that the next start gets a fresh one.
quit_browser() { keys Q; wait_exit; tmx kill-server 2>/dev/null; sleep 0.3; }

tmux_start "$idx"
if wait_for '^\[Articles\] '; then
	screen -e >"$TEST_TMP/default.ansi"
	check "the default theme colours the screen" grep -qE "$colour" "$TEST_TMP/default.ansi"
	check "general.mouse is off by default: the terminal's mouse is left alone" \
		test "$(tmx display -p -t 0 '#{mouse_any_flag}')" = 0
	next=$("$ATTACHE" --list-themes | cut -f1 | sed -n '/^default$/{n;p;q;}')
	keys T
	check "T switches to the next theme ($next) and says so" wait_for "theme $next\$"
	screen -e >"$TEST_TMP/next.ansi"
	check "the next theme draws differently" sh -c "! cmp -s '$TEST_TMP/default.ansi' '$TEST_TMP/next.ansi'"
	quit_browser
else
	not_ok "the browser starts"
fi

# current_entity WHAT OUT [ARGS...]: starts the browser with ARGS, opens
# the first article and puts the cursor (]) on its first entity (Armenia,
# a country); OUT gets the escape sequences right before it. WHAT names
# the case when that fails.
current_entity() {
	_what=$1 _out=$2
	shift 2
	tmux_start "$idx" "$@"
	if ! wait_for '^\[Articles\] '; then
		not_ok "$_what: the browser starts"
		return 1
	fi
	keys Enter
	wait_for 'Legend' && keys ']'
	_rc=0
	if wait_for 'country: Armenia'; then
		screen -e | grep -aoE "(${esc}\\[[0-9;]*m)+Armenia" | head -n 1 >"$_out"
	else
		not_ok "$_what: ] selects the first entity"
		_rc=1
	fi
	quit_browser
	return $_rc
}
# sgr_has FILE ERE: an SGR sequence in FILE sets the parameters ERE.
sgr_has() { grep -qE "${esc}\\[([0-9;]*;)?($2)(;[0-9;]*)?m" "$1"; }

# The entity under the cursor is drawn in reverse video over its kind's
# colour (a country: red), which stays.
if current_entity "the current entity" "$TEST_TMP/current.sgr"; then
	check "the current entity is in reverse video" sgr_has "$TEST_TMP/current.sgr" 7
	check "the current entity keeps its kind's colour (red)" sgr_has "$TEST_TMP/current.sgr" '31|38;5;1'
fi

# The slow-link theme: entity names in their kind's colour, without bold
# (Azerbaijan: a country, red; bold in the default theme).
tmux_start "$idx" --theme slow-link
if wait_for '^\[Articles\] '; then
	keys Enter
	if wait_for 'Legend'; then
		screen -e | grep -aoE "(${esc}\\[[0-9;]*m)+Azerbaijan" | head -n 1 >"$TEST_TMP/slow.sgr"
		check "slow-link: a country is red" grep -qE "${esc}\\[([0-9;]*;)?(31|38;5;1)(;[0-9;]*)?m" "$TEST_TMP/slow.sgr"
		check "slow-link: and not bold" sh -c "! grep -qE '${esc}\\[([0-9;]*;)?1(;[0-9;]*)?m' '$TEST_TMP/slow.sgr'"
	else
		not_ok "slow-link: Enter opens the article"
	fi
	quit_browser
else
	not_ok "slow-link: the browser starts"
fi

# A theme's "normal" colours (dark: 252 on 234) are those of plain text
# and of the cleared screen, not the terminal's own.
tmux_start "$idx" --theme dark
if wait_for '^\[Articles\] '; then
	keys Enter
	if wait_for 'Legend'; then
		screen -e | grep -aoE "(${esc}\\[[0-9;]*m)+ exchange fire" | head -n 1 >"$TEST_TMP/normal.sgr"
		check "dark: plain text in the theme's normal colour (252)" grep -qE "${esc}\\[([0-9;]*;)?38;5;252(;[0-9;]*)?m" "$TEST_TMP/normal.sgr"
		raw="$TEST_TMP/redraw.raw"
		: >"$raw"
		tmx pipe-pane -t 0 -o "cat >>'$raw'"
		keys C-l
		i=0
		# The redraw is complete once the status line is in it.
		while ! grep -qa "\\[Article\\]" "$raw" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
		tmx pipe-pane -t 0
		# Blank cells in 234: cleared (ESC [ K or J, on a terminal with
		# bce) or written as spaces (screen-256color has no bce).
		check "dark: blank cells in the theme's background (234)" \
			grep -qaE "48;5;234m( {20}|${esc}\\[[0-9]*[JK])" "$raw"
	else
		not_ok "dark: Enter opens the article"
	fi
	quit_browser
else
	not_ok "dark: the browser starts"
fi

# A slot left at "default" over a theme with normal colours of its own:
# the entity under the cursor keeps its kind's colour (dark: 210), as it
# does over the terminal's own colours.
printf '[colors]\nentity-current = default default reverse\n' >"$TEST_TMP/current.conf"
if current_entity "dark, entity-current = default" "$TEST_TMP/current-dark.sgr" \
	--theme dark --config "$TEST_TMP/current.conf"; then
	check "dark, entity-current = default: in reverse video" sgr_has "$TEST_TMP/current-dark.sgr" 7
	check "dark, entity-current = default: the country's colour (210) stays" \
		sgr_has "$TEST_TMP/current-dark.sgr" '38;5;210'
fi

for how in NO_COLOR --mono; do
	if [ "$how" = NO_COLOR ]; then
		NO_COLOR=1; export NO_COLOR
		tmux_start "$idx"
		unset NO_COLOR
	else
		tmux_start "$idx" --mono
	fi
	if wait_for '^\[Articles\] '; then
		screen -e >"$TEST_TMP/mono.ansi"
		check "$how: no colour on the screen" sh -c "! grep -qE '$colour' '$TEST_TMP/mono.ansi'"
		check "$how: attributes remain (bold, reverse)" sh -c "grep -qE '${esc}\\[([0-9;]*;)?1(;[0-9;]*)?m' '$TEST_TMP/mono.ansi' &&
			grep -qE '${esc}\\[([0-9;]*;)?7(;[0-9;]*)?m' '$TEST_TMP/mono.ansi'"
		keys T
		check "$how: T explains that themes are off" wait_for 'monochrome'
		quit_browser
	else
		not_ok "$how: the browser starts"
	fi
done
# Keys from the config file: quit moves to x, Q and q lose their actions.
mkdir -p "$XDG_CONFIG_HOME/attache"
printf '[keys]\nglobal.quit = x\nglobal.back =\n' >"$XDG_CONFIG_HOME/attache/config"
tmux_start "$idx"
if wait_for '^\[Articles\] '; then
	keys Q
	check "an unbound default key does nothing but say so" wait_for 'Q: no action'
	keys x
	check "the key bound in the config file quits" wait_exit
	check "and the exit status is 0" test "$(cat "$TEST_TMP/status" 2>/dev/null)" = 0
else
	not_ok "the browser starts with a [keys] section"
fi
rm -f "$XDG_CONFIG_HOME/attache/config"

# general.mouse = on: the terminal reports the mouse (xterm's X10 form,
# sent here as a terminal would); a click selects a row of the list or
# focuses the pane under it, the wheel moves three lines.
# mouse_event BUTTON X Y: press (0: left; 64, 65: wheel up, down) or
# release (3) at column X, row Y (0-based).
mouse_event() {
	tmx send-keys -t 0 -l "$(printf '\033[M%b%b%b' "\\$(printf %03o $((32 + $1)))" \
		"\\$(printf %03o $((33 + $2)))" "\\$(printf %03o $((33 + $3)))")"
}
click() { mouse_event 0 "$1" "$2"; mouse_event 3 "$1" "$2"; }
printf '[general]\nmouse = on\n' >"$XDG_CONFIG_HOME/attache/config"
tmux_start "$idx"
if wait_for '^\[Articles\] 1/'; then
	check "mouse = on: the terminal is asked for mouse reports" \
		test "$(tmx display -p -t 0 '#{mouse_any_flag}')" = 1
	click 5 3
	check "a click on the third row of the list selects it" wait_for '^\[Articles\] 3/'
	mouse_event 65 5 3
	check "the wheel moves the list three rows down" wait_for '^\[Articles\] 6/'
	mouse_event 64 5 3
	check "and three up" wait_for '^\[Articles\] 3/'
	click 80 10
	check "a click in the article pane focuses it" wait_for '^\[Article\] '
	quit_browser
else
	not_ok "the browser starts with mouse = on"
fi
rm -f "$XDG_CONFIG_HOME/attache/config"

# [matrix] countries and min-count shape the matrix (scripted input, no tmux).
matrix_rows() { grep -cE '^[A-Z]{2} ' "$1"; }
printf ':resize 100x30\n3\n:dump %s\n' "$TEST_TMP/m-all.txt" | tui_script m-all "$idx"
printf '[matrix]\ncountries = 2\n' >"$XDG_CONFIG_HOME/attache/config"
printf ':resize 100x30\n3\n:dump %s\n' "$TEST_TMP/m-two.txt" | tui_script m-two "$idx"
check "the fixture's matrix has more than two countries" test "$(matrix_rows "$TEST_TMP/m-all.txt")" -gt 2
check "matrix.countries = 2 keeps two countries" test "$(matrix_rows "$TEST_TMP/m-two.txt")" -eq 2
printf '[matrix]\nmin-count = 1000\n' >"$XDG_CONFIG_HOME/attache/config"
printf ':resize 100x30\n3\n:dump %s\n' "$TEST_TMP/m-min.txt" | tui_script m-min "$idx"
check "the matrix shows counts by default" sh -c "grep -E '^RU ' '$TEST_TMP/m-all.txt' | grep -qE ' [0-9]+ '"
check "matrix.min-count above every count leaves the cells blank" sh -c "! grep -E '^RU ' '$TEST_TMP/m-min.txt' | grep -qE ' [0-9]+ '"

# general.date-format: dates in the list and the article header.
printf '[general]\ndate-format = "%%d/%%m/%%Y"\n' >"$XDG_CONFIG_HOME/attache/config"
printf ':resize 120x30\n:dump %s\n' "$TEST_TMP/dates.txt" | tui_script dates "$idx"
iso=$("$ATTACHE" --list "$idx" | head -n 1 | cut -f2)
d=$(echo "$iso" | sed -n 's/^\([0-9]*\)-\([0-9]*\)-\([0-9]*\).*/\3\/\2\/\1/p')
check "the list shows dates in date-format ($d)" grep -q "^$d " "$TEST_TMP/dates.txt"
check "the article header shows the date in date-format" grep -q "Date $d" "$TEST_TMP/dates.txt"

# list.columns: the title alone.
printf '[list]\ncolumns = title\n' >"$XDG_CONFIG_HOME/attache/config"
printf ':resize 120x30\n:dump %s\n' "$TEST_TMP/cols.txt" | tui_script cols "$idx"
title=$("$ATTACHE" --list "$idx" | head -n 1 | cut -f5 | cut -c1-12)
check "list.columns = title: rows start with the title" sh -c "sed -n 2p '$TEST_TMP/cols.txt' | grep -qF -- '$title'"
check "list.columns = title: no date in the list" sh -c "! sed -n 2p '$TEST_TMP/cols.txt' | cut -c1-20 | grep -qE '[0-9]{4}-[0-9]{2}'"
rm -f "$XDG_CONFIG_HOME/attache/config"

# The other options of the browser, each against the default screen.
# config NAME TEXT: the screen (list and matrix, 120x30) with TEXT as the
# config file, in $TEST_TMP/NAME.txt.
config() {
	printf "$2" >"$XDG_CONFIG_HOME/attache/config"
	printf ':resize 120x30\n3\n:dump %s\n' "$TEST_TMP/$1.txt" | tui_script "$1" "$idx"
	rm -f "$XDG_CONFIG_HOME/attache/config"
}
config c-default ''
# list.sort: the list starts in title order, and says so.
config c-sort '[list]\nsort = title\n'
# The fixture's newest article has the first title too: rows 2 and 3.
"$ATTACHE" --list "$idx" | cut -f5 | LC_ALL=C sort -f | head -n 2 | cut -c1-20 >"$TEST_TMP/by-title"
sed -n 2,3p "$TEST_TMP/c-sort.txt" >"$TEST_TMP/c-sort-rows"
check "the list is newest first by default" grep -q '^Articles .* newest first' "$TEST_TMP/c-default.txt"
check "list.sort = title: the list says 'by title'" grep -q '^Articles .* by title' "$TEST_TMP/c-sort.txt"
check "list.sort = title: the first two rows are the first two titles" \
	sh -c "paste -d '\t' '$TEST_TMP/by-title' '$TEST_TMP/c-sort-rows' | while IFS='	' read -r t row; do
		case \"\$row\" in *\"\$t\"*) ;; *) exit 1 ;; esac; done"
# matrix.level and matrix.colouring: the legend under the matrix tells.
config c-level '[matrix]\nlevel = article\n'
config c-tone '[matrix]\ncolouring = tone\n'
check "the matrix counts sentences by default" grep -qE '(^|│)sentences: ' "$TEST_TMP/c-default.txt"
check "matrix.level = article: the matrix counts articles" grep -qE '(^|│)articles: ' "$TEST_TMP/c-level.txt"
check "matrix.colouring = tone: the matrix shows the tone" grep -qE '(^|│)tone: .*cooperation' "$TEST_TMP/c-tone.txt"
# general.ascii-only = on: a UTF-8 terminal gets ASCII lines and ellipses.
config c-ascii '[general]\nascii-only = on\n'
check "the default screen draws Unicode lines" grep -q '│' "$TEST_TMP/c-default.txt"
check "ascii-only = on: the frame is ASCII" sh -c "grep -q '|' '$TEST_TMP/c-ascii.txt' && ! grep -q '[│…·–]' '$TEST_TMP/c-ascii.txt'"
done_testing
