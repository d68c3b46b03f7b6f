#!/bin/sh
# Index files from strangers, beyond what tests/cli.sh covers: a symlink to
# each kind of bad file, an unreadable file, and indexes whose values are
# hostile (huge TEXT, NUL bytes, wrong types, NULLs, offsets past the end or
# inside a UTF-8 sequence, negative lengths). `attache --check` and every
# batch mode must answer with a clean exit and print no control byte.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/hostile_lib.sh"
[ -n "$SQLITE3" ] || skip_all "sqlite3 shell not installed"

# bad CODE WHAT FILE [as_nobody]: --check refuses FILE with CODE and one
# clean line naming it (run as nobody when asked).
bad() {
	expect_exit "$1" "--check on $2" ${4:-} "$ATTACHE" --check "$3"
	if one_line "$TEST_TMP/err" && grep -qF -- "$3" "$TEST_TMP/err" && [ ! -s "$TEST_TMP/out" ]; then
		ok "one line naming the file, nothing on stdout, for $2"
	else
		not_ok "one line naming the file, nothing on stdout, for $2"; diag "$(cat "$TEST_TMP/err")"
	fi
}

# A valid index to start from, and damaged copies of it.
good="$TEST_TMP/good.idx"
new_index "$good"
"$SQLITE3" "$good" "INSERT INTO article(id, title, date, body) VALUES (1, 'Mosca e Minsk', '2022-12-20',
	'Russia e Bielorussia firmano un accordo di cooperazione militare.');
	INSERT INTO entity VALUES (1, 'country', 'Russia', 'RU', 1, 1);
	INSERT INTO mention VALUES (1, 1, 'body', 0, 6);
	INSERT INTO article_fts(article_fts) VALUES ('rebuild');"
expect_exit 0 "--check accepts the starting index" "$ATTACHE" --check "$good"

d=$TEST_TMP/targets
mkdir "$d" "$d/dir.idx"
: >"$d/empty.idx"
printf 'Russia and Belarus signed an agreement.\n' >"$d/text.idx"
mkfifo "$d/fifo.idx"
"$SQLITE3" "$d/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'
cp "$good" "$d/newer.idx" && "$SQLITE3" "$d/newer.idx" 'PRAGMA user_version = 2;'
cp "$good" "$d/trigger.idx" &&
	"$SQLITE3" "$d/trigger.idx" 'CREATE TRIGGER t AFTER INSERT ON article BEGIN DELETE FROM entity; END;'
size=$(wc -c <"$good")
head -c $((size / 2)) "$good" >"$d/truncated.idx"
# Flipped bytes in every page after the first: the header still says SQLite.
cp "$good" "$d/flipped.idx"
pages=$((size / 4096))
p=1
while [ "$p" -lt "$pages" ]; do
	printf '\377\377\377\377\377\377\377\377' |
		dd of="$d/flipped.idx" bs=1 seek=$((p * 4096 + 100)) conv=notrunc 2>/dev/null
	p=$((p + 1))
done

# Symlinks to each: the same verdict as the target, naming the link.
for t in missing:66 dir:65 empty:65 text:65 fifo:65 other:65 newer:65 trigger:65 truncated:65 \
	 zero:65; do
	name=${t%%:*}; code=${t#*:}
	case $name in
	missing) target=$d/missing.idx ;;
	zero) target=/dev/zero ;;
	other) target=$d/other.db ;;
	*) target=$d/$name.idx ;;
	esac
	ln -s "$target" "$TEST_TMP/link-$name.idx"
	bad "$code" "a symlink to $name" "$TEST_TMP/link-$name.idx"
done
# Flipped bytes may or may not be caught by the check; either way, no crash.
"$ATTACHE" --check "$TEST_TMP/targets/flipped.idx" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
rc=$?
if [ "$rc" -eq 0 ] || [ "$rc" -eq 65 ]; then ok "--check on flipped bytes: exit $rc"
else not_ok "--check on flipped bytes: exit $rc"; diag "$(cat "$TEST_TMP/err")"; fi
ln -s "$TEST_TMP/flipped-link.idx" "$TEST_TMP/loop1.idx"
ln -s "$TEST_TMP/loop1.idx" "$TEST_TMP/flipped-link.idx"
bad 66 "a symlink loop" "$TEST_TMP/loop1.idx"

