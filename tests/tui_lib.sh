# tui_lib.sh: helpers for the screen tests of attache (sourced after
# tests/lib.sh): a small index written by hand, as a third-party program
# would, and the scripted-input runner.

# tui_have_sqlite: 0 when the sqlite3 shell is there.
tui_have_sqlite() {
	[ -n "$SQLITE3" ] && [ -x "$SQLITE3" ] || SQLITE3=$(command -v sqlite3) || return 1
}

# tui_fixture PATH: writes an index of 5 articles about 6 countries (and
# FILLERS older articles without entities, default 250) to PATH.
tui_fixture() {
	_idx=$1; _fillers=${2:-250}
	rm -f "$_idx"
	"$top_builddir/tests/print_schema" >"$TEST_TMP/schema.sql" || return 1
	cat >"$TEST_TMP/fixture.sql" <<SQL
PRAGMA application_id = 1096041288;
PRAGMA user_version = 1;
PRAGMA journal_mode = DELETE;
BEGIN;
INSERT INTO meta VALUES ('generator', 'attache tests');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $_fillers)
INSERT INTO article (id, path, title, date, source, lang, body, countries)
  SELECT i, 'filler/' || i || '.txt', 'Filler report number ' || i,
         printf('2019-%02d-%02d', 1 + i % 12, 1 + i % 28), 'wire', 'en',
         'Nothing to see in report ' || i || '.', '' FROM n;
INSERT INTO article (id, path, title, date, source, lang, body, countries) VALUES
 (1001, 'a/1.txt', 'Mosca e Minsk firmano un accordo', '2021-05-01', 'askanews', 'it',
  'Russia e Bielorussia firmano un accordo di difesa. La cerimonia a Minsk con Vladimir Putin.', 'BY RU'),
 (1002, 'a/2.txt', 'Kiev sotto attacco', '2022-03-10', 'ANSA', 'it',
  'La Russia attacca l''Ucraina. Mosca accusa Kiev.' || char(10) || char(10) || 'Le Nazioni Unite chiedono una tregua.', 'RU UA'),
 (1003, 'a/3.txt', 'Grano: Turchia e Russia trattano', '2022-12-20', 'askanews', 'it',
  'Turchia e Russia discutono di grano. Accordo tra Turchia e Russia sul corridoio.', 'RU TR'),
 (1004, 'a/4.txt', 'Summit in Minsk', '2023-06-01', 'Reuters', 'en',
  'Putin meets Lukashenko in Minsk. Russia and Belarus are allies.', 'BY RU'),
 (1005, 'a/5.txt', 'Clashes in Nagorno-Karabakh', '2023-09-20', 'Reuters', 'en',
  'Armenia and Azerbaijan exchange fire. Azerbaijan accuses Armenia of provocation. Turkey backs Azerbaijan.', 'AM AZ TR');
INSERT INTO entity (id, kind, name, country) VALUES
 (1, 'country', 'Russia', 'RU'), (2, 'country', 'Belarus', 'BY'), (3, 'country', 'Ukraine', 'UA'),
 (4, 'country', 'Turkey', 'TR'), (5, 'country', 'Armenia', 'AM'), (6, 'country', 'Azerbaijan', 'AZ'),
 (7, 'person', 'Vladimir Putin', 'RU'), (8, 'person', 'Aleksandr Lukashenko', 'BY'),
 (9, 'org', 'United Nations', NULL), (10, 'place', 'Minsk', 'BY');
INSERT INTO alias VALUES ('russia', 1, 'Russia'), ('mosca', 1, 'Mosca'), ('bielorussia', 2, 'Bielorussia'),
 ('belarus', 2, 'Belarus'), ('minsk', 2, 'Minsk'), ('ucraina', 3, 'Ucraina'), ('kiev', 3, 'Kiev'),
 ('turchia', 4, 'Turchia'), ('turkey', 4, 'Turkey'), ('armenia', 5, 'Armenia'),
 ('azerbaijan', 6, 'Azerbaijan'), ('putin', 7, 'Putin'), ('vladimir putin', 7, 'Vladimir Putin'),
 ('lukashenko', 8, 'Lukashenko'), ('nazioni unite', 9, 'Nazioni Unite'), ('minsk', 10, 'Minsk');
