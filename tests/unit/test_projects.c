/* test_projects.c: the project patterns of projects.c on sentences written for the test: named
 * and individuated projects in English and Chinese, batch and non-project rejection, the amount
 * in the project's own clause, stage verbs, regions from the span and the sentence, merging of
 * repeats, phases, event dates and the mentions left for the browser. Region and chain
 * mentions are made by hand here, so the cases do not depend on the gazetteer; one case uses the
 * real assets for a zone's parent division and says so when they are missing. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "extract_internal.h"

/* Runs extract_projects on text with the given hand-made region mentions ("id@substring"). */
static void run_with(const struct extractor *ex, const char *text, const char *pub_date,
		     const char *const *regions, size_t n_regions, struct extraction *x)
{
	memset(x, 0, sizeof *x);
	for (size_t i = 0; i < n_regions; i++) {
		const char *at = strchr(regions[i], '@');
		char id[EXTRACT_ID_MAX];
		size_t k = (size_t)(at - regions[i]);
		memcpy(id, regions[i], k);
		id[k] = 0;
		const char *hit = strstr(text, at + 1);
		if (hit)
			extraction_add_mention(x, MENTION_REGION, id, (uint32_t)(hit - text),
					       (uint32_t)(hit - text + strlen(at + 1)));
	}
	extract_projects(ex, text, strlen(text), "und", pub_date, x);
}

static void run(const char *text, struct extraction *x)
{
	run_with(NULL, text, "", NULL, 0, x);
}

static const struct project *find(const struct extraction *x, const char *name_part)
{
	for (size_t i = 0; i < x->n_projects; i++)
		if (strstr(x->projects[i].name, name_part))
			return &x->projects[i];
	return NULL;
}

static int near(double a, double b) { return fabs(a - b) <= 1e-6 * fabs(b); }

TEST(english_named_project_with_company_amount_and_status)
{
	struct extraction x;
	run("On Monday the city signed a contract for Nordwind Energy's 12GWh battery cell plant, "
	    "with a total investment of 4.2 billion yuan.", &x);
	CHECK_INT(x.n_projects, 1);
	const struct project *p = find(&x, "battery cell plant");
	CHECK(p != NULL);
	if (p) {
		CHECK_STR(p->name, "Nordwind Energy's 12GWh battery cell plant");
		CHECK_STR(p->company, "Nordwind Energy");
		CHECK(p->has_amount && near(p->amount.value, 4.2e9));
		CHECK_STR(p->amount.currency, "CNY");
		CHECK_INT(p->status, STATUS_SIGNED);
	}
	extraction_free(&x);
}

TEST(english_batch_is_not_a_project_but_its_named_member_is)
{
	struct extraction x;
	run("Nine projects with a total investment of 15.4 billion yuan were signed, including the "
	    "Harbor Data Center with an investment of 90 million yuan.", &x);
	CHECK_INT(x.n_projects, 1);
	const struct project *p = find(&x, "Harbor Data Center");
	CHECK(p != NULL);
	if (p)
		CHECK(p->has_amount && near(p->amount.value, 9e7));
	extraction_free(&x);
	run("A total of 24 projects were signed, with a combined investment of 8 billion yuan.", &x);
	CHECK_INT(x.n_projects, 0);
	extraction_free(&x);
}

TEST(chinese_batch_is_not_a_project)
{
	struct extraction x;
	run("当天共有16个重点项目集中开工，总投资120亿元。", &x);
	CHECK_INT(x.n_projects, 0);
	extraction_free(&x);
	run("全区一批重大项目签约落地。", &x);
	CHECK_INT(x.n_projects, 0);
	extraction_free(&x);
}

