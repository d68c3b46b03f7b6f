#!/bin/sh
# Scrolling leaves no artefacts: in a real terminal (tmux), the list and a
# long article are scrolled one line at a time, and the screen, attributes
# included, must be identical to a full redraw (C-l) of the same state.
# attache draws only what changed and lets the terminal scroll, so a wrong
# scroll region, a row left unredrawn or an attribute left on shows up here.
# Keys are paced by attache --trace (each sent once the previous one was
# handled), never by the clock.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui_lib.sh"
tui_have_sqlite || skip_all "sqlite3 shell not installed"
idx="$TEST_TMP/fx.idx"
tui_fixture "$idx" || skip_all "cannot write the test index"
# The newest article (first in the list) gets a long body: its mentions
# stay where they are, at the start.
"$SQLITE3" "$idx" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
	UPDATE article SET body = body || (SELECT group_concat(char(10) || 'Paragraph ' || i ||
	' of the long report: the talks went on, and the delegations met again the next morning.', '')
	FROM n) WHERE id = 1005" || skip_all "cannot lengthen the article"
tmux_setup
T=$TEST_TMP/trace.txt

# inputs: the input lines of the trace so far.
inputs() { _c=$(grep -vc '^done ' "$T" 2>/dev/null); echo "${_c:-0}"; }
# press KEY [N]: sends KEY N times (default 1), each once the one before
# is in the trace; returns 1 when attache stopped answering (30 s).
press() {
	_k=$1 _times=${2:-1} _p=0
	while [ "$_p" -lt "$_times" ]; do
		_want=$(($(inputs) + 1))
		keys "$_k"
		_w=0
		while [ "$(inputs)" -lt "$_want" ]; do
			[ "$_w" -lt 300 ] || { diag "no trace line for $_k"; return 1; }
			sleep 0.1; _w=$((_w + 1))
		done
		_p=$((_p + 1))
	done
}
# burst N: N j sent in one write, as the repeats of a held key queue up
# over a slow link; returns once attache has handled them all (30 s).
burst() {
	_want=$(($(inputs) + $1)) _ks= _p=0
	while [ "$_p" -lt "$1" ]; do _ks="$_ks j"; _p=$((_p + 1)); done
	keys $_ks
	_w=0
	while [ "$(inputs)" -lt "$_want" ]; do
		[ "$_w" -lt 300 ] || { diag "the burst was not handled"; return 1; }
		sleep 0.1; _w=$((_w + 1))
	done
}
# piped: the bytes tmux has piped so far ($P), once three looks 0.1 s
# apart agree: the pipe follows the pane a little later (30 s at most).
piped() {
	_last=-1 _agree=0 _w=0
	while [ "$_agree" -lt 3 ] && [ "$_w" -lt 300 ]; do
		_now=$(wc -c <"$P" 2>/dev/null | tr -d ' ')
		if [ "${_now:-0}" = "$_last" ]; then _agree=$((_agree + 1)); else _agree=0; fi
		_last=${_now:-0}; sleep 0.1; _w=$((_w + 1))
	done
	echo "$_last"
}
P=$TEST_TMP/piped.out

