/* browse.c: the browser's queries (see browse.h). Owns the summary tables (browse_*), the keyset
 * pagination of every list and the search behind `/`. Every statement is bounded by a LIMIT or
 * reads one summary row, so the cost of a key press does not grow with the cache. Must not draw,
 * and must not write to the cache except in browse_prepare_schema/browse_refresh_summaries. */
#include "browse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fold.h"
#include "query.h"
#include "snippet.h"
#include "tokenizer.h"
#include "util.h"

/* More matches than this are listed newest-indexed first instead of ranked: ranking needs every
 * match scored, which a common word over a million documents cannot afford per key press. */
#define SEARCH_RANK_LIMIT 2000
#define SEARCH_COUNT_CAP 50000

struct browse {
	sqlite3 *db;
	char err[256];
};

struct browse_search {
	struct browse *b;
	struct query q;
	struct browse_filter f;
	char *where;            /* SQL conditions on documents d, with ?1 = the MATCH expression */
	char *doc_cond;         /* the same as a condition on a documents_fts row */
	int ranked;
	int64_t *ids;           /* ranked: the doc ids in rank order */
	int64_t n_ids;
	int64_t count;
	int capped;
};

/* ---- summary tables ----
 * browse_refresh_summaries() builds them from the facts; browse_update_summaries() keeps them up
 * to date after each index by applying the store's change log (see change_log_sql in store.c):
 * the rows of each changed project (found by the keys and cells browse_project_keys, _regions
 * and _chains keep for it) are replaced, and the cells they touch gain the new rows' counts and
 * amounts and lose the old ones'; each changed document's old cells lose one
 * document and its current cells gain one; cells left empty are removed and the tree markers of
 * the touched cells recomputed, so the result is the one a rebuild gives (the unit tests compare
 * both row by row). The log is emptied in the same transaction. */

/* CNY per unit, only to order and add up amounts written in different currencies; the browser
 * shows each project's own amount in its own currency. Indicative rates. */
#define CNY_EQUIV_SQL(v, c) \
	"(" v " * CASE " c " WHEN 'USD' THEN 7.1 WHEN 'EUR' THEN 7.7 WHEN 'GBP' THEN 9.0 " \
	"WHEN 'HKD' THEN 0.91 WHEN 'TWD' THEN 0.22 WHEN 'JPY' THEN 0.048 WHEN 'KRW' THEN 0.0052 " \
	"WHEN 'SGD' THEN 5.3 ELSE 1.0 END)"

/* The table itself is in name order (its primary key); each other sort's index carries name_key,
 * so narrowing by name walks the index in list order and stops at a page, without a row lookup
 * per candidate. A changed project's rows are found from browse_project_keys and its cells. */
#define PF_INDEXES \
	"CREATE INDEX IF NOT EXISTS browse_pf_amount ON browse_project_facets(region_id, chain_id, amount_key, project_id," \
	" name_key);" \
	"CREATE INDEX IF NOT EXISTS browse_pf_date ON browse_project_facets(region_id, chain_id, date_key, project_id," \
	" name_key);"
#define DROP_PF_INDEXES \
	"DROP INDEX IF EXISTS browse_pf_amount; DROP INDEX IF EXISTS browse_pf_date; DROP INDEX IF EXISTS browse_pf_name;" \
	"DROP INDEX IF EXISTS browse_pf_project;"

static const char schema_sql[] =
	"CREATE TABLE IF NOT EXISTS browse_region_children(parent_id TEXT NOT NULL, child_id TEXT NOT NULL,"
	" PRIMARY KEY(parent_id, child_id)) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS browse_chain_ancestors(chain_id TEXT NOT NULL, ancestor_id TEXT NOT NULL,"
	" PRIMARY KEY(ancestor_id, chain_id)) WITHOUT ROWID;"
	/* a project's or document's chains go up the tree through this one */
	"CREATE INDEX IF NOT EXISTS browse_chain_ancestors_chain ON browse_chain_ancestors(chain_id, ancestor_id);"
	/* projects, documents and investment per (region subtree, chain subtree); "" = any. A cell
	 * exists when it has a project or a document; the ("", "") cell always exists. */
	"CREATE TABLE IF NOT EXISTS browse_facets(region_id TEXT NOT NULL, chain_id TEXT NOT NULL,"
	" n_projects INTEGER NOT NULL DEFAULT 0, n_docs INTEGER NOT NULL DEFAULT 0,"
	" amount REAL NOT NULL DEFAULT 0, n_converted INTEGER NOT NULL DEFAULT 0,"
	" kids_r INTEGER NOT NULL DEFAULT 0, kids_c INTEGER NOT NULL DEFAULT 0,"  /* has subdivisions with facts */
	" PRIMARY KEY(region_id, chain_id)) WITHOUT ROWID;"
	"CREATE INDEX IF NOT EXISTS browse_facets_by_chain ON browse_facets(chain_id, region_id);"
	/* one row per project per (ancestor region, ancestor chain): any filter's projects in any
	 * order are an index range, and a cell's totals are the sums over its range */
	/* the key's columns come first: SQLite 3.40's integrity_check misreads a WITHOUT ROWID
	 * table that declares a key column after another column */
	"CREATE TABLE IF NOT EXISTS browse_project_facets(region_id TEXT NOT NULL, chain_id TEXT NOT NULL,"
	" project_id INTEGER NOT NULL, name_key TEXT NOT NULL, amount_key REAL NOT NULL, converted INTEGER NOT NULL,"
	" date_key TEXT NOT NULL, PRIMARY KEY(region_id, chain_id, name_key, project_id)) WITHOUT ROWID;"
	PF_INDEXES
	/* an index of the layout before browse_project_keys */
	"DROP INDEX IF EXISTS browse_pf_project;"
	/* each project as the rows above have it: its sort keys and the regions and chains of its
	 * cells ("" included), so an update finds the rows a changed project had, by key */
	"CREATE TABLE IF NOT EXISTS browse_project_keys(project_id INTEGER PRIMARY KEY, amount_key REAL NOT NULL,"
	" converted INTEGER NOT NULL, date_key TEXT NOT NULL, name_key TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS browse_project_regions(project_id INTEGER NOT NULL, region_id TEXT NOT NULL,"
	" PRIMARY KEY(project_id, region_id)) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS browse_project_chains(project_id INTEGER NOT NULL, chain_id TEXT NOT NULL,"
	" PRIMARY KEY(project_id, chain_id)) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS browse_years(region_id TEXT NOT NULL, chain_id TEXT NOT NULL,"
	" year INTEGER NOT NULL, n_projects INTEGER NOT NULL, amount REAL NOT NULL,"
	" PRIMARY KEY(region_id, chain_id, year)) WITHOUT ROWID;"
	/* ('derivation', SUMMARY_DERIVATION) as of the last rebuild */
	"CREATE TABLE IF NOT EXISTS browse_state(key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
	"";

/* The version of how summary rows are derived from the facts (sort keys, rates, folding, what
 * counts where). Updates only add rows derived the current way to rows derived at the last
 * rebuild, so a change to the derivation must bump this to make the next update a rebuild. */
#define SUMMARY_DERIVATION 1

static int table_exists(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st;
	int found = 0;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return found;
}

static int statement_compiles(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int ok = sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK;
	sqlite3_finalize(st);
	return ok;
}

/* True when the project rows are in name order (name_key in their primary key, declared with
 * the key's other columns). */
static int project_rows_in_name_order(sqlite3 *db)
{
	sqlite3_stmt *st;
	int found = 0;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info('browse_project_facets') WHERE name = 'name_key' AND pk > 0"
			       " AND cid = 3",
			       -1, &st, NULL) == SQLITE_OK) {
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return found;
}

/* True when the summary tables exist in the current layout (the newest columns compile, the
 * newest keys are there). */
static int summaries_current_layout(sqlite3 *db)
{
	return table_exists(db, "browse_years") && table_exists(db, "browse_region_children") &&
	       table_exists(db, "browse_chain_ancestors") && table_exists(db, "browse_project_keys") &&
	       table_exists(db, "browse_project_regions") && table_exists(db, "browse_project_chains") &&
	       statement_compiles(db, "SELECT kids_r FROM browse_facets LIMIT 0") &&
	       statement_compiles(db, "SELECT converted FROM browse_project_facets LIMIT 0") &&
	       project_rows_in_name_order(db);
}

/* True when the summaries are in the current layout and were built: a build always leaves the
 * ("", "") cell, even for an empty cache. */
static int summaries_built(sqlite3 *db)
{
	if (!summaries_current_layout(db))
		return 0;
	sqlite3_stmt *st;
	int found = 0;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM browse_facets WHERE region_id = '' AND chain_id = ''", -1, &st, NULL) == SQLITE_OK) {
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return found;
}

/* The summary tables of an older layout are dropped: they are rebuilt from the facts anyway. */
static void drop_stale_summaries(sqlite3 *db)
{
	if (!table_exists(db, "browse_facets") && !table_exists(db, "browse_project_facets"))
		return;
	if (summaries_current_layout(db))
		return;
	sqlite3_exec(db, "DROP TABLE IF EXISTS browse_facets; DROP TABLE IF EXISTS browse_project_facets;"
		     " DROP TABLE IF EXISTS browse_years; DROP TABLE IF EXISTS browse_region_children;"
		     " DROP TABLE IF EXISTS browse_chain_ancestors; DROP TABLE IF EXISTS browse_state;"
		     " DROP TABLE IF EXISTS browse_project_keys; DROP TABLE IF EXISTS browse_project_regions;"
		     " DROP TABLE IF EXISTS browse_project_chains;", NULL, NULL, NULL);
}

int browse_prepare_schema(sqlite3 *db)
{
	drop_stale_summaries(db);
	return sqlite3_exec(db, schema_sql, NULL, NULL, NULL);
}

/* Each project's sort keys, from the projects listed in temp.bp_key's source (FROM ... p). */
#define BP_KEY_TABLE \
	"CREATE TEMP TABLE bp_key(pid INTEGER PRIMARY KEY, amount_key REAL, converted INTEGER, date_key TEXT, name_key TEXT);"
#define BP_KEY_COLUMNS \
	" p.id, CASE WHEN p.amount_value IS NULL THEN -1 ELSE " CNY_EQUIV_SQL("p.amount_value", "p.amount_currency") " END," \
	" p.amount_value IS NOT NULL AND coalesce(p.amount_currency, 'CNY') <> 'CNY'," \
	" coalesce(nullif(p.date, ''), (SELECT min(d.date) FROM project_sources ps CROSS JOIN documents d ON d.id = ps.doc_id" \
	"  WHERE ps.project_id = p.id AND coalesce(d.date, '') <> ''), '')," \
	" browse_fold(substr(coalesce(p.name, ''), 1, 200))"
/* The (ancestor region or "", ancestor chain or "") pairs of the projects in bp_key. The joins
 * are CROSS JOINs so SQLite starts from bp_key, which it has no statistics for, also when it
 * holds the few projects of an update. */
#define BP_CELLS \
	"CREATE TEMP TABLE bp_r(pid INTEGER, r TEXT, PRIMARY KEY(pid, r)) WITHOUT ROWID;" \
	"INSERT OR IGNORE INTO bp_r SELECT p.id, ra.ancestor_id FROM bp_key k CROSS JOIN projects p ON p.id = k.pid" \
	" CROSS JOIN region_ancestors ra ON ra.region_id = p.region_id;" \
	"INSERT OR IGNORE INTO bp_r SELECT pid, '' FROM bp_key;" \
	"CREATE TEMP TABLE bp_c(pid INTEGER, c TEXT, PRIMARY KEY(pid, c)) WITHOUT ROWID;" \
	"INSERT OR IGNORE INTO bp_c SELECT pc.project_id, ca.ancestor_id FROM bp_key k" \
	" CROSS JOIN project_chains pc ON pc.project_id = k.pid CROSS JOIN browse_chain_ancestors ca ON ca.chain_id = pc.chain_id;" \
	"INSERT OR IGNORE INTO bp_c SELECT pid, '' FROM bp_key;"
