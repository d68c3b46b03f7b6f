#!/bin/sh
# attache-index under faults: SIGKILL at random moments, SIGINT, SIGTERM,
# a second builder, a read-only directory, a full disk. Each time the
# previous index must stay whole and nothing half-written may be left.
. "${top_srcdir:-.}/tests/lib.sh"

[ -n "$SQLITE3" ] && [ -x "$SQLITE3" ] || skip_all "sqlite3 shell not installed"
command -v python3 >/dev/null 2>&1 || skip_all "python3 not installed (it generates the corpus)"

DATA="$top_srcdir/data"
IDX="$TEST_TMP/t.idx"
build() { "$ATTACHE_INDEX_BIN" -q --data-dir "$DATA" "$@"; }
dumpsum() { "$SQLITE3" "$1" .dump | cksum; }
leftovers() { ls -a "$(dirname "$1")" | grep -F "$(basename "$1")." | grep -v '\.lock$'; }
# wait_for FILE: until FILE exists (at most 20 s).
wait_for() {
	_i=0
	while [ ! -e "$1" ] && [ $_i -lt 200 ]; do sleep 0.1; _i=$((_i + 1)); done
	[ -e "$1" ]
}

mkdir "$TEST_TMP/small"
printf 'Mosca e Pechino\n\nLa Russia e la Cina firmano un accordo di cooperazione.\n' >"$TEST_TMP/small/a.txt"
python3 "$top_srcdir/tests/ingest_gen.py" --seed 7 "$TEST_TMP/big" 4 >/dev/null

expect_exit 0 "build a first index" build -o "$IDX" "$TEST_TMP/small"
OLD=$(dumpsum "$IDX")
t0=$(date +%s%N)
expect_exit 0 "build the big corpus elsewhere" build -o "$TEST_TMP/big.idx" "$TEST_TMP/big"
# The kills below land at random moments within the time a build takes.
span=$(( ($(date +%s%N) - t0) / 1000000 ))
[ "$span" -gt 50 ] || span=50
NEW=$(dumpsum "$TEST_TMP/big.idx")

# ---------------------------------------------------------------- SIGKILL
bad=0
killed=0
midway=0
for i in $(seq 1 20); do
	# The binary itself, not a shell function: $! must be its pid.
	"$ATTACHE_INDEX_BIN" -q --data-dir "$DATA" -o "$IDX" "$TEST_TMP/big" 2>/dev/null &
	pid=$!
	# A random moment within the time a whole build takes.
	sleep "$(awk -v s="$i$$" -v ms="$span" 'BEGIN { srand(s); printf "%.3f", rand() * ms / 1000 }')"
	kill -KILL $pid 2>/dev/null && killed=$((killed + 1))
	wait $pid 2>/dev/null
	status=$?
	if ! "$ATTACHE" --check "$IDX" >/dev/null 2>&1; then
		bad=$((bad + 1)); diag "kill $i: the index does not open"
		continue
	fi
	sum=$(dumpsum "$IDX")
	# Killed before the rename: the old index; finished (or killed after
	# the rename): the new one. Never anything else.
	if [ "$sum" = "$NEW" ]; then
		OLD=$NEW
	elif [ "$sum" = "$OLD" ]; then
		[ "$status" -eq 137 ] && midway=$((midway + 1))
	else
		bad=$((bad + 1)); diag "kill $i (exit $status): the index is neither the old nor the new one"
	fi
done
# How many kills land before the rename depends on the machine's speed;
# the case that must be covered whatever the speed is tested just below.
diag "$killed of 20 builds killed, $midway of them before the new index was in place"
check "20 builds killed at random moments: the index always opens and is the old or the new one" test $bad -eq 0

# ---------------------------------------------------------------- blocked builder
# A builder reading standard input from a FIFO we hold open stays busy
# in the middle of its build, whatever the machine's speed.
mkfifo "$TEST_TMP/pipe"
start_blocked() {
	"$ATTACHE_INDEX_BIN" -q --data-dir "$DATA" -o "$IDX" - <"$TEST_TMP/pipe" 2>"$TEST_TMP/blocked.err" &
	pid=$!
	exec 3>"$TEST_TMP/pipe"
	printf '{"title": "Uno", "text": "La Russia e la Cina."}\n' >&3
	# Its temporary file exists only once it holds the lock (the lock file
	# itself appears a moment before flock, so it proves nothing).
	wait_for "$IDX.tmp-$pid"
}

OLD=$(dumpsum "$IDX")
for i in 1 2 3; do
	start_blocked
	kill -KILL $pid
	wait $pid 2>/dev/null
	exec 3>&-
	check "SIGKILL mid-build ($i): the index opens" "$ATTACHE" --check "$IDX"
	check "SIGKILL mid-build ($i): the previous index is unchanged" test "$(dumpsum "$IDX")" = "$OLD"
done
check "the killed builds left their temporary file" test -n "$(leftovers "$IDX")"
expect_exit 0 "the next build succeeds" build -o "$IDX" "$TEST_TMP/small"
check "and removes what the killed builds left" test -z "$(leftovers "$IDX")"
check "no lock file left" test ! -e "$IDX.lock"
OLD=$(dumpsum "$IDX")

