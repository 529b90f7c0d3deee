#!/bin/sh
# concurrency.sh: while an index runs, a second index on the same cache waits or says the cache
# is busy, and a search works; a cache with another PRAGMA user_version is rebuilt by index and
# refused with a clear message by search; a file that is not a cache is never misread.
. tests/lib.sh
. tests/cli/cli-helpers

cd "$TMP" || exit 1
DB=$TMP/c.db
N=3000
gen_docs corpus $N
put small/one.txt 'Yangzhou canal
Yangzhou dredges the canal. canalword
'

running=""
for attempt in 1 2 3; do
	rm -f "$DB" "$DB-wal" "$DB-shm"
	"$CHAINSCOPE" index --db "$DB" corpus > "$TMP/first.out" 2> "$TMP/first.err" &
	pid=$!
	if wait_for_docs "$DB" $pid; then running=yes; break; fi
	wait $pid
	gen_docs corpus $((N * (attempt + 1)))
	N=$((N * (attempt + 1)))
done
if [ -z "$running" ]; then
	skip "concurrent index and search" "the index of $N files finished too fast to overlap"
else
	# a reader while the index writes
	t0=$(date +%s)
	cs search --db "$DB" --format jsonl --limit 3 uniq00000
	t1=$(date +%s)
	still=$(kill -0 $pid 2>/dev/null && echo yes)
	check_rc "search while an index runs exits 0" 0
	check_not_contains "search while an index runs is not blocked" "$(cat "$TMP/err")" "locked"
	if [ $((t1 - t0)) -le 5 ]; then ok "search while an index runs answers at once"; else not_ok "search took $((t1 - t0)) s during an index"; fi
	cs stats --db "$DB"
	check_rc "stats while an index runs exits 0" 0
	[ -n "$still" ] || skip "the reader overlapped the index" "the index ended during the search"

	# a second writer
	timeout 300 "$CHAINSCOPE" index --db "$DB" small > "$TMP/out" 2> "$TMP/err"
	rc=$?
	first_running=$(kill -0 $pid 2>/dev/null && echo yes)
	no_crash "second index: no crash"
	if [ "$rc" -ne 0 ]; then
		check_contains "second index says the cache is busy" "$(tr 'A-Z' 'a-z' < "$TMP/err")" "busy"
	elif [ -z "$first_running" ]; then
		ok "second index waited for the first"
	else
		not_ok "second index succeeded while the first still runs"
	fi
	wait $pid
	first_rc=$?
	check_eq "the first index completes" "$first_rc" "0"
	check_eq "the first index's summary" "$(sed -n 's/.*indexed: scanned \([0-9]*\),.*failed \([0-9]*\).*/\1 \2/p' "$TMP/first.err")" "$N 0"
	check_eq "integrity after concurrent use" "$(sql "$DB" 'PRAGMA integrity_check')" "ok"
	check "documents of the first root all there" test "$(sql "$DB" "SELECT count(*) FROM documents WHERE path LIKE 'corpus/%'")" = "$N"
fi

# schema version
rm -f "$DB" "$DB-wal" "$DB-shm"
cs index --db "$DB" small
check_rc "index small" 0
sql "$DB" 'PRAGMA user_version = 99' > /dev/null
cs search --db "$DB" canalword
check "search refuses a cache of another schema version" test "$rc" -ne 0
no_crash "search on another schema version: no crash"
check_contains "search on another schema version explains" "$(cat "$TMP/err")" "chainscope:"
check_contains "the explanation says to re-index" "$(tr 'A-Z' 'a-z' < "$TMP/err")" "index"
cs index --db "$DB" small
check_rc "index rebuilds a cache of another schema version" 0
check_summary "the rebuilt cache re-adds the files" "1 1 0 0 0 0"
check_eq "user_version after the rebuild" "$(sql "$DB" 'PRAGMA user_version')" "$SCHEMA_VERSION"
cs search --db "$DB" --format jsonl canalword
check_eq "search works after the rebuild" "$(hit_paths)" "small/one.txt"

# an older schema: user_version 0 with some unrelated table
rm -f "$DB" "$DB-wal" "$DB-shm"
sql "$DB" "CREATE TABLE documents(id INTEGER PRIMARY KEY, junk TEXT); INSERT INTO documents(junk) VALUES ('old');"
cs search --db "$DB" canalword
check "search refuses a version-0 cache" test "$rc" -ne 0
no_crash "search on a version-0 cache: no crash"
cs index --db "$DB" small
check_rc "index rebuilds a version-0 cache" 0
check_eq "the rebuilt cache has the new schema" "$(sql "$DB" 'PRAGMA user_version')" "$SCHEMA_VERSION"
check_eq "the rebuilt cache has only the indexed file" "$(doc_paths "$DB")" "small/one.txt"

# a file that is not a SQLite database
printf 'this is not a database, just some text that happens to be here\n' > "$TMP/junk.db"
cs search --db "$TMP/junk.db" canalword
check "search on a non-database fails" test "$rc" -ne 0
no_crash "search on a non-database: no crash"
check_contains "search on a non-database explains" "$(cat "$TMP/err")" "chainscope:"
cs index --db "$TMP/junk.db" small
no_crash "index on a non-database: no crash"
if [ "$rc" -ne 0 ]; then check_contains "index on a non-database explains" "$(cat "$TMP/err")" "chainscope:"
else check_eq "index on a non-database rebuilt it" "$(doc_paths "$TMP/junk.db")" "small/one.txt"; fi