#define BP_ROWS_INSERT \
	"INSERT INTO browse_project_facets(region_id, chain_id, project_id, amount_key, converted, date_key, name_key)" \
	" SELECT r.r, c.c, k.pid, k.amount_key, k.converted, k.date_key, k.name_key" \
	" FROM bp_key k JOIN bp_r r ON r.pid = k.pid JOIN bp_c c ON c.pid = k.pid ORDER BY r.r, c.c, k.name_key, k.pid;"
/* The tree markers: whether each cell has subdivisions with facts. */
#define KIDS_COLUMNS \
	" kids_r = EXISTS(SELECT 1 FROM browse_region_children k CROSS JOIN browse_facets f2" \
	"  ON f2.region_id = k.child_id AND f2.chain_id = browse_facets.chain_id WHERE k.parent_id = browse_facets.region_id)," \
	" kids_c = EXISTS(SELECT 1 FROM chains k CROSS JOIN browse_facets f2" \
	"  ON f2.chain_id = k.id AND f2.region_id = browse_facets.region_id WHERE k.parent_id = browse_facets.chain_id)"

/* What a project adds to the investment of its cells: its CNY equivalent in whole yuan (none
 * counts 0). Whole numbers add up exactly in a double below 2^53 yuan, in any order, so the
 * update's deltas never drift from what a rebuild adds up (write_summary_rows() adds them up
 * in C, exactly as well). */
#define AMOUNT_SHARE(k) "round(max(" k ", 0))"

static const char rebuild_sql[] =
	/* a bulk load: write_summary_rows() writes the rows in key order, the indexes are built once
	 * afterwards */
	DROP_PF_INDEXES
	"DELETE FROM browse_region_children; DELETE FROM browse_chain_ancestors; DELETE FROM browse_facets;"
	"DELETE FROM browse_project_facets; DELETE FROM browse_years;"
	/* the tree: a child of P is under P and its parent is not (a macro-region's provinces) or is P */
	"INSERT OR IGNORE INTO browse_region_children"
	" SELECT a.ancestor_id, r.id FROM region_ancestors a JOIN regions r ON r.id = a.region_id"
	" WHERE a.ancestor_id <> r.id AND (r.parent_id = a.ancestor_id OR NOT EXISTS"
	"  (SELECT 1 FROM region_ancestors b WHERE b.ancestor_id = a.ancestor_id AND b.region_id = r.parent_id));"
	"INSERT OR IGNORE INTO browse_region_children SELECT '', id FROM regions"
	" WHERE coalesce(parent_id, '') = '' OR parent_id NOT IN (SELECT id FROM regions);"
	"INSERT OR IGNORE INTO browse_chain_ancestors"
	" WITH RECURSIVE up(chain_id, ancestor_id) AS (SELECT id, id FROM chains"
	"  UNION SELECT up.chain_id, c.parent_id FROM up JOIN chains c ON c.id = up.ancestor_id"
	"  WHERE coalesce(c.parent_id, '') <> '')"
	" SELECT chain_id, ancestor_id FROM up;"
	/* the project rows, cells and years are made by write_summary_rows() from these */
	"DELETE FROM browse_project_keys; DELETE FROM browse_project_regions; DELETE FROM browse_project_chains;"
	"INSERT INTO browse_project_keys SELECT" BP_KEY_COLUMNS " FROM projects p;"
	"INSERT OR IGNORE INTO browse_project_regions SELECT id, '' FROM projects"
	" UNION ALL SELECT p.id, ra.ancestor_id FROM projects p JOIN region_ancestors ra ON ra.region_id = p.region_id ORDER BY 1, 2;"
	"INSERT OR IGNORE INTO browse_project_chains SELECT id, '' FROM projects"
	" UNION ALL SELECT p.id, ca.ancestor_id FROM projects p JOIN project_chains pc ON pc.project_id = p.id"
	"  JOIN browse_chain_ancestors ca ON ca.chain_id = pc.chain_id ORDER BY 1, 2;";
/* After write_summary_rows() has filled browse_project_facets, browse_facets and browse_years. */
static const char rebuild_finish_sql[] =
	PF_INDEXES
	"UPDATE browse_facets SET" KIDS_COLUMNS ";";

/* The update from the change log, as deltas: a cell's counts change by what its changed
 * documents and projects add minus what they took away, so the cost follows the changes, not
 * the size of the cells (on a large cache the "any" cell holds every project). Amounts are
 * sums of whole yuan (AMOUNT_SHARE), exact in any order. Touched cells:
 * temp.bu_pcells (their projects changed) and temp.bu_cells (anything changed). The joins
 * start from the log (CROSS JOIN), which SQLite has no statistics for. */
#define YEAR_OF_DATE_KEY(k) "CASE WHEN " k " GLOB '[12][0-9][0-9][0-9]*' THEN CAST(substr(" k ", 1, 4) AS INTEGER) END"
static const char delta_sql[] =
	/* changed projects: each row they had (s = -1) and have now (s = +1) */
	"CREATE TEMP TABLE bu_prow(r TEXT, c TEXT, pid INTEGER, s INTEGER, amount REAL, converted INTEGER, year INTEGER);"
	"CREATE TEMP TABLE bu_pold(r TEXT, c TEXT, name_key TEXT, pid INTEGER);"
	"INSERT INTO bu_pold SELECT r.region_id, c.chain_id, k.name_key, k.project_id FROM main.change_log_projects l"
	" CROSS JOIN browse_project_keys k ON k.project_id = l.project_id"
	" CROSS JOIN browse_project_regions r ON r.project_id = k.project_id"
	" CROSS JOIN browse_project_chains c ON c.project_id = k.project_id;"
	"INSERT INTO bu_prow SELECT o.r, o.c, o.pid, -1, " AMOUNT_SHARE("k.amount_key") ", k.converted,"
	YEAR_OF_DATE_KEY("k.date_key")
	" FROM bu_pold o CROSS JOIN browse_project_keys k ON k.project_id = o.pid;"
	"DELETE FROM browse_project_facets WHERE (region_id, chain_id, name_key, project_id) IN (SELECT r, c, name_key, pid FROM bu_pold);"
	"DELETE FROM browse_project_keys WHERE project_id IN (SELECT project_id FROM main.change_log_projects);"
	"DELETE FROM browse_project_regions WHERE project_id IN (SELECT project_id FROM main.change_log_projects);"
	"DELETE FROM browse_project_chains WHERE project_id IN (SELECT project_id FROM main.change_log_projects);"
	BP_KEY_TABLE
	"INSERT INTO bp_key SELECT" BP_KEY_COLUMNS " FROM main.change_log_projects l CROSS JOIN projects p ON p.id = l.project_id;"
	BP_CELLS
	BP_ROWS_INSERT
	"INSERT INTO browse_project_keys SELECT * FROM bp_key;"
	"INSERT INTO browse_project_regions SELECT * FROM bp_r;"
	"INSERT INTO browse_project_chains SELECT * FROM bp_c;"
	"INSERT INTO bu_prow SELECT r.r, c.c, k.pid, 1, " AMOUNT_SHARE("k.amount_key") ", k.converted," YEAR_OF_DATE_KEY("k.date_key")
	" FROM bp_key k CROSS JOIN bp_r r ON r.pid = k.pid CROSS JOIN bp_c c ON c.pid = k.pid;"
	"CREATE TEMP TABLE bu_pcells(r TEXT, c TEXT, PRIMARY KEY(r, c)) WITHOUT ROWID;"
	"INSERT OR IGNORE INTO bu_pcells SELECT r, c FROM bu_prow;"
	/* netted per project first (a project whose share of a cell did not change adds 0 even
	 * past 2^53, where sums stop being exact); a cell left without projects gets exactly 0 */
	"INSERT INTO browse_facets(region_id, chain_id, n_projects, amount, n_converted)"
	" SELECT r, c, sum(dn), sum(da), sum(dc) FROM (SELECT r, c, sum(s) AS dn, sum(s * amount) AS da,"
	"  sum(s * converted) AS dc FROM bu_prow GROUP BY r, c, pid) WHERE 1 GROUP BY r, c"
	" ON CONFLICT(region_id, chain_id) DO UPDATE SET n_projects = n_projects + excluded.n_projects,"
	" amount = CASE WHEN n_projects + excluded.n_projects = 0 THEN 0 ELSE amount + excluded.amount END,"
	" n_converted = n_converted + excluded.n_converted;"
	"CREATE TEMP TABLE bu_pyears(r TEXT, c TEXT, year INTEGER, dn INTEGER, da REAL, PRIMARY KEY(r, c, year)) WITHOUT ROWID;"
	"INSERT INTO bu_pyears SELECT r, c, year, sum(dn), sum(da) FROM (SELECT r, c, year, sum(s) AS dn, sum(s * amount) AS da"
	"  FROM bu_prow WHERE year IS NOT NULL GROUP BY r, c, year, pid) GROUP BY r, c, year;"
	"INSERT INTO browse_years(region_id, chain_id, year, n_projects, amount) SELECT r, c, year, dn, da FROM bu_pyears"
	" WHERE 1 ON CONFLICT(region_id, chain_id, year) DO UPDATE SET n_projects = n_projects + excluded.n_projects,"
	" amount = CASE WHEN n_projects + excluded.n_projects = 0 THEN 0 ELSE amount + excluded.amount END;"
	"DELETE FROM browse_years WHERE (region_id, chain_id, year) IN (SELECT r, c, year FROM bu_pyears) AND n_projects = 0;"
	"CREATE TEMP TABLE bu_cells(r TEXT, c TEXT, PRIMARY KEY(r, c)) WITHOUT ROWID;"
	"INSERT INTO bu_cells SELECT r, c FROM bu_pcells;"
	/* changed documents: -1 in each cell of what the summaries count for them (the log's old
	 * ids), +1 in each cell of what they are now; "" stands for any region or chain */
	"CREATE TEMP TABLE bd_r(did INTEGER, s INTEGER, r TEXT, PRIMARY KEY(did, s, r)) WITHOUT ROWID;"
	"INSERT OR IGNORE INTO bd_r SELECT l.doc_id, -1, ra.ancestor_id FROM main.change_log_docs l, json_each(l.old_regions) j"
	" JOIN region_ancestors ra ON ra.region_id = j.value WHERE l.existed;"
	"INSERT OR IGNORE INTO bd_r SELECT doc_id, -1, '' FROM main.change_log_docs WHERE existed;"
	"INSERT OR IGNORE INTO bd_r SELECT l.doc_id, 1, ra.ancestor_id FROM main.change_log_docs l"
	" CROSS JOIN doc_regions dr ON dr.doc_id = l.doc_id CROSS JOIN region_ancestors ra ON ra.region_id = dr.region_id;"
	"INSERT OR IGNORE INTO bd_r SELECT l.doc_id, 1, '' FROM main.change_log_docs l CROSS JOIN documents d ON d.id = l.doc_id;"
	"CREATE TEMP TABLE bd_c(did INTEGER, s INTEGER, c TEXT, PRIMARY KEY(did, s, c)) WITHOUT ROWID;"
	"INSERT OR IGNORE INTO bd_c SELECT l.doc_id, -1, ca.ancestor_id FROM main.change_log_docs l, json_each(l.old_chains) j"
	" JOIN browse_chain_ancestors ca ON ca.chain_id = j.value WHERE l.existed;"
	"INSERT OR IGNORE INTO bd_c SELECT doc_id, -1, '' FROM main.change_log_docs WHERE existed;"
	"INSERT OR IGNORE INTO bd_c SELECT l.doc_id, 1, ca.ancestor_id FROM main.change_log_docs l"
	" CROSS JOIN doc_chains dc ON dc.doc_id = l.doc_id CROSS JOIN browse_chain_ancestors ca ON ca.chain_id = dc.chain_id;"
	"INSERT OR IGNORE INTO bd_c SELECT l.doc_id, 1, '' FROM main.change_log_docs l CROSS JOIN documents d ON d.id = l.doc_id;"
	"CREATE TEMP TABLE bd_n(r TEXT, c TEXT, n INTEGER);"
	"INSERT INTO bd_n SELECT r.r, c.c, sum(r.s) FROM bd_r r JOIN bd_c c ON c.did = r.did AND c.s = r.s"
	" GROUP BY r.r, c.c HAVING sum(r.s) <> 0;"
	"INSERT INTO browse_facets(region_id, chain_id, n_docs) SELECT r, c, n FROM bd_n WHERE 1"
	" ON CONFLICT(region_id, chain_id) DO UPDATE SET n_docs = n_docs + excluded.n_docs;"
	"INSERT OR IGNORE INTO bu_cells SELECT r, c FROM bd_n;"
	/* cells left with nothing go, as a rebuild would not make them; the ("", "") cell stays */
	"DELETE FROM browse_facets WHERE (region_id, chain_id) IN (SELECT r, c FROM bu_cells)"
	" AND n_projects = 0 AND n_docs = 0 AND (region_id <> '' OR chain_id <> '');"
	/* the tree markers of the touched cells. Only a touched cell's markers can change: a cell
	 * that comes or goes is touched through a document or project that counts in every
	 * ancestor region and chain too, and a parent in the tree is always such an ancestor. */
	"UPDATE browse_facets SET" KIDS_COLUMNS
	" FROM bu_cells WHERE browse_facets.region_id = bu_cells.r AND browse_facets.chain_id = bu_cells.c;";

