/* indexer.c: the `index` pipeline. A walker thread lists files and drops the unchanged ones
 * (same size and mtime as in the cache) without reading them; worker threads read, hash,
 * decode, normalise, read metadata and extract; the calling thread is the only SQLite writer and
 * commits every INDEX_BATCH_DOCS documents or INDEX_BATCH_BYTES of text, so a crash loses at
 * most one batch and leaves the cache consistent. Files that disappeared are removed after a
 * complete walk. Queues are bounded in count and bytes, so memory does not grow with the corpus.
 * Owns the orchestration; the stages themselves live in their own files. */
#include "indexer.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "assets.h"
#include "browse.h"
#include "corpus.h"
#include "decode.h"
#include "extract.h"
#include "meta.h"
#include "normalize.h"
#include "store.h"
#include "util.h"

#define INDEX_BATCH_DOCS 500
#define INDEX_BATCH_BYTES (16u << 20)
#define QUEUE_SLOTS 256
#define QUEUE_BYTES (48u << 20)     /* text in flight between workers and the writer */
/* Extraction reads at most this much of a document: news articles are far shorter, and a
 * pathological 50 MB line is still indexed in full for search. */
#define EXTRACT_MAX_BYTES (1u << 20)

/* ---- a bounded queue of pointers with a byte budget ---- */

struct queue {
	pthread_mutex_t mu;
	pthread_cond_t not_empty, not_full;
	void *slot[QUEUE_SLOTS];
	size_t weight[QUEUE_SLOTS];
	size_t head, count, bytes, max_bytes;
	int closed;       /* producers done: pop returns NULL when empty */
	int producers;
};

static void queue_init(struct queue *q, size_t max_bytes, int producers)
{
	memset(q, 0, sizeof *q);
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->not_empty, NULL);
	pthread_cond_init(&q->not_full, NULL);
	q->max_bytes = max_bytes;
	q->producers = producers;
}

static void queue_destroy(struct queue *q)
{
	pthread_mutex_destroy(&q->mu);
	pthread_cond_destroy(&q->not_empty);
	pthread_cond_destroy(&q->not_full);
}

static void queue_push(struct queue *q, void *item, size_t weight)
{
	pthread_mutex_lock(&q->mu);
	/* a single item over budget still passes when the queue is empty */
	while (q->count == QUEUE_SLOTS || (q->count && q->bytes + weight > q->max_bytes))
		pthread_cond_wait(&q->not_full, &q->mu);
	size_t tail = (q->head + q->count) % QUEUE_SLOTS;
	q->slot[tail] = item;
	q->weight[tail] = weight;
	q->count++;
	q->bytes += weight;
	pthread_cond_signal(&q->not_empty);
	pthread_mutex_unlock(&q->mu);
}

static void *queue_pop(struct queue *q)
{
	pthread_mutex_lock(&q->mu);
	while (q->count == 0 && !q->closed)
		pthread_cond_wait(&q->not_empty, &q->mu);
	void *item = NULL;
	if (q->count) {
		item = q->slot[q->head];
		q->bytes -= q->weight[q->head];
		q->head = (q->head + 1) % QUEUE_SLOTS;
		q->count--;
		pthread_cond_broadcast(&q->not_full);
	}
	pthread_mutex_unlock(&q->mu);
	return item;
}

/* One producer is done; the last one closes the queue. */
static void queue_producer_done(struct queue *q)
{
	pthread_mutex_lock(&q->mu);
	if (--q->producers <= 0) {
		q->closed = 1;
		pthread_cond_broadcast(&q->not_empty);
	}
	pthread_mutex_unlock(&q->mu);
}

/* ---- what the cache knows, by path hash ---- */

struct known_entry {
	struct store_known k;
	int used, seen;
};

struct known_map {
	struct known_entry *e;
	size_t cap, n;
};

