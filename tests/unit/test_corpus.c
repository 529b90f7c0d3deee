/* test_corpus.c: unit tests for corpus.c: the walk (hidden entries skipped, extension filter in
 * any case, symlink loops reported and survived, sorted order, sizes and mtimes), the name
 * filter, and reading files with the size limit. Works in a fresh directory under $TMPDIR and
 * removes it. Must not decode or store anything. */
#include <stdlib.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>
#include "check.h"
#include "corpus.h"
#include "util.h"

static char root[512];

static void put_file(const char *rel, const char *content)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "wb");
	if (!f) { printf("#   cannot create %s\n", path); return; }
	fputs(content, f);
	fclose(f);
}

static void put_dir(const char *rel)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	mkdir(path, 0755);
}

static void put_link(const char *target, const char *rel)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	if (symlink(target, path) != 0) printf("#   symlink %s: %s\n", path, strerror(errno));
}

struct seen {
	char names[64][256];
	int64_t sizes[64], mtimes[64];
	int n, problems, stop_after;
	char problem_paths[1024];
	int path_ok;
	const char *dir;
};

static int on_file(void *ctx, const struct corpus_file *f)
{
	struct seen *s = ctx;
	if (s->n < 64) {
		snprintf(s->names[s->n], sizeof s->names[0], "%s", f->rel_path);
		s->sizes[s->n] = f->size;
		s->mtimes[s->n] = f->mtime_ns;
		s->n++;
	}
	char want[1024];
	snprintf(want, sizeof want, "%s/%s", s->dir, f->rel_path);
	if (strcmp(want, f->path) != 0) {
		printf("#   path %s, want %s\n", f->path, want);
		s->path_ok = 0;
	}
	return s->stop_after && s->n >= s->stop_after;
}

/* For a DIR given with a trailing slash, "DIR/" + rel may or may not double the slash. */
static int on_file_no_path_check(void *ctx, const struct corpus_file *f)
{
	struct seen *s = ctx;
	if (s->n < 64)
		snprintf(s->names[s->n++], sizeof s->names[0], "%s", f->rel_path);
	return 0;
}

static void on_problem(void *ctx, const char *path, const char *why)
{
	struct seen *s = ctx;
	s->problems++;
	size_t len = strlen(s->problem_paths);
	snprintf(s->problem_paths + len, sizeof s->problem_paths - len, "%s (%s); ", path, why ? why : "");
}

static const char *names(const struct seen *s)
{
	static char out[4096];
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < s->n; i++)
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%s", i ? " " : "", s->names[i]);
	return out;
}

static void walk(const char *dir, struct seen *s, int *rc)
{
	memset(s, 0, sizeof *s);
	s->path_ok = 1;
	s->dir = dir;
	*rc = corpus_walk(dir, on_file, on_problem, s);
}

static void on_alarm(int sig)
{
	(void)sig;
	static const char msg[] = "not ok - test_corpus: timed out (blocked on a FIFO?)\n";
	if (write(1, msg, sizeof msg - 1) < 0) _exit(1);
	_exit(1);
}

static void make_tree(void)
{
	put_dir("sub");
	put_dir("sub/deeper");
	put_dir(".hiddendir");
	put_dir("empty");
	put_file("b.txt", "bb");
	put_file("a.txt", "a");
	put_file("c.md", "ccc");
	put_file("d.text", "dddd");
	put_file("e.pdf", "%PDF");
	put_file("noext", "x");
	put_file("notes.txt.bak", "x");
	put_file(".hidden.txt", "x");
	put_file(".hiddendir/inside.txt", "x");
	put_file("sub/z.txt", "zz");
	put_file("sub/m.txt", "m");
	put_file("sub/deeper/q.md", "q");
	put_link("..", "sub/loop");                  /* sub/loop -> root: a cycle */
	put_link(".", "sub/deeper/self");            /* a cycle of length one */
}

TEST(walk_finds_wanted_files_in_sorted_order)
{
	int rc;
	struct seen s;
	walk(root, &s, &rc);
	CHECK_INT(rc, 0);
	CHECK_STR(names(&s), "a.txt b.txt c.md d.text sub/deeper/q.md sub/m.txt sub/z.txt");
	CHECK(s.path_ok);
	CHECK(s.problems >= 1);                      /* the loops are reported */
	CHECK(strstr(s.problem_paths, "loop") != NULL || strstr(s.problem_paths, "self") != NULL);
}

