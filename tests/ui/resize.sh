#!/bin/sh
# resize.sh: SIGWINCH relayout: 80x24 -> 60x20 -> 200x60 -> too small -> 80x24; every size
# keeps the three panes inside the terminal, and the layout comes back after "too small".
. tests/lib.sh
. tests/ui/tmux.inc
sample_db || exit 0

browse 80 24
wait_main || { not_ok "main view"; exit 0; }
keys j
TM resize-window -t 0 -x 60 -y 20
check_screen "60x20: three panes" wait_main
sleep 0.2
check_screen "60x20: nothing wider than 60 columns" test "$(max_width)" -le 60
check_screen "60x20: the status bar is on the last line" wait_status "project"
TM resize-window -t 0 -x 200 -y 60
check_screen "200x60: three panes" wait_main
check_screen "200x60: wide project columns" wait_for "Projects ("
check_screen "200x60: nothing wider than 200 columns" test "$(max_width)" -le 200
check_screen "200x60: the status bar is on the last line" wait_status "project"
TM resize-window -t 0 -x 30 -y 8
check_screen "30x8: terminal too small" wait_for "too small"
TM resize-window -t 0 -x 80 -y 24
check_screen "80x24 again: the layout comes back" wait_main
check_screen "80x24 again: no 'too small' left over" wait_gone "too small"
keys q
check_screen "quits" wait_for "EXIT=0"
