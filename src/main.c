/* main.c: the command line. Parses options and subcommands, maps them to the indexer, the
 * store, the exporters and the browser, and turns outcomes into exit statuses: 0 success,
 * 1 failure (no cache, cannot write), 2 usage error or bad query, 3 cache busy.
 * Owns no behaviour of its own beyond that mapping. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "export.h"
#include "indexer.h"
#include "query.h"
#include "store.h"
#include "ui.h"
#include "util.h"

static const char usage_text[] =
	"usage: chainscope [--db FILE] [--ascii] [DIR]     browse the cache (indexing DIR first)\n"
	"       chainscope index [--db FILE] [--full] [--quiet] DIR...\n"
	"       chainscope search [--db FILE] [--limit N] [--format text|jsonl] QUERY\n"
	"       chainscope export [--db FILE] [--format jsonl|csv|tsv] documents|projects|regions|chains\n"
	"       chainscope stats [--db FILE]\n"
	"       chainscope --help | --version\n";

static const char help_text[] =
	"\n"
	"chainscope indexes a folder of economic news (English and Chinese; UTF-8, GB18030, Big5,\n"
	"UTF-16) into a SQLite cache, extracts the regions, industrial chains and investment\n"
	"projects it names, and lets you browse and search them.\n"
	"\n"
	"options:\n"
	"  --db FILE        the cache (default $CHAINSCOPE_DB, else $XDG_CACHE_HOME/chainscope/cache.db)\n"
	"  --full           index: re-read every file, not only changed ones\n"
	"  --quiet          index: no progress bar and no summary line\n"
	"  --limit N        search: at most N hits (default 20)\n"
	"  --format F       search: text or jsonl; export: jsonl, csv or tsv\n"
	"  --ascii          browser: plain ASCII drawing\n"
	"\n"
	"search syntax: words, \"a phrase\", prefix*, AND OR NOT, ( ), and the facets\n"
	"region:NAME chain:ID year:YYYY lang:zh|en\n"
	"\n"
	"See chainscope(1) for the keys of the browser and the cache schema.\n";

struct args {
	const char *db;
	const char *format;
	int limit;
	int full, quiet, ascii;
	const char *cmd;
	const char **pos;      /* positional arguments after the subcommand */
	int npos;
};

__attribute__((format(printf, 1, 2)))
static _Noreturn void usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("chainscope: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fputs(usage_text, stderr);
	exit(2);
}

static int is_command(const char *s)
{
	static const char *const cmds[] = { "index", "search", "export", "stats" };
	for (size_t i = 0; i < ARRAY_LEN(cmds); i++)
		if (strcmp(s, cmds[i]) == 0)
			return 1;
	return 0;
}

/* Options may come before or after the subcommand; "--" ends them. */
static void parse_args(int argc, char **argv, struct args *a)
{
	memset(a, 0, sizeof *a);
	a->limit = 20;
	a->pos = xcalloc((size_t)argc, sizeof *a->pos);
	int options_done = 0;
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		if (!options_done && s[0] == '-' && s[1] == '-' && s[2]) {
			const char *eq = strchr(s, '=');
			size_t nl = eq ? (size_t)(eq - s) : strlen(s);
			const char *val = eq ? eq + 1 : NULL;
#define OPT(name) (nl == strlen(name) && strncmp(s, name, nl) == 0)
#define NEED_VALUE() do { if (!val) { if (i + 1 >= argc) usage_error("%s needs a value", s); val = argv[++i]; } } while (0)
			if (OPT("--help")) {
				fputs(usage_text, stdout);
				fputs(help_text, stdout);
				exit(0);
			} else if (OPT("--version")) {
				printf("chainscope %s\n", CHAINSCOPE_VERSION);
				exit(0);
			} else if (OPT("--db")) {
				NEED_VALUE();
				a->db = val;
			} else if (OPT("--format")) {
				NEED_VALUE();
				a->format = val;
			} else if (OPT("--limit")) {
				NEED_VALUE();
				char *end;
				long n = strtol(val, &end, 10);
				if (*end || n < 1 || n > 1000000)
					usage_error("--limit wants a number from 1 to 1000000, not '%s'", val);
				a->limit = (int)n;
			} else if (OPT("--full") && !val) {
				a->full = 1;
			} else if (OPT("--quiet") && !val) {
				a->quiet = 1;
			} else if (OPT("--ascii") && !val) {
				a->ascii = 1;
			} else {
				usage_error("unknown option %s", s);
			}
#undef OPT
#undef NEED_VALUE
			continue;
		}
		if (!options_done && strcmp(s, "--") == 0) {
			options_done = 1;
			continue;
		}
		if (!options_done && s[0] == '-' && s[1]) {
			if (strcmp(s, "-h") == 0) {
				fputs(usage_text, stdout);
				fputs(help_text, stdout);
				exit(0);
			}
			usage_error("unknown option %s", s);
		}
		if (!a->cmd && a->npos == 0 && is_command(s))
			a->cmd = s;
		else
			a->pos[a->npos++] = s;
	}
}

