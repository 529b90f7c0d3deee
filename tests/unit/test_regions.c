/* test_regions.c: region and chain mentions of extract_document() with the real assets, one
 * test per disambiguation rule of ../shared/corpus/GUIDELINES.md: homonyms from context, county
 * short names only with context, one-character abbreviations only in lists, natural features,
 * look-alike company and person names, "China" never, zones give the division named in them,
 * nested names, the generic "demonstration zone", parents not implied, the umbrella chains and
 * generic words; plus the reference tables and odd input. Texts are written for the tests. */
#include <stdlib.h>
#include "check.h"
#include "extract.h"
#include "extract_internal.h"

static struct extractor *ex;
static struct extraction x;

static void run(const char *text)
{
	extract_document(ex, text, strlen(text), "und", "", &x);
}

static int has(enum mention_kind kind, const char *id)
{
	for (size_t i = 0; i < x.n_mentions; i++)
		if (x.mentions[i].kind == kind && strcmp(x.mentions[i].id, id) == 0)
			return 1;
	return 0;
}

#define REGION(id) has(MENTION_REGION, id)
#define CHAIN(id) has(MENTION_CHAIN, id)

/* How many distinct scored region ids (6 digits or macro) were found. */
static int scored_regions(void)
{
	int n = 0;
	for (size_t i = 0; i < x.n_mentions; i++) {
		const struct mention *m = &x.mentions[i];
		if (m->kind != MENTION_REGION || (m->id[0] == 'z') || strlen(m->id) == 9)
			continue;
		int dup = 0;
		for (size_t j = 0; j < i; j++)
			dup |= x.mentions[j].kind == MENTION_REGION && strcmp(x.mentions[j].id, m->id) == 0;
		n += !dup;
	}
	return n;
}

TEST(test_reference_tables)
{
	const struct region_info *r = extractor_find_region(ex, "310118");
	CHECK(r != NULL);
	if (r) {
		CHECK_STR(r->name_en, "Qingpu District");
		CHECK_STR(r->parent_id, "310000");
		CHECK_INT(r->level, 3);
	}
	r = extractor_find_region(ex, "yrd-demo-zone");
	CHECK(r != NULL && r->level == 0);
	CHECK(extractor_find_region(ex, "x-taihu-lake") == NULL);   /* not a place */
	CHECK(extractor_find_region(ex, "999999") == NULL);
	CHECK(extractor_region_count(ex) > 3000);
	const struct chain_info *c = extractor_find_chain(ex, "photovoltaics");
	CHECK(c != NULL && c->parent_id[0] == '\0');
	c = extractor_find_chain(ex, "communication-electronics");
	CHECK(c != NULL);
	int top = 0;
	for (size_t i = 0; i < extractor_chain_count(ex); i++)
		top += extractor_chain(ex, i)->parent_id[0] == '\0';
	CHECK_INT(top, 31);
	CHECK_STR(project_status_name(STATUS_STARTED), "started");
	CHECK_INT(project_status_parse("operational"), STATUS_OPERATIONAL);
	CHECK_INT(project_status_parse("soon"), -1);
}

TEST(test_offsets_point_at_the_name)
{
	const char *t = "Investors from Hangzhou and 蘇州 met.";
	run(t);
	int seen = 0;
	for (size_t i = 0; i < x.n_mentions; i++) {
		const struct mention *m = &x.mentions[i];
		if (m->kind != MENTION_REGION)
			continue;
		if (strcmp(m->id, "330100") == 0)
			seen += m->end - m->start == 8 && memcmp(t + m->start, "Hangzhou", 8) == 0;
		if (strcmp(m->id, "320500") == 0)
			seen += memcmp(t + m->start, "蘇州", m->end - m->start) == 0 && m->end - m->start == 6;
	}
	CHECK_INT(seen, 2);
	for (size_t i = 1; i < x.n_mentions; i++)
		CHECK(x.mentions[i - 1].start <= x.mentions[i].start);   /* sorted for projects.c */
}

