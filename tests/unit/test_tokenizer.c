/* test_tokenizer.c: unit tests for the "chainscope" FTS5 tokenizer: tokenize_text() directly
 * (case folding, CJK unigrams with colocated bigrams, traditional->simplified, offsets), then
 * through an in-memory FTS5 table declared with tokenize='porter chainscope' (stemming, Chinese
 * words of any length, either script). Must not depend on the cache schema. */
#include <stdlib.h>
#include "check.h"
#include "tokenizer.h"
#include "util.h"

struct tok { char text[64]; int colocated, start, end; };
struct toks { struct tok t[256]; int n; };

static int collect(void *ctx, int colocated, const char *tok, int ntok, int start, int end)
{
	struct toks *ts = ctx;
	if (ts->n < (int)ARRAY_LEN(ts->t)) {
		struct tok *t = &ts->t[ts->n++];
		snprintf(t->text, sizeof t->text, "%.*s", ntok, tok);
		t->colocated = colocated;
		t->start = start;
		t->end = end;
	}
	return 0;
}

static void tokenize(const char *text, int for_query, struct toks *ts)
{
	memset(ts, 0, sizeof *ts);
	tokenize_text(text, (int)strlen(text), for_query, ts, collect);
}

/* The index of the first token equal to s (optionally with the given colocated flag), or -1. */
static int find_tok(const struct toks *ts, const char *s, int colocated)
{
	for (int i = 0; i < ts->n; i++)
		if (strcmp(ts->t[i].text, s) == 0 && (colocated < 0 || !ts->t[i].colocated == !colocated))
			return i;
	return -1;
}

/* Tokens joined with '|' ("+" before colocated ones), for whole-sequence comparisons. */
static const char *joined(const struct toks *ts)
{
	static char out[4096];
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < ts->n && len < sizeof out - 80; i++)
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%s%s", i ? "|" : "",
					ts->t[i].colocated ? "+" : "", ts->t[i].text);
	return out;
}

TEST(english_words_lowercased)
{
	struct toks ts;
	tokenize("Battery BATTERIES new-energy EV's 2023", 0, &ts);
	CHECK(find_tok(&ts, "battery", 0) >= 0);
	CHECK(find_tok(&ts, "batteries", 0) >= 0);
	CHECK(find_tok(&ts, "new", 0) >= 0);
	CHECK(find_tok(&ts, "energy", 0) >= 0);
	CHECK(find_tok(&ts, "2023", 0) >= 0);
	CHECK(find_tok(&ts, "Battery", -1) < 0);
	/* offsets are byte offsets in the source */
	int i = find_tok(&ts, "batteries", 0);
	if (i >= 0) {
		CHECK_INT(ts.t[i].start, 8);
		CHECK_INT(ts.t[i].end, 17);
	}
	/* punctuation is not a token */
	CHECK(find_tok(&ts, "-", -1) < 0);
	CHECK(find_tok(&ts, "'", -1) < 0);
}

TEST(cjk_unigrams_and_colocated_bigrams)
{
	struct toks ts;
	tokenize("长三角", 0, &ts);
	CHECK(find_tok(&ts, "长", 0) >= 0);
	CHECK(find_tok(&ts, "三", 0) >= 0);
	CHECK(find_tok(&ts, "角", 0) >= 0);
	CHECK(find_tok(&ts, "长三", 1) >= 0);
	CHECK(find_tok(&ts, "三角", 1) >= 0);
	CHECK(find_tok(&ts, "长三角", -1) < 0);
	CHECK_STR(joined(&ts), "长|+长三|三|+三角|角");
	int i = find_tok(&ts, "三", 0);
	if (i >= 0) {
		CHECK_INT(ts.t[i].start, 3);
		CHECK_INT(ts.t[i].end, 6);
	}
	i = find_tok(&ts, "三角", 1);
	if (i >= 0) {
		CHECK_INT(ts.t[i].start, 3);
		CHECK_INT(ts.t[i].end, 9);
	}
}