/* A delta that leaves a negative count, or a total that disagrees with the facts, means the
 * log and the summaries parted (a write that bypassed the store, say): rebuild instead. */
static const char delta_check_sql[] =
	"SELECT (SELECT count(*) FROM temp.bu_cells t CROSS JOIN browse_facets f ON f.region_id = t.r AND f.chain_id = t.c"
	"        WHERE f.n_docs < 0 OR f.n_projects < 0 OR f.n_converted < 0) = 0"
	" AND (SELECT count(*) FROM temp.bu_pyears t CROSS JOIN browse_years y"
	"      ON y.region_id = t.r AND y.chain_id = t.c AND y.year = t.year WHERE y.n_projects < 0) = 0"
	" AND (SELECT n_docs FROM browse_facets WHERE region_id = '' AND chain_id = '') = (SELECT count(*) FROM documents)"
	" AND (SELECT n_projects FROM browse_facets WHERE region_id = '' AND chain_id = '') = (SELECT count(*) FROM projects)"
	" AND (SELECT count(*) FROM browse_project_keys) = (SELECT count(*) FROM projects)";

static const char drop_temp_sql[] =
	"DROP TABLE IF EXISTS temp.bp_key; DROP TABLE IF EXISTS temp.bp_r; DROP TABLE IF EXISTS temp.bp_c;"
	"DROP TABLE IF EXISTS temp.bd_r; DROP TABLE IF EXISTS temp.bd_c; DROP TABLE IF EXISTS temp.bd_n;"
	"DROP TABLE IF EXISTS temp.bu_pold; DROP TABLE IF EXISTS temp.bu_prow; DROP TABLE IF EXISTS temp.bu_pcells; DROP TABLE IF EXISTS temp.bu_pyears;"
	"DROP TABLE IF EXISTS temp.bu_cells;";

/* browse_fold(text): lower-case ASCII and traditional folded to simplified, byte for byte, so a
 * name narrows the same whichever script it was written in (the `f` text is folded alike). */
static void fold_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	int n = sqlite3_value_bytes(argv[0]);
	if (!t) {
		sqlite3_result_null(ctx);
		return;
	}
	char *out = xmalloc((size_t)n + 1);
	fold_text_t2s(t, (size_t)n, out);
	for (int i = 0; i < n; i++)
		if (out[i] >= 'A' && out[i] <= 'Z')
			out[i] = (char)(out[i] - 'A' + 'a');
	sqlite3_result_text(ctx, out, n, free);
}

static int64_t query_int64(sqlite3 *db, const char *sql, int64_t fallback)
{
	sqlite3_stmt *st;
	int64_t v = fallback;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Runs sql; on failure keeps SQLite's message in msg (the rollback that follows would replace
 * it) and returns the error code. */
static int run_sql(sqlite3 *db, const char *sql, char *msg, size_t msglen)
{
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		snprintf(msg, msglen, "%s", sqlite3_errmsg(db));
	return rc;
}

/* The change log's tables exist (the store creates them when it opens the cache for writing). */
static int change_log_exists(sqlite3 *db)
{
	return table_exists(db, "change_log_docs") && table_exists(db, "change_log_projects");
}

/* ---- the rebuild's rows ----
 * A cell's projects, investment and documents are counted here in one pass over each project's
 * and each document's ancestor regions and chains, with the cells in a hash table: the counts
 * of a large cache are millions of (region, chain) pairs, which SQL would have to sort to group
 * (seconds), and that the hash table adds up in a fraction of that. The same pass lists the
 * project rows, which are sorted here as integers and appended in key order. Every id is
 * interned: cells are pairs of small integers. */

struct id_table {
	char **ids;
	uint32_t n, cap;
	uint32_t *slots;        /* index + 1 of the id, 0 = empty */
	uint32_t nslots;        /* a power of two, at least twice n */
};

static uint32_t id_intern(struct id_table *t, const char *s)
{
	if (2 * (t->n + 1) > t->nslots) {
		uint32_t ns = t->nslots ? t->nslots * 2 : 1024;
		uint32_t *slots = xcalloc(ns, sizeof *slots);
		for (uint32_t i = 0; i < t->n; i++) {
			uint32_t h = (uint32_t)hash64(t->ids[i], strlen(t->ids[i]), 0) & (ns - 1);
			while (slots[h])
				h = (h + 1) & (ns - 1);
			slots[h] = i + 1;
		}
		free(t->slots);
		t->slots = slots;
		t->nslots = ns;
	}
	uint32_t h = (uint32_t)hash64(s, strlen(s), 0) & (t->nslots - 1);
	while (t->slots[h]) {
		if (strcmp(t->ids[t->slots[h] - 1], s) == 0)
			return t->slots[h] - 1;
		h = (h + 1) & (t->nslots - 1);
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->ids = xrealloc(t->ids, t->cap * sizeof *t->ids);
	}
	t->ids[t->n] = xstrdup(s);
	t->slots[h] = ++t->n;
	return t->n - 1;
}

static void id_table_free(struct id_table *t)
{
	for (uint32_t i = 0; i < t->n; i++)
		free(t->ids[i]);
	free(t->ids);
	free(t->slots);
}

#define NO_YEAR INT32_MIN

/* A (region, chain) cell, or a (region, chain, year) one. */
struct cell {
	uint32_t r, c;
	int32_t year;
	int64_t n_projects, n_docs, n_converted;
	double amount;
};

struct cell_table {
	struct cell *cells;
	uint32_t n, cap;
	uint32_t *slots;
	uint32_t nslots;
};

static uint32_t cell_hash(uint32_t r, uint32_t c, int32_t year)
{
	uint64_t k = ((uint64_t)r << 32 | c) * 0x9e3779b97f4a7c15ULL ^ (uint64_t)(uint32_t)year * 0xc2b2ae3d27d4eb4fULL;
	return (uint32_t)(k >> 29);
}

static struct cell *cell_get(struct cell_table *t, uint32_t r, uint32_t c, int32_t year)
{
	if (2 * (t->n + 1) > t->nslots) {
		uint32_t ns = t->nslots ? t->nslots * 2 : 4096;
		uint32_t *slots = xcalloc(ns, sizeof *slots);
		for (uint32_t i = 0; i < t->n; i++) {
			uint32_t h = cell_hash(t->cells[i].r, t->cells[i].c, t->cells[i].year) & (ns - 1);
			while (slots[h])
				h = (h + 1) & (ns - 1);
			slots[h] = i + 1;
		}
		free(t->slots);
		t->slots = slots;
		t->nslots = ns;
	}
	uint32_t h = cell_hash(r, c, year) & (t->nslots - 1);
	while (t->slots[h]) {
		struct cell *x = &t->cells[t->slots[h] - 1];
		if (x->r == r && x->c == c && x->year == year)
			return x;
		h = (h + 1) & (t->nslots - 1);
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 4096;
		t->cells = xrealloc(t->cells, t->cap * sizeof *t->cells);
	}
	t->cells[t->n] = (struct cell){ .r = r, .c = c, .year = year };
	t->slots[h] = ++t->n;
	return &t->cells[t->n - 1];
}

/* Rows of (id, text) in id order, read alongside a loop over ids in the same order. */
struct id_stream {
	sqlite3_stmt *st;
	int rc;
};

static int stream_open(sqlite3 *db, const char *sql, struct id_stream *s)
{
	s->rc = sqlite3_prepare_v2(db, sql, -1, &s->st, NULL);
	if (s->rc == SQLITE_OK)
		s->rc = sqlite3_step(s->st);
	return s->rc == SQLITE_ROW || s->rc == SQLITE_DONE ? SQLITE_OK : s->rc;
}

/* Appends the interned texts of the rows for id to list (the rows of smaller ids, which have
 * no owner, are skipped). */
static void stream_take(struct id_stream *s, int64_t id, struct id_table *ids, uint32_t **list, size_t *n, size_t *cap)
{
	while (s->rc == SQLITE_ROW && sqlite3_column_int64(s->st, 0) <= id) {
		if (sqlite3_column_int64(s->st, 0) == id) {
			const char *t = (const char *)sqlite3_column_text(s->st, 1);
			if (*n == *cap) {
				*cap = *cap ? *cap * 2 : 64;
				*list = xrealloc(*list, *cap * sizeof **list);
			}
			(*list)[(*n)++] = id_intern(ids, t ? t : "");
		}
		s->rc = sqlite3_step(s->st);
	}
}

/* The stream ended or stopped at a row, not at an error. */
static int stream_ok(const struct id_stream *s)
{
	return s->rc == SQLITE_ROW || s->rc == SQLITE_DONE;
}

static int u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Sorts and removes duplicates. */
static size_t unique_ids(uint32_t *v, size_t n)
{
	if (n < 2)
		return n;
	sort_array(v, n, sizeof *v, u32_cmp);
	size_t m = 1;
	for (size_t i = 1; i < n; i++)
		if (v[i] != v[m - 1])
			v[m++] = v[i];
	return m;
}

static int cell_cmp(const void *a, const void *b)
{
	const struct cell *x = a, *y = b;
	if (x->r != y->r)
		return x->r < y->r ? -1 : 1;
	if (x->c != y->c)
		return x->c < y->c ? -1 : 1;
	return (x->year > y->year) - (x->year < y->year);
}

static int str_ptr_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The interned ids in key order (SQLite's BINARY collation: bytewise, as strcmp) and each id's
 * rank in it, so that rows sort as integers. */
struct id_order {
	char **sorted;
	uint32_t *rank;
};

static void id_order_make(struct id_table *ids, struct id_order *o)
{
	size_t n = ids->n ? ids->n : 1;
	o->sorted = xmalloc(n * sizeof *o->sorted);
	o->rank = xmalloc(n * sizeof *o->rank);
	memcpy(o->sorted, ids->ids, ids->n * sizeof *o->sorted);
	sort_array(o->sorted, ids->n, sizeof *o->sorted, str_ptr_cmp);
	for (uint32_t i = 0; i < ids->n; i++)
		o->rank[id_intern(ids, o->sorted[i])] = i;
}

static void id_order_free(struct id_order *o)
{
	free(o->sorted);
	free(o->rank);
}

/* Writes the cells in key order. */
static int write_cells(sqlite3 *db, struct cell_table *t, const struct id_order *o, int years)
{
	for (uint32_t i = 0; i < t->n; i++) {
		t->cells[i].r = o->rank[t->cells[i].r];
		t->cells[i].c = o->rank[t->cells[i].c];
	}
	sort_array(t->cells, t->n, sizeof *t->cells, cell_cmp);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, years
		? "INSERT INTO browse_years(region_id, chain_id, year, n_projects, amount) VALUES(?1, ?2, ?3, ?4, ?5)"
		: "INSERT INTO browse_facets(region_id, chain_id, n_projects, n_docs, amount, n_converted)"
		  " VALUES(?1, ?2, ?4, ?6, ?5, ?7)", -1, &st, NULL);
	for (uint32_t i = 0; rc == SQLITE_OK && i < t->n; i++) {
		const struct cell *x = &t->cells[i];
		sqlite3_bind_text(st, 1, o->sorted[x->r], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, o->sorted[x->c], -1, SQLITE_STATIC);
		if (years)
			sqlite3_bind_int(st, 3, x->year);
		sqlite3_bind_int64(st, 4, x->n_projects);
		sqlite3_bind_double(st, 5, x->amount);
		if (!years) {
			sqlite3_bind_int64(st, 6, x->n_docs);
			sqlite3_bind_int64(st, 7, x->n_converted);
		}
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? sqlite3_reset(st) : rc;
	}
	sqlite3_finalize(st);
	return rc;
}