static void known_put(struct known_map *m, const struct store_known *k)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct known_map bigger = { xcalloc(m->cap ? m->cap * 2 : 1024, sizeof *bigger.e), m->cap ? m->cap * 2 : 1024, 0 };
		for (size_t i = 0; i < m->cap; i++)
			if (m->e[i].used)
				known_put(&bigger, &m->e[i].k);
		free(m->e);
		*m = bigger;
	}
	size_t i = (size_t)k->path_hash & (m->cap - 1);
	while (m->e[i].used && m->e[i].k.path_hash != k->path_hash)
		i = (i + 1) & (m->cap - 1);
	if (!m->e[i].used)
		m->n++;
	m->e[i].k = *k;
	m->e[i].used = 1;
	m->e[i].seen = 0;
}

static struct known_entry *known_get(struct known_map *m, uint64_t path_hash)
{
	if (!m->cap)
		return NULL;
	size_t i = (size_t)path_hash & (m->cap - 1);
	while (m->e[i].used) {
		if (m->e[i].k.path_hash == path_hash)
			return &m->e[i];
		i = (i + 1) & (m->cap - 1);
	}
	return NULL;
}

static void known_cb(void *ctx, const struct store_known *k)
{
	known_put(ctx, k);
}

/* ---- jobs and results ---- */

struct job {
	char *path, *rel_path;
	int64_t size, mtime_ns;
	uint64_t path_hash;
	int64_t doc_id;             /* > 0: the file is in the cache already */
	uint64_t known_content;     /* its content hash then */
	int have_known;
};

enum outcome { OUT_STORE, OUT_TOUCH, OUT_FAILED };

struct result {
	struct job job;
	enum outcome outcome;
	char why[256];
	uint64_t content_hash;
	const char *encoding;
	struct buf text;            /* normalised, url: line removed */
	struct doc_meta meta;
	struct extraction x;
	int extracted;
};

struct profile {
	double read, decode, normalize, extract;   /* worker threads, summed */
	double store, finish;                      /* the writer */
};

struct run {
	const struct index_options *opt;
	struct store *st;
	/* the extractor is built on first need: an index with nothing to read skips the gazetteer */
	struct extractor *ex;
	const char *assets;
	int ex_tried;
	pthread_mutex_t ex_mu;
	struct queue jobs, results;
	struct known_map known;
	int64_t root_id;
	uint64_t root_hash_seed;
	char *real_root;
	/* directories the walk could not read: their known files must not count as removed */
	char **problem_dirs;
	size_t n_problem_dirs;
	pthread_mutex_t profile_mu;
	struct profile prof;
	struct index_summary *sum;
	/* counted by the walker thread alone, added to sum after it is joined */
	int64_t walk_scanned, walk_unchanged, walk_failed;
	/* progress */
	int show_progress;
	int64_t total_files, total_bytes, done_files, done_bytes;
	double started, last_draw;
};

static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

static uint64_t path_hash_of(const char *real_root, const char *rel)
{
	uint64_t h = hash64(real_root, strlen(real_root), 0x5eed);
	return hash64(rel, strlen(rel), h);
}

static void free_job(struct job *j)
{
	free(j->path);
	free(j->rel_path);
}

static void free_result(struct result *r)
{
	free_job(&r->job);
	buf_free(&r->text);
	meta_free(&r->meta);
	extraction_free(&r->x);
	free(r);
}

/* ---- the walker thread ---- */

static void walk_problem(void *ctx, const char *path, const char *why)
{
	struct run *run = ctx;
	warnx_("%s: %s", path, why);
	const char *base = strrchr(path, '/');
	if (corpus_wanted_name(base ? base + 1 : path)) {
		run->walk_failed++;         /* a file we would have read */
		return;
	}
	/* a directory we could not walk: what the cache has under it is not "removed" */
	run->problem_dirs = xrealloc(run->problem_dirs, (run->n_problem_dirs + 1) * sizeof *run->problem_dirs);
	run->problem_dirs[run->n_problem_dirs++] = xstrdup(path);
}

static int walk_file(void *ctx, const struct corpus_file *f)
{
	struct run *run = ctx;
	if (interrupted)
		return 1;
	run->walk_scanned++;
	uint64_t ph = path_hash_of(run->real_root, f->rel_path);
	struct known_entry *k = known_get(&run->known, ph);
	if (k) {
		k->seen = 1;
		if (!run->opt->full && k->k.size == f->size && k->k.mtime_ns == f->mtime_ns) {
			run->walk_unchanged++;
			return 0;
		}
	}
	struct job *j = xcalloc(1, sizeof *j);
	j->path = xstrdup(f->path);
	j->rel_path = xstrdup(f->rel_path);
	j->size = f->size;
	j->mtime_ns = f->mtime_ns;
	j->path_hash = ph;
	if (k) {
		j->doc_id = k->k.doc_id;
		j->known_content = k->k.content_hash;
		j->have_known = !run->opt->full;
	}
	queue_push(&run->jobs, j, 0);
	return 0;
}

