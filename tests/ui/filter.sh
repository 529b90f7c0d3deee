#!/bin/sh
# filter.sh: `f` narrows the focused list as you type, in English, Chinese or pinyin; Enter
# keeps the narrowed list with its first entry selected (a second Enter drills into it); Esc
# clears the narrowing.
. tests/lib.sh
. tests/ui/tmux.inc
sample_db || exit 0

# a province the sample names, and its Chinese name, from the cache
pick=$(sqlite3 "$DB" "SELECT r.name_en || '|' || r.name_zh || '|' || replace(r.pinyin, ' ', '') FROM regions r
	JOIN browse_facets f ON f.region_id = r.id AND f.chain_id = '' WHERE r.level = 1 ORDER BY f.n_projects DESC LIMIT 1" 2>/dev/null)
if [ -z "$pick" ]; then
	pick="Jiangsu|江苏省|jiangsu"
fi
en=${pick%%|*}; rest=${pick#*|}; zh=${rest%%|*}; py=${rest#*|}
zh2=$(printf %s "$zh" | cut -c1-6)   # its first two characters (3 bytes each)

browse 100 30
wait_main || { not_ok "main view"; exit 0; }
keys f
check_screen "f opens the filter prompt" wait_status "filter:"
keys "$zh2"
check_screen "typing Chinese ($zh2) narrows the Regions pane" wait_for "f:$zh2"
check_screen "the match ($en) is listed" wait_for "$en"
keys Enter
check_screen "Enter keeps the narrowed list" wait_for "f:$zh2"
keys Enter
check_screen "a second Enter drills into the first entry ($en)" wait_status "$en"
keys BSpace
check_screen "Backspace goes back to the narrowed list" wait_for "f:$zh2"
keys Escape
check_screen "Esc clears the narrowing" wait_gone "f:$zh2"
keys f "$py" Enter
check_screen "pinyin ($py) narrows too" wait_for "$en"
keys Escape f xqzvxqzv
check_screen "no match says so" wait_for "no match"
keys Escape
check_screen "Esc in the prompt clears it" wait_gone "no match"
keys 3 f
keys "$(printf %s "$en" | cut -c1-3)" Enter
check_screen "f works on the Projects pane" wait_for "Projects f:"
keys Q
check_screen "quits" wait_for "EXIT=0"
