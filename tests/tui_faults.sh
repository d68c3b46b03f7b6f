#!/bin/sh
# Faults around a running browser: its index renamed over, truncated or
# replaced by something that is not an index while it is open (R reopens
# it); long queries cancelled by Esc or Ctrl-C; a 300x100 window, a storm
# of resizes, Ctrl-Z and fg, Esc alone against an arrow key that arrives
# in pieces.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui_lib.sh"
tui_have_sqlite || skip_all "sqlite3 shell not installed"
tmux_setup

# wait_long PATTERN: wait_for with a longer bound (30 s), for what comes
# from the browser's idle check of its file (every 2 s).
wait_long() {
	_w=0
	while [ $_w -lt 3 ]; do
		wait_for "$1" 2>/dev/null >/dev/null && return 0
		_w=$((_w + 1))
	done
	diag "never showed: $1"; screen | sed -n '1,3p;$p' | while IFS= read -r l; do diag "  $l"; done
	return 1
}

# status: the status line (the last row of the pane).
status() { screen | tail -n 1; }

# responds: the browser still reads keys: ? opens the help, q closes it.
responds() {
	keys '?' && wait_for '^\[Help\]' >/dev/null && keys q && wait_for '^\[Articles\]' >/dev/null
}

# not_on_screen PATTERN: no line of the screen matches PATTERN.
not_on_screen() { ! screen | grep -qE -- "$1"; }

# rows: the number of rows of the screen.
rows() { screen | wc -l; }

# fits_pane FILE COLS: no line of FILE is wider than COLS columns.
fits_pane() { [ "$(tui_widest "$1")" -le "$2" ]; }

old="$TEST_TMP/old.idx"
tui_fixture "$old" || skip_all "cannot write the fixture index"
new="$TEST_TMP/new.idx"
cp "$old" "$new"
"$SQLITE3" "$new" "INSERT INTO article (id, path, title, date, source, lang, body, countries) VALUES
 (2001, 'b/1.txt', 'Accordo solo nel nuovo indice', '2024-02-02', 'ANSA', 'it',
  'Un accordo che il vecchio indice non conosce.', '');
 INSERT INTO article_fts(article_fts) VALUES ('rebuild');" || skip_all "cannot write the new index"

# --- Cancelling a long query. --script's :cancel makes the next query
# that runs long enough to be checked (SQLite's progress handler: every
# 1,000 steps, so the same on any machine) stop as if Esc had been typed
# while it ran.
big="$TEST_TMP/big.idx"
tui_fixture "$big" 900
tui_script cancel "$big" <<KEYS
:resize 120x40
f
:type report OR russia OR turkey
Enter
:cancel
3
:dump $TEST_TMP/cancel1.txt
C-l
:dump $TEST_TMP/cancel2.txt
f
:cancel
:type  OR armenia
:wait
:dump $TEST_TMP/cancel3.txt
Enter
:dump $TEST_TMP/cancel4.txt
KEYS
check "cancel: the script runs (exit $tui_rc)" test "$tui_rc" -eq 0
check "cancel: the matrix says its query was cancelled" grep -q '(query cancelled: C-l computes it)' "$TEST_TMP/cancel1.txt"
check "cancel: and so does the status line" sh -c "tail -n 1 '$TEST_TMP/cancel1.txt' | grep -q 'query cancelled\$'"
check "cancel: C-l computes the matrix" grep -q '│RU  ·  ' "$TEST_TMP/cancel2.txt"
check "cancel: the message is gone" sh -c "! grep -q 'cancelled' '$TEST_TMP/cancel2.txt'"
check "cancel: in the prompt, the live filter's query says so on the prompt" \
	sh -c "tail -n 2 '$TEST_TMP/cancel3.txt' | head -n 1 | grep -q 'Filter: report OR russia OR turkey OR armenia' &&
	       tail -n 1 '$TEST_TMP/cancel3.txt' | grep -q '^query cancelled'"
check "cancel: Enter then applies the filter in full" grep -q '│AM  ' "$TEST_TMP/cancel4.txt"
check "cancel: and the status line no longer says cancelled" \
	sh -c "tail -n 1 '$TEST_TMP/cancel4.txt' | grep -q 'filter: report OR russia OR turkey OR arm' &&
	       ! grep -q cancelled '$TEST_TMP/cancel4.txt'"

