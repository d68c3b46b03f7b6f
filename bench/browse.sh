#!/bin/sh
# browse.sh INDEX: the browser benchmark. Runs attache --trace FILE INDEX in
# a detached tmux (120x40), sends bench/keys.txt one key at a time (each
# after the previous one was handled, or after 2 s), then reads the trace:
# one line per handled input, the input and the time until the screen was
# updated (last field; a number in ms, or with a unit: us, ms, s).
# Prints per input: count, median, 95th percentile and worst, in ms.
#
# WAITING FOR --trace: attache has no --trace option yet (branch tui). Until
# it has, the script falls back to timing from outside: after each key it
# polls tmux capture-pane until the screen differs from before (3 s at
# most). That is an upper bound (it includes tmux and the polling, a few ms
# a round) and a key that changes nothing counts as "no change". The
# --trace driver and parser are ready; adjust the parsing below if the
# format differs.
. "$(dirname "$0")/lib.sh"

idx=$1
[ -n "$idx" ] && [ -s "$idx" ] || BENCH_EXIT=64 die "usage: browse.sh INDEX"
: "${TMUX_BIN:=$(command -v tmux)}"
keys="$top_srcdir/bench/keys.txt"
echo "== browser latency ($idx)"
if [ ! -x "$TMUX_BIN" ]; then echo "browse: no tmux; skipped"; exit 0; fi
[ -x "$ATTACHE" ] || { echo "browse: attache not built; skipped"; exit 0; }
mode=trace
if ! "$ATTACHE" --help 2>&1 | grep -q -- '--trace'; then
	mode=poll
	echo "browse: WAITING for attache --trace; timing by polling the tmux screen instead (upper bound)"
fi

sock="attache-bench-$$"
trace="$BENCH_WORK/browse-trace.txt" # kept for a closer look
tm() { "$TMUX_BIN" -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null' EXIT
word=$("$SQLITE3" "file:$idx?mode=ro" "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'article_fts', 'row');
	SELECT term FROM temp.v WHERE length(term) >= 5 AND term GLOB '[a-z]*'
	ORDER BY abs(doc - (SELECT count(*) FROM article) / 4), term LIMIT 1")
country=$("$SQLITE3" -readonly "$idx" "SELECT al.key FROM entity e JOIN alias al ON al.entity_id = e.id
	WHERE e.kind = 'country' ORDER BY e.articles DESC, length(al.key) LIMIT 1")

: >"$trace"
if [ "$mode" = trace ]; then
	tm new-session -d -s bench -x 120 -y 40 \
		"TERM=xterm-256color LC_ALL=C.UTF-8 '$ATTACHE' --trace '$trace' '$idx'; sleep 3600"
else
	tm new-session -d -s bench -x 120 -y 40 \
		"TERM=xterm-256color LC_ALL=C.UTF-8 '$ATTACHE' '$idx'; sleep 3600"
fi
# lines FILE: the number of lines in FILE.
lines() { wc -l <"$1" | tr -d ' '; }
# wait_lines WANT: waits (up to 2 s) until the trace has WANT lines.
wait_lines() {
	_i=0
	while [ "$(lines "$trace")" -lt "$1" ] && [ "$_i" -lt 200 ]; do
		sleep 0.01
		_i=$((_i + 1))
	done
}
# screen: a checksum of what the pane shows.
screen() { tm capture-pane -p -t bench | cksum; }
# poll_key KEY [LABEL]: sends KEY (literally when LABEL is given, and
# records it under LABEL), waits until the screen changes (3 s at most),
# and appends "LABEL MICROSECONDS" to the trace, or "(no change):KEY".
poll_key() {
	_before=$(screen)
	_t0=$(date +%s%N)
	if [ -n "$2" ]; then tm send-keys -t bench -l "$1"; else tm send-keys -t bench "$1"; fi
	while _t1=$(date +%s%N); [ "$(screen)" = "$_before" ] && [ $((_t1 - _t0)) -lt 3000000000 ]; do :; done
	if [ $((_t1 - _t0)) -ge 3000000000 ]; then echo "(no-change):$1 x" >>"$trace"
	else echo "${2:-$1} $(( (_t1 - _t0) / 1000 ))us" >>"$trace"; fi
	sleep 0.3 # let a live query finish before the next key
}
sleep 1.5
want=$(lines "$trace")
[ "$mode" = poll ] && sed -e '/^#/d' -e '/^$/d' -e "s/@WORD@/$word/g" -e "s/@COUNTRY@/$country/g" "$keys" |
{
	prev=
	while IFS= read -r k; do
		case $k in
		text:*) _t=${k#text:}
			while [ -n "$_t" ]; do
				_c=$(printf '%s' "$_t" | cut -c1)
				poll_key "$_c" "typed-after-$prev"
				_t=${_t#?}
			done ;;
		*) poll_key "$k"; prev=$k ;;
		esac
	done
}
[ "$mode" = trace ] && sed -e '/^#/d' -e '/^$/d' -e "s/@WORD@/$word/g" -e "s/@COUNTRY@/$country/g" "$keys" |
while IFS= read -r k; do
	case $k in
	text:*) tm send-keys -t bench -l "${k#text:}"
		want=$((want + $(printf '%s' "${k#text:}" | wc -m))) ;;
	*) tm send-keys -t bench "$k"
		want=$((want + 1)) ;;
	esac
	wait_lines "$want"
done
sleep 0.5

echo "word '$word', country '$country'; $(lines "$trace") inputs timed ($mode)"
printf '%-16s %6s %10s %10s %10s\n' "input" "count" "median ms" "p95 ms" "worst ms"
awk '
	function ms(v) {
		if (v ~ /us$/) return v / 1000
		if (v ~ /ms$/) return v + 0
		if (v ~ /s$/) return v * 1000
		return v + 0
	}
	$1 ~ /^\(no-change\)/ { nc++; next }
	NF >= 2 { k = $1; t = ms($NF); n[k]++; v[k, n[k]] = t; all[++N] = t }
	function sortv(a, m,   i, j, x) {
		for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++)
			if (a[j] < a[i]) { x = a[i]; a[i] = a[j]; a[j] = x }
	}
	function row(name, a, m) {
		sortv(a, m)
		printf "%-16s %6d %10.2f %10.2f %10.2f\n", name, m, a[int((m + 1) / 2)],
			a[int(m * 0.95 + 0.999)], a[m]
	}
	END {
		for (k in n) { delete b; for (i = 1; i <= n[k]; i++) b[i] = v[k, i]; row(k, b, n[k]) }
		if (N) row("(all)", all, N)
		if (nc) printf "%d keys changed nothing on the screen within 3 s (not counted)\n", nc
	}
' "$trace"
