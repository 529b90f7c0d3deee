/* test_browse.c: the browser's queries (src/browse.c) on a small cache made here through the
 * store's own schema: keyset pages read forwards and backwards give exactly the list a single
 * fetch gives, in every sort; counts agree with the rows; a region's and a chain's totals include
 * their subdivisions; search reports bad queries and finds words; evidence spans stay inside the
 * text. */
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
	browse_close(b);
	remove(path);
	char side[80];
	snprintf(side, sizeof side, "%s-wal", path); remove(side);
	snprintf(side, sizeof side, "%s-shm", path); remove(side);
	snprintf(side, sizeof side, "%s.lock", path); remove(side);
	CHECK_DONE();
}