# --- Damaged pages (zeroed from 75%, 50% or 10% of the file on): the
# index still opens, its queries fail; every pane and action, by script:
# no crash, the error on the status line, nothing wider than the screen.
size=$(wc -c <"$big")
for pct in 75 50 10; do
	cp "$big" "$TEST_TMP/zero.idx"
	from=$((size * pct / 100 / 4096))
	dd if=/dev/zero of="$TEST_TMP/zero.idx" bs=4096 seek="$from" count=$((size / 4096 - from)) \
		conv=notrunc 2>/dev/null
	tui_script zero "$TEST_TMP/zero.idx" <<KEYS
:resize 160x48
G
Enter
]
]
i
Esc
o
/
:type Russia
Enter
n
N
3
j
l
a
t
e
Enter
Esc
e
j
Enter
1
s
s
s
s
f
:type russia OR report
Tab
Enter
Enter
3
e
Enter
i
Esc
:resize 80x24
2
]
i
F
:dump $TEST_TMP/zero.txt
KEYS
	check "pages zeroed from $pct%: every action, no crash (exit $tui_rc)" test "$tui_rc" -eq 0
	check "pages zeroed from $pct%: nothing wider than the screen" fits_pane "$TEST_TMP/zero.txt" 80
	[ "$pct" -lt 75 ] &&
		check "pages zeroed from $pct%: the status line says the index is corrupted" \
			sh -c "tail -n 1 '$TEST_TMP/zero.txt' | grep -q 'zero.idx: the index is corrupted'"
done

# --- The index renamed over while open; R reopens it, keeping the filter.
open="$TEST_TMP/open.idx"
cp "$old" "$open"
tmux_start "$open"
check "the browser starts" wait_for '^\[Articles\] 1/255 '
keys f; keys -l accordo; keys Enter
check "a filter is set" wait_for '^\[Articles\] 1/2 .*filter: accordo'
check "the new index's article is not there yet" not_on_screen 'solo nel nuovo'

mv "$new" "$open"
check "renamed over: the status line says so" wait_long 'index replaced on disk: R reopens it'
keys j
check "the browser keeps working on the file it opened" wait_for '^\[Articles\] 2/2 .*filter: accordo'
check "and still shows that the file was replaced" wait_for '\[index replaced on disk: R\]'
keys R
check "R: the new index's article is on the screen" wait_for 'Accordo solo nel nuovo indice'
check "R: with the filter kept" wait_for '^\[Articles\] 1/3 .*filter: accordo'
check "R: the status line says so" wait_for 'index reopened'
keys 3
check "R: the matrix is computed on the new index" wait_for '^\[Relations\]'

# A file that is not an index put in its place: refused, the old one kept.
printf 'just some text, not an index\n' >"$TEST_TMP/text"
mv "$TEST_TMP/text" "$open"
check "a text file renamed over: noticed" wait_long 'index replaced on disk: R reopens it'
keys 1 R
check "R: refused with a one-line reason" wait_for 'not reopened: .*open.idx: not an'
check "the index it had stays open" wait_for '^Articles  1/3 '
keys g Enter
check "and articles still open from it" wait_for 'Un accordo che il vecchio indice non conosce'
rm -f "$open"
keys 1 R
check "R on a removed file: refused" wait_for 'not reopened: .*open.idx: no such'
check "still responds to keys" responds
keys Q
check "Q quits" wait_exit
check "with status 0" test "$(cat "$TEST_TMP/status" 2>/dev/null)" = 0
check "the terminal settings are restored" cmp -s "$TEST_TMP/stty.before" "$TEST_TMP/stty.after"