TEST(chinese_named_project_amount_status_region)
{
	static const char *const regions[] = {"320500@苏州市", "320509@吴江区"};
	struct extraction x;
	run_with(NULL, "5月16日上午，苏州市吴江区新材料产业园项目举行开工仪式，该项目总投资约36亿元。",
		 "2024-05-18", regions, 2, &x);
	CHECK_INT(x.n_projects, 1);
	const struct project *p = find(&x, "新材料产业园项目");
	CHECK(p != NULL);
	if (p) {
		CHECK(p->has_amount && near(p->amount.value, 36e8));
		CHECK_INT(p->status, STATUS_STARTED);
		CHECK_STR(p->region, "320509");
		CHECK_STR(p->date, "2024-05-16");
	}
	extraction_free(&x);
}

TEST(individuated_unnamed_project)
{
	struct extraction x;
	run("The county will build an eco-industry park with an investment of 5 billion yuan.", &x);
	const struct project *p = find(&x, "eco-industry park");
	CHECK(p != NULL);
	if (p) {
		CHECK(p->has_amount && near(p->amount.value, 5e9));
		CHECK_INT(p->status, STATUS_PLANNED);
	}
	extraction_free(&x);
	run("The district signed a foreign investment project of more than $80 million.", &x);
	p = find(&x, "project of more than $80 million");
	CHECK(p != NULL);
	if (p)
		CHECK(p->has_amount && near(p->amount.value, 8e7) &&
		      strcmp(p->amount.currency, "USD") == 0);
	extraction_free(&x);
}

TEST(generic_words_alone_name_nothing)
{
	struct extraction x;
	run("The city's major project was signed, and the new project started construction.", &x);
	CHECK_INT(x.n_projects, 0);
	extraction_free(&x);
	run("今年该区重点项目和重大产业项目全部开工。", &x);
	CHECK_INT(x.n_projects, 0);
	extraction_free(&x);
}

TEST(meetings_funds_and_bodies_are_not_projects)
{
	struct extraction x;
	run("The Global Battery Forum was held at the Riverside Conference Center, and the Green "
	    "Industry Fund was signed by the management committee.", &x);
	CHECK_INT(x.n_projects, 0);
	extraction_free(&x);
	run("产业发展论坛在会展中心举行，设立新能源产业基金并签约。", &x);
	CHECK_INT(x.n_projects, 0);
	extraction_free(&x);
}

TEST(amount_in_the_projects_own_clause)
{
	struct extraction x;
	run("The zone signed the Alpha Chip project with an investment of 3 billion yuan and the "
	    "Beta Display project with an investment of 2 billion yuan.", &x);
	const struct project *a = find(&x, "Alpha Chip"), *b = find(&x, "Beta Display");
	CHECK(a && b);
	if (a && b) {
		CHECK(a->has_amount && near(a->amount.value, 3e9));
		CHECK(b->has_amount && near(b->amount.value, 2e9));
	}
	extraction_free(&x);
	run("The Gamma Glass plant was put into operation and is expected to reach an annual "
	    "output value of 5 billion yuan.", &x);
	a = find(&x, "Gamma Glass plant");
	CHECK(a != NULL);
	if (a) {
		CHECK(!a->has_amount);
		CHECK_INT(a->status, STATUS_OPERATIONAL);
	}
	extraction_free(&x);
	run("总投资20亿元的晨光智能装备产业园项目正式签约，项目建成后年产值可达50亿元。", &x);
	a = find(&x, "晨光智能装备产业园");
	CHECK(a != NULL);
	if (a)
		CHECK(a->has_amount && near(a->amount.value, 20e8));
	extraction_free(&x);
}

TEST(amount_in_a_following_sentence)
{
	struct extraction x;
	run("Construction of the Silverbay Wind Farm project started on Friday. Total investment in "
	    "the project is about 7.5 billion yuan.", &x);
	const struct project *p = find(&x, "Silverbay Wind Farm");
	CHECK(p != NULL);
	if (p)
		CHECK(p->has_amount && near(p->amount.value, 7.5e9));
	extraction_free(&x);
}

