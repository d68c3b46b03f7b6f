#!/bin/sh
# termout.sh INDEX: bytes written to the terminal per line scrolled, for
# attache (article list, article view) and for less(1) scrolling the same
# text, in the same tmux pane (TERM=xterm-256color), at each size of
# BENCH_SIZES (default "80x24 100x30"; 120 columns or more put a second
# pane beside the list). tmux pipe-pane counts what each program writes
# while it receives BENCH_LINES (default 20) 'j' keys after its first
# screen. In attache's list 'j' first moves the cursor down the screen
# ("cursor moving", measured over ROWS - 4 keys), and scrolls once the cursor is at the bottom
# ("scrolling": measured after ROWS 'j'). attache is driven with --trace:
# each key is sent once the previous one is on the screen; less gets one
# key every 50 ms. Over a slow SSH link these bytes are the latency.
# The list is measured with both cursors (list.cursor = bar, the default,
# and arrow), the article with the default theme and with slow-link; from
# 120 columns both also with general.layout = single.
# BENCH_RAW=DIR keeps the raw output of each run in DIR, to look at.
. "$(dirname "$0")/lib.sh"

idx=$1
[ -n "$idx" ] && [ -s "$idx" ] || BENCH_EXIT=64 die "usage: termout.sh INDEX"
: "${TMUX_BIN:=$(command -v tmux)}"
: "${BENCH_LINES:=20}"
: "${BENCH_SIZES:=80x24 100x30}"
echo "== terminal output per line scrolled (TERM=xterm-256color, $BENCH_LINES lines)"
[ -x "$TMUX_BIN" ] || { echo "termout: no tmux; skipped"; exit 0; }
command -v less >/dev/null || { echo "termout: no less; skipped"; exit 0; }
[ -x "$ATTACHE" ] || { echo "termout: attache not built; skipped"; exit 0; }

