#!/bin/sh
# Screen tests with the scripted-input mode (attache --script): what a
# person sees in the list, an article, the matrix and the evidence, the
# live filter, resizing, and the terminal checks. No tmux needed.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/tui_lib.sh"
tui_have_sqlite || skip_all "sqlite3 shell not installed"
idx="$TEST_TMP/fx.idx"
tui_fixture "$idx" || skip_all "cannot write the test index"
D=$TEST_TMP

# no_overflow FILE COLS: no line of the dump is wider than COLS.
no_overflow() { [ "$(tui_widest "$1")" -le "$2" ]; }
# status FILE PATTERN: the status line (the last row) of the dump matches.
status() { tail -n 1 "$1" | grep -q -- "$2"; }
# row FILE N PATTERN: row N of the dump matches.
row() { sed -n "$2p" "$1" | grep -q -- "$3"; }

tui_script list "$idx" <<KEYS
:dump $D/list.txt
KEYS
check "the script runs (exit 0)" test "$tui_rc" -eq 0
check "the list shows the newest article first" sh -c "sed -n 2p '$D/list.txt' | grep -q 'Clashes in Nagorno-Karabakh'"
for t in "Summit in Minsk" "Grano: Turchia e Russia trattano" "Kiev sotto attacco" "Mosca e Minsk firmano un accordo"; do
	check "the list shows '$t'" grep -qF "$t" "$D/list.txt"
done
check "the list has date, source and country columns" grep -q '^2023-06-01 Reuters *BY RU *Summit in Minsk' "$D/list.txt"
check "the status line has the position with a thousands separator-free count" grep -q '^\[Articles\] 1/255' "$D/list.txt"
check "the screen is 24 rows" test "$(wc -l <"$D/list.txt")" -eq 24
check "no line is wider than 80 columns" no_overflow "$D/list.txt" 80

tui_script article "$idx" <<KEYS
j
Enter
:dump $D/article.txt
]
]
]
:dump $D/entity.txt
i
:dump $D/card.txt
q
Enter
:dump $D/entity-filter.txt
KEYS
check "Enter opens the article" grep -q '^Summit in Minsk' "$D/article.txt"
check "the article has its header" grep -q 'Date 2023-06-01.*Source Reuters.*Language en' "$D/article.txt"
check "the article body is shown" grep -q 'Putin meets Lukashenko in Minsk' "$D/article.txt"
check "the article's entities are grouped by kind" grep -q '^Persons (2)' "$D/article.txt"
check "with their counts" grep -q 'Vladimir Putin (RU) ×1' "$D/article.txt"
check "a legend names the kinds" grep -q 'Legend: country person org place' "$D/article.txt"
check "the legend, cut at 80 columns, ends in an ellipsis" grep -q '^Legend: country person org place .*…$' "$D/article.txt"
check "] moves to an entity (named in the status line)" grep -q 'person: Aleksandr Lukashenko' "$D/entity.txt"
check "i shows the entity card" grep -q 'Name *Aleksandr Lukashenko' "$D/card.txt"
check "the card has the kind and the country" sh -c "grep -q 'Kind *person' '$D/card.txt' && grep -q 'Country *BY' '$D/card.txt'"
check "the card has the number of articles and mentions" sh -c "grep -q 'Articles *1\$' '$D/card.txt' && grep -q 'Mentions *1\$' '$D/card.txt'"
check "the card has the aliases" grep -q 'Aliases *Lukashenko' "$D/card.txt"
check "the card lists the countries it appears with most" sh -c "grep -q 'Appears most with' '$D/card.txt' && grep -q '^ *BY  *Belarus  *1 article\$' '$D/card.txt' && grep -q '^ *RU  *Russia  *1 article\$' '$D/card.txt'"
# The counts line up after names with accents (columns, not bytes).
cp "$idx" "$D/accent.idx"
"$SQLITE3" "$D/accent.idx" "UPDATE entity SET name = 'Rossíya' WHERE id = 1;
	WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
	INSERT INTO alias SELECT 'lukashenko spelling ' || i, 8, 'Lukashenko spelling ' || i FROM n"
