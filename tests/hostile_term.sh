#!/bin/sh
# Terminal faults around the browser, beyond tests/tui_tmux.sh (which covers
# SIGTERM, SIGHUP and TERM=dumb): TERM unset, empty or unknown, standard
# input or output not a terminal, SIGINT, SIGSEGV. Each refusal is one line on
# stderr with nothing on stdout; SIGINT leaves the terminal as it found it.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/hostile_lib.sh"
. "$top_srcdir/tests/tui_lib.sh"
[ -n "$SQLITE3" ] || skip_all "sqlite3 shell not installed"

idx=$TEST_TMP/t.idx
new_index "$idx"
"$SQLITE3" "$idx" "INSERT INTO article(id, title, date, body) VALUES (1, 'Mosca e Minsk', '2022-12-20', 'Russia e Bielorussia.');
	INSERT INTO article_fts(article_fts) VALUES ('rebuild');"

# Not a terminal: refused before anything is drawn.
"$ATTACHE" "$idx" </dev/null >"$TEST_TMP/out" 2>"$TEST_TMP/err"
rc=$?
check "stdin not a terminal: exit 64 (got $rc)" test "$rc" -eq 64
check "stdin not a terminal: nothing on stdout" test ! -s "$TEST_TMP/out"
check "stdin not a terminal: one line on stderr" one_line "$TEST_TMP/err"

if [ -z "${TMUX_BIN:-}" ] || [ ! -x "$TMUX_BIN" ]; then
	skip "tmux not installed: the cases that need a terminal"
	done_testing
fi
# T: tmux on the private server of tests/tui_lib.sh.
T() { tmx "$@"; }
trap 'T kill-server >/dev/null 2>&1; reap_strays; rm -rf "$TEST_TMP" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME"' EXIT
tmx_new 80 24 "sleep 600" || { not_ok "tmux starts a session"; done_testing; }
T set -g remain-on-exit on

# run_in_pane SHELL-COMMAND: runs it in the pane; waits (at most ~10 s) for
# $TEST_TMP/rc, which the command writes last.
run_in_pane() {
	rm -f "$TEST_TMP/rc"
	T respawn-pane -k -t 0 "$1"
	_i=0
	while [ ! -s "$TEST_TMP/rc" ] && [ $_i -lt 100 ]; do sleep 0.1; _i=$((_i + 1)); done
	[ -s "$TEST_TMP/rc" ]
}

# stdout not a terminal, stdin one.
run_in_pane "'$ATTACHE' '$idx' >'$TEST_TMP/out' 2>'$TEST_TMP/err'; echo \$? >'$TEST_TMP/rc'; sleep 600"
check "stdout not a terminal: exit 64" test "$(cat "$TEST_TMP/rc" 2>/dev/null)" = 64
check "stdout not a terminal: nothing on stdout" test ! -s "$TEST_TMP/out"
check "stdout not a terminal: one line on stderr" one_line "$TEST_TMP/err"

# TERM unset, empty, unknown: 78 with one line, and nothing drawn.
for t in unset empty unknown; do
	case $t in
	unset) envs="env -u TERM" ;;
	empty) envs="env TERM=" ;;
	unknown) envs="env TERM=no-such-terminal-xyz" ;;
	esac
	T clear-history -t 0
	if run_in_pane "clear; $envs '$ATTACHE' '$idx' 2>'$TEST_TMP/err'; echo \$? >'$TEST_TMP/rc'; sleep 600"; then
		rc=$(cat "$TEST_TMP/rc")
		case $rc in 64|78) ok "TERM $t: refused with exit $rc" ;; *) not_ok "TERM $t: exit $rc, wanted 64 or 78" ;; esac
		check "TERM $t: one line on stderr" one_line "$TEST_TMP/err"
		check_safe "TERM $t: the message is terminal-safe" "$TEST_TMP/err"
		T capture-pane -p -t 0 >"$TEST_TMP/screen"
		check "TERM $t: nothing written to the terminal" test -z "$(tr -d ' \n' <"$TEST_TMP/screen")"
		check "TERM $t: no alternate screen left on" test "$(T display -p -t 0 '#{alternate_on}')" = 0
	else
		not_ok "TERM $t: attache did not exit"
	fi
done

# signal_case SIG WANT: SIG while browsing: exit status WANT (any
# non-zero when WANT is -), the terminal settings and the normal screen
# restored. SIGSEGV stands for a crash: the handler restores the terminal,
# then dies of the signal.
signal_case() {
	rm -f "$TEST_TMP/rc" "$TEST_TMP/stty.after"
	T respawn-pane -k -t 0 "stty -a >'$TEST_TMP/stty.before'; TERM=screen '$ATTACHE' '$idx'; echo \$? >'$TEST_TMP/rc.tmp'; stty -a >'$TEST_TMP/stty.after'; mv '$TEST_TMP/rc.tmp' '$TEST_TMP/rc'; sleep 600"
	i=0
	started=no
	while [ $i -lt 100 ]; do
		T capture-pane -p -t 0 | grep -q "Mosca e Minsk" && { started=yes; break; }
		sleep 0.1; i=$((i + 1))
	done
	check "SIG$1: the browser starts" test "$started" = yes
	shell=$(T display -p -t 0 '#{pane_pid}')
	apid=
	i=0
	while [ -z "$apid" ] && [ $i -lt 50 ]; do
		apid=$(ps -o pid= --ppid "$shell" 2>/dev/null | head -n1 | tr -d ' ')
		[ -n "$apid" ] || sleep 0.1
		i=$((i + 1))
	done
	if [ -z "$apid" ]; then
		not_ok "SIG$1: cannot find attache's process in the pane"
		return
	fi
	kill -"$1" "$apid"
	i=0
	while [ ! -s "$TEST_TMP/rc" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	rc=$(cat "$TEST_TMP/rc" 2>/dev/null)
	if [ "$2" = - ]; then
		check "SIG$1: attache exits with an error (got $rc)" test -n "$rc" -a "${rc:-0}" != 0
	else
		check "SIG$1: attache exits $2 (got $rc)" test "$rc" = "$2"
	fi
	check "SIG$1: the process is gone" sh -c "! kill -0 $apid 2>/dev/null"
	check "SIG$1: stty -a is unchanged" cmp -s "$TEST_TMP/stty.before" "$TEST_TMP/stty.after"
	check "SIG$1: the alternate screen is left" test "$(T display -p -t 0 '#{alternate_on}')" = 0
}
signal_case INT 130
# 139 is death by SIGSEGV; a sanitizer's own handler may report it
# otherwise.
signal_case SEGV -
done_testing
