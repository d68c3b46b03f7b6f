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
# BENCH_TRUTH=0 skips the truth index (mkindex.sh: about 45 minutes at 1M).
idx="$BENCH_WORK/index-$n.idx" truth="$BENCH_WORK/truth-$n.idx"
if [ "${BENCH_TRUTH:-1}" != 0 ]; then
	sh "$b/mkindex.sh" "$n"
	echo
	sh "$b/floor-query.sh" "$truth"
fi
if [ -s "$idx" ] && [ "$idx" -nt "$ATTACHE_INDEX_BIN" ]; then
	echo
	sh "$b/floor-query.sh" "$idx"
fi
# The browser benchmarks run on the real index, or on the truth index when
# attache-index failed.
[ -s "$idx" ] || idx=$truth
if [ -s "$idx" ]; then
	echo
	sh "$b/batch.sh" "$idx"
	echo
	sh "$b/rss.sh" "$idx"
	echo
	sh "$b/browse.sh" "$idx"
	echo
	sh "$b/termout.sh" "$idx"
fi