tui_script card-accent "$D/accent.idx" <<KEYS
j
Enter
]
]
]
i
:dump $D/card-accent.txt
KEYS
# col TEXT FILE: the display column where TEXT starts on its line.
col() { grep -- "$1" "$2" | head -n 1 | sed "s/$1.*//" | LC_ALL=C.UTF-8 wc -L; }
c1=$(grep ' BY  Belarus' "$D/card-accent.txt" >"$D/by.txt"; col '1 article' "$D/by.txt")
c2=$(grep ' RU  Rossíya' "$D/card-accent.txt" >"$D/ru.txt"; col '1 article' "$D/ru.txt")
check "the card's counts line up after an accented name ($c1, $c2)" sh -c "[ -n '$c1' ] && [ '$c1' = '$c2' ]"
check "many aliases wrap onto the next rows, under the first" grep -q '^           Lukashenko spelling' "$D/card-accent.txt"
check "four rows of them at most, the last cut with an ellipsis" sh -c "[ \$(grep -c 'Lukashenko spelling' '$D/card-accent.txt') -eq 4 ] && grep 'Lukashenko spelling' '$D/card-accent.txt' | tail -n 1 | grep -q '…\$'"
check "Enter on an entity filters the list to it" grep -q 'filter: person:"Aleksandr Lukashenko"' "$D/entity-filter.txt"
check "the list then holds its one article" grep -q '^\[Articles\] 1/1 ' "$D/entity-filter.txt"

tui_script matrix "$idx" <<KEYS
:resize 100x30
3
:dump $D/matrix.txt
Enter
:dump $D/pair.txt
3
e
:dump $D/evidence.txt
j
Enter
:dump $D/evidence-open.txt
KEYS
check "the matrix has a row for Russia" grep -q '^RU ' "$D/matrix.txt"
row=$(grep '^RU ' "$D/matrix.txt")
check "the matrix heads its columns with the countries, most mentioned first" grep -q '^ *RU  *BY  *TR ' "$D/matrix.txt"
check "Russia's row counts sentences with Belarus, Turkey and Ukraine" sh -c "echo '$row' | grep -q '^RU  *· *2 *2 *2'"
check "the status line describes the cell" grep -q 'RU–BY  2 articles · 2 sentences · tone +0.70' "$D/matrix.txt"
check "Enter on a cell filters the list to the pair" grep -q 'filter: pair:RU-BY' "$D/pair.txt"
check "the pair leaves two articles" grep -q '^\[Articles\] 1/2 ' "$D/pair.txt"
check "e opens the evidence for the cell" grep -q '^Evidence  RU–BY  sentence 1/2' "$D/evidence.txt"
check "the evidence shows the sentences" sh -c "grep -q 'Russia and Belarus are allies.' '$D/evidence.txt' && grep -q 'Russia e Bielorussia firmano un accordo di difesa.' '$D/evidence.txt'"
check "each under its article's date and title" grep -q '2021-05-01  Mosca e Minsk firmano un accordo' "$D/evidence.txt"
check "Enter opens the article at the sentence" sh -c "sed -n 3p '$D/evidence-open.txt' | grep -q '^Russia e Bielorussia firmano un accordo di difesa'"
check "with the article pane focused" grep -q '^\[Article\]' "$D/evidence-open.txt"
check "no line is wider than 100 columns" no_overflow "$D/evidence.txt" 100
check "the status line names the two countries of the cell" grep -q 'RU–BY .*(Russia, Belarus)$' "$D/matrix.txt"