TEST(stage_verbs_in_both_languages)
{
	static const struct {
		const char *text, *name;
		enum project_status want;
	} cases[] = {
		{"青松生物医药研究院正式揭牌。", "青松生物医药研究院", STATUS_UNVEILED},
		{"远航新能源电池工厂竣工。", "远航新能源电池工厂", STATUS_COMPLETED},
		{"明川光伏组件生产线正式投产。", "明川光伏组件生产线", STATUS_OPERATIONAL},
		{"蓝湾数据中心项目签约落户。", "蓝湾数据中心项目", STATUS_SIGNED},
		{"拟建设云岭氢能装备基地项目。", "云岭氢能装备基地项目", STATUS_PLANNED},
		{"The Northgate Logistics Park broke ground yesterday.", "Northgate Logistics Park",
		 STATUS_STARTED},
		{"The Eastlake Wafer Factory was put into operation in May.", "Eastlake Wafer Factory",
		 STATUS_OPERATIONAL},
		{"The Pinecrest Research Institute will be completed in 2026.",
		 "Pinecrest Research Institute", STATUS_PLANNED},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct extraction x;
		run(cases[i].text, &x);
		const struct project *p = find(&x, cases[i].name);
		CHECK(p != NULL);
		if (p && (int)p->status != (int)cases[i].want) {
			printf("#   %s: status %s\n", cases[i].text, project_status_name(p->status));
			CHECK_INT(p->status, cases[i].want);
		}
		extraction_free(&x);
	}
}

TEST(repeats_merge_and_phases_stay_apart)
{
	struct extraction x;
	run("Riverton Biopharma Industrial Park breaks ground\n"
	    "The Riverton Biopharma Industrial Park started construction on Tuesday. "
	    "Officials said the Riverton Biopharma Industrial Park will open in 2026.", &x);
	CHECK_INT(x.n_projects, 1);
	extraction_free(&x);
	run("The Lumen factory Phase I was put into operation, and the Lumen factory Phase II "
	    "started construction.", &x);
	CHECK_INT(x.n_projects, 2);
	extraction_free(&x);
}

TEST(region_from_span_then_sentence)
{
	static const char *const regions[] = {"321000@Yangzhou", "321084@Gaoyou", "320000@Jiangsu"};
	struct extraction x;
	run_with(NULL, "In Jiangsu, the Yangzhou Starlight Solar project was signed, and the Gaoyou "
		 "Hydrogen Valve plant was put into operation.", "", regions, 3, &x);
	const struct project *a = find(&x, "Starlight Solar"), *b = find(&x, "Hydrogen Valve");
	CHECK(a && b);
	if (a && b) {
		CHECK_STR(a->region, "321000");
		CHECK_STR(b->region, "321084");
	}
	extraction_free(&x);
	static const char *const only_sentence[] = {"320506@Wuzhong"};
	run_with(NULL, "A bearing factory of Axon Motion was signed in Wuzhong on Monday.", "",
		 only_sentence, 1, &x);
	a = find(&x, "bearing factory");
	CHECK(a != NULL);
	if (a)
		CHECK_STR(a->region, "320506");
	extraction_free(&x);
}

TEST(zone_mentions_give_their_division)
{
	char err[256];
	const char *dir = getenv("CHAINSCOPE_ASSETS");
	struct extractor *ex = extractor_open(dir && *dir ? dir : "assets", err, sizeof err);
	if (!ex) {
		printf("# assets not found (%s): zone case not run\n", err);
		return;
	}
	const char *text = "扬州经济技术开发区的晶澜半导体封装项目正式签约。";
	struct extraction x = {0};
	extract_document(ex, text, strlen(text), "zh", "", &x);
	const struct project *p = find(&x, "晶澜半导体封装项目");
	CHECK(p != NULL);
	if (p)
		CHECK_STR(p->region, "321000");
	extraction_free(&x);
	extractor_close(ex);
}

