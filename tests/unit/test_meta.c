/* test_meta.c: unit tests for meta.c: parse_date_at() on every date form of the spec and on bad
 * dates, find_publication_date() by the GUIDELINES rules (labelled or dateline dates near the
 * top; no year, event-only or impossible dates give none), and meta_extract()'s url, title and
 * language. Inputs are normalised text written here. Must not test decoding. */
#include <stdlib.h>
#include "check.h"
#include "meta.h"
#include "util.h"

/* parse_date_at on a C string: the date it writes ("" on failure) and the bytes consumed. */
static const char *pd(const char *s, size_t *used)
{
	static char out[11];
	memset(out, 'X', sizeof out - 1);
	out[10] = '\0';
	*used = parse_date_at(s, strlen(s), out);
	return *used ? out : "";
}

static const char *pubdate(const char *text)
{
	static char out[11];
	memset(out, 'X', sizeof out);
	find_publication_date(text, strlen(text), out);
	return out;
}

TEST(iso_date)
{
	size_t n;
	CHECK_STR(pd("2023-04-13", &n), "2023-04-13");
	CHECK_INT(n, 10);
	CHECK_STR(pd("2023-04-13 is the day", &n), "2023-04-13");
	CHECK_INT(n, 10);
}

TEST(iso_date_with_time)
{
	size_t n;
	CHECK_STR(pd("2023-04-12 18:41:54", &n), "2023-04-12");
	CHECK(n >= 10 && n <= 19);
	CHECK_STR(pd("2022-08-17 11:36", &n), "2022-08-17");
	CHECK(n >= 10 && n <= 16);
}

TEST(dotted_date)
{
	size_t n;
	CHECK_STR(pd("2024.01.16", &n), "2024-01-16");
	CHECK_INT(n, 10);
}

TEST(english_month_day_year)
{
	size_t n;
	CHECK_STR(pd("July 31, 2024", &n), "2024-07-31");
	CHECK_INT(n, 13);
	CHECK_STR(pd("March 3, 2021 and more", &n), "2021-03-03");
	CHECK_INT(n, 13);
	CHECK_STR(pd("31 July 2024", &n), "2024-07-31");
	CHECK_INT(n, 12);
}

TEST(chinese_date)
{
	size_t n;
	CHECK_STR(pd("2022年02月09日", &n), "2022-02-09");
	CHECK_INT(n, strlen("2022年02月09日"));
	CHECK_STR(pd("2022年2月9日 10:00", &n), "2022-02-09");
	CHECK_INT(n, strlen("2022年2月9日"));
}

TEST(day_month_year)
{
	size_t n;
	CHECK_STR(pd("11-12-2019", &n), "2019-12-11");
	CHECK_INT(n, 10);
	CHECK_STR(pd("31-01-2020", &n), "2020-01-31");
}

TEST(leap_years)
{
	size_t n;
	CHECK_STR(pd("2024-02-29", &n), "2024-02-29");
	CHECK_STR(pd("2000-02-29", &n), "2000-02-29");
	CHECK_STR(pd("2023-02-29", &n), "");
	CHECK_STR(pd("1900-02-29", &n), "");
}

TEST(bad_dates_rejected)
{
	size_t n;
	CHECK_STR(pd("2023-02-30", &n), "");
	CHECK_INT(n, 0);
	CHECK_STR(pd("2023-13-01", &n), "");
	CHECK_STR(pd("2023-00-10", &n), "");
	CHECK_STR(pd("2023-04-00", &n), "");
	CHECK_STR(pd("2023-04-31", &n), "");
	CHECK_STR(pd("2023年13月01日", &n), "");
	CHECK_STR(pd("2023.02.30", &n), "");
	CHECK_STR(pd("February 30, 2023", &n), "");
	CHECK_STR(pd("32-01-2020", &n), "");
}

TEST(incomplete_dates_rejected)
{
	size_t n;
	CHECK_STR(pd("10-12", &n), "");                 /* a dateline without a year */
	CHECK_STR(pd("July 23", &n), "");
	CHECK_STR(pd("July 2024", &n), "");
	CHECK_STR(pd("2023-04", &n), "");
	CHECK_STR(pd("2023年4月", &n), "");
	CHECK_STR(pd("2023", &n), "");
	CHECK_STR(pd("", &n), "");
	CHECK_STR(pd("Julyish 3, 2024", &n), "");
}