CREATE TEMP TABLE m(article, entity, field, surface, nth DEFAULT 1);
INSERT INTO m (article, entity, field, surface) VALUES
 (1001, 1, 'title', 'Mosca'), (1001, 2, 'title', 'Minsk'), (1001, 1, 'body', 'Russia'),
 (1001, 2, 'body', 'Bielorussia'), (1001, 10, 'body', 'Minsk'), (1001, 7, 'body', 'Vladimir Putin'),
 (1002, 3, 'title', 'Kiev'), (1002, 1, 'body', 'Russia'), (1002, 3, 'body', 'Ucraina'),
 (1002, 1, 'body', 'Mosca'), (1002, 3, 'body', 'Kiev'), (1002, 9, 'body', 'Nazioni Unite'),
 (1003, 4, 'title', 'Turchia'), (1003, 1, 'title', 'Russia'), (1003, 4, 'body', 'Turchia'),
 (1003, 1, 'body', 'Russia'), (1004, 10, 'title', 'Minsk'), (1004, 7, 'body', 'Putin'),
 (1004, 8, 'body', 'Lukashenko'), (1004, 10, 'body', 'Minsk'), (1004, 1, 'body', 'Russia'),
 (1004, 2, 'body', 'Belarus'), (1005, 5, 'body', 'Armenia'), (1005, 6, 'body', 'Azerbaijan'),
 (1005, 4, 'body', 'Turkey');
INSERT INTO mention SELECT m.article, m.entity, m.field,
  instr(CAST(CASE m.field WHEN 'title' THEN a.title ELSE a.body END AS BLOB), CAST(m.surface AS BLOB)) - 1,
  length(CAST(m.surface AS BLOB)) FROM m JOIN article a ON a.id = m.article;
CREATE TEMP TABLE s(article, n, text, tone, a, b);
INSERT INTO s VALUES
 (1001, 0, 'Russia e Bielorussia firmano un accordo di difesa.', 0.8, 'BY', 'RU'),
 (1001, 1, 'La cerimonia a Minsk con Vladimir Putin.', 0.0, NULL, NULL),
 (1002, 0, 'La Russia attacca l''Ucraina.', -0.9, 'RU', 'UA'),
 (1002, 1, 'Mosca accusa Kiev.', -0.5, 'RU', 'UA'),
 (1002, 2, 'Le Nazioni Unite chiedono una tregua.', 0.1, NULL, NULL),
 (1003, 0, 'Turchia e Russia discutono di grano.', 0.2, 'RU', 'TR'),
 (1003, 1, 'Accordo tra Turchia e Russia sul corridoio.', 0.7, 'RU', 'TR'),
 (1004, 0, 'Putin meets Lukashenko in Minsk.', 0.0, NULL, NULL),
 (1004, 1, 'Russia and Belarus are allies.', 0.6, 'BY', 'RU'),
 (1005, 0, 'Armenia and Azerbaijan exchange fire.', -0.8, 'AM', 'AZ'),
 (1005, 1, 'Azerbaijan accuses Armenia of provocation.', -0.6, 'AM', 'AZ'),
 (1005, 2, 'Turkey backs Azerbaijan.', 0.5, 'AZ', 'TR');
INSERT INTO sentence SELECT s.article, s.n, 'body', instr(CAST(a.body AS BLOB), CAST(s.text AS BLOB)) - 1,
  length(CAST(s.text AS BLOB)), s.tone FROM s JOIN article a ON a.id = s.article;
INSERT INTO evidence SELECT a, b, article, n FROM s WHERE a IS NOT NULL;
INSERT INTO relation SELECT ev.article_id, ev.a, ev.b, count(*), avg(se.tone)
  FROM evidence ev JOIN sentence se ON se.article_id = ev.article_id AND se.n = ev.n
  GROUP BY ev.article_id, ev.a, ev.b;
INSERT INTO pair SELECT a, b, count(*), sum(sentences), sum(tone * sentences) / sum(sentences)
  FROM relation GROUP BY a, b;
INSERT INTO article_entity SELECT entity_id, article_id, count(*) FROM mention GROUP BY entity_id, article_id;
UPDATE entity SET articles = (SELECT count(*) FROM article_entity WHERE entity_id = entity.id),
  mentions = (SELECT count(*) FROM mention WHERE entity_id = entity.id);
UPDATE article SET original = 'Advertisement' || char(10) || 'Summit in Minsk' || char(10) ||
  'Putin meets Lukashenko in Minsk. Russia and Belarus are allies.' || char(10) ||
  'Leave a comment' WHERE id = 1004;
INSERT INTO article_fts(article_fts) VALUES ('rebuild');
COMMIT;
SQL
	"$SQLITE3" "$_idx" ".read $TEST_TMP/schema.sql" ".read $TEST_TMP/fixture.sql" >/dev/null
}

