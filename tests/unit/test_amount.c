/* test_amount.c: one case per amount form amount.c recognises, on sentences written for the
 * test, plus the things it must refuse (no currency, vague sizes, numbers inside words). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "amount.h"

/* Finds the first amount in s; returns 1 when found. */
static int first(const char *s, struct amount_hit *hit)
{
	return amount_find_next(s, strlen(s), 0, hit);
}

static int near(double a, double b) { return fabs(a - b) <= 1e-6 * fabs(b); }

/* The span of the hit as a string, for checking what was kept. */
static const char *span(const char *s, const struct amount_hit *hit)
{
	static char out[128];
	size_t k = hit->amount.end - hit->amount.start;
	if (k >= sizeof out)
		k = sizeof out - 1;
	memcpy(out, s + hit->amount.start, k);
	out[k] = 0;
	return out;
}

#define EXPECT(text, val, cur) do { \
	struct amount_hit h_; \
	CHECK(first(text, &h_)); \
	CHECK(near(h_.amount.value, (val))); \
	CHECK_STR(h_.amount.currency, cur); \
	CHECK(!h_.vague); \
} while (0)

TEST(english_billion_yuan) { EXPECT("The plant will cost 12.5 billion yuan in all.", 12.5e9, "CNY"); }
TEST(rmb_prefix_with_space) { EXPECT("a budget of RMB 3.2 billion for the line", 3.2e9, "CNY"); }
TEST(rmb_prefix_glued_bln) { EXPECT("revenue hit RMB47.06 bln last year", 47.06e9, "CNY"); }
TEST(cny_prefix) { EXPECT("worth CNY 7 billion", 7e9, "CNY"); }
TEST(yuan_million) { EXPECT("a 450 million yuan workshop", 450e6, "CNY"); }
TEST(dollar_million) { EXPECT("more than $250 million was raised", 250e6, "USD"); }
TEST(us_dollar_prefix) { EXPECT("an investment of US$4.1 billion", 4.1e9, "USD"); }
TEST(euros_suffix) { EXPECT("about 2 billion euros over ten years", 2e9, "EUR"); }
TEST(hk_dollar_prefix) { EXPECT("HK$800 million for the terminal", 800e6, "HKD"); }
TEST(dollar_m_abbreviation) { EXPECT("a $35m expansion", 35e6, "USD"); }
TEST(thousands_separator) { EXPECT("a grant of 1,250,000 yuan", 1250000, "CNY"); }
TEST(yuan_level_keeps_number) { EXPECT("a 20 billion yuan-level cluster", 20e9, "CNY"); }
TEST(cjk_yi_yuan) { EXPECT("项目总投资7.3亿元，建设两条产线", 7.3e8, "CNY"); }
TEST(cjk_wan_yuan) { EXPECT("首期投入4500万元用于研发", 45e6, "CNY"); }
TEST(cjk_wan_yi_yuan) { EXPECT("全年产值达到2.6万亿元", 2.6e12, "CNY"); }
TEST(cjk_over_keeps_number) { EXPECT("计划投资超8亿元", 8e8, "CNY"); }
TEST(cjk_nearly_hundred_yi) { EXPECT("累计投入近百亿元", 1e10, "CNY"); }
TEST(cjk_usd) { EXPECT("外资到位3.4亿美元", 3.4e8, "USD"); }
TEST(cjk_traditional_yi) { EXPECT("總投資12億元的新廠", 12e8, "CNY"); }
TEST(cjk_numeral_thirty_yi) { EXPECT("拟投资三十亿元建设", 30e8, "CNY"); }
TEST(cjk_numeral_liang_yi) { EXPECT("注资两亿元", 2e8, "CNY"); }
TEST(cjk_rmb_prefix) { EXPECT("投资人民币6亿元", 6e8, "CNY"); }
TEST(cjk_bare_yi_after_investment) { EXPECT("该项目总投资约25亿，占地300亩", 25e8, "CNY"); }
TEST(cjk_euro) { EXPECT("投资1.5亿欧元", 1.5e8, "EUR"); }
TEST(cjk_renminbi_suffix) { EXPECT("又投入12亿人民币扩产", 12e8, "CNY"); }
TEST(number_word_billion) { EXPECT("It will cost about a billion euros in all.", 1e9, "EUR"); }

TEST(parenthetical_conversion_keeps_first)
{
	const char *s = "The complex costs 43.5 billion yuan (US$6.7 billion) and opens soon; "
			"a second one costs 2 billion yuan.";
	struct amount_hit h;
	CHECK(first(s, &h));
	CHECK(near(h.amount.value, 43.5e9));
	CHECK_STR(h.amount.currency, "CNY");
	CHECK_STR(span(s, &h), "43.5 billion yuan");
	CHECK(h.converted);
	struct amount_hit h2;
	CHECK(amount_find_next(s, strlen(s), h.resume, &h2));
	CHECK(near(h2.amount.value, 2e9));
}

