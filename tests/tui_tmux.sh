#!/bin/sh
# attache in a real terminal (tmux): the seed corpus indexed by the real
# attache-index, and what a person sees: the list, an article with its
# entities, the matrix, a filter, a pair, the evidence, resizing, help,
# and a clean exit that restores the terminal.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui_lib.sh"
tmux_setup
have_corpus || skip_all "seed corpus not found at $ATTACHE_CORPUS"
idx="$TEST_TMP/seeds.idx"
"$ATTACHE_INDEX_BIN" -q -o "$idx" "$ATTACHE_CORPUS/seeds" >/dev/null 2>&1 ||
	skip_all "attache-index cannot build the seed index yet"

# What the batch modes say, to compare the screen with.
"$ATTACHE" --list "$idx" >"$TEST_TMP/list.tsv"
n=$(wc -l <"$TEST_TMP/list.tsv")

tmux_start "$idx"
check "the browser starts" wait_for '^\[Articles\] 1/'"$n"' '
# The five titles, as far as the column shows them (first 18 characters).
cut -f5 "$TEST_TMP/list.tsv" | cut -c1-18 >"$TEST_TMP/titles"
missing=
while IFS= read -r t; do
	screen | grep -qF -- "$t" || missing="$missing [$t]"
done <"$TEST_TMP/titles"
if [ "$n" -eq 5 ] && [ -z "$missing" ]; then ok "the list shows the five seed titles"
else not_ok "the list shows the five seed titles (n=$n, missing:$missing)"; fi

# The article about Russia and Belarus, with its entities.
row=$(grep -n 'Bielorussia' "$TEST_TMP/list.tsv" | head -n 1 | cut -d: -f1)
i=1
while [ "$i" -lt "${row:-1}" ]; do keys j; i=$((i + 1)); done
keys Enter
check "Enter opens the article" wait_for '^\[Article\]'
screen -e >"$TEST_TMP/article.ansi"
keys G
check "below the text, the article lists its persons" wait_for 'Persons \([0-9]+\)'
screen -e >>"$TEST_TMP/article.ansi"
keys g
check "Lukashenko is listed among the persons" grep -q 'Lukashenko' "$TEST_TMP/article.ansi"
esc=$(printf '\033')
check "person mentions are underlined" grep -qE "${esc}\[([0-9;]*;)?4(;[0-9;]*)?m(${esc}\[[0-9;]*m)*[^${esc}]*Putin" "$TEST_TMP/article.ansi"
check "country mentions are bold" grep -qE "${esc}\[([0-9;]*;)?1(;[0-9;]*)?m(${esc}\[[0-9;]*m)*Russia" "$TEST_TMP/article.ansi"
keys ']'
check "] puts the cursor on an entity, named in the status line" wait_for '^\[Article\].*(country|person|org|place): '

# The matrix: Russia's row, and each cell named in the status line.
keys 3
check "3 shows the relations matrix" wait_for '^\[Relations\]'
head=$("$ATTACHE" --matrix "$idx" | head -n 1)
rurow=$("$ATTACHE" --matrix "$idx" | grep '^RU,')
check "the matrix has a row for Russia" wait_for 'RU  (·|\.) '
# Walk Russia's row to Belarus, Ukraine and Turkey and read the status line.
keys g
col=0
for c in $(echo "$head" | tr ',' ' '); do
	[ "$c" = country ] && continue
	for want in BY UA TR; do
		[ "$c" = "$want" ] || continue
		v=$(echo "$rurow" | cut -d, -f$((col + 2)))
		keys Home
		k=0; while [ $k -lt $col ]; do keys l; k=$((k + 1)); done
		check "the cell RU-$want reads $v sentences, as --matrix says" wait_for "RU–$want  [0-9,]+ articles? · $v sentences? "
	done
	col=$((col + 1))
done

# A pair: Enter on the cell filters the list; e shows the evidence.
keys Home l
wait_for '^\[Relations\] RU–' >/dev/null
pair=$(screen | sed -n '$p' | sed -n 's/^\[Relations\] \(RU\)–\([A-Z][A-Z]\) .*/\1-\2/p')
keys e
check "e shows the evidence for the cell" wait_for "^Evidence  RU–"
check "the evidence shows sentences under their article's date or title" wait_for '^> '
keys q
keys Enter
if [ -n "$pair" ]; then
	np=$("$ATTACHE" --list "pair:$pair" "$idx" | wc -l)
	check "Enter on the cell filters to pair:$pair ($np articles)" wait_for "^\[Articles\] 1/$np .*filter: \(?pair:$pair"
else
	not_ok "the status line names the pair under the cursor"
fi

