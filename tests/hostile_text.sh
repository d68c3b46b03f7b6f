#!/bin/sh
# Article text that attacks the terminal: escape sequences (CSI, OSC 0/2/8/52,
# DCS, APC, an unterminated OSC), C1 controls raw and encoded, C0 controls,
# bidi and zero-width characters, separators, BOMs, invalid UTF-8 of every
# kind, a flood of combining marks, wide characters, a 10 MB article and a
# 1 MB line. Written into an index with sqlite3, then shown by the batch
# modes and by the browser in tmux: nothing a terminal would act on may come
# out, the text around each attack must survive, the window title must not
# change, and no line may overflow its pane.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/hostile_lib.sh"
. "$top_srcdir/tests/tui_lib.sh"
[ -n "$SQLITE3" ] || skip_all "sqlite3 shell not installed"

# NAME and the bytes (hex) of each attack; the article body is
# "BEFORE-n <attack> AFTER-n" and its title "Tn <attack>".
cases='csi-clear 1b5b324a1b5b481b5b3f31303439680a
csi-sgr 1b5b33313b316d7265641b5b306d
osc0-title 1b5d303b6f776e656407
osc2-title-st 1b5d323b6f776e65641b5c
osc8-link 1b5d383b3b687474703a2f2f6576696c2e6578616d706c651b5c636c69636b1b5d383b3b1b5c
osc52-clipboard 1b5d35323b633b636d3074494339795a6a34670a07
dcs-apc 1b50713131311b5c1b5f6170631b5c1b5e706d1b5c
osc-unterminated 1b5d303b6e6f2d656e640a
c1-raw 9b33316d9d303b7469746c6507
c1-utf8 c29b33316dc29d303b7807c285
c0 07080d0b0c007f
bidi e280ae6576696ce280ac20e281a6697369e281a920e2808f
zero-width 61e2808b62e2808c63e2808d64e281a065efbbbf66c2ad
separators 6ce280a86de280a96e
invalid c0af20e080af20eda08020f490808020f88880808020fefe20e282
wide e4b8ade69687f09f9880f09f91a8e2808df09f91a9e29da4efb88f
tabs 09610962090963
combining 61'

# sql_hex HEX: a SQL expression for those bytes as TEXT.
sql_hex() { printf "CAST(x'%s' AS TEXT)" "$1"; }

idx=$TEST_TMP/hostile.idx
new_index "$idx"
{
	echo "BEGIN;"
	n=0
	echo "$cases" | while read -r name hex; do
		n=$((n + 1))
		if [ "$name" = combining ]; then
			attack="'a' || replace(printf('%.*c', 1000, '#'), '#', CAST(x'cc81' AS TEXT))"
		else
			attack=$(sql_hex "$hex")
		fi
		echo "INSERT INTO article(id, title, date, body) VALUES ($n, 'T$n ' || $attack, '2020-01-$(printf %02d "$n")',"
		echo "  'BEFORE-$n ' || $attack || ' AFTER-$n');"
	done
	# A sequence cut at the very end of the text.
	echo "INSERT INTO article(id, title, date, body) VALUES (30, 'cut at the end', '2020-02-01', 'BEFORE-30 ' || CAST(x'f09f98' AS TEXT));"
	# A 10 MB article in paragraphs, and a 1 MB line without a space.
	echo "INSERT INTO article(id, title, date, body) VALUES (50, 'ten megabytes', '2021-01-01',"
	echo "  'BEFORE-50 ' || replace(printf('%.*c', 200000, '#'), '#', 'Russia and Belarus sign a pact. ' || char(10) || char(10)) || ' AFTER-50'),"
	echo " (51, 'one long line', '2021-01-02', 'BEFORE-51 ' || printf('%.*c', 1000000, 'x') || ' AFTER-51');"
	# All of them in one article, a paragraph each, for the browser: the
	# newest (ids follow the date order, as the format asks).
	echo "INSERT INTO article(id, title, date, body) SELECT 100, 'all attacks', '2024-01-01',"
	echo "  group_concat(body, char(10) || char(10)) FROM (SELECT body FROM article WHERE id < 30 ORDER BY id);"
	echo "INSERT INTO article_fts(article_fts) VALUES ('rebuild');"
	echo "COMMIT;"
} >"$TEST_TMP/articles.sql"
if ! "$SQLITE3" "$idx" ".read $TEST_TMP/articles.sql" 2>"$TEST_TMP/sqlerr"; then
	diag "$(cat "$TEST_TMP/sqlerr")"
	skip_all "cannot write the hostile index"
fi
ncases=$(echo "$cases" | wc -l)

# ------------------------------------------------------------ batch modes
if has_option --show; then
	n=0
	for name in $(echo "$cases" | cut -d' ' -f1); do
		n=$((n + 1))
		expect_exit 0 "--show on $name" "$ATTACHE" --show "$n" "$idx"
		check_safe "--show on $name: terminal-safe" "$TEST_TMP/out"
		if grep -q "BEFORE-$n" "$TEST_TMP/out" && grep -q "AFTER-$n" "$TEST_TMP/out"; then
			ok "--show on $name: the text around it survives"
		else
			not_ok "--show on $name: the text around it survives"; diag "$(od -c "$TEST_TMP/out" | head)"
		fi
	done
	expect_exit 0 "--show on a sequence cut at the end" "$ATTACHE" --show 30 "$idx"
	check_safe "--show on a sequence cut at the end: terminal-safe" "$TEST_TMP/out"
	check "a flood of combining marks is cut" test "$(wc -c <"$TEST_TMP/out")" -lt 4000 -o -z "$(grep AFTER-18 "$TEST_TMP/out")"
	for n in 50 51; do
		expect_exit 0 "--show on article $n (big)" "$ATTACHE" --show "$n" "$idx"
		check_safe "--show on article $n: terminal-safe" "$TEST_TMP/out"
		check "--show on article $n: the end survives" grep -q "AFTER-$n" "$TEST_TMP/out"
	done
