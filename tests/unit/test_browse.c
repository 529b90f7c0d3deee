/* test_browse.c: the browser's queries (src/browse.c) on a small cache made here through the
 * store's own schema: keyset pages read forwards and backwards give exactly the list a single
 * fetch gives, in every sort; counts agree with the rows; a region's and a chain's totals include
 * their subdivisions; search reports bad queries and finds words; evidence spans stay inside the
 * text. The summaries browse_update_summaries() keeps up to date from the store's change log
 * after documents are added, changed, deleted and renamed (through the store, as the indexer
 * does) equal a rebuild row by row, also when a log is left behind by an interrupted run. */
#include "check.h"

#include <stdlib.h>
#include <unistd.h>
#include "browse.h"
#include "store.h"
#include "util.h"

static char path[64];

static void exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		printf("# %s: %s\n", sql, err);
		exit(1);
	}
}

/* A province with two prefectures and three counties, a macro-region over it, a chain with
 * two segments and another chain; 40 projects spread over them; 60 documents. */
static void make_cache(void)
{
	snprintf(path, sizeof path, "/tmp/chainscope-test-browse-%d.db", (int)getpid());
	remove(path);
	char err[256];
	int busy;
	struct store *st = store_open(path, STORE_WRITE, &busy, err, sizeof err);
	if (!st) {
		printf("# %s\n", err);
		exit(1);
	}
	sqlite3 *db = store_db(st);
	exec(db, "BEGIN;"
		 "INSERT INTO roots VALUES(1, '/t', 't');"
		 "INSERT INTO regions VALUES('320000', '', 1, 'Jiangsu', '江苏省', 'jiang su'),"
		 " ('320500', '320000', 2, 'Suzhou', '苏州市', 'su zhou'), ('320200', '320000', 2, 'Wuxi', '无锡市', 'wu xi'),"
		 " ('320505', '320500', 3, 'Huqiu', '虎丘区', 'hu qiu'), ('320506', '320500', 3, 'Wuzhong', '吴中区', 'wu zhong'),"
		 " ('320206', '320200', 3, 'Huishan', '惠山区', 'hui shan'), ('yrd', '', 0, 'Yangtze River Delta', '长三角', 'chang san jiao');"
		 "INSERT INTO region_ancestors SELECT id, id FROM regions;"
		 "INSERT INTO region_ancestors SELECT id, parent_id FROM regions WHERE parent_id <> '';"
		 "INSERT INTO region_ancestors SELECT id, '320000' FROM regions WHERE level = 3;"
		 "INSERT INTO region_ancestors SELECT id, 'yrd' FROM regions WHERE id LIKE '32%';"
		 "INSERT INTO chains VALUES('ic', '', 'Integrated circuits', '集成电路'), ('ic/design', 'ic', 'Chip design', '芯片设计'),"
		 " ('ic/fab', 'ic', 'Wafer fabs', '晶圆制造'), ('nev', '', 'New energy vehicles', '新能源汽车');");
	static const char *counties[] = { "320505", "320506", "320206" };
	static const char *chains[] = { "ic/design", "ic/fab", "nev", "ic" };
	for (int d = 1; d <= 60; d++) {
		char *sql = sqlite3_mprintf(
			"INSERT INTO documents(id, root_id, rel_path, path, path_hash, size, mtime_ns, content_hash, encoding, lang,"
			" title, date, text) VALUES(%d, 1, 'd%d.txt', 'd%d.txt', %d, 10, 0, %d, 'UTF-8', 'en', 'Report %d',"
			" '2023-01-%02d', 'Report %d: a lithium battery plant in %s. Footer.');"
			"INSERT INTO documents_fts(rowid, title, text) SELECT id, title, text FROM documents WHERE id = %d;"
			"INSERT INTO doc_regions VALUES(%d, '%s', 1); INSERT INTO doc_chains VALUES(%d, '%s', 1);"
			"INSERT INTO mentions VALUES(%d, 'region', '%s', 0, 6), (%d, 'chain', 'x', 1000, 1010);",
			d, d, d, d, d, d, 1 + d % 28, d, d % 2 ? "Suzhou" : "Wuxi", d, d, counties[d % 3], d, chains[d % 4],
			d, counties[d % 3], d);
		exec(db, sql);
		sqlite3_free(sql);
	}
	for (int p = 1; p <= 40; p++) {
		/* amounts repeat so the keyset has ties to break by id */
		char amount[32];
		if (p % 5)
			snprintf(amount, sizeof amount, "%d", (p % 4) * 100000000);
		else
			snprintf(amount, sizeof amount, "NULL");
		char *sql = sqlite3_mprintf(
			"INSERT INTO projects(id, merge_key, name, company, region_id, amount_value, amount_currency, status, date,"
			" n_sources) VALUES(%d, 'k%d', 'Project %c%d', 'Co', '%s', %s, 'CNY', 'signed', '20%02d-05-01', 1);"
			"INSERT INTO project_chains VALUES(%d, '%s');"
			"INSERT INTO project_sources(doc_id, ordinal, project_id, name, chains, status, status_rank, start, end)"
			" VALUES(%d, 0, %d, 'Project', '', 'signed', 1, 0, 20);",
			p, p, 'A' + p % 7, p, counties[p % 3], amount,
			18 + p % 5, p, chains[p % 4], p, p);
		exec(db, sql);
		sqlite3_free(sql);
	}
	exec(db, "UPDATE projects SET name = '蘇州晶圓廠' WHERE id = 40; COMMIT");
	if (browse_refresh_summaries(db) != SQLITE_OK) {
		printf("# refresh: %s\n", sqlite3_errmsg(db));
		exit(1);
	}
	store_close(st);
}