TEST(does_not_read_past_n)
{
	/* exact-size heap copies without a terminator, so that a read past n is a sanitizer report */
	static const struct { const char *s; size_t n; } cut[] = {
		{"2023-04-13", 8}, {"2023-04-13", 9}, {"July 31, 2024", 11}, {"2022年02月09日", 14},
		{"11-12-2019", 8}, {"2024.01.16", 7},
	};
	for (size_t i = 0; i < ARRAY_LEN(cut); i++) {
		char *p = xmalloc(cut[i].n);
		memcpy(p, cut[i].s, cut[i].n);
		char out[11] = "";
		size_t used = parse_date_at(p, cut[i].n, out);
		CHECK(used <= cut[i].n);
		if (used) CHECK(strcmp(out, "2023-04-01") == 0);   /* only "2023-04-1" is a date */
		free(p);
	}
}

TEST(pubdate_each_labelled_form)
{
	CHECK_STR(pubdate("Suzhou opens battery plant\ndate 2023-04-13\nThe plant..."), "2023-04-13");
	CHECK_STR(pubdate("Suzhou opens battery plant\nRelease time: 2023-04-13\nBody."), "2023-04-13");
	CHECK_STR(pubdate("Hefei chip fab\n2023-04-12 18:41:54\nBody text."), "2023-04-12");
	CHECK_STR(pubdate("Ningbo port grows\nUpdated: 2022-08-17 11:36\nBody."), "2022-08-17");
	CHECK_STR(pubdate("Wuxi IoT park\n2024.01.16\nBody."), "2024-01-16");
	CHECK_STR(pubdate("Jiaxing solar farm\nJuly 31, 2024\nBody."), "2024-07-31");
	CHECK_STR(pubdate("嘉兴光伏项目开工\n2022年02月09日 来源:嘉兴日报\n正文。"), "2022-02-09");
	CHECK_STR(pubdate("合肥新能源汽车\n发表于: 2023-04-12\n正文。"), "2023-04-12");
	CHECK_STR(pubdate("Changzhou update\nUpdated: 11-12-2019\nBody."), "2019-12-11");
}

TEST(pubdate_dateline_in_first_paragraph)
{
	CHECK_STR(pubdate("Jiaxing solar farm connects\n\nJIAXING, July 31, 2024 -- A 200 MW farm..."),
		  "2024-07-31");
}

TEST(pubdate_none)
{
	CHECK_STR(pubdate(""), "");
	CHECK_STR(pubdate("A title\nA body without any date at all."), "");
}

TEST(pubdate_dateline_without_year_is_none)
{
	CHECK_STR(pubdate("Shanghai chip fair\n10-12\nSHANGHAI -- The fair opened."), "");
	CHECK_STR(pubdate("Shanghai chip fair\nUpdated: 10-12 09:30\nBody."), "");
}

TEST(pubdate_event_date_is_not_publication_date)
{
	CHECK_STR(pubdate("Nantong shipyard\nOn July 23 the company signed a contract for two ships."), "");
	CHECK_STR(pubdate("南通船厂签约\n7月23日，公司签约两艘船。"), "");
}

TEST(pubdate_invalid_dates_are_none)
{
	CHECK_STR(pubdate("Title\nRelease time: 2023-02-30\nBody."), "");
	CHECK_STR(pubdate("Title\ndate 2023-13-01\nBody."), "");
}

TEST(pubdate_prefers_labelled_date)
{
	CHECK_STR(pubdate("Wuhu robot plant\nThe plant, announced 2021-03-03, opens now.\n"
			  "Release time: 2023-04-13\nBody."), "2023-04-13");
}

TEST(pubdate_only_near_the_top)
{
	struct buf t = {0};
	buf_puts(&t, "A long report about Yangzhou\n\n");
	for (int i = 0; i < 200; i++)
		buf_puts(&t, "This paragraph talks about industrial upgrading and investment in the region.\n\n");
	buf_puts(&t, "Release time: 2019-05-05\n");
	CHECK_STR(pubdate(buf_cstr(&t)), "");
	buf_free(&t);
}

TEST(meta_url_title_date_lang)
{
	const char *text = "url: https://example.com/news/123\n"
		"Suzhou signs 2.4 billion yuan battery project\n"
		"Release time: 2023-04-13\n\n"
		"SUZHOU -- A lithium battery project worth 2.4 billion yuan was signed today in Suzhou.";
	struct doc_meta m;
	memset(&m, 0, sizeof m);
	meta_extract(text, strlen(text), &m);
	CHECK_STR(m.url, "https://example.com/news/123");
	CHECK_STR(m.title, "Suzhou signs 2.4 billion yuan battery project");
	CHECK_STR(m.date, "2023-04-13");
	CHECK_STR(m.lang, "en");
	CHECK_INT(m.body_start, strlen("url: https://example.com/news/123\n"));
	meta_free(&m);
}

