/* query.h: the user's search language (words, "phrases", prefix*, AND/OR/NOT, parentheses, and
 * the facets region:NAME chain:ID year:YYYY lang:xx) turned into a safe FTS5 MATCH expression
 * plus facet filters. Owns the syntax and its error messages; must not run SQL. */
#ifndef CHAINSCOPE_QUERY_H
#define CHAINSCOPE_QUERY_H

#include <stddef.h>

#define QUERY_MAX_FACETS 8

struct query {
	char *match;                  /* FTS5 expression, NULL when only facets were given */
	char *regions[QUERY_MAX_FACETS];  int n_regions;   /* region:NAME values as typed */
	char *chains[QUERY_MAX_FACETS];   int n_chains;    /* chain:ID */
	int years[QUERY_MAX_FACETS];      int n_years;     /* year:2023 */
	char lang[4];                 /* lang:zh / lang:en, "" for any */
};

/* Parses text. Returns 0 on success, or -1 with a one-line message in err (e.g. "unterminated
 * quote at column 7", "NOT needs a term before it"). */
int query_parse(const char *text, struct query *q, char *err, size_t errlen);
void query_free(struct query *q);

#endif
