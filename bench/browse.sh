#!/bin/sh
# browse.sh INDEX: the browser benchmark. Runs attache --trace FILE INDEX in
# a detached tmux (120x40), sends bench/keys.txt one key at a time (each
# after the previous one was handled, or after 2 s), then reads the trace:
# one line per handled input, the input and the time until the screen was
# updated (last field; a number in ms, or with a unit: us, ms, s).
# Prints per input: count, median, 95th percentile and worst, in ms.
#
# WAITING FOR --trace: attache has no --trace option yet (branch tui); until
# it has, this script says so and exits 0. The driver and the parser are
# ready; adjust the trace parsing below if the format differs.
. "$(dirname "$0")/lib.sh"

idx=$1
[ -n "$idx" ] && [ -s "$idx" ] || BENCH_EXIT=64 die "usage: browse.sh INDEX"
: "${TMUX_BIN:=$(command -v tmux)}"
keys="$top_srcdir/bench/keys.txt"
echo "== browser latency ($idx)"
if [ ! -x "$TMUX_BIN" ]; then echo "browse: no tmux; skipped"; exit 0; fi
if [ ! -x "$ATTACHE" ] || ! "$ATTACHE" --help 2>&1 | grep -q -- '--trace'; then
	echo "browse: WAITING: attache has no --trace option yet; nothing measured"
	exit 0
fi

sock="attache-bench-$$"
trace="$BENCH_WORK/trace-$$.txt"
tm() { "$TMUX_BIN" -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -f "$trace"' EXIT
word=$("$SQLITE3" "file:$idx?mode=ro" "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'article_fts', 'row');
	SELECT term FROM temp.v WHERE length(term) >= 5 AND term GLOB '[a-z]*'
	ORDER BY abs(doc - (SELECT count(*) FROM article) / 4), term LIMIT 1")
country=$("$SQLITE3" -readonly "$idx" "SELECT al.key FROM entity e JOIN alias al ON al.entity_id = e.id
	WHERE e.kind = 'country' ORDER BY e.articles DESC, length(al.key) LIMIT 1")

: >"$trace"
tm new-session -d -s bench -x 120 -y 40 \
	"TERM=xterm-256color LC_ALL=C.UTF-8 '$ATTACHE' --trace '$trace' '$idx'; sleep 3600"
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
sleep 1
want=$(lines "$trace")
sed -e '/^#/d' -e '/^$/d' -e "s/@WORD@/$word/g" -e "s/@COUNTRY@/$country/g" "$keys" |
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

echo "word '$word', country '$country'; $(lines "$trace") inputs traced"
printf '%-16s %6s %10s %10s %10s\n' "input" "count" "median ms" "p95 ms" "worst ms"
awk '
	function ms(v) {
		if (v ~ /us$/) return v / 1000
		if (v ~ /ms$/) return v + 0
		if (v ~ /s$/) return v * 1000
		return v + 0
	}
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
	}
' "$trace"
