#!/bin/sh
# ingest_bench.sh: measures attache-index on a generated corpus (not a
# test: it prints numbers and asserts nothing).
#   tests/ingest_bench.sh [MEGABYTES] [--jsonl] [-j N]
# Run from the build directory; top_srcdir defaults to the script's tree.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=.}"
mb=${1:-20}; shift 2>/dev/null
gen_opts=; idx_opts=
while [ $# -gt 0 ]; do
	case $1 in
	--jsonl) gen_opts=--jsonl ;;
	-j) idx_opts="-j $2"; shift ;;
	esac
	shift
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/attache-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
n=$(python3 "$top_srcdir/tests/ingest_gen.py" $gen_opts "$tmp/corpus" "$mb")
echo "corpus: $n articles, $mb MB ($gen_opts)"
/usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$top_builddir/ingest/attache-index" -q $idx_opts \
	--data-dir "$top_srcdir/data" -o "$tmp/bench.idx" "$tmp/corpus" || exit 1
read -r wall user sys rss <"$tmp/time"
awk -v mb="$mb" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
	printf "wall %.2f s (%.1f MB/s), CPU %.2f s (%.1f MB/s per CPU second), max RSS %d MB\n",
		w, mb / w, u + s, mb / (u + s), r / 1024 }'
echo "index: $(du -h "$tmp/bench.idx" | cut -f1)"