TEST(event_dates_need_a_certain_year)
{
	struct extraction x;
	run_with(NULL, "On March 3, the Kestrel Optics plant was signed.", "2024-03-05", NULL, 0, &x);
	const struct project *p = find(&x, "Kestrel Optics plant");
	CHECK(p != NULL);
	if (p)
		CHECK_STR(p->date, "2024-03-03");
	extraction_free(&x);
	run_with(NULL, "On March 3, the Kestrel Optics plant was signed.", "", NULL, 0, &x);
	p = find(&x, "Kestrel Optics plant");
	CHECK(p && p->date[0] == 0);
	extraction_free(&x);
	run_with(NULL, "2023年6月8日，华溪储能电站项目开工。", "2024-03-05", NULL, 0, &x);
	p = find(&x, "华溪储能电站项目");
	CHECK(p != NULL);
	if (p)
		CHECK_STR(p->date, "2023-06-08");
	extraction_free(&x);
}

TEST(mentions_point_at_the_evidence)
{
	const char *text = "The Orchid Valley Data Center was signed with an investment of "
			   "6.4 billion yuan.";
	struct extraction x;
	run(text, &x);
	int projects = 0, amounts = 0;
	for (size_t i = 0; i < x.n_mentions; i++) {
		const struct mention *m = &x.mentions[i];
		CHECK(m->start < m->end && m->end <= strlen(text));
		if (m->kind == MENTION_PROJECT) {
			projects++;
			CHECK(strncmp(text + m->start, "Orchid Valley Data Center", m->end - m->start) == 0);
			CHECK_STR(m->id, "0");
		}
		if (m->kind == MENTION_AMOUNT) {
			amounts++;
			CHECK(strncmp(text + m->start, "6.4 billion yuan", m->end - m->start) == 0);
		}
	}
	CHECK_INT(projects, 1);
	CHECK_INT(amounts, 1);
	for (size_t i = 1; i < x.n_mentions; i++)
		CHECK(x.mentions[i - 1].start <= x.mentions[i].start);   /* text order kept */
	if (x.n_projects == 1) {
		CHECK_INT(x.projects[0].start, 0);
		CHECK_INT(x.projects[0].end, strlen(text));
	}
	extraction_free(&x);
}

TEST(chinese_class_names_are_not_projects)
{
	struct extraction x;
	/* an amount threshold, a "major projects" head and a sector head describe a class */
	run("此次签约的外资项目中,星河光电项目为超亿美元制造业项目。", &x);
	CHECK(find(&x, "星河光电项目") != NULL);
	CHECK(find(&x, "超亿美元") == NULL);
	extraction_free(&x);
	run("2024年春季重大项目集中签约仪式举行,滨江智造重大项目等陆续落地。", &x);
	CHECK(find(&x, "重大项目") == NULL);
	extraction_free(&x);
	run("全市签约高质量制造业项目,总投资80亿元。", &x);
	CHECK(find(&x, "制造业项目") == NULL);
	extraction_free(&x);
	/* 产业项目 still names one undertaking */
	run("蓝湾微晶玻璃新材料产业项目开工建设。", &x);
	CHECK(find(&x, "蓝湾微晶玻璃新材料产业项目") != NULL);
	extraction_free(&x);
}

