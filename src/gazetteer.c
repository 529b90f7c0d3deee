/* gazetteer.c: the Aho-Corasick matcher behind the region and chain gazetteers, and the text
 * key it matches on (see gazetteer.h). Owns pattern folding, word boundaries and longest-first
 * selection; must not know what a pattern means (values are opaque) nor read any file. */
#include "gazetteer.h"

#include <stdlib.h>
#include <string.h>
#include "fold.h"
#include "util.h"

#define NO_NODE UINT32_MAX

struct gazetteer {
	/* trie nodes */
	uint32_t *fail, *dict, *depth, *first_child, *next_sibling;
	int32_t *out;                 /* pattern id ending here, or -1 */
	unsigned char *byte;          /* edge byte into the node */
	size_t n_nodes, cap_nodes;
	/* edges: open addressing, key = node * 256 + byte + 1 (0 = empty) */
	uint64_t *edge_key;
	uint32_t *edge_child;
	size_t edge_cap, n_edges;
	uint32_t root_next[256];
	/* values: (pattern, value) pairs while adding, grouped by pattern after gaz_build */
	uint32_t *pair_pat, *pair_val;
	size_t n_pairs, cap_pairs;
	uint32_t *val_start;          /* pattern -> first value index; n_patterns + 1 entries */
	uint32_t *values;
	size_t n_patterns;
	int built;
};

static uint64_t edge_hash(uint64_t k)
{
	k *= 0x9E3779B97F4A7C15ull;
	return k ^ (k >> 29);
}

static uint32_t edge_get(const struct gazetteer *g, uint32_t node, unsigned char b)
{
	if (node == 0)
		return g->root_next[b];
	uint64_t k = (uint64_t)node * 256 + b + 1;
	size_t mask = g->edge_cap - 1;
	for (size_t i = edge_hash(k) & mask;; i = (i + 1) & mask) {
		if (g->edge_key[i] == k)
			return g->edge_child[i];
		if (g->edge_key[i] == 0)
			return NO_NODE;
	}
}

static void edge_put(struct gazetteer *g, uint32_t node, unsigned char b, uint32_t child);

static void edge_grow(struct gazetteer *g)
{
	uint64_t *old_key = g->edge_key;
	uint32_t *old_child = g->edge_child;
	size_t old_cap = g->edge_cap;
	g->edge_cap = old_cap ? old_cap * 2 : 1u << 16;
	g->edge_key = xcalloc(g->edge_cap, sizeof *g->edge_key);
	g->edge_child = xmalloc(g->edge_cap * sizeof *g->edge_child);
	g->n_edges = 0;
	for (size_t i = 0; i < old_cap; i++)
		if (old_key[i])
			edge_put(g, (uint32_t)((old_key[i] - 1) >> 8),
				 (unsigned char)((old_key[i] - 1) & 255), old_child[i]);
	free(old_key);
	free(old_child);
}

static void edge_put(struct gazetteer *g, uint32_t node, unsigned char b, uint32_t child)
{
	if (node == 0) {
		g->root_next[b] = child;
		return;
	}
	if ((g->n_edges + 1) * 2 > g->edge_cap)
		edge_grow(g);
	uint64_t k = (uint64_t)node * 256 + b + 1;
	size_t mask = g->edge_cap - 1;
	size_t i = edge_hash(k) & mask;
	while (g->edge_key[i] != 0 && g->edge_key[i] != k)
		i = (i + 1) & mask;
	if (g->edge_key[i] == 0)
		g->n_edges++;
	g->edge_key[i] = k;
	g->edge_child[i] = child;
}

static uint32_t node_new(struct gazetteer *g, uint32_t parent, unsigned char b)
{
	if (g->n_nodes == g->cap_nodes) {
		size_t c = g->cap_nodes ? g->cap_nodes * 2 : 4096;
		g->fail = xrealloc(g->fail, c * sizeof *g->fail);
		g->dict = xrealloc(g->dict, c * sizeof *g->dict);
		g->depth = xrealloc(g->depth, c * sizeof *g->depth);
		g->first_child = xrealloc(g->first_child, c * sizeof *g->first_child);
		g->next_sibling = xrealloc(g->next_sibling, c * sizeof *g->next_sibling);
		g->out = xrealloc(g->out, c * sizeof *g->out);
		g->byte = xrealloc(g->byte, c);
		g->cap_nodes = c;
	}
	uint32_t id = (uint32_t)g->n_nodes++;
	g->fail[id] = 0;
	g->dict[id] = 0;
	g->depth[id] = parent == NO_NODE ? 0 : g->depth[parent] + 1;
	g->first_child[id] = NO_NODE;
	g->next_sibling[id] = NO_NODE;
	g->out[id] = -1;
	g->byte[id] = b;
	if (parent != NO_NODE) {
		g->next_sibling[id] = g->first_child[parent];
		g->first_child[parent] = id;
	}
	return id;
}