# Unreadable: root reads everything, so as root the case is run as nobody.
cp "$good" "$TEST_TMP/unreadable.idx"
chmod 000 "$TEST_TMP/unreadable.idx"
ln -s "$TEST_TMP/unreadable.idx" "$TEST_TMP/link-unreadable.idx"
if [ "$(id -u)" != 0 ]; then
	bad 66 "an unreadable index" "$TEST_TMP/unreadable.idx"
	bad 66 "a symlink to an unreadable index" "$TEST_TMP/link-unreadable.idx"
elif as_nobody true; then
	chmod 755 "$TEST_TMP"
	bad 66 "an unreadable index (as nobody)" "$TEST_TMP/unreadable.idx" as_nobody
	bad 66 "a symlink to an unreadable index (as nobody)" "$TEST_TMP/link-unreadable.idx" as_nobody
else
	skip "an unreadable index: running as root, which can read any file"
	skip "a symlink to an unreadable index: running as root"
fi

# ------------------------------------------------------------ hostile values
# every_mode WHAT INDEX: --check, each batch mode and the browser on
# INDEX: no crash, exit 0 (a strange value is shown, cut or skipped, never
# a reason to fail the whole answer), and only terminal-safe output.
every_mode() {
	_what=$1; _idx=$2
	for _mode in check list show matrix entities; do
		case $_mode in
		check) set -- --check ;;
		show) set -- --show 1 ;;
		*) set -- "--$_mode" ;;
		esac
		"$ATTACHE" "$@" "$_idx" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
		_rc=$?
		if [ "$_rc" -eq 0 ]; then
			ok "$* on $_what: exit $_rc"
		else
			not_ok "$* on $_what: exit $_rc"; diag "$(head -c 1000 "$TEST_TMP/err")"
		fi
		check_safe "$* on $_what: stdout is terminal-safe" "$TEST_TMP/out"
		check_safe "$* on $_what: stderr is terminal-safe" "$TEST_TMP/err"
	done
	# The browser: the list, the first article to its end, the matrix
	# with the evidence of its first cell, an entity card.
	rm -f "$TEST_TMP"/screen-*
	printf '%s\n' ':resize 100x30' ":dump $TEST_TMP/screen-list" Enter G ":dump $TEST_TMP/screen-article" \
		3 ":dump $TEST_TMP/screen-matrix" e ":dump $TEST_TMP/screen-evidence" 2 ']' i \
		":dump $TEST_TMP/screen-card" >"$TEST_TMP/keys"
	"$ATTACHE" --script "$TEST_TMP/keys" "$_idx" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
	_rc=$?
	if [ "$_rc" -eq 0 ] && [ "$(ls "$TEST_TMP"/screen-* | wc -l)" -eq 5 ]; then
		ok "the browser on $_what: five screens, exit 0"
	else
		not_ok "the browser on $_what: exit $_rc"; diag "$(head -c 1000 "$TEST_TMP/err")"
	fi
	cat "$TEST_TMP"/screen-* >"$TEST_TMP/screens" 2>/dev/null
	check_safe "the browser on $_what: the screens are terminal-safe" "$TEST_TMP/screens"
	check "the browser on $_what: no line wider than the screen" test "$(LC_ALL=C.UTF-8 wc -L <"$TEST_TMP/screens")" -le 100
}

# hostile NAME SQL [SCHEMA-SED]: an index holding SQL's rows.
hostile() {
	_idx="$TEST_TMP/$1.idx"
	new_index "$_idx" "${3:-}"
	if "$SQLITE3" "$_idx" "$2" "INSERT INTO article_fts(article_fts) VALUES ('rebuild');" \
		2>"$TEST_TMP/sqlerr"; then
		every_mode "$1" "$_idx"
	else
		not_ok "building the $1 index"; diag "$(cat "$TEST_TMP/sqlerr")"
	fi
}

hostile nul-bytes "INSERT INTO article(id, title, body, source, countries) VALUES
	(1, 'A' || char(0) || char(27) || ']0;owned' || char(7), 'before' || char(0) || char(27) || '[2J after',
	 'src' || char(0) || 'x', 'RU' || char(0) || 'UA');
	INSERT INTO entity VALUES (1, 'country', 'Rus' || char(0) || char(27) || '[31m', 'RU', 1, 1);
	INSERT INTO mention VALUES (1, 1, 'body', 0, 6);"

