#!/bin/sh
# incremental.sh: re-indexing after adding, changing, deleting, renaming and touching files, and
# --full, checked through the summary line, the export and search; several roots in one cache.
. tests/lib.sh
. tests/cli/cli-helpers

cd "$TMP" || exit 1
DB=$TMP/c.db
put news/a.txt 'Wuxi wafer fab
Release time: 2023-01-05

Wuxi opens a wafer fab. alphaword
'
put news/b.txt 'Hefei battery plant
Release time: 2023-02-06

Hefei builds a battery plant. betaword
'
put news/sub/c.md 'Ningbo port
Release time: 2023-03-07

Ningbo port adds berths. gammaword
'

cs index --db "$DB" news
check_rc "first index" 0
check_summary "first index adds all" "3 3 0 0 0 0"

cs index --db "$DB" news
check_summary "nothing changed: all unchanged" "3 0 0 0 3 0"

put news/d.txt 'Jiaxing solar farm
Release time: 2023-04-08

Jiaxing connects a solar farm. deltaword
'
cs index --db "$DB" news
check_summary "one file added" "4 1 0 0 3 0"
cs search --db "$DB" --format jsonl deltaword
check_eq "the added file is searchable" "$(hit_paths)" "news/d.txt"

sleep 1   # a coarse-mtime file system still sees the change
put news/b.txt 'Hefei battery plant grows
Release time: 2023-02-06

Hefei doubles the battery plant. epsilonword
'
cs index --db "$DB" news
check_summary "one file changed" "4 0 1 0 3 0"
cs search --db "$DB" --format jsonl epsilonword
check_eq "the new text is searchable" "$(hit_paths)" "news/b.txt"
cs search --db "$DB" --format jsonl betaword
check_eq "the old text is gone from the index" "$(hit_paths)" ""
check_eq "the export has the new title" "$(doc_field "$DB" news/b.txt title)" "Hefei battery plant grows"

# same size, new content: the content hash catches it once the mtime differs
sleep 1
put news/a.txt 'Wuxi wafer fab
Release time: 2023-01-05

Wuxi opens a wafer fab. omegaword
'
cs index --db "$DB" news
check_summary "same size, different content: updated" "4 0 1 0 3 0"
cs search --db "$DB" --format jsonl omegaword
check_eq "same-size change is searchable" "$(hit_paths)" "news/a.txt"

rm news/sub/c.md
cs index --db "$DB" news
check_summary "one file deleted" "3 0 0 1 3 0"
cs search --db "$DB" --format jsonl gammaword
check_eq "the deleted file is gone from the index" "$(hit_paths)" ""
check_eq "the deleted file is gone from the export" "$(doc_paths "$DB" | tr '\n' ' ')" "news/a.txt news/b.txt news/d.txt "

mv news/d.txt news/renamed.txt
cs index --db "$DB" news
counts
set -- $got
check_eq "rename: scanned 3, failed 0" "$1 $6" "3 0"
check_eq "rename: counted as one added and one removed" "$2 $4" "1 1"
check_eq "rename: export has the new path only" "$(doc_paths "$DB" | tr '\n' ' ')" "news/a.txt news/b.txt news/renamed.txt "
cs search --db "$DB" --format jsonl deltaword
check_eq "rename: search finds the new path" "$(hit_paths)" "news/renamed.txt"

touch -d '2030-01-01 00:00:00' news/a.txt
cs index --db "$DB" news
check_summary "touch without change: unchanged" "3 0 0 0 3 0"
cs index --db "$DB" news
check_summary "after the touch, still unchanged (new mtime recorded)" "3 0 0 0 3 0"

cs index --db "$DB" --full news
check_rc "--full exits 0" 0
counts
set -- $got
check_eq "--full: scanned 3, nothing unchanged, nothing failed" "$1 $5 $6" "3 0 0"
check_eq "--full: every file re-processed" "$(($2 + $3))" "3"
check_eq "--full: same documents" "$(doc_paths "$DB" | tr '\n' ' ')" "news/a.txt news/b.txt news/renamed.txt "
cs index --db "$DB" news
check_summary "after --full, unchanged" "3 0 0 0 3 0"

# several roots share one cache: indexing one does not remove the other's documents
put other/x.txt 'Nantong shipyard
Nantong signs ships. zetaword
'
cs index --db "$DB" other
check_summary "second root added" "1 1 0 0 0 0"
cs index --db "$DB" news
check_summary "re-indexing the first root leaves the second alone" "3 0 0 0 3 0"
check_eq "both roots in the export" "$(doc_paths "$DB" | tr '\n' ' ')" "news/a.txt news/b.txt news/renamed.txt other/x.txt "
cs index --db "$DB" news other
check_summary "two DIRs in one run" "4 0 0 0 4 0"

# the same root reached through another spelling is the same root
cs index --db "$DB" ./news/
counts
set -- $got
check_eq "./news/ is the same root as news: nothing added or removed" "$2 $4" "0 0"

# a file that becomes empty is updated to an empty document, not dropped
sleep 1
: > other/x.txt
cs index --db "$DB" other
check_summary "a file emptied is updated" "1 0 1 0 0 0"
check_eq "the emptied file has empty text" "$(doc_field "$DB" other/x.txt text)" ""