TEST(designations_are_not_projects)
{
	struct extraction x;
	run("河川市作为全省最大的光伏产业基地、储能产业基地,吸引了众多企业投资。", &x);
	CHECK_INT(x.n_projects, 0);
	extraction_free(&x);
	run("The plan will strengthen the city's status as a regional innovation center and "
	    "attract investment.", &x);
	CHECK_INT(x.n_projects, 0);
	extraction_free(&x);
	run("The district will speed up the gathering of robotics headquarters and invest in "
	    "talent.", &x);
	CHECK_INT(x.n_projects, 0);
	extraction_free(&x);
	/* "set up as" is not a designation: the centre itself is being set up */
	run("The company was set up as an innovation center with an investment of 1 billion yuan.",
	    &x);
	CHECK(find(&x, "innovation center") != NULL);
	extraction_free(&x);
	/* what a named project will build is a part of it */
	run("签约的还有青石数据园区二期项目,该项目将打造智算中心,支撑大模型训练。", &x);
	CHECK(find(&x, "青石数据园区二期项目") != NULL);
	CHECK(find(&x, "智算中心") == NULL);
	extraction_free(&x);
	/* a leased building is how a project starts, not a project */
	run("签约的明远激光设备项目将以租赁厂房的方式先行投产。", &x);
	CHECK(find(&x, "厂房") == NULL);
	extraction_free(&x);
}

TEST(output_and_cumulative_amounts_are_not_investments)
{
	struct extraction x;
	run("澄湖智能运营中心暨改扩建项目将实现60亿元年产值。", &x);
	const struct project *p = find(&x, "澄湖智能运营中心");
	CHECK(p != NULL);
	if (p)
		CHECK(!p->has_amount);
	extraction_free(&x);
	run("The Kestrel Motors plant will generate 12 billion yuan in annual sales.", &x);
	p = find(&x, "Kestrel Motors plant");
	CHECK(p != NULL);
	if (p)
		CHECK(!p->has_amount);
	extraction_free(&x);
	run("同时签约的还有远帆研发基地项目。新区累计签约项目超300个,投资总额超2000亿元。", &x);
	p = find(&x, "远帆研发基地项目");
	CHECK(p != NULL);
	if (p)
		CHECK(!p->has_amount);
	extraction_free(&x);
	/* a project's own months of construction are not a count of projects */
	run("鸿雁电子产业园项目建设期18个月,总投资6亿元。", &x);
	p = find(&x, "鸿雁电子产业园项目");
	CHECK(p != NULL);
	if (p)
		CHECK(p->has_amount && near(p->amount.value, 6e8));
	extraction_free(&x);
}

TEST(where_the_money_comes_from_is_not_where_the_project_is)
{
	struct extraction x;
	const char *regions[] = {"810000@Hong Kong", "320500@Suzhou"};
	run_with(NULL, "A Hong Kong-funded firm signed the Lumen Optics plant, with an investment of "
		       "2 billion yuan.", "", regions, 2, &x);
	const struct project *p = find(&x, "Lumen Optics plant");
	CHECK(p != NULL);
	if (p)
		CHECK_STR(p->region, "");
	extraction_free(&x);
	run_with(NULL, "A Hong Kong-funded firm signed the Lumen Optics plant in Suzhou, with an "
		       "investment of 2 billion yuan.", "", regions, 2, &x);
	p = find(&x, "Lumen Optics plant");
	CHECK(p != NULL);
	if (p)
		CHECK_STR(p->region, "320500");
	extraction_free(&x);
}

TEST(place_right_after_the_name_wins_over_a_dateline)
{
	struct extraction x;
	const char *regions[] = {"320100@HEXIAN", "320700@Lianyungang"};
	/* an uppercase dateline city stands in for Nanjing here; Lianyungang follows the name */
	run_with(NULL, "HEXIAN, May 2 -- The Saltmarsh refining project in Lianyungang City was put "
		       "into production on Monday.", "", regions, 2, &x);
	const struct project *p = find(&x, "Saltmarsh refining project");
	CHECK(p != NULL);
	if (p)
		CHECK_STR(p->region, "320700");
	extraction_free(&x);
}

