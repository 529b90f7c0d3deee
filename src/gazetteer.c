/* gazetteer.c: the Aho-Corasick matcher behind the region and chain gazetteers, and the text
 * key it matches on (see gazetteer.h). Owns pattern folding, word boundaries and longest-first
 * selection; must not know what a pattern means (values are opaque) nor read any file. */
#include "gazetteer.h"

#include <stdlib.h>
#include <string.h>
#include "fold.h"
#include "util.h"

#define NO_NODE UINT32_MAX

/* A pattern as added: its folded bytes in the arena, and its value. */
struct added {
	uint32_t off, len, value;
};

struct gazetteer {
	/* patterns as added (gaz_add), turned into the automaton by gaz_build */
	char *arena;
	size_t arena_len, arena_cap;
	struct added *added;
	size_t n_added, cap_added;
	/* trie nodes, numbered in depth-first order of the sorted patterns */
	uint32_t *fail, *dict, *depth;
	int32_t *out;                 /* pattern id ending here, or -1 */
	uint32_t *child_start;        /* children of node u: child_byte/child_node[child_start[u] .. child_start[u + 1]) */
	unsigned char *child_byte;    /* ascending within a node */
	uint32_t *child_node;
	size_t n_nodes;
	uint32_t root_next[256];
	/* values grouped by pattern */
	uint32_t *val_start;          /* pattern -> first value index; n_patterns + 1 entries */
	uint32_t *values;
	size_t n_patterns;
	int built;
};

static uint32_t edge_get(const struct gazetteer *g, uint32_t node, unsigned char b)
{
	if (node == 0)
		return g->root_next[b];
	uint32_t lo = g->child_start[node], hi = g->child_start[node + 1];
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if (g->child_byte[mid] < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < g->child_start[node + 1] && g->child_byte[lo] == b ? g->child_node[lo] : NO_NODE;
}

struct gazetteer *gaz_new(void)
{
	struct gazetteer *g = xcalloc(1, sizeof *g);
	for (int i = 0; i < 256; i++)
		g->root_next[i] = NO_NODE;
	return g;
}

void gaz_free(struct gazetteer *g)
{
	if (!g)
		return;
	free(g->arena);
	free(g->added);
	free(g->fail);
	free(g->dict);
	free(g->depth);
	free(g->out);
	free(g->child_start);
	free(g->child_byte);
	free(g->child_node);
	free(g->val_start);
	free(g->values);
	free(g);
}

static int is_word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 || cp == 0x02BC ||
	       cp == 0x2032;
}

static int is_dash(uint32_t cp)
{
	return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

/* The folding shared by texts and patterns. Writes at most n bytes to out; map may be NULL. */
static size_t fold_key(const char *in, size_t n, char *out, uint32_t *map)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int len = s[i] < 0x80 ? (cp = s[i], 1) : utf8_decode(s + i, n - i, &cp);
		int space = 0;
		if (is_apostrophe(cp)) {
			/* "Jiangsu's" -> "jiangsu s" keeps the word edge; "Xi'an" -> "xian" */
			size_t j = i + (size_t)len;
			if (j < n && (s[j] == 's' || s[j] == 'S') && (j + 1 >= n || !is_word_byte(s[j + 1])))
				space = 1;
			else {
				i += (size_t)len;
				continue;
			}
		} else if (is_dash(cp) || cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' ||
			   cp == 0xA0 || cp == 0x3000) {
			space = 1;
		}
		if (space) {
			if (o > 0 && out[o - 1] != ' ') {
				if (map)
					map[o] = (uint32_t)i;
				out[o++] = ' ';
			}
			i += (size_t)len;
			continue;
		}
		if (len == 1) {
			unsigned char c = s[i];
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c - 'A' + 'a');
			if (map)
				map[o] = (uint32_t)i;
			out[o++] = (char)c;
			i++;
			continue;
		}
		uint32_t f = fold_t2s(cp);
		char enc[4];
		int elen = 0;
		if (f != cp && cp != 0xFFFD) {
			if (f < 0x800) { enc[0] = (char)(0xC0 | (f >> 6)); enc[1] = (char)(0x80 | (f & 63)); elen = 2; }
			else if (f < 0x10000) { enc[0] = (char)(0xE0 | (f >> 12)); enc[1] = (char)(0x80 | ((f >> 6) & 63));
				enc[2] = (char)(0x80 | (f & 63)); elen = 3; }
			else { enc[0] = (char)(0xF0 | (f >> 18)); enc[1] = (char)(0x80 | ((f >> 12) & 63));
				enc[2] = (char)(0x80 | ((f >> 6) & 63)); enc[3] = (char)(0x80 | (f & 63)); elen = 4; }
		}
		for (int k = 0; k < len; k++) {
			if (map)
				map[o] = (uint32_t)(i + (size_t)k);
			out[o++] = elen == len ? enc[k] : (char)s[i + (size_t)k];
		}
		i += (size_t)len;
	}
	return o;
}