TEST(walk_reports_sizes_and_mtimes)
{
	int rc;
	struct seen s;
	walk(root, &s, &rc);
	for (int i = 0; i < s.n; i++) {
		char path[1024];
		struct stat sb;
		snprintf(path, sizeof path, "%s/%s", root, s.names[i]);
		CHECK(stat(path, &sb) == 0);
		CHECK_INT(s.sizes[i], sb.st_size);
		CHECK_INT(s.mtimes[i], (int64_t)sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec);
	}
}

TEST(walk_order_is_stable)
{
	int rc;
	struct seen a, b;
	walk(root, &a, &rc);
	walk(root, &b, &rc);
	char first[4096];
	snprintf(first, sizeof first, "%s", names(&a));
	CHECK_STR(names(&b), first);
}

TEST(walk_stops_when_callback_says_so)
{
	struct seen s;
	memset(&s, 0, sizeof s);
	s.path_ok = 1;
	s.dir = root;
	s.stop_after = 2;
	corpus_walk(root, on_file, on_problem, &s);
	CHECK_INT(s.n, 2);
}

TEST(walk_extension_any_case)
{
	char dir[600];
	snprintf(dir, sizeof dir, "%s/cases", root);
	mkdir(dir, 0755);
	put_file("cases/A.TXT", "1");
	put_file("cases/B.Md", "1");
	put_file("cases/C.TeXt", "1");
	put_file("cases/D.mD", "1");
	put_file("cases/E.TXTX", "1");
	int rc;
	struct seen s;
	walk(dir, &s, &rc);
	CHECK_INT(rc, 0);
	CHECK_STR(names(&s), "A.TXT B.Md C.TeXt D.mD");
	char path[700];
	for (const char *const *n = (const char *const[]){"A.TXT", "B.Md", "C.TeXt", "D.mD", "E.TXTX", NULL}; *n; n++) {
		snprintf(path, sizeof path, "%s/%s", dir, *n);
		unlink(path);
	}
	rmdir(dir);
}

TEST(walk_given_dir_with_trailing_slash)
{
	char dir[600];
	put_dir("slash");
	put_dir("slash/in");
	put_file("slash/one.txt", "1");
	put_file("slash/in/two.md", "2");
	snprintf(dir, sizeof dir, "%s/slash/", root);
	struct seen s;
	memset(&s, 0, sizeof s);
	s.dir = dir;
	CHECK_INT(corpus_walk(dir, on_file_no_path_check, on_problem, &s), 0);
	CHECK_STR(names(&s), "in/two.md one.txt");
	CHECK_INT(s.problems, 0);
}

TEST(walk_missing_dir_fails_with_problem)
{
	char dir[600];
	snprintf(dir, sizeof dir, "%s/does-not-exist", root);
	int rc;
	struct seen s;
	walk(dir, &s, &rc);
	CHECK_INT(rc, -1);
	CHECK(s.problems >= 1);
	CHECK_INT(s.n, 0);
}

TEST(walk_skips_fifo_and_dangling_link_without_blocking)
{
	char dir[600], fifo[700];
	snprintf(dir, sizeof dir, "%s/special", root);
	mkdir(dir, 0755);
	snprintf(fifo, sizeof fifo, "%s/pipe.txt", dir);
	CHECK(mkfifo(fifo, 0644) == 0);
	put_link("nowhere.txt", "special/dangling.txt");
	put_file("special/real.txt", "real");
	signal(SIGALRM, on_alarm);
	alarm(20);
	int rc;
	struct seen s;
	walk(dir, &s, &rc);
	alarm(0);
	CHECK_INT(rc, 0);
	/* the FIFO is never offered as a file to read; the real file is */
	CHECK(strstr(names(&s), "real.txt") != NULL);
	CHECK(strstr(names(&s), "pipe.txt") == NULL);
}

TEST(wanted_names)
{
	CHECK(corpus_wanted_name("a.txt"));
	CHECK(corpus_wanted_name("A.TXT"));
	CHECK(corpus_wanted_name("x.Text"));
	CHECK(corpus_wanted_name("x.md"));
	CHECK(corpus_wanted_name("x.MD"));
	CHECK(corpus_wanted_name("report.2023.txt"));
	CHECK(!corpus_wanted_name("x.pdf"));
	CHECK(!corpus_wanted_name("txt"));
	CHECK(!corpus_wanted_name("a.txt.bak"));
	CHECK(!corpus_wanted_name("a.md~"));
	CHECK(!corpus_wanted_name("a.mdx"));
	CHECK(!corpus_wanted_name("atxt"));
	CHECK(!corpus_wanted_name(""));
}

