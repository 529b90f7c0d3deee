/* test_gazetteer.c: the multi-pattern matcher (src/gazetteer.c): folding (case, apostrophes,
 * hyphens, traditional characters), word edges, offsets into the original text, leftmost-longest
 * selection, repeated patterns, odd input; and, through the extractor and the real assets, the
 * plural tolerance of chain keywords and the start-up time. */
#include <stdlib.h>
#include "check.h"
#include "extract.h"
#include "gazetteer.h"
#include "util.h"

/* Scans text with g; returns the number of hits, hits in *out (caller frees). */
static size_t scan(const struct gazetteer *g, const char *text, struct gaz_hit **out)
{
	struct gaz_text t;
	gaz_text_make(text, strlen(text), &t);
	size_t n = 0, cap = 0;
	*out = NULL;
	gaz_scan(g, &t, out, &n, &cap);
	gaz_text_free(&t);
	return n;
}

/* Is there a hit of the pattern carrying value at exactly [start, end) of the original text? */
static int hit_at(const struct gazetteer *g, const struct gaz_hit *h, size_t n, uint32_t value,
		  uint32_t start, uint32_t end)
{
	for (size_t i = 0; i < n; i++) {
		size_t nv;
		const uint32_t *v = gaz_values(g, h[i].pattern, &nv);
		for (size_t k = 0; k < nv; k++)
			if (v[k] == value && h[i].start == start && h[i].end == end)
				return 1;
	}
	return 0;
}

static int has_value(const struct gazetteer *g, const struct gaz_hit *h, size_t n, uint32_t value)
{
	for (size_t i = 0; i < n; i++) {
		size_t nv;
		const uint32_t *v = gaz_values(g, h[i].pattern, &nv);
		for (size_t k = 0; k < nv; k++)
			if (v[k] == value)
				return 1;
	}
	return 0;
}

static struct gazetteer *small(void)
{
	struct gazetteer *g = gaz_new();
	gaz_add(g, "Xi'an", 5, 1);
	gaz_add(g, "Jiangsu", 7, 2);
	gaz_add(g, "Beijing Tianjin Hebei", 21, 3);
	gaz_add(g, "苏州", strlen("苏州"), 4);
	gaz_add(g, "上海", strlen("上海"), 5);
	gaz_add(g, "海城市", strlen("海城市"), 6);
	gaz_add(g, "an", 2, 7);
	gaz_add(g, "Lu-an", 5, 8);
	gaz_add(g, "JIANGSU", 7, 9);            /* folds to the same pattern as "Jiangsu" */
	gaz_add(g, "鞍山", strlen("鞍山"), 10);
	gaz_add(g, "马鞍山", strlen("马鞍山"), 11);
	gaz_add(g, "  ", 2, 12);                 /* folds to nothing: refused */
	gaz_build(g);
	return g;
}

TEST(test_case_and_word_edges)
{
	struct gazetteer *g = small();
	struct gaz_hit *h;
	size_t n = scan(g, "JIANGSU and jiangsu; Jiangsuese plan an", &h);
	CHECK(hit_at(g, h, n, 2, 0, 7));
	CHECK(hit_at(g, h, n, 2, 12, 19));
	CHECK(!hit_at(g, h, n, 2, 21, 28));      /* inside a longer word */
	CHECK(hit_at(g, h, n, 7, 37, 39));       /* "an" as a word */
	CHECK(!hit_at(g, h, n, 7, 34, 36));      /* not the "an" of "plan" */
	free(h);
	gaz_free(g);
}

TEST(test_apostrophes_and_hyphens)
{
	struct gazetteer *g = small();
	struct gaz_hit *h;
	const char *text = "Xi'an, Xian, Xi\xE2\x80\x99" "an and Jiangsu's plan; Beijing-Tianjin-Hebei; Lu \xE2\x80\x93 an";
	size_t n = scan(g, text, &h);
	CHECK(hit_at(g, h, n, 1, 0, 5));
	CHECK(hit_at(g, h, n, 1, 7, 11));
	CHECK(hit_at(g, h, n, 1, 13, 20));       /* curly apostrophe: 3 bytes in the original */
	CHECK(hit_at(g, h, n, 2, 25, 32));       /* possessive keeps the word edge */
	const char *b = strstr(text, "Beijing");
	CHECK(hit_at(g, h, n, 3, (uint32_t)(b - text), (uint32_t)(b - text + 21)));
	CHECK(has_value(g, h, n, 8));            /* "Lu-an" = "Lu – an": dashes and spaces are one space ... */
	free(h);
	n = scan(g, "Luan", &h);
	CHECK(!has_value(g, h, n, 8));           /* ... a hyphen is a space, not nothing */
	free(h);
	gaz_free(g);
}

TEST(test_traditional_fold_keeps_offsets)
{
	struct gazetteer *g = small();
	struct gaz_hit *h;
	const char *text = "在蘇州和苏州";
	size_t n = scan(g, text, &h);
	CHECK(hit_at(g, h, n, 4, 3, 9));
	CHECK(hit_at(g, h, n, 4, 12, 18));
	free(h);
	gaz_free(g);
}

