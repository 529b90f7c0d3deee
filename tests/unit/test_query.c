/* test_query.c: unit tests for query_parse(). The FTS5 expression it builds is judged by what it
 * finds in a small in-memory FTS5 table (tokenize='porter chainscope'), not by its spelling, so
 * the tests hold for any correct translation. Facets, syntax errors and hostile input. Must not
 * depend on the cache schema. */
#include <stdlib.h>
#include "check.h"
#include "query.h"
#include "util.h"
#include "tokenizer.h"

static sqlite3 *db;

static int setup(void)
{
	if (sqlite3_open(":memory:", &db) != SQLITE_OK) return -1;
	if (tokenizer_register(db) != SQLITE_OK) return -1;
	return sqlite3_exec(db,
		"CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='porter chainscope');"
		"INSERT INTO t(rowid, title, text) VALUES"
		" (1, 'Suzhou battery', 'A lithium battery plant opens in Suzhou.'),"
		" (2, 'Hefei cars', 'New-energy vehicles roll off the line in Hefei.'),"
		" (3, 'Jiaxing solar', 'A solar photovoltaic park in Jiaxing adds battery storage.'),"
		" (4, '长三角', '长三角集成电路产业链加快发展。'),"
		" (5, 'Shanghai chips', 'A semiconductor fab opens in Shanghai; plant battery tests.'),"
		" (6, 'Energy news', 'The new policy covers energy and water.');",
		NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* Parses text and runs the match: rowids as "1,3", "" for none, "NOMATCH" when the query has no
 * FTS expression, "PARSE" on a parse error, "FTS:<message>" when FTS5 rejects the expression. */
static const char *run(const char *text)
{
	static char out[512];
	struct query q;
	char err[256] = "";
	memset(&q, 0, sizeof q);
	if (query_parse(text, &q, err, sizeof err) != 0) {
		if (!err[0]) printf("#   parse error without a message for <%s>\n", text);
		return "PARSE";
	}
	if (!q.match) {
		query_free(&q);
		return "NOMATCH";
	}
	sqlite3_stmt *st = NULL;
	size_t len = 0;
	out[0] = '\0';
	sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid", -1, &st, NULL);
	sqlite3_bind_text(st, 1, q.match, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%lld", len ? "," : "",
					(long long)sqlite3_column_int64(st, 0));
	if (rc != SQLITE_DONE) {
		snprintf(out, sizeof out, "FTS:%s (match was <%s>)", sqlite3_errmsg(db), q.match);
	}
	sqlite3_finalize(st);
	query_free(&q);
	return out;
}

static int parse_fails(const char *text, char *err, size_t errlen)
{
	struct query q;
	memset(&q, 0, sizeof q);
	err[0] = '\0';
	int rc = query_parse(text, &q, err, errlen);
	if (rc == 0) query_free(&q);
	return rc != 0;
}

TEST(single_words)
{
	CHECK_STR(run("battery"), "1,3,5");
	CHECK_STR(run("Battery"), "1,3,5");
	CHECK_STR(run("batteries"), "1,3,5");
	CHECK_STR(run("hefei"), "2");
}

TEST(implicit_and)
{
	CHECK_STR(run("battery Suzhou"), "1");
	CHECK_STR(run("battery   solar"), "3");
}

TEST(boolean_operators)
{
	CHECK_STR(run("battery AND Suzhou"), "1");
	CHECK_STR(run("Suzhou OR Hefei"), "1,2");
	CHECK_STR(run("battery NOT solar"), "1,5");
	CHECK_STR(run("battery NOT solar NOT Suzhou"), "5");
}

TEST(parentheses)
{
	CHECK_STR(run("(Suzhou OR Jiaxing) AND battery"), "1,3");
	CHECK_STR(run("battery (Suzhou OR Shanghai)"), "1,5");
	CHECK_STR(run("battery NOT (Suzhou OR Jiaxing)"), "5");
	CHECK_STR(run("((hefei))"), "2");
}

TEST(phrases)
{
	CHECK_STR(run("\"battery plant\""), "1");
	CHECK_STR(run("\"lithium battery plant\""), "1");
	CHECK_STR(run("\"plant battery\""), "5");
	CHECK_STR(run("\"solar photovoltaic\" OR Hefei"), "2,3");
}

TEST(prefix)
{
	CHECK_STR(run("semicon*"), "5");
	CHECK_STR(run("photo*"), "3");
	CHECK_STR(run("Semicon*"), "5");
}

TEST(hyphenated_words)
{
	/* "new-energy" is the two words in a row, not "new NOT energy" nor an FTS5 column filter */
	CHECK_STR(run("new-energy"), "2");
	CHECK_STR(run("new-energy vehicles"), "2");
}

TEST(chinese)
{
	CHECK_STR(run("集成电路"), "4");
	CHECK_STR(run("長三角"), "4");
	CHECK_STR(run("\"产业链\""), "4");
	CHECK_STR(run("光伏"), "");
}

TEST(facets)
{
	struct query q;
	char err[256];
	memset(&q, 0, sizeof q);
	CHECK_INT(query_parse("region:Suzhou chain:new-energy-vehicles year:2023 lang:zh battery",
			      &q, err, sizeof err), 0);
	CHECK_INT(q.n_regions, 1);
	if (q.n_regions == 1) CHECK_STR(q.regions[0], "Suzhou");
	CHECK_INT(q.n_chains, 1);
	if (q.n_chains == 1) CHECK_STR(q.chains[0], "new-energy-vehicles");
	CHECK_INT(q.n_years, 1);
	if (q.n_years == 1) CHECK_INT(q.years[0], 2023);
	CHECK_STR(q.lang, "zh");
	CHECK(q.match != NULL);
	query_free(&q);
	CHECK_STR(run("region:Suzhou battery"), "1,3,5");     /* the facet is not a word */
}

TEST(facets_only_have_no_match)
{
	struct query q;
	char err[256];
	memset(&q, 0, sizeof q);
	CHECK_INT(query_parse("region:310000 year:2024", &q, err, sizeof err), 0);
	CHECK(q.match == NULL);
	CHECK_INT(q.n_regions, 1);
	CHECK_INT(q.n_years, 1);
	CHECK_STR(q.lang, "");
	query_free(&q);
}

TEST(several_values_of_one_facet)
{
	struct query q;
	char err[256];
	memset(&q, 0, sizeof q);
	CHECK_INT(query_parse("region:Suzhou region:Wuxi", &q, err, sizeof err), 0);
	CHECK_INT(q.n_regions, 2);
	query_free(&q);
}

TEST(stray_quote_is_an_error)
{
	char err[256];
	CHECK(parse_fails("\"battery plant", err, sizeof err));
	CHECK(err[0] != '\0');
	CHECK(parse_fails("battery \"", err, sizeof err));
	CHECK(err[0] != '\0');
}

TEST(bare_not_is_an_error)
{
	char err[256];
	CHECK(parse_fails("NOT", err, sizeof err));
	CHECK(err[0] != '\0');
	CHECK(parse_fails("battery NOT", err, sizeof err));
	CHECK(parse_fails("battery AND", err, sizeof err));
	CHECK(parse_fails("OR battery", err, sizeof err));
}

TEST(unbalanced_parentheses_are_errors)
{
	char err[256];
	CHECK(parse_fails("(battery OR solar", err, sizeof err));
	CHECK(err[0] != '\0');
	CHECK(parse_fails("battery)", err, sizeof err));
	CHECK(parse_fails("()", err, sizeof err));
}

TEST(error_message_fits_the_buffer)
{
	char err[8];
	memset(err, 'Z', sizeof err);
	CHECK(parse_fails("\"an unterminated quote", err, sizeof err));
	CHECK(memchr(err, '\0', sizeof err) != NULL);
}

TEST(hostile_input_never_reaches_fts5_as_an_error)
{
	/* Each input either is a parse error with a message, or yields an expression FTS5 accepts. */
	static const char *inputs[] = {
		"title:battery", "text:\"x\"", "{title text}: battery", "- battery", "^battery",
		"NEAR(battery plant)", "battery + solar", "*", "battery**", "a:b:c", "\"\"",
		"battery\\", "'battery'", "battery;drop table t", "col:", ":", "AND", "OR", "NOT NOT",
		"\x01\x02", "\xff\xfe battery", "battery OR OR solar", "((((((((((battery))))))))))",
		"battery -solar", "new--energy", "-", "region:", "year:abcd", "lang:", "region:\"x",
		"\"battery\"*", "bat*tery", "电池*", "%", "@#$", "battery\tsolar\n", "",
		"   ", "and or not", "NOTbattery", "batteryOR", "e.g. U.S.", "3.5GW", "¥1,000",
	};
	for (size_t i = 0; i < ARRAY_LEN(inputs); i++) {
		const char *r = run(inputs[i]);
		if (strncmp(r, "FTS:", 4) == 0) {
			check_case_failed = 1;
			printf("#   <%s>: %s\n", inputs[i], r);
		}
	}
}

TEST(long_query_is_safe)
{
	struct buf b = {0};
	for (int i = 0; i < 200; i++)
		buf_puts(&b, i % 3 == 2 ? "OR battery " : "solar ");
	const char *r = run(buf_cstr(&b));
	CHECK(strncmp(r, "FTS:", 4) != 0);
	buf_free(&b);
	for (int i = 0; i < 20000; i++)
		buf_putc(&b, '(');
	r = run(buf_cstr(&b));
	CHECK_STR(r, "PARSE");
	buf_free(&b);
}

int main(void)
{
	if (setup() != 0) {
		printf("not ok - test_query: setup failed: %s\n", db ? sqlite3_errmsg(db) : "?");
		return 1;
	}
	RUN(single_words);
	RUN(implicit_and);
	RUN(boolean_operators);
	RUN(parentheses);
	RUN(phrases);
	RUN(prefix);
	RUN(hyphenated_words);
	RUN(chinese);
	RUN(facets);
	RUN(facets_only_have_no_match);
	RUN(several_values_of_one_facet);
	RUN(stray_quote_is_an_error);
	RUN(bare_not_is_an_error);
	RUN(unbalanced_parentheses_are_errors);
	RUN(error_message_fits_the_buffer);
	RUN(hostile_input_never_reaches_fts5_as_an_error);
	RUN(long_query_is_safe);
	sqlite3_close(db);
	CHECK_DONE();
}
