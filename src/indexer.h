/* indexer.h: `chainscope index`: walks the DIRs, decides what changed, runs decode, normalise,
 * metadata and extraction on worker threads and writes the results through the store in
 * bounded transactions. */
#ifndef CHAINSCOPE_INDEXER_H
#define CHAINSCOPE_INDEXER_H

#include <stdint.h>

struct index_options {
	const char *db_path;
	const char *const *dirs;
	int n_dirs;
	int full;          /* re-read every file */
	int quiet;         /* no progress bar, no summary */
};

struct index_summary {
	int64_t scanned, added, updated, removed, unchanged, failed;
	double seconds;
	int interrupted;
};

/* Returns 0 when the run completed (files that failed are counted, not fatal), 1 when the cache
 * could not be opened or written, 3 when another index holds the cache. */
int index_run(const struct index_options *opt, struct index_summary *sum);

#endif