static struct browse *b;

/* Reads the whole list in pages of `page` forwards, then backwards from the end, and checks
 * both against one big fetch. Returns the number of rows. */
static int check_paging(struct browse_spec *s, int page)
{
	struct browse_row all[128], part[128];
	int n = browse_fetch(b, s, NULL, 1, 128, all);
	CHECK(n >= 0);
	if (n < 0)
		return 0;
	int got = 0;
	const struct browse_key *key = NULL;
	struct browse_key last;
	for (;;) {
		int k = browse_fetch(b, s, key, 1, page, part);
		CHECK(k >= 0);
		if (k <= 0)
			break;
		for (int i = 0; i < k; i++) {
			if (got + i < n)
				CHECK_STR(part[i].id, all[got + i].id);
			else
				CHECK(!"more rows paging forwards than in one fetch");
		}
		got += k;
		last = part[k - 1].key;
		key = &last;
		for (int i = 0; i < k; i++)
			browse_row_clear(&part[i]);
		if (k < page || got > n + page)        /* a broken keyset could repeat rows forever */
			break;
	}
	CHECK_INT(got, n);
	/* backwards: nearest first */
	got = 0;
	key = NULL;
	for (;;) {
		int k = browse_fetch(b, s, key, -1, page, part);
		CHECK(k >= 0);
		if (k <= 0)
			break;
		for (int i = 0; i < k; i++)
			if (got + i < n)
				CHECK_STR(part[i].id, all[n - 1 - got - i].id);
		got += k;
		last = part[k - 1].key;
		key = &last;
		for (int i = 0; i < k; i++)
			browse_row_clear(&part[i]);
		if (k < page || got > n + page)
			break;
	}
	CHECK_INT(got, n);
	CHECK_INT(browse_count(b, s), n);
	for (int i = 0; i < n; i++)
		browse_row_clear(&all[i]);
	return n;
}

TEST(paging_every_list_and_sort)
{
	struct browse_spec s = {0};
	s.list = BL_PROJECTS;
	enum browse_sort sorts[] = { BS_AMOUNT, BS_DATE, BS_NAME };
	for (size_t i = 0; i < ARRAY_LEN(sorts); i++) {
		s.sort = sorts[i];
		CHECK_INT(check_paging(&s, 3), 40);
		CHECK_INT(check_paging(&s, 7), 40);
	}
	s.list = BL_REGIONS;
	s.sort = BS_COUNT;
	CHECK_INT(check_paging(&s, 1), 2);          /* Jiangsu and the macro-region */
	snprintf(s.parent, sizeof s.parent, "320000");
	CHECK_INT(check_paging(&s, 1), 2);          /* Suzhou, Wuxi */
	s.sort = BS_NAME;
	CHECK_INT(check_paging(&s, 1), 2);
	snprintf(s.parent, sizeof s.parent, "yrd");
	CHECK_INT(check_paging(&s, 1), 1);          /* the macro-region's province */
	s.list = BL_CHAINS;
	s.parent[0] = '\0';
	s.sort = BS_COUNT;
	CHECK_INT(check_paging(&s, 1), 2);
	snprintf(s.parent, sizeof s.parent, "ic");
	CHECK_INT(check_paging(&s, 1), 2);          /* the two segments */
}

