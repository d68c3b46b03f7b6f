#!/bin/sh
# Replays every fuzz harness without libFuzzer over its seed corpus and
# the crash inputs kept in fuzz/corpus/NAME/ (each crash ever found stays
# there as a regression test), under the normal compiler and, in the
# sanitizer build, under ASan and UBSan.
. "${top_srcdir:-.}/tests/lib.sh"
# The ingest harness loads the gazetteers and lexicons of the source tree.
ATTACHE_DATADIR=$top_srcdir/data
export ATTACHE_DATADIR

n=0
for bin in "$top_builddir"/fuzz/*_replay; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin" _replay)
	inputs=
	[ -d "$top_srcdir/fuzz/corpus/$name" ] && inputs="$top_srcdir/fuzz/corpus/$name"
	if [ "$name" = index ]; then
		mkdir -p "$TEST_TMP/seeds"
		if "$top_builddir/fuzz/index_seed" "$TEST_TMP/seeds"; then
			ok "index_seed writes the seed indexes"
		else
			not_ok "index_seed writes the seed indexes"
		fi
		# The seeds must be indexes, or the fuzzer starts from nothing.
		for f in valid hostile; do
			expect_exit 0 "attache --check accepts the $f seed" "$ATTACHE" --check "$TEST_TMP/seeds/$f.idx"
		done
		inputs="$inputs $TEST_TMP/seeds"
	fi
	if [ -z "$inputs" ]; then
		not_ok "$name: no seed corpus in fuzz/corpus/$name"
		continue
	fi
	# shellcheck disable=SC2086
	"$bin" $inputs >"$TEST_TMP/$name.out" 2>"$TEST_TMP/$name.err"
	rc=$?
	count=$(grep -c '^replayed ' "$TEST_TMP/$name.out")
	if [ "$rc" -eq 0 ] && [ "$count" -gt 0 ]; then
		ok "$name harness replays $count inputs"
	else
		not_ok "$name harness replay (exit $rc after $count inputs)"
		diag "$(tail -n 20 "$TEST_TMP/$name.err")"
	fi
	n=$((n + 1))
done
[ "$n" -gt 0 ] || not_ok "no fuzz replay program was built"
done_testing
