/* search_bench.c: search latency for the benchmark: runs a fixed query set through query_parse()
 * and store_search() (first 50 hits with snippets, as `chainscope search` does) on an existing
 * cache, many times each, and prints p50/p99 per query and overall. Owns only the measurement;
 * must not be used by the program.
 *
 * usage: search-bench DB [REPEATS] [QUERY...]   (default: the built-in query set, 30 repeats) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "query.h"
#include "store.h"
#include "util.h"

static const char *const default_queries[][2] = {
	{"rare word", "zirconium"},
	{"common word", "investment"},
	{"phrase", "\"battery plant\""},
	{"prefix", "semicond*"},
	{"Chinese word", "集成电路"},
	{"Chinese 2 chars", "光伏"},
	{"traditional", "長三角"},
	{"boolean", "Suzhou AND battery NOT solar"},
};

struct sink { long long hits, snippet_bytes; };

static int count_hit(void *ctx, const struct search_hit *h)
{
	struct sink *s = ctx;
	s->hits++;
	s->snippet_bytes += h->snippet ? (long long)strlen(h->snippet) : 0;
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The q-quantile (0..1) of sorted v[0..n), nearest rank. */
static double quantile(const double *v, size_t n, double q)
{
	size_t rank = (size_t)(q * (double)n + 0.999999);
	if (rank < 1) rank = 1;
	if (rank > n) rank = n;
	return v[rank - 1];
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: search-bench DB [REPEATS] [QUERY...]\n");
		return 2;
	}
	int repeats = argc > 2 ? atoi(argv[2]) : 30;
	if (repeats < 1) repeats = 1;
	size_t nq = argc > 3 ? (size_t)(argc - 3) : ARRAY_LEN(default_queries);

	int busy = 0;
	char err[512];
	struct store *st = store_open(argv[1], STORE_READ, &busy, err, sizeof err);
	if (!st)
		diex(1, "%s: %s", argv[1], err);

	double *all = xcalloc(nq * (size_t)repeats, sizeof *all);
	double *one = xcalloc((size_t)repeats, sizeof *one);
	size_t nall = 0;
	printf("%-16s %-32s %8s %9s %9s\n", "kind", "query", "hits", "p50 ms", "p99 ms");
	for (size_t i = 0; i < nq; i++) {
		const char *kind = argc > 3 ? "given" : default_queries[i][0];
		const char *text = argc > 3 ? argv[3 + i] : default_queries[i][1];
		struct sink s = {0, 0};
		for (int r = -1; r < repeats; r++) {   /* r = -1 warms the page cache */
			struct query q;
			memset(&q, 0, sizeof q);
			s.hits = 0;
			double t0 = now_seconds();
			if (query_parse(text, &q, err, sizeof err) != 0)
				diex(1, "%s: %s", text, err);
			if (store_search(st, &q, 50, 0, "[", "]", count_hit, &s, err, sizeof err) != 0)
				diex(1, "%s: %s", text, err);
			query_free(&q);
			double ms = (now_seconds() - t0) * 1000.0;
			if (r >= 0) {
				one[r] = ms;
				all[nall++] = ms;
			}
		}
		qsort(one, (size_t)repeats, sizeof *one, cmp_double);
		printf("%-16s %-32s %8lld %9.2f %9.2f\n", kind, text, s.hits,
		       quantile(one, (size_t)repeats, 0.50), quantile(one, (size_t)repeats, 0.99));
	}
	qsort(all, nall, sizeof *all, cmp_double);
	printf("search: queries %zu, runs %zu, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", nq, nall,
	       quantile(all, nall, 0.50), quantile(all, nall, 0.99), all[nall - 1]);
	free(all);
	free(one);
	store_close(st);
	return 0;
}