TEST(cjk_bigrams_stop_at_punctuation_and_latin)
{
	struct toks ts;
	tokenize("光伏，锂电Tesla上海", 0, &ts);
	CHECK(find_tok(&ts, "光伏", 1) >= 0);
	CHECK(find_tok(&ts, "伏锂", -1) < 0);    /* no bigram across the comma */
	CHECK(find_tok(&ts, "锂电", 1) >= 0);
	CHECK(find_tok(&ts, "tesla", 0) >= 0);
	CHECK(find_tok(&ts, "上海", 1) >= 0);
	CHECK(find_tok(&ts, "，", -1) < 0);
}

TEST(single_cjk_character)
{
	struct toks ts;
	tokenize("锂", 0, &ts);
	CHECK_STR(joined(&ts), "锂");
}

TEST(traditional_folds_to_simplified)
{
	struct toks a, b;
	tokenize("長三角", 0, &a);
	tokenize("长三角", 0, &b);
	CHECK_STR(joined(&a), joined(&b));
	tokenize("積體電路產業鏈", 0, &a);
	CHECK(find_tok(&a, "电", 0) >= 0);
	CHECK(find_tok(&a, "产业", 1) >= 0);
	/* offsets still refer to the traditional source */
	int i = find_tok(&a, "电", 0);
	if (i >= 0) CHECK_INT(a.t[i].start, 6);
	tokenize("長三角", 1, &a);
	tokenize("长三角", 1, &b);
	CHECK_STR(joined(&a), joined(&b));
}

TEST(mixed_case_query_tokens)
{
	struct toks ts;
	tokenize("BaTTery", 1, &ts);
	CHECK(find_tok(&ts, "battery", -1) >= 0);
}

TEST(invalid_utf8_and_empty_input_are_safe)
{
	struct toks ts;
	tokenize("", 0, &ts);
	CHECK_INT(ts.n, 0);
	tokenize("ab\xff\xfe" "cd \xe9\x95 \xe9", 0, &ts);
	for (int i = 0; i < ts.n; i++)
		CHECK(ts.t[i].start >= 0 && ts.t[i].end <= (int)strlen("ab\xff\xfe" "cd \xe9\x95 \xe9") &&
		      ts.t[i].start <= ts.t[i].end);
}

TEST(long_word_does_not_overflow)
{
	char word[5000];
	memset(word, 'a', sizeof word - 1);
	word[sizeof word - 1] = '\0';
	struct toks ts;
	tokenize(word, 0, &ts);
	/* one token (or a few pieces), all inside the word; no sanitizer report on the way */
	CHECK(ts.n >= 1);
	for (int i = 0; i < ts.n; i++)
		CHECK(ts.t[i].start >= 0 && ts.t[i].end <= (int)strlen(word) && ts.t[i].start < ts.t[i].end);
}

/* ---- through FTS5 ---- */

