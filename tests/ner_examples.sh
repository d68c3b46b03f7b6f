#!/bin/sh
# ner_examples.sh: the recognition examples of attache-index(1) (and of the
# issue that asked for it) through the real attache-index with the bundled
# gazetteers and lexicons, read back with attache --show and --entities:
# what a user sees. ner_test.c checks the rules on a small gazetteer of its
# own; this checks that the bundled data carries them. Also --gazetteer,
# accent-insensitive full text, and the summary's counts.
. "${top_srcdir:-.}/tests/lib.sh"

DATA="$top_srcdir/data"
IN="$TEST_TMP/in"
IDX="$TEST_TMP/ex.idx"
mkdir "$IN"

# One article a file; the titles are no names, so that only the bodies
# hold marks.
art() { printf 'Articolo di prova %s\n\n%s\n' "$1" "$2" >"$IN/$1.txt"; }
art 01 "I soldati russi, la nave russa, il governo russo e le truppe russe."
art 02 "Il presidente bielorusso, il confine azero, le forze azere, i militari statunitensi."
art 03 "Mosca, Minsk, Ankara, Erevan, Bishkek, Washington e Kiev hanno risposto."
art 04 "Il Cremlino tace. Il Pentagono conferma. La Casa Bianca smentisce. La Farnesina convoca. L'Eliseo attende."
art 05 "La Russia Bianca e la Federazione Russa. Il sostegno dell'Ucraina e l'Armenia. Poi l'Azerbagian."
art 06 "L'ONU e le Nazioni Unite; la Ue, l'UE, l'Unione europea e la EU. La NATO e la Nato."
art 07 "La CSTO, la Csto, l'OTSC e l'Organizzazione del Trattato di sicurezza collettiva."
art 08 "L'Esercito nazionale libico e il ministero della Difesa russo. Lo riferiscono TASS, RIA Novosti, AGI, ANSA e askanews."
art 09 "Bengasi, Tobruk, il Fezzan, Mariupol, Stoccarda, Idlib e il Nagorno-Karabakh."
art 10 "Serghej Shojgu ha parlato. Khalifa Haftar ha risposto; poi Haftar ha firmato."
art 11 "Sergei Shoigu e Serghei Shoigu sono lo stesso; Shoigu torna a Mosca."
art 12 "Parla il generale Marco Brambillone. Risponde il portavoce Giuseppe Ferrandini. Arriva il ministro degli Esteri Anatoli Zuckerberskij. Lo ha detto il presidente del Tagikistan, Rustam Bakirovich."
art 13 "Mosca e Minsk hanno firmato un accordo di cooperazione militare. Mosca non vuole la guerra con Kiev. La Russia accusa Kiev di aggressione."
art 14 "La città vecchia. Il signor Bianchi e la Rossiya."
art 15 "The United States and Russia; Ukraine and Belarus. MOSCA e la RUSSIA."
art 16 "Constant pressure. Guardians of the law. Ethiopic script. Handover of power. Barbarian hordes. Literation."

expect_exit 0 "index the examples with the bundled data" \
	"$ATTACHE_INDEX_BIN" --data-dir "$DATA" -o "$IDX" "$IN"
cp "$TEST_TMP/err" "$TEST_TMP/summary"

# show N: the article of file N.txt, entities marked [surface|kind:CC].
show() {
	id=$("$ATTACHE" --list "$IDX" | awk -F'\t' -v t="Articolo di prova $1" '$5 == t { print $1 }')
	"$ATTACHE" --show "$id" "$IDX"
}
# marks N MARK...: article N shows each MARK.
marks() {
	n=$1; shift
	show "$n" >"$TEST_TMP/show"
	for m in "$@"; do
		grep -qF -- "$m" "$TEST_TMP/show" || { diag "article $n lacks $m" "$(cat "$TEST_TMP/show")"; return 1; }
	done
}
# nomark N TEXT: article N does not show TEXT.
nomark() { show "$1" | grep -qF -- "$2" && { diag "article $1 shows $2"; return 1; }; return 0; }

check "demonyms in every inflection" marks 01 "[russi|country:RU]" "[russa|country:RU]" "[russo|country:RU]" "[russe|country:RU]"
check "bielorusso, azero, azere, statunitensi" marks 02 "[bielorusso|country:BY]" "[azero|country:AZ]" "[azere|country:AZ]" "[statunitensi|country:US]"
check "capitals for their governments" marks 03 "[Mosca|country:RU]" "[Minsk|country:BY]" "[Ankara|country:TR]" \
	"[Erevan|country:AM]" "[Bishkek|country:KG]" "[Washington|country:US]" "[Kiev|country:UA]"
check "institutions for their governments" marks 04 "[Cremlino|country:RU]" "[Pentagono|country:US]" \
	"[Casa Bianca|country:US]" "[Farnesina|country:IT]" "[Eliseo|country:FR]"
check "longest match: Russia Bianca is Belarus" marks 05 "[Russia Bianca|country:BY]" "[Federazione Russa|country:RU]"
check "longest match: Russia Bianca is not Russia" nomark 05 "[Russia|country:RU] Bianca"
check "names after an elision" marks 05 "dell'[Ucraina|country:UA]" "l'[Armenia|country:AM]"
check "a misspelt long name" marks 05 "[Azerbagian|country:AZ]"
check "no misspelling where an ending differs or the word is known (Constant, Handover)" \
	test -z "$(show 16 | grep -F '[')"