TEST(facets_include_subdivisions)
{
	struct browse_totals all, js, sz, ic, sz_ic;
	struct browse_filter f = {0};
	CHECK_INT(browse_totals(b, &f, &all), 0);
	CHECK_INT(all.n_projects, 40);
	CHECK_INT(all.n_docs, 60);
	snprintf(f.region, sizeof f.region, "320000");
	browse_totals(b, &f, &js);
	CHECK_INT(js.n_projects, 40);
	snprintf(f.region, sizeof f.region, "320500");
	browse_totals(b, &f, &sz);
	CHECK_INT(sz.n_projects, 27);               /* projects in Huqiu and Wuzhong (p % 3 != 2) */
	f.region[0] = '\0';
	snprintf(f.chain, sizeof f.chain, "ic");
	browse_totals(b, &f, &ic);
	CHECK_INT(ic.n_projects, 30);               /* ic, ic/design, ic/fab */
	snprintf(f.region, sizeof f.region, "320500");
	browse_totals(b, &f, &sz_ic);
	CHECK(sz_ic.n_projects > 0 && sz_ic.n_projects < sz.n_projects && sz_ic.n_projects < ic.n_projects);
	struct browse_spec s = {0};
	s.list = BL_PROJECTS;
	s.filter = f;
	CHECK_INT(check_paging(&s, 4), sz_ic.n_projects);
}

TEST(narrowing)
{
	struct browse_spec s = {0};
	s.list = BL_REGIONS;
	s.narrow = "wu";                             /* Wuxi, Wuzhong by name */
	struct browse_row rows[16];
	int n = browse_fetch(b, &s, NULL, 1, 16, rows);
	CHECK_INT(n, 2);
	for (int i = 0; i < n; i++)
		browse_row_clear(&rows[i]);
	s.narrow = "蘇州";                           /* traditional input finds 苏州市 */
	int64_t total = -1;
	n = browse_fetch_first(b, &s, 16, rows, &total);
	CHECK_INT(n, 1);
	CHECK_INT(total, 1);
	if (n == 1)
		CHECK_STR(rows[0].id, "320500");
	for (int i = 0; i < n; i++)
		browse_row_clear(&rows[i]);
	s.narrow = "%";                              /* LIKE syntax is escaped */
	CHECK_INT(browse_fetch(b, &s, NULL, 1, 16, rows), 0);

	/* projects: case-insensitive, and either script finds a name written in traditional */
	struct browse_spec p = {0};
	p.list = BL_PROJECTS;
	p.narrow = "project b";
	n = browse_fetch_first(b, &p, 16, rows, &total);
	CHECK_INT(total, 6);                         /* p % 7 == 1 among 1..39 */
	CHECK_INT(n, 6);
	for (int i = 0; i < n; i++)
		browse_row_clear(&rows[i]);
	CHECK_INT(check_paging(&p, 2), 6);
	const char *forms[] = { "晶圆", "晶圓", "苏州晶" };
	for (size_t k = 0; k < ARRAY_LEN(forms); k++) {
		p.narrow = forms[k];
		n = browse_fetch_first(b, &p, 16, rows, &total);
		CHECK_INT(n, 1);
		if (n == 1)
			CHECK_STR(rows[0].id, "40");
		for (int i = 0; i < n; i++)
			browse_row_clear(&rows[i]);
	}
}

TEST(search_and_documents)
{
	char err[256];
	struct browse_filter f = {0};
	struct browse_search *s = browse_search_open(b, "\"battery", &f, err, sizeof err);
	CHECK(s == NULL);
	CHECK(strstr(err, "quote") != NULL);
	s = browse_search_open(b, "lithium", &f, err, sizeof err);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_INT(browse_search_count(s, NULL), 60);
	struct browse_spec spec = {0};
	spec.list = BL_SEARCH;
	spec.search = s;
	CHECK_INT(check_paging(&spec, 9), 60);
	struct browse_document d;
	CHECK_INT(browse_document(b, 7, 7, s, &d), 0);
	int found_search = 0;
	for (size_t i = 0; i < d.n_spans; i++) {
		CHECK(d.spans[i].end <= d.text_len);   /* the out-of-range mention was dropped */
		found_search |= d.spans[i].mark == BM_SEARCH &&
			strncmp(d.text + d.spans[i].start, "lithium", 7) == 0;
	}
	CHECK(found_search);
	browse_document_clear(&d);
	browse_search_close(s);
	snprintf(f.region, sizeof f.region, "320200");
	s = browse_search_open(b, "lithium year:2023", &f, err, sizeof err);
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(browse_search_count(s, NULL), 20);   /* the documents about Huishan */
		browse_search_close(s);
	}
}

/* ---- incremental summaries ---- */

static char ipath[64];
static uint64_t irng = 0x2545f4914f6cdd1dull;

static uint32_t irand(uint32_t n)
{
	irng ^= irng << 13;
	irng ^= irng >> 7;
	irng ^= irng << 17;
	return (uint32_t)(irng % n);
}

/* The facts of a document, as the extraction stage would give them, drawn from a seed: regions
 * (counties, prefectures, a province, ids not in the reference), chains and segments, and up to
 * three projects whose names repeat across documents so that they merge, with or without
 * region, amount (in several currencies) and date. */
struct fake_doc {
	char rel[32], date[11], text[64];
	struct extraction x;
	struct mention mentions[8];
	struct project projects[3];
	char names[3][32];
};

