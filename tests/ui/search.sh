#!/bin/sh
# search.sh: `/` full-text search: a query with hits lists documents (date, title, snippet),
# Enter opens the reader at the first match, n/N move between matches, Backspace returns to the
# results; a bad query (a stray quote, a bare NOT) shows its error in the status bar and the
# panes stay on screen; a query with no hits says so; facets narrow.
. tests/lib.sh
. tests/ui/tmux.inc
sample_db || exit 0

# a word the sample contains, chosen by the command-line search (the same language)
word=
for w in investment project billion battery 项目 投资; do
	if "$CHAINSCOPE" search --db "$DB" --limit 1 "$w" >/dev/null 2>&1; then word=$w; break; fi
done
if [ -z "$word" ]; then skip "search with a hit" "no common word found in the sample"; exit 0; fi

browse 100 30
wait_main || { not_ok "main view"; exit 0; }
keys / "$word" Enter
check_screen "/$word lists matching documents" wait_for "Documents ("
check_screen "the status bar counts the matches" wait_status "match"
case $(status_line) in *" 0 matches"*) not_ok "the search has hits";; *) ok "the search has hits";; esac
keys Enter
check_screen "Enter opens the reader at the first match" wait_status "matches  n/N"
# the match is highlighted: an attribute change right before the word (or its stem)
stem=$(printf %s "$word" | cut -c1-5)
if TM capture-pane -p -e -t 0 | grep -qi "\[[0-9;]*m$stem"; then ok "the match is highlighted in the reader"
else not_ok "the match is highlighted in the reader"; fi
keys n
sleep 0.2
keys N
check_screen "n/N keep the reader up" wait_status "n/N"
keys BSpace
check_screen "Backspace returns to the results" wait_for "Documents ("
keys q
check_screen "q returns to the panes" wait_main

keys / '"unterminated' Enter
check_screen "a stray quote is reported in the status bar" wait_status "quote"
check_screen "the panes stay on screen after a bad query" wait_main
keys / 'NOT' Enter
check_screen "a bare NOT is reported" wait_status "NOT"
keys / 'zzqqxxnothinglikethis' Enter
check_screen "a query without hits shows 0 matches" wait_status "0 matches"
keys q
keys / "$word year:1901" Enter
check_screen "a facet narrows the results (year:1901 has none)" wait_status "0 matches"
keys q
keys / Escape
check_screen "Esc cancels the prompt" wait_main
keys q
check_screen "quits cleanly" wait_for "EXIT=0"