TEST(test_taizhou_from_context)
{
	run("Taizhou, which borders Yangzhou and Nantong in Jiangsu, opened a new port.");
	CHECK(REGION("321200"));
	CHECK(!REGION("331000"));
	run("Taizhou, south of Ningbo on the Zhejiang coast, builds cars with Wenzhou suppliers.");
	CHECK(REGION("331000"));
	CHECK(!REGION("321200"));
	run("台州与温州签约。");   /* Chinese names are distinct */
	CHECK(REGION("331000"));
}

TEST(test_suzhou_defaults_to_jiangsu)
{
	run("A software park opened in Suzhou this week.");
	CHECK(REGION("320500"));
	CHECK(!REGION("341300"));
	run("Suzhou, a city in northern Anhui next to Huaibei and Bengbu, hosts the plant.");
	CHECK(REGION("341300"));
	CHECK(!REGION("320500"));
}

TEST(test_bare_county_needs_context)
{
	run("In Jiangsu, the Qingpu team won.");     /* another province named: no context */
	CHECK(!REGION("310118"));
	run("Shanghai's Qingpu will host the fair.");
	CHECK(REGION("310118"));
	CHECK(REGION("310000"));
	run("Officials of Qingpu District met.");   /* the full name needs nothing */
	CHECK(REGION("310118"));
	CHECK(!REGION("310000"));                    /* a parent is not implied */
	run("上海的青浦、吴江、嘉善三地");             /* a list continues from a known member */
	CHECK(REGION("310118"));
	CHECK(REGION("320509"));
	CHECK(REGION("330421"));
}

TEST(test_higher_level_wins_a_bare_homonym)
{
	run("Firms from Beijing, Tianjin and Hebei signed.");
	CHECK(REGION("130000"));
	CHECK(!REGION("120105"));
}

TEST(test_abbreviations_only_in_lists)
{
	run("沪苏浙皖三省一市共同签署协议。");
	CHECK(REGION("310000") && REGION("320000") && REGION("330000") && REGION("340000"));
	run("京津冀协同发展");
	CHECK(REGION("110000") && REGION("120000") && REGION("130000") && REGION("jjj"));
	run("沪苏湖铁路今天开通。");
	CHECK_INT(scored_regions(), 0);
	run("网站备案:苏ICP备12345678号 皖B2-20200001");
	CHECK_INT(scored_regions(), 0);
	run("据新京报报道");
	CHECK_INT(scored_regions(), 0);
	run("Su Zhe cooperation deepens.");
	CHECK(REGION("320000") && REGION("330000"));
	run("Su said the plan works.");
	CHECK_INT(scored_regions(), 0);
}

TEST(test_natural_features_are_not_places)
{
	run("Boats on Taihu Lake and the Huangpu River, then Hangzhou Bay.");
	CHECK(!REGION("340825"));
	CHECK(!REGION("310101"));
	CHECK(!REGION("330100"));
	run("Shipping on the Yangtze River grew.");
	CHECK(!REGION("yrd"));
	run("Two ports on the Jialing River in Sichuan.");
	CHECK(REGION("510000"));
	CHECK(!REGION("511304"));
	run("太湖水质改善");
	CHECK(!REGION("340825"));
}

TEST(test_company_and_person_names)
{
	run("Xinyi Glass opened a plant in Jiangsu.");
	CHECK(REGION("320000"));
	CHECK(!REGION("320381"));
	run("In Jiangxi, professor Li Jian said the lab is ready.");
	CHECK(REGION("360000"));
	CHECK(!REGION("360800"));
	run("Anhui firms invested 2 billion yuan.");   /* "yuan" is not Yu'an District */
	CHECK(REGION("340000"));
	CHECK(!REGION("341503"));
	run("Lu'an and Yu'an District signed.");
	CHECK(REGION("341500"));
	CHECK(REGION("341503"));
	run("Xinhua reported from Hebei.");           /* the news agency */
	CHECK(!REGION("130105"));
}