TEST(meta_no_url_line)
{
	const char *text = "Hefei chip fab expands\nBody text about Hefei.";
	struct doc_meta m;
	memset(&m, 0, sizeof m);
	meta_extract(text, strlen(text), &m);
	CHECK(m.url == NULL);
	CHECK_INT(m.body_start, 0);
	CHECK_STR(m.title, "Hefei chip fab expands");
	meta_free(&m);
}

TEST(meta_url_only_on_first_line)
{
	const char *text = "Hefei chip fab expands\nurl: https://example.com/x\nBody.";
	struct doc_meta m;
	memset(&m, 0, sizeof m);
	meta_extract(text, strlen(text), &m);
	CHECK(m.url == NULL);
	CHECK_STR(m.title, "Hefei chip fab expands");
	meta_free(&m);
}

TEST(meta_title_skips_date_lines_and_blank_lines)
{
	const char *text = "\n\n2023-04-13\n\n苏州工业园区集成电路项目签约\n正文内容。";
	struct doc_meta m;
	memset(&m, 0, sizeof m);
	meta_extract(text, strlen(text), &m);
	CHECK_STR(m.title, "苏州工业园区集成电路项目签约");
	CHECK_STR(m.date, "2023-04-13");
	CHECK_STR(m.lang, "zh");
	meta_free(&m);
}

TEST(meta_empty_document)
{
	struct doc_meta m;
	memset(&m, 0, sizeof m);
	meta_extract("", 0, &m);
	CHECK(m.title != NULL);
	CHECK_STR(m.title, "");
	CHECK_STR(m.date, "");
	CHECK_STR(m.lang, "und");
	CHECK(m.url == NULL);
	meta_free(&m);
}

TEST(meta_title_is_bounded_on_a_huge_line)
{
	struct buf t = {0};
	for (int i = 0; i < 100000; i++)
		buf_puts(&t, "word ");
	struct doc_meta m;
	memset(&m, 0, sizeof m);
	meta_extract(t.data, t.len, &m);
	CHECK(m.title != NULL);
	CHECK(strlen(m.title) > 0);
	CHECK(strlen(m.title) < 4096);   /* a title, not the whole 500 KB line */
	CHECK_STR(m.lang, "en");
	meta_free(&m);
	buf_free(&t);
}

TEST(lang_detection)
{
	const char *zh = "长三角一体化发展，新能源汽车产业链在苏州和杭州加快集聚。";
	const char *zh_mixed = "据报道，特斯拉Tesla上海超级工厂2023年交付超过90万辆电动汽车，带动长三角供应链。";
	const char *hant = "長三角一體化發展，新能源汽車產業鏈在蘇州和杭州加快集聚。";
	const char *en = "The Yangtze River Delta hosts a growing electric vehicle supply chain.";
	CHECK_STR(detect_lang(zh, strlen(zh)), "zh");
	CHECK_STR(detect_lang(zh_mixed, strlen(zh_mixed)), "zh");
	CHECK_STR(detect_lang(hant, strlen(hant)), "zh");
	CHECK_STR(detect_lang(en, strlen(en)), "en");
	CHECK_STR(detect_lang("", 0), "und");
	CHECK_STR(detect_lang("12345 67.8 %%% ---", 18), "und");
	CHECK_STR(detect_lang("Привет, как дела? Всё хорошо.", strlen("Привет, как дела? Всё хорошо.")), "und");
}

TEST(english_with_a_chinese_name_is_english)
{
	const char *en = "The Lingang (临港) special area in Shanghai approved twelve new projects this "
		"quarter, covering batteries, chips and biomedicine, officials said on Monday.";
	CHECK_STR(detect_lang(en, strlen(en)), "en");
}

int main(void)
{
	RUN(iso_date);
	RUN(iso_date_with_time);
	RUN(dotted_date);
	RUN(english_month_day_year);
	RUN(chinese_date);
	RUN(day_month_year);
	RUN(leap_years);
	RUN(bad_dates_rejected);
	RUN(incomplete_dates_rejected);
	RUN(does_not_read_past_n);
	RUN(pubdate_each_labelled_form);
	RUN(pubdate_dateline_in_first_paragraph);
	RUN(pubdate_none);
	RUN(pubdate_dateline_without_year_is_none);
	RUN(pubdate_event_date_is_not_publication_date);
	RUN(pubdate_invalid_dates_are_none);
	RUN(pubdate_prefers_labelled_date);
	RUN(pubdate_only_near_the_top);
	RUN(meta_url_title_date_lang);
	RUN(meta_no_url_line);
	RUN(meta_url_only_on_first_line);
	RUN(meta_title_skips_date_lines_and_blank_lines);
	RUN(meta_empty_document);
	RUN(meta_title_is_bounded_on_a_huge_line);
	RUN(lang_detection);
	RUN(english_with_a_chinese_name_is_english);
	CHECK_DONE();
}