static void check_format(const char *cmd, const char *format, const char *const *allowed, size_t n)
{
	if (!format)
		return;
	for (size_t i = 0; i < n; i++)
		if (strcmp(format, allowed[i]) == 0)
			return;
	fprintf(stderr, "chainscope: %s: unknown --format '%s'\n", cmd, format);
	fputs(usage_text, stderr);
	exit(2);
}

static struct store *open_for_reading(const char *db)
{
	char err[512];
	struct store *st = store_open(db, STORE_READ, NULL, err, sizeof err);
	if (!st)
		diex(1, "%s", err);
	return st;
}

static int cmd_index(const struct args *a, const char *db)
{
	if (a->npos == 0)
		usage_error("%s: index needs at least one DIR", "index");
	if (a->format || a->ascii || a->limit != 20)
		usage_error("%s: index takes --db, --full and --quiet", "index");
	for (int i = 0; i < a->npos; i++) {
		struct stat sb;
		if (stat(a->pos[i], &sb) != 0 || !S_ISDIR(sb.st_mode))
			usage_error("%s: not a directory (index wants folders of news files)", a->pos[i]);
	}
	struct index_options opt = { db, a->pos, a->npos, a->full, a->quiet };
	struct index_summary s;
	int rc = index_run(&opt, &s);
	if (!a->quiet || s.interrupted)
		fprintf(stderr, "indexed: scanned %lld, added %lld, updated %lld, removed %lld, unchanged %lld, failed %lld in %.2f s%s\n",
			(long long)s.scanned, (long long)s.added, (long long)s.updated, (long long)s.removed,
			(long long)s.unchanged, (long long)s.failed, s.seconds,
			s.interrupted ? " (interrupted; run index again to finish)" : "");
	if (rc == 0 && s.interrupted)
		rc = 130;
	return rc;
}

struct search_print {
	int jsonl, n;
	int tty;
};

static int print_hit(void *ctx, const struct search_hit *h)
{
	struct search_print *p = ctx;
	p->n++;
	if (p->jsonl) {
		fputs("{\"path\":", stdout);
		json_write_string(stdout, h->path, (size_t)-1);
		fputs(",\"title\":", stdout);
		json_write_string(stdout, h->title, (size_t)-1);
		fputs(",\"date\":", stdout);
		json_write_string(stdout, h->date, (size_t)-1);
		fputs(",\"snippet\":", stdout);
		json_write_string(stdout, h->snippet, (size_t)-1);
		printf(",\"score\":%.6g}\n", h->score);
		return 0;
	}
	printf("%d. %s  ", p->n, h->date ? h->date : "----------");
	write_sanitized(stdout, h->title && *h->title ? h->title : "(untitled)");
	fputs("\n   ", stdout);
	write_sanitized(stdout, h->path);
	fputs("\n   ", stdout);
	/* the snippet's match marks are control bytes 0x01/0x02, replaced here */
	for (const char *s = h->snippet ? h->snippet : ""; *s; s++) {
		if (*s == '\x01')
			fputs(p->tty ? "\033[1m" : "[", stdout);
		else if (*s == '\x02')
			fputs(p->tty ? "\033[22m" : "]", stdout);
		else if (*s == '\n')
			fputc(' ', stdout);
		else {
			const char *e = s;
			while (*e && *e != '\x01' && *e != '\x02' && *e != '\n')
				e++;
			char *part = xstrndup(s, (size_t)(e - s));
			write_sanitized(stdout, part);
			free(part);
			s = e - 1;
		}
	}
	fputs("\n\n", stdout);
	return 0;
}

