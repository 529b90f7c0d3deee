/* ui_drive.c: drives the browser on a pseudo-terminal for the benchmark. Starts it (80x24,
 * TERM=xterm-256color, CHAINSCOPE_TRACE_FILE set), waits for the first screen, then plays a
 * fixed script of keys (scroll, drill, search, back, narrow, sort, statistics) several times, one key at a time: after
 * each key it waits until the program has logged the key in its trace file and the output has
 * been quiet for a moment. Reports the time to the first screen, per key the time the program
 * spent (from the trace) and the time until the terminal output settled (wall clock, includes
 * the pty), the bytes written to the terminal per scroll step, and the peak RSS.
 *   usage: ui-drive TRACE_FILE PROGRAM ARGS... */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define QUIET_MS 15
#define MAX_SAMPLES 4096

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int master = -1;
static long total_bytes;

/* Reads what the program wrote for up to ms; returns the bytes and the time of the last one. */
static long drain(int ms, double *last)
{
	long n = 0;
	char buf[65536];
	double end = now_ms() + ms;
	for (;;) {
		double left = end - now_ms();
		if (left <= 0)
			break;
		struct pollfd p = { master, POLLIN, 0 };
		int r = poll(&p, 1, (int)left + 1);
		if (r <= 0)
			break;
		ssize_t got = read(master, buf, sizeof buf);
		if (got <= 0)
			break;
		n += got;
		*last = now_ms();
		end = *last + QUIET_MS;      /* quiet for QUIET_MS after the last byte */
	}
	total_bytes += n;
	return n;
}

static int trace_lines(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	int n = 0, c;
	while ((c = getc(f)) != EOF)
		n += c == '\n';
	fclose(f);
	return n;
}

/* The last number on the last line of the trace. */
static double trace_last_ms(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[256], last[256] = "";
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		snprintf(last, sizeof last, "%s", line);
	fclose(f);
	char *sp = strrchr(last, ' ');
	return sp ? atof(sp + 1) : -1;
}

struct key { const char *label, *bytes; int scroll; };

/* The fixed script: scroll a pane, drill region -> chain -> project -> source and back,
 * search and read, filter, sort, statistics. */
