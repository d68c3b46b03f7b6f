#!/bin/sh
# browse.sh INDEX: the browser benchmark, measured inside attache with
# --trace FILE (attache(1), TIMING) while tmux types at it, one key at a
# time: each key is sent once attache has finished with the one before
# (its trace line is written when it goes idle), so every figure is a key
# handled alone, never one queued behind another.
#
# For each step it prints the number of keys, the median and 99th
# percentile (nearest rank) of "first" (key read to the first screen
# update) and "complete" (to the last update: a "done" line when work came
# after the first screen, such as a live filter's results or a pane
# computed for a new filter), and the worst, in ms. Then the peak resident
# memory of the session (GNU time).
#
# Steps (the words, country and pair are chosen from the index, as
# bench/floor-query.sh chooses them, so that their floors are comparable):
#   start-up        main() to the first screen, at 160x48 (list, article and
#                   matrix all shown), BENCH_REPEAT fresh starts
#   list j, list PgDn, open article (Enter), article j, article PgDn
#   filter: rare / common / country / pair / date / combined: each typed
#                   character of the live filter, to its updated screen
#   matrix, whole corpus: '3' after the filter was cleared (the matrix is
#                   computed when shown)
#   matrix, 10% filter: '3' under a word matching about 10% of the articles
# The session runs at BENCH_COLS x BENCH_ROWS (default 120x40: the list and
# one more pane). BENCH_FILTERS picks the filters (default: all six, "rare
# common country pair date combined"); a key waits 60 s at most. Nothing here passes or fails on a time.
. "$(dirname "$0")/lib.sh"

idx=$1
[ -n "$idx" ] && [ -s "$idx" ] || BENCH_EXIT=64 die "usage: browse.sh INDEX"
: "${TMUX_BIN:=$(command -v tmux)}"
: "${BENCH_REPEAT:=5}"
: "${BENCH_COLS:=120}"
: "${BENCH_ROWS:=40}"
: "${BENCH_FILTERS:=rare common country pair date combined}"
echo "== browser latency ($idx), from attache --trace"
if [ ! -x "$TMUX_BIN" ]; then echo "browse: no tmux; skipped"; exit 0; fi
[ -x "$ATTACHE" ] || { echo "browse: attache not built; skipped"; exit 0; }
"$ATTACHE" --help 2>&1 | grep -q -- '--trace' || die "$ATTACHE has no --trace"

sock="attache-bench-$$-0"
trace="$BENCH_TMP/trace.txt"
labels="$BENCH_TMP/labels.txt"
tm() { "$TMUX_BIN" -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$BENCH_TMP"' EXIT

q() { "$SQLITE3" -readonly "$idx" "$1"; }
pick_words "$idx"
pair=$(q "SELECT a || '-' || b FROM pair ORDER BY articles DESC LIMIT 1")
case $ckey in *' '*) ckey="\"$ckey\"" ;; esac

