#!/bin/sh
# index.sh N: times attache-index on the N-article benchmark corpus beside
# the indexing floor (bench/floor-index.sh) in the same run, and prints the
# throughput ratio (floor time / indexer time: the indexer's articles/s over
# the floor's), by the clock and by CPU time; the target is >= 0.60.
# The index is kept as $BENCH_WORK/index-N.idx for floor-query.sh.
. "$(dirname "$0")/lib.sh"

n=${1:-10000}
start=$(stamp)
FLOOR_QUIET=1
. "$top_srcdir/bench/floor-index.sh"
idx="$BENCH_WORK/index-$n.idx"

echo "== indexer vs floor, $n articles, $(mb "$bytes") MB of JSON Lines (seed $BENCH_SEED)"
echo "   at the start: $start"
# Ratio: floor seconds / these seconds, by the clock and by CPU time.
row() { printf '%-36s %8s %8s %8s %10s %8s %6s %6s\n' "$@"; }
row "" "wall s" "cpu s" "MB/s" "articles/s" "peak MB" "ratio" "cpu r."
row "floor: table + FTS5 rebuild (C)" "$FLOOR_WALL" "$FLOOR_CPU" "$FLOOR_MBS" "$FLOOR_AS" \
	"$FLOOR_RSS" "1.00" "1.00"
row "floor: row-wise FTS5 inserts (C)" "$ROW_WALL" "$ROW_CPU" "$ROW_MBS" "$ROW_AS" "$ROW_RSS" \
	"$(ratio "$FLOOR_WALL" "$ROW_WALL")" "$(ratio "$FLOOR_CPU" "$ROW_CPU")"
row "floor: sqlite3 shell" "$SHELL_WALL" "$SHELL_CPU" "$SHELL_MBS" "$SHELL_AS" "$SHELL_RSS" \
	"$(ratio "$FLOOR_WALL" "$SHELL_WALL")" "$(ratio "$FLOOR_CPU" "$SHELL_CPU")"

if [ ! -x "$ATTACHE_INDEX_BIN" ]; then
	echo "attache-index: not built ($ATTACHE_INDEX_BIN); no indexer figure"
	exit 0
fi
# No rm first: attache-index replaces an existing index atomically, so a
# reader of the old one (another benchmark) never sees a half-built file.
measure "$ATTACHE_INDEX_BIN" -q --data-dir "$top_srcdir/data" -o "$idx" "$src"
if [ "$RC" -ne 0 ] || [ ! -s "$idx" ]; then
	echo "attache-index: exit $RC, no index: $(head -c 300 "$BENCH_TMP/last.err" | tr '\n' ' ')"
	exit 0
fi
r=$(ratio "$FLOOR_WALL" "$WALL")
row "attache-index -q ($(nproc) CPUs)" "$WALL" "$CPU" "$(rate1 "$(mb "$bytes")" "$WALL")" \
	"$(rate "$n" "$WALL")" "$RSS_MB" "$r" "$(ratio "$FLOOR_CPU" "$CPU")"
echo "index: $idx, $(mb "$(wc -c <"$idx")") MB; floor FTS5 file $(mb "$FLOOR_DB") MB;" \
	"target ratio >= 0.60: $(awk -v r="$r" 'BEGIN { print (r >= 0.6) ? "met" : "NOT met" }')"
echo "at the end: $(stamp)"
[ -x "$ATTACHE" ] && "$ATTACHE" --check "$idx" 2>&1 | sed 's/^/check: /'

# BENCH_TXT=1: the same articles as a tree of .txt files (one per article,
# 1000 per directory), the input scrapers leave; compared with the same floor.
if [ -n "$BENCH_TXT" ]; then
	txt="$BENCH_WORK/txt-$n-s$BENCH_SEED"
	if [ ! -d "$txt" ] || [ "$GENCORPUS" -nt "$txt" ]; then
		rm -rf "$txt"
		"$GENCORPUS" -q -n "$n" --seed "$BENCH_SEED" -o /dev/null --txt "$txt.tmp" &&
			mv "$txt.tmp" "$txt" || die "gencorpus --txt failed"
	fi
	tbytes=$(find "$txt" -name '*.txt' -exec cat {} + | wc -c)
	rm -f "$idx.txt"
	measure "$ATTACHE_INDEX_BIN" -q --data-dir "$top_srcdir/data" -o "$idx.txt" "$txt"
	if [ "$RC" -ne 0 ]; then
		echo "attache-index on .txt: exit $RC: $(head -c 300 "$BENCH_TMP/last.err" | tr '\n' ' ')"
	else
		row "attache-index -q, .txt tree" "$WALL" "$CPU" "$(rate1 "$(mb "$tbytes")" "$WALL")" \
			"$(rate "$n" "$WALL")" "$RSS_MB" "$(ratio "$FLOOR_WALL" "$WALL")" \
			"$(ratio "$FLOOR_CPU" "$CPU")"
		echo ".txt tree: $(mb "$tbytes") MB in $n files; index $(mb "$(wc -c <"$idx.txt")") MB"
	fi
	rm -f "$idx.txt"
fi
exit 0
