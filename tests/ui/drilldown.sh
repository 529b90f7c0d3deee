#!/bin/sh
# drilldown.sh: faceted drill-down: Enter on a region filters the chains and projects (the
# breadcrumb shows it), Enter on a chain adds it, Enter on a project opens its detail, Enter on
# a source opens the reader; Backspace walks back with each step as it was.
. tests/lib.sh
. tests/ui/tmux.inc
sample_db || exit 0

browse 100 30
wait_main || { not_ok "main view"; exit 0; }
# the first region's first word, as shown in the Regions pane (line 2, before the first rule)
region=$(screen | sed -n 2p | sed 's/│.*//; s/|.*//; s/^[^A-Za-z]*//' | awk '{print $1}')
before=$(screen | sed -n 1p)
keys Enter
check_screen "Enter on a region puts it in the breadcrumb ($region)" wait_status "$region"
case $(status_line) in All*) not_ok "the breadcrumb no longer says All";; *) ok "the breadcrumb no longer says All";; esac
after=$(screen | sed -n 1p)
check "the project count follows the region filter" test "$before" != "$after"
keys Tab
wait_for "Chain " 20
chain=$(screen | sed -n 2p | awk -F'│' '{print $2}' | sed 's/^[^A-Za-z]*//' | awk '{print $1}')
keys Enter
check_screen "Enter on a chain adds it to the breadcrumb ($chain)" wait_status "› $chain"
keys 3 Enter
check_screen "Enter on a project opens its detail" wait_status "Project:"
check_screen "the detail lists its sources" wait_for "Sources ("
keys Enter
check_screen "Enter on a source opens the reader" wait_for ".txt"
reader=$(screen)
keys j j j G g
check_screen "the reader scrolls with the usual keys" wait_status "%"
keys BSpace
check_screen "Backspace returns to the project detail" wait_status "Project:"
keys BSpace
check_screen "Backspace returns to the panes, filters intact" wait_status "› $chain"
check_screen "the Projects pane keeps its focus" wait_for "Project "
keys BSpace
check_screen "Backspace takes the chain off" wait_gone "› $chain" 
check_screen "the region filter stays" wait_status "$region"
keys Escape
check_screen "Esc takes the region off" wait_status "All"
check_screen "the first screen is back as it was" test "$(screen | sed -n 1p)" = "$before"
keys Q
check_screen "Q quits at once" wait_for "EXIT=0"