int gaz_add(struct gazetteer *g, const char *pat, size_t len, uint32_t value)
{
	if (g->built || len == 0 || len > 4096)
		return 0;
	char buf[4096];
	size_t n = fold_key(pat, len, buf, NULL);
	size_t a = 0;
	while (a < n && buf[a] == ' ')
		a++;
	while (n > a && buf[n - 1] == ' ')
		n--;
	if (n == a)
		return 0;
	if (g->arena_len + (n - a) > g->arena_cap) {
		g->arena_cap = g->arena_cap ? g->arena_cap * 2 : 1u << 16;
		while (g->arena_cap < g->arena_len + (n - a))
			g->arena_cap *= 2;
		g->arena = xrealloc(g->arena, g->arena_cap);
	}
	if (g->n_added == g->cap_added) {
		g->cap_added = g->cap_added ? g->cap_added * 2 : 4096;
		g->added = xrealloc(g->added, g->cap_added * sizeof *g->added);
	}
	memcpy(g->arena + g->arena_len, buf + a, n - a);
	g->added[g->n_added].off = (uint32_t)g->arena_len;
	g->added[g->n_added].len = (uint32_t)(n - a);
	g->added[g->n_added].value = value;
	g->n_added++;
	g->arena_len += n - a;
	return 1;
}

/* A pattern being sorted: its bytes (in the final arena) and its place in the order of adding. */
struct sorting {
	const char *p;
	uint32_t len, value, seq;
};

static int cmp_sorting(const void *pa, const void *pb)
{
	const struct sorting *x = pa, *y = pb;
	size_t l = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->p, y->p, l);
	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;   /* keep the order of adding */
}

