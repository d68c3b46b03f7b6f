#!/bin/sh
# The config file as a user meets it: --config, --dump-config and its round
# trip, one-line messages naming FILE:LINE, no crash on iniparser's traps.
. "${top_srcdir:-.}/tests/lib.sh"
conf="$XDG_CONFIG_HOME/attache/config"
mkdir -p "$XDG_CONFIG_HOME/attache/themes"
# The shipped themes as user themes, so that a VPATH build finds them too.
cp "$top_srcdir"/themes/*.ini "$XDG_CONFIG_HOME/attache/themes/"

expect_exit 0 "--dump-config without a config file" "$ATTACHE" --dump-config
check "--dump-config is quiet without a config file" test ! -s "$TEST_TMP/err"
cp "$TEST_TMP/out" "$TEST_TMP/dump0"
check "the dump has every section" sh -c "grep -q '^\[general\]' '$TEST_TMP/dump0' && grep -q '^\[list\]' '$TEST_TMP/dump0' &&
	grep -q '^\[matrix\]' '$TEST_TMP/dump0' && grep -q '^\[keys\]' '$TEST_TMP/dump0' && grep -q '^\[colors\]' '$TEST_TMP/dump0'"

# A file that changes something of each kind, in awkward ways.
cat >"$conf" <<'CONF'
[general]
theme = dark
mouse = yes
date-format = "%d;%m %Y"
[matrix]
level = ARTICLE
countries = 20
[keys]
global.quit = Q, C-c
list.sort =
move-up = j
[colors]
entity-country = #ff0000 default bold
CONF
expect_exit 0 "--dump-config with a config file" "$ATTACHE" --dump-config
check "a good file gives no message" test ! -s "$TEST_TMP/err"
cp "$TEST_TMP/out" "$TEST_TMP/dump1"
check "the dump shows the changes" sh -c "grep -qx 'theme = dark' '$TEST_TMP/dump1' &&
	grep -qx 'mouse = on' '$TEST_TMP/dump1' && grep -qx 'level = article' '$TEST_TMP/dump1' &&
	grep -qx 'global.quit = Q, C-c' '$TEST_TMP/dump1' && grep -qx 'list.sort =' '$TEST_TMP/dump1' &&
	grep -qx 'global.move-up = j' '$TEST_TMP/dump1' && grep -qx 'entity-country = 196 default bold' '$TEST_TMP/dump1'"
check "the dump keeps a quoted ';'" grep -qx 'date-format = "%d;%m %Y"' "$TEST_TMP/dump1"
expect_exit 0 "loading the dump" "$ATTACHE" --config "$TEST_TMP/dump1" --dump-config
check "dump, load, dump: the same text" cmp -s "$TEST_TMP/dump1" "$TEST_TMP/out"
check "loading the dump gives no message" test ! -s "$TEST_TMP/err"
check "the default dump round-trips too" sh -c "'$ATTACHE' --config '$TEST_TMP/dump0' --dump-config | cmp -s - '$TEST_TMP/dump0'"

# --config naming a file that is not there is an error; the default file
# missing is not.
expect_exit 78 "--config with a missing file" "$ATTACHE" --config "$TEST_TMP/nonexistent" --dump-config
check "the message is one line naming the file" sh -c "one_line() { [ \$(wc -l <\"\$1\") -eq 1 ]; }; one_line '$TEST_TMP/err' && grep -q nonexistent '$TEST_TMP/err'"
expect_exit 78 "--config with a directory" "$ATTACHE" --config "$TEST_TMP" --dump-config
mkfifo "$TEST_TMP/fifo" 2>/dev/null && expect_exit 78 "--config with a FIFO (no hang)" "$ATTACHE" --config "$TEST_TMP/fifo" --dump-config

# Every trap at once: the program runs, each problem is one line with FILE:LINE.
long=$(head -c 1100 /dev/zero | tr '\0' x)
{
	printf '\357\273\277[general]\r\n'
	printf 'escdelay = 99999999999999999999999\n'
	printf 'date-format = %s\n' "$long"
	printf 'mouse = o\000n\n'
	printf '[general:mouse]\n'
	printf '[general]\n'
	printf 'mouse = yes\n'
	printf 'mouse = no\n'
	printf 'nosuchkey = 1\n'
	printf 'date-format = %%d;%%m\n'
	printf '[colors]\n'
	printf 'entity-person = 300 default\n'
	printf 'entity-org = \033]0;pwned\007 red\n'
	printf '[keys]\n'
	printf 'global.quit = NoSuchKey\n'
} >"$conf"
expect_exit 0 "a file with every trap" "$ATTACHE" --dump-config
for line in 2 3 4 5 8 9 10 12 13 15; do
	check "a message for line $line" grep -q "config:$line: " "$TEST_TMP/err"
done
check "every message is one line starting with 'attache: '" sh -c "! grep -qv '^attache: ' '$TEST_TMP/err'"
check "no escape byte reaches the terminal" sh -c "! grep -q \"\$(printf '\\033')\" '$TEST_TMP/err'"
check "the good lines still apply (BOM, CRLF, duplicates: last wins)" grep -qx 'mouse = off' "$TEST_TMP/out"
check "a bad number keeps the default" grep -qx 'escdelay = 25' "$TEST_TMP/out"
rm -f "$conf"

# general.index names the index when neither INDEX nor $ATTACHE_INDEX does.
if [ -x "$ATTACHE_INDEX_BIN" ] && [ -r "$top_srcdir/data/demo/demo.jsonl" ] &&
	"$ATTACHE_INDEX_BIN" -q -o "$TEST_TMP/my.idx" "$top_srcdir/data/demo/demo.jsonl" >/dev/null 2>&1; then
	mkdir -p "$TEST_TMP/home"
	mv "$TEST_TMP/my.idx" "$TEST_TMP/home/my.idx"
	printf '[general]\nindex = ~/my.idx\n' >"$conf"
	expect_exit 0 "--check opens general.index (~/ expanded)" env HOME="$TEST_TMP/home" "$ATTACHE" --check
	check "--check names the configured index" grep -q "home/my.idx: ok" "$TEST_TMP/out"
	expect_exit 66 "\$ATTACHE_INDEX wins over general.index" env HOME="$TEST_TMP/home" ATTACHE_INDEX="$TEST_TMP/none.idx" "$ATTACHE" --check
	rm -f "$conf"
else
	skip "attache-index cannot build the demo index here"
fi

# Themes by name.
expect_exit 0 "--theme with an unknown name" "$ATTACHE" --theme no-such-theme --dump-config
check "an unknown theme is reported" grep -q "no-such-theme.*not found" "$TEST_TMP/err"

# attache.conf(5)'s examples: the complete file and the theme load without
# a message, and take effect.
page="$top_srcdir/man/attache.conf.5"
sed -n '/^A complete file:/,/^\.Ed/p' "$page" | sed '1,2d;$d' >"$TEST_TMP/example.conf"
check "attache.conf(5) has the complete example" grep -q '^\[colors\]' "$TEST_TMP/example.conf"
expect_exit 0 "the example config loads" "$ATTACHE" --config "$TEST_TMP/example.conf" --dump-config
check "the example config gives no message" test ! -s "$TEST_TMP/err"
check "the example config takes effect" sh -c "grep -qx 'colouring = tone' '$TEST_TMP/out' &&
	grep -qx 'matrix.evidence = e, Enter' '$TEST_TMP/out' && grep -qx 'global.suspend =' '$TEST_TMP/out'"
sed -n '/^that colours the slots:/,/^\.Ed/p' "$page" | sed '1,2d;$d' >"$XDG_CONFIG_HOME/attache/themes/zz-example.ini"
check "attache.conf(5) has the example theme" grep -q '^\[colors\]' "$XDG_CONFIG_HOME/attache/themes/zz-example.ini"
expect_exit 0 "the example theme loads" "$ATTACHE" --theme zz-example --dump-config
check "the example theme gives no message" test ! -s "$TEST_TMP/err"
check "the example theme takes effect" grep -qx ';normal = 252 234' "$TEST_TMP/out"
done_testing