TEST(test_repeated_pattern_keeps_both_values)
{
	struct gazetteer *g = small();
	struct gaz_hit *h;
	size_t n = scan(g, "Jiangsu", &h);
	CHECK_INT(n, 1);
	size_t nv;
	const uint32_t *v = gaz_values(g, h[0].pattern, &nv);
	CHECK_INT(nv, 2);
	CHECK(nv == 2 && v[0] == 2 && v[1] == 9);
	free(h);
	gaz_free(g);
}

TEST(test_leftmost_longest)
{
	struct gazetteer *g = small();
	struct gaz_hit *h;
	/* 上海城市: 上海 starts first and wins over the longer 海城市 that overlaps it */
	size_t n = scan(g, "上海城市建设", &h);
	unsigned char keep[16];
	CHECK(n == 2);
	gaz_select_longest(h, n, keep);
	for (size_t i = 0; i < n; i++) {
		size_t nv;
		const uint32_t *v = gaz_values(g, h[i].pattern, &nv);
		CHECK(keep[i] == (v[0] == 5));
	}
	free(h);
	/* 马鞍山 hides the 鞍山 inside it */
	n = scan(g, "马鞍山市", &h);
	CHECK(n == 2);
	gaz_select_longest(h, n, keep);
	for (size_t i = 0; i < n; i++) {
		size_t nv;
		const uint32_t *v = gaz_values(g, h[i].pattern, &nv);
		CHECK(keep[i] == (v[0] == 11));
	}
	free(h);
	gaz_free(g);
}

TEST(test_odd_input)
{
	struct gazetteer *g = small();
	struct gaz_hit *h;
	CHECK_INT(scan(g, "", &h), 0);
	free(h);
	/* invalid UTF-8, NUL-free binary, a lone continuation byte before a pattern */
	const char bad[] = "\xff\xfe\x80Jiangsu\xe4\xb8\xe8\x8b\x8f\xe5\xb7\x9e\xc0";
	size_t n = scan(g, bad, &h);
	CHECK(has_value(g, h, n, 4));
	CHECK(has_value(g, h, n, 2));
	free(h);
	CHECK(gaz_add(g, "late", 4, 1) == 0);    /* no adding after the build */
	gaz_free(g);
	/* an empty gazetteer matches nothing */
	struct gazetteer *e = gaz_new();
	gaz_build(e);
	CHECK_INT(scan(e, "Jiangsu", &h), 0);
	free(h);
	gaz_free(e);
}

static int has_chain(const struct extraction *x, const char *id)
{
	for (size_t i = 0; i < x->n_mentions; i++)
		if (x->mentions[i].kind == MENTION_CHAIN && strcmp(x->mentions[i].id, id) == 0)
			return 1;
	return 0;
}

static struct extractor *open_assets(void)
{
	char err[256];
	const char *dir = getenv("CHAINSCOPE_ASSETS") ? getenv("CHAINSCOPE_ASSETS") : "assets";
	struct extractor *ex = extractor_open(dir, err, sizeof err);
	if (!ex)
		printf("#   extractor_open: %s\n", err);
	return ex;
}

TEST(test_plurals_of_chain_keywords)
{
	struct extractor *ex = open_assets();
	CHECK(ex != NULL);
	if (!ex)
		return;
	struct extraction x = {0};
	const char *t = "The plant will make high-efficiency batteries and lithium-ion batteries.";
	extract_document(ex, t, strlen(t), "en", "", &x);
	CHECK(has_chain(&x, "photovoltaics"));   /* "high-efficiency battery" = PV cells */
	CHECK(has_chain(&x, "batteries-storage"));
	t = "Two photovoltaic power stations and three wind farms.";
	extract_document(ex, t, strlen(t), "en", "", &x);
	CHECK(has_chain(&x, "photovoltaics"));
	CHECK(has_chain(&x, "wind-power"));
	extraction_free(&x);
	extractor_close(ex);
}

TEST(test_gazetteer_loads_fast)
{
	double t0 = now_seconds();
	struct extractor *ex = open_assets();
	double dt = now_seconds() - t0;
	CHECK(ex != NULL);
	printf("#   extractor_open: %.1f ms, %zu regions, %zu chains and segments\n", dt * 1e3,
	       extractor_region_count(ex), extractor_chain_count(ex));
	/* generous for a loaded or sanitised build; an optimised one takes a few tens of ms */
	CHECK(dt < 2.0);
	extractor_close(ex);
}

int main(void)
{
	RUN(test_case_and_word_edges);
	RUN(test_apostrophes_and_hyphens);
	RUN(test_traditional_fold_keeps_offsets);
	RUN(test_repeated_pattern_keeps_both_values);
	RUN(test_leftmost_longest);
	RUN(test_odd_input);
	RUN(test_plurals_of_chain_keywords);
	RUN(test_gazetteer_loads_fast);
	CHECK_DONE();
}