TEST(test_china_and_foreign_never)
{
	run("China and Chinese firms in Germany, Paris and Singapore.");
	CHECK_INT(scored_regions(), 0);
}

TEST(test_zones_give_the_division_in_their_name)
{
	run("Suzhou Industrial Park and Suzhou New District attract chipmakers.");
	CHECK(REGION("320500"));
	CHECK(!REGION("320576"));
	CHECK(!REGION("320505"));
	run("Nanjing Jiangbei New Area signed ten deals.");
	CHECK(REGION("320100"));
	CHECK(!REGION("330205"));
	CHECK(!REGION("500105"));
	run("无锡惠山经济技术开发区");
	CHECK(REGION("320200"));
	CHECK(REGION("320206"));
	run("雄安新区建设");                           /* 安新 inside it is not Anxin County */
	CHECK(!REGION("130632"));
	run("马鞍山市经济");                            /* 鞍山 inside 马鞍山 */
	CHECK(REGION("340500"));
	CHECK(!REGION("210300"));
	run("上海城市建设投资");                         /* 上海 + 城市, not 海城市 */
	CHECK(REGION("310000"));
	CHECK(!REGION("210381"));
}

/* A zone name made only of common words names no particular zone: no id at all. */
TEST(test_generic_zone_names_give_no_id)
{
	run("The city's High-tech Zone and its Economic Development Zone both grew, and the "
	    "Development Zone hired.");
	for (size_t i = 0; i < x.n_mentions; i++)
		CHECK(x.mentions[i].kind != MENTION_REGION);
	run("高新区与开发区、生物医药产业园、保税区同步发展。");
	for (size_t i = 0; i < x.n_mentions; i++)
		CHECK(x.mentions[i].kind != MENTION_REGION);
	run("苏州工业园区");                          /* a named zone still counts */
	CHECK(REGION("320500"));
}

/* A bare county name made a place by a list is that place wherever else the text uses it. */
TEST(test_listed_county_counts_elsewhere)
{
	run("开工仪式在上海的青浦、吴江、嘉善三地举行。吴江段工程同步推进。");
	CHECK(REGION("320509"));
	int wujiang = 0;
	for (size_t i = 0; i < x.n_mentions; i++)
		wujiang += x.mentions[i].kind == MENTION_REGION && strcmp(x.mentions[i].id, "320509") == 0;
	CHECK_INT(wujiang, 2);
}

/* A bare English county name alone counts when no other province is named; next to another
 * province's places it is more likely a park or firm named after a far-away county. */
TEST(test_bare_county_alone_in_the_text)
{
	run("Work on the Songjiang riverside corridor began this week.");
	CHECK(REGION("310117"));
	run("work on the songjiang riverside corridor began.");    /* not capitalised */
	CHECK(!REGION("310117"));
	run("The Hefeng Industrial Park in Suzhou added two lines.");
	CHECK(REGION("320500"));
	CHECK(!REGION("422828"));
}

TEST(test_nested_and_generic_macro_names)
{
	run("The Yangtze River Delta Eco-Green Integrated Development Demonstration Zone grows.");
	CHECK(REGION("yrd"));
	CHECK(REGION("yrd-demo-zone"));
	run("In the Yangtze River Delta, the demonstration zone links three provinces.");
	CHECK(REGION("yrd-demo-zone"));
	run("A national agricultural demonstration zone opened in Henan.");
	CHECK(!REGION("yrd-demo-zone"));
	run("长三角一体化背景下，示范区开发者大会举行。");
	CHECK(REGION("yrd"));
	CHECK(REGION("yrd-demo-zone"));
	run("The long triangle and the Changsanjiao cities, plus the Guangdong-Hong Kong-Macao Greater Bay Area.");
	CHECK(REGION("yrd"));
	CHECK(REGION("gba"));
	CHECK(REGION("440000") && REGION("810000") && REGION("820000"));
	run("浙江省大湾区建设");                          /* Zhejiang's own bay area */
	CHECK(!REGION("gba"));
}