TEST(the_agent_of_a_passive_verb_is_not_a_project)
{
	struct extraction x;
	run("Construction started on the Tidewater Turbine Test Rig project undertaken by the "
	    "Institute of Fluid Dynamics.", &x);
	CHECK(find(&x, "Tidewater Turbine Test Rig project") != NULL);
	CHECK(find(&x, "Institute of Fluid Dynamics") == NULL);
	extraction_free(&x);
	/* "represented by" gives an example of a list, which may be a project */
	run("Contracts for several projects represented by the Larkspur Photonics Industrial Park "
	    "were signed.", &x);
	CHECK(find(&x, "Larkspur Photonics Industrial Park") != NULL);
	extraction_free(&x);
}

TEST(chinese_name_running_into_a_later_project_word_is_one_name)
{
	struct extraction x;
	run("现场签约了青岚新材料研究院高端封装材料生产基地等项目。", &x);
	CHECK(find(&x, "青岚新材料研究院高端封装材料生产基地") != NULL);
	int alone = 0;
	for (size_t i = 0; i < x.n_projects; i++)
		alone += strcmp(x.projects[i].name, "青岚新材料研究院") == 0;
	CHECK_INT(alone, 0);
	extraction_free(&x);
}

TEST(a_total_of_two_named_projects_is_neither_ones_amount)
{
	struct extraction x;
	run("白鹭电子产业园、松涛材料产业园两大总投资逾40亿元项目建设顺利。总投资约25亿元的松涛材料"
	    "产业园已开工。", &x);
	const struct project *p = find(&x, "松涛材料产业园");
	CHECK(p != NULL);
	if (p)
		CHECK(p->has_amount && near(p->amount.value, 25e8));
	extraction_free(&x);
}

TEST(amount_after_a_name_is_not_the_next_names)
{
	struct extraction x;
	run("其中,中远智能装备产业园项目总投资30亿元,在当地设立研发中心、营运中心等。", &x);
	/* 中远: a two-character company name with 中 still individuates */
	const struct project *p = find(&x, "中远智能装备产业园");
	CHECK(p != NULL);
	if (p)
		CHECK(p->has_amount && near(p->amount.value, 30e8));
	p = find(&x, "研发中心");
	if (p)
		CHECK(!p->has_amount);
	extraction_free(&x);
}

TEST(a_park_as_the_site_is_not_the_project)
{
	struct extraction x;
	run("The Cormorant Battery project officially commenced in the Heron Rail Transit "
	    "Industrial Park on Monday.", &x);
	CHECK(find(&x, "Cormorant Battery project") != NULL);
	CHECK(find(&x, "Heron Rail Transit Industrial Park") == NULL);
	extraction_free(&x);
	run("青鸾新材料有限公司落户白沙智能装备产业园,总投资5亿元。", &x);
	CHECK(find(&x, "白沙智能装备产业园") == NULL);
	extraction_free(&x);
	/* a park that is itself being built is still a project */
	run("The city signed the Heron Rail Transit Industrial Park with an investment of 3 "
	    "billion yuan.", &x);
	CHECK(find(&x, "Heron Rail Transit Industrial Park") != NULL);
	extraction_free(&x);
	/* what a project will house is a part of it */
	run("The Maple Bay Tower project will accommodate the East China Headquarters of a "
	    "logistics firm.", &x);
	CHECK(find(&x, "Maple Bay Tower project") != NULL);
	CHECK(find(&x, "East China Headquarters") == NULL);
	extraction_free(&x);
}

TEST(chinese_aliases_of_one_project_merge)
{
	struct extraction x;
	run("蓝鲸动力电池项目正式签约。蓝鲸新能源动力电池生产基地项目总投资80亿元。新能源动力电池"
	    "项目计划年底开工。蓝鲸项目由蓝鲸科技投资建设。", &x);
	CHECK_INT(x.n_projects, 1);
	if (x.n_projects == 1)
		CHECK(x.projects[0].has_amount && near(x.projects[0].amount.value, 80e8));
	extraction_free(&x);
	/* a different product of the same company stays apart */
	run("蓝鲸动力电池项目和蓝鲸储能柜项目同日签约。", &x);
	CHECK_INT(x.n_projects, 2);
	extraction_free(&x);
}

