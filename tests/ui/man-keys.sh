#!/bin/sh
# man-keys.sh: the manual documents every key and every colour element of the browser exactly
# as ui/keys.h defines them (the X-macro that also builds the key map and the `?` screen), so the
# man page cannot drift from the program. Fails on a missing, extra or changed entry.
. tests/lib.sh
keys_h=ui/keys.h
man=man/chainscope.1
if [ ! -f "$keys_h" ] || [ ! -f "$man" ]; then not_ok "ui/keys.h and man/chainscope.1 exist"; exit 0; fi

# "keys|help" per request, from the X-macro
sed -n '/#define UI_REQUESTS/,/^enum request/p' "$keys_h" |
	sed -n 's/^[[:space:]]*X([A-Z_0-9]*, *"[^"]*", *"\([^"]*\)", *"\(.*\)") *\\*$/\1|\2/p' > "$TMP/want"
# the same from the manual's key list: ".TP", ".B keys", one line of help
sed -n '/^\.\\" keys-begin/,/^\.\\" keys-end/p' "$man" |
	awk '/^\.B /{k=substr($0, 4); getline h; print k "|" h}' > "$TMP/got"
n=$(wc -l < "$TMP/want")
check "the X-macro lists the keys ($n requests)" test "$n" -gt 20
if cmp -s "$TMP/want" "$TMP/got"; then
	ok "man/chainscope.1 documents every key as ui/keys.h binds it"
else
	not_ok "man/chainscope.1 documents every key as ui/keys.h binds it"
	diff "$TMP/want" "$TMP/got" | sed 's/^/#   /' | head -20
fi

sed -n '/#define UI_REQUESTS/,/^enum request/p' "$keys_h" | sed -n 's/^[[:space:]]*X([A-Z_0-9]*, *"\([^"]*\)".*/\1/p' > "$TMP/actions"
missing=
for a in $(cat "$TMP/actions"); do grep -q "\(^\|[ ,]\)$a[,.]" "$man" || missing="$missing $a"; done
check_eq "every action name is in the config section" "$missing" ""

sed -n '/#define UI_ELEMENTS/,/^enum element/p' "$keys_h" | sed -n 's/^[[:space:]]*X([A-Z_0-9]*, *"\([^"]*\)".*/\1/p' > "$TMP/elements_want"
sed -n '/^\.\\" elements-begin/,/^\.\\" elements-end/p' "$man" | sed -n 's/^\.BR \([^ ]*\) ,$/\1/p' > "$TMP/elements_got"
if cmp -s "$TMP/elements_want" "$TMP/elements_got"; then
	ok "man/chainscope.1 lists every colour element"
else
	not_ok "man/chainscope.1 lists every colour element"
	diff "$TMP/elements_want" "$TMP/elements_got" | sed 's/^/#   /' | head
fi
for v in NO_COLOR TERM ESCDELAY XDG_CONFIG_HOME; do
	check "the environment section documents $v" grep -q "^\.B $v\$" "$man"
done
