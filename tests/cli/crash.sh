#!/bin/sh
# crash.sh: `kill -9` in the middle of an index leaves a consistent cache (PRAGMA
# integrity_check), and the next index completes it: every file present once, searchable.
. tests/lib.sh
. tests/cli/cli-helpers

cd "$TMP" || exit 1
DB=$TMP/c.db
N=3000
gen_docs corpus $N

killed=""
for attempt in 1 2 3; do
	rm -f "$DB" "$DB-wal" "$DB-shm"
	"$CHAINSCOPE" index --db "$DB" corpus > "$TMP/out" 2> "$TMP/err" &
	pid=$!
	if wait_for_docs "$DB" $pid; then
		# let it run a little further into the corpus, then kill it hard
		sleep 0.$attempt
		if kill -9 $pid 2>/dev/null; then killed=yes; fi
	fi
	wait $pid 2>/dev/null
	[ -n "$killed" ] && break
	# the index finished before we could kill it: a bigger corpus for the next attempt
	gen_docs corpus $((N * (attempt + 1)))
	N=$((N * (attempt + 1)))
done
if [ -z "$killed" ]; then
	skip "kill -9 during index" "the index of $N files finished before it could be killed"
	exit 0
fi
ok "index killed with -9 in the middle"
partial=$(sql "$DB" 'SELECT count(*) FROM documents')
if [ -n "$partial" ] && [ "$partial" -lt "$N" ]; then ok "the kill came mid-index ($partial of $N committed)"
else not_ok "the kill came mid-index"; echo "#   committed: $partial of $N"; fi

check_eq "PRAGMA integrity_check after kill -9" "$(sql "$DB" 'PRAGMA integrity_check')" "ok"
check_eq "user_version kept after kill -9" "$(sql "$DB" 'PRAGMA user_version')" "$SCHEMA_VERSION"

# readers work on the interrupted cache
cs search --db "$DB" --format jsonl --limit 5 uniq00000
no_crash "search on the interrupted cache"

cs index --db "$DB" corpus
check_rc "re-index after kill -9 exits 0" 0
counts
set -- $got
check_eq "re-index scans every file, none failed" "$1 $6" "$N 0"
check_eq "re-index: added + updated + unchanged = all, nothing removed" "$(($2 + $3 + $5)) $4" "$N 0"
check_eq "documents after re-index" "$(sql "$DB" 'SELECT count(*) FROM documents')" "$N"
check_eq "no duplicate paths" "$(sql "$DB" 'SELECT count(DISTINCT path) FROM documents')" "$N"
check_eq "PRAGMA integrity_check after re-index" "$(sql "$DB" 'PRAGMA integrity_check')" "ok"
check_eq "export count after re-index" "$(doc_paths "$DB" | wc -l | tr -d ' ')" "$N"
for i in 0 $((N / 2)) $((N - 1)); do
	id=$(printf '%05d' $i)
	cs search --db "$DB" --format jsonl "uniq$id"
	check_eq "full-text index complete: uniq$id found once" "$(hit_paths)" "corpus/part$(printf '%03d' $((i / 500)))/doc-$id.txt"
done
cs index --db "$DB" corpus
check_summary "a further index: all unchanged" "$N 0 0 0 $N 0"