/* A project's sort keys, as bp_key has them. */
struct project_keys {
	int64_t pid;
	double amount_key;
	int converted;
	char *date_key, *name_key;
	int date_len, name_len;
};

/* A row of browse_project_facets: (region, chain) as interned ids, then as ranks; the project
 * as its index in the projects read, then as its rank in (name_key, project_id) order. */
struct project_row { uint32_t r, c, p; };

static int project_row_cmp(const void *a, const void *b)
{
	const struct project_row *x = a, *y = b;
	if (x->r != y->r)
		return x->r < y->r ? -1 : 1;
	if (x->c != y->c)
		return x->c < y->c ? -1 : 1;
	return (x->p > y->p) - (x->p < y->p);
}

/* Orders projects as the table's key does after (region, chain): name_key bytewise, then id. */
static int project_name_cmp(const void *a, const void *b)
{
	const struct project_keys *x = *(const struct project_keys *const *)a, *y = *(const struct project_keys *const *)b;
	int n = x->name_len < y->name_len ? x->name_len : y->name_len;
	int d = memcmp(x->name_key, y->name_key, (size_t)n);
	if (d)
		return d;
	if (x->name_len != y->name_len)
		return x->name_len < y->name_len ? -1 : 1;
	return (x->pid > y->pid) - (x->pid < y->pid);
}

#define PROJECT_ROWS_PER_INSERT 64

/* Writes browse_project_facets (empty, without its secondary indexes) in key order: a sorted
 * append is the cheapest way to fill a b-tree. */
static int write_project_rows(sqlite3 *db, struct project_keys *projects, size_t n_projects,
			      struct project_row *rows, size_t n_rows, const struct id_order *o)
{
	struct project_keys **by_name = xmalloc((n_projects ? n_projects : 1) * sizeof *by_name);
	uint32_t *name_rank = xmalloc((n_projects ? n_projects : 1) * sizeof *name_rank);
	for (size_t i = 0; i < n_projects; i++)
		by_name[i] = &projects[i];
	sort_array(by_name, n_projects, sizeof *by_name, project_name_cmp);
	for (size_t i = 0; i < n_projects; i++)
		name_rank[by_name[i] - projects] = (uint32_t)i;
	for (size_t i = 0; i < n_rows; i++) {
		rows[i].r = o->rank[rows[i].r];
		rows[i].c = o->rank[rows[i].c];
		rows[i].p = name_rank[rows[i].p];
	}
	sort_array(rows, n_rows, sizeof *rows, project_row_cmp);
	/* PROJECT_ROWS_PER_INSERT rows per statement (a few per statement for the rest): a
	 * statement's start costs about as much as a row */
	sqlite3_stmt *batch = NULL, *one = NULL;
	struct buf sql = {0};
	buf_puts(&sql, "INSERT INTO browse_project_facets(region_id, chain_id, project_id, amount_key, converted, date_key,"
		 " name_key) VALUES(?, ?, ?, ?, ?, ?, ?)");
	int rc = sqlite3_prepare_v2(db, buf_cstr(&sql), -1, &one, NULL);
	for (int i = 1; i < PROJECT_ROWS_PER_INSERT; i++)
		buf_puts(&sql, ", (?, ?, ?, ?, ?, ?, ?)");
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, buf_cstr(&sql), -1, &batch, NULL);
	buf_free(&sql);
	for (size_t i = 0; rc == SQLITE_OK && i < n_rows;) {
		sqlite3_stmt *st = n_rows - i >= PROJECT_ROWS_PER_INSERT ? batch : one;
		int n = st == batch ? PROJECT_ROWS_PER_INSERT : 1;
		for (int j = 0; j < n; j++, i++) {
			const struct project_row *x = &rows[i];
			const struct project_keys *k = by_name[x->p];
			int p = 7 * j;
			sqlite3_bind_text(st, p + 1, o->sorted[x->r], -1, SQLITE_STATIC);
			sqlite3_bind_text(st, p + 2, o->sorted[x->c], -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, p + 3, k->pid);
			sqlite3_bind_double(st, p + 4, k->amount_key);
			sqlite3_bind_int(st, p + 5, k->converted);
			sqlite3_bind_text(st, p + 6, k->date_key, k->date_len, SQLITE_STATIC);
			sqlite3_bind_text(st, p + 7, k->name_key, k->name_len, SQLITE_STATIC);
		}
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? sqlite3_reset(st) : rc;
	}
	sqlite3_finalize(batch);
	sqlite3_finalize(one);
	free(by_name);
	free(name_rank);
	return rc;
}

static char *col_bytes_dup(sqlite3_stmt *st, int i, int *len)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	*len = sqlite3_column_bytes(st, i);
	char *s = xmalloc((size_t)*len + 1);
	if (*len)
		memcpy(s, t, (size_t)*len);
	s[*len] = '\0';
	return s;
}

/* Fills browse_project_facets, browse_facets (without the tree markers) and browse_years, all
 * empty, from the projects in browse_project_keys with their cells' regions and chains ("" included),
 * and from the documents with their regions and chains and the ancestors of those. */
static int write_summary_rows(sqlite3 *db, char *msg, size_t msglen)
{
	struct id_table ids = {0};
	struct cell_table cells = {0}, years = {0};
	struct id_stream items = {0}, rs = {0}, cs = {0};
	struct id_order order = {0};
	uint32_t *rl = NULL, *cl = NULL;
	size_t rcap = 0, ccap = 0;
	struct project_keys *projects = NULL;
	size_t n_projects = 0, projects_cap = 0;
	struct project_row *rows = NULL;
	size_t n_rows = 0, rows_cap = 0;
	uint32_t any = id_intern(&ids, "");
	int rc = stream_open(db, "SELECT project_id, " AMOUNT_SHARE("amount_key") ", converted, " YEAR_OF_DATE_KEY("date_key") ","
			     " amount_key, date_key, name_key FROM browse_project_keys ORDER BY project_id", &items);
	if (rc == SQLITE_OK)
		rc = stream_open(db, "SELECT project_id, region_id FROM browse_project_regions ORDER BY project_id", &rs);
	if (rc == SQLITE_OK)
		rc = stream_open(db, "SELECT project_id, chain_id FROM browse_project_chains ORDER BY project_id", &cs);
	for (; rc == SQLITE_OK && items.rc == SQLITE_ROW; items.rc = sqlite3_step(items.st)) {
		int64_t pid = sqlite3_column_int64(items.st, 0);
		double share = sqlite3_column_double(items.st, 1);
		int converted = sqlite3_column_int(items.st, 2) != 0;
		int has_year = sqlite3_column_type(items.st, 3) != SQLITE_NULL;
		int32_t year = sqlite3_column_int(items.st, 3);
		size_t nr = 0, nc = 0;
		stream_take(&rs, pid, &ids, &rl, &nr, &rcap);
		stream_take(&cs, pid, &ids, &cl, &nc, &ccap);
		if (n_projects == projects_cap) {
			projects_cap = projects_cap ? projects_cap * 2 : 4096;
			projects = xrealloc(projects, projects_cap * sizeof *projects);
		}
		struct project_keys *k = &projects[n_projects];
		k->pid = pid;
		k->amount_key = sqlite3_column_double(items.st, 4);
		k->converted = converted;
		k->date_key = col_bytes_dup(items.st, 5, &k->date_len);
		k->name_key = col_bytes_dup(items.st, 6, &k->name_len);
		if (n_rows + nr * nc > rows_cap) {
			rows_cap = (n_rows + nr * nc) * 2 + 4096;
			rows = xrealloc(rows, rows_cap * sizeof *rows);
		}
		for (size_t i = 0; i < nr; i++)
			for (size_t j = 0; j < nc; j++) {
				rows[n_rows++] = (struct project_row){ rl[i], cl[j], (uint32_t)n_projects };
				struct cell *x = cell_get(&cells, rl[i], cl[j], NO_YEAR);
				x->n_projects++;
				x->amount += share;
				x->n_converted += converted;
				if (has_year) {
					x = cell_get(&years, rl[i], cl[j], year);
					x->n_projects++;
					x->amount += share;
				}
			}
		n_projects++;
	}
	if (rc == SQLITE_OK && (items.rc != SQLITE_DONE || !stream_ok(&rs) || !stream_ok(&cs)))
		rc = SQLITE_ERROR;
	sqlite3_finalize(items.st);
	sqlite3_finalize(rs.st);
	sqlite3_finalize(cs.st);
	items = rs = cs = (struct id_stream){0};
	/* every document counts in the "" region and chain, whatever it mentions */
	if (rc == SQLITE_OK)
		rc = stream_open(db, "SELECT id FROM documents ORDER BY id", &items);
	if (rc == SQLITE_OK)
		rc = stream_open(db, "SELECT dr.doc_id, ra.ancestor_id FROM doc_regions dr"
				 " JOIN region_ancestors ra ON ra.region_id = dr.region_id ORDER BY dr.doc_id", &rs);
	if (rc == SQLITE_OK)
		rc = stream_open(db, "SELECT dc.doc_id, ca.ancestor_id FROM doc_chains dc"
				 " JOIN browse_chain_ancestors ca ON ca.chain_id = dc.chain_id ORDER BY dc.doc_id", &cs);
	for (; rc == SQLITE_OK && items.rc == SQLITE_ROW; items.rc = sqlite3_step(items.st)) {
		int64_t did = sqlite3_column_int64(items.st, 0);
		size_t nr = 0, nc = 0;
		stream_take(&rs, did, &ids, &rl, &nr, &rcap);
		stream_take(&cs, did, &ids, &cl, &nc, &ccap);
		if (nr == rcap)
			rl = xrealloc(rl, (rcap = rcap * 2 + 1) * sizeof *rl);
		if (nc == ccap)
			cl = xrealloc(cl, (ccap = ccap * 2 + 1) * sizeof *cl);
		rl[nr++] = any;
		cl[nc++] = any;
		nr = unique_ids(rl, nr);
		nc = unique_ids(cl, nc);
		for (size_t i = 0; i < nr; i++)
			for (size_t j = 0; j < nc; j++)
				cell_get(&cells, rl[i], cl[j], NO_YEAR)->n_docs++;
	}
	if (rc == SQLITE_OK && (items.rc != SQLITE_DONE || !stream_ok(&rs) || !stream_ok(&cs)))
		rc = SQLITE_ERROR;
	sqlite3_finalize(items.st);
	sqlite3_finalize(rs.st);
	sqlite3_finalize(cs.st);
	/* the ("", "") cell always exists, also in an empty cache */
	cell_get(&cells, any, any, NO_YEAR);
	id_order_make(&ids, &order);
	if (rc == SQLITE_OK)
		rc = write_project_rows(db, projects, n_projects, rows, n_rows, &order);
	if (rc == SQLITE_OK)
		rc = write_cells(db, &cells, &order, 0);
	if (rc == SQLITE_OK)
		rc = write_cells(db, &years, &order, 1);
	if (rc != SQLITE_OK)
		snprintf(msg, msglen, "writing the summaries: %s", sqlite3_errmsg(db));
	for (size_t i = 0; i < n_projects; i++) {
		free(projects[i].date_key);
		free(projects[i].name_key);
	}
	free(projects);
	free(rows);
	id_order_free(&order);
	free(rl);
	free(cl);
	free(cells.cells);
	free(cells.slots);
	free(years.cells);
	free(years.slots);
	id_table_free(&ids);
	return rc;
}

#define REBUILD_SORT_THREADS "2"

