/* browse.h: every query the browser makes. Lists are read with keyset pagination (never OFFSET,
 * never a whole table) and every count comes from SQL, most of them from summary tables that
 * browse_refresh_summaries() builds at the end of an index, so each call costs the same on a
 * million documents as on the sample. Owns the browser's SQL and its summary tables (and reads
 * and empties the store's change log, which says what changed since they were last updated);
 * must not draw or know about the terminal. */
#ifndef CHAINSCOPE_BROWSE_H
#define CHAINSCOPE_BROWSE_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#define BROWSE_ID_MAX 48
#define BROWSE_KEY_TEXT_MAX 256

/* Creates the browser's summary tables and indexes (idempotent; tables of an older layout are
 * dropped). */
int browse_prepare_schema(sqlite3 *db);
/* Rebuilds the summary tables from the cache's facts and empties the store's change log. Runs
 * in one transaction (BEGIN IMMEDIATE, or a savepoint inside the caller's). */
int browse_refresh_summaries(sqlite3 *db);

/* Brings the summary tables up to date with the facts (the indexer calls it at the end of every
 * `index`): nothing when the store's change log is empty; the logged changes applied to the
 * cells they touch when they are few (seconds at most on a million documents); a rebuild when
 * the summaries are missing or of an older layout, the log is incomplete (new reference data,
 * all documents cleared) or large, or applying it would contradict the facts. The summaries and the
 * log change in one transaction, so a crash at any point leaves the log for the next run.
 * *done (may be NULL) says which it did. */
enum browse_update { BROWSE_UPDATE_NONE, BROWSE_UPDATE_DELTA, BROWSE_UPDATE_REBUILD };
int browse_update_summaries(sqlite3 *db, enum browse_update *done);

enum browse_list {
	BL_REGIONS,         /* children of spec.parent (a region id, "" = top level) */
	BL_CHAINS,          /* children of spec.parent (a chain id, "" = top level) */
	BL_PROJECTS,        /* projects under the filter */
	BL_SOURCES,         /* the documents a project was read from (spec.project_id) */
	BL_SEARCH,          /* the documents a search found (spec.search) */
};

enum browse_sort { BS_COUNT, BS_NAME, BS_AMOUNT, BS_DATE };

struct browse_filter {
	char region[BROWSE_ID_MAX];   /* "" = any */
	char chain[BROWSE_ID_MAX];
};

struct browse_search;

struct browse_spec {
	enum browse_list list;
	enum browse_sort sort;
	struct browse_filter filter;
	char parent[BROWSE_ID_MAX];   /* regions/chains: whose children are listed */
	const char *narrow;           /* the `f` prompt's text, NULL or "" for none */
	int64_t project_id;           /* BL_SOURCES */
	struct browse_search *search; /* BL_SEARCH */
};

/* A position in a list's order: rows are fetched strictly after or before it. */
struct browse_key {
	double num, num2;
	char text[BROWSE_KEY_TEXT_MAX];
	char id[BROWSE_ID_MAX];
};

struct browse_row {
	char id[BROWSE_ID_MAX];       /* region or chain id; project or document id in decimal */
	int64_t num_id;               /* project or document id */
	char *name, *name_zh;         /* regions/chains: names; projects: name, company; sources: title,
	                               * the project as written there; search: title, lang */
	char *sub, *sub2;             /* projects: region, chains; sources: amount as written, path;
	                               * search: snippet (matches between \1 and \2), path */
	char date[11], status[16];
	int64_t n_projects, n_docs, n_sources;
	int level;                    /* regions: 0 macro, 1 province, 2 prefecture, 3 county, 4 zone */
	int has_children;
	int has_amount;               /* projects: own amount; regions/chains: total */
	double amount;                /* in its currency (projects) or CNY equivalent (totals) */
	char currency[4];
	struct browse_key key;
};
void browse_row_clear(struct browse_row *r);

struct browse;

/* Opens the cache read-only (never blocks on a running index), registers the tokenizer and
 * builds the summary tables on a separate connection if the cache has none yet. NULL and a
 * message on failure. */
