#!/bin/sh
# Hostile text in an index must not reach the terminal: escape sequences
# (title, clipboard, screen clearing), C1 controls, bidi controls, invalid
# UTF-8, NUL bytes, a 1 MB line, wide characters at the edge of a pane,
# mention offsets past the end. The screen shows placeholders, the window
# title stays, and no line overflows its pane.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui_lib.sh"
tui_have_sqlite || skip_all "sqlite3 shell not installed"
tmux_setup
idx="$TEST_TMP/hostile.idx"
"$top_builddir/tests/print_schema" >"$TEST_TMP/schema.sql"
cat >"$TEST_TMP/hostile.sql" <<'SQL'
PRAGMA application_id = 1096041288;
PRAGMA user_version = 1;
BEGIN;
INSERT INTO article (id, path, title, date, source, lang, body, countries) VALUES
 (1, char(27) || ']0;PWNED' || char(7) || 'p.txt',
  char(27) || ']0;PWNED' || char(7) || 'Title with an OSC ' || char(27) || '[2J' || char(27) || '[31mred',
  '2024-01-01', char(27) || ']52;c;cHduZWQ=' || char(7) || 'src', 'it',
  'Clear ' || char(27) || '[2J' || char(27) || '[H screen. Bell ' || char(7) || ' BS ' || char(8) || ' CR ' || char(13) ||
  ' tab ' || char(9) || ' VT ' || char(11) || ' FF ' || char(12) || ' DEL ' || char(127) || ' DCS ' || char(27) || 'Pq#0' || char(27) || '\' ||
  ' link ' || char(27) || ']8;;http://evil' || char(27) || '\here' || char(27) || ']8;;' || char(27) || '\' ||
  ' Russia ' || char(8238) || 'desrever' || char(8236) || ' zw' || char(8203) || char(8288) || char(65279) || ' sep' || char(8232) || char(8233) ||
  ' unterminated ' || char(27) || ']0;still', 'RU'),
 (2, 'wide.txt', '中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文中文', '2024-01-02', '中文', 'zh',
  printf('%.*c', 1048576, 'x') || char(10) || replace(printf('%.*c', 3000, 'y'), 'yyy', 'y中') || char(10) ||
  'e' || printf('%.*c', 1000, char(769)) || ' ZWJ ' || char(128104) || char(8205) || char(128105) || char(8205) || char(128103) || ' VS16 ' || char(9829) || char(65039), 'RU'),
 (3, 'c1.txt', CAST(X'43312028C29B29203A20909B5B326A20626164C0AF' AS TEXT), '2024-01-03', 'x', 'en',
  CAST(X'4E554C2000206279746520616E64206120737572726F67617465EDA080' AS TEXT), 'RU');
INSERT INTO entity VALUES (1, 'country', 'Russia' || char(27) || '[5m', 'RU', 3, 3),
  (2, 'person', char(27) || ']0;PWNED' || char(7) || 'Evil', 'RU', 1, 1);
INSERT INTO alias VALUES ('russia', 1, 'Russia');
INSERT INTO mention VALUES (1, 1, 'body', 200, 6), (1, 2, 'body', 5, 3),
  (2, 1, 'body', 99999999, 5), (3, 1, 'title', 2, 1000);
INSERT INTO article_entity VALUES (1, 1, 1), (1, 2, 1), (1, 3, 1), (2, 1, 1);
INSERT INTO sentence VALUES (1, 0, 'body', 0, 9999999, 0.5);
INSERT INTO article_fts(article_fts) VALUES ('rebuild');
COMMIT;
SQL
"$SQLITE3" "$idx" ".read $TEST_TMP/schema.sql" ".read $TEST_TMP/hostile.sql" >/dev/null 2>&1 ||
	skip_all "cannot write the hostile index"
expect_exit 0 "the hostile index is a valid index" "$ATTACHE" --check "$idx"

esc=$(printf '\033')
bel=$(printf '\007')
# clean FILE: 0 when the capture holds no escape sequence but SGR (colours
# and attributes, which tmux itself writes with -e) and no BEL.
clean() {
	! sed "s/${esc}\[[0-9;:]*m//g" "$1" | grep -q "[${esc}${bel}]"
}
# fits FILE: every line is at most 120 columns, and in the two-pane layout
# the border between the panes stays at column 55 on every pane row.
fits() {
	[ "$(LC_ALL=C.UTF-8 wc -L <"$1" | tr -d ' ')" -le 120 ] || return 1
	sed -n '1,39p' "$1" | sed 's/│.*//' >"$TEST_TMP/left"
	bad=$(LC_ALL=C.UTF-8 awk 'END { print NR }' "$TEST_TMP/left")
	[ "$bad" -eq 39 ] || return 1
	while IFS= read -r l; do
		[ "$(printf '%s' "$l" | LC_ALL=C.UTF-8 wc -L | tr -d ' ')" -le 54 ] || return 1
	done <"$TEST_TMP/left"
	[ "$(sed -n '1,39p' "$1" | grep -c '│')" -eq 39 ]
}

tmux_start "$idx"
title=$(tmx display -p -t 0 '#{pane_title}')
check "the browser starts on the hostile index" wait_for '^\[Articles\] 1/3'
n=0
for step in list article1 end article2 wide article3 matrix help; do
	case $step in
	article1) keys G; sleep 0; keys Enter ;;
	end) keys G ;;
	article2) keys 1 k Enter ;;
	wide) keys G ;;
	article3) keys 1 g Enter ;;
	matrix) keys 3 ;;
	help) keys '?' ;;
	esac
	case $step in
	list) wait_for '^\[Articles\]' >/dev/null ;;
	matrix) wait_for '^\[Relations\]' >/dev/null ;;
	help) wait_for '^\[Help\]' >/dev/null ;;
	*) wait_for '^\[Article\]' >/dev/null ;;
	esac
	screen -e >"$TEST_TMP/$step.ansi"
	screen >"$TEST_TMP/$step.txt"
	check "$step: nothing but colours and attributes reaches the terminal" clean "$TEST_TMP/$step.ansi"
	[ "$step" = help ] || [ "$step" = matrix ] ||
		check "$step: no line overflows its pane" fits "$TEST_TMP/$step.txt"
	check "$step: the window title is unchanged" test "$(tmx display -p -t 0 '#{pane_title}')" = "$title"
done
check "the title shows, with a placeholder where its escape sequence was" grep -q '␛Title with an OSC' "$TEST_TMP/list.txt"
check "the OSC payload is dropped" sh -c "! grep -q PWNED '$TEST_TMP/list.txt'"
check "the 1 MB line is wrapped into thousands of lines" grep -Eq '^\[Article\] line [0-9,]+/[0-9]+,[0-9]{3}' "$TEST_TMP/wide.txt"
keys q Q
check "attache exits" wait_exit
check "with status 0" test "$(cat "$TEST_TMP/status")" = 0
check "the terminal settings are restored" cmp -s "$TEST_TMP/stty.before" "$TEST_TMP/stty.after"

# The same screens at odd sizes, headless: no crash.
for size in 1x1 2x10 40x10 41x11 300x100; do
	tui_script "odd" "$idx" <<KEYS
:resize $size
Enter
G
]
3
e
:dump $TEST_TMP/odd.txt
KEYS
	check "size $size: no crash (exit $tui_rc)" test "$tui_rc" -eq 0
	w=${size%x*}
	check "size $size: nothing wider than the screen" test "$(tui_widest "$TEST_TMP/odd.txt")" -le "$w"
done
done_testing