hostile wrong-types "INSERT INTO article(id, title, date, source, lang, body, url, countries) VALUES
	(1, x'1b5d303b6f776e656407ff00', 20221220, x'9b33316d', 3.5, x'c2', x'00', x'fe'),
	(2, 42, x'00', 7, x'ff', 12345, 1.5, 99);
	INSERT INTO entity VALUES (1, 'country', x'1b5b32a4', x'00ff', 'many', x'01'),
	(2, 'person', 17, 18, 1, 1);
	INSERT INTO mention VALUES (1, 1, 'body', 'pos', 'len'), (2, 2, 'title', 0.5, 1.5);
	INSERT INTO sentence VALUES (1, 1, 'body', 0, 1, 'tone');
	INSERT INTO relation VALUES (1, 'AA', 'BB', 'x', 'y');
	INSERT INTO pair VALUES ('AA', 'BB', 'x', 'y', 'z');"

hostile nulls "INSERT INTO article(id, title, date, source, lang, body, url, original, countries) VALUES
	(1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ''), (2, 'only a title', NULL, NULL, NULL, NULL, NULL, NULL, '');
	INSERT INTO entity VALUES (1, 'country', 'Russia', NULL, 1, 1);
	INSERT INTO mention VALUES (1, 1, 'body', 0, 6), (2, 1, 'title', 0, 4);" \
	's/title TEXT NOT NULL/title TEXT/; s/body TEXT NOT NULL/body TEXT/; s/countries TEXT NOT NULL/countries TEXT/'

hostile bad-offsets "INSERT INTO article(id, title, body) VALUES
	(1, 'Città è già', 'Città di Minsk: Bielorussia è già qui. 日本と中国 😀');
	INSERT INTO entity VALUES (1, 'country', 'Russia', 'RU', 1, 6), (2, 'place', 'Minsk', 'BY', 1, 1);
	INSERT INTO mention VALUES (1, 1, 'body', 1000000, 5), (1, 1, 'body', 4, 1),
	(1, 1, 'body', 10, -3), (1, 1, 'body', -7, 3), (1, 2, 'title', 3, 9223372036854775807),
	(1, 2, 'body', 56, 2), (1, 2, 'body', 9223372036854775807, 1), (1, 1, 'title', 2, 100);
	INSERT INTO sentence VALUES (1, 1, 'body', 5, 99999, 0), (1, 2, 'body', -1, -1, 1e308),
	(1, 3, 'title', 4, 1, -1e308);"

# Huge values: a 10 MB body is a real article; a 70 MB title and a 70 MB
# body are beyond the 64 MiB limit on any one value, which SQLite refuses
# to load: that row is shown cut, with a warning naming it, and the rest
# of the index as usual.
hostile huge "INSERT INTO article(id, title, body) VALUES
	(1, 'ten megabytes', printf('%.*c', 10000000, 'x')),
	(2, printf('%.*c', 70000000, 'y'), 'a title too long to read'),
	(3, 'a body too long', 'Russia ' || printf('%.*c', 70000000, 'b') || ' END-OF-BODY'),
	(4, 'after the huge ones', 'Russia and Belarus.');
	INSERT INTO entity VALUES (1, 'country', printf('%.*c', 1000000, 'z'), 'RU', 1, 1);
	INSERT INTO mention VALUES (1, 1, 'body', 9999995, 5), (3, 1, 'body', 0, 6),
	(3, 1, 'body', 70000008, 11);"
huge=$TEST_TMP/huge.idx
# warned_cut ID: one warning line, naming the index and article ID.
warned_cut() {
	one_line "$TEST_TMP/err" && grep -q "^attache: warning: .*huge.idx: article $1 .*longer than" "$TEST_TMP/err"
}
expect_exit 0 "--list on a value over the limit" "$ATTACHE" --list "$huge"
check "--list: every article listed, the huge title too" test "$(cut -f1 "$TEST_TMP/out" | tr '\n' ' ')" = "4 3 2 1 "
check "--list: the huge title is cut, with an ellipsis" \
	sh -c "grep '^2	' '$TEST_TMP/out' | grep -q '^2	.*yyyy…\$' && [ \$(wc -c <'$TEST_TMP/out') -lt 10000 ]"
check "--list: one warning naming article 2" warned_cut 2
expect_exit 0 "--list FILTER on a value over the limit" "$ATTACHE" --list 'title OR russia' "$huge"
check "--list FILTER: the matches, the huge title among them" test "$(cut -f1 "$TEST_TMP/out" | sort | tr '\n' ' ')" = "2 3 4 "
expect_exit 0 "--show of the huge title" "$ATTACHE" --show 2 "$huge"
check "--show: the title cut, the body whole" \
	sh -c "grep -q '^Title: yyyy*…\$' '$TEST_TMP/out' && grep -q '^a title too long to read\$' '$TEST_TMP/out'"