# --- The index truncated while open: a one-line error on the status line,
# never a crash or a hang; the browser stays usable.
errors='corrupted|read error|query failed|not an attache index|malformed'
half=$(($(wc -c <"$old") / 2))
# handled N: waits (at most 20 s) until the browser's --trace shows that it
# handled N keys in all, so the screen read next is the one drawn for them.
handled() {
	_h=0
	while [ "$(grep -cv '^start \|^done ' "$TEST_TMP/trace" 2>/dev/null)" -lt "$1" ] && [ $_h -lt 200 ]; do
		sleep 0.1; _h=$((_h + 1))
	done
}
for cut in 0 "$half"; do
	cp "$old" "$open"
	tmux_start "$open" --trace "$TEST_TMP/trace"
	wait_for '^\[Articles\] 1/255 ' >/dev/null
	truncate -s "$cut" "$open"
	check "truncated to $cut: noticed" wait_long 'index changed on disk: R reopens it'
	seen=no
	sent=0
	# Scrolling to the end, an article, the matrix, a search of the full
	# text (its pages were written last, in the truncated half).
	for step in G Enter 3 e filter; do
		case $step in
		filter) keys 1 f; keys -l 'tregua OR grano'; keys Enter; sent=$((sent + 18)) ;;
		*) keys "$step"; sent=$((sent + 1)) ;;
		esac
		handled $sent
		if screen | tail -n 1 | grep -Eq "$errors"; then seen=yes; fi
		screen >"$TEST_TMP/trunc.txt"
		fits_pane "$TEST_TMP/trunc.txt" 120 || seen=overflow
	done
	check "truncated to $cut: an error on the status line, nothing overflows ($seen)" test "$seen" = yes
	check "truncated to $cut: the screen is whole (40 rows, the status line last)" \
		sh -c "[ \$(wc -l <'$TEST_TMP/trunc.txt') -eq 40 ] && tail -n 1 '$TEST_TMP/trunc.txt' | grep -q '^\[Articles\]'"
	keys 1
	check "truncated to $cut: still responds to keys" responds
	keys R
	check "truncated to $cut: R refuses the broken file" wait_for 'not reopened: '
	keys Q
	check "truncated to $cut: Q quits" wait_exit
	check "truncated to $cut: with status 0" test "$(cat "$TEST_TMP/status" 2>/dev/null)" = 0
	check "truncated to $cut: the terminal settings are restored" \
		cmp -s "$TEST_TMP/stty.before" "$TEST_TMP/stty.after"
done

# --- Terminal faults. start_at COLS ROWS INDEX [SHELL-PREFIX]: attache in
# a COLSxROWS window, as tmux_start does (the same status files).
start_at() {
	rm -f "$TEST_TMP/status" "$TEST_TMP/stty.before" "$TEST_TMP/stty.after"
	tmx_new "$1" "$2" \
		"stty -a >'$TEST_TMP/stty.before'; ${4:-} TERM=screen-256color '$ATTACHE' '$3'; echo \$? >'$TEST_TMP/status.tmp'; stty -a >'$TEST_TMP/stty.after'; mv '$TEST_TMP/status.tmp' '$TEST_TMP/status'; sleep 300"
	tmx set-option -g remain-on-exit on >/dev/null 2>&1
}

# border_at FILE COL ROWS: on each of the first ROWS rows of FILE the
# border between the panes is at column COL (the text before it is COL
# columns wide, wide characters counting two).
border_at() {
	_n=0
	head -n "$3" "$1" >"$TEST_TMP/rows"
	while IFS= read -r _l; do
		case $_l in *│*) ;; *) diag "row $((_n + 1)) has no border"; return 1 ;; esac
		_w=$(printf '%s' "${_l%%│*}" | LC_ALL=C.UTF-8 wc -L)
		[ "$_w" -eq "$2" ] || { diag "row $((_n + 1)): the border at column $_w"; return 1; }
		_n=$((_n + 1))
	done <"$TEST_TMP/rows"
	[ "$_n" -eq "$3" ]
}

# storm: 25 resizes in a row, to sizes big, tiny and odd, ending at 130x45.
storm() {
	for _s in 80x24 200x60 41x11 40x10 1x1 300x100 20x5 121x33 90x30 160x40 60x20 2x10 \
		  250x80 119x39 120x40 45x12 170x50 100x100 30x8 140x44 80x24 300x100 50x15 \
		  131x46 130x45; do
		tmx resize-window -t 0 -x "${_s%x*}" -y "${_s#*x}"
	done
}

# same_screen DESC FILE: the screen becomes the one in FILE (polled, at
# most 10 s); shows the difference when it does not.
same_screen() {
	_n=0
	while [ $_n -lt 100 ] && ! screen | cmp -s - "$2"; do sleep 0.1; _n=$((_n + 1)); done
	screen >"$TEST_TMP/now.txt"
	if cmp -s "$TEST_TMP/now.txt" "$2"; then ok "$1"; else
		not_ok "$1"
		diff "$2" "$TEST_TMP/now.txt" | head -n 10 | while IFS= read -r l; do diag "$l"; done
	fi
}