static int cmd_search(const struct args *a, const char *db)
{
	static const char *const formats[] = { "text", "jsonl" };
	check_format("search", a->format, formats, ARRAY_LEN(formats));
	if (a->npos == 0)
		usage_error("%s: search needs a QUERY", "search");
	struct buf text = { 0 };
	for (int i = 0; i < a->npos; i++) {
		if (i)
			buf_putc(&text, ' ');
		buf_puts(&text, a->pos[i]);
	}
	struct query q;
	char err[512];
	if (query_parse(buf_cstr(&text), &q, err, sizeof err)) {
		fprintf(stderr, "chainscope: bad query: %s\n", err);
		buf_free(&text);
		return 2;
	}
	buf_free(&text);
	struct store *st = open_for_reading(db);
	struct search_print p = { a->format && strcmp(a->format, "jsonl") == 0, 0, isatty(STDOUT_FILENO) };
	/* text output turns the 0x01/0x02 marks into bold or brackets; JSON gets brackets */
	int rc = store_search(st, &q, a->limit, 0, p.jsonl ? "[" : "\x01", p.jsonl ? "]" : "\x02",
			      print_hit, &p, err, sizeof err);
	query_free(&q);
	store_close(st);
	if (rc) {
		fprintf(stderr, "chainscope: %s\n", err);
		return 2;
	}
	if (!p.jsonl && p.n == 0)
		fprintf(stderr, "chainscope: no matches\n");
	return 0;
}

static int cmd_export(const struct args *a, const char *db)
{
	static const char *const formats[] = { "jsonl", "csv", "tsv" };
	check_format("export", a->format, formats, ARRAY_LEN(formats));
	if (a->npos != 1)
		usage_error("%s: export needs one of documents, projects, regions, chains", "export");
	static const char *const tables[] = { "documents", "projects", "regions", "chains" };
	int table = -1;
	for (size_t i = 0; i < ARRAY_LEN(tables); i++)
		if (strcmp(a->pos[0], tables[i]) == 0)
			table = (int)i;
	if (table < 0)
		usage_error("export: unknown table '%s' (documents, projects, regions, chains)", a->pos[0]);
	enum export_format f = FORMAT_JSONL;
	if (a->format && strcmp(a->format, "csv") == 0)
		f = FORMAT_CSV;
	else if (a->format && strcmp(a->format, "tsv") == 0)
		f = FORMAT_TSV;
	struct store *st = open_for_reading(db);
	int rc = export_table(st, (enum export_table)table, f, stdout);
	if (rc)
		warnx_("export failed: %s", store_error(st));
	store_close(st);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		warnx_("export: write error");
		return 1;
	}
	return rc ? 1 : 0;
}

static int cmd_stats(const char *db)
{
	struct store *st = open_for_reading(db);
	struct store_stats s;
	if (store_stats(st, &s)) {
		warnx_("%s", store_error(st));
		store_close(st);
		return 1;
	}
	printf("cache:      %s\n", db);
	printf("documents:  %lld (%lld en, %lld zh, %lld other), %.1f MB of source\n",
	       (long long)s.documents, (long long)s.by_lang_en, (long long)s.by_lang_zh,
	       (long long)s.by_lang_und, (double)s.bytes / 1e6);
	printf("dates:      %s .. %s\n", s.first_date[0] ? s.first_date : "-", s.last_date[0] ? s.last_date : "-");
	printf("regions:    %lld mentioned\n", (long long)s.regions_mentioned);
	printf("chains:     %lld mentioned\n", (long long)s.chains_mentioned);
	printf("projects:   %lld (from %lld mentions)\n", (long long)s.projects, (long long)s.project_sources);
	store_close(st);
	return 0;
}

static int cmd_browse(const struct args *a, const char *db)
{
	if (a->npos > 0) {
		struct args ia = *a;
		ia.ascii = 0;
		ia.quiet = 0;
		int rc = cmd_index(&ia, db);
		if (rc != 0)
			return rc;
	}
	struct ui_options opt = { a->ascii };
	return ui_run(db, &opt);
}

int main(int argc, char **argv)
{
	struct args a;
	parse_args(argc, argv, &a);
	char *db = a.db ? xstrdup(a.db) : store_default_path();
	int rc;
	if (!a.cmd)
		rc = cmd_browse(&a, db);
	else if (strcmp(a.cmd, "index") == 0)
		rc = cmd_index(&a, db);
	else if (strcmp(a.cmd, "search") == 0)
		rc = cmd_search(&a, db);
	else if (strcmp(a.cmd, "export") == 0)
		rc = cmd_export(&a, db);
	else
		rc = a.npos ? (usage_error("%s: stats takes no arguments", "stats"), 2) : cmd_stats(db);
	free(db);
	free(a.pos);
	return rc;
}