# The matrix follows the filter (a date range); [ goes back an entity; the
# header has the path.
tui_script matrix-filter "$idx" <<KEYS
:resize 100x30
f
:type date:2023
Enter
3
:dump $D/m-filter.txt
1
j
Enter
]
]
]
[
:dump $D/prev-entity.txt
KEYS
check "under date:2023 the matrix has the countries of 2023" sh -c "grep -q '^ *AM  *AZ  *BY  *RU  *TR *\$' '$D/m-filter.txt'"
check "and not Ukraine (2022 only)" sh -c "! grep -q 'UA' '$D/m-filter.txt'"
check "the status line shows the filter in the matrix too" status "$D/m-filter.txt" 'filter: date:2023$'
check "] ] ] [ : back to the second entity" status "$D/prev-entity.txt" '^\[Article\] line 1/[0-9]*  person: Vladimir Putin '
check "the article's header has its path" grep -q '^Path a/4.txt$' "$D/prev-entity.txt"
# org: selects by organisation, by any of its names.
expect_exit 0 "--list 'org:\"Nazioni Unite\"'" "$ATTACHE" --list 'org:"Nazioni Unite"' "$idx"
check "org: by its Italian name: the one article" test "$(cut -f1 "$TEST_TMP/out" | tr '\n' ' ')" = "1002 "
expect_exit 0 "--list 'org:\"United Nations\"'" "$ATTACHE" --list 'org:"United Nations"' "$idx"
check "org: by its English name: the same article" test "$(cut -f1 "$TEST_TMP/out" | tr '\n' ' ')" = "1002 "

# The matrix's keys: / finds a country by code before names that contain
# it (Belarus contains "ru"), a counts articles, t shows the tone.
tui_script matrix-keys "$idx" <<KEYS
:resize 100x30
3
j
/
:type RU
Enter
:dump $D/m-search.txt
/
:type azer
Enter
:dump $D/m-name.txt
g
a
:dump $D/m-articles.txt
t
:dump $D/m-tone.txt
g
j
j
l
l
l
:dump $D/m-empty.txt
j
:dump $D/m-diag.txt
KEYS
check "/RU in the matrix goes to Russia's row, not Belarus's" status "$D/m-search.txt" '^\[Relations\] RU–'
check "/azer finds Azerbaijan by its name" status "$D/m-name.txt" '^\[Relations\] AZ–'
sentences_ua=$(grep '^RU ' "$D/matrix.txt" | awk '{ print $NF }')
articles_ua=$(grep '^RU ' "$D/m-articles.txt" | awk '{ print $NF }')
check "a: the cell RU-UA counts 1 article (it counted $sentences_ua sentences)" \
	sh -c "[ '$sentences_ua' = 2 ] && [ '$articles_ua' = 1 ]"
check "a: the legend says articles" grep -q '^articles: ' "$D/m-articles.txt"
check "a: the status line says so" status "$D/m-articles.txt" 'cells count articles$'
check "t: cooperation and conflict marked in Russia's row (+ Belarus, - Ukraine)" \
	sh -c "grep '^RU ' '$D/m-tone.txt' | grep -q '^RU  ·     +   2 .*-   1 *\$'"
check "t: the legend explains the tone marks" grep -q '^tone: + cooperation = neutral - conflict' "$D/m-tone.txt"
check "a cell without co-mentions says so, without a tone" status "$D/m-empty.txt" '^\[Relations\] TR–AM  no sentence names both  (Turkey, Armenia)$'
check "a cell of the diagonal: the country and its articles" status "$D/m-diag.txt" '^\[Relations\] AM Armenia  1 article$'
# Without colours the heat map is drawn with shade characters.
printf ':resize 100x30\n3\n:dump %s\n' "$D/m-mono.txt" >"$D/m-mono.keys"
"$ATTACHE" --mono --script "$D/m-mono.keys" "$idx" >/dev/null 2>&1
check "--mono: the heat map shades the cells with characters" sh -c "grep '^RU ' '$D/m-mono.txt' | grep -q '█   2' && grep '^TR ' '$D/m-mono.txt' | grep -q '▒   1'"
check "--mono: the legend gives each shade its top, once (▒ for 1, █ for 2, as in the cells)" grep -q '^sentences: ▒1 █2 ' "$D/m-mono.txt"

tui_script filter "$idx" <<KEYS
f
:type country:BY
:dump $D/live.txt
Enter
:dump $D/kept.txt
f
:type  (
:dump $D/syntax.txt
Esc
:dump $D/esc.txt
F
:dump $D/cleared.txt
KEYS
check "the list follows the filter while it is typed" grep -q '^Articles  1/2 ' "$D/live.txt"
check "the prompt shows the filter" grep -q '^Filter: country:BY' "$D/live.txt"
check "country:BY leaves two articles" sh -c "grep -q 'Summit in Minsk' '$D/kept.txt' && grep -q 'Mosca e Minsk' '$D/kept.txt' && ! grep -q 'Kiev' '$D/kept.txt'"
check "Enter keeps the filter" grep -q 'filter: country:BY' "$D/kept.txt"
check "a syntax error puts a caret under its position" grep -q '^ \{19\}\^ ' "$D/syntax.txt"
check "and says what is wrong" grep -qi 'parenthes' "$D/syntax.txt"
check "the panes keep the last valid filter" grep -q '^Articles  1/2 ' "$D/syntax.txt"
check "Esc restores the previous filter" grep -q 'filter: country:BY' "$D/esc.txt"
check "F clears the filter" grep -q '^\[Articles\] 1/255' "$D/cleared.txt"
check "the history file was written" grep -qx 'country:BY' "$XDG_STATE_HOME/attache/history"

tui_script history "$idx" <<KEYS
f
Up
Enter
:dump $D/history.txt
KEYS
check "Up in the prompt brings back the last filter" grep -q 'filter: country:BY' "$D/history.txt"
tui_script history-walk "$idx" <<KEYS
f
C-u
:type turchia
Enter
f
C-u
Up
:dump $D/h-up1.txt
Up
:dump $D/h-up2.txt
Down
:dump $D/h-down1.txt
Down
:dump $D/h-down2.txt
Esc
KEYS
check "Up: the newest filter first" grep -q '^Filter: turchia$' "$D/h-up1.txt"
check "Up again: the one before" grep -q '^Filter: country:BY$' "$D/h-up2.txt"
check "Down: forward again" grep -q '^Filter: turchia$' "$D/h-down1.txt"
check "Down past the newest: the line typed (empty)" grep -q '^Filter: *$' "$D/h-down2.txt"
check "the history file keeps both, oldest first" sh -c "[ \"\$(tail -n 2 '$XDG_STATE_HOME/attache/history' | tr '\n' ' ')\" = 'country:BY turchia ' ]"

tui_script resize "$idx" <<KEYS
:resize 80x24
j
j
j
:resize 170x45
:dump $D/wide.txt
:resize 120x40
:dump $D/two.txt
:resize 30x8
:dump $D/small.txt
:resize 1x1
:resize 2x10
:resize 80x24
:dump $D/back.txt
KEYS
check "resizing runs without a crash (exit 0)" test "$tui_rc" -eq 0
check "a wide terminal shows the three panes" sh -c "grep -q '^Articles' '$D/wide.txt' && grep -q 'Relations' '$D/wide.txt' && grep -q 'Article  line' '$D/wide.txt'"
check "resizing keeps the selection" grep -q '^\[Articles\] 4/255' "$D/wide.txt"
check "the wide article pane shows the selected article" grep -q 'Kiev sotto attacco *$' "$D/wide.txt"
check "120 columns show the list and the article" sh -c "grep -q '^Articles' '$D/two.txt' && grep -q 'Article  line' '$D/two.txt'"
check "a tiny terminal gets a notice" grep -q 'terminal too small' "$D/small.txt"
check "back at 80x24 the selection is still there" grep -q '^\[Articles\] 4/255' "$D/back.txt"
for f in wide two; do
	w=170; [ $f = two ] && w=120
	check "no line of the $f layout is wider than $w" no_overflow "$D/$f.txt" $w
done

# Resizing keeps the article's scroll position: the text at the top of the
# pane stays there though the lines wrap differently (a long article of
# numbered paragraphs, each on fewer lines when the pane is wider).
cp "$idx" "$D/long.idx"
"$SQLITE3" "$D/long.idx" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
	UPDATE article SET body = body || (SELECT group_concat(char(10) || 'Paragraph ' || i ||
	' of the long report: the talks went on, and the delegations met again the next morning.', '')
	FROM n) WHERE id = 1005"
tui_script scroll-resize "$D/long.idx" <<KEYS
:resize 80x24
Enter
PgDn
PgDn
j
:dump $D/sr-80.txt
:resize 100x30
:dump $D/sr-100.txt
:resize 80x24
:dump $D/sr-back.txt
KEYS
para=$(sed -n 3,4p "$D/sr-80.txt" | sed -n 's/^\(Paragraph [0-9]*\) .*/\1/p' | head -n 1)
check "the article is scrolled to a paragraph ($para)" test -n "$para"
check "wider, the same paragraph is at the top" sh -c "sed -n 3,4p '$D/sr-100.txt' | grep -q '$para '"
check "back at 80x24, the same line at the top" test "$(sed -n 3p "$D/sr-back.txt")" = "$(sed -n 3p "$D/sr-80.txt")"
check "and the same position" test "$(tail -n 1 "$D/sr-back.txt")" = "$(tail -n 1 "$D/sr-80.txt")"

# The list's columns in a narrow pane: titles cut at a character boundary
# with an ellipsis, wide characters counted as two columns.
cp "$idx" "$D/wide.idx"
"$SQLITE3" "$D/wide.idx" "UPDATE article SET title = '中文標題很長的新聞報道關於俄羅斯' WHERE id = 1003"
tui_script narrow "$D/wide.idx" <<KEYS
:resize 41x12
:dump $D/narrow.txt
KEYS
check "a narrow list cuts a long title with an ellipsis" grep -q '^2023-09-20 AM AZ TR  Clashes in Nagorno-…$' "$D/narrow.txt"
check "a wide-character title is cut at a character, two columns each" grep -q '^2022-12-20 RU TR     中文標題很長的新聞…$' "$D/narrow.txt"
check "no line of the narrow list is wider than 41 columns" no_overflow "$D/narrow.txt" 41

# s: newest first, oldest first, by title, and with words by relevance.
tui_script sort "$idx" <<KEYS
s
:dump $D/sort-old.txt
s
:dump $D/sort-title.txt
s
f
:type accordo
Enter
:dump $D/sort-new.txt
s
s
s
:dump $D/sort-rel.txt
KEYS
check "s: oldest first" row "$D/sort-old.txt" 2 'Filler report number 1$'
check "s: the status line says so" status "$D/sort-old.txt" 'sorted oldest first'
check "s again: by title" row "$D/sort-title.txt" 2 'Clashes in Nagorno-Karabakh$'
check "s again: then 'Filler report number 1'" row "$D/sort-title.txt" 3 'Filler report number 1$'
check "s again: the status line says so" status "$D/sort-title.txt" 'sorted by title'
check "with words, newest first puts Grano first" row "$D/sort-new.txt" 2 'Grano: Turchia'
check "with words, s reaches relevance: the title with the word first" row "$D/sort-rel.txt" 2 'Mosca e Minsk firmano un accordo'
check "relevance: the status line says so" status "$D/sort-rel.txt" 'sorted by relevance'

# Moving: the vi keys, pages, half pages, ends; / n in the list; the panes.
tui_script move "$idx" <<KEYS
j
j
k
:dump $D/mv-j.txt
PgDn
:dump $D/mv-pgdn.txt
C-d
:dump $D/mv-cd.txt
C-u
PgUp
:dump $D/mv-up.txt
G
:dump $D/mv-end.txt
g
/
:type number 25
Enter
:dump $D/mv-search.txt
n
:dump $D/mv-next.txt
Tab
:dump $D/pane-2.txt
Tab
:dump $D/pane-3.txt
Tab
:dump $D/pane-1.txt
S-Tab
:dump $D/pane-s3.txt
2
:dump $D/pane-n2.txt
1
:dump $D/pane-n1.txt
KEYS
pos() { tail -n 1 "$1" | sed -n 's/^\[Articles\] \([0-9,]*\)\/.*/\1/p'; }
check "j j k: the second article" test "$(pos "$D/mv-j.txt")" = 2
p1=$(pos "$D/mv-pgdn.txt"); p2=$(pos "$D/mv-cd.txt"); p3=$(pos "$D/mv-up.txt")
check "PgDn moves a page (2 -> $p1), C-d half of one (-> $p2)" \
	sh -c "[ $p1 -ge 20 ] && [ $((p2 - p1)) -ge 8 ] && [ $((p2 - p1)) -le 12 ]"
check "C-u and PgUp come back ($p3)" test "$p3" -eq 2
check "G: the last article" test "$(pos "$D/mv-end.txt")" = 255
# Newest first: the five articles, then filler N at 256 - N.
s1=$(pos "$D/mv-search.txt"); s2=$(pos "$D/mv-next.txt")
check "/ in the list goes to the first title with the text (number 250: 6, got $s1)" test "$s1" = 6
check "n goes to the next one (number 25: 231, got $s2)" test "$s2" = 231
check "Tab: the article" grep -q '^\[Article\] ' "$D/pane-2.txt"
check "Tab again: the matrix" grep -q '^\[Relations\] ' "$D/pane-3.txt"
check "Tab again: back to the list" grep -q '^\[Articles\] ' "$D/pane-1.txt"
check "S-Tab: the matrix, backwards" grep -q '^\[Relations\] ' "$D/pane-s3.txt"
check "2: the article" grep -q '^\[Article\] ' "$D/pane-n2.txt"
check "1: the list, the selection kept ($s2)" test "$(pos "$D/pane-n1.txt")" = "$s2"

# The article: / n N between matches, o the original text and back.
tui_script article-keys "$idx" <<KEYS
:resize 100x30
j
Enter
/
:type minsk
Enter
:dump $D/a-search.txt
n
:dump $D/a-next.txt
n
:dump $D/a-last.txt
N
:dump $D/a-prev.txt
o
:dump $D/a-orig.txt
o
:dump $D/a-clean.txt
KEYS
check "/ in the article: the first of the matches in the title and the text" status "$D/a-search.txt" 'match 1 of 2$'
check "n: the next match" status "$D/a-next.txt" 'match 2 of 2$'
check "n past the last match says so" status "$D/a-last.txt" 'no more matches: minsk$'
check "N: the previous match" status "$D/a-prev.txt" 'match 1 of 2$'
check "o: the original text, with its boilerplate" grep -q '^Advertisement$' "$D/a-orig.txt"
check "o: the status line says original text" status "$D/a-orig.txt" 'original text$'
check "o again: the cleaned text, without the boilerplate" grep -q 'Putin meets Lukashenko' "$D/a-clean.txt"
check "o again: no boilerplate" sh -c "! grep -q 'Advertisement' '$D/a-clean.txt'"
check "o again: the status line says cleaned text" status "$D/a-clean.txt" 'cleaned text$'

# Tab in the filter prompt completes field names and entity names.
tui_script complete "$idx" <<KEYS
f
:type coun
Tab
:dump $D/c-field.txt
:type Bielo
Tab
:dump $D/c-entity.txt
Enter
:dump $D/c-done.txt
f
C-u
:type person:luka
Tab
:dump $D/c-person.txt
Esc
KEYS
check "Tab completes a field name" grep -q '^Filter: country:$' "$D/c-field.txt"
check "Tab completes an entity name" grep -q '^Filter: country:Bielorussia$' "$D/c-entity.txt"
check "the completed filter applies" grep -q '^\[Articles\] 1/2 .*filter: country:Bielorussia' "$D/c-done.txt"
check "C-u empties the prompt; Tab completes a person's name" grep -q '^Filter: person:Lukashenko$' "$D/c-person.txt"
tui_script help "$idx" <<KEYS
?
:dump $D/help.txt
q
:dump $D/after-help.txt
KEYS
check "? shows the help" grep -q '^attache: keys' "$D/help.txt"
check "q closes the help" grep -q '^\[Articles\]' "$D/after-help.txt"

LANG=C LC_ALL=C tui_script ascii "$idx" <<KEYS
:resize 100x30
3
:dump $D/ascii.txt
KEYS
check "with LANG=C the screen is ASCII only" sh -c "! LC_ALL=C grep -q '[^ -~]' '$D/ascii.txt'"
check "and still shows the matrix" grep -q '^RU ' "$D/ascii.txt"

# Scripts are checked before they run.
printf 'j\nNoSuchKey\n' >"$D/bad.keys"
expect_exit 65 "an unknown key name in a script" "$ATTACHE" --script "$D/bad.keys" "$idx"
check "the message names the file and line" grep -q 'bad.keys:2: unknown key name' "$TEST_TMP/err"
expect_exit 66 "a missing script" "$ATTACHE" --script "$D/missing.keys" "$idx"

# Without a terminal: a message pointing to the batch modes, never curses output.
expect_exit 64 "stdin and stdout not a terminal" "$ATTACHE" "$idx"
check "the message points to the batch modes" grep -q -- '--list' "$TEST_TMP/err"
check "and is one line" one_line "$TEST_TMP/err"
check "nothing is written to standard output" test ! -s "$TEST_TMP/out"
expect_exit 66 "a missing index is reported before the terminal is touched" "$ATTACHE" "$D/missing.idx"
check "in one line" one_line "$TEST_TMP/err"
# On a terminal (a pty from script(1)) whose TERM cannot draw: exit 78 and
# one line that names the problem and points to the batch modes.
if command -v script >/dev/null 2>&1; then
	for t in unset empty dumb unknown; do
		case $t in
		unset) envs="env -u TERM" ;;
		empty) envs="env TERM=" ;;
		dumb) envs="env TERM=dumb" ;;
		unknown) envs="env TERM=no-such-terminal-xyz" ;;
		esac
		script -qec "$envs '$ATTACHE' '$idx'" /dev/null >"$D/term-$t.out" 2>&1
		rc=$?
		tr -d '\r' <"$D/term-$t.out" >"$D/term-$t.txt"
		check "TERM $t on a terminal: exit 78 (got $rc)" test "$rc" -eq 78
		check "TERM $t: one line that names TERM" sh -c "grep -q 'TERM' '$D/term-$t.txt' && [ \$(wc -l <'$D/term-$t.txt') -eq 1 ]"
		check "TERM $t: the line points to the batch modes" grep -q -- '--list, --show, --matrix, --entities' "$D/term-$t.txt"
		check "TERM $t: no escape sequence reaches the terminal" sh -c "! grep -q \"$(printf '\033')\" '$D/term-$t.out'"
	done