static const char *const fake_regions[] = { "320505", "320506", "320206", "320500", "320000", "330106", "330100",
					     "yrd", "999999", "" };
static const char *const fake_chains[] = { "ic", "ic/design", "ic/fab", "nev", "nev/battery", "zz-unknown" };
static const char *const fake_currencies[] = { "CNY", "CNY", "USD", "EUR", "HKD" };

static void fake_doc_make(struct fake_doc *f, const char *rel, uint32_t seed)
{
	memset(f, 0, sizeof *f);
	uint64_t saved = irng;
	irng = 0x9e3779b97f4a7c15ull ^ ((uint64_t)seed * 0x100000001b3ull);
	snprintf(f->rel, sizeof f->rel, "%s", rel);
	if (irand(5))
		snprintf(f->date, sizeof f->date, "20%02u-%02u-%02u", 18 + irand(6), 1 + irand(12), 1 + irand(28));
	snprintf(f->text, sizeof f->text, "document %u", seed);
	size_t nm = irand(6);
	for (size_t i = 0; i < nm; i++) {
		struct mention *m = &f->mentions[f->x.n_mentions++];
		m->kind = irand(2) ? MENTION_REGION : MENTION_CHAIN;
		snprintf(m->id, sizeof m->id, "%s", m->kind == MENTION_REGION ? fake_regions[irand(9)] : fake_chains[irand(6)]);
		m->start = 0;
		m->end = 4;
	}
	size_t np = irand(4);
	for (size_t i = 0; i < np; i++) {
		struct project *p = &f->projects[f->x.n_projects++];
		snprintf(f->names[i], sizeof f->names[i], "Plant %u", irand(12));
		p->name = f->names[i];
		p->name_end = 5;
		snprintf(p->region, sizeof p->region, "%s", fake_regions[irand(ARRAY_LEN(fake_regions))]);
		p->n_chains = (int)irand(3);
		for (int c = 0; c < p->n_chains; c++)
			snprintf(p->chains[c], sizeof p->chains[c], "%s", fake_chains[irand(6)]);
		if ((p->has_amount = irand(4) != 0)) {
			p->amount.value = (1 + irand(50)) * 1e7 + irand(1000) * 0.37;
			snprintf(p->amount.currency, sizeof p->amount.currency, "%s", fake_currencies[irand(5)]);
		}
		p->status = (enum project_status)irand(7);
		if (irand(2))
			snprintf(p->date, sizeof p->date, "20%02u-%02u-01", 17 + irand(8), 1 + irand(12));
		p->end = 10;
	}
	f->x.mentions = f->mentions;
	f->x.projects = f->projects;
	irng = saved;
}

static int put_fake(struct store *st, const char *rel, uint32_t seed, int64_t doc_id)
{
	struct fake_doc f;
	fake_doc_make(&f, rel, seed);
	struct store_doc d = {
		.root_id = 1, .rel_path = f.rel, .path = f.rel, .path_hash = seed, .size = 10, .mtime_ns = seed,
		.content_hash = seed, .encoding = "UTF-8", .lang = "en", .title = f.rel, .date = f.date,
		.text = f.text, .text_len = strlen(f.text), .x = &f.x,
	};
	return store_put_document(st, &d, doc_id);
}

static void reference_data(sqlite3 *db)
{
	exec(db, "INSERT INTO roots VALUES(1, '/t', 't');"
		 "INSERT INTO regions VALUES('320000', '', 1, 'Jiangsu', '江苏省', 'jiang su'),"
		 " ('320500', '320000', 2, 'Suzhou', '苏州市', 'su zhou'), ('320200', '320000', 2, 'Wuxi', '无锡市', 'wu xi'),"
		 " ('320505', '320500', 3, 'Huqiu', '虎丘区', 'hu qiu'), ('320506', '320500', 3, 'Wuzhong', '吴中区', 'wu zhong'),"
		 " ('320206', '320200', 3, 'Huishan', '惠山区', 'hui shan'), ('330000', '', 1, 'Zhejiang', '浙江省', 'zhe jiang'),"
		 " ('330100', '330000', 2, 'Hangzhou', '杭州市', 'hang zhou'), ('330106', '330100', 3, 'Xihu', '西湖区', 'xi hu'),"
		 " ('yrd', '', 0, 'Yangtze River Delta', '长三角', 'chang san jiao');"
		 "INSERT INTO region_ancestors SELECT id, id FROM regions;"
		 "INSERT INTO region_ancestors SELECT id, parent_id FROM regions WHERE parent_id <> '';"
		 "INSERT INTO region_ancestors SELECT id, substr(id, 1, 2) || '0000' FROM regions WHERE level = 3;"
		 "INSERT INTO region_ancestors SELECT id, 'yrd' FROM regions WHERE level > 0;"
		 "INSERT INTO chains VALUES('ic', '', 'Integrated circuits', '集成电路'), ('ic/design', 'ic', 'Chip design', '芯片设计'),"
		 " ('ic/fab', 'ic', 'Wafer fabs', '晶圆制造'), ('nev', '', 'New energy vehicles', '新能源汽车'),"
		 " ('nev/battery', 'nev', 'Batteries', '动力电池');");
}

