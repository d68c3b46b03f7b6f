#!/bin/sh
# termout.sh INDEX: bytes written to the terminal per line scrolled, for
# attache (article list, article view) and for less(1) scrolling the same
# text, in the same 80x24 tmux pane (TERM=xterm-256color). tmux pipe-pane
# counts what each program writes while it receives BENCH_LINES (default
# 20) 'j' keys, one every 50 ms, after its first screen. In attache's list
# 'j' first moves the cursor down the screen ("cursor moving"), and scrolls
# once the cursor is at the bottom ("scrolling": measured after 30 'j'). Over a slow SSH
# link these bytes are the latency.
# attache's part WAITS for the interactive browser (branch tui); until it
# is on main only less is measured.
. "$(dirname "$0")/lib.sh"

idx=$1
[ -n "$idx" ] && [ -s "$idx" ] || BENCH_EXIT=64 die "usage: termout.sh INDEX"
: "${TMUX_BIN:=$(command -v tmux)}"
: "${BENCH_LINES:=20}"
echo "== terminal output per line scrolled (80x24, TERM=xterm-256color, $BENCH_LINES lines)"
[ -x "$TMUX_BIN" ] || { echo "termout: no tmux; skipped"; exit 0; }
command -v less >/dev/null || { echo "termout: no less; skipped"; exit 0; }

sock="attache-bench-$$"
tm() { "$TMUX_BIN" -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null' EXIT
art="$BENCH_TMP/termout-article.txt"
list="$BENCH_TMP/termout-list.txt"
# The longest of the 100 newest articles, and a list like the browser's.
id=$("$SQLITE3" -readonly "$idx" "SELECT id FROM (SELECT id, body FROM article ORDER BY id DESC
	LIMIT 100) ORDER BY length(body) DESC LIMIT 1")
"$SQLITE3" -readonly "$idx" "SELECT title || char(10) || char(10) || body FROM article WHERE id = $id" >"$art"
"$SQLITE3" -readonly -separator '  ' "$idx" "SELECT date, source, title FROM article
	ORDER BY id DESC LIMIT 200" >"$list"

# scroll NAME CMD [PRE-KEY...]: starts CMD in a fresh pane, sends the
# PRE-KEYs (then waits for the screen), counts the bytes written while
# BENCH_LINES 'j' are sent, prints bytes per line. Sets ALIVE=0 when CMD
# exited instead of drawing.
scroll() {
	_name=$1 _cmd=$2
	shift 2
	_out="$BENCH_TMP/termout.bytes"
	_s=$((_s + 1))
	tm new-session -d -s "t$_s" -x 80 -y 24 \
		"TERM=xterm-256color LC_ALL=C.UTF-8 $_cmd; echo '<<exited>>'; sleep 3600"
	sleep 1
	for _k in "$@"; do
		case $_k in
		*'*'*)	# KEY*N: N presses, 50 ms apart
			_j=0
			while [ "$_j" -lt "${_k#*\*}" ]; do
				tm send-keys -t "t$_s" "${_k%\*}"; sleep 0.05; _j=$((_j + 1))
			done ;;
		*) tm send-keys -t "t$_s" "$_k" ;;
		esac
		sleep 0.5
	done
	sleep 0.5
	ALIVE=1
	if tm capture-pane -p -t "t$_s" | grep -q '<<exited>>'; then
		ALIVE=0
		tm kill-session -t "t$_s"
		return
	fi
	: >"$_out"
	tm pipe-pane -o -t "t$_s" "cat >>'$_out'"
	_i=0
	while [ "$_i" -lt "$BENCH_LINES" ]; do
		tm send-keys -t "t$_s" j
		sleep 0.05
		_i=$((_i + 1))
	done
	sleep 1
	tm pipe-pane -t "t$_s"
	tm kill-session -t "t$_s"
	_b=$(wc -c <"$_out" | tr -d ' ')
	printf '%-34s %8s %14s\n' "$_name" "$_b" "$(awk -v b="$_b" -v n="$BENCH_LINES" 'BEGIN { printf "%.1f", b / n }')"
	rm -f "$_out"
}

_s=0
tm new-session -d -s keep "sleep 3600" # keeps the server up between runs
printf '%-34s %8s %14s\n' "" "bytes" "bytes per line"
scroll "less: article $id" "less '$art'"
scroll "less: list of 200 titles" "less -S '$list'"
if [ -x "$ATTACHE" ]; then
	scroll "attache: list, cursor moving" "'$ATTACHE' '$idx'"
	if [ "$ALIVE" = 1 ]; then
		scroll "attache: list, scrolling" "'$ATTACHE' '$idx'" 'j*30'
		scroll "attache: article view" "'$ATTACHE' '$idx'" Enter
	fi
fi
if [ ! -x "$ATTACHE" ] || [ "$ALIVE" = 0 ]; then
	echo "attache: WAITING: the interactive browser is not on main yet; only less measured"
fi