/* Rebuilds every summary table and empties the change log (its changes are all read now). */
static int rebuild_summaries(sqlite3 *db, char *msg, size_t msglen)
{
	int rc = run_sql(db, rebuild_sql, msg, msglen);
	if (rc == SQLITE_OK)
		rc = write_summary_rows(db, msg, msglen);
	if (rc == SQLITE_OK) {
		/* the index builds sort with helper threads (measured: a third less time on two
		 * cores); the connection is the indexer's, so its setting is put back */
		int64_t threads = query_int64(db, "PRAGMA threads", 0);
		sqlite3_exec(db, "PRAGMA threads = " REBUILD_SORT_THREADS, NULL, NULL, NULL);
		rc = run_sql(db, rebuild_finish_sql, msg, msglen);
		char sql[96];
		snprintf(sql, sizeof sql, "PRAGMA threads = %lld", (long long)threads);
		sqlite3_exec(db, sql, NULL, NULL, NULL);
	}
	if (rc == SQLITE_OK) {
		char sql[96];
		snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO browse_state VALUES('derivation', %d)", SUMMARY_DERIVATION);
		rc = run_sql(db, sql, msg, msglen);
	}
	if (rc == SQLITE_OK && change_log_exists(db))
		rc = run_sql(db, "DELETE FROM change_log_docs; DELETE FROM change_log_projects;", msg, msglen);
	if (rc == SQLITE_OK && table_exists(db, "meta"))
		rc = run_sql(db, "DELETE FROM meta WHERE key = 'change_log_incomplete'", msg, msglen);
	sqlite3_exec(db, drop_temp_sql, NULL, NULL, NULL);
	return rc;
}

/* Applies the change log in a savepoint of its own: on any failure or disagreement the savepoint
 * is rolled back and the caller rebuilds. */
static int apply_change_log(sqlite3 *db, char *msg, size_t msglen)
{
	int rc = run_sql(db, "SAVEPOINT browse_delta", msg, msglen);
	if (rc != SQLITE_OK)
		return rc;
	rc = run_sql(db, delta_sql, msg, msglen);
	if (rc == SQLITE_OK && query_int64(db, delta_check_sql, 0) != 1) {
		snprintf(msg, msglen, "the change log disagrees with the summaries");
		rc = SQLITE_CORRUPT;
	}
	if (rc == SQLITE_OK)
		rc = run_sql(db, "DELETE FROM change_log_docs; DELETE FROM change_log_projects; RELEASE browse_delta",
			     msg, msglen);
	if (rc != SQLITE_OK)
		sqlite3_exec(db, "ROLLBACK TO browse_delta; RELEASE browse_delta", NULL, NULL, NULL);
	sqlite3_exec(db, drop_temp_sql, NULL, NULL, NULL);
	return rc;
}

/* How many logged changes the update applies cell by cell: past this a rebuild, which reads
 * everything once, is about as cheap (the first index logs nothing and always rebuilds). */
static int small_enough(int64_t changed, int64_t total)
{
	return changed <= 2000 || changed <= total / 20;
}

/* What the update should do, read inside its transaction. */
static enum browse_update plan_update(sqlite3 *db)
{
	if (!summaries_built(db) || !change_log_exists(db) ||
	    query_int64(db, "SELECT value FROM browse_state WHERE key = 'derivation'", -1) != SUMMARY_DERIVATION ||
	    query_int64(db, "SELECT count(*) FROM meta WHERE key = 'change_log_incomplete'", 1) != 0)
		return BROWSE_UPDATE_REBUILD;
	int64_t docs = query_int64(db, "SELECT count(*) FROM change_log_docs", -1);
	int64_t projects = query_int64(db, "SELECT count(*) FROM change_log_projects", -1);
	if (docs < 0 || projects < 0)
		return BROWSE_UPDATE_REBUILD;
	if (docs == 0 && projects == 0)
		return BROWSE_UPDATE_NONE;
	int64_t all_docs = query_int64(db, "SELECT n_docs FROM browse_facets WHERE region_id = '' AND chain_id = ''", 0);
	int64_t all_projects = query_int64(db, "SELECT n_projects FROM browse_facets WHERE region_id = '' AND chain_id = ''", 0);
	return small_enough(docs, all_docs) && small_enough(projects, all_projects) ? BROWSE_UPDATE_DELTA
										   : BROWSE_UPDATE_REBUILD;
}

/* The summaries are written under one write lock: BEGIN IMMEDIATE when no transaction is open
 * (so the plan and the writes see the same log), a savepoint inside the caller's otherwise. */
static int summaries_begin(sqlite3 *db, int *own_tx, char *msg, size_t msglen)
{
	int rc = browse_prepare_schema(db);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "browse_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, fold_function,
					     NULL, NULL);
	if (rc != SQLITE_OK) {
		snprintf(msg, msglen, "%s", sqlite3_errmsg(db));
		return rc;
	}
	*own_tx = sqlite3_get_autocommit(db);
	return run_sql(db, *own_tx ? "BEGIN IMMEDIATE" : "SAVEPOINT browse_summaries", msg, msglen);
}

static int summaries_end(sqlite3 *db, int own_tx, int rc, char *msg, size_t msglen)
{
	if (rc == SQLITE_OK)
		return run_sql(db, own_tx ? "COMMIT" : "RELEASE browse_summaries", msg, msglen);
	sqlite3_exec(db, own_tx ? "ROLLBACK" : "ROLLBACK TO browse_summaries; RELEASE browse_summaries", NULL, NULL, NULL);
	return rc;
}

int browse_refresh_summaries(sqlite3 *db)
{
	char msg[256] = "";
	int own_tx;
	int rc = summaries_begin(db, &own_tx, msg, sizeof msg);
	if (rc == SQLITE_OK)
		rc = summaries_end(db, own_tx, rebuild_summaries(db, msg, sizeof msg), msg, sizeof msg);
	if (rc != SQLITE_OK)
		warnx_("browser summaries: %s", msg);
	return rc;
}

int browse_update_summaries(sqlite3 *db, enum browse_update *done)
{
	char msg[256] = "";
	int own_tx;
	enum browse_update plan = BROWSE_UPDATE_REBUILD;
	int rc = summaries_begin(db, &own_tx, msg, sizeof msg);
	if (rc == SQLITE_OK) {
		plan = plan_update(db);
		if (plan == BROWSE_UPDATE_DELTA && apply_change_log(db, msg, sizeof msg) != SQLITE_OK) {
			warnx_("browser summaries: %s; rebuilding them", msg);
			plan = BROWSE_UPDATE_REBUILD;
		}
		if (plan == BROWSE_UPDATE_REBUILD)
			rc = rebuild_summaries(db, msg, sizeof msg);
		rc = summaries_end(db, own_tx, rc, msg, sizeof msg);
	}
	if (rc != SQLITE_OK)
		warnx_("browser summaries: %s", msg);
	if (done)
		*done = plan;
	return rc;
}

/* ---- opening ---- */

/* A cache indexed by a build without the browser's summaries (or in an older layout): build
 * them once, on a writing connection that gives up at once if an index holds the cache. */
static int build_missing_summaries(const char *path, char *err, size_t errlen)
{
	sqlite3 *w = NULL;
	int rc = sqlite3_open_v2(path, &w, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(w, 200);
		rc = browse_refresh_summaries(w);
	}
	if (rc != SQLITE_OK)
		snprintf(err, errlen, "%s: the browser's summary tables are missing and cannot be built now (%s); run `chainscope index` again",
			 path, w ? sqlite3_errmsg(w) : "cannot open");
	sqlite3_close(w);
	return rc;
}

struct browse *browse_open(const char *path, char *err, size_t errlen)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", path, db ? sqlite3_errmsg(db) : "cannot open");
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 2000);
	sqlite3_stmt *st;
	int ok = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE name IN ('documents','projects','regions','chains')",
				    -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 4;
	sqlite3_finalize(st);
	if (!ok) {
		snprintf(err, errlen, "%s: not a chainscope cache (run `chainscope index DIR` first)", path);
		sqlite3_close(db);
		return NULL;
	}
	if (!summaries_built(db)) {
		if (build_missing_summaries(path, err, errlen) != SQLITE_OK) {
			sqlite3_close(db);
			return NULL;
		}
	}
	if (tokenizer_register(db) != SQLITE_OK || snippet_register(db) != SQLITE_OK) {
		snprintf(err, errlen, "cannot register the search tokenizer");
		sqlite3_close(db);
		return NULL;
	}
	struct browse *b = xcalloc(1, sizeof *b);
	b->db = db;
	return b;
}

void browse_close(struct browse *b)
{
	if (!b)
		return;
	sqlite3_close(b->db);
	free(b);
}

const char *browse_errmsg(struct browse *b)
{
	return b->err[0] ? b->err : sqlite3_errmsg(b->db);
}

void browse_row_clear(struct browse_row *r)
{
	free(r->name);
	free(r->name_zh);
	free(r->sub);
	free(r->sub2);
	memset(r, 0, sizeof *r);
}

/* ---- helpers ---- */

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return xstrdup(t ? (const char *)t : "");
}

static void col_copy(sqlite3_stmt *st, int i, char *dst, size_t len)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	snprintf(dst, len, "%s", t ? (const char *)t : "");
}

static sqlite3_stmt *prepare(struct browse *b, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(b->db, sql, -1, &st, NULL) != SQLITE_OK) {
		snprintf(b->err, sizeof b->err, "%s", sqlite3_errmsg(b->db));
		return NULL;
	}
	b->err[0] = '\0';
	return st;
}

/* The `f` text as a LIKE pattern (escaped, traditional folded to simplified to match name_zh). */
static char *like_pattern(const char *narrow, int strip_spaces)
{
	size_t n = strlen(narrow);
	char *folded = xmalloc(n + 1);
	fold_text_t2s(narrow, n, folded);
	folded[n] = '\0';
	struct buf b = {0};
	buf_putc(&b, '%');
	for (size_t i = 0; i < n; i++) {
		char c = folded[i];
		if (strip_spaces && c == ' ')
			continue;
		if (c == '%' || c == '_' || c == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, c);
	}
	buf_putc(&b, '%');
	free(folded);
	char *pat = xstrdup(buf_cstr(&b));
	buf_free(&b);
	return pat;
}

static int has_narrow(const struct browse_spec *s)
{
	return s->narrow && s->narrow[0];
}

/* ---- lists ----
 * The joins with browse_facets are CROSS JOINs: SQLite then loops over the few children of the
 * parent and looks each one up by primary key, instead of scanning every facet row of the
 * chain (or region) through the secondary index, which it otherwise tends to prefer. */

/* The SQL of a list: columns, FROM/WHERE with named parameters, and the order. Each list orders
 * by a tuple (k1, k2, id) or (k1, id) that is unique, so "after this key" is exact. */
struct list_sql {
	const char *select;       /* columns: see read_row() */
	const char *from_where;
	const char *k1, *k2, *id; /* order columns; k2 may be NULL */
	int desc;                 /* list order is descending */
	int text_key;             /* k1 is text (into key.text), else a number (key.num) */
	/* two-stage lists: from_where finds and orders the page's ids (rid) alone, and `outer` joins
	 * the tables the columns need for the page's rows only (aliased pg.rid) */
	const char *rid, *outer;
};

static const char region_cols[] =
	"r.id, r.name_en, r.name_zh, r.level, coalesce(fc.n_projects, 0), coalesce(fc.n_docs, 0), coalesce(fc.amount, 0),"
	" fc.kids_r, '', ''";
static const char chain_cols[] =
	"ch.id, ch.name_en, ch.name_zh, 0, coalesce(fc.n_projects, 0), coalesce(fc.n_docs, 0), coalesce(fc.amount, 0),"
	" fc.kids_c, '', ''";
static const char project_cols[] =
	"p.id, p.name, coalesce(p.company, ''), 0, 0, coalesce(p.n_sources, 0), p.amount_value,"
	" 0, coalesce(rg.name_en, p.region_id, ''),"
	" coalesce((SELECT group_concat(c.name_en, ', ') FROM project_chains pc JOIN chains c ON c.id = pc.chain_id"
	"  WHERE pc.project_id = p.id), ''),"
	" coalesce(p.date, ''), coalesce(p.status, ''), coalesce(p.amount_currency, '')";