void gaz_build(struct gazetteer *g)
{
	if (g->built)
		return;
	g->built = 1;
	struct sorting *srt = xmalloc((g->n_added ? g->n_added : 1) * sizeof *srt);
	for (size_t i = 0; i < g->n_added; i++) {
		srt[i].p = g->arena + g->added[i].off;
		srt[i].len = g->added[i].len;
		srt[i].value = g->added[i].value;
		srt[i].seq = (uint32_t)i;
	}
	if (g->n_added > 1)
		sort_array(srt, g->n_added, sizeof *srt, cmp_sorting);

	/* nodes: at most one per pattern byte, plus the root */
	size_t max_nodes = g->arena_len + 1;
	uint32_t *parent = xmalloc(max_nodes * sizeof *parent);
	unsigned char *byte = xmalloc(max_nodes);
	g->depth = xmalloc(max_nodes * sizeof *g->depth);
	g->out = xmalloc(max_nodes * sizeof *g->out);
	g->val_start = xmalloc((g->n_added + 1) * sizeof *g->val_start);
	g->values = xmalloc((g->n_added ? g->n_added : 1) * sizeof *g->values);
	uint32_t *path = xmalloc((4096 + 1) * sizeof *path);   /* nodes of the previous pattern */
	g->n_nodes = 1;
	parent[0] = NO_NODE;
	byte[0] = 0;
	g->depth[0] = 0;
	g->out[0] = -1;
	path[0] = 0;
	const char *prev = NULL;
	size_t prev_len = 0;
	for (size_t i = 0; i < g->n_added; i++) {
		const char *p = srt[i].p;
		size_t len = srt[i].len, lcp = 0;
		while (prev && lcp < len && lcp < prev_len && p[lcp] == prev[lcp])
			lcp++;
		if (!(prev && lcp == len && len == prev_len)) {
			for (size_t k = lcp; k < len; k++) {
				uint32_t u = (uint32_t)g->n_nodes++;
				parent[u] = path[k];
				byte[u] = (unsigned char)p[k];
				g->depth[u] = (uint32_t)k + 1;
				g->out[u] = -1;
				path[k + 1] = u;
			}
			g->out[path[len]] = (int32_t)g->n_patterns;
			g->val_start[g->n_patterns++] = (uint32_t)i;
		}
		g->values[i] = srt[i].value;
		prev = p;
		prev_len = len;
	}
	g->val_start[g->n_patterns] = (uint32_t)g->n_added;
	free(path);

	/* children lists (nodes are in depth-first order of sorted patterns, so the children of a
	 * node come in ascending byte order) */
	size_t nn = g->n_nodes;
	g->child_start = xcalloc(nn + 1, sizeof *g->child_start);
	g->child_byte = xmalloc(nn ? nn : 1);
	g->child_node = xmalloc((nn ? nn : 1) * sizeof *g->child_node);
	for (size_t u = 1; u < nn; u++)
		g->child_start[parent[u] + 1]++;
	for (size_t u = 0; u < nn; u++)
		g->child_start[u + 1] += g->child_start[u];
	uint32_t *fill = xmalloc((nn + 1) * sizeof *fill);
	memcpy(fill, g->child_start, (nn + 1) * sizeof *fill);
	for (size_t u = 1; u < nn; u++) {
		uint32_t at = fill[parent[u]]++;
		g->child_byte[at] = byte[u];
		g->child_node[at] = (uint32_t)u;
		if (parent[u] == 0)
			g->root_next[byte[u]] = (uint32_t)u;
	}
	free(fill);
	free(parent);
	free(srt);
	free(g->arena);
	free(g->added);
	g->arena = NULL;
	g->added = NULL;

	/* failure and dictionary links, breadth first */
	g->fail = xcalloc(nn, sizeof *g->fail);
	g->dict = xcalloc(nn, sizeof *g->dict);
	uint32_t *queue = xmalloc(nn * sizeof *queue);
	size_t qh = 0, qt = 0;
	queue[qt++] = 0;
	while (qh < qt) {
		uint32_t u = queue[qh++];
		for (uint32_t e = g->child_start[u]; e < g->child_start[u + 1]; e++) {
			uint32_t c = g->child_node[e];
			unsigned char b = g->child_byte[e];
			uint32_t t = NO_NODE;
			if (u != 0) {
				uint32_t f = g->fail[u];
				while ((t = edge_get(g, f, b)) == NO_NODE && f != 0)
					f = g->fail[f];
			}
			g->fail[c] = (t == NO_NODE || t == c) ? 0 : t;
			g->dict[c] = g->out[g->fail[c]] >= 0 ? g->fail[c] : g->dict[g->fail[c]];
			queue[qt++] = c;
		}
	}
	free(queue);
	free(byte);
}

size_t gaz_pattern_count(const struct gazetteer *g) { return g->n_patterns; }
size_t gaz_node_count(const struct gazetteer *g) { return g->n_nodes; }

const uint32_t *gaz_values(const struct gazetteer *g, uint32_t pattern, size_t *count)
{
	if (!g->built || pattern >= g->n_patterns) {
		*count = 0;
		return NULL;
	}
	*count = g->val_start[pattern + 1] - g->val_start[pattern];
	return g->values + g->val_start[pattern];
}

void gaz_text_make(const char *text, size_t n, struct gaz_text *t)
{
	if (n > UINT32_MAX - 1)
		n = UINT32_MAX - 1;
	t->key = xmalloc(n + 1);
	t->map = xmalloc((n + 1) * sizeof *t->map);
	t->len = fold_key(text, n, t->key, t->map);
	t->key[t->len] = '\0';
	t->map[t->len] = (uint32_t)n;
}