/* The rows of the summary tables that differ between main and the attached rebuild r, one per
 * line (amounts are sums of whole yuan, exact in any order: compared exactly too). */
#define SAME_AMOUNT(a, b) a " = " b
#define FACET_ROW(t) "printf('%s|%s|%s|%s|%s|%s|%s|%s', " t ".region_id, " t ".chain_id, " t ".n_projects, " \
	t ".n_docs, " t ".amount, " t ".n_converted, " t ".kids_r, " t ".kids_c)"
#define YEAR_ROW(t) "printf('%s|%s|%s|%s|%s', " t ".region_id, " t ".chain_id, " t ".year, " t ".n_projects, " t ".amount)"
static const char summary_diff_sql[] =
	"SELECT 'facets: updated ' || coalesce(" FACET_ROW("a") ", '-') || ', rebuilt ' || coalesce(" FACET_ROW("b") ", '-')"
	" FROM main.browse_facets a FULL JOIN r.browse_facets b ON a.region_id = b.region_id AND a.chain_id = b.chain_id"
	" WHERE a.region_id IS NULL OR b.region_id IS NULL OR a.n_projects <> b.n_projects OR a.n_docs <> b.n_docs"
	" OR a.n_converted <> b.n_converted OR a.kids_r <> b.kids_r OR a.kids_c <> b.kids_c"
	" OR NOT (" SAME_AMOUNT("a.amount", "b.amount") ")"
	" UNION ALL SELECT 'years: updated ' || coalesce(" YEAR_ROW("a") ", '-') || ', rebuilt ' || coalesce(" YEAR_ROW("b") ", '-')"
	" FROM main.browse_years a FULL JOIN r.browse_years b"
	" ON a.region_id = b.region_id AND a.chain_id = b.chain_id AND a.year = b.year"
	" WHERE a.region_id IS NULL OR b.region_id IS NULL OR a.n_projects <> b.n_projects"
	" OR NOT (" SAME_AMOUNT("a.amount", "b.amount") ")"
	" UNION ALL SELECT 'project row only updated: ' || printf('%s|%s|%s|%s|%s|%s|%s', region_id, chain_id, project_id,"
	"  amount_key, converted, date_key, name_key) FROM (SELECT * FROM main.browse_project_facets"
	"  EXCEPT SELECT * FROM r.browse_project_facets)"
	" UNION ALL SELECT 'project row only rebuilt: ' || printf('%s|%s|%s|%s|%s|%s|%s', region_id, chain_id, project_id,"
	"  amount_key, converted, date_key, name_key) FROM (SELECT * FROM r.browse_project_facets"
	"  EXCEPT SELECT * FROM main.browse_project_facets)"
	" UNION ALL SELECT 'region tree: ' || parent_id || '>' || child_id FROM (SELECT * FROM (SELECT * FROM main.browse_region_children"
	"  EXCEPT SELECT * FROM r.browse_region_children) UNION ALL SELECT * FROM (SELECT * FROM r.browse_region_children"
	"  EXCEPT SELECT * FROM main.browse_region_children))"
	" UNION ALL SELECT 'chain ancestors: ' || chain_id || '>' || ancestor_id FROM (SELECT * FROM (SELECT * FROM"
	"  main.browse_chain_ancestors EXCEPT SELECT * FROM r.browse_chain_ancestors) UNION ALL SELECT * FROM"
	"  (SELECT * FROM r.browse_chain_ancestors EXCEPT SELECT * FROM main.browse_chain_ancestors))"
	/* what the update keeps to find a changed project's rows */
	" UNION ALL SELECT 'project keys: ' || project_id || '|' || name_key FROM (SELECT * FROM (SELECT * FROM"
	"  main.browse_project_keys EXCEPT SELECT * FROM r.browse_project_keys) UNION ALL SELECT * FROM"
	"  (SELECT * FROM r.browse_project_keys EXCEPT SELECT * FROM main.browse_project_keys))"
	" UNION ALL SELECT 'project regions: ' || project_id || '>' || region_id FROM (SELECT * FROM (SELECT * FROM"
	"  main.browse_project_regions EXCEPT SELECT * FROM r.browse_project_regions) UNION ALL SELECT * FROM"
	"  (SELECT * FROM r.browse_project_regions EXCEPT SELECT * FROM main.browse_project_regions))"
	" UNION ALL SELECT 'project chains: ' || project_id || '>' || chain_id FROM (SELECT * FROM (SELECT * FROM"
	"  main.browse_project_chains EXCEPT SELECT * FROM r.browse_project_chains) UNION ALL SELECT * FROM"
	"  (SELECT * FROM r.browse_project_chains EXCEPT SELECT * FROM main.browse_project_chains))";

