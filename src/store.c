/* store.c: the SQLite cache: schema and its version, the index lock, the indexer's writes in
 * bounded transactions, the merge of projects across documents, search, stats and the rows
 * the exporters print. A crash at any moment leaves a consistent cache: every document is
 * written with its facts in one transaction, merged projects touched by a write are flagged
 * dirty in that same transaction and recomputed by store_finish_index(), even by a later run.
 * Once the browser's summary tables exist, the same transactions also append to a change log
 * (change_log_sql) that browse_update_summaries() applies and empties in its own transaction.
 * Must not decode, extract or draw. */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "extract_internal.h"
#include "fold.h"
#include "snippet.h"
#include "tokenizer.h"
#include "util.h"

static const char schema_sql[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
	"CREATE TABLE roots(id INTEGER PRIMARY KEY, real_path TEXT NOT NULL UNIQUE, given_path TEXT NOT NULL);\n"
	"CREATE TABLE documents(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  root_id INTEGER NOT NULL,\n"
	"  rel_path TEXT NOT NULL,\n"
	"  path TEXT NOT NULL,\n"
	"  path_hash INTEGER NOT NULL,\n"
	"  size INTEGER NOT NULL,\n"
	"  mtime_ns INTEGER NOT NULL,\n"
	"  content_hash INTEGER NOT NULL,\n"
	"  encoding TEXT NOT NULL,\n"
	"  lang TEXT NOT NULL,\n"
	"  url TEXT,\n"
	"  title TEXT NOT NULL,\n"
	"  date TEXT,\n"
	"  text TEXT NOT NULL,\n"
	"  UNIQUE(root_id, rel_path));\n"
	"CREATE INDEX documents_date ON documents(date);\n"
	/* covers the incremental scan, so it never reads the rows that hold the text */
	"CREATE INDEX documents_known ON documents(root_id, path_hash, size, mtime_ns, content_hash);\n"
	"CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents',\n"
	"  content_rowid='id', tokenize='porter " CHAINSCOPE_TOKENIZER "');\n"
	"CREATE TABLE regions(id TEXT PRIMARY KEY, parent_id TEXT NOT NULL, level INTEGER NOT NULL,\n"
	"  name_en TEXT NOT NULL, name_zh TEXT NOT NULL, pinyin TEXT NOT NULL) WITHOUT ROWID;\n"
	"CREATE TABLE region_ancestors(region_id TEXT NOT NULL, ancestor_id TEXT NOT NULL,\n"
	"  PRIMARY KEY(ancestor_id, region_id)) WITHOUT ROWID;\n"
	"CREATE INDEX region_ancestors_region ON region_ancestors(region_id);\n"
	"CREATE TABLE chains(id TEXT PRIMARY KEY, parent_id TEXT NOT NULL, name_en TEXT NOT NULL,\n"
	"  name_zh TEXT NOT NULL) WITHOUT ROWID;\n"
	"CREATE TABLE doc_regions(doc_id INTEGER NOT NULL, region_id TEXT NOT NULL, count INTEGER NOT NULL,\n"
	"  PRIMARY KEY(doc_id, region_id)) WITHOUT ROWID;\n"
	"CREATE INDEX doc_regions_region ON doc_regions(region_id, doc_id);\n"
	"CREATE TABLE doc_chains(doc_id INTEGER NOT NULL, chain_id TEXT NOT NULL, count INTEGER NOT NULL,\n"
	"  PRIMARY KEY(doc_id, chain_id)) WITHOUT ROWID;\n"
	"CREATE INDEX doc_chains_chain ON doc_chains(chain_id, doc_id);\n"
	"CREATE TABLE mentions(doc_id INTEGER NOT NULL, kind TEXT NOT NULL, ref TEXT NOT NULL,\n"
	"  start INTEGER NOT NULL, end INTEGER NOT NULL);\n"
	"CREATE INDEX mentions_doc ON mentions(doc_id, start);\n"
	"CREATE TABLE projects(id INTEGER PRIMARY KEY, merge_key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,\n"
	"  company TEXT, region_id TEXT, amount_value REAL, amount_currency TEXT, status TEXT NOT NULL,\n"
	"  date TEXT, n_sources INTEGER NOT NULL DEFAULT 0, dirty INTEGER NOT NULL DEFAULT 1);\n"
	"CREATE INDEX projects_region ON projects(region_id);\n"
	"CREATE INDEX projects_dirty ON projects(dirty) WHERE dirty;\n"
	"CREATE TABLE project_chains(project_id INTEGER NOT NULL, chain_id TEXT NOT NULL,\n"
	"  PRIMARY KEY(project_id, chain_id)) WITHOUT ROWID;\n"
	"CREATE INDEX project_chains_chain ON project_chains(chain_id, project_id);\n"
	"CREATE TABLE project_sources(doc_id INTEGER NOT NULL, ordinal INTEGER NOT NULL,\n"
	"  project_id INTEGER NOT NULL, name TEXT NOT NULL, company TEXT, region_id TEXT,\n"
	"  chains TEXT NOT NULL, amount_value REAL, amount_currency TEXT, amount_text TEXT,\n"
	"  status TEXT NOT NULL, status_rank INTEGER NOT NULL, date TEXT, name_start INTEGER,\n"
	"  name_end INTEGER, start INTEGER NOT NULL, end INTEGER NOT NULL,\n"
	"  PRIMARY KEY(doc_id, ordinal)) WITHOUT ROWID;\n"
	"CREATE INDEX project_sources_project ON project_sources(project_id);\n";

/* The change log for the browser's summary tables (browse.c), created on every writing open so
 * caches of this schema version made before it get it too. Written in the transaction of the
 * change it records, so the log and the facts cannot disagree after a crash:
 *   change_log_docs: each document written or deleted since the summaries were last brought up
 *     to date, once, with what the summaries still count for it: existed = 0 for a document new
 *     since then, else 1 and its region and chain ids of that time as JSON arrays.
 *   change_log_projects: each merged project recomputed (or removed) by store_finish_index();
 *     its old contribution is still in the summaries' own rows.
 *   meta('change_log_incomplete'): set by bulk changes that are not logged (new reference data,
 *     store_clear_documents()): the summaries are then rebuilt from scratch.
 * Nothing is logged while the summaries do not exist (the first index): their first build reads
 * everything anyway. */
static const char change_log_sql[] =
	"CREATE TABLE IF NOT EXISTS change_log_docs(doc_id INTEGER PRIMARY KEY, existed INTEGER NOT NULL,"
	" old_regions TEXT, old_chains TEXT);\n"
	"CREATE TABLE IF NOT EXISTS change_log_projects(project_id INTEGER PRIMARY KEY);\n";
/* The condition under which changes are logged: the summaries' main table exists. Evaluated in
 * the writing transaction itself, so a summary build by another connection (the browser builds
 * missing summaries) between two batches is seen by the next one. */
#define CHANGE_LOG_WANTED "EXISTS(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'browse_facets')"
#define MARK_CHANGE_LOG_INCOMPLETE "INSERT OR REPLACE INTO meta VALUES('change_log_incomplete', '1');"

enum stmt_id {
	S_BEGIN, S_COMMIT, S_ROLLBACK,
	S_ROOT_GET, S_ROOT_INSERT, S_ROOT_UPDATE,
	S_KNOWN,
	S_DOC_INSERT, S_DOC_UPDATE, S_DOC_OLD, S_DOC_TOUCH, S_DOC_DELETE,
	S_FTS_INSERT, S_FTS_DELETE,
	S_FACTS_DEL_REGIONS, S_FACTS_DEL_CHAINS, S_FACTS_DEL_MENTIONS,
	S_FACTS_DIRTY_PROJECTS, S_FACTS_DEL_SOURCES,
	S_MENTION_INSERT, S_DOC_REGION_INSERT, S_DOC_CHAIN_INSERT,
	S_PROJECT_UPSERT, S_PROJECT_ID, S_SOURCE_INSERT,
	S_LOG_DOC_OLD, S_LOG_DOC_NEW,
	S_COUNT
};

static const char *const stmt_sql[S_COUNT] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
	[S_ROOT_GET] = "SELECT id, given_path FROM roots WHERE real_path = ?1",
	[S_ROOT_INSERT] = "INSERT INTO roots(real_path, given_path) VALUES(?1, ?2)",
	[S_ROOT_UPDATE] = "UPDATE roots SET given_path = ?2 WHERE id = ?1",
	[S_KNOWN] = "SELECT id, path_hash, size, mtime_ns, content_hash FROM documents WHERE root_id = ?1",
	[S_DOC_INSERT] = "INSERT INTO documents(root_id, rel_path, path, path_hash, size, mtime_ns,"
			 " content_hash, encoding, lang, url, title, date, text)"
			 " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
	[S_DOC_UPDATE] = "UPDATE documents SET root_id = ?1, rel_path = ?2, path = ?3, path_hash = ?4,"
			 " size = ?5, mtime_ns = ?6, content_hash = ?7, encoding = ?8, lang = ?9, url = ?10,"
			 " title = ?11, date = ?12, text = ?13 WHERE id = ?14",
	[S_DOC_OLD] = "SELECT title, text FROM documents WHERE id = ?1",
	[S_DOC_TOUCH] = "UPDATE documents SET size = ?2, mtime_ns = ?3 WHERE id = ?1",
	[S_DOC_DELETE] = "DELETE FROM documents WHERE id = ?1",
	[S_FTS_INSERT] = "INSERT INTO documents_fts(rowid, title, text) VALUES(?1, ?2, ?3)",
	[S_FTS_DELETE] = "INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES('delete', ?1, ?2, ?3)",
	[S_FACTS_DEL_REGIONS] = "DELETE FROM doc_regions WHERE doc_id = ?1",
	[S_FACTS_DEL_CHAINS] = "DELETE FROM doc_chains WHERE doc_id = ?1",
	[S_FACTS_DEL_MENTIONS] = "DELETE FROM mentions WHERE doc_id = ?1",
	[S_FACTS_DIRTY_PROJECTS] = "UPDATE projects SET dirty = 1 WHERE id IN"
				   " (SELECT project_id FROM project_sources WHERE doc_id = ?1)",
	[S_FACTS_DEL_SOURCES] = "DELETE FROM project_sources WHERE doc_id = ?1",
	[S_MENTION_INSERT] = "INSERT INTO mentions(doc_id, kind, ref, start, end) VALUES(?1, ?2, ?3, ?4, ?5)",
	[S_DOC_REGION_INSERT] = "INSERT INTO doc_regions(doc_id, region_id, count) VALUES(?1, ?2, ?3)"
				" ON CONFLICT(doc_id, region_id) DO UPDATE SET count = count + excluded.count",
	[S_DOC_CHAIN_INSERT] = "INSERT INTO doc_chains(doc_id, chain_id, count) VALUES(?1, ?2, ?3)"
			       " ON CONFLICT(doc_id, chain_id) DO UPDATE SET count = count + excluded.count",
	[S_PROJECT_UPSERT] = "INSERT INTO projects(merge_key, name, status) VALUES(?1, ?2, 'unknown')"
			     " ON CONFLICT(merge_key) DO UPDATE SET dirty = 1",
	[S_PROJECT_ID] = "SELECT id FROM projects WHERE merge_key = ?1",
	[S_SOURCE_INSERT] = "INSERT OR REPLACE INTO project_sources(doc_id, ordinal, project_id, name, company,"
			    " region_id, chains, amount_value, amount_currency, amount_text, status, status_rank,"
			    " date, name_start, name_end, start, end)"
			    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
	/* the first change since the summaries keeps the state they count (OR IGNORE) */
	[S_LOG_DOC_OLD] = "INSERT OR IGNORE INTO change_log_docs(doc_id, existed, old_regions, old_chains)"
			  " SELECT id, 1, (SELECT json_group_array(region_id) FROM doc_regions WHERE doc_id = ?1),"
			  " (SELECT json_group_array(chain_id) FROM doc_chains WHERE doc_id = ?1)"
			  " FROM documents WHERE id = ?1 AND " CHANGE_LOG_WANTED,
	[S_LOG_DOC_NEW] = "INSERT OR IGNORE INTO change_log_docs(doc_id, existed) SELECT ?1, 0 WHERE " CHANGE_LOG_WANTED,
};

