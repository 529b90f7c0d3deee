/* ui_gen.c: builds a synthetic cache for the browser benchmark: N documents (short English and
 * Chinese news-like texts in the FTS index) and N/10 projects over the real region and chain
 * tables, written straight into the schema the store creates (store_open + the reference data
 * from the assets), then the browser's summaries. Deterministic (fixed seed). Not part of the
 * program; must not be used by tests as truth about extraction.
 *   usage: ui-gen CACHE N_DOCUMENTS
 *          ui-gen --refresh CACHE      (only rebuild the browser's summaries) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "assets.h"
#include "browse.h"
#include "extract.h"
#include "store.h"
#include "util.h"

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint32_t rnd(uint32_t n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state % n);
}

struct ref { char id[32], name_en[96], name_zh[64]; };

static struct ref *load_refs(sqlite3 *db, const char *sql, int *n)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		diex(1, "%s", sqlite3_errmsg(db));
	int cap = 256;
	struct ref *r = xmalloc(sizeof *r * (size_t)cap);
	*n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (*n == cap)
			r = xrealloc(r, sizeof *r * (size_t)(cap *= 2));
		snprintf(r[*n].id, sizeof r[*n].id, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(r[*n].name_en, sizeof r[*n].name_en, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(r[*n].name_zh, sizeof r[*n].name_zh, "%s", (const char *)sqlite3_column_text(st, 2));
		(*n)++;
	}
	sqlite3_finalize(st);
	if (*n == 0)
		diex(1, "no reference rows for: %s", sql);
	return r;
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		diex(1, "%s: %s", sql, sqlite3_errmsg(db));
	return st;
}

static void step(sqlite3 *db, sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		diex(1, "insert: %s", sqlite3_errmsg(db));
	sqlite3_reset(st);
}

static void exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		diex(1, "%s: %s", sql, err);
}

static const char *en_things[] = { "lithium battery plant", "wafer fab", "EV assembly base", "solar module line",
	"display panel line", "biomedicine park", "robotics center", "offshore wind farm", "data center",
	"hydrogen refuelling hub", "semiconductor materials project", "new materials base" };
static const char *zh_things[] = { "锂电池项目", "晶圆厂", "新能源汽车整车基地", "光伏组件项目", "显示面板产线",
	"生物医药产业园", "机器人研发中心", "海上风电项目", "数据中心", "氢能产业园", "半导体材料项目", "新材料基地" };
static const char *companies[] = { "CATL", "SMIC", "BYD", "Geely", "LONGi", "Trina Solar", "BOE", "宁德时代",
	"国轩高科", "中芯国际", "隆基绿能", "天合光能" };
static const char *statuses[] = { "planned", "signed", "unveiled", "started", "completed", "operational" };

int main(int argc, char **argv)
{
	if (argc != 3)
		diex(2, "usage: ui-gen CACHE N_DOCUMENTS | ui-gen --refresh CACHE");
	if (strcmp(argv[1], "--refresh") == 0) {
		sqlite3 *db;
		if (sqlite3_open_v2(argv[2], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
			diex(1, "%s: %s", argv[2], sqlite3_errmsg(db));
		sqlite3_busy_timeout(db, 10000);
		double t0 = now_seconds();
		if (browse_refresh_summaries(db) != SQLITE_OK)
			diex(1, "summaries: %s", sqlite3_errmsg(db));
		fprintf(stderr, "ui-gen: summaries in %.1f s\n", now_seconds() - t0);
		sqlite3_close(db);
		return 0;
	}
	const char *path = argv[1];
	long ndocs = strtol(argv[2], NULL, 10);
	if (ndocs < 10)
		diex(2, "N_DOCUMENTS must be at least 10");
	long nprojects = ndocs / 10;
	char err[512];
	remove(path);
	int busy;
	struct store *st = store_open(path, STORE_WRITE, &busy, err, sizeof err);
	if (!st)
		diex(1, "%s", err);
	const char *assets = assets_dir();
	struct extractor *ex = assets ? extractor_open(assets, err, sizeof err) : NULL;
	if (!ex)
		diex(1, "assets: %s", assets ? err : "not found (set CHAINSCOPE_ASSETS)");
	if (store_begin(st) || store_load_reference(st, ex, "bench") || store_commit(st))
		diex(1, "reference data: %s", store_error(st));
	extractor_close(ex);
	sqlite3 *db = store_db(st);
	exec(db, "PRAGMA synchronous=OFF; BEGIN;");
	exec(db, "INSERT OR IGNORE INTO roots(id, real_path, given_path) VALUES(1, '/bench', 'bench')");

	int nreg, nchain;
	/* counties and zones of the Yangtze River Delta provinces, where the news is */
	struct ref *regs = load_refs(db, "SELECT id, name_en, name_zh FROM regions WHERE level >= 2 AND "
		"(substr(id, 1, 2) IN ('31', '32', '33', '34') OR parent_id GLOB '3[1234]*') ORDER BY id", &nreg);
	struct ref *chains = load_refs(db, "SELECT id, name_en, name_zh FROM chains ORDER BY id", &nchain);

	sqlite3_stmt *ins_doc = prep(db, "INSERT INTO documents(id, root_id, rel_path, path, path_hash, size, mtime_ns,"
		" content_hash, encoding, lang, url, title, date, text) VALUES(?1, 1, ?2, ?2, ?1, ?3, 0, ?1, 'UTF-8', ?4, NULL, ?5, ?6, ?7)");
	sqlite3_stmt *ins_fts = prep(db, "INSERT INTO documents_fts(rowid, title, text) VALUES(?1, ?2, ?3)");
	sqlite3_stmt *ins_dr = prep(db, "INSERT OR IGNORE INTO doc_regions(doc_id, region_id, count) VALUES(?1, ?2, 1)");
	sqlite3_stmt *ins_dc = prep(db, "INSERT OR IGNORE INTO doc_chains(doc_id, chain_id, count) VALUES(?1, ?2, 1)");
	sqlite3_stmt *ins_m = prep(db, "INSERT INTO mentions(doc_id, kind, ref, start, end) VALUES(?1, ?2, ?3, ?4, ?5)");
	struct buf text = {0}, title = {0};
	char rel[64], date[16];
	for (long d = 1; d <= ndocs; d++) {
		const struct ref *r = &regs[rnd((uint32_t)nreg)];
		const struct ref *c = &chains[rnd((uint32_t)nchain)];
		int zh = rnd(3) == 0, thing = (int)rnd(ARRAY_LEN(en_things));
		buf_clear(&text);
		buf_clear(&title);
		snprintf(date, sizeof date, "%04u-%02u-%02u", 2018 + rnd(8), 1 + rnd(12), 1 + rnd(28));
		size_t rstart, rend, cstart, cend;
		if (zh) {
			buf_printf(&title, "%s%s签约落地", r->name_zh, zh_things[thing]);
			rstart = text.len; buf_puts(&text, r->name_zh); rend = text.len;
			buf_printf(&text, "%s正式签约，总投资%u亿元，聚焦", zh_things[thing], 1 + rnd(200));
			cstart = text.len; buf_puts(&text, c->name_zh); cend = text.len;
			buf_printf(&text, "产业链。项目由%s投资建设，预计%u年投产。", companies[rnd(ARRAY_LEN(companies))], 2024 + rnd(4));
		} else {
			buf_printf(&title, "%s signs %s", r->name_en, en_things[thing]);
			buf_puts(&text, "The ");
			rstart = text.len; buf_puts(&text, r->name_en); rend = text.len;
			buf_printf(&text, " government signed a %s worth %u billion yuan with %s, part of its ", en_things[thing],
				   1 + rnd(200), companies[rnd(ARRAY_LEN(companies))]);
			cstart = text.len; buf_puts(&text, c->name_en); cend = text.len;
			buf_puts(&text, " chain; construction starts next year.");
		}
		snprintf(rel, sizeof rel, "news/%06ld.txt", d);
		sqlite3_bind_int64(ins_doc, 1, d);
		sqlite3_bind_text(ins_doc, 2, rel, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(ins_doc, 3, (int64_t)text.len);
		sqlite3_bind_text(ins_doc, 4, zh ? "zh" : "en", -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_doc, 5, buf_cstr(&title), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins_doc, 6, date, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins_doc, 7, buf_cstr(&text), -1, SQLITE_TRANSIENT);
		step(db, ins_doc);
		sqlite3_bind_int64(ins_fts, 1, d);
		sqlite3_bind_text(ins_fts, 2, buf_cstr(&title), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins_fts, 3, buf_cstr(&text), -1, SQLITE_TRANSIENT);
		step(db, ins_fts);
		sqlite3_bind_int64(ins_dr, 1, d);
		sqlite3_bind_text(ins_dr, 2, r->id, -1, SQLITE_STATIC);
		step(db, ins_dr);
		if (rnd(2)) {
			sqlite3_bind_int64(ins_dr, 1, d);
			sqlite3_bind_text(ins_dr, 2, regs[rnd((uint32_t)nreg)].id, -1, SQLITE_STATIC);
			step(db, ins_dr);
		}
		sqlite3_bind_int64(ins_dc, 1, d);
		sqlite3_bind_text(ins_dc, 2, c->id, -1, SQLITE_STATIC);
		step(db, ins_dc);
		const struct { const char *kind, *ref; size_t s, e; } ms[] = { { "region", r->id, rstart, rend }, { "chain", c->id, cstart, cend } };
		for (size_t k = 0; k < ARRAY_LEN(ms); k++) {
			sqlite3_bind_int64(ins_m, 1, d);
			sqlite3_bind_text(ins_m, 2, ms[k].kind, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins_m, 3, ms[k].ref, -1, SQLITE_STATIC);
			sqlite3_bind_int64(ins_m, 4, (int64_t)ms[k].s);
			sqlite3_bind_int64(ins_m, 5, (int64_t)ms[k].e);
			step(db, ins_m);
		}
		if (d % 200000 == 0) {
			exec(db, "COMMIT; BEGIN;");
			fprintf(stderr, "ui-gen: %ld documents\n", d);
		}
	}
	sqlite3_stmt *ins_p = prep(db, "INSERT INTO projects(id, merge_key, name, company, region_id, amount_value,"
		" amount_currency, status, date, n_sources, dirty) VALUES(?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)");
	sqlite3_stmt *ins_pc = prep(db, "INSERT OR IGNORE INTO project_chains(project_id, chain_id) VALUES(?1, ?2)");
	sqlite3_stmt *ins_ps = prep(db, "INSERT OR IGNORE INTO project_sources(doc_id, ordinal, project_id, name, company,"
		" region_id, chains, amount_value, amount_currency, amount_text, status, status_rank, date, name_start, name_end,"
		" start, end) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1, ?12, 0, 10, 0, 40)");
	char name[160], amount_text[32];
	for (long p = 1; p <= nprojects; p++) {
		const struct ref *r = &regs[rnd((uint32_t)nreg)];
		const struct ref *c = &chains[rnd((uint32_t)nchain)];
		int thing = (int)rnd(ARRAY_LEN(en_things)), has_amount = rnd(10) < 7, usd = rnd(8) == 0;
		double amount = (double)(1 + rnd(5000)) * 1e7;
		if (rnd(2))
			snprintf(name, sizeof name, "%s %s %ld", r->name_en, en_things[thing], p);
		else
			snprintf(name, sizeof name, "%s%s%ld", r->name_zh, zh_things[thing], p);
		snprintf(date, sizeof date, "%04u-%02u-%02u", 2018 + rnd(8), 1 + rnd(12), 1 + rnd(28));
		const char *company = companies[rnd(ARRAY_LEN(companies))], *status = statuses[rnd(ARRAY_LEN(statuses))];
		int nsrc = 1 + (int)rnd(3);
		sqlite3_bind_int64(ins_p, 1, p);
		sqlite3_bind_text(ins_p, 2, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins_p, 3, company, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_p, 4, r->id, -1, SQLITE_STATIC);
		if (has_amount) {
			sqlite3_bind_double(ins_p, 5, amount);
			sqlite3_bind_text(ins_p, 6, usd ? "USD" : "CNY", -1, SQLITE_STATIC);
		} else {
			sqlite3_bind_null(ins_p, 5);
			sqlite3_bind_null(ins_p, 6);
		}
		sqlite3_bind_text(ins_p, 7, status, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_p, 8, date, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(ins_p, 9, nsrc);
		step(db, ins_p);
		sqlite3_bind_int64(ins_pc, 1, p);
		sqlite3_bind_text(ins_pc, 2, c->id, -1, SQLITE_STATIC);
		step(db, ins_pc);
		if (rnd(3) == 0) {
			sqlite3_bind_int64(ins_pc, 1, p);
			sqlite3_bind_text(ins_pc, 2, chains[rnd((uint32_t)nchain)].id, -1, SQLITE_STATIC);
			step(db, ins_pc);
		}
		snprintf(amount_text, sizeof amount_text, "%.1f billion yuan", amount / 1e9);
		for (int s = 0; s < nsrc; s++) {
			sqlite3_bind_int64(ins_ps, 1, 1 + (int64_t)rnd((uint32_t)ndocs));
			sqlite3_bind_int64(ins_ps, 2, 100 + s);
			sqlite3_bind_int64(ins_ps, 3, p);
			sqlite3_bind_text(ins_ps, 4, name, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(ins_ps, 5, company, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins_ps, 6, r->id, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins_ps, 7, c->id, -1, SQLITE_STATIC);
			if (has_amount) {
				sqlite3_bind_double(ins_ps, 8, amount);
				sqlite3_bind_text(ins_ps, 9, usd ? "USD" : "CNY", -1, SQLITE_STATIC);
				sqlite3_bind_text(ins_ps, 10, amount_text, -1, SQLITE_TRANSIENT);
			} else {
				sqlite3_bind_null(ins_ps, 8);
				sqlite3_bind_null(ins_ps, 9);
				sqlite3_bind_null(ins_ps, 10);
			}
			sqlite3_bind_text(ins_ps, 11, status, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins_ps, 12, date, -1, SQLITE_TRANSIENT);
			step(db, ins_ps);
		}
	}
	sqlite3_stmt *all[] = { ins_doc, ins_fts, ins_dr, ins_dc, ins_m, ins_p, ins_pc, ins_ps };
	for (size_t i = 0; i < ARRAY_LEN(all); i++)
		sqlite3_finalize(all[i]);
	exec(db, "COMMIT");
	double t0 = now_seconds();
	if (browse_refresh_summaries(db) != SQLITE_OK)
		diex(1, "summaries: %s", sqlite3_errmsg(db));
	fprintf(stderr, "ui-gen: %ld documents, %ld projects; summaries in %.1f s\n", ndocs, nprojects, now_seconds() - t0);
	exec(db, "INSERT INTO documents_fts(documents_fts) VALUES('optimize'); PRAGMA wal_checkpoint(TRUNCATE);");
	buf_free(&text);
	buf_free(&title);
	free(regs);
	free(chains);
	store_close(st);
	return 0;
}