else
	skip "script(1) is not installed: TERM checks on a terminal"
fi
# With the article pane beside the list, a new filter that moves the list
# under the cursor brings the article pane along (it used to keep showing
# the article of the old list until the cursor moved).
tui_script follow "$idx" <<KEYS
:resize 160x42
:dump $D/follow-before.txt
f
:type country:UA
Enter
:dump $D/follow-after.txt
KEYS
check "wide: the article pane shows the newest article" grep -q 'Clashes in Nagorno-Karabakh *$' "$D/follow-before.txt"
check "after a filter the article pane shows the list's selected article" \
	sh -c "grep -q '│Kiev sotto attacco' '$D/follow-after.txt' && ! grep -q '│Clashes in Nagorno-Karabakh' '$D/follow-after.txt'"
# Counts of four digits and more have a thousands separator.
if tui_fixture "$D/big.idx" 1000; then
	tui_script big "$D/big.idx" <<KEYS
G
:dump $D/big.txt
KEYS
	check "the position reads 1,005/1,005 at the end of 1,005 articles" status "$D/big.txt" '^\[Articles\] 1,005/1,005 '
else
	skip "cannot write the 1,005-article index"
fi

# q goes back before it quits, in the wide layouts too: from the matrix or
# the article to the list, then out.
tui_script back "$idx" <<KEYS
:resize 160x42
3
q
:dump $D/back-matrix.txt
2
q
:dump $D/back-article.txt
q
:dump $D/back-quit.txt
KEYS
check "wide: q on the matrix goes back to the list" status "$D/back-matrix.txt" '^\[Articles\] 1/255 '
check "wide: q on the article goes back to the list" status "$D/back-article.txt" '^\[Articles\] 1/255 '
check "q on the list quits (no later dump, exit 0)" sh -c "[ ! -f '$D/back-quit.txt' ] && [ $tui_rc -eq 0 ]"
done_testing