check "--show: one warning naming article 2" warned_cut 2
expect_exit 0 "--show of the huge body" "$ATTACHE" --show 3 "$huge"
check "--show: the body cut, its mention still marked, the one past the cut dropped" \
	sh -c "grep -q '^\[Russia|country:RU\] bbbb*…\$' '$TEST_TMP/out' && ! grep -q END-OF-BODY '$TEST_TMP/out'"
check "--show: one warning naming article 3" warned_cut 3
# The browser lists all four and opens the huge ones.
printf ':resize 100x20\n:dump %s\nj\nj\nEnter\nG\n:dump %s\nq\nk\nEnter\n:dump %s\n' \
	"$TEST_TMP/b-list" "$TEST_TMP/b-title" "$TEST_TMP/b-body" >"$TEST_TMP/keys"
expect_exit 0 "the browser on values over the limit" "$ATTACHE" --script "$TEST_TMP/keys" "$huge"
check "the browser lists every article" sh -c "grep -q '\[Articles\] 1/4' '$TEST_TMP/b-list' &&
	grep -q 'after the huge ones' '$TEST_TMP/b-list' && grep -q 'yyyyyyyy' '$TEST_TMP/b-list' &&
	grep -q 'ten megabytes' '$TEST_TMP/b-list'"
check "the browser opens the huge title" grep -q '^a title too long to read' "$TEST_TMP/b-title"
check "the browser opens the huge body" sh -c "grep -q '^a body too long' '$TEST_TMP/b-body' &&
	grep -q '^bbbbbbbb' '$TEST_TMP/b-body'"

# An entity name over the limit: the answers that need it fail with one
# clean line (exit 65) or in the status line, never a crash; the list
# and the browser go on. (Cutting such a name, as for article values, is
# left to do.)
ent=$TEST_TMP/huge-entity.idx
new_index "$ent"
"$SQLITE3" "$ent" "INSERT INTO article(id, title, body) VALUES (1, 'uno', 'Russia e Cina.'), (2, 'due', 'Cina.');
	INSERT INTO entity VALUES (1, 'country', printf('%.*c', 70000000, 'z'), 'RU', 1, 1), (2, 'country', 'Cina', 'CN', 2, 2);
	INSERT INTO mention VALUES (1, 1, 'body', 0, 6), (1, 2, 'body', 9, 4), (2, 2, 'body', 0, 4);
	INSERT INTO article_entity VALUES (1, 1, 1), (2, 1, 1), (2, 2, 1);
	INSERT INTO sentence VALUES (1, 0, 'body', 0, 14, 0.5);
	INSERT INTO relation VALUES (1, 'CN', 'RU', 1, 0.5);
	INSERT INTO pair VALUES ('CN', 'RU', 1, 1, 0.5);
	INSERT INTO article_fts(article_fts) VALUES ('rebuild');"
expect_exit 0 "--list with an entity name over the limit" "$ATTACHE" --list "$ent"
check "--list: both articles" test "$(cut -f1 "$TEST_TMP/out" | tr '\n' ' ')" = "2 1 "
for m in "--show 1" "--show 2" --matrix --entities; do
	"$ATTACHE" $m "$ent" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
	rc=$?
	if [ $rc -eq 0 ] || { [ $rc -eq 65 ] && one_line "$TEST_TMP/err" && grep -q 'huge-entity.idx: .*limit' "$TEST_TMP/err"; }; then
		ok "$m with an entity name over the limit: exit $rc, one line"
	else
		not_ok "$m with an entity name over the limit: exit $rc"; diag "$(head -c 500 "$TEST_TMP/err")"
	fi
	check_safe "$m with an entity name over the limit: terminal-safe" "$TEST_TMP/out"
done
printf '%s\n' ':resize 160x30' Enter 3 e ":dump $TEST_TMP/ent-screen" 1 j Enter ":dump $TEST_TMP/ent-list" >"$TEST_TMP/keys"
expect_exit 0 "the browser with an entity name over the limit" "$ATTACHE" --script "$TEST_TMP/keys" "$ent"
check "the browser: the matrix pane says its query failed" grep -q 'query failed' "$TEST_TMP/ent-screen"
check "the browser: the article that needs the name says why in the status line" \
	sh -c "tail -n 1 '$TEST_TMP/ent-list' | grep -q 'a value longer than'"

done_testing
