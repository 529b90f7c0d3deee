#!/bin/sh
# panes.sh: the main view at 80x24: three titled panes, Regions focused at start, Tab/Shift-Tab
# and 1 2 3 move the focus (the preview names the focused pane), the status bar shows the
# breadcrumb and totals, `?` lists the keys, `s` cycles the sort, and `q` quits with status 0.
. tests/lib.sh
. tests/ui/tmux.inc
sample_db || exit 0

browse 80 24
check_screen "three panes titled Regions, Chains, Projects" wait_main
check_screen "the Regions pane has the focus at start" wait_for "Region "
check_screen "status bar shows the breadcrumb and the project count" wait_status "All"
case $(status_line) in *project*) ok "status bar shows the project count";; *) not_ok "status bar shows the project count"; status_line | sed 's/^/#   /';; esac
check_screen "nothing wider than the terminal" test "$(max_width)" -le 80
keys Tab
check_screen "Tab focuses Chains" wait_for "Chain "
keys BTab
check_screen "Shift-Tab focuses Regions again" wait_for "Region "
keys 3
check_screen "3 focuses Projects" wait_for "Project "
keys s
check_screen "s cycles the sort of the focused pane (amount -> date)" wait_for "date"
keys s
check_screen "s cycles again (date -> name)" wait_for "name"
keys '?'
check_screen "? shows the keys" wait_for "Focus the next pane"
check_screen "help lists the search key" wait_for "Search the documents"
keys q
check_screen "q closes help" wait_main
keys q
check_screen "q at the top quits with status 0" wait_for "EXIT=0"