struct store {
	sqlite3 *db;
	enum store_mode mode;
	int lock_fd;
	sqlite3_stmt *stmt[S_COUNT];
	char err[512];
};

/* ---- helpers ---- */

static int set_err(struct store *st, const char *what)
{
	snprintf(st->err, sizeof st->err, "%s: %s", what, sqlite3_errmsg(st->db));
	return -1;
}

const char *store_error(struct store *st)
{
	return st->err;
}

sqlite3 *store_db(struct store *st)
{
	return st->db;
}

static sqlite3_stmt *stmt(struct store *st, enum stmt_id id)
{
	if (!st->stmt[id]) {
		if (sqlite3_prepare_v3(st->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &st->stmt[id], NULL) != SQLITE_OK) {
			set_err(st, stmt_sql[id]);
			return NULL;
		}
	}
	sqlite3_reset(st->stmt[id]);
	sqlite3_clear_bindings(st->stmt[id]);
	return st->stmt[id];
}

static void bind_text_or_null(sqlite3_stmt *s, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

/* Runs a statement that returns no rows. */
static int step_done(struct store *st, sqlite3_stmt *s, const char *what)
{
	if (!s)
		return -1;
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return set_err(st, what);
	return 0;
}

static int exec(struct store *st, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(st->err, sizeof st->err, "%s", msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int64_t query_int(struct store *st, const char *sql)
{
	sqlite3_stmt *s;
	int64_t v = -1;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* ---- opening ---- */

char *store_default_path(void)
{
	const char *env = getenv("CHAINSCOPE_DB");
	if (env && *env)
		return xstrdup(env);
	struct buf b = { 0 };
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	if (xdg && *xdg == '/')
		buf_printf(&b, "%s/chainscope/cache.db", xdg);
	else
		buf_printf(&b, "%s/.cache/chainscope/cache.db", home && *home ? home : ".");
	return b.data;
}

/* mkdir -p of the directory part of path. */
static void make_parent_dirs(const char *path)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		mkdir(p, 0755);
		*s = '/';
	}
	free(p);
}

static int create_schema(struct store *st)
{
	char sql[128];
	if (exec(st, "BEGIN") || exec(st, schema_sql))
		goto fail;
	snprintf(sql, sizeof sql, "INSERT INTO meta VALUES('tokenizer_version', '%d')", CHAINSCOPE_TOKENIZER_VERSION);
	if (exec(st, sql) || exec(st, "INSERT INTO meta VALUES('created_by', 'chainscope " CHAINSCOPE_VERSION "')"))
		goto fail;
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
	if (exec(st, sql) || exec(st, "COMMIT"))
		goto fail;
	return 0;
fail:
	exec(st, "ROLLBACK");
	return -1;
}

/* Drops every table of an older or foreign schema. */
static int drop_everything(struct store *st)
{
	sqlite3_stmt *s;
	struct buf sql = { 0 };
	if (sqlite3_prepare_v2(st->db, "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view')"
				       " AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE TABLE ''%'",
			       -1, &s, NULL) != SQLITE_OK)
		return set_err(st, "reading the old schema");
	buf_puts(&sql, "PRAGMA writable_schema = OFF; BEGIN;");
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(s, 0);
		const char *name = (const char *)sqlite3_column_text(s, 1);
		char *q = sqlite3_mprintf(" DROP %s IF EXISTS \"%w\";", type, name);
		buf_puts(&sql, q);
		sqlite3_free(q);
	}
	sqlite3_finalize(s);
	buf_puts(&sql, " PRAGMA user_version = 0; COMMIT;");
	int rc = exec(st, sql.data);
	buf_free(&sql);
	if (rc == 0)
		exec(st, "VACUUM");
	return rc;
}

static int schema_is_current(struct store *st)
{
	if (query_int(st, "PRAGMA user_version") != STORE_SCHEMA_VERSION)
		return 0;
	return query_int(st, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'tokenizer_version'") ==
	       CHAINSCOPE_TOKENIZER_VERSION;
}

static int take_index_lock(struct store *st, const char *path, int *busy)
{
	struct buf lp = { 0 };
	buf_printf(&lp, "%s.lock", path);
	st->lock_fd = open(lp.data, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	buf_free(&lp);
	if (st->lock_fd < 0) {
		snprintf(st->err, sizeof st->err, "cannot create the lock file %s.lock: %s", path, strerror(errno));
		return -1;
	}
	if (flock(st->lock_fd, LOCK_EX | LOCK_NB) != 0) {
		*busy = errno == EWOULDBLOCK;
		snprintf(st->err, sizeof st->err, "the cache %s is busy: another `chainscope index` is running", path);
		return -1;
	}
	return 0;
}

struct store *store_open(const char *path, enum store_mode mode, int *busy, char *err, size_t errlen)
{
	struct store *st = xcalloc(1, sizeof *st);
	st->mode = mode;
	st->lock_fd = -1;
	int dummy_busy = 0;
	if (!busy)
		busy = &dummy_busy;
	*busy = 0;
	if (mode == STORE_WRITE) {
		make_parent_dirs(path);
		if (take_index_lock(st, path, busy))
			goto fail;
	} else if (access(path, F_OK) != 0) {
		snprintf(st->err, sizeof st->err, "no cache at %s; run `chainscope index DIR` first", path);
		goto fail;
	}
	int flags = mode == STORE_WRITE ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
	if (sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		snprintf(st->err, sizeof st->err, "cannot open the cache %s: %s", path,
			 st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(st->db, 10000);
	sqlite3_extended_result_codes(st->db, 1);
	if (tokenizer_register(st->db) != SQLITE_OK || snippet_register(st->db) != SQLITE_OK) {
		snprintf(st->err, sizeof st->err, "this SQLite has no FTS5");
		goto fail;
	}
	if (query_int(st, "SELECT count(*) FROM sqlite_master") < 0) {
		snprintf(st->err, sizeof st->err, "%s is not a chainscope cache (%s)", path, sqlite3_errmsg(st->db));
		goto fail;
	}
	if (mode == STORE_WRITE) {
		if (exec(st, "PRAGMA journal_mode = WAL") || exec(st, "PRAGMA synchronous = NORMAL"))
			goto fail;
		exec(st, "PRAGMA cache_size = -32000");
		int empty = query_int(st, "SELECT count(*) FROM sqlite_master") == 0;
		if (!empty && !schema_is_current(st)) {
			warnx_("the cache %s was built by another version of chainscope; rebuilding it", path);
			if (drop_everything(st))
				goto fail;
			empty = 1;
		}
		if (empty && create_schema(st))
			goto fail;
		if (exec(st, change_log_sql))
			goto fail;
	} else {
		if (!schema_is_current(st)) {
			snprintf(st->err, sizeof st->err,
				 "the cache %s was built by another version of chainscope; run `chainscope index DIR` to rebuild it",
				 path);
			goto fail;
		}
		exec(st, "PRAGMA query_only = 1");
	}
	return st;
fail:
	snprintf(err, errlen, "%s", st->err);
	store_close(st);
	return NULL;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	for (int i = 0; i < S_COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	if (st->db) {
		/* optimize may ANALYZE; the limit keeps that to a sample on multi-million-row tables */
		if (st->mode == STORE_WRITE)
			sqlite3_exec(st->db, "PRAGMA analysis_limit = 400; PRAGMA optimize", NULL, NULL, NULL);
		sqlite3_close_v2(st->db);
	}
	if (st->lock_fd >= 0)
		close(st->lock_fd);
	free(st);
}

/* ---- transactions ---- */

int store_begin(struct store *st)
{
	return step_done(st, stmt(st, S_BEGIN), "BEGIN");
}

int store_commit(struct store *st)
{
	return step_done(st, stmt(st, S_COMMIT), "COMMIT");
}

int store_rollback(struct store *st)
{
	return step_done(st, stmt(st, S_ROLLBACK), "ROLLBACK");
}

/* ---- reference data ---- */

int store_reference_hash(struct store *st, char *out, size_t outlen)
{
	sqlite3_stmt *s;
	out[0] = '\0';
	if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key = 'reference_hash'", -1, &s, NULL) != SQLITE_OK)
		return set_err(st, "reading the reference hash");
	if (sqlite3_step(s) == SQLITE_ROW)
		snprintf(out, outlen, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return 0;
}

int store_load_reference(struct store *st, const struct extractor *ex, const char *hash)
{
	/* the summaries' region and chain trees and every ancestor set change: rebuild them */
	if (exec(st, "DELETE FROM regions; DELETE FROM region_ancestors; DELETE FROM chains;" MARK_CHANGE_LOG_INCOMPLETE))
		return -1;
	sqlite3_stmt *ins_region = NULL, *ins_anc = NULL, *ins_chain = NULL;
	int rc = -1;
	if (sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO regions VALUES(?1, ?2, ?3, ?4, ?5, ?6)", -1, &ins_region, NULL) ||
	    sqlite3_prepare_v2(st->db, "INSERT OR IGNORE INTO region_ancestors(region_id, ancestor_id) VALUES(?1, ?2)", -1, &ins_anc, NULL) ||
	    sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO chains VALUES(?1, ?2, ?3, ?4)", -1, &ins_chain, NULL)) {
		set_err(st, "loading reference data");
		goto out;
	}
	size_t nreg = extractor_region_count(ex);
	for (size_t i = 0; i < nreg; i++) {
		const struct region_info *r = extractor_region(ex, i);
		sqlite3_reset(ins_region);
		sqlite3_bind_text(ins_region, 1, r->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_region, 2, r->parent_id, -1, SQLITE_STATIC);
		sqlite3_bind_int(ins_region, 3, r->level);
		sqlite3_bind_text(ins_region, 4, r->name_en, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_region, 5, r->name_zh, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_region, 6, r->pinyin ? r->pinyin : "", -1, SQLITE_STATIC);
		if (sqlite3_step(ins_region) != SQLITE_DONE) {
			set_err(st, "inserting a region");
			goto out;
		}
	}
	/* ancestors: the parent chain through the codes (a county's parent is its prefecture or
	 * province; zones and towns point at their division) */
	for (size_t i = 0; i < nreg; i++) {
		const struct region_info *r = extractor_region(ex, i);
		const struct region_info *a = r;
		for (int depth = 0; a && depth < 8; depth++) {
			sqlite3_reset(ins_anc);
			sqlite3_bind_text(ins_anc, 1, r->id, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins_anc, 2, a->id, -1, SQLITE_STATIC);
			if (sqlite3_step(ins_anc) != SQLITE_DONE) {
				set_err(st, "inserting a region ancestor");
				goto out;
			}
			a = a->parent_id[0] ? extractor_find_region(ex, a->parent_id) : NULL;
		}
	}
	for (size_t i = 0; i < extractor_chain_count(ex); i++) {
		const struct chain_info *c = extractor_chain(ex, i);
		sqlite3_reset(ins_chain);
		sqlite3_bind_text(ins_chain, 1, c->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_chain, 2, c->parent_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_chain, 3, c->name_en, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_chain, 4, c->name_zh, -1, SQLITE_STATIC);
		if (sqlite3_step(ins_chain) != SQLITE_DONE) {
			set_err(st, "inserting a chain");
			goto out;
		}
	}
	char *sql = sqlite3_mprintf("INSERT OR REPLACE INTO meta VALUES('reference_hash', %Q)", hash);
	rc = exec(st, sql);
	sqlite3_free(sql);
out:
	sqlite3_finalize(ins_region);
	sqlite3_finalize(ins_anc);
	sqlite3_finalize(ins_chain);
	return rc;
}

/* ---- roots and known files ---- */

int store_root(struct store *st, const char *real_path, const char *given_path, int64_t *root_id)
{
	sqlite3_stmt *s = stmt(st, S_ROOT_GET);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, real_path, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*root_id = sqlite3_column_int64(s, 0);
		int changed = strcmp((const char *)sqlite3_column_text(s, 1), given_path) != 0;
		sqlite3_reset(s);
		if (changed) {
			/* the user spelled DIR differently: display paths follow the new spelling */
			sqlite3_stmt *u = stmt(st, S_ROOT_UPDATE);
			if (!u)
				return -1;
			sqlite3_bind_int64(u, 1, *root_id);
			sqlite3_bind_text(u, 2, given_path, -1, SQLITE_STATIC);
			if (step_done(st, u, "updating a root"))
				return -1;
			char *sql = sqlite3_mprintf("UPDATE documents SET path = %Q || '/' || rel_path WHERE root_id = %lld",
						    given_path, (long long)*root_id);
			int rc = exec(st, sql);
			sqlite3_free(sql);
			return rc;
		}
		return 0;
	}
	sqlite3_reset(s);
	s = stmt(st, S_ROOT_INSERT);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, real_path, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, given_path, -1, SQLITE_STATIC);
	if (step_done(st, s, "adding a root"))
		return -1;
	*root_id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int store_known_files(struct store *st, int64_t root_id, store_known_cb cb, void *ctx)
{
	sqlite3_stmt *s = stmt(st, S_KNOWN);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, root_id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_known k = {
			.doc_id = sqlite3_column_int64(s, 0),
			.path_hash = (uint64_t)sqlite3_column_int64(s, 1),
			.size = sqlite3_column_int64(s, 2),
			.mtime_ns = sqlite3_column_int64(s, 3),
			.content_hash = (uint64_t)sqlite3_column_int64(s, 4),
		};
		cb(ctx, &k);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : set_err(st, "reading known files");
}

/* ---- documents and their facts ---- */

static const char *mention_kind_name(enum mention_kind k)
{
	switch (k) {
	case MENTION_REGION: return "region";
	case MENTION_CHAIN: return "chain";
	case MENTION_AMOUNT: return "amount";
	case MENTION_COMPANY: return "company";
	case MENTION_PROJECT: return "project";
	case MENTION_DATE: return "date";
	}
	return "other";
}

/* Removes a document's facts (not the row). Logs what the summaries count for it first, and
 * marks its merged projects dirty. */
static int delete_facts(struct store *st, int64_t doc_id)
{
	static const enum stmt_id steps[] = {
		S_LOG_DOC_OLD, S_FACTS_DEL_REGIONS, S_FACTS_DEL_CHAINS, S_FACTS_DEL_MENTIONS,
		S_FACTS_DIRTY_PROJECTS, S_FACTS_DEL_SOURCES,
	};
	for (size_t i = 0; i < ARRAY_LEN(steps); i++) {
		sqlite3_stmt *s = stmt(st, steps[i]);
		if (!s)
			return -1;
		sqlite3_bind_int64(s, 1, doc_id);
		if (step_done(st, s, "deleting old facts"))
			return -1;
	}
	return 0;
}

static int delete_fts(struct store *st, int64_t doc_id)
{
	sqlite3_stmt *old = stmt(st, S_DOC_OLD);
	if (!old)
		return -1;
	sqlite3_bind_int64(old, 1, doc_id);
	if (sqlite3_step(old) != SQLITE_ROW) {
		sqlite3_reset(old);
		return 0;
	}
	sqlite3_stmt *del = stmt(st, S_FTS_DELETE);
	if (!del) {
		sqlite3_reset(old);
		return -1;
	}
	sqlite3_bind_int64(del, 1, doc_id);
	sqlite3_bind_value(del, 2, sqlite3_column_value(old, 0));
	sqlite3_bind_value(del, 3, sqlite3_column_value(old, 1));
	int rc = step_done(st, del, "removing a document from the full-text index");
	sqlite3_reset(old);
	return rc;
}

/* The top-level chain of a "chain/segment" id. */
static size_t chain_root_len(const char *id)
{
	const char *slash = strchr(id, '/');
	return slash ? (size_t)(slash - id) : strlen(id);
}

static int add_count(struct store *st, enum stmt_id which, int64_t doc_id, const char *id, size_t idlen)
{
	sqlite3_stmt *s = stmt(st, which);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, doc_id);
	sqlite3_bind_text(s, 2, id, (int)idlen, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 3, 1);
	return step_done(st, s, "counting a mention");
}

static int insert_mentions(struct store *st, int64_t doc_id, const struct extraction *x)
{
	for (size_t i = 0; i < x->n_mentions; i++) {
		const struct mention *m = &x->mentions[i];
		sqlite3_stmt *s = stmt(st, S_MENTION_INSERT);
		if (!s)
			return -1;
		sqlite3_bind_int64(s, 1, doc_id);
		sqlite3_bind_text(s, 2, mention_kind_name(m->kind), -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, m->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 4, m->start);
		sqlite3_bind_int64(s, 5, m->end);
		if (step_done(st, s, "inserting a mention"))
			return -1;
		if (m->kind == MENTION_REGION && m->id[0]) {
			if (add_count(st, S_DOC_REGION_INSERT, doc_id, m->id, strlen(m->id)))
				return -1;
		} else if (m->kind == MENTION_CHAIN && m->id[0]) {
			/* a segment counts for itself and for its chain */
			size_t root = chain_root_len(m->id);
			if (add_count(st, S_DOC_CHAIN_INSERT, doc_id, m->id, root))
				return -1;
			if (root < strlen(m->id) && add_count(st, S_DOC_CHAIN_INSERT, doc_id, m->id, strlen(m->id)))
				return -1;
		}
	}
	return 0;
}

/* The key under which the same project from several documents is merged: its name folded
 * (case, script, punctuation, a leading article and trailing "project"/项目 dropped) and its
 * region. */
static void project_merge_key(const struct project *p, struct buf *key)
{
	buf_clear(key);
	const unsigned char *s = (const unsigned char *)p->name;
	size_t n = strlen(p->name);
	struct buf folded = { 0 };
	for (size_t i = 0; i < n; ) {
		uint32_t cp;
		int len = utf8_decode(s + i, n - i, &cp);
		i += (size_t)len;
		if (cp < 0x80) {
			if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
				buf_putc(&folded, (char)cp);
			else if (cp >= 'A' && cp <= 'Z')
				buf_putc(&folded, (char)(cp + 32));
			else if (folded.len && folded.data[folded.len - 1] != ' ')
				buf_putc(&folded, ' ');
		} else if (is_cjk_ideograph(cp)) {
			buf_put_utf8(&folded, fold_t2s(cp));
		}
	}
	const char *f = folded.len ? buf_cstr(&folded) : "";
	size_t fl = folded.len;
	while (fl && f[fl - 1] == ' ')
		fl--;
	if (fl >= 4 && strncmp(f, "the ", 4) == 0) {
		f += 4;
		fl -= 4;
	}
	static const char *const tails[] = { " project", " projects", "项目" };
	for (size_t t = 0; t < ARRAY_LEN(tails); t++) {
		size_t tl = strlen(tails[t]);
		if (fl > tl && memcmp(f + fl - tl, tails[t], tl) == 0) {
			fl -= tl;
			break;
		}
	}
	buf_append(key, f, fl);
	buf_putc(key, '|');
	buf_puts(key, p->region);
	buf_free(&folded);
}

static int insert_projects(struct store *st, int64_t doc_id, const char *text, const struct extraction *x)
{
	struct buf key = { 0 }, chains = { 0 };
	int rc = 0;
	for (size_t i = 0; i < x->n_projects && rc == 0; i++) {
		const struct project *p = &x->projects[i];
		if (!p->name || !*p->name)
			continue;
		project_merge_key(p, &key);
		sqlite3_stmt *s = stmt(st, S_PROJECT_UPSERT);
		if (!s) {
			rc = -1;
			break;
		}
		sqlite3_bind_text(s, 1, buf_cstr(&key), -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, p->name, -1, SQLITE_STATIC);
		if ((rc = step_done(st, s, "merging a project")))
			break;
		s = stmt(st, S_PROJECT_ID);
		sqlite3_bind_text(s, 1, buf_cstr(&key), -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_ROW) {
			rc = set_err(st, "finding a merged project");
			break;
		}
		int64_t project_id = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		buf_clear(&chains);
		for (int c = 0; c < p->n_chains; c++) {
			if (c)
				buf_putc(&chains, ' ');
			buf_puts(&chains, p->chains[c]);
		}
		s = stmt(st, S_SOURCE_INSERT);
		if (!s) {
			rc = -1;
			break;
		}
		sqlite3_bind_int64(s, 1, doc_id);
		sqlite3_bind_int64(s, 2, (int64_t)i);
		sqlite3_bind_int64(s, 3, project_id);
		sqlite3_bind_text(s, 4, p->name, -1, SQLITE_STATIC);
		bind_text_or_null(s, 5, p->company);
		bind_text_or_null(s, 6, p->region);
		sqlite3_bind_text(s, 7, chains.len ? chains.data : "", -1, SQLITE_STATIC);
		if (p->has_amount) {
			sqlite3_bind_double(s, 8, p->amount.value);
			sqlite3_bind_text(s, 9, p->amount.currency, -1, SQLITE_STATIC);
			if (p->amount.end > p->amount.start)
				sqlite3_bind_text(s, 10, text + p->amount.start, (int)(p->amount.end - p->amount.start), SQLITE_STATIC);
		}
		sqlite3_bind_text(s, 11, project_status_name(p->status), -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 12, (int)p->status);
		bind_text_or_null(s, 13, p->date);
		sqlite3_bind_int64(s, 14, p->name_start);
		sqlite3_bind_int64(s, 15, p->name_end);
		sqlite3_bind_int64(s, 16, p->start);
		sqlite3_bind_int64(s, 17, p->end);
		rc = step_done(st, s, "inserting a project source");
	}
	buf_free(&key);
	buf_free(&chains);
	return rc;
}

static void bind_document(sqlite3_stmt *s, const struct store_doc *d)
{
	sqlite3_bind_int64(s, 1, d->root_id);
	sqlite3_bind_text(s, 2, d->rel_path, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, d->path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, (int64_t)d->path_hash);
	sqlite3_bind_int64(s, 5, d->size);
	sqlite3_bind_int64(s, 6, d->mtime_ns);
	sqlite3_bind_int64(s, 7, (int64_t)d->content_hash);
	sqlite3_bind_text(s, 8, d->encoding, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, d->lang, -1, SQLITE_STATIC);
	bind_text_or_null(s, 10, d->url);
	sqlite3_bind_text(s, 11, d->title ? d->title : "", -1, SQLITE_STATIC);
	bind_text_or_null(s, 12, d->date);
	sqlite3_bind_text(s, 13, d->text, (int)d->text_len, SQLITE_STATIC);
}

int store_put_document(struct store *st, const struct store_doc *d, int64_t doc_id)
{
	if (doc_id > 0) {
		if (delete_fts(st, doc_id) || delete_facts(st, doc_id))
			return -1;
		sqlite3_stmt *s = stmt(st, S_DOC_UPDATE);
		if (!s)
			return -1;
		bind_document(s, d);
		sqlite3_bind_int64(s, 14, doc_id);
		if (step_done(st, s, "updating a document"))
			return -1;
	} else {
		sqlite3_stmt *s = stmt(st, S_DOC_INSERT);
		if (!s)
			return -1;
		bind_document(s, d);
		if (step_done(st, s, "inserting a document"))
			return -1;
		doc_id = sqlite3_last_insert_rowid(st->db);
		sqlite3_stmt *log = stmt(st, S_LOG_DOC_NEW);
		if (!log)
			return -1;
		sqlite3_bind_int64(log, 1, doc_id);
		if (step_done(st, log, "logging a new document"))
			return -1;
	}
	sqlite3_stmt *f = stmt(st, S_FTS_INSERT);
	if (!f)
		return -1;
	sqlite3_bind_int64(f, 1, doc_id);
	sqlite3_bind_text(f, 2, d->title ? d->title : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(f, 3, d->text, (int)d->text_len, SQLITE_STATIC);
	if (step_done(st, f, "indexing a document's text"))
		return -1;
	if (d->x && (insert_mentions(st, doc_id, d->x) || insert_projects(st, doc_id, d->text, d->x)))
		return -1;
	return 0;
}

int store_touch_document(struct store *st, int64_t doc_id, int64_t size, int64_t mtime_ns)
{
	sqlite3_stmt *s = stmt(st, S_DOC_TOUCH);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, doc_id);
	sqlite3_bind_int64(s, 2, size);
	sqlite3_bind_int64(s, 3, mtime_ns);
	return step_done(st, s, "updating a file's time");
}

int store_delete_document(struct store *st, int64_t doc_id)
{
	if (delete_fts(st, doc_id) || delete_facts(st, doc_id))
		return -1;
	sqlite3_stmt *s = stmt(st, S_DOC_DELETE);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, doc_id);
	return step_done(st, s, "deleting a document");
}

int store_clear_documents(struct store *st)
{
	/* not logged document by document: the summaries are rebuilt after this */
	return exec(st, "DELETE FROM documents; INSERT INTO documents_fts(documents_fts) VALUES('delete-all');"
			"DELETE FROM doc_regions; DELETE FROM doc_chains; DELETE FROM mentions;"
			"DELETE FROM project_sources; DELETE FROM project_chains; DELETE FROM projects;"
			MARK_CHANGE_LOG_INCOMPLETE);
}

/* Recomputes the merged fields of dirty projects from their sources: the name and company of
 * the earliest source, the furthest status, the first stated amount and region, the latest
 * date, the union of chains. Projects left without sources go. */
static const char refresh_projects_sql[] =
	/* the browser's summaries recompute these projects next (see change_log_sql) */
	"INSERT OR IGNORE INTO change_log_projects(project_id) SELECT id FROM projects WHERE dirty AND "
	CHANGE_LOG_WANTED ";"
	"DELETE FROM project_chains WHERE project_id IN (SELECT id FROM projects WHERE dirty);"
	"DELETE FROM projects WHERE dirty AND NOT EXISTS"
	" (SELECT 1 FROM project_sources s WHERE s.project_id = projects.id);"
	"UPDATE projects SET"
	" n_sources = (SELECT count(*) FROM project_sources s WHERE s.project_id = projects.id),"
	" name = (SELECT s.name FROM project_sources s WHERE s.project_id = projects.id"
	"         ORDER BY s.doc_id, s.ordinal LIMIT 1),"
	" company = (SELECT s.company FROM project_sources s WHERE s.project_id = projects.id"
	"            AND s.company IS NOT NULL ORDER BY s.doc_id, s.ordinal LIMIT 1),"
	" region_id = (SELECT s.region_id FROM project_sources s WHERE s.project_id = projects.id"
	"              AND s.region_id IS NOT NULL ORDER BY s.doc_id, s.ordinal LIMIT 1),"
	" status = (SELECT s.status FROM project_sources s WHERE s.project_id = projects.id"
	"           ORDER BY s.status_rank DESC, s.doc_id LIMIT 1),"
	" date = (SELECT max(coalesce(s.date, d.date)) FROM project_sources s JOIN documents d ON d.id = s.doc_id"
	"         WHERE s.project_id = projects.id),"
	" amount_value = (SELECT s.amount_value FROM project_sources s WHERE s.project_id = projects.id"
	"                 AND s.amount_value IS NOT NULL ORDER BY s.doc_id, s.ordinal LIMIT 1),"
	" amount_currency = (SELECT s.amount_currency FROM project_sources s WHERE s.project_id = projects.id"
	"                    AND s.amount_value IS NOT NULL ORDER BY s.doc_id, s.ordinal LIMIT 1)"
	" WHERE dirty;"
	"WITH RECURSIVE split(project_id, rest, chain) AS ("
	"  SELECT s.project_id, s.chains || ' ', NULL FROM projects p"
	"   CROSS JOIN project_sources s ON s.project_id = p.id WHERE p.dirty"
	"  UNION ALL"
	"  SELECT project_id, substr(rest, instr(rest, ' ') + 1), substr(rest, 1, instr(rest, ' ') - 1)"
	"   FROM split WHERE rest <> '')"
	"INSERT OR IGNORE INTO project_chains(project_id, chain_id)"
	" SELECT project_id, chain FROM split WHERE chain IS NOT NULL AND chain <> '';"
	"UPDATE projects SET dirty = 0 WHERE dirty;";

int store_finish_index(struct store *st, int changed)
{
	/* nothing to merge (the usual re-index of an unchanged corpus) */
	if (query_int(st, "SELECT EXISTS(SELECT 1 FROM projects WHERE dirty)") == 0)
		goto merged;
	if (exec(st, "BEGIN IMMEDIATE"))
		return -1;
	if (exec(st, refresh_projects_sql)) {
		exec(st, "ROLLBACK");
		return -1;
	}
	if (exec(st, "COMMIT"))
		return -1;
merged:
	if (changed) {
		/* merge some FTS segments after a load so searches stay fast */
		exec(st, "INSERT INTO documents_fts(documents_fts, rank) VALUES('merge', 500)");
		exec(st, "PRAGMA wal_checkpoint(PASSIVE)");
	}
	return 0;
}

/* ---- reading ---- */

/* Matches ranked per query at most (the newest, by indexing order); see store_search(). */
#define SEARCH_RANKED_MAX 4000

int store_stats(struct store *st, struct store_stats *s)
{
	memset(s, 0, sizeof *s);
	sqlite3_stmt *q;
	const char *sql =
		"SELECT (SELECT count(*) FROM documents),"
		" (SELECT coalesce(sum(size), 0) FROM documents),"
		" (SELECT count(*) FROM projects),"
		" (SELECT count(*) FROM project_sources),"
		" (SELECT count(DISTINCT region_id) FROM doc_regions),"
		" (SELECT count(DISTINCT chain_id) FROM doc_chains WHERE instr(chain_id, '/') = 0),"
		" (SELECT count(*) FROM documents WHERE lang = 'en'),"
		" (SELECT count(*) FROM documents WHERE lang = 'zh'),"
		" (SELECT count(*) FROM documents WHERE lang = 'und'),"
		" (SELECT min(date) FROM documents), (SELECT max(date) FROM documents)";
	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
		return set_err(st, "stats");
	if (sqlite3_step(q) == SQLITE_ROW) {
		int64_t *v[] = { &s->documents, &s->bytes, &s->projects, &s->project_sources,
				 &s->regions_mentioned, &s->chains_mentioned, &s->by_lang_en,
				 &s->by_lang_zh, &s->by_lang_und };
		for (size_t i = 0; i < ARRAY_LEN(v); i++)
			*v[i] = sqlite3_column_int64(q, (int)i);
		const unsigned char *a = sqlite3_column_text(q, 9), *b = sqlite3_column_text(q, 10);
		snprintf(s->first_date, sizeof s->first_date, "%s", a ? (const char *)a : "");
		snprintf(s->last_date, sizeof s->last_date, "%s", b ? (const char *)b : "");
	}
	sqlite3_finalize(q);
	return 0;
}

/* Appends the SQL condition for a region:NAME facet: documents that mention the region, or a
 * region under it, matched by id, English, Chinese (either script) or pinyin name. */
static void add_region_facet(struct buf *sql, const char *name)
{
	char *folded = xstrdup(name);
	fold_text_t2s(folded, strlen(folded), folded);
	char *q = sqlite3_mprintf(
		" AND d.id IN (SELECT dr.doc_id FROM doc_regions dr JOIN region_ancestors ra"
		" ON ra.region_id = dr.region_id WHERE ra.ancestor_id IN (SELECT id FROM regions WHERE"
		" id = %Q OR name_en = %Q COLLATE NOCASE OR name_zh = %Q OR"
		" (length(name_zh) > length(%Q) AND substr(name_zh, 1, length(%Q)) = %Q AND length(name_zh) - length(%Q) <= 2) OR"
		" replace(pinyin, ' ', '') = lower(replace(%Q, ' ', ''))))",
		name, name, folded, folded, folded, folded, folded, name);
	buf_puts(sql, q);
	sqlite3_free(q);
	free(folded);
}

static void add_facets(struct buf *sql, const struct query *q)
{
	for (int i = 0; i < q->n_regions; i++)
		add_region_facet(sql, q->regions[i]);
	for (int i = 0; i < q->n_chains; i++) {
		char *c = sqlite3_mprintf(" AND d.id IN (SELECT doc_id FROM doc_chains WHERE chain_id = %Q)", q->chains[i]);
		buf_puts(sql, c);
		sqlite3_free(c);
	}
	if (q->n_years) {
		buf_puts(sql, " AND substr(d.date, 1, 4) IN (");
		for (int i = 0; i < q->n_years; i++)
			buf_printf(sql, "%s'%04d'", i ? ", " : "", q->years[i]);
		buf_puts(sql, ")");
	}
	if (q->lang[0]) {
		char *c = sqlite3_mprintf(" AND d.lang = %Q", q->lang);
		buf_puts(sql, c);
		sqlite3_free(c);
	}
}

int store_search(struct store *st, const struct query *q, int limit, int offset,
		 const char *mark_open, const char *mark_close,
		 search_hit_cb cb, void *ctx, char *err, size_t errlen)
{
	struct buf sql = { 0 };
	if (q->match) {
		/* Two passes over the matches, whatever the page: the first scores the newest
		 * SEARCH_RANKED_MAX matches (all of them when there are fewer; scoring every match of a
		 * word found in most of a million documents would take a second), the second walks
		 * the same range once and builds snippets for the page's rows only. "+f.rowid IN"
		 * keeps the page out of FTS5's index constraints, which would re-run the MATCH once
		 * per row (costly for prefix queries). */
		int facets = q->n_regions || q->n_chains || q->n_years || q->lang[0];
		buf_puts(&sql, "WITH cand(id, score) AS (SELECT f.rowid, -bm25(documents_fts, 4.0, 1.0)"
			       " FROM documents_fts f");
		if (facets)
			buf_puts(&sql, " JOIN documents d ON d.id = f.rowid");
		buf_puts(&sql, " WHERE documents_fts MATCH ?1");
		add_facets(&sql, q);
		buf_printf(&sql, " ORDER BY f.rowid DESC LIMIT %d),", SEARCH_RANKED_MAX);
		buf_puts(&sql, " top(id, score) AS (SELECT id, score FROM cand ORDER BY score DESC, id"
			       " LIMIT ?4 OFFSET ?5),"
			       " snip(id, snippet) AS (SELECT f.rowid, cs_snippet(documents_fts, ?2, ?3, '…', 24)"
			       " FROM documents_fts f WHERE documents_fts MATCH ?1"
			       " AND f.rowid >= (SELECT min(id) FROM top) AND +f.rowid IN (SELECT id FROM top))"
			       " SELECT d.id, d.path, d.title, d.date, snip.snippet, top.score"
			       " FROM top CROSS JOIN documents d ON d.id = top.id LEFT JOIN snip ON snip.id = top.id"
			       " ORDER BY top.score DESC, top.id");
	} else {
		buf_puts(&sql, "SELECT d.id, d.path, d.title, d.date, substr(d.text, 1, 160), 0.0"
			       " FROM documents d WHERE 1");
		add_facets(&sql, q);
		buf_puts(&sql, " ORDER BY d.date DESC, d.id LIMIT ?4 OFFSET ?5");
	}
	sqlite3_stmt *s;
	int rc = -1;
	if (sqlite3_prepare_v2(st->db, sql.data, -1, &s, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "search failed: %s", sqlite3_errmsg(st->db));
		buf_free(&sql);
		return -1;
	}
	buf_free(&sql);
	if (q->match)
		sqlite3_bind_text(s, 1, q->match, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, mark_open, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, mark_close, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, limit);
	sqlite3_bind_int(s, 5, offset);
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct search_hit h = {
			.doc_id = sqlite3_column_int64(s, 0),
			.path = (const char *)sqlite3_column_text(s, 1),
			.title = (const char *)sqlite3_column_text(s, 2),
			.date = (const char *)sqlite3_column_text(s, 3),
			.snippet = (const char *)sqlite3_column_text(s, 4),
			.score = sqlite3_column_double(s, 5),
		};
		if (cb(ctx, &h))
			break;
	}
	if (step == SQLITE_ROW || step == SQLITE_DONE) {
		rc = 0;
	} else {
		const char *msg = sqlite3_errmsg(st->db);
		if (strncmp(msg, "fts5: ", 6) == 0)
			msg += 6;
		snprintf(err, errlen, "bad query: %s", msg);
	}
	sqlite3_finalize(s);
	return rc;
}

/* ---- export rows ---- */

struct export_rows {
	struct export_region *regions;
	size_t n_regions, cap_regions;
	struct export_chain *chains;
	size_t n_chains, cap_chains;
	struct export_project *projects;
	size_t n_projects, cap_projects;
};

static char *col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? xstrdup((const char *)t) : NULL;
}

static void free_rows(struct export_rows *r)
{
	for (size_t i = 0; i < r->n_regions; i++) {
		free((char *)r->regions[i].id);
		free((char *)r->regions[i].name);
	}
	for (size_t i = 0; i < r->n_chains; i++) {
		free((char *)r->chains[i].id);
		free((char *)r->chains[i].name);
	}
	for (size_t i = 0; i < r->n_projects; i++) {
		struct export_project *p = &r->projects[i];
		free((char *)p->name);
		free((char *)p->company);
		free((char *)p->region);
		free((char *)p->chains);
		free((char *)p->status);
		free((char *)p->date);
		free((char *)p->amount_currency);
		free((char *)p->amount_text);
	}
	r->n_regions = r->n_chains = r->n_projects = 0;
}

static void fill_project(struct export_project *p, sqlite3_stmt *s)
{
	memset(p, 0, sizeof *p);
	p->name = col_dup(s, 0);
	p->company = col_dup(s, 1);
	p->region = col_dup(s, 2);
	p->chains = col_dup(s, 3);
	p->has_amount = sqlite3_column_type(s, 4) != SQLITE_NULL;
	p->amount_value = sqlite3_column_double(s, 4);
	p->amount_currency = col_dup(s, 5);
	p->amount_text = col_dup(s, 6);
	p->status = col_dup(s, 7);
	p->date = col_dup(s, 8);
}

int store_each_document(struct store *st, export_document_cb cb, void *ctx)
{
	sqlite3_stmt *docs = NULL, *regs = NULL, *chs = NULL, *prj = NULL;
	struct export_rows rows = { 0 };
	int rc = -1;
	if (sqlite3_prepare_v2(st->db, "SELECT id, path, title, date, lang, encoding, url, text FROM documents"
				       " ORDER BY path", -1, &docs, NULL) ||
	    sqlite3_prepare_v2(st->db, "SELECT dr.region_id, coalesce(r.name_en, dr.region_id), dr.count"
				       " FROM doc_regions dr LEFT JOIN regions r ON r.id = dr.region_id"
				       " WHERE dr.doc_id = ?1 ORDER BY dr.count DESC, dr.region_id", -1, &regs, NULL) ||
	    sqlite3_prepare_v2(st->db, "SELECT dc.chain_id, coalesce(c.name_en, dc.chain_id), dc.count"
				       " FROM doc_chains dc LEFT JOIN chains c ON c.id = dc.chain_id"
				       " WHERE dc.doc_id = ?1 AND instr(dc.chain_id, '/') = 0"
				       " ORDER BY dc.count DESC, dc.chain_id", -1, &chs, NULL) ||
	    sqlite3_prepare_v2(st->db, "SELECT name, company, region_id, chains, amount_value, amount_currency,"
				       " amount_text, status, date FROM project_sources WHERE doc_id = ?1"
				       " ORDER BY ordinal", -1, &prj, NULL)) {
		set_err(st, "export");
		goto out;
	}
	int step;
	while ((step = sqlite3_step(docs)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(docs, 0);
		free_rows(&rows);
		sqlite3_bind_int64(regs, 1, id);
		while (sqlite3_step(regs) == SQLITE_ROW) {
			if (rows.n_regions == rows.cap_regions) {
				rows.cap_regions = rows.cap_regions ? rows.cap_regions * 2 : 16;
				rows.regions = xrealloc(rows.regions, rows.cap_regions * sizeof *rows.regions);
			}
			struct export_region *r = &rows.regions[rows.n_regions++];
			r->id = col_dup(regs, 0);
			r->name = col_dup(regs, 1);
			r->count = sqlite3_column_int64(regs, 2);
		}
		sqlite3_reset(regs);
		sqlite3_bind_int64(chs, 1, id);
		while (sqlite3_step(chs) == SQLITE_ROW) {
			if (rows.n_chains == rows.cap_chains) {
				rows.cap_chains = rows.cap_chains ? rows.cap_chains * 2 : 16;
				rows.chains = xrealloc(rows.chains, rows.cap_chains * sizeof *rows.chains);
			}
			struct export_chain *c = &rows.chains[rows.n_chains++];
			c->id = col_dup(chs, 0);
			c->name = col_dup(chs, 1);
			c->count = sqlite3_column_int64(chs, 2);
		}
		sqlite3_reset(chs);
		sqlite3_bind_int64(prj, 1, id);
		while (sqlite3_step(prj) == SQLITE_ROW) {
			if (rows.n_projects == rows.cap_projects) {
				rows.cap_projects = rows.cap_projects ? rows.cap_projects * 2 : 8;
				rows.projects = xrealloc(rows.projects, rows.cap_projects * sizeof *rows.projects);
			}
			fill_project(&rows.projects[rows.n_projects++], prj);
		}
		sqlite3_reset(prj);
		struct export_document d = {
			.id = id,
			.path = (const char *)sqlite3_column_text(docs, 1),
			.title = (const char *)sqlite3_column_text(docs, 2),
			.date = (const char *)sqlite3_column_text(docs, 3),
			.lang = (const char *)sqlite3_column_text(docs, 4),
			.encoding = (const char *)sqlite3_column_text(docs, 5),
			.url = (const char *)sqlite3_column_text(docs, 6),
			.text = (const char *)sqlite3_column_text(docs, 7),
			.text_len = (size_t)sqlite3_column_bytes(docs, 7),
			.regions = rows.regions, .n_regions = rows.n_regions,
			.chains = rows.chains, .n_chains = rows.n_chains,
			.projects = rows.projects, .n_projects = rows.n_projects,
		};
		if (cb(ctx, &d))
			break;
	}
	rc = step == SQLITE_ROW || step == SQLITE_DONE ? 0 : set_err(st, "export");
out:
	free_rows(&rows);
	free(rows.regions);
	free(rows.chains);
	free(rows.projects);
	sqlite3_finalize(docs);
	sqlite3_finalize(regs);
	sqlite3_finalize(chs);
	sqlite3_finalize(prj);
	return rc;
}

int store_each_project(struct store *st, export_project_cb cb, void *ctx)
{
	sqlite3_stmt *s;
	const char *sql =
		"SELECT p.name, p.company, p.region_id,"
		" (SELECT group_concat(chain_id, ' ') FROM project_chains c WHERE c.project_id = p.id),"
		" p.amount_value, p.amount_currency,"
		" (SELECT s.amount_text FROM project_sources s WHERE s.project_id = p.id AND s.amount_text IS NOT NULL"
		"  ORDER BY s.doc_id LIMIT 1),"
		" p.status, p.date, p.n_sources,"
		" (SELECT group_concat(path, char(10)) FROM (SELECT DISTINCT d.path FROM project_sources s"
		"  JOIN documents d ON d.id = s.doc_id WHERE s.project_id = p.id ORDER BY d.path))"
		" FROM projects p ORDER BY p.name, p.id";
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return set_err(st, "export projects");
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct export_project p;
		fill_project(&p, s);
		p.n_sources = sqlite3_column_int64(s, 9);
		p.sources = (const char *)sqlite3_column_text(s, 10);
		int stop = cb(ctx, &p);
		struct export_rows one = { .projects = &p, .n_projects = 1 };
		free_rows(&one);
		if (stop)
			break;
	}
	sqlite3_finalize(s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? 0 : set_err(st, "export projects");
}

int store_each_region(struct store *st, export_region_cb cb, void *ctx)
{
	sqlite3_stmt *s;
	const char *sql =
		"SELECT r.id, r.name_en, (SELECT count(*) FROM doc_regions dr WHERE dr.region_id = r.id) AS n,"
		" r.parent_id, r.level, r.name_zh FROM regions r"
		" WHERE EXISTS (SELECT 1 FROM doc_regions dr WHERE dr.region_id = r.id) ORDER BY r.id";
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return set_err(st, "export regions");
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct export_region r = {
			(const char *)sqlite3_column_text(s, 0), (const char *)sqlite3_column_text(s, 1),
			sqlite3_column_int64(s, 2),
		};
		if (cb(ctx, &r, (const char *)sqlite3_column_text(s, 3), sqlite3_column_int(s, 4),
		       (const char *)sqlite3_column_text(s, 5)))
			break;
	}
	sqlite3_finalize(s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? 0 : set_err(st, "export regions");
}

int store_each_chain(struct store *st, export_chain_cb cb, void *ctx)
{
	sqlite3_stmt *s;
	const char *sql =
		"SELECT c.id, c.name_en, (SELECT count(*) FROM doc_chains dc WHERE dc.chain_id = c.id),"
		" c.parent_id, c.name_zh FROM chains c ORDER BY c.id";
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return set_err(st, "export chains");
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct export_chain c = {
			(const char *)sqlite3_column_text(s, 0), (const char *)sqlite3_column_text(s, 1),
			sqlite3_column_int64(s, 2),
		};
		if (cb(ctx, &c, (const char *)sqlite3_column_text(s, 3), (const char *)sqlite3_column_text(s, 4)))
			break;
	}
	sqlite3_finalize(s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? 0 : set_err(st, "export chains");
}
