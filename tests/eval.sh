#!/bin/sh
# eval.sh: builds an index of the seed corpus with the real attache-index
# and scores it against the gold annotations (tests/eval-index.c): F1 per
# kind of entity at or above its minimum, no referent split into several
# entities, every gold country pair with a tone of the gold sign.
. "${top_srcdir:-.}/tests/lib.sh"

have_corpus || skip_all "no seed corpus in $ATTACHE_CORPUS"
gold="$ATTACHE_CORPUS/gold"
[ -f "$gold/seeds-entities.tsv" ] || skip_all "no gold annotations in $gold"
EVAL="$top_builddir/tests/eval-index"
idx="$TEST_TMP/seeds.idx"

"$ATTACHE_INDEX_BIN" -q --data-dir "$top_srcdir/data" -o "$idx" "$ATTACHE_CORPUS/seeds" >"$TEST_TMP/index.out" 2>&1
rc=$?
if [ ! -s "$idx" ]; then
	# attache-index cannot build an index yet (or failed): that is for
	# its own tests to report.
	diag "$(head -c 1000 "$TEST_TMP/index.out")"
	skip_all "attache-index did not build an index (exit $rc)"
fi
ok "attache-index builds an index of the seeds"

"$EVAL" -v -m country=0.97 -m person=0.90 -m org=0.80 -m place=0.80 \
	"$idx" "$gold/seeds-entities.tsv" "$gold/seeds-tone.tsv" >"$TEST_TMP/eval.out" 2>&1
rc=$?
diag "$(cat "$TEST_TMP/eval.out")"
for kind in country person org place; do
	line=$(grep "^$kind " "$TEST_TMP/eval.out")
	case $line in
	"") not_ok "$kind: no score" ;;
	*BELOW*) not_ok "$kind F1 below its minimum: $line" ;;
	*) ok "$kind: $line" ;;
	esac
done
if grep -q '^splits: 0$' "$TEST_TMP/eval.out"; then
	ok "every referent of several articles is one entity"
else
	not_ok "referents split into several entities"
fi
if grep -q '^tone wrong\|^tone missing' "$TEST_TMP/eval.out"; then
	not_ok "country pairs with a tone of the wrong sign or none"
else
	ok "every gold country pair has a tone of the gold sign"
fi
if [ $rc -eq 0 ]; then ok "eval-index passes"; else not_ok "eval-index exit $rc"; fi
done_testing