# 300x100: the three panes, the border at 2/5 of the width on every row,
# nothing wider than the window.
start_at 300 100 "$big"
check "300x100: the browser starts" wait_for '^\[Articles\] 1/905 '
check "300x100: the matrix is drawn below the list" wait_for '^Relations  '
keys Enter
check "300x100: an article beside them" wait_for '^\[Article\]'
screen >"$TEST_TMP/big.txt"
check "300x100: 100 rows" test "$(wc -l <"$TEST_TMP/big.txt")" -eq 100
check "300x100: no line wider than 300 columns" fits_pane "$TEST_TMP/big.txt" 300
check "300x100: the border at column 120 on all 99 pane rows" border_at "$TEST_TMP/big.txt" 120 99
keys Q
check "300x100: Q quits" wait_exit
check "300x100: with status 0" test "$(cat "$TEST_TMP/status")" = 0

# A storm of 25 resizes while the matrix is computed, ending at 130x45:
# the screen is the one a browser started at 130x45 draws.
start_at 130 45 "$big"
wait_for '^\[Articles\] 1/905 ' >/dev/null
keys f; keys -l 'report OR russia OR turkey'; keys Enter
wait_for '^\[Articles\] 1/905 .*filter' >/dev/null
keys 3
wait_for '^\[Relations\] RU' >/dev/null
screen >"$TEST_TMP/calm.txt"
start_at 120 40 "$big"
wait_for '^\[Articles\] 1/905 ' >/dev/null
keys f; keys -l 'report OR russia OR turkey'; keys Enter
wait_for '^\[Articles\] 1/905 .*filter' >/dev/null
keys 3
storm
check "resize storm: the browser settles at 130x45" wait_for '^\[Relations\] RU'
same_screen "resize storm: the screen is whole and the same as a fresh start at 130x45 draws" \
	"$TEST_TMP/calm.txt"
keys 1
check "resize storm: keys still work" wait_for '^\[Articles\] 1/905 '
keys Q
check "resize storm: Q quits" wait_exit
check "resize storm: with status 0" test "$(cat "$TEST_TMP/status")" = 0

# The same storm while a query is held running (ATTACHE_TEST_STALL: the
# matrix waits until cancelled), then Esc: the screen is the one of a
# browser at 130x45 whose matrix query was cancelled there.
storm_stalled() {
	start_at "$1" "$2" "$big" "ATTACHE_TEST_STALL=1"
	wait_for '^\[Articles\] 1/905 ' >/dev/null
	keys f; keys -l 'report OR russia OR turkey'; keys Enter
	wait_for '^\[Articles\] 1/905 .*filter' >/dev/null
	keys 3
	wait_for '│\(computing for the new filter' >/dev/null
}
storm_stalled 130 45
keys Escape
wait_for '^\[Relations\].*query cancelled$' >/dev/null
screen >"$TEST_TMP/calm2.txt"
storm_stalled 120 40
storm
keys Escape
check "storm during a query: Esc cancels it" wait_for '^\[Relations\].*query cancelled$'
same_screen "storm during a query: the screen is whole and the one drawn at 130x45" "$TEST_TMP/calm2.txt"
keys Q
check "storm during a query: Q quits" wait_exit
check "storm during a query: with status 0" test "$(cat "$TEST_TMP/status")" = 0

# Ctrl-Z, then fg, from a shell with job control in the pane: the shell
# gets the terminal back as it was, and fg brings the screen back.
BASH=$(command -v bash) || BASH=
if [ -n "$BASH" ]; then
	tmx_new 120 40 "PS1='READY\$ ' '$BASH' --norc --noprofile -i"
	wait_for '^READY\$' >/dev/null
	keys "stty -a >'$TEST_TMP/tstp.before'; TERM=screen-256color '$ATTACHE' '$big'" Enter
	check "C-z: the browser starts from the shell" wait_for '^\[Articles\] 1/905 '
	keys C-z
	check "C-z: the shell's prompt is back" wait_for 'Stopped.*attache'
	keys "stty -a >'$TEST_TMP/tstp.during'; fg" Enter
	check "C-z: the terminal settings are the shell's while stopped" \
		sh -c "i=0; while [ ! -s '$TEST_TMP/tstp.during' ] && [ \$i -lt 100 ]; do sleep 0.1; i=\$((i + 1)); done
		       cmp -s '$TEST_TMP/tstp.before' '$TEST_TMP/tstp.during'"
	check "fg: the screen is back" wait_for '^Articles  1/905 '
	keys j
	check "fg: keys work again" wait_for '^\[Articles\] 2/905 '
	keys Q
	_n=0
	while [ "$(tmx display -p -t 0 '#{alternate_on}')" != 0 ] && [ $_n -lt 100 ]; do sleep 0.1; _n=$((_n + 1)); done
	keys 'echo "EXIT=$?"' Enter
	check "fg: Q quits with status 0" wait_for '^EXIT=0'
	keys "stty -a >'$TEST_TMP/tstp.after'" Enter
	check "fg: the terminal settings are restored at the end" \
		sh -c "i=0; while [ ! -s '$TEST_TMP/tstp.after' ] && [ \$i -lt 100 ]; do sleep 0.1; i=\$((i + 1)); done
		       cmp -s '$TEST_TMP/tstp.before' '$TEST_TMP/tstp.after'"
