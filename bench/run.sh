#!/bin/sh
# run.sh [N]: every benchmark at one corpus size, one process at a time
# (what `make bench` runs; `make bench BENCH_N=1000000` for the big run).
# Prints the numbers; BENCHMARKS.md says how to read them.
. "$(dirname "$0")/lib.sh"

n=${1:-10000}
b="$top_srcdir/bench"
echo "== attache benchmarks, N=$n, seed $BENCH_SEED, work dir $BENCH_WORK"
machine
t0=$(date +%s%N)
"$GENCORPUS" -n "$n" --seed "$BENCH_SEED" -o /dev/null 2>&1 | tail -1
t1=$(date +%s%N)
echo "gencorpus -n $n: $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }') s (to /dev/null)"
echo
sh "$b/index.sh" "$n"
echo
sh "$b/mkindex.sh" "$n"
echo
sh "$b/floor-query.sh" "$BENCH_WORK/truth-$n.idx"
if [ -s "$BENCH_WORK/index-$n.idx" ] && [ "$BENCH_WORK/index-$n.idx" -nt "$ATTACHE_INDEX_BIN" ]; then
	echo
	sh "$b/floor-query.sh" "$BENCH_WORK/index-$n.idx"
fi
if [ -s "$BENCH_WORK/index-$n.idx" ]; then
	echo
	sh "$b/batch.sh" "$BENCH_WORK/index-$n.idx"
fi
echo
sh "$b/browse.sh" "$BENCH_WORK/truth-$n.idx"
echo
sh "$b/termout.sh" "$BENCH_WORK/truth-$n.idx"
