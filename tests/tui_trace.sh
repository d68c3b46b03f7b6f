#!/bin/sh
# attache --trace FILE: one line per handled input (its key name and the
# milliseconds until the screen was updated), the start-up first; "done"
# lines for deferred work. The numbers are never compared with anything
# but zero: they depend on the machine.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui_lib.sh"
tui_have_sqlite || skip_all "sqlite3 shell not installed"
idx="$TEST_TMP/fx.idx"
tui_fixture "$idx" || skip_all "cannot write the test index"
T=$TEST_TMP/trace.txt

# The inputs, as the script gives them and as the trace must name them.
cat >"$TEST_TMP/keys" <<'KEYS'
:resize 160x40
j
j
Down
PgDn
Enter
j
Tab
:resize 100x30
3
Left
/
:type Minsk
Enter
f
:type russia
Enter
F
1
q
KEYS
want="start script:resize j j Down PgDn Enter j Tab script:resize 3 Left / M i n s k Enter f r u s s i a Enter F 1 q"
printf '%s\n' "an old trace, much longer than the new one will be ..." >"$T"
expect_exit 0 "a scripted run with --trace" "$ATTACHE" --trace "$T" --script "$TEST_TMP/keys" "$idx"
got=$(grep -v '^done ' "$T" | cut -d' ' -f1 | tr '\n' ' ' | sed 's/ $//')
if [ "$got" = "$want" ]; then ok "one line per input, named as in attache(1), in order"
else not_ok "the trace names the inputs"; diag "want: $want" "got:  $got"; fi
check "each line is a name and milliseconds with 3 decimals" \
	sh -c "! grep -Ev '^[^ ]+ [0-9]+\\.[0-9]{3}\$' '$T'"
check "the start-up line comes first" sh -c "head -n 1 '$T' | grep -q '^start '"
check "a 'done' line only follows an input's line" sh -c "! sed -n 1p '$T' | grep -q '^done'"
check "the old content is gone (truncated)" sh -c "! grep -q 'an old trace' '$T'"
check "the trace is not writable by others" sh -c "ls -l '$T' | grep -q '^-rw-[r-][-]-[r-]--'"
check "the standard output stays empty" test ! -s "$TEST_TMP/out"

n_start=$(grep -c '^start ' "$T")
check "one start line" test "$n_start" -eq 1
# At 160x40 the article and the matrix are computed after the first
# screen: the start-up's "done" line says when the screen was complete,
# and it cannot be earlier than the first screen.
check "the panes drawn after the first screen give the start-up a 'done' line" \
	sh -c "sed -n 2p '$T' | grep -q '^done '"
check "... no earlier than the first screen" \
	awk 'NR == 1 { s = $2 } NR == 2 { exit !($2 >= s) }' "$T"

# Errors come before the terminal is touched, in one line.
expect_exit 73 "a trace in a missing directory" \
	"$ATTACHE" --trace "$TEST_TMP/no/such/dir/t.txt" --script "$TEST_TMP/keys" "$idx"
check "... says which file, in one line" sh -c "grep -q 'no/such/dir/t.txt' '$TEST_TMP/err' && [ \$(wc -l <'$TEST_TMP/err') -eq 1 ]"
check "... and writes nothing to the terminal" test ! -s "$TEST_TMP/out"
mkdir -p "$TEST_TMP/ro" && chmod 555 "$TEST_TMP/ro"
if [ "$(id -u)" -ne 0 ]; then
	expect_exit 73 "a trace in a read-only directory" \
		"$ATTACHE" --trace "$TEST_TMP/ro/t.txt" --script "$TEST_TMP/keys" "$idx"
else
	skip "a read-only directory (running as root)"
fi
cp "$idx" "$TEST_TMP/keep.idx"
expect_exit 64 "a trace that would overwrite the index" \
	"$ATTACHE" --trace "$TEST_TMP/keep.idx" --script "$TEST_TMP/keys" "$TEST_TMP/keep.idx"
check "... leaves the index whole" cmp -s "$idx" "$TEST_TMP/keep.idx"
expect_exit 64 "--trace with a batch mode" "$ATTACHE" --trace "$T" --list "$idx"
expect_exit 64 "--trace without a file" "$ATTACHE" --trace
check "attache --help lists --trace" sh -c "'$ATTACHE' --help | grep -q -- '--trace FILE'"

# A real terminal (tmux): the keys typed are the keys traced, and a resize
# of the terminal is a "resize" line.
if [ -n "$TMUX_BIN" ] && [ -x "$TMUX_BIN" ] || TMUX_BIN=$(command -v tmux); then
	tmux_setup
	: >"$T"
	tmux_start "$idx" --trace "'$T'"
	# wait_trace N: waits (bounded) until the trace has N lines not "done".
	wait_trace() {
		_n=0
		while [ "$(grep -vc '^done ' "$T")" -lt "$1" ] && [ $_n -lt 300 ]; do
			sleep 0.1; _n=$((_n + 1))
		done
		[ "$(grep -vc '^done ' "$T")" -ge "$1" ]
	}
	check "the start-up is traced" wait_trace 1
	keys j; wait_trace 2
	keys Down; wait_trace 3
	tmx resize-window -t 0 -x 100 -y 30 2>/dev/null || tmx resize-pane -t 0 -x 100 -y 30
	wait_trace 4
	keys Enter; wait_trace 5
	keys q; wait_trace 6
	keys q
	check "attache exits" wait_exit
	got=$(grep -v '^done ' "$T" | cut -d' ' -f1 | tr '\n' ' ' | sed 's/ $//')
	if [ "$got" = "start j Down resize Enter q q" ]; then ok "keys and a resize in a terminal"
	else not_ok "keys and a resize in a terminal"; diag "got: $got"; fi
else
	skip "tmux not installed"
fi
done_testing