else
	skip "bash not installed: Ctrl-Z and fg need a shell with job control"
fi

# Esc alone against an arrow key in pieces (a slow link). With ESCDELAY
# at 10 s, the two halves of Down sent one after the other are one key;
# Esc alone is Esc once ESCDELAY passed (it closes the help), and what
# comes after it is keys of its own, not an Alt-key or an arrow.
start_at 120 40 "$big" "ESCDELAY=10000"
wait_for '^\[Articles\] 1/905 ' >/dev/null
keys -l "$(printf '\033O')"
keys -l B
check "Down in two pieces is Down" wait_for '^\[Articles\] 2/905 '
keys '?'
wait_for '^\[Help\]' >/dev/null
keys -l "$(printf '\033')"
check "Esc alone closes the help (once ESCDELAY passed)" wait_long '^\[Articles\] 2/905 '
keys -l OB
check "what comes after it is keys of their own" wait_for 'B: no action'
check "which moved nothing" wait_for '^\[Articles\] 2/905 '
keys Q
check "Esc: Q quits" wait_exit
check "Esc: with status 0" test "$(cat "$TEST_TMP/status")" = 0
check "Esc: the terminal settings are restored" cmp -s "$TEST_TMP/stty.before" "$TEST_TMP/stty.after"

# Esc and Ctrl-C while a query runs in a real terminal. With the hidden
# ATTACHE_TEST_STALL, the queries of the panes computed when idle (the
# matrix) wait at their first progress check until they are cancelled: a
# long query on any machine.
start_at 120 40 "$big" "ATTACHE_TEST_STALL=1"
wait_for '^\[Articles\] 1/905 ' >/dev/null
keys f; keys -l 'report OR russia OR turkey'; keys Enter
wait_for '^\[Articles\] 1/905 .*filter' >/dev/null
keys 3
check "stall: the matrix is being computed" wait_for '│\(computing for the new filter; a key interrupts\)'
keys C-c
check "Ctrl-C during the query: cancelled, the browser goes on" wait_for 'query cancelled$'
check "Ctrl-C: the matrix pane says so" wait_for '│\(query cancelled: C-l computes it\)'
keys C-l
check "C-l computes it again" wait_for '│\(computing for the new filter; a key interrupts\)'
keys Escape
check "Esc during the query: cancelled" wait_for '│\(query cancelled: C-l computes it\)'
check "Esc: the status line says so" wait_for 'query cancelled$'
# In the filter prompt: the matrix computes for the live filter; Ctrl-C
# cancels it and the prompt stays; Enter keeps the filter.
keys f; keys -l ' OR armenia'
check "prompt: the matrix computes for the live filter" wait_for '│\(computing for the new filter; a key interrupts\)'
keys C-c
check "prompt: Ctrl-C cancels the matrix's query" wait_for '│\(query cancelled: C-l computes it\)'
check "prompt: and the prompt stays" wait_for '^Filter: report OR russia OR turkey OR armenia'
keys Enter
check "prompt: Enter keeps the filter, the matrix computes again" \
	wait_for '│\(computing for the new filter; a key interrupts\)'
keys Escape
check "prompt: Esc then cancels that" wait_for 'filter: report OR russia OR turkey OR armenia .*query cancelled$'
keys 1
check "still responds to keys" responds
keys C-c
check "Ctrl-C outside a query still ends the browser" wait_exit
check "with status 130" test "$(cat "$TEST_TMP/status")" = 130
check "the terminal settings are restored" cmp -s "$TEST_TMP/stty.before" "$TEST_TMP/stty.after"

done_testing
