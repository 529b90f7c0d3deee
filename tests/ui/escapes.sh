#!/bin/sh
# escapes.sh: a document carrying terminal escape sequences (clear screen, set the window title,
# colours), bidi overrides, a C1 control and invalid UTF-8, indexed from a file and also written
# raw into the cache (as a hostile or older cache would hold it): the browser shows visible
# placeholders, the screen is not cleared, the terminal's title is not changed.
. tests/lib.sh
. tests/ui/tmux.inc
if [ ! -x "$CHAINSCOPE" ]; then skip "all" "no binary"; exit 0; fi
ESC=$(printf '\033'); BEL=$(printf '\007')
mkdir -p "$TMP/esc"
{
	printf 'Escapetest report %s[2J%s]0;pwned%s from Suzhou\n\n' "$ESC" "$ESC" "$BEL"
	printf 'Suzhou, 2023-04-13. A lithium battery plant %s[31mRED%s[0m was signed in Suzhou.\n' "$ESC" "$ESC"
	printf 'Bidi \342\200\256evil\342\200\254 and C1 \302\233 and bad \377 bytes.\n'
} > "$TMP/esc/escapetest.txt"
DB="$TMP/esc.db"
"$CHAINSCOPE" index --quiet --db "$DB" "$TMP/esc" >/dev/null 2>&1 || { not_ok "index the escape document"; exit 0; }
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$DB" "UPDATE documents SET title = 'Escapetest' || char(27) || '[2J' || char(27) || ']0;pwned' || char(7) || ' raw',
		text = text || char(10) || 'raw' || char(27) || '[31mRED' || char(27) || '[0m ' || char(8238) || 'evil' || char(8236)
		|| ' c1' || char(155) || '31m end'" || not_ok "write raw escapes into the cache"
	raw=1
else
	skip "raw escapes in the cache" "no sqlite3 command"
	raw=0
fi

start 100 30 "env TERM=xterm-256color '$CHAINSCOPE' --db '$DB'"
wait_main || { not_ok "main view"; exit 0; }
TM select-pane -t 0 -T cleantitle
keys / Escapetest Enter
check_screen "the document is found" wait_for "Documents (1)"
if [ "$raw" = 1 ]; then
	check_screen "ESC in the title shows as a placeholder" wait_for "Escapetest␛[2J␛]0;pwned␇"
fi
check_screen "the screen was not cleared by ESC[2J" wait_for "Documents (1)"
keys Enter
check_screen "the reader opens" wait_for "Suzhou"
if [ "$raw" = 1 ]; then
	check_screen "colour escapes in the text show as placeholders" wait_for "raw␛[31mRED␛[0m"
	check_screen "bidi overrides show as placeholders" wait_for "<U+202E>evil<U+202C>"
	check_screen "C1 controls show as placeholders" wait_for "c1<U+009B>31m end"
fi
check_eq "the terminal title was not changed" "$(TM display -p -t 0 '#{pane_title}')" "cleantitle"
check_screen "nothing wider than the terminal" test "$(max_width)" -le 100
keys q q q
check_screen "quits" wait_for "EXIT=0"