static int64_t log_rows(sqlite3 *db)
{
	sqlite3_stmt *st;
	int64_t n = -1;
	if (sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM change_log_docs) + (SELECT count(*) FROM change_log_projects)",
			       -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* The cache's summaries against a rebuild of them from the same facts (in a copy), row by row;
 * prints the first differences. */
static int same_as_rebuild(sqlite3 *db, const char *when)
{
	char copy[96];
	snprintf(copy, sizeof copy, "%s.copy", ipath);
	remove(copy);
	char *sql = sqlite3_mprintf("VACUUM INTO %Q", copy);
	exec(db, sql);
	sqlite3_free(sql);
	sqlite3 *c = NULL;
	int rebuilt = sqlite3_open(copy, &c) == SQLITE_OK && browse_refresh_summaries(c) == SQLITE_OK;
	sqlite3_close(c);
	int differences = 0, rows = 0;
	sqlite3_stmt *st;
	sql = sqlite3_mprintf("ATTACH %Q AS r", copy);
	exec(db, sql);
	sqlite3_free(sql);
	if (sqlite3_prepare_v2(db, summary_diff_sql, -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW)
			if (++differences <= 5)
				printf("#   %s: %s\n", when, (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	} else {
		printf("#   %s: %s\n", when, sqlite3_errmsg(db));
		differences = -1;
	}
	/* and the comparison was not between two empty sets */
	if (sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM r.browse_facets) + (SELECT count(*) FROM r.browse_region_children)",
			       -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		rows = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	exec(db, "DETACH r");
	remove(copy);
	return rebuilt && differences == 0 && rows > 10;
}

/* What the indexer does after its writes: merge projects, then update the summaries. */
static enum browse_update finish_run(struct store *st)
{
	enum browse_update done = BROWSE_UPDATE_REBUILD;   /* overwritten on every path */
	CHECK_INT(store_finish_index(st, 1), 0);
	CHECK_INT(browse_update_summaries(store_db(st), &done), SQLITE_OK);
	return done;
}

#define N_FILES 48

struct fake_corpus {
	int64_t doc_id[N_FILES];      /* 0: the file is not in the cache */
	uint32_t seed[N_FILES];
	int name_gen[N_FILES];        /* renames give a file a new name */
};

static void corpus_rel(const struct fake_corpus *fc, int i, char *rel, size_t len)
{
	snprintf(rel, len, "f%02d-%d.txt", i, fc->name_gen[i]);
}

static int64_t doc_id_of(sqlite3 *db, const char *rel)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	if (sqlite3_prepare_v2(db, "SELECT id FROM documents WHERE rel_path = ?1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, rel, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return id;
}

enum corpus_op { OP_ADD, OP_CHANGE, OP_DELETE, OP_RENAME };

/* Applies one operation to file i in its own transaction, as the indexer would. */
static void corpus_apply(struct store *st, struct fake_corpus *fc, int i, enum corpus_op op, uint32_t seed)
{
	char rel[32];
	CHECK_INT(store_begin(st), 0);
	switch (op) {
	case OP_ADD:
	case OP_CHANGE:
		fc->seed[i] = seed;
		corpus_rel(fc, i, rel, sizeof rel);
		CHECK_INT(put_fake(st, rel, seed, fc->doc_id[i]), 0);
		fc->doc_id[i] = doc_id_of(store_db(st), rel);
		break;
	case OP_DELETE:
		CHECK_INT(store_delete_document(st, fc->doc_id[i]), 0);
		fc->doc_id[i] = 0;
		break;
	case OP_RENAME:
		/* the new name is a new document, the old one disappears */
		fc->name_gen[i]++;
		corpus_rel(fc, i, rel, sizeof rel);
		CHECK_INT(put_fake(st, rel, fc->seed[i], 0), 0);
		CHECK_INT(store_delete_document(st, fc->doc_id[i]), 0);
		fc->doc_id[i] = doc_id_of(store_db(st), rel);
		break;
	}
	CHECK_INT(store_commit(st), 0);
}

/* A random operation on a random file: add when absent, else change, delete or rename. */
static void corpus_random_op(struct store *st, struct fake_corpus *fc)
{
	int i = (int)irand(N_FILES);
	enum corpus_op op = fc->doc_id[i] == 0 ? OP_ADD : (enum corpus_op)(1 + irand(3));
	corpus_apply(st, fc, i, op, 1000 + irand(100000));
}

static struct store *open_store(void)
{
	char err[256];
	int busy;
	struct store *st = store_open(ipath, STORE_WRITE, &busy, err, sizeof err);
	if (!st)
		printf("#   store_open: %s\n", err);
	return st;
}

static void remove_cache(const char *p)
{
	char side[96];
	remove(p);
	snprintf(side, sizeof side, "%s-wal", p); remove(side);
	snprintf(side, sizeof side, "%s-shm", p); remove(side);
	snprintf(side, sizeof side, "%s.lock", p); remove(side);
}

TEST(incremental_equals_rebuild)
{
	snprintf(ipath, sizeof ipath, "/tmp/chainscope-test-browse-incr-%d.db", (int)getpid());
	remove_cache(ipath);
	struct store *st = open_store();
	CHECK(st != NULL);
	if (!st)
		return;
	sqlite3 *db = store_db(st);
	reference_data(db);
	struct fake_corpus fc;
	memset(&fc, 0, sizeof fc);
	/* the first index: nothing logged, the summaries built from scratch */
	for (int i = 0; i < N_FILES - 8; i++)
		corpus_apply(st, &fc, i, OP_ADD, 1000 + (uint32_t)i);
	CHECK_INT(log_rows(db), 0);
	CHECK_INT(finish_run(st), BROWSE_UPDATE_REBUILD);
	CHECK(same_as_rebuild(db, "first index"));
	CHECK_INT(log_rows(db), 0);
	/* an index that changes nothing leaves them alone */
	CHECK_INT(finish_run(st), BROWSE_UPDATE_NONE);

	/* each kind of change alone */
	static const enum corpus_op ops[] = { OP_CHANGE, OP_DELETE, OP_ADD, OP_RENAME };
	static const char *const op_names[] = { "add", "change", "delete", "rename" };
	for (size_t k = 0; k < ARRAY_LEN(ops); k++) {
		int i = ops[k] == OP_ADD ? N_FILES - 1 : (int)k;
		corpus_apply(st, &fc, i, ops[k], 50000 + (uint32_t)k);
		CHECK(log_rows(db) > 0);
		CHECK_INT(finish_run(st), BROWSE_UPDATE_DELTA);
		CHECK(same_as_rebuild(db, op_names[ops[k]]));
		CHECK_INT(log_rows(db), 0);
	}
	/* a file changed back and forth, added then deleted, deleted then its id reused, within one
	 * run: only the first state the summaries count and the last one matter */
	corpus_apply(st, &fc, 10, OP_CHANGE, 777);
	corpus_apply(st, &fc, 10, OP_CHANGE, 778);
	corpus_apply(st, &fc, N_FILES - 2, OP_ADD, 779);
	corpus_apply(st, &fc, N_FILES - 2, OP_DELETE, 0);
	corpus_apply(st, &fc, N_FILES - 1, OP_DELETE, 0);   /* the newest document: its id comes back */
	corpus_apply(st, &fc, N_FILES - 3, OP_ADD, 780);
	CHECK_INT(finish_run(st), BROWSE_UPDATE_DELTA);
	CHECK(same_as_rebuild(db, "repeated changes"));

	/* random runs of one to six operations, the summaries updated in place after each run
	 * (and never rebuilt in between) */
	int mismatches = 0, deltas = 0;
	for (int run = 0; run < 40; run++) {
		int n = 1 + (int)irand(6);
		for (int k = 0; k < n; k++)
			corpus_random_op(st, &fc);
		deltas += finish_run(st) == BROWSE_UPDATE_DELTA;
		char when[32];
		snprintf(when, sizeof when, "random run %d", run);
		mismatches += !same_as_rebuild(db, when);
		if (mismatches > 2)
			break;
	}
	CHECK_INT(mismatches, 0);
	CHECK_INT(deltas, 40);

	/* every document gone: only the ("", "") cell is left, as a rebuild leaves it */
	for (int i = 0; i < N_FILES; i++)
		if (fc.doc_id[i])
			corpus_apply(st, &fc, i, OP_DELETE, 0);
	CHECK_INT(finish_run(st), BROWSE_UPDATE_DELTA);
	CHECK(same_as_rebuild(db, "empty"));
	for (int i = 0; i < N_FILES / 2; i++)
		corpus_apply(st, &fc, i, OP_ADD, 3000 + (uint32_t)i);
	CHECK_INT(finish_run(st), BROWSE_UPDATE_DELTA);
	CHECK(same_as_rebuild(db, "refilled"));
	store_close(st);
}

/* Runs interrupted at each point between the document writes and the summary update: the next
 * run's update applies what they logged. */
TEST(interrupted_runs_are_applied_later)
{
	struct store *st = open_store();
	CHECK(st != NULL);
	if (!st)
		return;
	struct fake_corpus fc;
	memset(&fc, 0, sizeof fc);
	/* the cache from the previous test: find its files */
	for (int i = 0; i < N_FILES; i++) {
		char rel[32];
		for (int g = 0; g < 64 && !fc.doc_id[i]; g++) {
			fc.name_gen[i] = g;
			corpus_rel(&fc, i, rel, sizeof rel);
			fc.doc_id[i] = doc_id_of(store_db(st), rel);
		}
		if (!fc.doc_id[i])
			fc.name_gen[i] = 0;
	}
	/* killed after some documents were committed, before the merge of projects */
	for (int k = 0; k < 5; k++)
		corpus_random_op(st, &fc);
	store_close(st);
	st = open_store();
	CHECK(st != NULL);
	if (!st)
		return;
	sqlite3 *db = store_db(st);
	CHECK(log_rows(db) > 0);
	/* the next run changes more, then gets through */
	corpus_random_op(st, &fc);
	CHECK_INT(finish_run(st), BROWSE_UPDATE_DELTA);
	CHECK(same_as_rebuild(db, "killed before the merge"));

	/* killed after the merge of projects, before the summaries */
	for (int k = 0; k < 5; k++)
		corpus_random_op(st, &fc);
	CHECK_INT(store_finish_index(st, 1), 0);
	store_close(st);
	st = open_store();
	CHECK(st != NULL);
	if (!st)
		return;
	db = store_db(st);
	CHECK(log_rows(db) > 0);
	/* a run that finds nothing changed still applies the log */
	CHECK_INT(finish_run(st), BROWSE_UPDATE_DELTA);
	CHECK(same_as_rebuild(db, "killed before the summaries"));
	CHECK_INT(log_rows(db), 0);

	/* an update that fails leaves the summaries and the log as they were */
	corpus_random_op(st, &fc);
	corpus_random_op(st, &fc);
	CHECK_INT(store_finish_index(st, 1), 0);
	int64_t logged = log_rows(db);
	CHECK(logged > 0);
	exec(db, "CREATE TEMP TRIGGER no_years BEFORE INSERT ON browse_years BEGIN SELECT RAISE(ABORT, 'blocked'); END");
	CHECK(browse_update_summaries(db, NULL) != SQLITE_OK);
	CHECK_INT(log_rows(db), logged);
	exec(db, "DROP TRIGGER temp.no_years");
	CHECK_INT(finish_run(st), BROWSE_UPDATE_DELTA);
	CHECK(same_as_rebuild(db, "after a failed update"));

	/* summaries that disagree with the facts are rebuilt rather than patched */
	corpus_random_op(st, &fc);
	exec(db, "UPDATE browse_facets SET n_docs = n_docs + 1 WHERE region_id = '' AND chain_id = ''");
	CHECK_INT(finish_run(st), BROWSE_UPDATE_REBUILD);
	CHECK(same_as_rebuild(db, "disagreeing summaries"));

	/* changes the store does not log one by one force a rebuild */
	CHECK_INT(store_begin(st), 0);
	CHECK_INT(store_clear_documents(st), 0);
	CHECK_INT(store_commit(st), 0);
	corpus_apply(st, &fc, 0, OP_ADD, 4242);
	CHECK_INT(finish_run(st), BROWSE_UPDATE_REBUILD);
	CHECK(same_as_rebuild(db, "after clearing"));
	CHECK_INT(finish_run(st), BROWSE_UPDATE_NONE);

	/* summaries derived by another version of the code are rebuilt */
	exec(db, "UPDATE browse_state SET value = value + 1 WHERE key = 'derivation'");
	corpus_apply(st, &fc, 2, OP_ADD, 4244);
	CHECK_INT(finish_run(st), BROWSE_UPDATE_REBUILD);
	CHECK_INT(finish_run(st), BROWSE_UPDATE_NONE);

	/* summaries dropped (or of an older layout) are rebuilt */
	exec(db, "DROP TABLE browse_years");
	corpus_apply(st, &fc, 1, OP_ADD, 4243);
	CHECK_INT(finish_run(st), BROWSE_UPDATE_REBUILD);
	CHECK(same_as_rebuild(db, "after a drop"));
	store_close(st);
	remove_cache(ipath);
}

int main(void)
{
	make_cache();
	char err[256];
	b = browse_open(path, err, sizeof err);
	if (!b) {
		printf("not ok - test_browse: open: %s\n", err);
		return 1;
	}
	RUN(paging_every_list_and_sort);
	RUN(facets_include_subdivisions);
	RUN(narrowing);
	RUN(search_and_documents);
	RUN(incremental_equals_rebuild);
	RUN(interrupted_runs_are_applied_later);
	browse_close(b);
	remove(path);
	char side[80];
	snprintf(side, sizeof side, "%s-wal", path); remove(side);
	snprintf(side, sizeof side, "%s-shm", path); remove(side);
	snprintf(side, sizeof side, "%s.lock", path); remove(side);
	CHECK_DONE();
}