static void list_sql_for(const struct browse_spec *s, struct list_sql *L)
{
	memset(L, 0, sizeof *L);
	switch (s->list) {
	case BL_REGIONS:
		L->select = region_cols;
		/* narrowed: from the chain's cells (an index range) to their regions. Not the other
		 * way round: once `PRAGMA optimize` has analysed browse_facets, SQLite puts a Bloom
		 * filter on it for that join, built by scanning every cell (30 ms on a million
		 * documents, measured) */
		L->from_where = has_narrow(s)
			? " FROM browse_facets fc CROSS JOIN regions r ON r.id = fc.region_id"
			  " WHERE fc.chain_id = :chain AND (:parent = '' OR r.id IN (SELECT region_id FROM region_ancestors WHERE ancestor_id = :parent))"
			  " AND r.id <> :parent AND (r.name_en LIKE :pat ESCAPE '\\' OR r.name_zh LIKE :pat ESCAPE '\\'"
			  "  OR replace(r.pinyin, ' ', '') LIKE :pat2 ESCAPE '\\' OR r.id = :raw)"
			: " FROM browse_region_children c CROSS JOIN regions r ON r.id = c.child_id"
			  " CROSS JOIN browse_facets fc ON fc.region_id = r.id AND fc.chain_id = :chain WHERE c.parent_id = :parent";
		if (s->sort == BS_NAME) {
			L->k1 = "lower(r.name_en)"; L->id = "r.id"; L->text_key = 1;
		} else {
			L->k1 = "fc.n_projects"; L->k2 = "fc.n_docs"; L->id = "r.id"; L->desc = 1;
		}
		break;
	case BL_CHAINS:
		L->select = chain_cols;
		L->from_where = has_narrow(s)
			? " FROM chains ch CROSS JOIN browse_facets fc ON fc.chain_id = ch.id AND fc.region_id = :region"
			  " WHERE (:parent = '' OR ch.id IN (SELECT chain_id FROM browse_chain_ancestors WHERE ancestor_id = :parent))"
			  " AND ch.id <> :parent AND (ch.name_en LIKE :pat ESCAPE '\\' OR ch.name_zh LIKE :pat ESCAPE '\\'"
			  "  OR ch.id LIKE :pat ESCAPE '\\')"
			: " FROM chains ch CROSS JOIN browse_facets fc ON fc.chain_id = ch.id AND fc.region_id = :region"
			  " WHERE coalesce(ch.parent_id, '') = :parent";
		if (s->sort == BS_NAME) {
			L->k1 = "lower(ch.name_en)"; L->id = "ch.id"; L->text_key = 1;
		} else {
			L->k1 = "fc.n_projects"; L->k2 = "fc.n_docs"; L->id = "ch.id"; L->desc = 1;
		}
		break;
	case BL_PROJECTS:
		L->select = project_cols;
		/* narrowing reads name_key from the sort's own index: no project row per candidate */
		L->from_where = !has_narrow(s)
			? " FROM browse_project_facets pf WHERE pf.region_id = :region AND pf.chain_id = :chain"
			: s->sort == BS_NAME
			? " FROM browse_project_facets pf"
			  " WHERE pf.region_id = :region AND pf.chain_id = :chain AND pf.name_key LIKE :pat ESCAPE '\\'"
			: s->sort == BS_DATE
			? " FROM browse_project_facets pf INDEXED BY browse_pf_date"
			  " WHERE pf.region_id = :region AND pf.chain_id = :chain AND pf.name_key LIKE :pat ESCAPE '\\'"
			: " FROM browse_project_facets pf INDEXED BY browse_pf_amount"
			  " WHERE pf.region_id = :region AND pf.chain_id = :chain AND pf.name_key LIKE :pat ESCAPE '\\'";
		L->rid = "pf.project_id";
		L->outer = " JOIN projects p ON p.id = pg.rid LEFT JOIN regions rg ON rg.id = p.region_id";
		L->id = "pf.project_id";
		if (s->sort == BS_NAME) {
			L->k1 = "pf.name_key"; L->text_key = 1;
		} else if (s->sort == BS_DATE) {
			L->k1 = "pf.date_key"; L->text_key = 1; L->desc = 1;
		} else {
			L->k1 = "pf.amount_key"; L->desc = 1;
		}
		break;
	case BL_SOURCES:
		L->select = "d.id, coalesce(nullif(d.title, ''), d.path), coalesce(ps.name, ''), 0, 0, 0, ps.amount_value, 0,"
			    " coalesce(ps.amount_text, ''), d.path, coalesce(d.date, ''), coalesce(ps.status, ''),"
			    " coalesce(ps.amount_currency, '')";
		L->from_where = " FROM project_sources ps JOIN documents d ON d.id = ps.doc_id WHERE ps.project_id = :project";
		L->k1 = "coalesce(d.date, '')"; L->id = "d.id * 10000 + ps.ordinal"; L->text_key = 1;
		break;
	case BL_SEARCH:
		break;      /* search_fetch() */
	}
}

/* Reads one row of the columns above into r, with its key. */
static void read_row(sqlite3_stmt *st, const struct browse_spec *s, const struct list_sql *L, struct browse_row *r, int kcol)
{
	memset(r, 0, sizeof *r);
	col_copy(st, 0, r->id, sizeof r->id);
	r->num_id = sqlite3_column_int64(st, 0);
	r->name = col_dup(st, 1);
	r->name_zh = col_dup(st, 2);
	r->level = sqlite3_column_int(st, 3);
	r->n_projects = sqlite3_column_int64(st, 4);
	if (s->list == BL_PROJECTS || s->list == BL_SOURCES) {
		r->n_sources = sqlite3_column_int64(st, 5);
		r->has_amount = sqlite3_column_type(st, 6) != SQLITE_NULL;
		r->amount = sqlite3_column_double(st, 6);
		r->sub = col_dup(st, 8);
		r->sub2 = col_dup(st, 9);
		col_copy(st, 10, r->date, sizeof r->date);
		col_copy(st, 11, r->status, sizeof r->status);
		col_copy(st, 12, r->currency, sizeof r->currency);
	} else {
		r->n_docs = sqlite3_column_int64(st, 5);
		r->amount = sqlite3_column_double(st, 6);
		r->has_amount = r->amount > 0;
		r->has_children = sqlite3_column_int(st, 7);
		snprintf(r->currency, sizeof r->currency, "CNY");
	}
	if (L->text_key)
		col_copy(st, kcol, r->key.text, sizeof r->key.text);
	else
		r->key.num = sqlite3_column_double(st, kcol);
	if (L->k2)
		r->key.num2 = sqlite3_column_double(st, kcol + 1);
	col_copy(st, kcol + (L->k2 ? 2 : 1), r->key.id, sizeof r->key.id);
}

static void bind_common(sqlite3_stmt *st, const struct browse_spec *s, char *pat, char *pat2)
{
	int i;
	if ((i = sqlite3_bind_parameter_index(st, ":region")))
		sqlite3_bind_text(st, i, s->filter.region, -1, SQLITE_TRANSIENT);
	if ((i = sqlite3_bind_parameter_index(st, ":chain")))
		sqlite3_bind_text(st, i, s->filter.chain, -1, SQLITE_TRANSIENT);
	if ((i = sqlite3_bind_parameter_index(st, ":parent")))
		sqlite3_bind_text(st, i, s->parent, -1, SQLITE_TRANSIENT);
	if ((i = sqlite3_bind_parameter_index(st, ":project")))
		sqlite3_bind_int64(st, i, s->project_id);
	if ((i = sqlite3_bind_parameter_index(st, ":pat")))
		sqlite3_bind_text(st, i, pat, -1, SQLITE_TRANSIENT);
	if ((i = sqlite3_bind_parameter_index(st, ":pat2")))
		sqlite3_bind_text(st, i, pat2, -1, SQLITE_TRANSIENT);
	if ((i = sqlite3_bind_parameter_index(st, ":raw")))
		sqlite3_bind_text(st, i, s->narrow ? s->narrow : "", -1, SQLITE_TRANSIENT);
}

static int search_fetch(struct browse *b, struct browse_search *s, const struct browse_key *key, int dir, int limit,
			struct browse_row *rows);
static int64_t search_count(struct browse_search *s);

/* The rows after or before key; with total, also the number of rows in the whole list, counted
 * in the same pass (a window function) rather than by a second scan. */
static int fetch_rows(struct browse *b, const struct browse_spec *spec, const struct browse_key *key,
		      int dir, int limit, struct browse_row *rows, int64_t *total)
{
	struct list_sql L;
	list_sql_for(spec, &L);
	/* going backwards flips both the comparison and the order */
	int desc = dir < 0 ? !L.desc : L.desc;
	const char *cmp = desc ? "<" : ">";
	const char *ord = desc ? "DESC" : "ASC";
	struct buf sql = {0};
	if (L.outer)
		buf_printf(&sql, "SELECT %s, pg.k1, %spg.kid%s FROM (SELECT %s AS rid, %s AS k1, %s%s%s AS kid%s %s",
			   L.select, L.k2 ? "pg.k2, " : "", total ? ", pg.total" : "", L.rid, L.k1, L.k2 ? L.k2 : "",
			   L.k2 ? " AS k2, " : "", L.id, total ? ", count(*) OVER () AS total" : "", L.from_where);
	else
		buf_printf(&sql, "SELECT %s, %s, %s%s%s%s %s", L.select, L.k1, L.k2 ? L.k2 : "", L.k2 ? ", " : "", L.id,
			   total ? ", count(*) OVER ()" : "", L.from_where);
	if (key) {
		if (L.k2)
			buf_printf(&sql, " AND (%s, %s, %s) %s (:k1, :k2, :kid)", L.k1, L.k2, L.id, cmp);
		else
			buf_printf(&sql, " AND (%s, %s) %s (:k1, :kid)", L.k1, L.id, cmp);
	}
	buf_printf(&sql, " ORDER BY %s %s, ", L.k1, ord);
	if (L.k2)
		buf_printf(&sql, "%s %s, ", L.k2, ord);
	buf_printf(&sql, "%s %s LIMIT %d", L.id, ord, limit);
	if (L.outer) {
		buf_printf(&sql, ") pg %s ORDER BY pg.k1 %s, ", L.outer, ord);
		if (L.k2)
			buf_printf(&sql, "pg.k2 %s, ", ord);
		buf_printf(&sql, "pg.kid %s", ord);
	}
	sqlite3_stmt *st = prepare(b, buf_cstr(&sql));
	buf_free(&sql);
	if (!st)
		return -1;
	char *pat = has_narrow(spec) ? like_pattern(spec->narrow, 0) : NULL;
	char *pat2 = has_narrow(spec) ? like_pattern(spec->narrow, 1) : NULL;
	bind_common(st, spec, pat, pat2);
	if (key) {
		int i = sqlite3_bind_parameter_index(st, ":k1");
		if (L.text_key)
			sqlite3_bind_text(st, i, key->text, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_double(st, i, key->num);
		if (L.k2)
			sqlite3_bind_double(st, sqlite3_bind_parameter_index(st, ":k2"), key->num2);
		/* ids compare as they are stored: numbers for projects and sources, text otherwise */
		i = sqlite3_bind_parameter_index(st, ":kid");
		if (spec->list == BL_PROJECTS || spec->list == BL_SOURCES)
			sqlite3_bind_int64(st, i, strtoll(key->id, NULL, 10));
		else
			sqlite3_bind_text(st, i, key->id, -1, SQLITE_TRANSIENT);
	}
	int ncols = sqlite3_column_count(st);
	int kcol = ncols - (L.k2 ? 3 : 2) - (total ? 1 : 0);
	int n = 0, rc;
	if (total)
		*total = 0;
	while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (total && n == 0)
			*total = sqlite3_column_int64(st, ncols - 1);
		read_row(st, spec, &L, &rows[n++], kcol);
	}
	if (n < limit && rc != SQLITE_DONE) {
		snprintf(b->err, sizeof b->err, "%s", sqlite3_errmsg(b->db));
		for (int i = 0; i < n; i++)
			browse_row_clear(&rows[i]);
		n = -1;
	}
	sqlite3_finalize(st);
	free(pat);
	free(pat2);
	return n;
}

int browse_fetch(struct browse *b, const struct browse_spec *spec, const struct browse_key *key,
		 int dir, int limit, struct browse_row *rows)
{
	if (limit <= 0)
		return 0;
	if (spec->list == BL_SEARCH)
		return search_fetch(b, spec->search, key, dir, limit, rows);
	return fetch_rows(b, spec, key, dir, limit, rows, NULL);
}

