# lib.sh: helpers for the benchmark scripts (sourced, POSIX sh).
# Benchmarks print numbers; they never pass or fail on a timing.
# Environment: top_srcdir, top_builddir (default: the tree this file is in),
# SQLITE3, BENCH_WORK (where corpora and indexes go, default
# $TMPDIR/attache-bench; a 1M corpus takes about 3 GB), BENCH_SEED (1).
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${SQLITE3:=$(command -v sqlite3)}"
: "${BENCH_WORK:=${TMPDIR:-/tmp}/attache-bench}"
: "${BENCH_SEED:=1}"
GENCORPUS="$top_builddir/bench/gencorpus"
FLOORLOAD="$top_builddir/bench/floorload"
ATTACHE="$top_builddir/tui/attache"
ATTACHE_INDEX_BIN="$top_builddir/ingest/attache-index"
GNU_TIME=/usr/bin/time
export LC_ALL=C.UTF-8
mkdir -p "$BENCH_WORK" || exit 73
# BENCH_TMP: this process's scratch files (SQL scripts, outputs, timings),
# so that benchmarks run at once on one BENCH_WORK (several people on one
# machine) do not overwrite each other's; those of dead processes go.
BENCH_TMP="$BENCH_WORK/tmp/$$"
for _d in "$BENCH_WORK"/tmp/*; do
	[ -d "$_d" ] && ! kill -0 "${_d##*/}" 2>/dev/null && rm -rf "$_d"
done
mkdir -p "$BENCH_TMP" || exit 73

die() { echo "bench: $*" >&2; exit "${BENCH_EXIT:-70}"; }

# need_built PROG: the program exists (make bench builds them).
need_built() { [ -x "$1" ] || die "$1 is not built: run make bench (or make $1)"; }

# corpus N: prints the path of the seeded JSON Lines corpus of N articles,
# generating it (with its truth files) unless it is already there and was
# written by a generator that still writes the same bytes: the sum of a
# 20-article corpus, kept beside it in .sum, must match (an mtime check
# would regenerate gigabytes whenever the generator is merely relinked).
# A cached corpus without its .sum is trusted and given one. Generation
# writes to a name unique to this process and renames when complete, so a
# reader never sees half a corpus.
corpus() {
	_c="$BENCH_WORK/corpus-$1-s$BENCH_SEED.jsonl"
	need_built "$GENCORPUS"
	_sum=$("$GENCORPUS" -q -n 20 --seed "$BENCH_SEED" | cksum) || die "gencorpus failed"
	[ -s "$_c" ] && [ ! -s "$_c.sum" ] && echo "$_sum" >"$_c.sum"
	if [ ! -s "$_c" ] || [ "$(cat "$_c.sum")" != "$_sum" ]; then
		"$GENCORPUS" -q -n "$1" --seed "$BENCH_SEED" -o "$_c.$$.tmp" \
			--truth "$BENCH_WORK/truth-$1-s$BENCH_SEED" || die "gencorpus failed"
		echo "$_sum" >"$_c.sum"
		mv "$_c.$$.tmp" "$_c"
	fi
	echo "$_c"
}

# measure CMD...: runs CMD (stdout and stderr to $BENCH_TMP/last.*) and sets
# WALL (seconds, 3 decimals, from the clock around it), CPU (user + system
# seconds, from GNU time: less sensitive than WALL to other load on a
# shared machine), RSS_MB (peak resident set of the process tree's largest
# member, from GNU time) and RC.
measure() {
	_t0=$(date +%s%N)
	if [ -x "$GNU_TIME" ]; then
		"$GNU_TIME" -f '%M %U %S' -o "$BENCH_TMP/last.time" "$@" \
			>"$BENCH_TMP/last.out" 2>"$BENCH_TMP/last.err"
		RC=$?
	else
		"$@" >"$BENCH_TMP/last.out" 2>"$BENCH_TMP/last.err"
		RC=$?
		echo 0 0 0 >"$BENCH_TMP/last.time"
	fi
	_t1=$(date +%s%N)
	WALL=$(awk -v a="$_t0" -v b="$_t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
	RSS_MB=$(awk 'END { printf "%.1f", $1 / 1024 }' "$BENCH_TMP/last.time")
	CPU=$(awk 'END { printf "%.2f", $2 + $3 }' "$BENCH_TMP/last.time")
}

# rate AMOUNT SECONDS: AMOUNT per second, rounded.
rate() { awk -v a="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", a / s; else print "inf" }'; }
# rate1 AMOUNT SECONDS: the same with 1 decimal.
rate1() { awk -v a="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.1f", a / s; else print "inf" }'; }
# ratio X FLOOR: X / FLOOR with 2 decimals.
ratio() { awk -v x="$1" -v f="$2" 'BEGIN { if (f > 0) printf "%.2f", x / f; else print "-" }'; }
# mb BYTES: megabytes (10^6) with 1 decimal.
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }

# stamp: the load average and the time, for the header of each benchmark
# (on a shared machine the load says how far to trust a wall time).
stamp() { echo "load $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min), $(date -u '+%Y-%m-%d %H:%M:%S UTC')"; }

# machine: one block describing where the numbers come from.
machine() {
	echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)," \
		"$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM," \
		"SQLite $("$SQLITE3" --version | cut -d' ' -f1) (shell), $(uname -sr)"
	echo "$(stamp)"
}

# term_near INDEX N FRACTION: the word of INDEX's full-text vocabulary whose
# article count is nearest to FRACTION of its N articles.
term_near() {
	"$SQLITE3" "file:$1?mode=ro" "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'article_fts', 'row');
		SELECT term FROM temp.v WHERE length(term) >= 5 AND term GLOB '[a-z]*'
		ORDER BY abs(doc - max(2, $2 * $3)), term LIMIT 1"
}

# pick_words INDEX: sets $n to INDEX's article count; $rare, $common and
# $tenpct to words in about 0.05%, 50% and 10% of the articles (the same
# share whatever N is); $ckey to a folded name of the most mentioned country.
pick_words() {
	n=$("$SQLITE3" -readonly "$1" "SELECT count(*) FROM article")
	rare=$(term_near "$1" "$n" 0.0005)
	common=$(term_near "$1" "$n" 0.5)
	tenpct=$(term_near "$1" "$n" 0.1)
	ckey=$("$SQLITE3" -readonly "$1" "SELECT al.key FROM entity e JOIN alias al ON al.entity_id = e.id
		WHERE e.kind = 'country' ORDER BY e.articles DESC, length(al.key) LIMIT 1")
}