else
	skip "attache has no --show yet"
fi
if has_option --list; then
	expect_exit 0 "--list of hostile titles" "$ATTACHE" --list "$idx"
	check_safe "--list of hostile titles: terminal-safe" "$TEST_TMP/out"
	total=$((ncases + 4))
	check "--list: one line per article, whatever the titles hold" test "$(wc -l <"$TEST_TMP/out")" -eq "$total"
	n=0
	missing=
	for name in $(echo "$cases" | cut -d' ' -f1); do
		n=$((n + 1))
		grep -q "	T$n" "$TEST_TMP/out" || missing="$missing $name"
	done
	check "--list: every title is there${missing:+ (missing:$missing)}" test -z "$missing"
	expect_exit 0 "--list with a word of the 10 MB article" "$ATTACHE" --list belarus "$idx"
	check "--list finds it" grep -q "ten megabytes" "$TEST_TMP/out"
else
	skip "attache has no --list yet"
fi

# ------------------------------------------------------------ the browser
if [ -z "${TMUX_BIN:-}" ] || [ ! -x "$TMUX_BIN" ]; then
	done_testing
fi
W=100
H=30
# T: tmux on the private server of tests/tui_lib.sh.
T() { tmx "$@"; }
cleanup_tmux() { T kill-server >/dev/null 2>&1; }
trap 'cleanup_tmux; reap_strays; [ -n "${KEEP_TMP:-}" ] || rm -rf "$TEST_TMP" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME"' EXIT

# wait_for TEXT: polls the pane (at most ~10 s) until TEXT is on screen.
wait_for() {
	_i=0
	while [ $_i -lt 100 ]; do
		T capture-pane -p -t 0 >"$TEST_TMP/screen" 2>/dev/null
		grep -qF -- "$1" "$TEST_TMP/screen" && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

tmx_new $W $H "sleep 600" || { not_ok "tmux starts a session"; done_testing; }
T set -g set-clipboard on
T set -g remain-on-exit on
T set -g default-terminal screen
T select-pane -t 0 -T before-attache
title0=$(T display -p -t 0 '#{pane_title}')
# The exit status goes to a file: tmux does not always learn a dead
# pane's status under load.
T respawn-pane -k -t 0 "env TERM=screen LC_ALL=C.UTF-8 '$ATTACHE' '$idx'; echo \$? >'$TEST_TMP/status'"
if ! wait_for "all attacks"; then
	not_ok "the browser shows the list"; diag "$(cat "$TEST_TMP/screen")"
	done_testing
fi
ok "the browser shows the list"
: >"$TEST_TMP/screens"
T capture-pane -e -p -t 0 >>"$TEST_TMP/screens"
# The newest article holds every attack: open it and page through it.
T send-keys -t 0 g Enter
wait_for "BEFORE-1" || diag "the article did not open: $(cat "$TEST_TMP/screen")"
i=0
while [ $i -lt 12 ]; do
	T capture-pane -e -p -t 0 >>"$TEST_TMP/screens"
	T send-keys -t 0 Space
	sleep 0.2
	i=$((i + 1))
done
# The big articles (second and third in the list): open each, page once.
T send-keys -t 0 1 g j Enter
wait_for "BEFORE-51" || diag "article 51 did not open"
T send-keys -t 0 Space
T capture-pane -e -p -t 0 >>"$TEST_TMP/screens"
T send-keys -t 0 1 g j j Enter
wait_for "BEFORE-50" || diag "article 50 did not open"
T send-keys -t 0 Space
sleep 0.3
T capture-pane -e -p -t 0 >>"$TEST_TMP/screens"

# tmux draws attributes with SGR sequences; anything else is an escape
# that reached the terminal.
LC_ALL=C sed 's/\x1b\[[0-9;:]*m//g' "$TEST_TMP/screens" >"$TEST_TMP/plain"
check_safe "the browser lets no escape or control through" "$TEST_TMP/plain"
missing=
n=0
for name in $(echo "$cases" | cut -d' ' -f1); do
	n=$((n + 1))
	grep -q "AFTER-$n\b" "$TEST_TMP/plain" || missing="$missing $name"
done
check "the browser shows the text after each attack${missing:+ (missing:$missing)}" test -z "$missing"
# wc -L measures display columns (awk may count bytes).
widest=$(LC_ALL=C.UTF-8 wc -L <"$TEST_TMP/plain")
check "no line is wider than the pane ($widest <= $W columns)" test "$widest" -le $W
title1=$(T display -p -t 0 '#{pane_title}')
check "the pane title did not change ('$title1')" test "$title1" = "$title0"
check "no clipboard was set through OSC 52" test -z "$(T list-buffers 2>/dev/null)"
T send-keys -t 0 Q
i=0
while [ $i -lt 300 ] && [ "$(T display -p -t 0 '#{pane_dead}')" != 1 ]; do
	sleep 0.1; i=$((i + 1))
done
check "Q quits the browser" test "$(T display -p -t 0 '#{pane_dead}')" = 1
st=$(cat "$TEST_TMP/status" 2>/dev/null)
check "the browser exits 0 (exit $st)" test "$st" = 0
[ "$st" = 0 ] || diag "$(T capture-pane -p -t 0 | tail -n 5)"
check "the alternate screen is left" test "$(T display -p -t 0 '#{alternate_on}')" = 0
done_testing