int browse_fetch_first(struct browse *b, const struct browse_spec *spec, int limit, struct browse_row *rows,
		       int64_t *total)
{
	/* a narrowed tree list is sorted by a scan anyway: count it in the same pass (projects walk
	 * an index in order and stop at a page, so their count is a separate, capped scan) */
	if (has_narrow(spec) && (spec->list == BL_REGIONS || spec->list == BL_CHAINS) && limit > 0)
		return fetch_rows(b, spec, NULL, 1, limit, rows, total);
	int n = browse_fetch(b, spec, NULL, 1, limit, rows);
	*total = n < 0 ? -1 : n < limit ? n : browse_count(b, spec);
	return n;
}

int64_t browse_count(struct browse *b, const struct browse_spec *spec)
{
	if (spec->list == BL_SEARCH)
		return search_count(spec->search);
	if (spec->list == BL_PROJECTS && !has_narrow(spec)) {
		struct browse_totals t;
		if (browse_totals(b, &spec->filter, &t))
			return -1;
		return t.n_projects;
	}
	struct list_sql L;
	list_sql_for(spec, &L);
	struct buf sql = {0};
	/* a narrowed list is counted by scanning it: stop past the cap */
	buf_printf(&sql, "SELECT count(*) FROM (SELECT 1 %s LIMIT %d)", L.from_where, BROWSE_COUNT_CAP + 1);
	sqlite3_stmt *st = prepare(b, buf_cstr(&sql));
	buf_free(&sql);
	if (!st)
		return -1;
	char *pat = has_narrow(spec) ? like_pattern(spec->narrow, 0) : NULL;
	char *pat2 = has_narrow(spec) ? like_pattern(spec->narrow, 1) : NULL;
	bind_common(st, spec, pat, pat2);
	int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	free(pat);
	free(pat2);
	return n;
}

int browse_totals(struct browse *b, const struct browse_filter *f, struct browse_totals *t)
{
	memset(t, 0, sizeof *t);
	sqlite3_stmt *st = prepare(b, "SELECT n_projects, n_docs, amount, n_converted FROM browse_facets"
				      " WHERE region_id = ?1 AND chain_id = ?2");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, f->region, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, f->chain, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		t->n_projects = sqlite3_column_int64(st, 0);
		t->n_docs = sqlite3_column_int64(st, 1);
		t->amount = sqlite3_column_double(st, 2);
		t->converted = sqlite3_column_int(st, 3) > 0;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* ---- search ---- */

/* Conditions on documents d for the query's facets and the browser's filter. Region names are
 * matched in English, Chinese (with or without the 市/省/区 suffix) or pinyin, or as ids. */
static char *search_where(const struct query *q, const struct browse_filter *f, int n_params_before)
{
	struct buf w = {0};
	int p = n_params_before;
	buf_puts(&w, "1");
	for (int i = 0; i < q->n_regions; i++)
		buf_printf(&w, " AND EXISTS(SELECT 1 FROM doc_regions dr JOIN region_ancestors ra ON ra.region_id = dr.region_id"
			   " JOIN regions rr ON rr.id = ra.ancestor_id WHERE dr.doc_id = d.id AND (rr.id = ?%d"
			   " OR lower(rr.name_en) = lower(?%d) OR lower(rr.name_en) LIKE lower(?%d) || ' %%'"
			   " OR rr.name_zh = ?%d OR rr.name_zh GLOB ?%d || '?'"
			   " OR replace(rr.pinyin, ' ', '') = lower(replace(?%d, ' ', ''))))",
			   p + 1, p + 1, p + 1, p + 1, p + 1, p + 1), p++;
	for (int i = 0; i < q->n_chains; i++)
		buf_printf(&w, " AND EXISTS(SELECT 1 FROM doc_chains dc JOIN browse_chain_ancestors ca ON ca.chain_id = dc.chain_id"
			   " WHERE dc.doc_id = d.id AND ca.ancestor_id = ?%d)", p + 1), p++;
	if (q->n_years) {
		buf_puts(&w, " AND substr(d.date, 1, 4) IN (");
		for (int i = 0; i < q->n_years; i++)
			buf_printf(&w, "%s'%04d'", i ? "," : "", q->years[i] % 10000);
		buf_puts(&w, ")");
	}
	if (q->lang[0])
		buf_printf(&w, " AND d.lang = ?%d", p + 1), p++;
	if (f->region[0])
		buf_printf(&w, " AND EXISTS(SELECT 1 FROM doc_regions dr JOIN region_ancestors ra ON ra.region_id = dr.region_id"
			   " WHERE dr.doc_id = d.id AND ra.ancestor_id = ?%d)", p + 1), p++;
	if (f->chain[0])
		buf_printf(&w, " AND EXISTS(SELECT 1 FROM doc_chains dc JOIN browse_chain_ancestors ca ON ca.chain_id = dc.chain_id"
			   " WHERE dc.doc_id = d.id AND ca.ancestor_id = ?%d)", p + 1), p++;
	char *where = xstrdup(buf_cstr(&w));
	buf_free(&w);
	return where;
}

/* Binds the parameters search_where() numbered from first. */
static void search_bind(struct browse_search *s, sqlite3_stmt *st, int first)
{
	int p = first;
	for (int i = 0; i < s->q.n_regions; i++)
		sqlite3_bind_text(st, p++, s->q.regions[i], -1, SQLITE_TRANSIENT);
	for (int i = 0; i < s->q.n_chains; i++)
		sqlite3_bind_text(st, p++, s->q.chains[i], -1, SQLITE_TRANSIENT);
	if (s->q.lang[0])
		sqlite3_bind_text(st, p++, s->q.lang, -1, SQLITE_TRANSIENT);
	if (s->f.region[0])
		sqlite3_bind_text(st, p++, s->f.region, -1, SQLITE_TRANSIENT);
	if (s->f.chain[0])
		sqlite3_bind_text(st, p++, s->f.chain, -1, SQLITE_TRANSIENT);
}

static void search_fail(struct browse *b, char *err, size_t errlen)
{
	const char *m = sqlite3_errmsg(b->db);
	/* FTS5 reports its syntax errors as "fts5: syntax error near ..." */
	snprintf(err, errlen, "search: %s", m);
}

struct browse_search *browse_search_open(struct browse *b, const char *text, const struct browse_filter *f,
					 char *err, size_t errlen)
{
	struct browse_search *s = xcalloc(1, sizeof *s);
	s->b = b;
	s->f = *f;
	if (query_parse(text, &s->q, err, errlen) != 0) {
		free(s);
		return NULL;
	}
	if (!s->q.match && !s->q.n_regions && !s->q.n_chains && !s->q.n_years && !s->q.lang[0]) {
		snprintf(err, errlen, "empty search");
		browse_search_close(s);
		return NULL;
	}
	int has_match = s->q.match != NULL;
	s->where = search_where(&s->q, f, has_match ? 1 : 0);
	/* the conditions as seen from an FTS row, so FTS5 keeps its own (rowid) order */
	if (strcmp(s->where, "1") == 0) {
		s->doc_cond = xstrdup("1");
	} else {
		struct buf c = {0};
		buf_printf(&c, "EXISTS(SELECT 1 FROM documents d WHERE d.id = documents_fts.rowid AND %s)", s->where);
		s->doc_cond = xstrdup(buf_cstr(&c));
		buf_free(&c);
	}
	struct buf sql = {0};
	/* count the matches, up to a cap */
	if (has_match)
		buf_printf(&sql, "SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ?1 AND %s LIMIT %d)",
			   s->doc_cond, SEARCH_COUNT_CAP + 1);
	else
		buf_printf(&sql, "SELECT count(*) FROM (SELECT 1 FROM documents d WHERE %s LIMIT %d)", s->where, SEARCH_COUNT_CAP + 1);
	sqlite3_stmt *st = prepare(b, buf_cstr(&sql));
	buf_clear(&sql);
	if (!st)
		goto fail;
	if (has_match)
		sqlite3_bind_text(st, 1, s->q.match, -1, SQLITE_TRANSIENT);
	search_bind(s, st, has_match ? 2 : 1);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		goto fail;
	}
	s->count = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (s->count > SEARCH_COUNT_CAP) {
		s->count = SEARCH_COUNT_CAP;
		s->capped = 1;
	}
	s->ranked = has_match && s->count <= SEARCH_RANK_LIMIT;
	if (s->ranked) {
		buf_printf(&sql, "SELECT d.id FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
			   " WHERE documents_fts MATCH ?1 AND %s ORDER BY documents_fts.rank LIMIT %d", s->where, SEARCH_RANK_LIMIT);
		st = prepare(b, buf_cstr(&sql));
		if (!st)
			goto fail;
		sqlite3_bind_text(st, 1, s->q.match, -1, SQLITE_TRANSIENT);
		search_bind(s, st, 2);
		s->ids = xmalloc(sizeof *s->ids * (size_t)(s->count > 0 ? s->count : 1));
		int rc;
		while (s->n_ids < s->count && (rc = sqlite3_step(st)) == SQLITE_ROW)
			s->ids[s->n_ids++] = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		s->count = s->n_ids;
	}
	buf_free(&sql);
	return s;
fail:
	search_fail(b, err, errlen);
	buf_free(&sql);
	browse_search_close(s);
	return NULL;
}

void browse_search_close(struct browse_search *s)
{
	if (!s)
		return;
	query_free(&s->q);
	free(s->where);
	free(s->doc_cond);
	free(s->ids);
	free(s);
}

int64_t browse_search_count(struct browse_search *s, int *capped)
{
	if (capped)
		*capped = s->capped;
	return s->count;
}

int browse_search_ranked(struct browse_search *s)
{
	return s->ranked;
}

static int64_t search_count(struct browse_search *s)
{
	return s->count;
}

