/* corpus.h: walking the directories given to `index`: recursion, hidden entries skipped, the
 * .txt/.text/.md filter, symlink-loop detection, and reading a file with the size limit. Owns
 * the file system side; must not decode, parse or store anything. */
#ifndef CHAINSCOPE_CORPUS_H
#define CHAINSCOPE_CORPUS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define CORPUS_MAX_FILE_BYTES (64u << 20)

struct corpus_file {
	const char *path;      /* as found: DIR as given + "/" + relative path */
	const char *rel_path;  /* relative to DIR */
	int64_t size;
	int64_t mtime_ns;
};

/* Called for each candidate file; return non-zero to stop the walk. */
typedef int (*corpus_file_cb)(void *ctx, const struct corpus_file *f);
/* Called for each problem (unreadable directory, symlink loop); the walk goes on. */
typedef void (*corpus_problem_cb)(void *ctx, const char *path, const char *why);

/* Walks dir recursively in a stable (sorted) order. Returns 0, or -1 when dir itself cannot be
 * opened (reported through problem). */
int corpus_walk(const char *dir, corpus_file_cb on_file, corpus_problem_cb problem, void *ctx);

/* True when name ends in .txt, .text or .md, in any case. */
int corpus_wanted_name(const char *name);

/* Reads a whole regular file (at most CORPUS_MAX_FILE_BYTES). Returns 0 and a malloc'ed buffer,
 * or -1 with a reason in why. */
int corpus_read_file(const char *path, unsigned char **data, size_t *len, char *why, size_t whylen);

#endif