sock="attache-bench-$$"
tm() { "$TMUX_BIN" -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$BENCH_TMP"' EXIT
art="$BENCH_TMP/article.txt"
list="$BENCH_TMP/list.txt"
trace="$BENCH_TMP/trace.txt"
# The article attache opens first (the top of its list), and the list as
# attache's batch mode prints it: the same text for less.
# The longest article of the first 100 rows (so that there is room to
# scroll), and its row: attache gets there with 'j' and opens it.
"$ATTACHE" --list "$idx" 2>/dev/null | head -n 100 | cut -f 1 >"$BENCH_TMP/ids"
[ -s "$BENCH_TMP/ids" ] || die "$idx: no article"
id=$("$SQLITE3" -readonly "$idx" "SELECT id FROM article WHERE id IN ($(paste -sd, "$BENCH_TMP/ids"))
	ORDER BY length(body) DESC, id DESC LIMIT 1")
row=$(grep -n "^$id\$" "$BENCH_TMP/ids" | cut -d: -f1)
"$SQLITE3" -readonly "$idx" "SELECT title || char(10) || char(10) || body FROM article WHERE id = $id" >"$art"
"$ATTACHE" --list "$idx" 2>/dev/null | head -n 300 | cut -f 2- | tr '\t' ' ' >"$list"

# wait_trace N: waits (30 s at most) until attache's trace has N input lines.
wait_trace() {
	_w=0
	while [ "$(grep -vc '^done ' "$trace" 2>/dev/null || :)" -lt "$1" ] && [ "$_w" -lt 3000 ]; do
		sleep 0.01
		_w=$((_w + 1))
	done
}
# scroll NAME COLS ROWS CMD TRACED [PRE-KEY...]: starts CMD in a fresh pane,
# sends the PRE-KEYs (KEY*N: N presses), counts the bytes written while
# $lines 'j' are sent, prints bytes per line. TRACED=1: CMD writes
# the trace ($trace), which paces the keys.
scroll() {
	_name=$1 _c=$2 _r=$3 _cmd=$4 _traced=$5
	shift 5
	_out="$BENCH_TMP/bytes"
	_s=$((_s + 1))
	: >"$trace"
	_n=1
	tm new-session -d -s "t$_s" -x "$_c" -y "$_r" \
		"TERM=xterm-256color LC_ALL=C.UTF-8 $_cmd; echo '<<exited>>'; sleep 3600"
	# send KEY: one key, paced by the trace or by the clock.
	send() {
		tm send-keys -t "t$_s" "$1"
		if [ "$_traced" = 1 ]; then _n=$((_n + 1)); wait_trace "$_n"; else sleep 0.05; fi
	}
	if [ "$_traced" = 1 ]; then wait_trace 1; else sleep 1; fi
	for _k in "$@"; do
		_j=0 _times=1
		case $_k in *'*'*) _times=${_k#*\*}; _k=${_k%%\**} ;; esac
		while [ "$_j" -lt "$_times" ]; do send "$_k"; _j=$((_j + 1)); done
	done
	[ "$_traced" = 1 ] || sleep 0.5
	if tm capture-pane -p -t "t$_s" | grep -q '<<exited>>'; then
		echo "termout: $_name: the program exited" >&2
		tm kill-session -t "t$_s"
		return
	fi
	: >"$_out"
	tm pipe-pane -o -t "t$_s" "cat >>'$_out'"
	_i=0
	while [ "$_i" -lt "$lines" ]; do
		send j
		_i=$((_i + 1))
	done
	sleep 1 # tmux hands the last bytes to the pipe
	tm pipe-pane -t "t$_s"
	tm kill-session -t "t$_s"
	_b=$(wc -c <"$_out" | tr -d ' ')
	printf '%-8s %-32s %8s %14s\n' "${_c}x$_r" "$_name" "$_b" \
		"$(awk -v b="$_b" -v n="$lines" 'BEGIN { printf "%.1f", b / n }')"
	[ -n "$BENCH_RAW" ] && mkdir -p "$BENCH_RAW" &&
		cp "$_out" "$BENCH_RAW/$(echo "${_c}x$_r-$_name" | tr -c 'A-Za-z0-9.-' '_').raw"
	rm -f "$_out"
}

_s=0
tm new-session -d -s keep "sleep 3600" # keeps the server up between runs
echo "article $id (row $row, the longest of the first 100); list: the first 300 rows of attache --list"
printf '%-8s %-32s %8s %14s\n' "size" "" "bytes" "bytes per line"
a="'$ATTACHE' --trace '$trace' '$idx'"
# The list again with list.cursor = arrow (attache.conf(5)).
printf '[list]\ncursor = arrow\n' >"$BENCH_TMP/arrow.conf"
aa="'$ATTACHE' --config '$BENCH_TMP/arrow.conf' --trace '$trace' '$idx'"
# The article again with the slow-link theme (entity kinds by colour alone).
as="'$ATTACHE' --theme slow-link --trace '$trace' '$idx'"
# From 120 columns, also general.layout = single (one pane at a time).
printf '[general]\nlayout = single\n' >"$BENCH_TMP/single.conf"
a1="'$ATTACHE' --config '$BENCH_TMP/single.conf' --trace '$trace' '$idx'"
lines=$BENCH_LINES
for size in $BENCH_SIZES; do
	c=${size%x*} r=${size#*x}
	scroll "less: article" "$c" "$r" "less '$art'" 0
	scroll "attache: article view" "$c" "$r" "$a" 1 "j*$((row - 1))" Enter
	scroll "attache: article, slow-link" "$c" "$r" "$as" 1 "j*$((row - 1))" Enter
	scroll "less -S: list" "$c" "$r" "less -S '$list'" 0
	lines=$((r - 4)) # the cursor stays on the screen
	scroll "attache: list, cursor moving" "$c" "$r" "$a" 1
	scroll "attache: arrow, cursor moving" "$c" "$r" "$aa" 1
	lines=$BENCH_LINES
	scroll "attache: list, scrolling" "$c" "$r" "$a" 1 "j*$r"
	scroll "attache: arrow, scrolling" "$c" "$r" "$aa" 1 "j*$r"
	if [ "$c" -ge 120 ]; then
		scroll "attache: article, layout single" "$c" "$r" "$a1" 1 "j*$((row - 1))" Enter
		scroll "attache: list scrolling, single" "$c" "$r" "$a1" 1 "j*$r"
	fi
done
