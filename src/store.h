/* store.h: the SQLite cache. Owns the schema (versioned with PRAGMA user_version), the
 * transactions of the indexer, the merge of projects across documents, and every SQL statement
 * the command line needs. The browser's queries live beside it in browse.c. Must not decode,
 * extract or draw.
 *
 * Schema (user_version = STORE_SCHEMA_VERSION; documented in chainscope(1)):
 *   meta(key, value)                      tokenizer version, chainscope version
 *   roots(id, real_path, given_path)      the DIRs given to `index`
 *   documents(id, root_id, rel_path, path, path_hash, size, mtime_ns, content_hash,
 *             encoding, lang, url, title, date, text)
 *   documents_fts(title, text)            FTS5, external content = documents
 *   regions(id, parent_id, level, name_en, name_zh, pinyin)      from assets/regions.tsv
 *   region_ancestors(region_id, ancestor_id)                     closure incl. itself
 *   chains(id, parent_id, name_en, name_zh)                      from assets/chains.tsv
 *   doc_regions(doc_id, region_id, count), doc_chains(doc_id, chain_id, count)
 *   mentions(doc_id, kind, ref, start, end)   evidence spans (byte offsets in documents.text)
 *   projects(id, merge_key, name, company, region_id, amount_value, amount_currency,
 *            status, date, n_sources)          one row per merged project
 *   project_chains(project_id, chain_id)
 *   project_sources(doc_id, ordinal, project_id, name, company, region_id, chains,
 *            amount_value, amount_currency, amount_text, status, date,
 *            name_start, name_end, start, end)  one row per project per document
 *   change_log_docs(doc_id, existed, old_regions, old_chains), change_log_projects(project_id)
 *            changes since the browser's summaries (browse_*, browse.c) were last updated
 */
#ifndef CHAINSCOPE_STORE_H
#define CHAINSCOPE_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include "extract.h"
#include "query.h"

#define STORE_SCHEMA_VERSION 2

struct store;

enum store_mode {
	STORE_READ,      /* readers: never block on an index in progress (WAL) */
	STORE_WRITE,     /* the indexer: creates or rebuilds the cache, takes the index lock */
};

/* Opens (and for STORE_WRITE creates) the cache at path. A cache with another schema version
 * is rebuilt empty in STORE_WRITE mode and refused in STORE_READ mode. Returns NULL and a
 * message in err on failure; *busy is set when another index holds the lock. */
struct store *store_open(const char *path, enum store_mode mode, int *busy, char *err, size_t errlen);
void store_close(struct store *st);
sqlite3 *store_db(struct store *st);
const char *store_error(struct store *st);

/* The default cache path: $CHAINSCOPE_DB, else $XDG_CACHE_HOME/chainscope/cache.db, else
 * ~/.cache/chainscope/cache.db. Returns a malloc'ed string. */
char *store_default_path(void);

/* ---- writing (the indexer) ---- */

int store_begin(struct store *st);
int store_commit(struct store *st);
int store_rollback(struct store *st);

/* The hash of the assets the reference tables were loaded from ("" when never loaded). */
int store_reference_hash(struct store *st, char *out, size_t outlen);
/* Replaces the region and chain reference tables (inside a transaction) and records hash. */
int store_load_reference(struct store *st, const struct extractor *ex, const char *hash);

/* The id of the root for real_path, created if new; given_path is what the user typed. */
int store_root(struct store *st, const char *real_path, const char *given_path, int64_t *root_id);

/* What the cache knows about a root's files, for the incremental scan. */
struct store_known {
	int64_t doc_id;
	uint64_t path_hash;
	int64_t size, mtime_ns;
	uint64_t content_hash;
};
typedef void (*store_known_cb)(void *ctx, const struct store_known *k);
int store_known_files(struct store *st, int64_t root_id, store_known_cb cb, void *ctx);

struct store_doc {
	int64_t root_id;
	const char *rel_path, *path;
	uint64_t path_hash;
	int64_t size, mtime_ns;
	uint64_t content_hash;
	const char *encoding, *lang, *url, *title, *date;   /* url, date may be NULL or "" */
	const char *text;
	size_t text_len;
	const struct extraction *x;      /* may be NULL */
	const struct extractor *ex;      /* to resolve region/chain names; may be NULL */
};
/* Inserts the document, or replaces doc_id's row and facts when doc_id > 0. */
int store_put_document(struct store *st, const struct store_doc *d, int64_t doc_id);
/* Records a new mtime for an unchanged file (same content hash). */
int store_touch_document(struct store *st, int64_t doc_id, int64_t size, int64_t mtime_ns);
int store_delete_document(struct store *st, int64_t doc_id);
/* After an index run: refresh merged projects (and any left dirty by an interrupted run) and,
 * when documents changed, merge full-text segments. */
int store_finish_index(struct store *st, int changed);
/* Deletes every document (index --full). */
int store_clear_documents(struct store *st);

/* ---- reading ---- */

struct store_stats {
	int64_t documents, bytes, projects, project_sources, regions_mentioned, chains_mentioned;
	int64_t by_lang_en, by_lang_zh, by_lang_und;
	char first_date[11], last_date[11];
};
int store_stats(struct store *st, struct store_stats *s);

struct search_hit {
	int64_t doc_id;
	const char *path, *title, *date, *snippet;
	double score;                    /* higher is better */
};
typedef int (*search_hit_cb)(void *ctx, const struct search_hit *h);
/* Runs q (already parsed) and calls cb for the best `limit` hits from `offset`. The snippet marks
 * matches with the given open/close strings. Returns 0, or -1 with a message in err (a bad FTS
 * expression is reported as such). */
int store_search(struct store *st, const struct query *q, int limit, int offset,
		 const char *mark_open, const char *mark_close,
		 search_hit_cb cb, void *ctx, char *err, size_t errlen);

/* Export rows. Each callback gets one row; columns are named in the export. */
struct export_region { const char *id, *name; int64_t count; };
struct export_chain { const char *id, *name; int64_t count; };
struct export_project {
	const char *name, *company, *region, *chains, *status, *date;  /* chains space-separated */
	int has_amount; double amount_value; const char *amount_currency, *amount_text;
	int64_t n_sources; const char *sources;  /* sources: newline-separated doc paths (merged only) */
};
struct export_document {
	int64_t id;
	const char *path, *title, *date, *lang, *encoding, *url, *text;
	size_t text_len;
	const struct export_region *regions; size_t n_regions;
	const struct export_chain *chains; size_t n_chains;
	const struct export_project *projects; size_t n_projects;
};
typedef int (*export_document_cb)(void *ctx, const struct export_document *d);
typedef int (*export_project_cb)(void *ctx, const struct export_project *p);
typedef int (*export_region_cb)(void *ctx, const struct export_region *r, const char *parent, int level, const char *name_zh);
typedef int (*export_chain_cb)(void *ctx, const struct export_chain *c, const char *parent, const char *name_zh);
int store_each_document(struct store *st, export_document_cb cb, void *ctx);
int store_each_project(struct store *st, export_project_cb cb, void *ctx);
int store_each_region(struct store *st, export_region_cb cb, void *ctx);
int store_each_chain(struct store *st, export_chain_cb cb, void *ctx);

#endif