struct walker_arg {
	struct run *run;
	const char *dir;
};

static void *walker_main(void *p)
{
	struct walker_arg *a = p;
	corpus_walk(a->dir, walk_file, walk_problem, a->run);
	queue_producer_done(&a->run->jobs);
	return NULL;
}

/* ---- worker threads ---- */

static struct extractor *get_extractor(struct run *run)
{
	pthread_mutex_lock(&run->ex_mu);
	if (!run->ex_tried) {
		run->ex_tried = 1;
		char err[512];
		if (!run->assets)
			warnx_("assets (regions.tsv, chains.tsv) not found: set CHAINSCOPE_ASSETS; indexing text only");
		else if (!(run->ex = extractor_open(run->assets, err, sizeof err)))
			warnx_("cannot load the assets in %s: %s; indexing text only", run->assets, err);
	}
	pthread_mutex_unlock(&run->ex_mu);
	return run->ex;
}

static void process_job(struct run *run, struct result *r, struct profile *prof)
{
	unsigned char *data;
	size_t len;
	double t0 = now_seconds();
	if (corpus_read_file(r->job.path, &data, &len, r->why, sizeof r->why)) {
		r->outcome = OUT_FAILED;
		return;
	}
	r->content_hash = hash64(data, len, 0xC0FFEE);
	double t1 = now_seconds();
	prof->read += t1 - t0;
	if (r->job.have_known && r->content_hash == r->job.known_content) {
		r->outcome = OUT_TOUCH;    /* touched, not changed */
		free(data);
		return;
	}
	struct buf decoded = { 0 };
	enum decode_status ds = decode_bytes(data, len, &decoded, &r->encoding, r->why, sizeof r->why);
	free(data);
	double t2 = now_seconds();
	prof->decode += t2 - t1;
	if (ds != DECODE_OK) {
		buf_free(&decoded);
		r->outcome = OUT_FAILED;
		return;
	}
	struct buf normalized = { 0 };
	normalize_text(decoded.data ? decoded.data : "", decoded.len, &normalized);
	buf_free(&decoded);
	const char *norm = normalized.data ? normalized.data : "";
	meta_extract(norm, normalized.len, &r->meta);
	/* drop the url: line in place rather than copying a possibly huge text */
	if (r->meta.body_start && normalized.data) {
		normalized.len -= r->meta.body_start;
		memmove(normalized.data, normalized.data + r->meta.body_start, normalized.len);
	}
	r->text = normalized;
	buf_cstr(&r->text);
	double t3 = now_seconds();
	prof->normalize += t3 - t2;
	struct extractor *ex = get_extractor(run);
	if (ex)
		extract_document(ex, r->text.data, r->text.len < EXTRACT_MAX_BYTES ? r->text.len : utf8_cut(r->text.data, EXTRACT_MAX_BYTES),
				 r->meta.lang, r->meta.date, &r->x);
	r->extracted = ex != NULL;
	prof->extract += now_seconds() - t3;
	r->outcome = OUT_STORE;
}

static void *worker_main(void *p)
{
	struct run *run = p;
	struct profile prof = { 0 };
	struct job *j;
	while ((j = queue_pop(&run->jobs))) {
		struct result *r = xcalloc(1, sizeof *r);
		r->job = *j;
		free(j);
		if (interrupted) {
			r->outcome = OUT_FAILED;
			snprintf(r->why, sizeof r->why, "interrupted");
		} else {
			process_job(run, r, &prof);
		}
		queue_push(&run->results, r, r->text.len + 4096);
	}
	queue_producer_done(&run->results);
	pthread_mutex_lock(&run->profile_mu);
	run->prof.read += prof.read;
	run->prof.decode += prof.decode;
	run->prof.normalize += prof.normalize;
	run->prof.extract += prof.extract;
	pthread_mutex_unlock(&run->profile_mu);
	return NULL;
}

