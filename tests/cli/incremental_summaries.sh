#!/bin/sh
# incremental_summaries.sh: after `index` adds, changes, deletes or renames files, the browser's
# summary tables it updates from the change log are exactly those a rebuild makes (compared row
# by row); the update is incremental (a sentinel row a rebuild would drop survives it); a log left
# behind by an update that never happened (a crash after the documents were committed) is
# applied by the next index; summaries that disagree with the facts are rebuilt.
. tests/lib.sh
# browse_project_facets by name: its column order is the summaries' business
PF_COLS="region_id, chain_id, project_id, amount_key, date_key, name_key"
. tests/cli/cli-helpers

if ! command -v sqlite3 >/dev/null 2>&1; then
	skip "summaries compared with a rebuild" "no sqlite3 shell"
	exit 0
fi
cd "$TMP" || exit 1
DB=$TMP/c.db
# the sample, plus copies under other names (the same projects read from several documents)
mkdir -p corpus/a corpus/b
cp "$TOP"/assets/sample/*.txt "$TOP"/assets/sample/*.md "$TOP"/assets/sample/*.TXT corpus/a/
for f in en-nantong-offshore-wind.txt zh-hefei-nev-base.txt zht-kunshan-display.txt en-wuxi-wafer-fab-phase2.txt; do
	cp "corpus/a/$f" "corpus/b/copy-$f"
done

# diff_sql: the rows of the summary tables that differ between main and the attached rebuild r
# (amounts are sums of whole yuan: compared exactly too)
facet_row() { echo "printf('%s|%s|%s|%s|%s|%s|%s|%s', $1.region_id, $1.chain_id, $1.n_projects, $1.n_docs, $1.amount, $1.n_converted, $1.kids_r, $1.kids_c)"; }
year_row() { echo "printf('%s|%s|%s|%s|%s', $1.region_id, $1.chain_id, $1.year, $1.n_projects, $1.amount)"; }
diff_sql="SELECT 'facets: updated ' || coalesce($(facet_row a), '-') || ', rebuilt ' || coalesce($(facet_row b), '-')
	FROM main.browse_facets a FULL JOIN r.browse_facets b ON a.region_id = b.region_id AND a.chain_id = b.chain_id
	WHERE a.region_id IS NULL OR b.region_id IS NULL OR a.n_projects <> b.n_projects OR a.n_docs <> b.n_docs
	OR a.n_converted <> b.n_converted OR a.kids_r <> b.kids_r OR a.kids_c <> b.kids_c OR a.amount <> b.amount
UNION ALL SELECT 'years: updated ' || coalesce($(year_row a), '-') || ', rebuilt ' || coalesce($(year_row b), '-')
	FROM main.browse_years a FULL JOIN r.browse_years b ON a.region_id = b.region_id AND a.chain_id = b.chain_id AND a.year = b.year
	WHERE a.region_id IS NULL OR b.region_id IS NULL OR a.n_projects <> b.n_projects OR a.amount <> b.amount
UNION ALL SELECT 'project row only updated: ' || region_id || '|' || chain_id || '|' || project_id
	FROM (SELECT $PF_COLS FROM main.browse_project_facets EXCEPT SELECT $PF_COLS FROM r.browse_project_facets)
UNION ALL SELECT 'project row only rebuilt: ' || region_id || '|' || chain_id || '|' || project_id
	FROM (SELECT $PF_COLS FROM r.browse_project_facets EXCEPT SELECT $PF_COLS FROM main.browse_project_facets)
UNION ALL SELECT 'region tree: ' || parent_id || '>' || child_id FROM (
	SELECT * FROM (SELECT * FROM main.browse_region_children EXCEPT SELECT * FROM r.browse_region_children)
	UNION ALL SELECT * FROM (SELECT * FROM r.browse_region_children EXCEPT SELECT * FROM main.browse_region_children))
UNION ALL SELECT 'chain ancestors: ' || chain_id || '>' || ancestor_id FROM (
	SELECT * FROM (SELECT * FROM main.browse_chain_ancestors WHERE chain_id <> 'zz-sentinel'
		EXCEPT SELECT * FROM r.browse_chain_ancestors)
	UNION ALL SELECT * FROM (SELECT * FROM r.browse_chain_ancestors
		EXCEPT SELECT * FROM main.browse_chain_ancestors WHERE chain_id <> 'zz-sentinel'))
UNION ALL SELECT 'project keys: ' || project_id FROM (
	SELECT * FROM (SELECT * FROM main.browse_project_keys EXCEPT SELECT * FROM r.browse_project_keys)
	UNION ALL SELECT * FROM (SELECT * FROM r.browse_project_keys EXCEPT SELECT * FROM main.browse_project_keys))
UNION ALL SELECT 'project regions: ' || project_id FROM (
	SELECT * FROM (SELECT * FROM main.browse_project_regions EXCEPT SELECT * FROM r.browse_project_regions)
	UNION ALL SELECT * FROM (SELECT * FROM r.browse_project_regions EXCEPT SELECT * FROM main.browse_project_regions))
UNION ALL SELECT 'project chains: ' || project_id FROM (
	SELECT * FROM (SELECT * FROM main.browse_project_chains EXCEPT SELECT * FROM r.browse_project_chains)
	UNION ALL SELECT * FROM (SELECT * FROM r.browse_project_chains EXCEPT SELECT * FROM main.browse_project_chains));"
# same_as_rebuild DESC: the cache's summaries equal those rebuilt from its facts (on a copy whose
# summaries are dropped, then rebuilt by an index run that finds nothing to do)
same_as_rebuild() {
	rm -f "$TMP/rebuilt.db" "$TMP/rebuilt.db-wal" "$TMP/rebuilt.db-shm"
	sql "$DB" "VACUUM INTO '$TMP/rebuilt.db'"
	sql "$TMP/rebuilt.db" "DROP TABLE browse_facets"
	"$CHAINSCOPE" index --db "$TMP/rebuilt.db" corpus > /dev/null 2>&1
	n=$(sql "$TMP/rebuilt.db" "SELECT (SELECT count(*) FROM browse_facets) + (SELECT count(*) FROM browse_project_facets)")
	differences=$(sqlite3 -cmd ".timeout 5000" -cmd "ATTACH '$TMP/rebuilt.db' AS r" "$DB" "$diff_sql" 2>&1)
	if [ "${n:-0}" -gt 10 ] && [ -z "$differences" ]; then
		ok "$1: the summaries equal a rebuild ($n rows)"
	else
		not_ok "$1: the summaries equal a rebuild (${n:-no} rows)"
		printf '%s\n' "$differences" | head -n 10 | sed 's/^/#   /'
	fi
	check_eq "$1: the change log is empty" \
		"$(sql "$DB" 'SELECT (SELECT count(*) FROM change_log_docs) + (SELECT count(*) FROM change_log_projects)')" "0"
}
# a row only a rebuild removes: while it stays, the summaries were updated in place
plant_sentinel() { sql "$DB" "INSERT OR IGNORE INTO browse_chain_ancestors VALUES('zz-sentinel', 'zz-sentinel')"; }
sentinel() { sql "$DB" "SELECT count(*) FROM browse_chain_ancestors WHERE chain_id = 'zz-sentinel'"; }

cs index --db "$DB" corpus
check_rc "first index" 0
check_eq "first index builds the summaries" "$(sql "$DB" "SELECT n_docs FROM browse_facets WHERE region_id = '' AND chain_id = ''")" \
	"$(sql "$DB" 'SELECT count(*) FROM documents')"
check_eq "the first index logs nothing" \
	"$(sql "$DB" 'SELECT (SELECT count(*) FROM change_log_docs) + (SELECT count(*) FROM change_log_projects)')" "0"
projects=$(sql "$DB" 'SELECT count(*) FROM projects')
if [ "$projects" -gt 5 ]; then ok "the sample gives projects ($projects)"; else not_ok "the sample gives projects ($projects)"; fi
plant_sentinel
cs index --db "$DB" corpus
check_summary "nothing changed" "35 0 0 0 35 0"
check_eq "nothing changed: the summaries are left alone" "$(sentinel)" "1"

sleep 1   # a coarse-mtime file system still sees the changes
cp corpus/a/zh-shaoxing-ic-fab.txt corpus/a/en-changzhou-power-battery.txt
cs index --db "$DB" corpus
check_summary "one file changed" "35 0 1 0 34 0"
check_eq "a change is applied in place" "$(sentinel)" "1"
same_as_rebuild "changed"

rm corpus/b/copy-zh-hefei-nev-base.txt corpus/a/en-lingang-hydrogen.md
cs index --db "$DB" corpus
check_summary "two files deleted" "33 0 0 2 33 0"
check_eq "deletions are applied in place" "$(sentinel)" "1"
same_as_rebuild "deleted"

cp corpus/a/zht-nanjing-wafer-fab.txt corpus/b/new-nanjing.txt
cp corpus/a/en-ningbo-new-materials.txt corpus/new-ningbo.txt
cs index --db "$DB" corpus
check_summary "two files added" "35 2 0 0 33 0"
check_eq "additions are applied in place" "$(sentinel)" "1"
same_as_rebuild "added"

mv corpus/a/zh-hefei-nev-base.txt corpus/b/renamed-hefei.txt
cs index --db "$DB" corpus
check_summary "one file renamed" "35 1 0 1 34 0"
check_eq "a rename is applied in place" "$(sentinel)" "1"
same_as_rebuild "renamed"

# the documents of a run are committed but its summary update fails (as after a crash between
# the two): a trigger makes every write to the summaries fail, so the log stays behind
sleep 1
cp corpus/a/zh-wujiang-textile-materials.txt corpus/a/en-suzhou-sip-biomedicine.txt
rm corpus/new-ningbo.txt
sql "$DB" "CREATE TRIGGER zz_no_summaries BEFORE INSERT ON browse_years BEGIN SELECT RAISE(ABORT, 'summaries blocked'); END"
cs index --db "$DB" corpus
check_rc "an index whose summary update fails reports it" 1
logged=$(sql "$DB" 'SELECT (SELECT count(*) FROM change_log_docs) + (SELECT count(*) FROM change_log_projects)')
if [ "$logged" -gt 0 ]; then ok "its changes stay in the log ($logged rows)"; else not_ok "its changes stay in the log"; fi
sql "$DB" "DROP TRIGGER zz_no_summaries"
cs index --db "$DB" corpus
check_rc "the next index" 0
check_summary "the next index finds no file to redo" "34 0 0 0 34 0"
check_eq "the left-over log is applied in place" "$(sentinel)" "1"
same_as_rebuild "left-over log"

# summaries that disagree with the facts are noticed and rebuilt
sleep 1
cp corpus/a/zh-songjiang-g60-robotics.TXT corpus/a/en-wuhu-low-altitude.txt
sql "$DB" "UPDATE browse_facets SET n_docs = n_docs + 5 WHERE region_id = '' AND chain_id = ''"
cs index --db "$DB" corpus
check_rc "an index over summaries that disagree with the facts" 0
check_eq "they are rebuilt" "$(sentinel)" "0"
same_as_rebuild "disagreeing summaries"

cs index --db "$DB" --full corpus
check_rc "index --full" 0
same_as_rebuild "index --full"