start_blocked
expect_exit 75 "a second builder of the same index is refused" build -o "$IDX" "$TEST_TMP/small"
check "it says another build holds the index" grep -q "another attache-index" "$TEST_TMP/err"
check "in one line" one_line "$TEST_TMP/err"
kill -INT $pid
wait $pid
status=$?
exec 3>&-
check "SIGINT: exit 130 (got $status)" test $status -eq 130
check "SIGINT: no temporary file left" test -z "$(leftovers "$IDX")"
check "SIGINT: the previous index is unchanged" test "$(dumpsum "$IDX")" = "$OLD"
check "SIGINT: it says the index is unchanged" grep -q "unchanged" "$TEST_TMP/blocked.err"

start_blocked
kill -TERM $pid
wait $pid
status=$?
exec 3>&-
check "SIGTERM: exit 143 (got $status)" test $status -eq 143
check "SIGTERM: no temporary file left" test -z "$(leftovers "$IDX")"
check "SIGTERM: the previous index is unchanged" test "$(dumpsum "$IDX")" = "$OLD"

# ---------------------------------------------------------------- disk full
( ulimit -f 2000; build -o "$IDX" "$TEST_TMP/big" ) >"$TEST_TMP/out" 2>"$TEST_TMP/err"
status=$?
check "ulimit -f: exit 74 (got $status)" test $status -eq 74
check "ulimit -f: one clear line" sh -c "grep -q 'write error\|disk full' '$TEST_TMP/err' && [ \$(wc -l <'$TEST_TMP/err') -eq 1 ]"
check "ulimit -f: the previous index is unchanged" test "$(dumpsum "$IDX")" = "$OLD"
check "ulimit -f: no temporary file left" test -z "$(leftovers "$IDX")"

# Root can mount a small tmpfs in a private mount namespace.
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1 &&
   unshare -m sh -c "mount -t tmpfs -o size=1m tmpfs '$TEST_TMP/small'" 2>/dev/null; then
	mkdir "$TEST_TMP/full"
	unshare -m sh -c "
		mount -t tmpfs -o size=3m tmpfs '$TEST_TMP/full' || exit 99
		'$ATTACHE_INDEX_BIN' -q --data-dir '$DATA' -o '$TEST_TMP/full/t.idx' '$TEST_TMP/small' || exit 98
		'$SQLITE3' '$TEST_TMP/full/t.idx' .dump | cksum >'$TEST_TMP/full.before'
		'$ATTACHE_INDEX_BIN' -q --data-dir '$DATA' -o '$TEST_TMP/full/t.idx' '$TEST_TMP/big' 2>'$TEST_TMP/full.err'
		echo \$? >'$TEST_TMP/full.status'
		'$SQLITE3' '$TEST_TMP/full/t.idx' .dump | cksum >'$TEST_TMP/full.after'
		ls -a '$TEST_TMP/full' >'$TEST_TMP/full.ls'
	"
	check "full tmpfs: exit 74" test "$(cat "$TEST_TMP/full.status")" = 74
	check "full tmpfs: says the disk is full" grep -q "disk full" "$TEST_TMP/full.err"
	check "full tmpfs: the previous index is unchanged" cmp -s "$TEST_TMP/full.before" "$TEST_TMP/full.after"
	check "full tmpfs: no temporary file left" test -z "$(grep 'tmp-' "$TEST_TMP/full.ls")"
else
	skip "full tmpfs: needs root and unshare"; skip "full tmpfs"; skip "full tmpfs"; skip "full tmpfs"
fi

# ---------------------------------------------------------------- read-only directory
mkdir "$TEST_TMP/ro"
if [ "$(id -u)" != 0 ]; then
	chmod 555 "$TEST_TMP/ro"
	expect_exit 73 "a read-only directory is refused" build -o "$TEST_TMP/ro/x.idx" "$TEST_TMP/small"
	check "the message names the index" grep -q "x.idx" "$TEST_TMP/err"
	chmod 755 "$TEST_TMP/ro"
elif command -v unshare >/dev/null 2>&1 &&
     unshare -m sh -c "mount -t tmpfs tmpfs '$TEST_TMP/ro' && mount -o remount,ro '$TEST_TMP/ro'" 2>/dev/null; then
	unshare -m sh -c "
		mount -t tmpfs tmpfs '$TEST_TMP/ro' && mount -o remount,ro '$TEST_TMP/ro' || exit 99
		'$ATTACHE_INDEX_BIN' -q --data-dir '$DATA' -o '$TEST_TMP/ro/x.idx' '$TEST_TMP/big' 2>'$TEST_TMP/ro.err'
		echo \$? >'$TEST_TMP/ro.status'
	"
	check "a read-only directory is refused: exit 73" test "$(cat "$TEST_TMP/ro.status")" = 73
	check "the message names the index" grep -q "x.idx" "$TEST_TMP/ro.err"
	check "in one line, before any work" one_line "$TEST_TMP/ro.err"
else
	skip "read-only directory: running as root without unshare (chmod does not stop root)"
fi
done_testing