void gaz_text_free(struct gaz_text *t)
{
	free(t->key);
	free(t->map);
	t->key = NULL;
	t->map = NULL;
	t->len = 0;
}

static void hit_push(struct gaz_hit **hits, size_t *n, size_t *cap, struct gaz_hit h)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		*hits = xrealloc(*hits, *cap * sizeof **hits);
	}
	(*hits)[(*n)++] = h;
}

size_t gaz_scan(const struct gazetteer *g, const struct gaz_text *t,
		struct gaz_hit **hits, size_t *n, size_t *cap)
{
	if (!g->built)
		return *n;
	const unsigned char *k = (const unsigned char *)t->key;
	uint32_t state = 0;
	for (size_t i = 0; i < t->len; i++) {
		unsigned char b = k[i];
		uint32_t next;
		while ((next = edge_get(g, state, b)) == NO_NODE && state != 0)
			state = g->fail[state];
		state = next == NO_NODE ? 0 : next;
		for (uint32_t s = g->out[state] >= 0 ? state : g->dict[state]; s != 0; s = g->dict[s]) {
			size_t ke = i + 1, ks = ke - g->depth[s];
			if (is_word_byte(k[ks]) && ks > 0 && is_word_byte(k[ks - 1]))
				continue;
			if (is_word_byte(k[ke - 1]) && ke < t->len && is_word_byte(k[ke]))
				continue;
			/* the key never splits a UTF-8 sequence, so the last key byte maps to the last
			 * byte of the original character */
			struct gaz_hit h = { (uint32_t)ks, (uint32_t)ke, t->map[ks], t->map[ke - 1] + 1,
					     (uint32_t)g->out[s] };
			hit_push(hits, n, cap, h);
		}
	}
	return *n;
}

/* Leftmost-longest order: the earlier start first, the longer match first at the same start
 * (forward maximum matching: 上海城市 is 上海 + 城市, not 上 + 海城市). */
static int hit_before(const struct gaz_hit *x, const struct gaz_hit *y)
{
	if (x->kstart != y->kstart)
		return x->kstart < y->kstart;
	return x->kend > y->kend;
}

void gaz_select_longest(const struct gaz_hit *hits, size_t n, unsigned char *keep)
{
	if (n == 0)
		return;
	size_t *order = xmalloc(n * sizeof *order);
	uint32_t lo = UINT32_MAX, hi = 0;
	for (size_t i = 0; i < n; i++) {
		order[i] = i;
		keep[i] = 0;
		if (hits[i].kstart < lo)
			lo = hits[i].kstart;
		if (hits[i].kend > hi)
			hi = hits[i].kend;
	}
	/* stable merge sort by start, the longer first at the same start */
	size_t *tmp = xmalloc(n * sizeof *tmp);
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t a = 0; a < n; a += 2 * width) {
			size_t m = a + width < n ? a + width : n, e = a + 2 * width < n ? a + 2 * width : n;
			size_t i = a, j = m, o = a;
			while (i < m && j < e)
				tmp[o++] = hit_before(&hits[order[j]], &hits[order[i]]) ? order[j++] : order[i++];
			while (i < m)
				tmp[o++] = order[i++];
			while (j < e)
				tmp[o++] = order[j++];
		}
		memcpy(order, tmp, n * sizeof *order);
	}
	free(tmp);
	unsigned char *used = xcalloc(hi - lo + 1, 1);
	for (size_t r = 0; r < n; r++) {
		const struct gaz_hit *h = hits + order[r];
		int free_span = 1;
		for (uint32_t p = h->kstart; p < h->kend; p++)
			if (used[p - lo]) {
				free_span = 0;
				break;
			}
		if (!free_span)
			continue;
		keep[order[r]] = 1;
		memset(used + (h->kstart - lo), 1, h->kend - h->kstart);
	}
	free(used);
	free(order);
}