/* ---- progress ---- */

static void draw_progress(struct run *run, int final)
{
	if (!run->show_progress)
		return;
	double now = now_seconds();
	if (!final && now - run->last_draw < 0.1)
		return;
	run->last_draw = now;
	double el = now - run->started;
	double mb = (double)run->done_bytes / 1e6;
	double rate = el > 0 ? mb / el : 0;
	int64_t todo = run->total_files > 0 ? run->total_files : 1;
	double frac = (double)run->done_files / (double)todo;
	if (frac > 1)
		frac = 1;
	char bar[31];
	int filled = (int)(frac * 30);
	for (int i = 0; i < 30; i++)
		bar[i] = i < filled ? '=' : (i == filled ? '>' : ' ');
	bar[30] = '\0';
	double eta = frac > 0.001 ? el * (1 - frac) / frac : 0;
	fprintf(stderr, "\r[%s] %lld/%lld files  %.1f MB  %.1f MB/s  ETA %d:%02d  ",
		bar, (long long)run->done_files, (long long)run->total_files, mb, rate,
		(int)eta / 60, (int)eta % 60);
	if (final)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

struct count_ctx {
	int64_t files, bytes;
};

static int count_file(void *ctx, const struct corpus_file *f)
{
	struct count_ctx *c = ctx;
	c->files++;
	c->bytes += f->size;
	return interrupted;
}

static void count_problem(void *ctx, const char *path, const char *why)
{
	(void)ctx;
	(void)path;
	(void)why;
}

/* ---- the writer (this thread) ---- */

static int write_result(struct run *run, struct result *r)
{
	switch (r->outcome) {
	case OUT_FAILED:
		warnx_("%s: %s", r->job.path, r->why);
		run->sum->failed++;
		return 0;
	case OUT_TOUCH:
		run->sum->unchanged++;
		return store_touch_document(run->st, r->job.doc_id, r->job.size, r->job.mtime_ns);
	case OUT_STORE:
		break;
	}
	struct store_doc d = {
		.root_id = run->root_id,
		.rel_path = r->job.rel_path,
		.path = r->job.path,
		.path_hash = r->job.path_hash,
		.size = r->job.size,
		.mtime_ns = r->job.mtime_ns,
		.content_hash = r->content_hash,
		.encoding = r->encoding,
		.lang = r->meta.lang,
		.url = r->meta.url,
		.title = r->meta.title,
		.date = r->meta.date,
		.text = r->text.data ? r->text.data : "",
		.text_len = r->text.len,
		.x = r->extracted ? &r->x : NULL,
		.ex = run->ex,
	};
	if (store_put_document(run->st, &d, r->job.doc_id))
		return -1;
	if (r->job.doc_id > 0)
		run->sum->updated++;
	else
		run->sum->added++;
	return 0;
}

static int under_problem_dir(const struct run *run, const char *path)
{
	for (size_t i = 0; i < run->n_problem_dirs; i++) {
		size_t n = strlen(run->problem_dirs[i]);
		if (strncmp(path, run->problem_dirs[i], n) == 0 && (path[n] == '/' || path[n] == '\0'))
			return 1;
	}
	return 0;
}

/* Deletes the documents of this root that the walk did not see. */
static int remove_disappeared(struct run *run)
{
	sqlite3 *db = store_db(run->st);
	sqlite3_stmt *path_of;
	if (sqlite3_prepare_v2(db, "SELECT path FROM documents WHERE id = ?1", -1, &path_of, NULL) != SQLITE_OK)
		return -1;
	int rc = 0, in_tx = 0, n = 0;
	for (size_t i = 0; i < run->known.cap && rc == 0; i++) {
		struct known_entry *e = &run->known.e[i];
		if (!e->used || e->seen)
			continue;
		sqlite3_reset(path_of);
		sqlite3_bind_int64(path_of, 1, e->k.doc_id);
		if (sqlite3_step(path_of) == SQLITE_ROW &&
		    under_problem_dir(run, (const char *)sqlite3_column_text(path_of, 0)))
			continue;
		sqlite3_reset(path_of);
		if (!in_tx && (rc = store_begin(run->st)))
			break;
		in_tx = 1;
		if ((rc = store_delete_document(run->st, e->k.doc_id)))
			break;
		run->sum->removed++;
		if (++n % INDEX_BATCH_DOCS == 0) {
			rc = store_commit(run->st);
			in_tx = 0;
		}
	}
	sqlite3_finalize(path_of);
	if (in_tx)
		rc = rc ? (store_rollback(run->st), rc) : store_commit(run->st);
	return rc;
}

static int worker_count(void)
{
	const char *env = getenv("CHAINSCOPE_THREADS");
	if (env && atoi(env) > 0)
		return atoi(env) > 64 ? 64 : atoi(env);
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	/* one core for the writer, the rest decode and extract */
	return n > 2 ? (int)n - 1 : 1;
}

static int index_one_root(struct run *run, const char *dir)
{
	char real[PATH_MAX];
	if (!realpath(dir, real)) {
		warnx_("%s: %s", dir, strerror(errno));
		run->sum->failed++;
		return 0;
	}
	run->real_root = real;
	run->n_problem_dirs = 0;
	if (store_begin(run->st) || store_root(run->st, real, dir, &run->root_id) || store_commit(run->st))
		return -1;
	memset(&run->known, 0, sizeof run->known);
	/* sized for the usual case up front: growing by rehashing costs as much as filling */
	run->known.cap = 1u << 16;
	run->known.e = xcalloc(run->known.cap, sizeof *run->known.e);
	if (store_known_files(run->st, run->root_id, known_cb, &run->known))
		return -1;
	if (run->show_progress) {
		struct count_ctx c = { 0, 0 };
		corpus_walk(dir, count_file, count_problem, &c);
		run->total_files += c.files;
		run->total_bytes += c.bytes;
	}
	int nworkers = worker_count();
	queue_init(&run->jobs, SIZE_MAX, 1);
	queue_init(&run->results, QUEUE_BYTES, nworkers);
	pthread_t walker, workers[64];
	struct walker_arg wa = { run, dir };
	pthread_create(&walker, NULL, walker_main, &wa);
	for (int i = 0; i < nworkers; i++)
		pthread_create(&workers[i], NULL, worker_main, run);

	int rc = 0, in_tx = 0;
	size_t batch_docs = 0, batch_bytes = 0;
	struct result *r;
	while ((r = queue_pop(&run->results))) {
		if (rc == 0) {
			if (!in_tx) {
				rc = store_begin(run->st);
				in_tx = rc == 0;
			}
			double tw = now_seconds();
			if (rc == 0)
				rc = write_result(run, r);
			run->prof.store += now_seconds() - tw;
			batch_docs++;
			batch_bytes += r->text.len;
			if (rc == 0 && (batch_docs >= INDEX_BATCH_DOCS || batch_bytes >= INDEX_BATCH_BYTES)) {
				rc = store_commit(run->st);
				in_tx = 0;
				batch_docs = batch_bytes = 0;
			}
		}
		run->done_files++;
		run->done_bytes += r->job.size;
		draw_progress(run, 0);
		free_result(r);
	}
	pthread_join(walker, NULL);
	for (int i = 0; i < nworkers; i++)
		pthread_join(workers[i], NULL);
	run->sum->scanned += run->walk_scanned;
	run->sum->unchanged += run->walk_unchanged;
	run->sum->failed += run->walk_failed;
	run->done_files += run->walk_unchanged;   /* for the bar only */
	run->walk_scanned = run->walk_unchanged = run->walk_failed = 0;
	if (in_tx)
		rc = rc ? (store_rollback(run->st), rc) : store_commit(run->st);
	queue_destroy(&run->jobs);
	queue_destroy(&run->results);
	if (rc == 0 && !interrupted)
		rc = remove_disappeared(run);
	free(run->known.e);
	memset(&run->known, 0, sizeof run->known);
	for (size_t i = 0; i < run->n_problem_dirs; i++)
		free(run->problem_dirs[i]);
	free(run->problem_dirs);
	run->problem_dirs = NULL;
	run->n_problem_dirs = 0;
	return rc;
}

/* Hash of the asset files' bytes: the reference tables are reloaded only when it changes. */
static int assets_hash(const char *dir, char out[32])
{
	static const char *const files[] = { "regions.tsv", "chains.tsv" };
	uint64_t h = 0x5eed;
	for (size_t i = 0; i < ARRAY_LEN(files); i++) {
		struct buf path = { 0 };
		buf_printf(&path, "%s/%s", dir, files[i]);
		unsigned char *data;
		size_t len;
		char why[256];
		int rc = corpus_read_file(path.data, &data, &len, why, sizeof why);
		buf_free(&path);
		if (rc)
			return -1;
		h = hash64(data, len, h);
		free(data);
	}
	snprintf(out, 32, "%016llx", (unsigned long long)h);
	return 0;
}

static int load_reference_if_changed(struct run *run)
{
	char want[32], have[64];
	if (!run->assets || assets_hash(run->assets, want))
		return 0;   /* reported when a file first needs extraction */
	if (store_reference_hash(run->st, have, sizeof have)) {
		warnx_("%s", store_error(run->st));
		return 1;
	}
	if (strcmp(want, have) == 0)
		return 0;
	struct extractor *ex = get_extractor(run);
	if (ex && (store_begin(run->st) || store_load_reference(run->st, ex, want) || store_commit(run->st))) {
		warnx_("%s", store_error(run->st));
		return 1;
	}
	return 0;
}

int index_run(const struct index_options *opt, struct index_summary *sum)
{
	memset(sum, 0, sizeof *sum);
	double t0 = now_seconds();
	char err[512];
	int busy = 0;
	struct store *st = store_open(opt->db_path, STORE_WRITE, &busy, err, sizeof err);
	if (!st) {
		warnx_("%s", err);
		return busy ? 3 : 1;
	}
	struct run run = { .opt = opt, .st = st, .sum = sum, .assets = assets_dir() };
	pthread_mutex_init(&run.profile_mu, NULL);
	pthread_mutex_init(&run.ex_mu, NULL);
	int rc = load_reference_if_changed(&run);
	struct sigaction sa = { .sa_handler = on_interrupt }, old_int, old_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	run.show_progress = !opt->quiet && isatty(STDERR_FILENO);
	run.started = now_seconds();
	for (int i = 0; i < opt->n_dirs && rc == 0 && !interrupted; i++)
		if (index_one_root(&run, opt->dirs[i])) {
			warnx_("%s", store_error(st));
			rc = 1;
		}
	draw_progress(&run, 1);
	if (run.show_progress) {
		/* the bar is full; what follows can take a while on a large first index */
		fputs("finishing: merging projects and updating the browser's summaries...", stderr);
		fflush(stderr);
	}
	double tf = now_seconds();
	int changed = sum->added + sum->updated + sum->removed > 0;
	if (rc == 0 && store_finish_index(st, changed)) {
		warnx_("%s", store_error(st));
		rc = 1;
	}
	/* the browser's summary tables follow the facts: the changes logged by this run (or by an
	 * interrupted one) are applied, or the tables rebuilt when missing; nothing when nothing
	 * changed */
	if (rc == 0 && browse_update_summaries(store_db(st), NULL) != SQLITE_OK) {
		warnx_("refreshing the browser's summaries: %s", sqlite3_errmsg(store_db(st)));
		rc = 1;
	}
	run.prof.finish = now_seconds() - tf;
	if (run.show_progress)
		fputs("\r\033[K", stderr);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sum->interrupted = interrupted;
	sum->seconds = now_seconds() - t0;
	if (getenv("CHAINSCOPE_PROFILE"))
		fprintf(stderr, "profile: read %.2f s, decode %.2f s, normalise %.2f s, extract %.2f s (%d workers);"
			" store %.2f s, finish %.2f s; total %.2f s\n",
			run.prof.read, run.prof.decode, run.prof.normalize, run.prof.extract, worker_count(),
			run.prof.store, run.prof.finish, sum->seconds);
	extractor_close(run.ex);
	store_close(st);
	pthread_mutex_destroy(&run.profile_mu);
	pthread_mutex_destroy(&run.ex_mu);
	return rc;
}