# nlines: the lines of the trace that are inputs (not "done").
nlines() { _c=$(grep -vc '^done ' "$trace" 2>/dev/null); echo "${_c:-0}"; }
# wait_for_trace N: waits until the trace has N input lines (60 s at most:
# a whole-corpus matrix at 1M on a loaded machine).
wait_for_trace() {
	_i=0
	while [ "$(nlines)" -lt "$1" ] && [ "$_i" -lt 6000 ]; do
		sleep 0.01
		_i=$((_i + 1))
	done
	[ "$(nlines)" -ge "$1" ] || echo "browse: no trace line for input $1 within 60 s" >&2
}
want=0
# key LABEL KEY...: sends each tmux KEY in turn, waiting for its line; the
# line is counted under LABEL ("-": not reported).
key() {
	_l=$1
	shift
	for _k in "$@"; do
		tm send-keys -t bench "$_k"
		want=$((want + 1))
		echo "$_l" >>"$labels"
		wait_for_trace "$want"
	done
}
# typed LABEL TEXT: types TEXT one character at a time.
typed() {
	_l=$1 _t=$2
	while [ -n "$_t" ]; do
		_r=${_t#?}
		_c=${_t%"$_r"}
		tm send-keys -t bench -l "$_c"
		want=$((want + 1))
		printf '%s\t%s\n' "$_l" "${2%"$_r"}" >>"$labels"
		wait_for_trace "$want"
		_t=$_r
	done
}
# filter LABEL TEXT: opens the filter prompt, types TEXT, Enter keeps it.
filter() {
	key - f
	typed "$1" "$2"
	key "${3:--}" Enter
}
# start LABEL COLS ROWS [PREFIX]: attache in a fresh tmux server, a fresh
# trace; the start-up line is counted under LABEL.
start() {
	tm kill-server 2>/dev/null
	sock="attache-bench-$$-$((${sock##*-} + 1))" # a fresh server: no race with the old one
	: >"$trace"
	want=1
	echo "$1" >"$labels"
	shift
	tm new-session -d -s bench -x "$1" -y "$2" \
		"TERM=xterm-256color LC_ALL=C.UTF-8 $3 '$ATTACHE' --trace '$trace' '$idx'; echo '<<exited>>'; sleep 3600" ||
		die "tmux cannot start a session"
	wait_for_trace 1
	[ "$(nlines)" -ge 1 ] || die "attache wrote no start-up line to its trace"
}
# exited: attache has exited (the shell around it says so), 5 s at most.
exited() {
	_i=0
	while ! tm capture-pane -p -t bench | grep -q '<<exited>>'; do
		[ "$_i" -lt 500 ] || return 1
		sleep 0.01
		_i=$((_i + 1))
	done
}
# quit: 'q' until attache has exited (its trace is then closed).
quit() {
	_q=0
	while [ "$_q" -lt 5 ]; do
		key - q
		exited && return 0
		_q=$((_q + 1))
	done
	echo "browse: attache did not quit" >&2
}
# collect: appends "LABEL FIRST COMPLETE" rows for this run's trace.
collect() {
	awk -F '\t' 'NR == FNR { label[NR] = $1; typed[NR] = $2; next }
		{ split($0, f, " ") }
		f[1] == "done" { if (i) done[i] = f[2]; next }
		{ i++; first[i] = f[2] }
		END { for (k = 1; k <= i; k++) if (label[k] != "-" && label[k] != "")
			printf "%s\t%s\t%s\t%s\n", label[k], first[k], (k in done) ? done[k] : first[k], typed[k] }' \
		"$labels" "$trace" >>"$BENCH_TMP/rows.txt"
}
: >"$BENCH_TMP/rows.txt"

# The start-up, with all three panes on the screen.
r=0
while [ "$r" -lt "$BENCH_REPEAT" ]; do
	start "start-up" 160 48
	quit
	collect
	r=$((r + 1))
done

# The session, under GNU time for the peak resident memory.
rss="$BENCH_TMP/rss.txt"
timer=
[ -x "$GNU_TIME" ] && timer="$GNU_TIME -f %M -o '$rss'"
start - "$BENCH_COLS" "$BENCH_ROWS" "$timer"
key "list j" j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j
key "list PgDn" NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage
key "list k" k k k k k k k k k k
i=0
while [ "$i" -lt 10 ]; do
	key "open article" Enter
	key "article j" j j j j j j j j j j
	key "article PgDn" NPage NPage
	key - 1 j
	i=$((i + 1))
done
i=0
while [ "$i" -lt "$BENCH_REPEAT" ]; do
	key - 2 1 F # the article beside the list, then no filter
	key "matrix whole" 3
	i=$((i + 1))
done
key - 2 1 # the article beside the list while filtering
for spec in "rare:$rare" "common:$common" "country:country:$ckey" "pair:pair:$pair" \
	"date:date:2020-03..2021-06" "combined:$common country:$ckey date:2020"; do
	case " $BENCH_FILTERS " in *" ${spec%%:*} "*) ;; *) continue ;; esac
	filter "filter ${spec%%:*}" "${spec#*:}" "filter Enter"
	key - F
done
i=0
while [ "$i" -lt "$BENCH_REPEAT" ]; do
	filter - "$tenpct"
	key "matrix 10%" 3
	key - 2 1 F
	i=$((i + 1))
done
quit
collect
tm kill-server 2>/dev/null
_i=0
while [ -x "$GNU_TIME" ] && [ ! -s "$rss" ] && [ "$_i" -lt 500 ]; do sleep 0.01; _i=$((_i + 1)); done

echo "$n articles; words: rare '$rare', common '$common', 10% '$tenpct'; country '$ckey'; pair '$pair'"
echo "session ${BENCH_COLS}x$BENCH_ROWS; start-up at 160x48, $BENCH_REPEAT runs; times in ms (first: to the first screen update, complete: to the last)"
printf '%-18s %5s %11s %11s %11s %11s %11s\n' "step" "keys" "first med" "first p99" "compl. med" "compl. p99" "worst"
awk -F '\t' '
	function sortv(a, m,   i, j, x) {
		for (i = 2; i <= m; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
	}
	function med(a, m) { return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2 }
	function p99(a, m,   k) { k = int(m * 0.99); if (k < m * 0.99) k++; return a[k < 1 ? 1 : k] }
	{
		if (!($1 in cnt)) labs[++nl] = $1
		cnt[$1]++; fv[$1, cnt[$1]] = $2; cv[$1, cnt[$1]] = $3
	}
	END {
		for (l = 1; l <= nl; l++) {
			lab = labs[l]; m = cnt[lab]
			delete a; delete b
			for (i = 1; i <= m; i++) { a[i] = fv[lab, i]; b[i] = cv[lab, i] }
			sortv(a, m); sortv(b, m)
			printf "%-18s %5d %11.2f %11.2f %11.2f %11.2f %11.2f\n", lab, m, med(a, m), p99(a, m), med(b, m), p99(b, m), b[m]
		}
	}
' "$BENCH_TMP/rows.txt"
echo "slowest keys (complete ms, step, the filter typed so far):"
sort -t "$(printf '\t')" -k3,3 -g -r "$BENCH_TMP/rows.txt" | head -n 8 |
	awk -F '\t' '{ printf "  %10.2f  %-16s %s\n", $3, $1, $4 }'
if [ -s "$rss" ]; then
	echo "peak resident memory of the session: $(awk '{ printf "%.1f MB", $1 / 1024 }' "$rss")"
fi
[ -n "$BENCH_KEEP_TRACE" ] && cp "$BENCH_TMP/rows.txt" "$BENCH_KEEP_TRACE"
exit 0