/* Fills a result row for doc id: title, date, path and the snippet of the match. */
static int search_row(struct browse *b, struct browse_search *s, int64_t id, struct browse_row *r)
{
	memset(r, 0, sizeof *r);
	sqlite3_stmt *st = prepare(b, s->q.match
		? "SELECT d.id, coalesce(nullif(d.title, ''), d.path), coalesce(d.date, ''), d.path,"
		  " (SELECT cs_snippet(documents_fts, char(1), char(2), '…', 16) FROM documents_fts"
		  "   WHERE documents_fts MATCH ?2 AND rowid = d.id), coalesce(d.lang, '')"
		  " FROM documents d WHERE d.id = ?1"
		: "SELECT d.id, coalesce(nullif(d.title, ''), d.path), coalesce(d.date, ''), d.path,"
		  " substr(d.text, 1, 300), coalesce(d.lang, '') FROM documents d WHERE d.id = ?1");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (s->q.match)
		sqlite3_bind_text(st, 2, s->q.match, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->num_id = sqlite3_column_int64(st, 0);
		snprintf(r->id, sizeof r->id, "%lld", (long long)r->num_id);
		r->name = col_dup(st, 1);
		col_copy(st, 2, r->date, sizeof r->date);
		r->sub2 = col_dup(st, 3);
		r->sub = col_dup(st, 4);
		r->name_zh = col_dup(st, 5);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static int search_fetch(struct browse *b, struct browse_search *s, const struct browse_key *key, int dir, int limit,
			struct browse_row *rows)
{
	int n = 0;
	if (s->ranked) {
		/* the key is the rank position */
		int64_t pos = key ? (int64_t)key->num + (dir > 0 ? 1 : -1) : (dir > 0 ? 0 : s->n_ids - 1);
		while (n < limit && pos >= 0 && pos < s->n_ids) {
			if (search_row(b, s, s->ids[pos], &rows[n]) == 0) {
				rows[n].key.num = (double)pos;
				snprintf(rows[n].key.id, sizeof rows[n].key.id, "%lld", (long long)pos);
				n++;
			}
			pos += dir > 0 ? 1 : -1;
		}
		return n;
	}
	/* unranked: by document id, newest-indexed first */
	struct buf sql = {0};
	int has_match = s->q.match != NULL;
	int kp = has_match ? 2 : 1;
	/* FTS5 walks its matches in rowid order itself, so a page costs a page */
	const char *idcol = has_match ? "documents_fts.rowid" : "d.id";
	buf_printf(&sql, has_match
		   ? "SELECT documents_fts.rowid FROM documents_fts WHERE documents_fts MATCH ?1 AND %s"
		   : "SELECT d.id FROM documents d WHERE %s", has_match ? s->doc_cond : s->where);
	int nparams = kp + s->q.n_regions + s->q.n_chains + (s->q.lang[0] != 0) + (s->f.region[0] != 0) + (s->f.chain[0] != 0);
	if (key)
		buf_printf(&sql, " AND %s %s ?%d", idcol, dir > 0 ? "<" : ">", nparams);
	buf_printf(&sql, " ORDER BY %s %s LIMIT %d", idcol, dir > 0 ? "DESC" : "ASC", limit);
	sqlite3_stmt *st = prepare(b, buf_cstr(&sql));
	buf_free(&sql);
	if (!st)
		return -1;
	if (has_match)
		sqlite3_bind_text(st, 1, s->q.match, -1, SQLITE_TRANSIENT);
	search_bind(s, st, kp);
	if (key)
		sqlite3_bind_int64(st, nparams, (int64_t)key->num);
	int64_t ids[256];
	int m = 0;
	while (m < limit && m < (int)ARRAY_LEN(ids) && sqlite3_step(st) == SQLITE_ROW)
		ids[m++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	for (int i = 0; i < m; i++)
		if (search_row(b, s, ids[i], &rows[n]) == 0) {
			rows[n].key.num = (double)ids[i];
			snprintf(rows[n].key.id, sizeof rows[n].key.id, "%lld", (long long)ids[i]);
			n++;
		}
	return n;
}

/* ---- a project ---- */

int browse_project(struct browse *b, int64_t id, struct browse_project *p)
{
	memset(p, 0, sizeof *p);
	sqlite3_stmt *st = prepare(b,
		"SELECT p.id, coalesce(p.name, ''), coalesce(p.company, ''), coalesce(rg.name_en, p.region_id, ''),"
		" coalesce(rg.name_zh, ''),"
		" coalesce((SELECT group_concat(n, ' › ') FROM (SELECT r2.name_en AS n FROM region_ancestors ra"
		"   JOIN regions r2 ON r2.id = ra.ancestor_id WHERE ra.region_id = p.region_id AND r2.level > 0"
		"   ORDER BY r2.level)), ''),"
		" coalesce((SELECT group_concat(c.name_en || ' ' || coalesce(c.name_zh, ''), '; ') FROM project_chains pc"
		"   JOIN chains c ON c.id = pc.chain_id WHERE pc.project_id = p.id), ''),"
		" coalesce(p.status, ''), coalesce(p.date, ''), p.amount_value, coalesce(p.amount_currency, ''),"
		" coalesce(p.n_sources, 0)"
		" FROM projects p LEFT JOIN regions rg ON rg.id = p.region_id WHERE p.id = ?1");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		p->id = sqlite3_column_int64(st, 0);
		p->name = col_dup(st, 1);
		p->company = col_dup(st, 2);
		p->region = col_dup(st, 3);
		p->region_zh = col_dup(st, 4);
		p->region_path = col_dup(st, 5);
		p->chains = col_dup(st, 6);
		p->status = col_dup(st, 7);
		p->date = col_dup(st, 8);
		p->has_amount = sqlite3_column_type(st, 9) != SQLITE_NULL;
		p->amount = sqlite3_column_double(st, 9);
		col_copy(st, 10, p->currency, sizeof p->currency);
		p->n_sources = sqlite3_column_int64(st, 11);
	} else {
		snprintf(b->err, sizeof b->err, "project %lld not found", (long long)id);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

void browse_project_clear(struct browse_project *p)
{
	free(p->name); free(p->company); free(p->region); free(p->region_zh); free(p->region_path);
	free(p->chains); free(p->status); free(p->date);
	memset(p, 0, sizeof *p);
}

/* ---- a document ---- */

static void add_span(struct browse_document *d, size_t *cap, int64_t start, int64_t end, enum browse_mark m)
{
	/* offsets come from the cache: keep only spans that lie inside the text */
	if (start < 0 || end <= start || (uint64_t)end > d->text_len)
		return;
	if (d->n_spans == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		d->spans = xrealloc(d->spans, *cap * sizeof *d->spans);
	}
	d->spans[d->n_spans++] = (struct browse_span){ (uint32_t)start, (uint32_t)end, m };
}

static enum browse_mark mention_mark(sqlite3_stmt *st, int col)
{
	if (sqlite3_column_type(st, col) == SQLITE_INTEGER) {
		static const enum browse_mark by_kind[] = { BM_REGION, BM_CHAIN, BM_AMOUNT, BM_COMPANY, BM_PROJECT_NAME, BM_DATE };
		int k = sqlite3_column_int(st, col);
		return k >= 0 && k < (int)ARRAY_LEN(by_kind) ? by_kind[k] : BM_DATE;
	}
	const char *k = (const char *)sqlite3_column_text(st, col);
	if (!k) return BM_DATE;
	if (!strcmp(k, "region")) return BM_REGION;
	if (!strcmp(k, "chain")) return BM_CHAIN;
	if (!strcmp(k, "amount")) return BM_AMOUNT;
	if (!strcmp(k, "company")) return BM_COMPANY;
	if (!strcmp(k, "project")) return BM_PROJECT_NAME;
	return BM_DATE;
}

/* The byte ranges cs_highlight() (snippet.c) marks with \1 .. \2 in the document's first
 * BROWSE_MARKS_MAX_BYTES, found by walking the marked text beside the original (so a \1 byte in
 * the document itself is not taken for a mark). FTS5's own highlight() would mark a 50 MB line
 * of one repeated word in full, a million marks, before the reader could draw. */
static void search_spans(struct browse *b, struct browse_search *s, struct browse_document *d, size_t *cap)
{
	if (!s->q.match)
		return;
	sqlite3_stmt *st = prepare(b, "SELECT cs_highlight(documents_fts, char(1), char(2), ?3) FROM documents_fts"
				      " WHERE documents_fts MATCH ?1 AND rowid = ?2");
	if (!st)
		return;
	sqlite3_bind_text(st, 1, s->q.match, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, d->id);
	sqlite3_bind_int(st, 3, BROWSE_MARKS_MAX_BYTES);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 0);
		size_t hn = (size_t)sqlite3_column_bytes(st, 0), i = 0, j = 0;
		int64_t open = -1;
		while (h && j < hn) {
			if (i < d->text_len && h[j] == d->text[i]) {
				i++, j++;
			} else if (h[j] == '\1') {
				open = (int64_t)i, j++;
			} else if (h[j] == '\2') {
				if (open >= 0)
					add_span(d, cap, open, (int64_t)i, BM_SEARCH);
				open = -1, j++;
			} else {
				break;      /* not the text we have: give up on marks rather than misplace them */
			}
		}
	}
	sqlite3_finalize(st);
}

static int span_cmp(const void *a, const void *b)
{
	const struct browse_span *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start ? 1 : (x->end > y->end) - (x->end < y->end);
}

int browse_document(struct browse *b, int64_t doc_id, int64_t project, struct browse_search *search,
		    struct browse_document *d)
{
	memset(d, 0, sizeof *d);
	sqlite3_stmt *st = prepare(b, "SELECT id, coalesce(nullif(title, ''), path), path, coalesce(date, ''),"
				      " coalesce(lang, ''), coalesce(url, ''), coalesce(text, '') FROM documents WHERE id = ?1");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, doc_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		snprintf(b->err, sizeof b->err, "document %lld is no longer in the cache", (long long)doc_id);
		sqlite3_finalize(st);
		return -1;
	}
	d->id = sqlite3_column_int64(st, 0);
	d->title = col_dup(st, 1);
	d->path = col_dup(st, 2);
	d->date = col_dup(st, 3);
	d->lang = col_dup(st, 4);
	d->url = col_dup(st, 5);
	const void *t = sqlite3_column_blob(st, 6);
	d->text_len = (size_t)sqlite3_column_bytes(st, 6);
	d->text = xmalloc(d->text_len + 1);
	if (d->text_len)
		memcpy(d->text, t, d->text_len);
	d->text[d->text_len] = '\0';
	sqlite3_finalize(st);

	size_t cap = 0;
	if ((st = prepare(b, "SELECT kind, start, end FROM mentions WHERE doc_id = ?1 LIMIT 100000"))) {
		sqlite3_bind_int64(st, 1, doc_id);
		while (sqlite3_step(st) == SQLITE_ROW)
			add_span(d, &cap, sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2), mention_mark(st, 0));
		sqlite3_finalize(st);
	}
	if (project > 0 && (st = prepare(b, "SELECT start, end, name_start, name_end FROM project_sources"
					    " WHERE doc_id = ?1 AND project_id = ?2"))) {
		sqlite3_bind_int64(st, 1, doc_id);
		sqlite3_bind_int64(st, 2, project);
		while (sqlite3_step(st) == SQLITE_ROW) {
			add_span(d, &cap, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), BM_PROJECT);
			add_span(d, &cap, sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3), BM_PROJECT_NAME);
		}
		sqlite3_finalize(st);
	}
	if (search)
		search_spans(b, search, d, &cap);
	if (d->n_spans)
		sort_array(d->spans, d->n_spans, sizeof *d->spans, span_cmp);
	return 0;
}

void browse_document_clear(struct browse_document *d)
{
	free(d->title); free(d->path); free(d->date); free(d->lang); free(d->url); free(d->text); free(d->spans);
	memset(d, 0, sizeof *d);
}

/* ---- statistics ---- */

int browse_stat_bars(struct browse *b, const struct browse_filter *f, int by_chain, struct browse_bar *bars, int max)
{
	sqlite3_stmt *st = prepare(b, by_chain
		? "SELECT ch.name_en, fc.n_projects, fc.amount FROM chains ch CROSS JOIN browse_facets fc"
		  " ON fc.chain_id = ch.id AND fc.region_id = ?1 WHERE coalesce(ch.parent_id, '') = ?2 AND fc.n_projects > 0"
		  " ORDER BY fc.amount DESC, fc.n_projects DESC, ch.id LIMIT ?3"
		: "SELECT r.name_en, fc.n_projects, fc.amount FROM browse_region_children c CROSS JOIN regions r ON r.id = c.child_id"
		  " CROSS JOIN browse_facets fc ON fc.region_id = r.id AND fc.chain_id = ?1 WHERE c.parent_id = ?2 AND fc.n_projects > 0"
		  " ORDER BY fc.amount DESC, fc.n_projects DESC, r.id LIMIT ?3");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, by_chain ? f->region : f->chain, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, by_chain ? f->chain : f->region, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, max);
	int n = 0;
	while (n < max && sqlite3_step(st) == SQLITE_ROW) {
		bars[n].label = col_dup(st, 0);
		bars[n].n_projects = sqlite3_column_int64(st, 1);
		bars[n].amount = sqlite3_column_double(st, 2);
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

void browse_bars_clear(struct browse_bar *bars, int n)
{
	for (int i = 0; i < n; i++)
		free(bars[i].label);
}

int browse_stat_years(struct browse *b, const struct browse_filter *f, int *first_year, int64_t *counts, int max)
{
	sqlite3_stmt *st = prepare(b, "SELECT year, n_projects FROM browse_years WHERE region_id = ?1 AND chain_id = ?2"
				      " AND year BETWEEN 1900 AND 2200 ORDER BY year DESC LIMIT ?3");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, f->region, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, f->chain, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, max);
	/* the latest `max` years, laid out oldest first with empty years as zero */
	int years[256], n = 0;
	int64_t c[256];
	while (n < max && n < 256 && sqlite3_step(st) == SQLITE_ROW) {
		years[n] = sqlite3_column_int(st, 0);
		c[n] = sqlite3_column_int64(st, 1);
		n++;
	}
	sqlite3_finalize(st);
	if (n == 0)
		return 0;
	int last = years[0], first = years[n - 1];
	if (last - first + 1 > max)
		first = last - max + 1;
	*first_year = first;
	int span = last - first + 1;
	for (int i = 0; i < span; i++)
		counts[i] = 0;
	for (int i = 0; i < n; i++)
		if (years[i] >= first)
			counts[years[i] - first] = c[i];
	return span;
}
