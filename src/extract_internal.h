/* extract_internal.h: how the extraction stage's parts talk to each other (not used outside
 * the extract*.c, gazetteer.c, amount.c and projects.c files).
 *
 * extract_document() (extract.c) runs, in order:
 *   1. the gazetteer matcher over the t2s-folded text: region and chain mentions, with
 *      disambiguation (extract.c / gazetteer.c);
 *   2. extract_projects() (projects.c): amounts, companies, project spans, their region, chains,
 *      amount, status and date, appended to out; it reads the region and chain mentions that
 *      step 1 left in out->mentions (sorted by start offset).
 */
#ifndef CHAINSCOPE_EXTRACT_INTERNAL_H
#define CHAINSCOPE_EXTRACT_INTERNAL_H

#include "extract.h"

/* The reference entry for a region or chain id, or NULL. O(1) or O(log n). */
const struct region_info *extractor_find_region(const struct extractor *ex, const char *id);
const struct chain_info *extractor_find_chain(const struct extractor *ex, const char *id);

/* Appends a mention / project to x (growing the arrays). The project's pointers are taken over. */
struct mention *extraction_add_mention(struct extraction *x, enum mention_kind kind,
				       const char *id, uint32_t start, uint32_t end);
struct project *extraction_add_project(struct extraction *x);

/* Step 2, see above. */
void extract_projects(const struct extractor *ex, const char *text, size_t n,
		      const char *lang, const char *pub_date, struct extraction *out);

#endif