# cells <CAPTURE: what a person sees of a capture-pane -e: each cell's
# character with its attributes, one line per row. A blank shows only its
# background, reverse video and underline, so its other attributes (a
# colour or dim left on by an erase, which tmux keeps and the eye cannot
# see) are dropped; blanks at the end of a row that look like nothing go.
cells() {
	awk '
	function reset() { bold = dim = ital = und = blink = rev = inv = strike = 0; fg = bg = "" }
	function sgr(p,   n, v, i, x) {
		n = split(p, v, ";")
		if (n == 0) { reset(); return }
		for (i = 1; i <= n; i++) {
			x = v[i]
			if (x == "" || x == 0) reset()
			else if (x == 1) bold = 1
			else if (x == 2) dim = 1
			else if (x == 3) ital = 1
			else if (x == 4) und = 1
			else if (x == 5) blink = 1
			else if (x == 7) rev = 1
			else if (x == 8) inv = 1
			else if (x == 9) strike = 1
			else if (x == 22) bold = dim = 0
			else if (x == 23) ital = 0
			else if (x == 24) und = 0
			else if (x == 25) blink = 0
			else if (x == 27) rev = 0
			else if (x == 28) inv = 0
			else if (x == 29) strike = 0
			else if (x == 38 || x == 48) {
				c = x ""
				if (v[i + 1] == 5) { c = c ":5:" v[i + 2]; i += 2 }
				else if (v[i + 1] == 2) { c = c ":2:" v[i + 2] ":" v[i + 3] ":" v[i + 4]; i += 4 }
				if (x == 38) fg = c; else bg = c
			}
			else if (x == 39) fg = ""
			else if (x == 49) bg = ""
			else if ((x >= 30 && x <= 37) || (x >= 90 && x <= 97)) fg = x
			else if ((x >= 40 && x <= 47) || (x >= 100 && x <= 107)) bg = x
		}
	}
	BEGIN { reset() }
	{
		line = $0; out = ""; last = ""; n = length(line); keep = 0; o = 0
		for (i = 1; i <= n; i++) {
			ch = substr(line, i, 1)
			if (ch == "\033" && substr(line, i + 1, 1) == "[") {
				j = i + 2
				while (j <= n && substr(line, j, 1) !~ /[@-~]/) j++
				if (substr(line, j, 1) == "m") sgr(substr(line, i + 2, j - i - 2))
				i = j
				continue
			}
			if (ch == " ")
				a = "u" und "r" rev "b" bg (rev ? "f" fg : "")
			else
				a = "B" bold "D" dim "I" ital "U" und "K" blink "R" rev "H" inv "S" strike "f" fg "b" bg
			cell[++o] = (a == last ? "" : "<" a ">") ch
			if (a != last) last = a
			if (!(ch == " " && a == "u0r0b")) keep = o
		}
		for (k = 1; k <= keep; k++) out = out cell[k]
		print out
	}'
}
# same NAME: the screen now and after C-l look identical, cell by cell.
same() {
	screen -e | cells >"$TEST_TMP/$1.scrolled"
	press C-l
	screen -e | cells >"$TEST_TMP/$1.redrawn"
	if cmp -s "$TEST_TMP/$1.scrolled" "$TEST_TMP/$1.redrawn"; then
		ok "$1: the scrolled screen is the redrawn screen"
	else
		not_ok "$1: the scrolled screen differs from a redraw"
		diff "$TEST_TMP/$1.redrawn" "$TEST_TMP/$1.scrolled" | head -n 12 | while IFS= read -r l; do diag "$l"; done
	fi
}
# session COLS ROWS [CONFIG]: attache in a pane of that size (with the
# config file CONFIG, or none), its first screen up.
session() {
	# A trace file of its own: the browser of the previous session may
	# still write its last line as it exits.
	T=$TEST_TMP/trace-$1x$2${3:+-${3##*/}}.txt
	tmx_new "$1" "$2" "TERM=xterm-256color '$ATTACHE' --config '${3:-/dev/null}' --trace '$T' '$idx'; sleep 300" || return 1
	_w=0
	while [ "$(inputs)" -lt 1 ] && [ $_w -lt 300 ]; do sleep 0.1; _w=$((_w + 1)); done
	[ "$(inputs)" -ge 1 ]
}

# list.cursor = arrow (attache.conf(5)): the selected row keeps its
# colours, a -> in front of it marks it.
printf '[list]\ncursor = arrow\n' >"$TEST_TMP/arrow"
# arrows NAME: the list shows exactly one arrow, on a row without
# reverse video.
arrows() {
	_n=$(screen | grep -c '^-> ')
	_at=$(screen | grep -n '^-> ' | head -n 1 | cut -d: -f1)
	_rev=$(screen -e | sed -n "${_at:-1}p" | grep -Ec "$(printf '\033')\\[([0-9]*;)*7[;m]")
	if [ "$_n" = 1 ] && [ "$_rev" = 0 ]; then
		ok "$1: one arrow marks the selected row, not a highlighted bar"
	else
		not_ok "$1: one arrow marks the selected row ($_n arrows, $_rev in reverse video)"
	fi
}

# general.layout = single: one pane at a time, also at 120 columns.
printf "[general]\nlayout = single\n" >"$TEST_TMP/single"
# The slow-link theme (by its path: a VPATH build finds no shipped theme
# by name): entity names change the colour only.
printf "[general]\ntheme = %s/themes/slow-link.ini\n" "$(cd "$top_srcdir" && pwd)" >"$TEST_TMP/slow"

for size in 80x24 100x30 120x40 80x24-arrow 120x40-arrow 120x40-single 80x24-slow; do
	conf= arrow=
	case $size in
	*-arrow) conf=$TEST_TMP/arrow arrow=1 ;;
	*-single) conf=$TEST_TMP/single ;;
	*-slow) conf=$TEST_TMP/slow ;;
	esac
	c=${size%%x*} r=${size#*x} r=${r%-*}
	if ! session "$c" "$r" $conf; then not_ok "$size: attache starts"; continue; fi
	case $size in *-single)
		# The top row holds the pane titles: "Articles" alone, no "Article" beside it.
		check "$size: one pane on the screen" test "$(screen | head -n 1 | grep -o 'Article' | wc -l)" -eq 1 ;;
	esac
	# The list: down past the bottom (it scrolls), further, and back up.
	press j $((r + 30)) && same "$size list down"
	[ -z "$arrow" ] || arrows "$size list down"
	press k $((r + 10)) && same "$size list up"
	press j 5 && press PgDn 3 && press k 2 && same "$size list paged"
	[ -z "$arrow" ] || arrows "$size list paged"
	# The long article, opened from the top of the list.
	press g && press Enter && press j $((r + 40)) && same "$size article down"
	press k 25 && same "$size article up"
	press PgDn 2 && press j 3 && press PgUp && same "$size article paged"
	if [ "$size" = 80x24 ]; then
		# Typeahead: 20 j arriving at once are drawn once, not 20 times
		# (bytes, not time: tmux pipe-pane counts what attache writes).
		press g && tmx pipe-pane -t 0 -o "cat >>'$P'"
		b0=$(piped); press j 20; b1=$(piped); burst 20; b2=$(piped)
		tmx pipe-pane -t 0
		diag "20 j one at a time: $((b1 - b0)) bytes; 20 j at once: $((b2 - b1))"
		check "20 j arriving at once write under half the bytes of 20 j one at a time" \
			test $(((b2 - b1) * 2)) -lt $((b1 - b0))
		same "$size article after a burst"
	fi
	press q
done
done_testing