TEST(span_is_original_text)
{
	const char *s = "签约金额6.4亿元。";
	struct amount_hit h;
	CHECK(first(s, &h));
	CHECK_STR(span(s, &h), "6.4亿元");
}

TEST(vague_sizes_are_flagged)
{
	struct amount_hit h;
	CHECK(!first("打造百亿级产业集群", &h) || h.vague);
	CHECK(first("打造千亿元级产业集群", &h));
	CHECK(h.vague);
	CHECK(first("吸引数十亿元投资", &h));
	CHECK(h.vague);
}

TEST(no_currency_is_no_amount)
{
	struct amount_hit h;
	CHECK(!first("a 20GW cell plant and 15 billion kWh of power", &h));
	CHECK(!first("年产10万吨材料，占地300亩", &h));
	CHECK(!first("G60 corridor phase 2", &h));
	CHECK(!first("billions of yuan flowed in", &h));
}

TEST(number_inside_word_is_no_amount)
{
	struct amount_hit h;
	CHECK(!first("model X5 yuanbao", &h));
}

TEST(all_amounts_in_order)
{
	const char *s = "Nine projects worth 15 billion yuan, including a $20 million lab and a "
			"3亿元 base.";
	size_t from = 0, count = 0;
	double want[] = {15e9, 20e6, 3e8};
	struct amount_hit h;
	while (amount_find_next(s, strlen(s), from, &h)) {
		if (count < 3)
			CHECK(near(h.amount.value, want[count]));
		count++;
		from = h.resume;
	}
	CHECK_INT(count, 3);
}

TEST(parse_at_reports_length)
{
	struct amount_hit h;
	const char *s = "5.7亿美元的投资";
	size_t k = amount_parse_at(s, strlen(s), &h);
	CHECK_INT(k, strlen("5.7亿美元"));
	CHECK_STR(h.amount.currency, "USD");
	CHECK_INT(amount_parse_at("hello", 5, &h), 0);
}

TEST(garbage_is_safe)
{
	unsigned char junk[300];
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (unsigned char)(i * 37 + 11);
	struct amount_hit h;
	size_t from = 0, guard = 0;
	while (amount_find_next((const char *)junk, sizeof junk, from, &h) && guard++ < 300)
		from = h.resume > from ? h.resume : from + 1;
	CHECK(guard < 300);
	CHECK(!first("$", &h));
	CHECK(!first("亿", &h));
	CHECK(!first("RMB", &h));
}

/* An amount at the very end of its buffer must not be read past (found by the fuzzer: a
 * two-character suffix compared where only one character was left). */
TEST(amount_at_end_of_buffer)
{
	static const char *const tails[] = {"三十亿元量", "百亿元级", "5亿元", "RMB 3", "十亿"};
	for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		size_t n = strlen(tails[i]);
		char *exact = malloc(n);        /* no terminator: ASan sees any overread */
		memcpy(exact, tails[i], n);
		struct amount_hit h;
		size_t from = 0;
		while (amount_find_next(exact, n, from, &h) && h.resume > from)
			from = h.resume;
		free(exact);
	}
	CHECK(1);
}

int main(void)
{
	RUN(english_billion_yuan);
	RUN(rmb_prefix_with_space);
	RUN(rmb_prefix_glued_bln);
	RUN(cny_prefix);
	RUN(yuan_million);
	RUN(dollar_million);
	RUN(us_dollar_prefix);
	RUN(euros_suffix);
	RUN(hk_dollar_prefix);
	RUN(dollar_m_abbreviation);
	RUN(thousands_separator);
	RUN(yuan_level_keeps_number);
	RUN(cjk_yi_yuan);
	RUN(cjk_wan_yuan);
	RUN(cjk_wan_yi_yuan);
	RUN(cjk_over_keeps_number);
	RUN(cjk_nearly_hundred_yi);
	RUN(cjk_usd);
	RUN(cjk_traditional_yi);
	RUN(cjk_numeral_thirty_yi);
	RUN(cjk_numeral_liang_yi);
	RUN(cjk_rmb_prefix);
	RUN(cjk_bare_yi_after_investment);
	RUN(cjk_euro);
	RUN(cjk_renminbi_suffix);
	RUN(number_word_billion);
	RUN(parenthetical_conversion_keeps_first);
	RUN(span_is_original_text);
	RUN(vague_sizes_are_flagged);
	RUN(no_currency_is_no_amount);
	RUN(number_inside_word_is_no_amount);
	RUN(all_amounts_in_order);
	RUN(parse_at_reports_length);
	RUN(garbage_is_safe);
	RUN(amount_at_end_of_buffer);
	CHECK_DONE();
}