# tui_script NAME INDEX: runs attache --script $TEST_TMP/NAME.keys on INDEX
# (the keys come on stdin); the exit code is in $tui_rc.
tui_script() {
	cat >"$TEST_TMP/$1.keys"
	"$ATTACHE" --script "$TEST_TMP/$1.keys" "$2" >"$TEST_TMP/$1.out" 2>"$TEST_TMP/$1.err"
	tui_rc=$?
}

# tui_widest FILE: the width in display columns of the widest line of
# FILE (wide characters count two).
tui_widest() {
	LC_ALL=C.UTF-8 wc -L <"$1" | tr -d ' '
}

# Driving the real binary in tmux: a private server, a fixed size.
# tmx ARGS...: tmux on the private socket.
tmx() { "$TMUX_BIN" -L "attache-test-$$" -f /dev/null "$@"; }

# tmux_setup: skips everything when tmux is missing; kills the private
# server at exit.
tmux_setup() {
	[ -n "$TMUX_BIN" ] && [ -x "$TMUX_BIN" ] || TMUX_BIN=$(command -v tmux) || skip_all "tmux not installed"
	trap 'tmx kill-server 2>/dev/null; reap_strays; rm -rf "$TEST_TMP" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME"' EXIT
}

# tmux_start INDEX [ARGS]: starts attache in a 120x40 pane ($TUI_ENV, if
# set, is put before the command as environment assignments); the shell
# around it records the terminal settings before and after, and the exit
# status, in $TEST_TMP.
tmux_start() {
	_i=$1; shift
	rm -f "$TEST_TMP/status" "$TEST_TMP/stty.before" "$TEST_TMP/stty.after"
	tmx_new 120 40 \
		"stty -a >'$TEST_TMP/stty.before'; $TUI_ENV TERM=screen-256color '$ATTACHE' $* '$_i'; echo \$? >'$TEST_TMP/status.tmp'; stty -a >'$TEST_TMP/stty.after'; mv '$TEST_TMP/status.tmp' '$TEST_TMP/status'; sleep 300"
	tmx set-option -g remain-on-exit on >/dev/null 2>&1
}

# tmx_new COLS ROWS COMMAND: a fresh private server with one COLSxROWS
# pane running COMMAND. The old server is killed and waited for; a
# new-session that meets it while it dies fails, so it is tried again.
tmx_new() {
	tmx kill-server 2>/dev/null
	_n=0
	while tmx has-session 2>/dev/null && [ $_n -lt 50 ]; do sleep 0.1; _n=$((_n + 1)); done
	_n=0
	while [ $_n -lt 10 ]; do
		tmx new-session -d -x "$1" -y "$2" "$3" 2>/dev/null && tmx has-session 2>/dev/null && return 0
		sleep 0.2; _n=$((_n + 1))
	done
	diag "tmux would not start a session"
	return 1
}

# screen [-e]: the pane as text (-e: with attributes as escape sequences).
screen() { tmx capture-pane -p "$@" -t 0; }

# wait_for PATTERN: polls the screen until a line matches PATTERN (grep
# -E), at most 100 times 0.1 s; returns 1 when it never shows.
wait_for() {
	_n=0
	while [ $_n -lt 100 ]; do
		screen | grep -qE -- "$1" && return 0
		sleep 0.1; _n=$((_n + 1))
	done
	diag "never showed: $1"; screen | sed -n '1,3p;$p' | while IFS= read -r l; do diag "  $l"; done
	return 1
}

# keys KEY...: sends keys (tmux names) to the pane.
keys() { tmx send-keys -t 0 "$@"; }

# wait_exit: waits (bounded: 30 s, for loaded and sanitizer builds) until
# attache has exited; its status is then in $TEST_TMP/status.
wait_exit() {
	_n=0
	while [ $_n -lt 300 ] && [ ! -f "$TEST_TMP/status" ]; do sleep 0.1; _n=$((_n + 1)); done
	[ -f "$TEST_TMP/status" ]
}

# attache_pid: the pid of attache running in the pane (polled, bounded).
attache_pid() {
	_pp=$(tmx list-panes -F '#{pane_pid}' -t 0 2>/dev/null)
	_n=0
	while [ $_n -lt 30 ]; do
		_ap=$(ps -eo pid=,ppid=,comm= 2>/dev/null | awk -v p="$_pp" '$2 == p && $3 == "attache" { print $1; exit }')
		[ -n "$_ap" ] && { echo "$_ap"; return 0; }
		sleep 0.1; _n=$((_n + 1))
	done
	return 1
}