# A filter typed at the prompt.
keys F
wait_for 'filter cleared' >/dev/null
keys f; keys -l 'country:BY'; keys Enter
nb=$("$ATTACHE" --list country:BY "$idx" | wc -l)
check "country:BY leaves $nb articles on the screen" wait_for "^\[Articles\] 1/$nb .*filter: country:BY"
check "which is two" test "$nb" -eq 2

# Resizing keeps the selection.
keys F; wait_for 'filter cleared' >/dev/null
keys j j
wait_for '^\[Articles\] 3/' >/dev/null
tmx resize-window -t 0 -x 80 -y 24
check "after a resize to 80x24 the selection is kept" wait_for '^\[Articles\] 3/'
tmx resize-window -t 0 -x 170 -y 45
check "after a resize to 170x45 the selection is kept" wait_for '^\[Articles\] 3/'
check "and the wide layout shows the matrix too" wait_for 'Relations  '
tmx resize-window -t 0 -x 30 -y 6
check "a tiny terminal shows a notice" wait_for 'terminal too small'
tmx resize-window -t 0 -x 120 -y 40
check "back at 120x40 the selection is still there" wait_for '^\[Articles\] 3/'

keys '?'
check "? shows the help" wait_for '^attache: keys'
check "the help lists the actions with their keys" wait_for 'Tab +next-pane +Focus the next pane'
keys q
check "q closes the help" wait_for '^\[Articles\]'

keys q
check "q on the list quits" wait_exit
check "with exit status 0" test "$(cat "$TEST_TMP/status" 2>/dev/null)" = 0
check "the terminal settings are restored" cmp -s "$TEST_TMP/stty.before" "$TEST_TMP/stty.after"
check "the alternate screen is left" test "$(tmx display -p -t 0 '#{alternate_on}')" = 0

# Signals: SIGTERM restores the terminal and exits 143; TERM=dumb is refused.
tmux_start "$idx"
wait_for '^\[Articles\]' >/dev/null
apid=$(attache_pid)
if [ -n "$apid" ]; then
	kill -TERM "$apid"
	check "SIGTERM: attache exits" wait_exit
	check "SIGTERM: with status 143" test "$(cat "$TEST_TMP/status" 2>/dev/null)" = 143
	check "SIGTERM: the terminal settings are restored" cmp -s "$TEST_TMP/stty.before" "$TEST_TMP/stty.after"
else
	skip "SIGTERM (cannot find the process)"
fi
# The terminal goes away (the SSH connection drops): attache exits at once.
# (In a sanitizer build, LeakSanitizer's exit-time tracer can stall for many
# seconds once the pty is gone: leak checking is off for this one run.)
TUI_ENV="ASAN_OPTIONS=detect_leaks=0" tmux_start "$idx"
wait_for '^\[Articles\]' >/dev/null
apid=$(attache_pid)
tmx kill-server 2>/dev/null
gone() {
	_n=0
	while [ $_n -lt 150 ]; do
		case $(ps -o stat= -p "$1" 2>/dev/null) in ''|Z*) return 0 ;; esac
		sleep 0.1; _n=$((_n + 1))
	done
	return 1
}
if [ -n "$apid" ]; then check "SIGHUP (the pty closes): attache exits (no spinning on a dead terminal)" gone "$apid"
else skip "SIGHUP (cannot find the process)"; fi

# LANG=C: ASCII only on the screen.
rm -f "$TEST_TMP/status"
tmx_new 120 40 "LANG=C LC_ALL=C TERM=screen-256color '$ATTACHE' '$idx'; echo \$? >'$TEST_TMP/status'; sleep 300"
check "LANG=C: the browser starts" wait_for '^\[Articles\]'
keys 3
wait_for '^\[Relations\]' >/dev/null
screen >"$TEST_TMP/ascii.txt"
check "LANG=C: the screen holds ASCII only" sh -c "! LC_ALL=C grep -q '[^ -~]' '$TEST_TMP/ascii.txt'"
keys Q
check "LANG=C: quits with status 0" sh -c "wait_exit() { n=0; while [ \$n -lt 100 ] && [ ! -f '$TEST_TMP/status' ]; do sleep 0.1; n=\$((n+1)); done; }; wait_exit; test \"\$(cat '$TEST_TMP/status')\" = 0"

rm -f "$TEST_TMP/status"
tmx_new 120 40 "TERM=dumb '$ATTACHE' '$idx' 2>'$TEST_TMP/dumb.err'; echo \$? >'$TEST_TMP/status'; sleep 300"
check "TERM=dumb: attache refuses" wait_exit
check "TERM=dumb: exit status 78" test "$(cat "$TEST_TMP/status")" = 78
check "TERM=dumb: one line saying so" sh -c "grep -q 'TERM' '$TEST_TMP/dumb.err' && [ \$(wc -l <'$TEST_TMP/dumb.err') -eq 1 ]"
done_testing
