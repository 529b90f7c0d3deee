/* fts_baseline.c: the benchmark's baseline: a raw FTS5 load of a corpus with the program's own
 * walk, file reader, decoder and tokenizer, and nothing else (no normalisation, metadata,
 * extraction, incremental bookkeeping or second table). `chainscope index` throughput is
 * reported as a ratio to this. Owns only the measurement; must not be used by the program.
 *
 * usage: fts-baseline DB DIR...     (DB is created afresh; prints one "baseline:" line) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "corpus.h"
#include "decode.h"
#include "tokenizer.h"
#include "util.h"

#define DOCS_PER_TRANSACTION 1000

struct load {
	sqlite3 *db;
	sqlite3_stmt *insert;
	struct buf text;
	long long docs, bytes, failed, in_transaction;
};

static void exec_or_die(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		diex(1, "%s: %s", sql, err ? err : sqlite3_errmsg(db));
}

/* The first non-blank line, as a cheap title (the indexer stores one too). */
static size_t first_line(const char *s, size_t n, size_t *start)
{
	size_t i = 0;
	while (i < n && (s[i] == '\n' || s[i] == '\r' || s[i] == ' '))
		i++;
	size_t j = i;
	while (j < n && s[j] != '\n' && j - i < 300)
		j++;
	*start = i;
	return j - i;
}

static int load_file(void *ctx, const struct corpus_file *f)
{
	struct load *l = ctx;
	unsigned char *data = NULL;
	size_t len = 0;
	char why[256];
	if (corpus_read_file(f->path, &data, &len, why, sizeof why) != 0) {
		l->failed++;
		return 0;
	}
	const char *encoding = NULL;
	buf_clear(&l->text);
	enum decode_status st = decode_bytes(data, len, &l->text, &encoding, why, sizeof why);
	free(data);
	l->bytes += (long long)len;
	if (st != DECODE_OK) {
		l->failed++;
		return 0;
	}
	if (l->in_transaction == 0)
		exec_or_die(l->db, "BEGIN");
	size_t tstart, tlen = first_line(l->text.data ? l->text.data : "", l->text.len, &tstart);
	sqlite3_bind_text(l->insert, 1, l->text.data ? l->text.data + tstart : "", (int)tlen, SQLITE_STATIC);
	sqlite3_bind_text(l->insert, 2, l->text.data ? l->text.data : "", (int)l->text.len, SQLITE_STATIC);
	if (sqlite3_step(l->insert) != SQLITE_DONE)
		diex(1, "insert %s: %s", f->path, sqlite3_errmsg(l->db));
	sqlite3_reset(l->insert);
	l->docs++;
	if (++l->in_transaction == DOCS_PER_TRANSACTION) {
		exec_or_die(l->db, "COMMIT");
		l->in_transaction = 0;
	}
	return 0;
}

static void ignore_problem(void *ctx, const char *path, const char *why)
{
	(void)ctx;
	warnx_("%s: %s", path, why);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: fts-baseline DB DIR...\n");
		return 2;
	}
	const char *path = argv[1];
	char side[4096];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);

	struct load l;
	memset(&l, 0, sizeof l);
	if (sqlite3_open(path, &l.db) != SQLITE_OK)
		diex(1, "%s: %s", path, sqlite3_errmsg(l.db));
	if (tokenizer_register(l.db) != SQLITE_OK)
		diex(1, "cannot register the tokenizer");
	exec_or_die(l.db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
	exec_or_die(l.db, "CREATE VIRTUAL TABLE docs USING fts5(title, text, tokenize='porter "
		    CHAINSCOPE_TOKENIZER "')");
	if (sqlite3_prepare_v2(l.db, "INSERT INTO docs(title, text) VALUES (?1, ?2)", -1, &l.insert,
			       NULL) != SQLITE_OK)
		diex(1, "prepare: %s", sqlite3_errmsg(l.db));

	double t0 = now_seconds();
	for (int i = 2; i < argc; i++)
		corpus_walk(argv[i], load_file, ignore_problem, &l);
	if (l.in_transaction)
		exec_or_die(l.db, "COMMIT");
	sqlite3_finalize(l.insert);
	sqlite3_close(l.db);
	double dt = now_seconds() - t0;

	printf("baseline: docs %lld, bytes %lld, failed %lld, seconds %.3f, %.2f MB/s, %.0f docs/s\n",
	       l.docs, l.bytes, l.failed, dt, dt > 0 ? (double)l.bytes / 1e6 / dt : 0.0,
	       dt > 0 ? (double)l.docs / dt : 0.0);
	buf_free(&l.text);
	return 0;
}
