#!/bin/sh
# floor-index.sh N: the indexing floor. The same JSON Lines text goes into a
# bare FTS5 table with attache's tokenizer (unicode61 remove_diacritics 2),
# in one transaction, three ways:
#   C loader  bench/floorload: one prepared INSERT ... SELECT json_extract()
#             per line into a table, then one FTS5 'rebuild' of an
#             external-content FTS5 table over it: the shape of an attache
#             index, nothing but SQLite's work. This is THE floor.
#   rowwise   bench/floorload --rowwise: each line straight into a
#             self-contained FTS5 table (one INSERT per article), to show
#             what that pattern costs an indexer.
#   shell     the sqlite3 shell: .import of the lines into a staging table,
#             then INSERT ... SELECT json_extract(...) FROM staging into a
#             self-contained FTS5 table.
# Prints MB/s and articles/s for each; the C loader is the floor the other
# benchmarks compare with (FLOOR_* variables when sourced by index.sh).
# BENCH_FLOORS=c runs the C loader only (the row-wise and shell floors take
# 3 and 2 times as long: at 1M articles, most of an hour on a loaded machine).
. "$(dirname "$0")/lib.sh"

n=${1:-10000}
need_built "$FLOORLOAD"
[ -x "$SQLITE3" ] || die "no sqlite3 shell"
src=$(corpus "$n")
bytes=$(wc -c <"$src")
db="$BENCH_TMP/floor-$n.db"

# The C loader.
rm -f "$db"
measure "$FLOORLOAD" "$db" "$src"
[ "$RC" -eq 0 ] || die "floorload failed: $(cat "$BENCH_TMP/last.err")"
FLOOR_WALL=$WALL FLOOR_RSS=$RSS_MB FLOOR_CPU=$CPU
FLOOR_AS=$(rate "$n" "$WALL") FLOOR_MBS=$(rate1 "$(mb "$bytes")" "$WALL")
FLOOR_DB=$(wc -c <"$db")
[ -n "$FLOOR_KEEP" ] && cp "$db" "$FLOOR_KEEP"

ROW_WALL=- ROW_RSS=- ROW_CPU=- ROW_AS=- ROW_MBS=-
SHELL_WALL=- SHELL_RSS=- SHELL_CPU=- SHELL_AS=- SHELL_MBS=- SHELL_INSERT=
rm -f "$db"
if [ "${BENCH_FLOORS:-all}" = all ]; then
# Row by row into FTS5.
measure "$FLOORLOAD" --rowwise "$db" "$src"
[ "$RC" -eq 0 ] || die "floorload --rowwise failed: $(cat "$BENCH_TMP/last.err")"
ROW_WALL=$WALL ROW_RSS=$RSS_MB ROW_CPU=$CPU
ROW_AS=$(rate "$n" "$WALL") ROW_MBS=$(rate1 "$(mb "$bytes")" "$WALL")

# The sqlite3 shell.
rm -f "$db"
cat >"$BENCH_TMP/floor-shell.sql" <<SQL
PRAGMA journal_mode=OFF;
PRAGMA synchronous=OFF;
CREATE TABLE staging(line TEXT);
CREATE VIRTUAL TABLE floor USING fts5(title, body, tokenize='unicode61 remove_diacritics 2');
.mode ascii
.separator "\037" "\n"
BEGIN;
.import $src staging
.timer on
INSERT INTO floor(title, body) SELECT json_extract(line, '\$.title'), json_extract(line, '\$.text') FROM staging;
.timer off
COMMIT;
SQL
measure "$SQLITE3" "$db" ".read $BENCH_TMP/floor-shell.sql"
[ "$RC" -eq 0 ] || die "sqlite3 shell failed: $(cat "$BENCH_TMP/last.err")"
SHELL_WALL=$WALL SHELL_RSS=$RSS_MB SHELL_CPU=$CPU
SHELL_INSERT=$(sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p' "$BENCH_TMP/last.out" | tail -1)
SHELL_AS=$(rate "$n" "$WALL") SHELL_MBS=$(rate1 "$(mb "$bytes")" "$WALL")
rm -f "$db"
fi

if [ -z "$FLOOR_QUIET" ]; then
	echo "== indexing floor, $n articles, $(mb "$bytes") MB of JSON Lines ($src)"
	printf '%-34s %9s %9s %11s %9s\n' "" "seconds" "MB/s" "articles/s" "peak MB"
	printf '%-34s %9s %9s %11s %9s\n' "C loader (the floor)" "$FLOOR_WALL" \
		"$FLOOR_MBS" "$FLOOR_AS" "$FLOOR_RSS"
	printf '%-34s %9s %9s %11s %9s\n' "C loader, row-wise FTS5 inserts" "$ROW_WALL" \
		"$ROW_MBS" "$ROW_AS" "$ROW_RSS"
	printf '%-34s %9s %9s %11s %9s\n' "sqlite3 shell (.import + INSERT)" "$SHELL_WALL" \
		"$SHELL_MBS" "$SHELL_AS" "$SHELL_RSS"
	echo "  of which INSERT ... SELECT json_extract: ${SHELL_INSERT:-?} s; FTS5 file: $(mb "$FLOOR_DB") MB"
fi