TEST(read_file_contents)
{
	unsigned char *data = NULL;
	size_t len = 99;
	char why[256] = "", path[700];
	snprintf(path, sizeof path, "%s/d.text", root);
	CHECK_INT(corpus_read_file(path, &data, &len, why, sizeof why), 0);
	CHECK_INT(len, 4);
	if (data) CHECK(memcmp(data, "dddd", 4) == 0);
	free(data);
}

TEST(read_empty_file)
{
	unsigned char *data = NULL;
	size_t len = 99;
	char why[256] = "";
	put_file("zero.txt", "");
	char path[700];
	snprintf(path, sizeof path, "%s/zero.txt", root);
	CHECK_INT(corpus_read_file(path, &data, &len, why, sizeof why), 0);
	CHECK_INT(len, 0);
	free(data);
	unlink(path);
}

TEST(read_missing_file_fails_with_reason)
{
	unsigned char *data = NULL;
	size_t len = 0;
	char why[256] = "", path[700];
	snprintf(path, sizeof path, "%s/nope.txt", root);
	CHECK_INT(corpus_read_file(path, &data, &len, why, sizeof why), -1);
	CHECK(why[0] != '\0');
	snprintf(path, sizeof path, "%s/sub", root);   /* a directory */
	why[0] = '\0';
	CHECK_INT(corpus_read_file(path, &data, &len, why, sizeof why), -1);
	CHECK(why[0] != '\0');
}

TEST(read_fifo_fails_without_blocking)
{
	unsigned char *data = NULL;
	size_t len = 0;
	char why[256] = "", path[700];
	snprintf(path, sizeof path, "%s/special/pipe.txt", root);
	signal(SIGALRM, on_alarm);
	alarm(20);
	int rc = corpus_read_file(path, &data, &len, why, sizeof why);
	alarm(0);
	CHECK_INT(rc, -1);
	CHECK(why[0] != '\0');
	if (rc == 0) free(data);
}

TEST(read_file_over_the_limit_fails)
{
	char path[700], why[256] = "";
	snprintf(path, sizeof path, "%s/huge.txt", root);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	if (fd < 0) return;
	CHECK(ftruncate(fd, (off_t)CORPUS_MAX_FILE_BYTES + 1) == 0);   /* sparse: no disk used */
	close(fd);
	unsigned char *data = NULL;
	size_t len = 0;
	CHECK_INT(corpus_read_file(path, &data, &len, why, sizeof why), -1);
	CHECK(why[0] != '\0');
	CHECK(data == NULL || len == 0);
	unlink(path);
}

TEST(read_file_at_the_limit_succeeds)
{
	char path[700], why[256] = "";
	snprintf(path, sizeof path, "%s/limit.txt", root);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	if (fd < 0) return;
	CHECK(ftruncate(fd, (off_t)CORPUS_MAX_FILE_BYTES) == 0);
	close(fd);
	unsigned char *data = NULL;
	size_t len = 0;
	CHECK_INT(corpus_read_file(path, &data, &len, why, sizeof why), 0);
	CHECK_INT(len, CORPUS_MAX_FILE_BYTES);
	free(data);
	unlink(path);
}

static void remove_tree(void)
{
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	if (system(cmd) != 0) printf("#   could not remove %s\n", root);
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(root, sizeof root, "%s/chainscope-corpus.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(root)) {
		printf("not ok - test_corpus: mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	make_tree();
	RUN(walk_finds_wanted_files_in_sorted_order);
	RUN(walk_reports_sizes_and_mtimes);
	RUN(walk_order_is_stable);
	RUN(walk_stops_when_callback_says_so);
	RUN(walk_extension_any_case);
	RUN(walk_given_dir_with_trailing_slash);
	RUN(walk_missing_dir_fails_with_problem);
	RUN(walk_skips_fifo_and_dangling_link_without_blocking);
	RUN(wanted_names);
	RUN(read_file_contents);
	RUN(read_empty_file);
	RUN(read_missing_file_fails_with_reason);
	RUN(read_fifo_fails_without_blocking);
	RUN(read_file_over_the_limit_fails);
	RUN(read_file_at_the_limit_succeeds);
	remove_tree();
	CHECK_DONE();
}