struct gazetteer *gaz_new(void)
{
	struct gazetteer *g = xcalloc(1, sizeof *g);
	for (int i = 0; i < 256; i++)
		g->root_next[i] = NO_NODE;
	node_new(g, NO_NODE, 0);
	edge_grow(g);
	return g;
}

void gaz_free(struct gazetteer *g)
{
	if (!g)
		return;
	free(g->fail);
	free(g->dict);
	free(g->depth);
	free(g->first_child);
	free(g->next_sibling);
	free(g->out);
	free(g->byte);
	free(g->edge_key);
	free(g->edge_child);
	free(g->pair_pat);
	free(g->pair_val);
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
	uint32_t node = 0;
	for (size_t i = a; i < n; i++) {
		unsigned char b = (unsigned char)buf[i];
		uint32_t next = edge_get(g, node, b);
		if (next == NO_NODE) {
			next = node_new(g, node, b);
			edge_put(g, node, b, next);
		}
		node = next;
	}
	if (g->out[node] < 0)
		g->out[node] = (int32_t)g->n_patterns++;
	if (g->n_pairs == g->cap_pairs) {
		g->cap_pairs = g->cap_pairs ? g->cap_pairs * 2 : 4096;
		g->pair_pat = xrealloc(g->pair_pat, g->cap_pairs * sizeof *g->pair_pat);
		g->pair_val = xrealloc(g->pair_val, g->cap_pairs * sizeof *g->pair_val);
	}
	g->pair_pat[g->n_pairs] = (uint32_t)g->out[node];
	g->pair_val[g->n_pairs] = value;
	g->n_pairs++;
	return 1;
}

void gaz_build(struct gazetteer *g)
{
	if (g->built)
		return;
	g->built = 1;
	/* group the values by pattern (counting sort, stable so the order of adding is kept) */
	g->val_start = xcalloc(g->n_patterns + 1, sizeof *g->val_start);
	g->values = xmalloc((g->n_pairs ? g->n_pairs : 1) * sizeof *g->values);
	for (size_t i = 0; i < g->n_pairs; i++)
		g->val_start[g->pair_pat[i] + 1]++;
	for (size_t p = 0; p < g->n_patterns; p++)
		g->val_start[p + 1] += g->val_start[p];
	uint32_t *fill = xmalloc((g->n_patterns + 1) * sizeof *fill);
	memcpy(fill, g->val_start, (g->n_patterns + 1) * sizeof *fill);
	for (size_t i = 0; i < g->n_pairs; i++)
		g->values[fill[g->pair_pat[i]]++] = g->pair_val[i];
	free(fill);
	free(g->pair_pat);
	free(g->pair_val);
	g->pair_pat = g->pair_val = NULL;

	/* failure and dictionary links, breadth first */
	uint32_t *queue = xmalloc(g->n_nodes * sizeof *queue);
	size_t qh = 0, qt = 0;
	for (uint32_t c = g->first_child[0]; c != NO_NODE; c = g->next_sibling[c]) {
		g->fail[c] = 0;
		g->dict[c] = 0;
		queue[qt++] = c;
	}
	while (qh < qt) {
		uint32_t u = queue[qh++];
		for (uint32_t c = g->first_child[u]; c != NO_NODE; c = g->next_sibling[c]) {
			unsigned char b = g->byte[c];
			uint32_t f = g->fail[u];
			uint32_t t;
			while ((t = edge_get(g, f, b)) == NO_NODE && f != 0)
				f = g->fail[f];
			t = edge_get(g, f, b);
			g->fail[c] = (t == NO_NODE || t == c) ? 0 : t;
			g->dict[c] = g->out[g->fail[c]] >= 0 ? g->fail[c] : g->dict[g->fail[c]];
			queue[qt++] = c;
		}
	}
	free(queue);
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

static int cmp_longest(const void *a, const void *b, const struct gaz_hit *hits)
{
	const struct gaz_hit *x = hits + *(const size_t *)a, *y = hits + *(const size_t *)b;
	uint32_t lx = x->kend - x->kstart, ly = y->kend - y->kstart;
	if (lx != ly)
		return lx > ly ? -1 : 1;
	if (x->kstart != y->kstart)
		return x->kstart < y->kstart ? -1 : 1;
	return 0;
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
	size_t *tmp = xmalloc(n * sizeof *tmp);
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t a = 0; a < n; a += 2 * width) {
			size_t m = a + width < n ? a + width : n, e = a + 2 * width < n ? a + 2 * width : n;
			size_t i = a, j = m, o = a;
			while (i < m && j < e)
				tmp[o++] = cmp_longest(&order[j], &order[i], hits) < 0 ? order[j++] : order[i++];
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