static sqlite3 *open_fts(void)
{
	sqlite3 *db = NULL;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK) return NULL;
	CHECK_INT(tokenizer_register(db), SQLITE_OK);
	char *err = NULL;
	int rc = sqlite3_exec(db,
		"CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='porter chainscope');"
		"INSERT INTO t(rowid, title, text) VALUES"
		" (1, 'Battery plant', 'Suzhou builds lithium batteries for new-energy vehicles.'),"
		" (2, '光伏', '嘉兴的光伏电站并网发电，锂电池储能同步建设。'),"
		" (3, '集成电路', '上海的集成电路产业链加快发展，长三角一体化。'),"
		" (4, '長三角', '長三角積體電路產業鏈在蘇州集聚。'),"
		" (5, 'Weather', '阳光充足，伏天炎热。电路维修。'),"
		" (6, 'Chips', 'Semiconductor fabs in Wuxi run the assembly lines.');",
		NULL, NULL, &err);
	if (rc != SQLITE_OK) {
		printf("#   fts setup: %s\n", err ? err : "?");
		sqlite3_free(err);
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

/* Rowids matching expr, as "1,3" ("ERR" on an FTS5 error). */
static const char *match(sqlite3 *db, const char *expr)
{
	static char out[256];
	sqlite3_stmt *st = NULL;
	size_t len = 0;
	out[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid", -1, &st, NULL)
	    != SQLITE_OK)
		return "ERR";
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%lld", len ? "," : "",
					(long long)sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? out : "ERR";
}

TEST(fts_english_stemming_and_case)
{
	sqlite3 *db = open_fts();
	CHECK(db != NULL);
	if (!db) return;
	CHECK_STR(match(db, "battery"), "1");
	CHECK_STR(match(db, "BATTERIES"), "1");
	CHECK_STR(match(db, "vehicle"), "1");
	CHECK_STR(match(db, "\"new energy\""), "1");
	CHECK_STR(match(db, "semiconductor"), "6");
	CHECK_STR(match(db, "semicon*"), "6");
	CHECK_STR(match(db, "line"), "6");
	sqlite3_close(db);
}

TEST(fts_chinese_words_of_any_length)
{
	sqlite3 *db = open_fts();
	CHECK(db != NULL);
	if (!db) return;
	CHECK_STR(match(db, "\"锂\""), "2");
	CHECK_STR(match(db, "\"光伏\""), "2");           /* not 5, where 光 and 伏 are apart */
	CHECK_STR(match(db, "\"集成电路\""), "3");
	CHECK_STR(match(db, "\"电路\""), "3,4,5");        /* 4 says 電路 */
	CHECK_STR(match(db, "\"产业链\""), "3,4");
	CHECK_STR(match(db, "\"路集\""), "");            /* no match across a word boundary that is not in any text */
	sqlite3_close(db);
}

TEST(fts_simplified_and_traditional_find_each_other)
{
	sqlite3 *db = open_fts();
	CHECK(db != NULL);
	if (!db) return;
	CHECK_STR(match(db, "\"长三角\""), "3,4");
	CHECK_STR(match(db, "\"長三角\""), "3,4");
	CHECK_STR(match(db, "\"苏州\""), "4");        /* 1 has Suzhou in Latin script only */
	CHECK_STR(match(db, "\"蘇州\""), "4");
	sqlite3_close(db);
}

TEST(fts_bareword_chinese_query)
{
	sqlite3 *db = open_fts();
	CHECK(db != NULL);
	if (!db) return;
	/* non-ASCII characters are FTS5 barewords: the tokenizer gets the whole run */
	CHECK_STR(match(db, "光伏"), "2");
	CHECK_STR(match(db, "長三角"), "3,4");
	sqlite3_close(db);
}

TEST(fts_highlight_offsets_cover_traditional_source)
{
	sqlite3 *db = open_fts();
	CHECK(db != NULL);
	if (!db) return;
	sqlite3_stmt *st = NULL;
	CHECK_INT(sqlite3_prepare_v2(db, "SELECT highlight(t, 1, '[', ']') FROM t WHERE t MATCH '\"长三角\"' "
				     "AND rowid = 4", -1, &st, NULL), SQLITE_OK);
	if (st && sqlite3_step(st) == SQLITE_ROW)
		CHECK_STR((const char *)sqlite3_column_text(st, 0), "[長三角]積體電路產業鏈在蘇州集聚。");
	else
		CHECK(0);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

int main(void)
{
	RUN(english_words_lowercased);
	RUN(cjk_unigrams_and_colocated_bigrams);
	RUN(cjk_bigrams_stop_at_punctuation_and_latin);
	RUN(single_cjk_character);
	RUN(traditional_folds_to_simplified);
	RUN(mixed_case_query_tokens);
	RUN(invalid_utf8_and_empty_input_are_safe);
	RUN(long_word_does_not_overflow);
	RUN(fts_english_stemming_and_case);
	RUN(fts_chinese_words_of_any_length);
	RUN(fts_simplified_and_traditional_find_each_other);
	RUN(fts_bareword_chinese_query);
	RUN(fts_highlight_offsets_cover_traditional_source);
	CHECK_DONE();
}
