#!/bin/sh
# terminals.sh: the browser on the terminals an SSH user meets: TERM=vt100, linux, screen,
# xterm (panes drawn, nothing overflows), NO_COLOR (no colour escapes at all, while the default
# has some), --ascii (no Unicode line art), TERM=dumb (a clear error, exit 1), not a terminal,
# and a config file that rebinds a key and sets a colour.
. tests/lib.sh
. tests/ui/tmux.inc
sample_db || exit 0

for term in vt100 linux screen xterm xterm-256color screen-256color tmux-256color; do
	if ! infocmp "$term" >/dev/null 2>&1; then skip "TERM=$term" "no terminfo entry"; continue; fi
	browse 80 24 TERM=$term
	check_screen "TERM=$term: three panes" wait_main
	check_screen "TERM=$term: fits in 80 columns" test "$(max_width)" -le 80
	keys j Tab j q
	check_screen "TERM=$term: quits with status 0" wait_for "EXIT=0"
done

colour_escapes() { TM capture-pane -p -e -t 0 | grep -c '\[[0-9;]*\(3[0-7]\|4[0-7]\|38;5;[0-9]*\|48;5;[0-9]*\)[;m]'; }
browse 80 24 TERM=xterm-256color
wait_main
check_screen "colours are used by default" test "$(colour_escapes)" -gt 0
keys q
browse 80 24 TERM=xterm-256color NO_COLOR=1
wait_main
check_screen "NO_COLOR: no colour escapes on screen" test "$(colour_escapes)" -eq 0
keys Tab
check_screen "NO_COLOR: the focus still shows (preview heading)" wait_for "Chain "
keys q

start 80 24 "env TERM=xterm-256color '$CHAINSCOPE' --db '$DB' --ascii"
check_screen "--ascii: three panes" wait_main
check_screen "--ascii: no box-drawing characters" test "$(screen | grep -c '[│─↓…]')" -eq 0
keys q

start 80 24 "env TERM=dumb '$CHAINSCOPE' --db '$DB'"
check_screen "TERM=dumb: a clear error" wait_for "TERM=dumb cannot show the browser"
check_screen "TERM=dumb: exit status 1" wait_for "EXIT=1"

out=$("$CHAINSCOPE" --db "$DB" </dev/null 2>&1 >/dev/null); st=$?
check_eq "not a terminal: exit status 1" "$st" 1
check_contains "not a terminal: says why" "$out" "needs a terminal"

mkdir -p "$XDG_CONFIG_HOME/chainscope"
printf '# test config\nbind x quit-now\nunbind Q\ncolor cursor red default bold\n' > "$XDG_CONFIG_HOME/chainscope/config"
browse 80 24 "XDG_CONFIG_HOME='$XDG_CONFIG_HOME'"
wait_main
keys Q
sleep 0.3
check_screen "config: unbind Q leaves the browser up" wait_main
keys x
check_screen "config: bind x quit-now quits" wait_for "EXIT=0"
printf 'bind x no-such-action\n' > "$XDG_CONFIG_HOME/chainscope/config"
browse 80 24 "XDG_CONFIG_HOME='$XDG_CONFIG_HOME'"
check_screen "config: a bad line is reported, not fatal" wait_status "unknown action"
keys q
rm -rf "$XDG_CONFIG_HOME/chainscope"
