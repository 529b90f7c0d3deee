#!/bin/sh
# suspend.sh: the terminal is left as it was found: Ctrl-Z suspends (the shell is back) and fg
# restores the screen; q restores the tty modes, the cursor and the normal screen; so do
# SIGTERM and SIGHUP, and the crash handler on SIGSEGV.
. tests/lib.sh
. tests/ui/tmux.inc
sample_db || exit 0
if ! command -v bash >/dev/null 2>&1; then skip "all" "bash is needed for job control"; exit 0; fi

new_server
TM new-session -d -x 80 -y 24 "env PS1='prompt\$ ' TERM=xterm-256color bash --norc --noprofile -i"
wait_for 'prompt$' || { not_ok "interactive shell"; exit 0; }
# wait_exit: until the browser (its pid in $TMP/pid) has exited; the old prompt is on screen as
# soon as the normal screen is back, which is before the process has finished restoring the tty
wait_exit() {
	_i=0
	while [ -f "$TMP/pid" ] && kill -0 "$(cat "$TMP/pid")" 2>/dev/null && [ "$_i" -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
}
keys "stty -g > '$TMP/tty.before'; sh -c 'echo \$\$ > \"$TMP/pid\"; exec \"$CHAINSCOPE\" --db \"$DB\"'" Enter
check_screen "the browser starts from the shell" wait_main
keys C-z
check_screen "Ctrl-Z suspends: the shell says Stopped" wait_for "Stopped"
check_screen "Ctrl-Z leaves the normal screen" wait_gone "Projects ("
keys "fg" Enter
check_screen "fg brings the browser back" wait_main
keys j Tab
check_screen "keys work after fg" wait_for "Chain "
keys q
wait_exit
check_screen "q returns to the shell" wait_for 'prompt$'
# the marker is computed, so the echo of the typed line cannot be taken for the output
keys "clear; stty -g > '$TMP/tty.after'; echo saved\$((40 + 2))" Enter
wait_for "saved42"
check "q: the tty modes are as they were" cmp -s "$TMP/tty.before" "$TMP/tty.after"
check_eq "q: the normal screen is back" "$(TM display -p -t 0 '#{alternate_on}')" 0
check_eq "q: the cursor is visible" "$(TM display -p -t 0 '#{cursor_flag}')" 1

for sig in TERM HUP SEGV; do
	rm -f "$TMP/pid" "$TMP/tty.after"
	keys "clear; sh -c 'echo \$\$ > \"$TMP/pid\"; exec \"$CHAINSCOPE\" --db \"$DB\"'" Enter
	wait_main
	kill -"$sig" "$(cat "$TMP/pid")"
	wait_exit
	check_screen "SIG$sig: the shell is back" wait_for 'prompt$'
	keys "stty -g > '$TMP/tty.after'; echo saved$sig\$((40 + 2))" Enter
	wait_for "saved${sig}42"
	check "SIG$sig: the tty modes are restored" cmp -s "$TMP/tty.before" "$TMP/tty.after"
	check_eq "SIG$sig: the normal screen is back" "$(TM display -p -t 0 '#{alternate_on}')" 0
	check_eq "SIG$sig: the cursor is visible" "$(TM display -p -t 0 '#{cursor_flag}')" 1
done
check_screen "the crash handler says so" wait_for "terminal restored"
