/* gazetteer.h: one multi-pattern matcher (Aho-Corasick over bytes) for every region and chain
 * name, and the matching key of a text: case-folded, traditional folded to simplified,
 * apostrophes dropped ("Xi'an" = "Xian"), hyphens and runs of spaces made one space, with a map
 * back to the original byte offsets. Knows nothing about regions or chains: a pattern carries
 * opaque 32-bit values that the caller (extract.c) interprets. */
#ifndef CHAINSCOPE_GAZETTEER_H
#define CHAINSCOPE_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

struct gazetteer;

/* The matching key of a text. key[0..len) is the folded text, map[i] the offset in the original
 * text of key byte i (map[len] = original length). */
struct gaz_text {
	char *key;
	uint32_t *map;
	size_t len;
};

/* One occurrence of a pattern: [kstart, kend) in the key, [start, end) in the original text. */
struct gaz_hit {
	uint32_t kstart, kend;
	uint32_t start, end;
	uint32_t pattern;
};

struct gazetteer *gaz_new(void);
void gaz_free(struct gazetteer *g);

/* Adds a pattern (folded like a text key, trimmed) carrying value; the same folded pattern added
 * twice keeps both values. Returns 0 when the pattern folds to nothing. Before gaz_build only. */
int gaz_add(struct gazetteer *g, const char *pat, size_t len, uint32_t value);

/* Computes the failure links; no gaz_add afterwards. */
void gaz_build(struct gazetteer *g);

size_t gaz_pattern_count(const struct gazetteer *g);
size_t gaz_node_count(const struct gazetteer *g);

/* The values added with a pattern. */
const uint32_t *gaz_values(const struct gazetteer *g, uint32_t pattern, size_t *count);

/* Builds (and frees) the key of text[0..n). Texts longer than 4 GiB are cut at 4 GiB. */
void gaz_text_make(const char *text, size_t n, struct gaz_text *t);
void gaz_text_free(struct gaz_text *t);

/* Appends every occurrence of every pattern in t to *hits (growing it), skipping occurrences
 * that start or end inside a Latin word (letters and digits on both sides of the edge).
 * Returns the new count. Thread-safe on a built gazetteer. */
size_t gaz_scan(const struct gazetteer *g, const struct gaz_text *t,
		struct gaz_hit **hits, size_t *n, size_t *cap);

/* Longest match first: marks in keep[] (1/0) a set of non-overlapping hits, leftmost-longest
 * (scanning from the left, the longest hit that starts at a position wins and hides what it
 * overlaps). hits may be in any order; keep has n entries. */
void gaz_select_longest(const struct gaz_hit *hits, size_t n, unsigned char *keep);

#endif
