#!/bin/sh
# The browser under valgrind: scripted runs (--script) and a session in a
# real terminal (tmux) through the list, a filter, an article, an entity
# card, the matrix, the evidence, the help, resizes, a reopen, an index
# truncated while open, and the exit. No memory error and no definite or
# indirect leak, in our code or anywhere (ncurses' own allocations that
# it keeps to the end are "still reachable" or "possibly lost", which do
# not count; tests/valgrind.supp holds what else must be ignored).
# Skipped without valgrind, and in sanitizer builds (ASan and valgrind do
# not mix).
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui_lib.sh"
VALGRIND=$(command -v valgrind) || skip_all "valgrind not installed"
if ldd "$ATTACHE" 2>/dev/null | grep -Eq 'lib(a|ub|t)san' ||
   nm "$ATTACHE" 2>/dev/null | grep -q '__asan_init\|__ubsan_handle'; then
	skip_all "a sanitizer build: valgrind cannot run it"
fi
tui_have_sqlite || skip_all "sqlite3 shell not installed"

# vg: valgrind with the options of every run here; each process writes
# its report to $TEST_TMP/vg.PID.log.
vg() {
	"$VALGRIND" -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
		--suppressions="$top_srcdir/tests/valgrind.supp" \
		--log-file="$TEST_TMP/vg.%p.log" "$@"
}

# clean_report DESC: every valgrind report written since the last call is
# empty (-q: valgrind writes only errors and leaks); then removes them.
clean_report() {
	_bad=
	for _l in "$TEST_TMP"/vg.*.log; do
		[ -e "$_l" ] || continue
		[ -s "$_l" ] && _bad="$_bad $_l"
	done
	if [ -z "$_bad" ]; then ok "$1"
	else not_ok "$1"; for _l in $_bad; do diag "$(head -n 40 "$_l")"; done; fi
	rm -f "$TEST_TMP"/vg.*.log
}

idx="$TEST_TMP/v.idx"
tui_fixture "$idx" 300 || skip_all "cannot write the fixture index"

# --- Scripted runs: every pane and overlay, odd sizes, a cancelled query.
vg_script() {
	cat >"$TEST_TMP/$1.keys"
	vg "$ATTACHE" --script "$TEST_TMP/$1.keys" "$2" >"$TEST_TMP/$1.out" 2>"$TEST_TMP/$1.err"
	tui_rc=$?
}
vg_script browse "$idx" <<KEYS
:resize 120x40
f
:type russia
Tab
Enter
Enter
]
]
i
q
o
o
/
:type Minsk
Enter
n
3
l
e
Enter
3
a
t
s
?
G
q
:resize 200x60
:dump $TEST_TMP/browse.txt
:resize 1x1
:resize 2x10
:resize 300x100
1
s
s
F
f
:cancel
:type report OR turkey
:wait
Esc
T
C-l
R
KEYS
check "script: exit 0 under valgrind (got $tui_rc)" test "$tui_rc" -eq 0
check "script: it did browse (the wide screen has the three panes)" grep -q 'Relations' "$TEST_TMP/browse.txt"
clean_report "script: no memory error, no leak"

# The same on an index whose second half is zeroed: every query that
# reads there fails, and each error path runs.
size=$(wc -c <"$idx")
cp "$idx" "$TEST_TMP/zero.idx"
dd if=/dev/zero of="$TEST_TMP/zero.idx" bs=4096 seek=$((size / 8192)) count=$((size / 8192 + 1)) \
	conv=notrunc 2>/dev/null
sed '/^:dump/d' "$TEST_TMP/browse.keys" | vg_script zero "$TEST_TMP/zero.idx"
check "damaged index: exit 0 under valgrind (got $tui_rc)" test "$tui_rc" -eq 0
clean_report "damaged index: no memory error, no leak"

printf 'not an index\n' >"$TEST_TMP/text.idx"
vg "$ATTACHE" --script /dev/null "$TEST_TMP/text.idx" >/dev/null 2>&1
rc=$?
check "not an index: refused with 65 under valgrind (got $rc)" test "$rc" -eq 65
clean_report "not an index: no memory error, no leak"

vg "$ATTACHE" --list russia "$idx" >"$TEST_TMP/list.tsv" 2>/dev/null
check "--list under valgrind: the articles" test "$(wc -l <"$TEST_TMP/list.tsv")" -ge 3
clean_report "--list: no memory error, no leak"

# --- A session in a real terminal.
[ -n "${TMUX_BIN:-}" ] && [ -x "$TMUX_BIN" ] || TMUX_BIN=$(command -v tmux) || {
	skip "tmux not installed: the terminal session"
	done_testing
}
trap 'tmx kill-server 2>/dev/null; reap_strays; rm -rf "$TEST_TMP" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME"' EXIT
# waitv PATTERN: wait_for with room for valgrind's slowness (60 s).
waitv() {
	_w=0
	while [ $_w -lt 6 ]; do
		wait_for "$1" >/dev/null 2>&1 && return 0
		_w=$((_w + 1))
	done
	diag "never showed: $1"; screen | sed -n '1,3p;$p' | while IFS= read -r l; do diag "  $l"; done
	return 1
}
open="$TEST_TMP/open.idx"
cp "$idx" "$open"
VGOPTS="-q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect --suppressions='$top_srcdir/tests/valgrind.supp' --log-file='$TEST_TMP/vg.%p.log'"
tmx_new 120 40 \
	"TERM=screen-256color '$VALGRIND' $VGOPTS '$ATTACHE' '$open'; echo \$? >'$TEST_TMP/status.tmp'; mv '$TEST_TMP/status.tmp' '$TEST_TMP/status'; sleep 300"
tmx set-option -g remain-on-exit on >/dev/null 2>&1
check "tmux: the browser starts under valgrind" waitv '^\[Articles\] 1/305 '
keys f; keys -l 'country:RU'; keys Enter
check "tmux: a filter" waitv '^\[Articles\] 1/4 .*filter: country:RU'
keys Enter
check "tmux: an article" waitv '^\[Article\]'
keys ']' i
check "tmux: an entity card" waitv '^\[Card\]|^\[Entity'
keys q 3
check "tmux: the matrix" waitv '^\[Relations\] RU'
keys e
check "tmux: the evidence" waitv '^\[Evidence\]'
keys q '?'
check "tmux: the help" waitv '^\[Help\]'
keys q
tmx resize-window -t 0 -x 200 -y 60
tmx resize-window -t 0 -x 60 -y 15
tmx resize-window -t 0 -x 20 -y 5
tmx resize-window -t 0 -x 120 -y 40
check "tmux: resized back" waitv '^\[Relations\]'
keys R
check "tmux: reopened" waitv 'index reopened'
truncate -s "$(($(wc -c <"$open") / 2))" "$open"
keys 1 G F 3
check "tmux: truncated while open: an error or the notice" waitv 'index changed on disk|corrupted|read error|query failed'
keys R
check "tmux: R refuses the truncated file" waitv 'not reopened'
keys Q
i=0
while [ ! -f "$TEST_TMP/status" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
check "tmux: exit 0 under valgrind (got $(cat "$TEST_TMP/status" 2>/dev/null))" \
	test "$(cat "$TEST_TMP/status" 2>/dev/null)" = 0
clean_report "tmux: no memory error, no leak"
done_testing