check "UN acronyms and name" marks 06 "[ONU|org]" "[Nazioni Unite|org]"
check "EU acronyms and name" marks 06 "[Ue|org]" "[UE|org]" "[Unione europea|org]" "[EU|org]"
check "NATO and Nato" marks 06 "[NATO|org]" "[Nato|org]"
check "CSTO in both languages" marks 07 "[CSTO|org]" "[Csto|org]" "[OTSC|org]" "[Organizzazione del Trattato di sicurezza collettiva|org]"
check "organisations by pattern, with their country" marks 08 "[Esercito nazionale libico|org:LY]" "[ministero della Difesa russo|org:RU]"
check "news agencies" marks 08 "[TASS|org:RU]" "[RIA Novosti|org:RU]" "[AGI|org:IT]" "[ANSA|org:IT]" "[askanews|org:IT]"
check "places with their country" marks 09 "[Bengasi|place:LY]" "[Tobruk|place:LY]" "[Fezzan|place:LY]" "[Mariupol|place:UA]" \
	"[Stoccarda|place:DE]" "[Idlib|place:SY]" "[Nagorno-Karabakh|place:AZ]"
check "persons of the gazetteer in other transliterations" marks 10 "[Serghej Shojgu|person:RU]" "[Khalifa Haftar|person:LY]"
check "a surname after the full name" marks 10 "poi [Haftar|person:LY]"
check "transliterations and the surname alone" marks 11 "[Sergei Shoigu|person:RU]" "[Serghei Shoigu|person:RU]" "[Shoigu|person:RU]"
check "persons from their titles" marks 12 "generale [Marco Brambillone|person]" "portavoce [Giuseppe Ferrandini|person]" \
	"Esteri [Anatoli Zuckerberskij|person]" "[Rustam Bakirovich|person:TJ]"
check "English names; case does not matter" marks 15 "[United States|country:US]" "[Russia|country:RU]" "[Ukraine|country:UA]" \
	"[Belarus|country:BY]" "[MOSCA|country:RU]" "[RUSSIA|country:RU]"

"$ATTACHE" --entities "$IDX" >"$TEST_TMP/ents"
# entity NAME KIND: the lines of --entities for it.
entity() { awk -F'\t' -v n="$1" -v k="$2" '$1 == n && $2 == k' "$TEST_TMP/ents"; }
check "Shoigu in four spellings and two articles is one person" \
	test "$(entity "Sergei Shoigu" person | cut -f4)" = 2
check "Ue, UE, Unione europea and EU are one organisation" test "$(entity "European Union" org | cut -f5)" = 4
check "ONU and Nazioni Unite are one organisation" test "$(entity "United Nations" org | cut -f5)" = 2

# Tone of article 13's pairs: cooperation, negated conflict, conflict.
tone() { "$SQLITE3" "$IDX" "SELECT tone FROM relation r JOIN article a ON a.id = r.article_id WHERE a.path LIKE '%/13.txt' AND r.a = '$1' AND r.b = '$2'"; }
if [ -n "$SQLITE3" ] && [ -x "$SQLITE3" ]; then
	check "cooperation cues give a positive tone" awk -v t="$(tone BY RU)" 'BEGIN { exit !(t > 0) }'
	check "a negated cue is left out, a conflict cue counts" awk -v t="$(tone RU UA)" 'BEGIN { exit !(t < 0 && t > -1) }'
else
	skip "tone: sqlite3 shell not installed"
	skip "tone: sqlite3 shell not installed"
fi

check "full text ignores accents: citta finds città" \
	test "$("$ATTACHE" --list citta "$IDX" | cut -f5)" = "Articolo di prova 14"

# The summary's counts are those of the index.
count() { awk -F'\t' -v k="$1" '$2 == k' "$TEST_TMP/ents" | wc -l | tr -d ' '; }
check "the summary counts the entities by kind" grep -q "entities: $(count country) countries, $(count person) persons, $(count org) organisations, $(count place) places; " "$TEST_TMP/summary"
check "and the mentions" grep -q "places; $(awk -F'\t' '{ m += $5 } END { print m }' "$TEST_TMP/ents") mentions" "$TEST_TMP/summary"
pairs=$("$ATTACHE" --matrix "$IDX" | awk -F, 'NR > 1 { for (i = NR + 1; i <= NF; i++) if ($i > 0) n++ } END { print n + 0 }')
check "and the country pairs" grep -q "country pairs: $pairs " "$TEST_TMP/summary"

# --gazetteer: a new person, and a new spelling of a known country.
printf '# mine\nperson\tIT\tMario Bianchi\tsignor Bianchi\ncountry\tRU\tRussia\tRossiya\n' >"$TEST_TMP/mine.tsv"
expect_exit 0 "index with --gazetteer" "$ATTACHE_INDEX_BIN" -q --data-dir "$DATA" --gazetteer "$TEST_TMP/mine.tsv" -o "$IDX" "$IN"
check "--gazetteer adds a person and a spelling of a known country" marks 14 "[signor Bianchi|person:IT]" "[Rossiya|country:RU]"
check "the new spelling joins the known entity" test "$("$ATTACHE" --entities "$IDX" | awk -F'\t' '$2 == "country" && $3 == "RU"' | wc -l)" -eq 1
done_testing
