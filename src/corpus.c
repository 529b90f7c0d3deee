/* corpus.c: the file-system side of `index`. Walks each DIR depth-first in sorted order
 * (stable output, stable progress), skips hidden entries and names without a wanted extension,
 * follows symlinks but detects loops (and directories reached twice) by device and inode, and
 * reads files with a size limit without ever opening a FIFO or device. Must not decode or parse. */
#include "corpus.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "util.h"

#define MAX_DEPTH 256

int corpus_wanted_name(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot || dot == name)
		return 0;
	return !strcasecmp(dot, ".txt") || !strcasecmp(dot, ".text") || !strcasecmp(dot, ".md");
}

struct dir_id {
	dev_t dev;
	ino_t ino;
};

struct walker {
	corpus_file_cb on_file;
	corpus_problem_cb problem;
	void *ctx;
	struct buf path;          /* DIR as given + "/" + relative path */
	size_t rel_offset;        /* where the relative path starts in path */
	struct dir_id *seen;      /* every directory entered, to detect loops */
	size_t nseen, capseen;
	struct dir_id ancestors[MAX_DEPTH + 1];
	int depth;
	int stop;
};

static int seen_before(struct walker *w, struct dir_id id)
{
	for (size_t i = 0; i < w->nseen; i++)
		if (w->seen[i].dev == id.dev && w->seen[i].ino == id.ino)
			return 1;
	if (w->nseen == w->capseen) {
		w->capseen = w->capseen ? w->capseen * 2 : 64;
		w->seen = xrealloc(w->seen, w->capseen * sizeof *w->seen);
	}
	w->seen[w->nseen++] = id;
	return 0;
}

static int is_ancestor(const struct walker *w, struct dir_id id)
{
	for (int i = 0; i < w->depth; i++)
		if (w->ancestors[i].dev == id.dev && w->ancestors[i].ino == id.ino)
			return 1;
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_dir(struct walker *w, int dirfd, struct dir_id id);

static void visit_entry(struct walker *w, int dirfd, const char *name)
{
	size_t mark = w->path.len;
	buf_putc(&w->path, '/');
	buf_puts(&w->path, name);
	struct stat st;
	if (fstatat(dirfd, name, &st, 0) != 0) {
		struct stat lst;
		if (fstatat(dirfd, name, &lst, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(lst.st_mode))
			w->problem(w->ctx, w->path.data, errno == ELOOP ? "symlink loop" : "dangling symlink");
		else
			w->problem(w->ctx, w->path.data, strerror(errno));
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		struct dir_id sub = { st.st_dev, st.st_ino };
		if (is_ancestor(w, sub)) {
			w->problem(w->ctx, w->path.data, "symlink loop (directory contains itself); skipped");
			goto out;
		}
		if (seen_before(w, sub))
			goto out;   /* the same directory through another link: already walked */
		if (w->depth >= MAX_DEPTH) {
			w->problem(w->ctx, w->path.data, "directory nesting too deep; skipped");
			goto out;
		}
		int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (fd < 0) {
			w->problem(w->ctx, w->path.data, strerror(errno));
			goto out;
		}
		walk_dir(w, fd, sub);
		goto out;
	}
	if (!corpus_wanted_name(name))
		goto out;
	if (!S_ISREG(st.st_mode)) {
		w->problem(w->ctx, w->path.data, "not a regular file; skipped");
		goto out;
	}
	struct corpus_file f = {
		.path = w->path.data,
		.rel_path = w->path.data + w->rel_offset,
		.size = (int64_t)st.st_size,
		.mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec,
	};
	if (w->on_file(w->ctx, &f))
		w->stop = 1;
out:
	w->path.len = mark;
	w->path.data[mark] = '\0';
}

/* Takes ownership of dirfd. */
static void walk_dir(struct walker *w, int dirfd, struct dir_id id)
{
	DIR *d = fdopendir(dirfd);
	if (!d) {
		w->problem(w->ctx, w->path.data, strerror(errno));
		close(dirfd);
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	errno = 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')       /* hidden entries, "." and ".." */
			continue;
		/* skip files we would not read without a stat: unwanted names that are files */
		if (e->d_type == DT_REG && !corpus_wanted_name(e->d_name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[n++] = xstrdup(e->d_name);
	}
	if (errno)
		w->problem(w->ctx, w->path.data, strerror(errno));
	sort_array(names, n, sizeof *names, cmp_names);
	w->ancestors[w->depth++] = id;
	for (size_t i = 0; i < n; i++) {
		if (!w->stop)
			visit_entry(w, dirfd, names[i]);
		free(names[i]);
	}
	w->depth--;
	free(names);
	closedir(d);
}

int corpus_walk(const char *dir, corpus_file_cb on_file, corpus_problem_cb problem, void *ctx)
{
	struct walker w = { .on_file = on_file, .problem = problem, .ctx = ctx };
	size_t dl = strlen(dir);
	while (dl > 1 && dir[dl - 1] == '/')
		dl--;
	buf_append(&w.path, dir, dl);
	w.rel_offset = dl + 1;
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		problem(ctx, dir, strerror(errno));
		if (fd >= 0)
			close(fd);
		buf_free(&w.path);
		return -1;
	}
	struct dir_id id = { st.st_dev, st.st_ino };
	seen_before(&w, id);
	walk_dir(&w, fd, id);
	buf_free(&w.path);
	free(w.seen);
	return 0;
}

int corpus_read_file(const char *path, unsigned char **data, size_t *len, char *why, size_t whylen)
{
	*data = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		snprintf(why, whylen, "cannot open: %s", strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(why, whylen, "not a regular file");
		close(fd);
		return -1;
	}
	if ((uint64_t)st.st_size > CORPUS_MAX_FILE_BYTES) {
		snprintf(why, whylen, "too large (%lld MiB; the limit is %u MiB)",
			 (long long)(st.st_size >> 20), CORPUS_MAX_FILE_BYTES >> 20);
		close(fd);
		return -1;
	}
	size_t cap = (size_t)st.st_size + 1, n = 0;
	unsigned char *p = xmalloc(cap);
	for (;;) {
		if (n == cap) {
			if (cap > CORPUS_MAX_FILE_BYTES) {
				snprintf(why, whylen, "too large (grew while reading)");
				free(p);
				close(fd);
				return -1;
			}
			cap *= 2;
			p = xrealloc(p, cap);
		}
		ssize_t r = read(fd, p + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			snprintf(why, whylen, "read error: %s", strerror(errno));
			free(p);
			close(fd);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	*data = p;
	*len = n;
	return 0;
}