TEST(tranches_orders_and_counted_totals_are_not_a_projects_amount)
{
	struct extraction x;
	run("金湖数据要素运营中心启用一个月,达成800万元算力使用订单。", &x);
	const struct project *p = find(&x, "金湖数据要素运营中心");
	CHECK(p != NULL);
	if (p)
		CHECK(!p->has_amount);
	extraction_free(&x);
	run("今年开工的项目中有远山大数据产业园等项目,2024年计划投资12亿元。", &x);
	p = find(&x, "远山大数据产业园");
	CHECK(p != NULL);
	if (p)
		CHECK(!p->has_amount);
	extraction_free(&x);
	run("总投资近百亿元的12个重点项目签约落户,其中晴川储能产业园一期项目已开工。", &x);
	p = find(&x, "晴川储能产业园一期项目");
	CHECK(p != NULL);
	if (p)
		CHECK(!p->has_amount);
	extraction_free(&x);
}

TEST(ranks_and_superlatives_are_titles)
{
	struct extraction x;
	run("企业将依托新区“国家级化工产业基地”的区位优势投资建设新装置。", &x);
	CHECK(find(&x, "化工产业基地") == NULL);
	extraction_free(&x);
	run("该区全力打造世界级装备产业中心,推进重点项目建设。", &x);
	CHECK(find(&x, "装备产业中心") == NULL);
	extraction_free(&x);
	run("The kilns of Solace Glass Co., located in the county, were completed, as the largest "
	    "glass production base of the group.", &x);
	CHECK(find(&x, "glass production base") == NULL);
	extraction_free(&x);
}

TEST(hostile_input_is_safe)
{
	struct extraction x;
	char junk[4096];
	for (size_t i = 0; i < sizeof junk - 1; i++)
		junk[i] = (char)("项目 park\xe4\xba project 亿元 (US$ 9," [i % 32]);
	junk[sizeof junk - 1] = 0;
	run(junk, &x);
	CHECK(x.n_projects <= 200);
	extraction_free(&x);
	run("", &x);
	CHECK_INT(x.n_projects, 0);
	extraction_free(&x);
}

int main(void)
{
	RUN(english_named_project_with_company_amount_and_status);
	RUN(english_batch_is_not_a_project_but_its_named_member_is);
	RUN(chinese_batch_is_not_a_project);
	RUN(chinese_named_project_amount_status_region);
	RUN(individuated_unnamed_project);
	RUN(generic_words_alone_name_nothing);
	RUN(meetings_funds_and_bodies_are_not_projects);
	RUN(amount_in_the_projects_own_clause);
	RUN(amount_in_a_following_sentence);
	RUN(stage_verbs_in_both_languages);
	RUN(repeats_merge_and_phases_stay_apart);
	RUN(region_from_span_then_sentence);
	RUN(zone_mentions_give_their_division);
	RUN(event_dates_need_a_certain_year);
	RUN(mentions_point_at_the_evidence);
	RUN(chinese_class_names_are_not_projects);
	RUN(designations_are_not_projects);
	RUN(output_and_cumulative_amounts_are_not_investments);
	RUN(where_the_money_comes_from_is_not_where_the_project_is);
	RUN(place_right_after_the_name_wins_over_a_dateline);
	RUN(the_agent_of_a_passive_verb_is_not_a_project);
	RUN(chinese_name_running_into_a_later_project_word_is_one_name);
	RUN(a_total_of_two_named_projects_is_neither_ones_amount);
	RUN(amount_after_a_name_is_not_the_next_names);
	RUN(a_park_as_the_site_is_not_the_project);
	RUN(chinese_aliases_of_one_project_merge);
	RUN(tranches_orders_and_counted_totals_are_not_a_projects_amount);
	RUN(ranks_and_superlatives_are_titles);
	RUN(hostile_input_is_safe);
	CHECK_DONE();
}
