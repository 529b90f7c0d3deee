#!/bin/sh
# errors.sh: search queries with a syntax error (stray quote, bare NOT, ...) give a clear message
# on stderr and exit 2 without crashing; hostile queries never crash; usage errors exit 2; a
# missing cache is reported.
. tests/lib.sh
. tests/cli/cli-helpers

cd "$TMP" || exit 1
DB=$TMP/c.db
put news/a.txt 'Wuxi battery plant
Wuxi builds a "battery" plant (phase two) -- NOT small.
'
cs index --db "$DB" news
check_rc "index" 0

for q in '"battery' 'battery "plant' 'NOT' 'battery NOT' 'battery AND' '(battery' 'battery)' 'OR'; do
	cs search --db "$DB" "$q"
	check_rc "search <$q> exits 2" 2
	no_crash "search <$q> does not crash"
	if grep -q '^chainscope: ' "$TMP/err"; then ok "search <$q> explains on stderr"
	else not_ok "search <$q> explains on stderr"; sed 's/^/#   stderr: /' "$TMP/err" | head -n 3; fi
	check_eq "search <$q> prints nothing on stdout" "$(cat "$TMP/out")" ""
done
cs search --db "$DB" '"battery'
check_contains "a stray quote is named as such" "$(cat "$TMP/err")" "quote"
cs search --db "$DB" 'NOT'
check_contains "a bare NOT is named as such" "$(cat "$TMP/err")" "NOT"

# hostile but not necessarily wrong queries: exit 0 or 2, never a crash or an SQL error
for q in 'title:battery' '{title}: battery' 'NEAR(battery plant)' '^battery' '- battery' '*' \
	'battery (plant OR fab)' 'a:b:c' '""' "'battery'" 'battery;DROP TABLE documents' '%' \
	'battery -- NOT' 'year:2023' 'year:abcd' 'region:' 'lang:xx' "$(printf 'bat\001tery')" \
	"$(printf 'bad\377utf8')" '((((((((((((((((((((battery))))))))))))))))))))' '电池*' ' '; do
	cs search --db "$DB" "$q"
	no_crash "hostile query <$q>: no crash"
	case $rc in 0|2) ok "hostile query <$q>: exit 0 or 2";; *) not_ok "hostile query <$q>: exit $rc"; sed 's/^/#   stderr: /' "$TMP/err" | head -n 3;; esac
	check_not_contains "hostile query <$q>: no raw SQL error" "$(cat "$TMP/err")" "fts5: syntax error"
done
cs search --db "$DB" 'battery (plant OR fab)'
check_rc "implicit AND before parentheses is valid" 0
cs search --db "$DB" 'year:2023'
check_rc "year: facet is valid" 0

# usage errors
for args in "index" "index --db" "index --bogus news" "search" "search --db $DB" \
	"search --limit abc battery" "search --limit -3 battery" "search --format xml battery" \
	"export" "export --format xml documents" "export bogus" "stats --bogus" "--bogus"; do
	# shellcheck disable=SC2086
	cs $args
	check_rc "usage error <$args> exits 2" 2
	no_crash "usage error <$args> does not crash"
	if [ -s "$TMP/err" ]; then ok "usage error <$args> says something on stderr"; else not_ok "usage error <$args> says something on stderr"; fi
done

# a cache that does not exist
cs search --db "$TMP/none.db" battery
no_crash "search on a missing cache: no crash"
check_eq "search on a missing cache fails" "$([ "$rc" -ne 0 ] && echo fails)" "fails"
check_contains "search on a missing cache explains" "$(cat "$TMP/err")" "chainscope:"
cs stats --db "$TMP/none.db"
no_crash "stats on a missing cache: no crash"
cs export --db "$TMP/none.db" documents
no_crash "export on a missing cache: no crash"