struct browse *browse_open(const char *path, char *err, size_t errlen);
void browse_close(struct browse *b);
const char *browse_errmsg(struct browse *b);

/* Fetches up to limit rows strictly after key (dir > 0, in list order) or strictly before it
 * (dir < 0, nearest first, i.e. in reverse order). key NULL means from the start (dir > 0) or
 * from the end (dir < 0). Returns the number of rows, or -1 on error. */
int browse_fetch(struct browse *b, const struct browse_spec *spec, const struct browse_key *key,
		 int dir, int limit, struct browse_row *rows);
/* The first rows of the list and the number of rows in it (-1 when unknown), counted in the
 * same pass when the list has to be scanned anyway. Returns the rows or -1. */
int browse_fetch_first(struct browse *b, const struct browse_spec *spec, int limit, struct browse_row *rows,
		       int64_t *total);
/* Number of rows in the list, at most BROWSE_COUNT_CAP + 1 for a narrowed list (shown as
 * "more than"). -1 on error. */
#define BROWSE_COUNT_CAP 10000
int64_t browse_count(struct browse *b, const struct browse_spec *spec);

/* Totals for a filter: projects, documents and their investment (CNY equivalent). */
struct browse_totals {
	int64_t n_projects, n_docs;
	double amount;
	int converted;                /* some amounts were in other currencies */
};
int browse_totals(struct browse *b, const struct browse_filter *f, struct browse_totals *t);

/* ---- search ---- */

/* Parses and prepares a search (the `chainscope search` language plus facets region:, chain:,
 * year:, lang:), restricted to the filter. NULL with the parser's or SQLite's message in err. */
struct browse_search *browse_search_open(struct browse *b, const char *text, const struct browse_filter *f,
					 char *err, size_t errlen);
void browse_search_close(struct browse_search *s);
/* Matches found (capped: *capped set when there are more than counted). */
int64_t browse_search_count(struct browse_search *s, int *capped);
/* True when results are in relevance order (false: newest-indexed first, for huge result sets). */
int browse_search_ranked(struct browse_search *s);

/* ---- one project, one document ---- */

struct browse_project {
	int64_t id;
	char *name, *company, *region, *region_zh, *region_path, *chains, *status, *date;
	int has_amount;
	double amount;
	char currency[4];
	int64_t n_sources;
};
int browse_project(struct browse *b, int64_t id, struct browse_project *p);
void browse_project_clear(struct browse_project *p);

enum browse_mark { BM_SEARCH, BM_PROJECT, BM_PROJECT_NAME, BM_REGION, BM_CHAIN, BM_AMOUNT, BM_COMPANY, BM_DATE };
struct browse_span { uint32_t start, end; enum browse_mark mark; };

/* Search matches are marked in a document's first this-many bytes (the reader shows no more). */
#define BROWSE_MARKS_MAX_BYTES (1 << 20)

struct browse_document {
	int64_t id;
	char *title, *path, *date, *lang, *url;
	char *text;
	size_t text_len;
	struct browse_span *spans;    /* sorted by start; byte offsets into text */
	size_t n_spans;
};
/* Loads a document with its evidence marks: the mentions, the spans of project (when > 0) and,
 * when search is given, the search's matches. */
int browse_document(struct browse *b, int64_t doc_id, int64_t project, struct browse_search *search,
		    struct browse_document *d);
void browse_document_clear(struct browse_document *d);

/* ---- statistics for the `S` view ---- */

struct browse_bar { char *label; int64_t n_projects; double amount; };
/* Children of the filter's region (by_chain = 0) or chain (by_chain = 1) with their projects and
 * investment, largest investment first, at most max rows. Returns the count or -1. */
int browse_stat_bars(struct browse *b, const struct browse_filter *f, int by_chain, struct browse_bar *bars, int max);
void browse_bars_clear(struct browse_bar *bars, int n);
/* Projects per year for the filter: years[i] = first_year + i. Returns the number of years (at
 * most max) or -1. */
int browse_stat_years(struct browse *b, const struct browse_filter *f, int *first_year, int64_t *counts, int max);

#endif
