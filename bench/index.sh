#!/bin/sh
# index.sh N: times attache-index on the N-article benchmark corpus beside
# the indexing floor (bench/floor-index.sh) in the same run, and prints the
# throughput ratio; the target is >= 0.60 of the floor's articles/s.
# The index is kept as $BENCH_WORK/index-N.idx for floor-query.sh.
. "$(dirname "$0")/lib.sh"

n=${1:-10000}
FLOOR_QUIET=1
. "$top_srcdir/bench/floor-index.sh"
idx="$BENCH_WORK/index-$n.idx"

echo "== indexer vs floor, $n articles, $(mb "$bytes") MB of JSON Lines (seed $BENCH_SEED)"
printf '%-36s %9s %9s %11s %9s %7s\n' "" "seconds" "MB/s" "articles/s" "peak MB" "ratio"
printf '%-36s %9s %9s %11s %9s %7s\n' "floor: table + FTS5 rebuild (C)" "$FLOOR_WALL" \
	"$FLOOR_MBS" "$FLOOR_AS" "$FLOOR_RSS" "1.00"
printf '%-36s %9s %9s %11s %9s %7s\n' "floor: row-wise FTS5 inserts (C)" "$ROW_WALL" \
	"$ROW_MBS" "$ROW_AS" "$ROW_RSS" "$(ratio "$ROW_AS" "$FLOOR_AS")"
printf '%-36s %9s %9s %11s %9s %7s\n' "floor: sqlite3 shell" "$SHELL_WALL" \
	"$SHELL_MBS" "$SHELL_AS" "$SHELL_RSS" "$(ratio "$SHELL_AS" "$FLOOR_AS")"

if [ ! -x "$ATTACHE_INDEX_BIN" ]; then
	echo "attache-index: not built ($ATTACHE_INDEX_BIN); no indexer figure"
	exit 0
fi
rm -f "$idx"
measure "$ATTACHE_INDEX_BIN" -q --data-dir "$top_srcdir/data" -o "$idx" "$src"
if [ "$RC" -ne 0 ] || [ ! -s "$idx" ]; then
	echo "attache-index: exit $RC, no index: $(head -c 300 "$BENCH_WORK/last.err" | tr '\n' ' ')"
	exit 0
fi
as=$(rate "$n" "$WALL")
printf '%-36s %9s %9s %11s %9s %7s\n' "attache-index -q ($(nproc) CPUs)" "$WALL" \
	"$(rate1 "$(mb "$bytes")" "$WALL")" "$as" "$RSS_MB" "$(ratio "$as" "$FLOOR_AS")"
echo "index: $idx, $(mb "$(wc -c <"$idx")") MB; floor FTS5 file $(mb "$FLOOR_DB") MB;" \
	"target ratio >= 0.60: $(awk -v r="$(ratio "$as" "$FLOOR_AS")" 'BEGIN { print (r >= 0.6) ? "met" : "NOT met" }')"
[ -x "$ATTACHE" ] && "$ATTACHE" --check "$idx" 2>&1 | sed 's/^/check: /'
exit 0
