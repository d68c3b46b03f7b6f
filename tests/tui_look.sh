#!/bin/sh
# What the highlighting looks like in a real terminal (tmux, attributes
# captured as escape sequences): each entity kind with its own attributes,
# in colour and without (--mono); search matches in the article; the two
# countries of the evidence; the matrix's heat map as a 256-colour ramp,
# as shade characters on an 8-colour terminal, and its tone colouring.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui_lib.sh"
tmux_setup
tui_have_sqlite || skip_all "sqlite3 shell not installed"
idx="$TEST_TMP/fx.idx"
tui_fixture "$idx" || skip_all "cannot write the test index"
esc=$(printf '\033')

# sgr FILE TEXT [BEFORE]: the attributes and colours (SGR parameters, one
# a line) set by the escape sequences right before the first TEXT in FILE
# (that comes right after BEFORE).
sgr() {
	grep -o "$3\\(${esc}\\[[0-9;]*m\\)*$2" "$1" | head -n 1 |
		sed "s/^$3//; s/$2\$//; s/${esc}\\[//g; s/m/;/g" | tr ';' '\n' | grep .
}
# has FILE [BEFORE/]TEXT N...: every SGR parameter N is set right before
# TEXT (the first one that follows BEFORE).
has() {
	_f=$1 _t=$2 _b=; shift 2
	case $_t in */*) _b=${_t%%/*} _t=${_t#*/} ;; esac
	sgr "$_f" "$_t" "$_b" >"$TEST_TMP/sgr"
	for _p; do grep -qx -- "$_p" "$TEST_TMP/sgr" || { diag "$_t: no $_p in: $(tr '\n' ' ' <"$TEST_TMP/sgr")"; return 1; }; done
}
# plain FILE: the screen without its escape sequences.
plain() { sed "s/${esc}\\[[0-9;]*m//g" "$1"; }
# mrow FILE CODE: the matrix row of country CODE, escape sequences kept.
mrow() {
	_r=$(plain "$1" | grep -n "│$2  " | head -n 1 | cut -d: -f1)
	[ -n "$_r" ] && sed -n "${_r}p" "$1"
}
# bg FILE CODE TEXT: the 256-colour background of the last TEXT of the
# matrix row CODE (the first cell is under the cursor).
bg() {
	mrow "$1" "$2" | grep -o "\(${esc}\[[0-9;]*m\)*$3" | tail -n 1 |
		sed "s/${esc}\[//g; s/m/;/g" | sed -n 's/.*48;5;\([0-9]*\);.*/\1/p'
}
# on_screen NAME PATTERN: waits for PATTERN, then keeps the screen with
# its escape sequences in $TEST_TMP/NAME.ansi.
on_screen() { wait_for "$2" >/dev/null && screen -e >"$TEST_TMP/$1.ansi"; }

for how in colour mono; do
	if [ $how = colour ]; then tmux_start "$idx"; else tmux_start "$idx" --mono; fi
	wait_for '^\[Articles\] 1/255 ' >/dev/null || { not_ok "$how: the browser starts"; continue; }
	# 1001 (5th): countries, a person, a place; 1002 (4th): an organisation.
	keys j j j j Enter
	wait_for '^\[Article\] ' >/dev/null
	on_screen "$how-1001" 'La cerimonia'
	keys 1 k Enter
	wait_for '^\[Article\] ' >/dev/null
	on_screen "$how-1002" 'Le Nazioni Unite'
	f=$TEST_TMP/$how
	check "$how: countries are bold" has "$f-1001.ansi" Bielorussia 1
	check "$how: persons are underlined" has "$f-1001.ansi" Vladimir 4
	check "$how: organisations are bold and underlined" has "$f-1002.ansi" 'Nazioni Unite' 1 4
	check "$how: places are dim (and italic where the terminal has italics)" has "$f-1001.ansi" 'a /Minsk' 2
	if [ $how = colour ]; then
		c1=$(sgr "$f-1001.ansi" Bielorussia | grep -E '^3[0-7]$|^9[0-7]$|^38$' | head -n 1)
		c2=$(sgr "$f-1002.ansi" 'Nazioni Unite' | grep -E '^3[0-7]$|^9[0-7]$|^38$' | head -n 1)
		check "colour: countries and organisations have colours of their own ($c1, $c2)" \
			sh -c "[ -n '$c1' ] && [ -n '$c2' ] && [ '$c1' != '$c2' ]"
	else
		check "mono: no colour on the article" sh -c "! grep -qE '${esc}\\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|10[0-7]|[34]8;5;[0-9]+)(;[0-9;]*)?m' '$f-1001.ansi'"
	fi
	keys Q
	wait_exit
done