TEST(test_chain_rules)
{
	run("New energy vehicles and new energy and intelligent connected vehicles.");
	CHECK(CHAIN("new-energy-vehicles"));
	CHECK(!CHAIN("new-energy"));
	run("The city backs new energy and photovoltaics.");
	CHECK(CHAIN("new-energy"));
	CHECK(CHAIN("photovoltaics"));
	run("发展新能源汽车和新能源产业");
	CHECK(CHAIN("new-energy-vehicles"));
	CHECK(CHAIN("new-energy"));
	run("数字经济和大模型");
	CHECK(CHAIN("digital-economy"));
	CHECK(CHAIN("artificial-intelligence"));
	run("Innovation, manufacturing, high-tech and the industrial chain.");
	for (size_t i = 0; i < x.n_mentions; i++)
		CHECK(x.mentions[i].kind != MENTION_CHAIN);
	run("建设高端智能化工厂");                        /* 智能化 + 工厂, not 化工 */
	CHECK(!CHAIN("petrochemicals"));
	run("Gan said the GaN chips are ready, said Ai.");
	CHECK(CHAIN("integrated-circuits"));
	run("Gan said so.");                             /* acronyms match only as written */
	CHECK(!CHAIN("integrated-circuits"));
	run("The AI lab.");
	CHECK(CHAIN("artificial-intelligence"));
	run("Said ai.");
	CHECK(!CHAIN("artificial-intelligence"));
}

TEST(test_odd_input)
{
	static const char bin[] = "\x00\xff\xfe\xc3\x28\xe2\x82\x8f\xf0\x28\x8c\xbc\x00Jiangsu";
	extract_document(ex, bin, sizeof bin - 1, "und", "", &x);
	CHECK(REGION("320000"));
	extract_document(ex, "", 0, "und", "", &x);
	CHECK_INT(x.n_mentions, 0);
	extract_document(ex, NULL, 0, "und", "", &x);
	CHECK_INT(x.n_mentions, 0);
	/* a long run of names stays linear and bounded */
	static const char unit[] = "沪苏浙 Taizhou 示范区, Su Zhe ";
	size_t n = 200000;
	char *big = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = unit[i % (sizeof unit - 1)];
	big[n] = '\0';
	extract_document(ex, big, n, "und", "", &x);
	CHECK(x.n_mentions > 1000);
	free(big);
}

int main(void)
{
	char err[256];
	const char *dir = getenv("CHAINSCOPE_ASSETS") ? getenv("CHAINSCOPE_ASSETS") : "assets";
	ex = extractor_open(dir, err, sizeof err);
	if (!ex) {
		printf("not ok - tests/unit/test_regions.c: extractor_open: %s\n", err);
		return 1;
	}
	RUN(test_reference_tables);
	RUN(test_offsets_point_at_the_name);
	RUN(test_taizhou_from_context);
	RUN(test_suzhou_defaults_to_jiangsu);
	RUN(test_bare_county_needs_context);
	RUN(test_higher_level_wins_a_bare_homonym);
	RUN(test_abbreviations_only_in_lists);
	RUN(test_natural_features_are_not_places);
	RUN(test_company_and_person_names);
	RUN(test_china_and_foreign_never);
	RUN(test_zones_give_the_division_in_their_name);
	RUN(test_generic_zone_names_give_no_id);
	RUN(test_listed_county_counts_elsewhere);
	RUN(test_bare_county_alone_in_the_text);
	RUN(test_nested_and_generic_macro_names);
	RUN(test_chain_rules);
	RUN(test_odd_input);
	extraction_free(&x);
	extractor_close(ex);
	CHECK_DONE();
}