static const struct key script[] = {
	{"3", "3", 0},
	{"j", "j", 1}, {"j", "j", 1}, {"j", "j", 1}, {"j", "j", 1}, {"j", "j", 1}, {"j", "j", 1}, {"j", "j", 1},
	{"j", "j", 1}, {"j", "j", 1}, {"j", "j", 1}, {"j", "j", 1}, {"j", "j", 1}, {"j", "j", 1}, {"j", "j", 1},
	{"j", "j", 1}, {"j", "j", 1}, {"j", "j", 1}, {"j", "j", 1}, {"j", "j", 1}, {"j", "j", 1}, {"j", "j", 1},
	{"PgDn", "\033[6~", 0}, {"PgDn", "\033[6~", 0}, {"C-d", "\004", 0}, {"k", "k", 1}, {"k", "k", 1},
	{"G", "G", 0}, {"k", "k", 1}, {"g", "g", 0},
	{"1", "1", 0}, {"j", "j", 1}, {"Enter", "\r", 0}, {"j", "j", 1}, {"Enter", "\r", 0},
	{"2", "2", 0}, {"Enter", "\r", 0}, {"3", "3", 0}, {"j", "j", 1}, {"Enter", "\r", 0},
	{"Enter", "\r", 0}, {"j", "j", 1}, {"C-d", "\004", 0}, {"n", "n", 0},
	{"BSpace", "\177", 0}, {"BSpace", "\177", 0}, {"BSpace", "\177", 0}, {"BSpace", "\177", 0}, {"BSpace", "\177", 0},
	{"/", "/", 0}, {"b", "b", 0}, {"a", "a", 0}, {"t", "t", 0}, {"t", "t", 0}, {"e", "e", 0}, {"r", "r", 0},
	{"y", "y", 0}, {"Enter", "\r", 0}, {"j", "j", 1}, {"j", "j", 1}, {"G", "G", 0}, {"g", "g", 0},
	{"Enter", "\r", 0}, {"n", "n", 0}, {"N", "N", 0}, {"q", "q", 0}, {"q", "q", 0},
	{"/", "/", 0}, {"w", "w", 0}, {"a", "a", 0}, {"f", "f", 0}, {"e", "e", 0}, {"r", "r", 0}, {"Enter", "\r", 0},
	{"j", "j", 1}, {"q", "q", 0},
	{"f", "f", 0}, {"s", "s", 0}, {"u", "u", 0}, {"Enter", "\r", 0}, {"Esc", "\033", 0},
	{"3", "3", 0}, {"f", "f", 0}, {"w", "w", 0}, {"a", "a", 0}, {"f", "f", 0}, {"e", "e", 0}, {"r", "r", 0},
	{"Enter", "\r", 0}, {"j", "j", 1}, {"Esc", "\033", 0},
	{"s", "s", 0}, {"j", "j", 1}, {"s", "s", 0}, {"j", "j", 1}, {"s", "s", 0},
	{"S", "S", 0}, {"q", "q", 0}, {"1", "1", 0},
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double pct(double *v, int n, double p)
{
	if (n == 0)
		return 0;
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	int i = (int)(p * (n - 1) + 0.5);
	return v[i];
}

static long peak_rss_kb(pid_t pid)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	long kb = -1;
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (strncmp(line, "VmHWM:", 6) == 0)
			kb = atol(line + 6);
	fclose(f);
	return kb;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: ui-drive TRACE_FILE PROGRAM ARGS...\n");
		return 2;
	}
	const char *trace = argv[1];
	int rounds = getenv("UI_BENCH_ROUNDS") ? atoi(getenv("UI_BENCH_ROUNDS")) : 3;
	unlink(trace);
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	double t0 = now_ms();
	pid_t pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 1;
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("CHAINSCOPE_TRACE_FILE", trace, 1);
		if (!getenv("LANG"))
			setenv("LANG", "C.UTF-8", 1);
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	/* the first screen: the program logs it; the output settles after */
	double last = t0;
	while (trace_lines(trace) < 1) {
		drain(5, &last);
		if (now_ms() - t0 > 20000) {
			fprintf(stderr, "ui-drive: no first screen after 20 s\n");
			kill(pid, SIGKILL);
			return 1;
		}
	}
	drain(QUIET_MS, &last);
	double first_wall = last - t0, first_prog = trace_last_ms(trace);
	long first_bytes = total_bytes;

	double prog[MAX_SAMPLES], wall[MAX_SAMPLES], scroll_bytes = 0;
	int n = 0, n_scroll = 0, lines = trace_lines(trace);
	double worst = 0;
	const char *worst_label = "";
	for (int r = 0; r < rounds; r++)
		for (size_t k = 0; k < sizeof script / sizeof script[0] && n < MAX_SAMPLES; k++) {
			double sent = now_ms();
			last = sent;
			if (write(master, script[k].bytes, strlen(script[k].bytes)) < 0)
				break;
			long bytes = 0;
			while (trace_lines(trace) <= lines) {
				bytes += drain(2, &last);
				if (now_ms() - sent > 10000) {
					fprintf(stderr, "ui-drive: key %s got no answer\n", script[k].label);
					kill(pid, SIGKILL);
					return 1;
				}
			}
			lines++;
			bytes += drain(QUIET_MS, &last);
			prog[n] = trace_last_ms(trace);
			wall[n] = last - sent;
			if (prog[n] > worst) {
				worst = prog[n];
				worst_label = script[k].label;
			}
			if (script[k].scroll) {
				scroll_bytes += (double)bytes;
				n_scroll++;
			}
			n++;
		}
	long rss = peak_rss_kb(pid);
	if (write(master, "Q", 1) < 0)
		perror("write");
	double last_q;
	drain(500, &last_q);
	int status = 0;
	waitpid(pid, &status, 0);
	double prog_sorted[MAX_SAMPLES];
	memcpy(prog_sorted, prog, sizeof(double) * (size_t)n);
	printf("first screen: %.1f ms in the program, %.1f ms until the terminal settled (%ld bytes)\n",
	       first_prog, first_wall, first_bytes);
	printf("keys: %d (%d rounds of %zu)\n", n, rounds, sizeof script / sizeof script[0]);
	printf("per key, in the program: median %.2f ms, p99 %.2f ms, max %.2f ms (%s)\n",
	       pct(prog_sorted, n, 0.5), pct(prog_sorted, n, 0.99), worst, worst_label);
	printf("per key, until the last byte reached the terminal: median %.2f ms, p99 %.2f ms\n",
	       pct(wall, n, 0.5), pct(wall, n, 0.99));
	printf("bytes per scroll step: %.0f (mean of %d)\n", n_scroll ? scroll_bytes / n_scroll : 0, n_scroll);
	printf("peak RSS: %.1f MB\n", (double)rss / 1024);
	printf("exit status: %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	return 0;
}