# Search matches in the article, and the evidence's countries.
tmux_start "$idx"
wait_for '^\[Articles\] 1/255 ' >/dev/null
keys j j j j Enter
wait_for '^\[Article\] ' >/dev/null
on_screen before 'firmano un accordo di difesa'
keys /
keys -l accordo
keys Enter
on_screen match 'match 1 of 2'
check "before the search, the word is plain text" sh -c "! grep -q '${esc}\\[[0-9;]*maccordo' '$TEST_TMP/before.ansi'"
check "/ highlights the match in the article" sh -c "grep -q '${esc}\\[[0-9;]*maccordo' '$TEST_TMP/match.ansi'"
keys 3
on_screen matrix '^\[Relations\] RU–BY '
# The cells RU-BY (2 sentences) and TR-AZ (1): two steps of the ramp.
b2=$(bg "$TEST_TMP/matrix.ansi" RU '    2')
b1=$(bg "$TEST_TMP/matrix.ansi" TR '    1')
check "256 colours: the heat map shades cells from a ramp ($b2 for 2, $b1 for 1)" \
	sh -c "[ -n '$b2' ] && [ -n '$b1' ] && [ '$b2' != '$b1' ]"
keys t
on_screen tone 'cells coloured by tone'
coop=$(bg "$TEST_TMP/tone.ansi" RU '+   2')
conf=$(bg "$TEST_TMP/tone.ansi" RU '-   2')
check "t: cooperation and conflict in colours of their own ($coop, $conf)" \
	sh -c "[ -n '$coop' ] && [ -n '$conf' ] && [ '$coop' != '$conf' ]"
keys t e
on_screen evidence '^\[Evidence\] RU–BY '
check "the evidence: Russia highlighted" has "$TEST_TMP/evidence.ansi" Russia 1
check "the evidence: Belarus highlighted" has "$TEST_TMP/evidence.ansi" Belarus 1
keys Q
wait_exit

# Only what changed is redrawn: a j in the list (the cursor moving, then
# the list scrolling) writes far fewer bytes to the terminal than C-l, a
# full repaint (bytes, not time: tmux pipe-pane counts what attache writes).
B=$TEST_TMP/bytes.out
# size: the bytes written so far, once three looks 0.1 s apart agree (the
# pipe lags the screen a little); 30 s at most.
size() {
	_a=-1 _same=0 _n=0
	while [ $_same -lt 3 ] && [ $_n -lt 300 ]; do
		_b=0; [ -f "$B" ] && _b=$(wc -c <"$B" | tr -d ' ')
		if [ "$_b" = "$_a" ]; then _same=$((_same + 1)); else _same=0; fi
		_a=$_b; sleep 0.1; _n=$((_n + 1))
	done
	echo "$_a"
}
# down FROM TO: j until the list is at TO.
down() {
	_i=$1
	while [ "$_i" -lt "$2" ]; do
		_i=$((_i + 1)); keys j
		wait_for "^\[Articles\] $_i/" >/dev/null || return 1
	done
}
rm -f "$TEST_TMP/status"
tmx_new 80 24 "TERM=xterm-256color '$ATTACHE' '$idx'; echo \$? >'$TEST_TMP/status'; sleep 300"
if wait_for '^\[Articles\] 1/255 '; then
	tmx pipe-pane -t 0 -o "cat >>'$B'"
	s0=$(size); down 1 11; s1=$(size)
	keys C-l; s2=$(size)
	down 11 41; s3=$(size)
	move=$(((s1 - s0) / 10)) full=$((s2 - s1)) scroll=$(((s3 - s2) / 30))
	diag "bytes at 80x24: j moving the cursor $move, j scrolling $scroll, C-l $full"
	check "a j moving the cursor writes under a quarter of a repaint ($move of $full bytes)" \
		sh -c "[ $full -gt 0 ] && [ $((move * 4)) -lt $full ]"
	check "a j scrolling the list writes under a quarter of a repaint ($scroll of $full bytes)" \
		sh -c "[ $full -gt 0 ] && [ $((scroll * 4)) -lt $full ]"
	keys Q
	wait_exit
else
	not_ok "bytes: the browser starts"
fi

# An 8-colour terminal: the heat map falls back to shade characters.
rm -f "$TEST_TMP/status"
tmx_new 120 40 "TERM=screen '$ATTACHE' '$idx'; echo \$? >'$TEST_TMP/status'; sleep 300"
if wait_for '^\[Articles\] 1/255 '; then
	keys 3
	on_screen eight '^\[Relations\] RU–BY '
	plain "$TEST_TMP/eight.ansi" >"$TEST_TMP/eight.txt"
	check "8 colours: shade characters before the counts" grep -q '│RU  ·  *[░▒▓█]   2 [░▒▓█]   2 ' "$TEST_TMP/eight.txt"
	check "8 colours: a lighter shade for a smaller count" grep -q '│TR  .*[░▒▓]   1' "$TEST_TMP/eight.txt"
	check "8 colours: no 256-colour sequence" sh -c "! grep -q '${esc}\\[[0-9;]*[34]8;5;' '$TEST_TMP/eight.ansi'"
	keys Q
	check "8 colours: quits" wait_exit
else
	not_ok "8 colours: the browser starts"
fi
done_testing
