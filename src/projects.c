/* projects.c: step 2 of extraction (see extract_internal.h): finds the investment projects a
 * document reports, in English and Chinese, and for each one its name (a span of the text), the
 * company the text attaches, its region, chains, own investment amount, stage and event date,
 * and the sentence it was read from. Also emits the amount, company, project and date mentions
 * the browser highlights.
 * Owns: sentence splitting, project candidate spans around project words, batch/generic
 * rejection, amount-to-project attachment, stage verbs, in-document merging of repeats.
 * Must not: match region or chain names itself (it reads the mentions step 1 left in out),
 * parse amount forms (amount.c), touch SQLite or files, or do more than bounded work per
 * sentence (extraction must stay a small share of indexing time). */
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "extract_internal.h"
#include "fold.h"
#include "meta.h"
#include "util.h"

#define MAX_SENTENCE 1500       /* bytes; longer runs are cut so per-sentence work is bounded */
#define MAX_EN_NAME_WORDS 10
#define MAX_ZH_NAME_CHARS 26
#define MAX_PROJECTS 200        /* per document: beyond this the text is a list, not news */

/* ---------------------------------------------------------------- small text helpers */

/* A literal with its length, for the word lists scanned in the innermost loops. */
struct lit {
	const char *s;
	size_t n;
};
#define L(str) {str, sizeof(str) - 1}

static int is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

static int starts_with(const char *s, size_t n, const char *lit)
{
	if (n == 0 || s[0] != lit[0])
		return 0;       /* most calls fail here, before strlen */
	size_t k = strlen(lit);
	return k <= n && memcmp(s, lit, k) == 0;
}

/* Does the text end with lit at position p (lit occupies [p-k, p))? */
static int ends_with_at(const char *t, size_t lo, size_t p, const char *lit)
{
	if (p <= lo)
		return 0;
	size_t k = strlen(lit);
	if (t[p - 1] != lit[k - 1])
		return 0;
	return p >= lo + k && memcmp(t + p - k, lit, k) == 0;
}

/* ASCII case-insensitive equality of t[0..k) with a lowercase word. */
static int word_is(const char *t, size_t k, const char *lower)
{
	if (k == 0 || ((unsigned char)t[0] | (is_upper((unsigned char)t[0]) ? 0x20 : 0)) !=
			      (unsigned char)lower[0])
		return 0;
	size_t m = strlen(lower);
	if (m != k)
		return 0;
	for (size_t i = 0; i < k; i++) {
		unsigned char c = (unsigned char)t[i];
		if (is_upper(c))
			c |= 0x20;
		if (c != (unsigned char)lower[i])
			return 0;
	}
	return 1;
}

static int word_in(const char *t, size_t k, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (word_is(t, k, list[i]))
			return 1;
	return 0;
}

/* Case-insensitive search for a lowercase phrase in t[lo..hi) at a word start. */
static int contains_phrase(const char *t, size_t lo, size_t hi, const char *lower)
{
	size_t k = strlen(lower);
	for (size_t p = lo; p + k <= hi; p++) {
		if (((unsigned char)t[p] | 0x20) != (unsigned char)lower[0] ||
		    (p > lo && is_alnum((unsigned char)t[p - 1])))
			continue;
		if (!word_is(t + p, k, lower))
			continue;
		if (p + k < hi && is_alpha((unsigned char)t[p + k]) && is_alpha((unsigned char)lower[k - 1]))
			continue;
		return 1;
	}
	return 0;
}

static int contains_bytes(const char *t, size_t lo, size_t hi, const char *lit)
{
	size_t k = strlen(lit);
	const char *p = t + lo, *end = t + hi;
	while (p + k <= end) {
		p = memchr(p, lit[0], (size_t)(end - p) - k + 1);
		if (!p)
			return 0;
		if (memcmp(p, lit, k) == 0)
			return 1;
		p++;
	}
	return 0;
}

/* Length of the UTF-8 character ending at p (p > lo). */
static size_t char_before(const char *t, size_t lo, size_t p)
{
	size_t q = p - 1;
	while (q > lo && ((unsigned char)t[q] & 0xC0) == 0x80 && p - q < 4)
		q--;
	return p - q;
}

static uint32_t cp_at(const char *t, size_t n, size_t p, int *len)
{
	uint32_t cp;
	*len = utf8_decode((const unsigned char *)t + p, n - p, &cp);
	return cp;
}

static int is_cjk_at(const char *t, size_t n, size_t p)
{
	int len;
	return p < n && is_cjk_ideograph(cp_at(t, n, p, &len));
}

/* ---------------------------------------------------------------- regions */

static int is_code(const char *id)
{
	for (int i = 0; i < 6; i++)
		if (!is_digit((unsigned char)id[i]))
			return 0;
	return id[6] == 0;
}

/* 1 province, 2 prefecture, 3 county, from the GB/T 2260 code itself. */
static int code_level(const char *code)
{
	if (strcmp(code + 2, "0000") == 0)
		return 1;
	if (strcmp(code + 4, "00") == 0)
		return 2;
	return 3;
}

/* Is child the same as, or inside, parent (both 6-digit codes)? */
static int code_within(const char *child, const char *parent)
{
	int lp = code_level(parent);
	if (lp == 1)
		return memcmp(child, parent, 2) == 0;
	if (lp == 2)
		return memcmp(child, parent, 4) == 0;
	return strcmp(child, parent) == 0;
}

/* The division a region mention stands for: its own code, or for a zone or town the code of
 * the division it belongs to; "" for macro-regions. */
static void division_of(const struct extractor *ex, const char *id, char out[EXTRACT_ID_MAX])
{
	char cur[EXTRACT_ID_MAX];
	snprintf(cur, sizeof cur, "%s", id);
	for (int depth = 0; depth < 6; depth++) {
		if (is_code(cur)) {
			memcpy(out, cur, 7);
			return;
		}
		const struct region_info *ri = ex ? extractor_find_region(ex, cur) : NULL;
		if (!ri || !ri->parent_id || !ri->parent_id[0] || ri->level == 0)
			break;
		snprintf(cur, sizeof cur, "%s", ri->parent_id);
	}
	out[0] = 0;
}

struct place {
	uint32_t start, end;
	char code[7];           /* the division, "" when the mention is not one */
	int count;              /* mentions of that division in the document */
	int province_count;     /* mentions of any division in its province */
};

struct chain_hit {
	uint32_t start, end;
	char id[EXTRACT_ID_MAX];
};

/* Index of the first element with start >= pos (arrays sorted by start). */
static size_t first_place_from(const struct place *a, size_t n, uint32_t pos)
{
	return lower_bound_u32(a, n, sizeof *a, offsetof(struct place, start), pos);
}

static size_t first_chain_from(const struct chain_hit *a, size_t n, uint32_t pos)
{
	return lower_bound_u32(a, n, sizeof *a, offsetof(struct chain_hit, start), pos);
}

/* The most specific division among the place mentions in [lo, hi) that is consistent with
 * (inside) `within` when that is set; ties go to the mention nearest to `near`. A division in
 * another province than the document's focus counts only when the document names it often:
 * a company named after a far-away place ("Hefeng Amphibious Aircraft") is not a location. */
static const char *best_place(const struct place *pl, size_t np, uint32_t lo, uint32_t hi,
			      const char *within, uint32_t near, const char *focus)
{
	const char *best = NULL;
	int best_level = 0;
	uint32_t best_dist = 0;
	for (size_t i = first_place_from(pl, np, lo); i < np && pl[i].start < hi; i++) {
		if (!pl[i].code[0] || pl[i].end > hi)
			continue;
		if (within && !code_within(pl[i].code, within))
			continue;
		if (focus && focus[0] && memcmp(focus, pl[i].code, 2) != 0 &&
		    pl[i].province_count < 3)
			continue;
		int lv = code_level(pl[i].code);
		uint32_t d = pl[i].start > near ? pl[i].start - near : near - pl[i].start;
		if (!best || lv > best_level || (lv == best_level && d < best_dist)) {
			best = pl[i].code;
			best_level = lv;
			best_dist = d;
		}
	}
	return best;
}

/* The division the whole document is about: the most mentioned one (the headline counts
 * double), then, while a division inside it is named at least twice, that one. */
static void document_focus(const struct place *pl, size_t np, uint32_t title_end, char out[7],
			   int *score)
{
	out[0] = 0;
	*score = 0;
	if (np == 0)
		return;
	/* count per distinct code; documents name few distinct places, so O(k^2) on distinct */
	struct tally { char code[7]; int score; } t[64];
	size_t nt = 0;
	for (size_t i = 0; i < np; i++) {
		if (!pl[i].code[0] || pl[i].end - pl[i].start <= 3)
			continue;       /* 京 of 京津冀 says little about what the text is about */
		size_t j = 0;
		while (j < nt && strcmp(t[j].code, pl[i].code) != 0)
			j++;
		if (j == nt) {
			if (nt == ARRAY_LEN(t))
				continue;
			memcpy(t[nt].code, pl[i].code, 7);
			t[nt].score = 0;
			nt++;
		}
		t[j].score += pl[i].start < title_end ? 2 : 1;
	}
	int best = -1;
	for (size_t j = 0; j < nt; j++)
		if (best < 0 || t[j].score > t[best].score ||
		    (t[j].score == t[best].score && code_level(t[j].code) > code_level(t[best].code)))
			best = (int)j;
	if (best < 0)
		return;
	for (int step = 0; step < 3; step++) {
		int child = -1;
		for (size_t j = 0; j < nt; j++) {
			if ((int)j == best || !code_within(t[j].code, t[best].code) ||
			    code_level(t[j].code) <= code_level(t[best].code) || t[j].score < 2)
				continue;
			if (child < 0 || t[j].score > t[child].score)
				child = (int)j;
		}
		if (child < 0)
			break;
		best = child;
	}
	memcpy(out, t[best].code, 7);
	*score = t[best].score;
}

/* ---------------------------------------------------------------- sentences */

struct span {
	uint32_t start, end;
};

static const char *const en_abbreviations[] = {
	"co", "ltd", "inc", "corp", "no", "mr", "mrs", "ms", "dr", "st", "vs", "jan", "feb", "mar",
	"apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "e.g", "i.e", "approx",
	"sq", "ft", "m", "km", "etc",
};

/* Is the '.' at p the end of a sentence (not a decimal point or an abbreviation)? */
static int period_ends_sentence(const char *t, size_t n, size_t lo, size_t p)
{
	if (p + 1 < n && is_digit((unsigned char)t[p + 1]))
		return 0;
	if (p + 1 < n && t[p + 1] != ' ' && t[p + 1] != '\n' && !((unsigned char)t[p + 1] & 0x80) &&
	    !(is_upper((unsigned char)t[p + 1]) && p > lo && t[p - 1] >= 'a' && t[p - 1] <= 'z'))
		return 0;       /* "city.Focus": machine-joined sentences still end */
	size_t w = p;
	while (w > lo && (is_alpha((unsigned char)t[w - 1]) || t[w - 1] == '.'))
		w--;
	if (p - w <= 5 && word_in(t + w, p - w, en_abbreviations, ARRAY_LEN(en_abbreviations)))
		return 0;
	if (p - w == 1 && is_upper((unsigned char)t[w]))
		return 0;       /* an initial: "J. Smith" */
	return 1;
}

/* Splits text into sentences at line ends and sentence punctuation, cutting runs longer than
 * MAX_SENTENCE at the next space or character boundary. */
static struct span *split_sentences(const char *t, size_t n, size_t *count)
{
	size_t cap = 64, k = 0;
	struct span *s = xmalloc(cap * sizeof *s);
	size_t start = 0, p = 0;
	while (p <= n) {
		size_t cut = 0;     /* bytes of the terminator, or a forced cut */
		int end_here = 0;
		if (p == n) {
			end_here = 1;
		} else {
			unsigned char c = (unsigned char)t[p];
			if (c == '\n' || c == '!' || c == '?' || c == ';') {
				end_here = 1;
				cut = 1;
			} else if (c == '.' && period_ends_sentence(t, n, start, p)) {
				end_here = 1;
				cut = 1;
			} else if (c == 0xE3 && p + 2 < n && (unsigned char)t[p + 1] == 0x80 &&
				   (unsigned char)t[p + 2] == 0x82) {
				end_here = 1;   /* 。 */
				cut = 3;
			} else if (c == 0xEF && p + 2 < n && (unsigned char)t[p + 1] == 0xBC &&
				   ((unsigned char)t[p + 2] == 0x81 || (unsigned char)t[p + 2] == 0x9F ||
				    (unsigned char)t[p + 2] == 0x9B)) {
				end_here = 1;   /* ！？； */
				cut = 3;
			} else if (p - start >= MAX_SENTENCE && (c == ' ' || (c & 0xC0) != 0x80)) {
				end_here = 1;
			}
		}
		if (end_here) {
			size_t e = p + cut;
			if (e > n)
				e = n;
			int blank = 1;
			for (size_t q = start; q < e && blank; q++)
				blank = t[q] == ' ' || t[q] == '\n';
			if (e > start && !blank) {
				if (k == cap) {
					cap *= 2;
					s = xrealloc(s, cap * sizeof *s);
				}
				s[k].start = (uint32_t)start;
				s[k].end = (uint32_t)e;
				k++;
			}
			start = e;
			if (p == n)
				break;
			p = e > p ? e : p + 1;
			continue;
		}
		p++;
	}
	*count = k;
	return s;
}

/* ---------------------------------------------------------------- amounts */

enum amount_role { AMOUNT_INVESTMENT, AMOUNT_BATCH, AMOUNT_OTHER };

struct found_amount {
	struct amount_hit hit;
	enum amount_role role;
};

/* Words just before an amount that make it something other than an investment. */
static const char *const zh_not_investment[] = {
	"产值", "销售收入", "营业收入", "营收", "税收", "利税", "收入", "销售额", "注册资本",
	"注册资金", "融资", "增加值", "出口", "进出口", "交易额", "贸易额", "规模", "利润", "市值",
	"基金", "补贴", "奖励", "GDP", "成交", "消费", "年产", "产能", "估值", "纳税", "效益",
};
static const char *const en_not_investment[] = {
	"output", "revenue", "revenues", "sales", "tax", "taxes", "registered capital", "gdp",
	"export", "exports", "turnover", "market", "profit", "profits", "fund", "funds", "subsidy",
	"subsidies", "valuation", "worth of goods", "trade", "income", "financing",
	"raised", "award", "prize", "salary", "loan", "loans", "spending", "budget",
};

/* Plural words that make the amount after them a batch total ("9 projects with a total
 * investment of ..."). */
static const char *const en_batch_words[] = {
	"projects", "deals", "contracts", "agreements", "enterprises", "companies", "plants",
	"bases", "parks", "items", "programs", "programmes", "factories", "facilities",
	"cumulative", "cumulatively", "accumulated",
};

/* Position just after the last occurrence of any of the words in [from, p), or 0. */
static size_t last_of(const char *t, size_t from, size_t p, const char *const *words, size_t count,
		      int latin)
{
	size_t best = 0;
	for (size_t m = 0; m < count; m++) {
		size_t k = strlen(words[m]);
		for (size_t q = from; q + k <= p; q++) {
			if ((latin ? ((unsigned char)t[q] | 0x20) : (unsigned char)t[q]) !=
			    (unsigned char)words[m][0])
				continue;
			if (latin ? !word_is(t + q, k, words[m]) : memcmp(t + q, words[m], k) != 0)
				continue;
			if (latin && ((q > from && is_alpha((unsigned char)t[q - 1])) ||
				      (q + k < p && is_alpha((unsigned char)t[q + k]))))
				continue;
			if (q + k > best)
				best = q + k;
		}
	}
	return best;
}

/* "N projects ..., including (the) X with ... of Y": after an enumerator the amount is the
 * item's own again. */
static const char *const enumerators[] = {"包括", "其中", "including", "such as", "namely",
					  "among", "in which", "of which", "among those projects",
					  "among these projects", "among the projects", "one of the projects"};

static int zh_batch_before(const char *t, size_t lo, size_t p)
{
	/* "16个重点项目, 总投资...", "项目159个", "一批项目", "等项目" */
	size_t from = p > lo + 60 ? p - 60 : lo;
	static const char *const marks[] = {
		"个项目", "个重点项目", "个重大项目", "个产业项目", "批项目", "批重大项目", "等项目",
		"个重点", "个重大", "个签约", "个开工", "个集中", "多个", "项目共", "一批",
		"个项目", "余个", "家企业", "个产业", "累计", "合计", "两大", "三大", "四大",
		"五大", "几大",
	};
	size_t batch = last_of(t, from, p, marks, ARRAY_LEN(marks), 0);
	/* "项目超600个, 投资总额...": projects counted after the word (not 个月, not 第5个) make
	 * the total a batch total */
	for (size_t q = from + 1; q + 3 <= p; q++) {
		if (!is_digit((unsigned char)t[q - 1]) || memcmp(t + q, "个", 3) != 0)
			continue;
		if (q + 6 <= p && (memcmp(t + q + 3, "月", 3) == 0 || memcmp(t + q + 3, "百", 3) == 0 ||
				   memcmp(t + q + 3, "工", 3) == 0 || memcmp(t + q + 3, "小", 3) == 0))
			continue;
		size_t a = q - 1;
		while (a > from && is_digit((unsigned char)t[a - 1]))
			a--;
		if (ends_with_at(t, from, a, "第") ||
		    !contains_bytes(t, a > from + 12 ? a - 12 : from, a, "项目"))
			continue;
		if (q + 3 > batch)
			batch = q + 3;
	}
	return batch && batch > last_of(t, from, p, enumerators, ARRAY_LEN(enumerators), 0);
}

static int cjk_numeral_at(const char *t, size_t hi, size_t q, size_t *len);

/* "总投资近百亿元的16个重点项目": the amount qualifies a count of projects that follows it. */
static int zh_count_follows(const char *t, size_t p, size_t hi)
{
	if (!starts_with(t + p, hi - p, "的"))
		return 0;
	p += 3;
	size_t q = p, dl;
	while (q < hi && (is_digit((unsigned char)t[q]) || cjk_numeral_at(t, hi, q, &dl)))
		q += is_digit((unsigned char)t[q]) ? 1 : 3;
	return q > p && (starts_with(t + q, hi - q, "个") || starts_with(t + q, hi - q, "项") ||
			 starts_with(t + q, hi - q, "批") || starts_with(t + q, hi - q, "大"));
}

static int en_batch_before(const char *t, size_t lo, size_t p)
{
	size_t from = p > lo + 250 ? p - 250 : lo;
	static const char *const singular[] = {"project", "plant", "factory", "base", "park",
					       "centre", "center", "institute", "laboratory"};
	size_t batch = last_of(t, from, p, en_batch_words, ARRAY_LEN(en_batch_words), 1);
	/* "..., including the X project with ...", "... and signed a single project of ..." */
	return batch && batch > last_of(t, from, p, enumerators, ARRAY_LEN(enumerators), 1) &&
	       batch > last_of(t, from, p, singular, ARRAY_LEN(singular), 1);
}

static int not_investment_before(const char *t, size_t lo, size_t p)
{
	static const char *const zh_invest[] = {"投资", "投入", "总投"};
	static const char *const en_invest[] = {"invest", "invested", "invests", "investment",
						"investing", "cost", "costs"};
	size_t from = p > lo + 24 ? p - 24 : lo;
	size_t other = last_of(t, from, p, zh_not_investment, ARRAY_LEN(zh_not_investment), 0);
	if (other && other > last_of(t, from, p, zh_invest, ARRAY_LEN(zh_invest), 0))
		return 1;
	/* "2018年计划投资5亿元" is one year's tranche, "累计完成投资3亿元" progress so far: neither
	 * is what the project costs */
	static const char *const zh_partial[] = {"年计划投资", "年度计划投资", "年度投资",
						 "完成投资", "完成固定资产投资", "年计划完成投资"};
	size_t partial = last_of(t, from, p, zh_partial, ARRAY_LEN(zh_partial), 0);
	if (partial && partial + 6 >= p)
		return 1;
	from = p > lo + 32 ? p - 32 : lo;
	other = last_of(t, from, p, en_not_investment, ARRAY_LEN(en_not_investment), 1);
	return other && other > last_of(t, from, p, en_invest, ARRAY_LEN(en_invest), 1);
}

/* "将实现100亿元年产值", "10 billion yuan in annual output": the word after the amount says
 * it measures output, sales or trade, not an investment. */
static int not_investment_after(const char *t, size_t p, size_t hi)
{
	static const char *const zh[] = {"年产值", "产值", "的年产值", "年销售", "销售额",
					 "销售收入", "营收", "年营收", "营业收入", "年营业收入",
					 "进出口", "年进出口", "出口额", "税收", "年税收", "利税",
					 "年利税", "的产值", "的销售", "的营收", "增加值"};
	static const char *const en[] = {"in output", "of output", "in annual output",
					 "of annual output", "in output value", "output value",
					 "in sales", "in annual sales", "of annual sales",
					 "in revenue", "in annual revenue", "of annual revenue",
					 "in revenues", "in exports", "in trade", "in tax",
					 "in taxes"};
	while (p < hi && t[p] == ' ')
		p++;
	for (size_t i = 0; i < ARRAY_LEN(zh); i++)
		if (starts_with(t + p, hi - p, zh[i]))
			return 1;
	/* "1300万元算力使用订单": orders and purchases a few characters on */
	size_t near_end = p + 24 < hi ? p + 24 : hi;
	if (contains_bytes(t, p, near_end, "订单") || contains_bytes(t, p, near_end, "采购"))
		return 1;
	for (size_t i = 0; i < ARRAY_LEN(en); i++) {
		size_t k = strlen(en[i]);
		if (p + k <= hi && word_is(t + p, k, en[i]) &&
		    (p + k == hi || !is_alpha((unsigned char)t[p + k])))
			return 1;
	}
	return 0;
}

/* ---------------------------------------------------------------- stages */

struct stage_word {
	const char *text;
	enum project_status status;
};

static const struct stage_word en_stages[] = {
	{"put into operation", STATUS_OPERATIONAL}, {"put into production", STATUS_OPERATIONAL},
	{"into operation", STATUS_OPERATIONAL}, {"into production", STATUS_OPERATIONAL},
	{"began operation", STATUS_OPERATIONAL}, {"began production", STATUS_OPERATIONAL},
	{"started production", STATUS_OPERATIONAL}, {"in operation", STATUS_OPERATIONAL},
	{"operational", STATUS_OPERATIONAL}, {"producing", STATUS_OPERATIONAL},
	{"commissioned", STATUS_OPERATIONAL}, {"mass production", STATUS_OPERATIONAL},
	{"operating", STATUS_OPERATIONAL},
	{"completed", STATUS_COMPLETED}, {"completion", STATUS_COMPLETED},
	{"topped out", STATUS_COMPLETED}, {"finished construction", STATUS_COMPLETED},
	{"broke ground", STATUS_STARTED}, {"groundbreaking", STATUS_STARTED},
	{"ground-breaking", STATUS_STARTED}, {"under construction", STATUS_STARTED},
	{"started construction", STATUS_STARTED}, {"began construction", STATUS_STARTED},
	{"construction began", STATUS_STARTED}, {"construction started", STATUS_STARTED},
	{"commenced", STATUS_STARTED}, {"kicked off", STATUS_STARTED},
	{"foundation laying", STATUS_STARTED}, {"laid the foundation", STATUS_STARTED},
	{"started", STATUS_STARTED}, {"launched", STATUS_STARTED}, {"foundation stone", STATUS_STARTED},
	{"unveiled", STATUS_UNVEILED}, {"unveiling", STATUS_UNVEILED},
	{"inaugurated", STATUS_UNVEILED}, {"inauguration", STATUS_UNVEILED},
	{"plaque", STATUS_UNVEILED}, {"established", STATUS_UNVEILED}, {"set up", STATUS_UNVEILED},
	{"signed", STATUS_SIGNED}, {"signing", STATUS_SIGNED}, {"contract", STATUS_SIGNED},
	{"agreement", STATUS_SIGNED}, {"settled", STATUS_SIGNED}, {"inked", STATUS_SIGNED},
	{"landed", STATUS_SIGNED},
	{"plans to", STATUS_PLANNED}, {"plan to", STATUS_PLANNED}, {"planned", STATUS_PLANNED},
	{"will be built", STATUS_PLANNED}, {"to be built", STATUS_PLANNED},
	{"proposed", STATUS_PLANNED}, {"expected to", STATUS_PLANNED}, {"will", STATUS_PLANNED},
	{"to build", STATUS_PLANNED},
};

static const struct stage_word zh_stages[] = {
	{"投产", STATUS_OPERATIONAL}, {"投入运营", STATUS_OPERATIONAL},
	{"投入使用", STATUS_OPERATIONAL}, {"投入生产", STATUS_OPERATIONAL},
	{"启用", STATUS_OPERATIONAL}, {"投用", STATUS_OPERATIONAL}, {"量产", STATUS_OPERATIONAL},
	{"运营", STATUS_OPERATIONAL}, {"达产", STATUS_OPERATIONAL}, {"试生产", STATUS_OPERATIONAL},
	{"竣工", STATUS_COMPLETED}, {"建成", STATUS_COMPLETED}, {"完工", STATUS_COMPLETED},
	{"封顶", STATUS_COMPLETED},
	{"开工", STATUS_STARTED}, {"动工", STATUS_STARTED}, {"奠基", STATUS_STARTED},
	{"开建", STATUS_STARTED}, {"在建", STATUS_STARTED}, {"破土", STATUS_STARTED},
	{"施工", STATUS_STARTED},
	{"揭牌", STATUS_UNVEILED}, {"揭幕", STATUS_UNVEILED}, {"挂牌", STATUS_UNVEILED},
	{"成立", STATUS_UNVEILED}, {"启动", STATUS_UNVEILED},
	{"签约", STATUS_SIGNED}, {"签署", STATUS_SIGNED}, {"签订", STATUS_SIGNED},
	{"落户", STATUS_SIGNED}, {"落地", STATUS_SIGNED}, {"入驻", STATUS_SIGNED},
	{"引进", STATUS_SIGNED},
	{"计划", STATUS_PLANNED}, {"拟", STATUS_PLANNED}, {"规划", STATUS_PLANNED},
	{"筹建", STATUS_PLANNED}, {"即将", STATUS_PLANNED},
};

/* Words right before a stage verb that move it into the future ("will be completed", 建成后). */
static const char *const en_future[] = {
	"will", "would", "to be", "to", "expected to", "plans to", "plan to", "is set to",
	"scheduled to", "aims to", "strive to", "will be", "should", "after", "once",
};
static const char *const zh_future[] = {
	"将", "拟", "计划", "预计", "力争", "争取", "即将", "有望", "确保", "待", "后",
};

static int en_future_before(const char *t, size_t lo, size_t p)
{
	size_t from = p > lo + 16 ? p - 16 : lo;
	for (size_t i = 0; i < ARRAY_LEN(en_future); i++)
		if (contains_phrase(t, from, p, en_future[i]))
			return 1;
	return 0;
}

static int zh_future_around(const char *t, size_t lo, size_t p, size_t e, size_t hi)
{
	size_t from = p > lo + 9 ? p - 9 : lo;
	for (size_t i = 0; i < ARRAY_LEN(zh_future); i++)
		if (strcmp(zh_future[i], "后") != 0 && contains_bytes(t, from, p, zh_future[i]))
			return 1;
	return e + 3 <= hi && (starts_with(t + e, hi - e, "后") || starts_with(t + e, hi - e, "时"));
}

/* The furthest stage the text [lo, hi) reports. One pass: English phrases are tried at word
 * starts only, Chinese ones at characters whose first two bytes match. */
static enum project_status stage_in(const char *t, size_t lo, size_t hi)
{
	enum project_status best = STATUS_UNKNOWN;
	for (size_t p = lo; p < hi; p++) {
		unsigned char c = (unsigned char)t[p];
		if (is_alpha(c)) {
			if (p > lo && is_alnum((unsigned char)t[p - 1]))
				continue;
			unsigned char lc = c | 0x20;
			for (size_t i = 0; i < ARRAY_LEN(en_stages); i++) {
				const char *w = en_stages[i].text;
				if ((unsigned char)w[0] != lc)
					continue;
				size_t k = strlen(w);
				if (p + k > hi || !word_is(t + p, k, w) ||
				    (p + k < hi && is_alpha((unsigned char)t[p + k])))
					continue;
				enum project_status st = en_stages[i].status;
				if (st > STATUS_PLANNED && en_future_before(t, lo, p))
					st = STATUS_PLANNED;
				if (st > best)
					best = st;
			}
		} else if (c >= 0xE4 && c <= 0xE9 && p + 3 <= hi) {
			for (size_t i = 0; i < ARRAY_LEN(zh_stages); i++) {
				const char *w = zh_stages[i].text;
				if (w[0] != t[p] || w[1] != t[p + 1])
					continue;
				size_t k = strlen(w);
				if (p + k > hi || memcmp(t + p, w, k) != 0)
					continue;
				enum project_status st = zh_stages[i].status;
				if (st > STATUS_PLANNED && zh_future_around(t, lo, p, p + k, hi))
					st = STATUS_PLANNED;
				if (st > best)
					best = st;
			}
			p += 2;
		}
	}
	return best;
}

/* ---------------------------------------------------------------- dates */

static const char *const month_names[] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december",
};

static int days_in(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

/* Reads digits (at most 4) at t[p]; returns count. */
static size_t read_int(const char *t, size_t n, size_t p, int *v)
{
	size_t i = 0;
	*v = 0;
	while (p + i < n && i < 4 && is_digit((unsigned char)t[p + i])) {
		*v = *v * 10 + (t[p + i] - '0');
		i++;
	}
	if (p + i < n && is_digit((unsigned char)t[p + i]))
		return 0;
	return i;
}

/* A month and day without a year take the publication year when that places the event at
 * most ~4 months before publication (news reports recent events); otherwise the year is not
 * certain and no date is given. */
static int resolve_year(int m, int d, const char *pub_date)
{
	if (!pub_date || strlen(pub_date) != 10)
		return 0;
	int py = atoi(pub_date), pm = atoi(pub_date + 5), pd = atoi(pub_date + 8);
	if (py < 1900 || pm < 1 || pm > 12)
		return 0;
	int event = m * 31 + d, pub = pm * 31 + pd;
	if (event <= pub && pub - event <= 4 * 31)
		return py;
	return 0;
}

/* The first event date in t[lo, hi): full dates as meta.c reads them, "March 3" or
 * "11月19日" resolved with the publication year when certain. */
static int event_date_in(const char *t, size_t lo, size_t hi, const char *pub_date,
			 char out[11], struct span *where)
{
	for (size_t p = lo; p < hi; p++) {
		unsigned char c = (unsigned char)t[p];
		if (p > lo && (is_alnum((unsigned char)t[p - 1])))
			continue;
		if (is_digit(c) || is_alpha(c)) {
			size_t k = parse_date_at(t + p, hi - p, out);
			if (k) {
				where->start = (uint32_t)p;
				where->end = (uint32_t)(p + k);
				return 1;
			}
		}
		int y = 0, m = 0, d = 0;
		size_t e = 0;
		if (is_alpha(c)) {
			for (int mi = 0; mi < 12 && !m; mi++) {
				size_t k = strlen(month_names[mi]);
				if (word_is(t + p, k <= hi - p ? k : hi - p, month_names[mi]) && k <= hi - p &&
				    p + k + 1 < hi && t[p + k] == ' ') {
					size_t dk = read_int(t, hi, p + k + 1, &d);
					if (dk && dk <= 2) {
						m = mi + 1;
						e = p + k + 1 + dk;
					}
				}
			}
		} else if (is_digit(c)) {
			size_t mk = read_int(t, hi, p, &m);
			if (mk && mk <= 2 && starts_with(t + p + mk, hi - p - mk, "月")) {
				size_t dk = read_int(t, hi, p + mk + 3, &d);
				if (dk && dk <= 2 && (starts_with(t + p + mk + 3 + dk, hi - p - mk - 3 - dk, "日") ||
						      starts_with(t + p + mk + 3 + dk, hi - p - mk - 3 - dk, "号")))
					e = p + mk + 3 + dk + 3;
				else
					m = 0;
			} else {
				m = 0;
			}
		}
		if (!m || m > 12 || d < 1 || d > 31)
			continue;
		y = resolve_year(m, d, pub_date);
		if (!y || d > days_in(y, m))
			continue;
		char tmp[40];
		snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
		memcpy(out, tmp, 10);
		out[10] = 0;
		where->start = (uint32_t)p;
		where->end = (uint32_t)e;
		return 1;
	}
	return 0;
}

struct draft {
	struct project p;
	char *key;
	char *long_key;                 /* the longest other key merged into it, or NULL */
	uint32_t company_start, company_end;
	uint32_t date_start, date_end;  /* the event date's text, when there is one */
	int n_spans;
	uint32_t sentences[8];          /* indexes of the sentences it was named in */
	int phase;                      /* the phase its name states, 0 when none */
	int n_sentences;
};

struct doc {
	const struct extractor *ex;
	const char *orig;       /* the text as given: names are copied from it */
	const char *t;          /* the same text folded to simplified characters */
	size_t n;
	const char *pub_date;
	struct place *places;
	size_t n_places;
	struct chain_hit *chains;
	size_t n_chains;
	struct found_amount *amounts;
	size_t n_amounts;
	char focus[7];          /* the division the document is about, "" when none */
	int focus_score;        /* its mentions (the top of the text counts double) */
	struct draft *drafts;
	size_t n_drafts, cap_drafts;
	signed char *stages;    /* per sentence: its stage, -1 until read */
	struct mention *spans;  /* MENTION_PROJECT spans, id filled at the end */
	size_t n_spans, cap_spans;
	size_t *span_draft;
};

/* Index of the first amount starting at or after pos (amounts are in text order). */
static size_t first_amount_from(const struct doc *d, uint32_t pos)
{
	size_t a = 0, b = d->n_amounts;
	while (a < b) {
		size_t mid = (a + b) / 2;
		if (d->amounts[mid].hit.amount.start < pos)
			a = mid + 1;
		else
			b = mid;
	}
	return a;
}

/* Is t[p] the start of a non-batch, non-vague investment amount within `within` bytes of
 * `from`? Sets *end to the amount's end. */
static int investment_amount_near(const struct doc *d, uint32_t from, uint32_t within,
				  uint32_t *end)
{
	for (size_t i = first_amount_from(d, from); i < d->n_amounts; i++) {
		const struct amount_hit *h = &d->amounts[i].hit;
		if (h->amount.start - from > within)
			return 0;
		if (d->amounts[i].role == AMOUNT_INVESTMENT && !h->vague) {
			*end = h->amount.end;
			return 1;
		}
		return 0;
	}
	return 0;
}

/* Bytes of [s, e) covered by place mentions: the place in a name does not individuate it. */
static int inside_place(const struct doc *d, size_t pos)
{
	size_t i = first_place_from(d->places, d->n_places, pos > 64 ? (uint32_t)pos - 64 : 0);
	for (; i < d->n_places && d->places[i].start <= pos; i++)
		if (d->places[i].end > pos && d->places[i].code[0])
			return 1;
	return 0;
}

/* ---------------------------------------------------------------- candidates */

struct candidate {
	uint32_t start, end;        /* the name */
	uint32_t company_end;       /* > start when a possessive company leads the name */
	uint32_t company_start;
	int strong;                 /* the name itself says project/项目/工程 */
	int proper;                 /* a Title Case proper name ("Chongqing-Linshui Expressway") */
};

/* English words that end a name when met going left (function words, verbs, counts). */
static const char *const en_stop[] = {
	"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
	"your", "my", "of", "in", "at", "on", "for", "with", "by", "to", "from", "into", "onto",
	"and", "or", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
	"will", "would", "shall", "should", "can", "could", "may", "might", "must", "which", "who",
	"whose", "where", "when", "while", "including", "include", "includes", "included", "such",
	"signed", "sign", "signs", "completed", "complete", "completion", "operation", "build",
	"built", "building", "builds", "start", "started", "starts", "launch", "launched",
	"launches", "total", "investment", "invested", "invest", "invests", "worth", "billion",
	"million", "yuan", "also", "both", "after", "before", "said", "says", "say", "like", "via",
	"per", "than", "about", "over", "under", "between", "among", "across", "through", "during",
	"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
	"several", "many", "various", "all", "each", "every", "any", "some", "no", "not",
	"represented", "representing", "located", "set", "settled", "established", "held",
	"introduced", "attract", "attracted", "attracting", "host", "hosts", "hosted", "home",
	"opened", "open", "unveiled", "inaugurated", "construct", "constructed", "constructing",
	"construction", "develop", "developed", "developing", "promote", "promoted", "promoting",
	"accelerate", "accelerated", "accelerating", "plans", "plan", "planned", "expected",
	"according", "namely", "it", "they", "we", "he", "she", "there", "here", "then", "so",
	"but", "if", "because", "since", "until", "up", "out", "off", "down", "become", "becomes",
	"became", "make", "makes", "made", "take", "takes", "took", "includes", "other", "more",
	"most", "first-ever", "do", "does", "did", "done", "won", "win", "get", "got", "put",
	"signing", "ceremony", "contracts", "contract", "agreement", "agreements", "deal", "deals",
	"landed", "kicked", "broke", "ground", "groundbreaking", "started", "commenced", "entered",
	"joint", "jointly", "new-type", "officially", "formally", "successfully", "recently",
	"currently", "now", "newly", "already", "still", "just", "once", "last", "year", "years",
	"help", "helps", "helping", "enable", "enables", "support", "supports", "allow", "allows",
	"let", "lets", "commercialize", "turn", "turns", "create", "creates", "created",
};

/* Words too general to name a project on their own. */
static const char *const en_generic[] = {
	"new", "major", "key", "big", "large", "important", "relevant", "related", "same",
	"whole", "above", "main", "local", "national", "provincial", "municipal", "first",
	"second", "third", "fourth", "fifth", "phase", "i", "ii", "iii", "iv", "industrial",
	"industry", "industries", "investment", "foreign", "another", "next", "current",
	"existing", "specific", "leading", "top", "quality", "high-quality", "good", "landmark",
	"flagship", "pilot", "level", "funded", "overall", "entire", "own", "one", "such", "said",
	"this", "these", "promotion", "highlight", "attraction", "biggest", "largest", "greatest",
	"supporting", "cooperative", "cooperation", "priority", "signed", "contracted", "first-class",
	"abandoned", "old", "former", "similar", "typical", "famous", "well-known", "initial",
	"further", "additional", "total", "relevant", "provincial-level", "city-level",
	"national-level", "state-level", "intergovernmental", "construction", "project",
	"projects", "single", "biggest-ever", "largest-ever", "record", "people's", "livelihood",
	"start-up", "startup", "latest", "recent", "upcoming", "planned", "proposed", "city's",
	"country's", "province's", "district's", "county's", "region's", "world's", "china's",
	"china", "chinese", "production", "manufacturing", "green", "ecological", "eco",
	"low-carbon", "global", "world-class", "international", "modern", "comprehensive",
	"high", "mass", "massive", "sprawling", "huge", "giant", "gigantic", "vast",
};

/* Words that make a name something other than a project (meetings, bodies, policies). */
static const char *const en_not_project[] = {
	"conference", "forum", "summit", "expo", "exhibition", "fair", "alliance", "association",
	"fund", "committee", "bureau", "commission", "government", "university", "college",
	"academy", "policy", "policies", "plan", "program", "programme", "campaign", "award",
	"office", "department", "ministry", "council", "federation", "chamber", "news", "daily",
	"times", "press", "newspaper", "website", "society", "convention", "media", "management",
	"administrative", "party", "museum", "post", "network",
	"meeting", "congress", "festival", "competition", "contest", "week", "zone", "area",
	"township", "village", "street", "cluster", "clusters", "chain",
};

/* Project words (singular). "line" only in "production line". */
static const char *const en_heads[] = {
	"project", "plant", "factory", "base", "park", "centre", "center", "institute",
	"laboratory", "lab", "headquarters", "hq", "phase", "complex", "railway", "expressway",
	"highway", "bridge", "tunnel", "hub", "campus", "fab", "line",
};

/* Words after a project word that make it a modifier ("project construction", "base station"). */
static const char *const en_modifier_next[] = {
	"construction", "investment", "investments", "signing", "management", "promotion",
	"approval", "approvals", "financing", "funds", "fund", "list", "library", "pool",
	"reserve", "reserves", "bank", "landing", "introduction", "implementation", "progress",
	"planning", "services", "service", "team", "teams", "leader", "leaders", "owner", "owners",
	"area", "areas", "economy", "cluster", "clusters", "contract", "contracts", "agreement",
	"agreements", "company", "companies", "investor", "investors", "station", "stations",
	"committee", "level", "manager", "managers", "operator", "operators", "director",
	"directors", "staff", "workers", "ecosystem", "model", "models", "city", "cities",
	"zone", "zones", "network", "networks", "capacity",
};

struct word {
	uint32_t start, end;
	int joined;             /* separated from the previous word by exactly one space */
};

/* The ASCII words of t[lo, hi), with internal hyphens, apostrophes (’ ‘ ') and dots. */
static size_t en_words(const char *t, size_t lo, size_t hi, struct word *w, size_t cap)
{
	size_t k = 0, p = lo, prev_end = lo;
	while (p < hi && k < cap) {
		if (!is_alnum((unsigned char)t[p])) {
			p++;
			continue;
		}
		size_t s = p;
		while (p < hi) {
			unsigned char c = (unsigned char)t[p];
			if (is_alnum(c)) {
				p++;
			} else if ((c == '-' || c == '\'' || c == '.' || c == '&') && p + 1 < hi &&
				   is_alnum((unsigned char)t[p + 1])) {
				p++;
			} else if (c == ',' && p > s && is_digit((unsigned char)t[p - 1]) && p + 3 < hi &&
				   is_digit((unsigned char)t[p + 1]) && is_digit((unsigned char)t[p + 2]) &&
				   is_digit((unsigned char)t[p + 3])) {
				p++;    /* "300,000-kilowatt" is one word */
			} else if (c == 0xE2 && p + 3 < hi && (unsigned char)t[p + 1] == 0x80 &&
				   ((unsigned char)t[p + 2] == 0x98 || (unsigned char)t[p + 2] == 0x99) &&
				   is_alpha((unsigned char)t[p + 3])) {
				p += 3;         /* ’s ‘s */
			} else {
				break;
			}
		}
		/* "Corp.'s": a possessive split off by the abbreviation's dot belongs to its word */
		if (k > 0 && p - s == 1 && (t[s] == 's' || t[s] == 'S') && s >= prev_end + 1 &&
		    s - prev_end <= 4 && (t[s - 1] == '\'' || (unsigned char)t[s - 1] == 0x99 ||
					  (unsigned char)t[s - 1] == 0x98)) {
			w[k - 1].end = (uint32_t)p;
			prev_end = p;
			continue;
		}
		w[k].start = (uint32_t)s;
		w[k].end = (uint32_t)p;
		/* one space, or one space and a parenthesis: "Yangshouyu (agricultural) photovoltaic" */
		w[k].joined = k > 0 && ((s == prev_end + 1 && t[prev_end] == ' ') ||
					(s == prev_end + 2 && ((t[prev_end] == ' ' && t[prev_end + 1] == '(') ||
							       (t[prev_end] == ')' && t[prev_end + 1] == ' '))));
		prev_end = p;
		k++;
	}
	return k;
}

/* Is the word a possessive ("BYD's", "JA Technology‘s")? Returns the length without it. */
static size_t possessive_stem(const char *t, const struct word *w)
{
	size_t k = w->end - w->start;
	const char *s = t + w->start;
	if (k > 2 && (s[k - 1] == 's' || s[k - 1] == 'S') && s[k - 2] == '\'')
		return k - 2;
	if (k > 4 && (s[k - 1] == 's' || s[k - 1] == 'S') && (unsigned char)s[k - 4] == 0xE2 &&
	    (unsigned char)s[k - 3] == 0x80)
		return k - 4;
	return 0;
}

static int en_is_phase_marker(const char *t, const struct word *w)
{
	static const char *const m[] = {"i", "ii", "iii", "iv", "1", "2", "3", "4", "one", "two",
					"three"};
	return word_in(t + w->start, w->end - w->start, m, ARRAY_LEN(m));
}

/* Words a possessive must not be taken from: "the city's major project" names no company. */
static const char *const en_not_owner[] = {
	"city", "county", "district", "province", "country", "china", "world", "region", "nation",
	"town", "state", "zone", "park", "area", "government", "year", "today", "it", "its",
};

static int word_is_amountish(const char *s, size_t k)
{
	/* "8-billion-yuan", "billion-yuan", "100m" */
	/* "10b", "35m", "2bn": digits and a scale letter */
	size_t d = 0;
	while (d < k && (is_digit((unsigned char)s[d]) || s[d] == '.'))
		d++;
	if (d > 0 && d < k && (word_is(s + d, k - d, "b") || word_is(s + d, k - d, "bn") ||
			       word_is(s + d, k - d, "m") || word_is(s + d, k - d, "mn") ||
			       word_is(s + d, k - d, "k")))
		return 1;
	static const char *const parts[] = {"billion", "million", "trillion", "yuan"};
	for (size_t m = 0; m < ARRAY_LEN(parts); m++) {
		size_t l = strlen(parts[m]);
		for (size_t i = 0; i + l <= k; i++)
			if (word_is(s + i, l, parts[m]))
				return 1;
	}
	return 0;
}

static int word_is_number(const char *s, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (!is_digit((unsigned char)s[i]) && s[i] != '.' && s[i] != ',')
			return 0;
	return 1;
}

/* Does the name-like word w count towards naming a project (not a stop, generic or head
 * word, not a bare number)? */
static int en_word_specific(const char *t, const struct word *w)
{
	const char *s = t + w->start;
	size_t k = w->end - w->start;
	size_t stem = possessive_stem(t, w);
	if (stem)
		k = stem;
	return !word_in(s, k, en_stop, ARRAY_LEN(en_stop)) &&
	       !word_in(s, k, en_generic, ARRAY_LEN(en_generic)) &&
	       !word_in(s, k, en_heads, ARRAY_LEN(en_heads)) && !word_is_number(s, k) &&
	       !word_is_amountish(s, k);
}

/* Builds the English candidate whose project word is w[h]; returns 0 when there is none. */
/* "Shanghai's role as an international financial center", "serves as a regional hub": what
 * a place or body is taken as is a designation, not an undertaking; "the gathering of AI
 * headquarters" is a collective. Looks at the few words before the name's first word. */
static int en_designation_before(const char *t, const struct word *w, size_t first)
{
	static const char *const roles[] = {"role", "roles", "status", "position", "positioning",
					    "reputation", "standing", "title", "identity", "serve",
					    "serves", "serving", "served", "act", "acts", "acting",
					    "designated", "recognized", "recognised"};
	static const char *const fillers[] = {"a", "an", "the", "one", "of"};
	/* "the gathering of AI headquarters": a collective, not one undertaking */
	static const char *const collectives[] = {"gathering", "agglomeration", "concentration",
						  "number", "batch", "series", "group", "lots"};
	if (first > 1 && word_is(t + w[first - 1].start, w[first - 1].end - w[first - 1].start, "of") &&
	    word_in(t + w[first - 2].start, w[first - 2].end - w[first - 2].start, collectives,
		    ARRAY_LEN(collectives)))
		return 1;
	size_t q = first;
	for (int skip = 0; q > 0 && skip < 3; skip++, q--)
		if (!word_in(t + w[q - 1].start, w[q - 1].end - w[q - 1].start, fillers,
			     ARRAY_LEN(fillers)))
			break;
	if (q < 1 || !word_is(t + w[q - 1].start, w[q - 1].end - w[q - 1].start, "as"))
		return 0;
	/* "..., as the largest photovoltaic glass base of the group": a superlative after "as"
	 * ranks something already named */
	static const char *const superlatives[] = {"largest", "biggest", "first", "leading",
						   "most", "best", "top", "only", "sole"};
	if (word_in(t + w[first].start, w[first].end - w[first].start, superlatives,
		    ARRAY_LEN(superlatives)))
		return 1;
	return q > 1 &&
	       word_in(t + w[q - 2].start, w[q - 2].end - w[q - 2].start, roles, ARRAY_LEN(roles));
}

/* Is the name starting at word `first` introduced as a location ("in the", "located in",
 * "at")? */
static int site_before(const char *t, const struct word *w, size_t first)
{
	size_t q = first;
	if (q > 0 && word_is(t + w[q - 1].start, w[q - 1].end - w[q - 1].start, "the"))
		q--;
	if (q == 0)
		return 0;
	const char *v = t + w[q - 1].start;
	size_t vk = w[q - 1].end - w[q - 1].start;
	return word_is(v, vk, "in") || word_is(v, vk, "at") || word_is(v, vk, "inside") ||
	       word_is(v, vk, "within");
}

/* Is the name starting at word `first` the agent of a passive verb ("undertaken by the ...",
 * "jointly established by X's Key Laboratory")? */
static int passive_agent(const char *t, const struct word *w, size_t first)
{
	size_t q = first;
	if (q > 0 && (word_is(t + w[q - 1].start, w[q - 1].end - w[q - 1].start, "the") ||
		      word_is(t + w[q - 1].start, w[q - 1].end - w[q - 1].start, "a") ||
		      word_is(t + w[q - 1].start, w[q - 1].end - w[q - 1].start, "an")))
		q--;
	if (q < 2 || !word_is(t + w[q - 1].start, w[q - 1].end - w[q - 1].start, "by"))
		return 0;
	const char *v = t + w[q - 2].start;
	size_t vk = w[q - 2].end - w[q - 2].start;
	/* "projects represented by the X park": an example of a list, not an agent */
	static const char *const exemplars[] = {"represented", "exemplified", "typified", "headed",
						"followed", "led", "joined", "accompanied"};
	if (word_in(v, vk, exemplars, ARRAY_LEN(exemplars)))
		return 0;
	return (vk > 3 && ends_with_at(v, 0, vk, "ed")) ||
	       (vk > 3 && ends_with_at(v, 0, vk, "en")) ||      /* undertaken, chosen */
	       word_is(v, vk, "built") || word_is(v, vk, "run") || word_is(v, vk, "set");
}

static int en_candidate(const struct doc *d, const struct word *w, size_t nw, size_t h,
			struct candidate *c)
{
	const char *t = d->t;
	const char *hw = t + w[h].start;
	size_t hk = w[h].end - w[h].start;
	/* the initials of the project words: most words are rejected here */
	if (hk < 2 || hk > 12 || !strchr("pfbcilhret", (unsigned char)hw[0] | 0x20) ||
	    !word_in(hw, hk, en_heads, ARRAY_LEN(en_heads)))
		return 0;
	if ((word_is(hw, hk, "hub") || word_is(hw, hk, "complex") || word_is(hw, hk, "campus")) &&
	    !is_upper((unsigned char)hw[0]))
		return 0;       /* "a global hub", "the complex": only as part of a proper name */
	int is_line = word_is(hw, hk, "line");
	if (is_line && !(h > 0 && w[h].joined && word_is(t + w[h - 1].start,
							      w[h - 1].end - w[h - 1].start, "production")))
		return 0;
	if (word_is(hw, hk, "base") && h > 0 && w[h].joined &&
	    word_is(t + w[h - 1].start, w[h - 1].end - w[h - 1].start, "5g"))
		return 0;
	if (h + 1 < nw && w[h + 1].joined &&
	    word_in(t + w[h + 1].start, w[h + 1].end - w[h + 1].start, en_modifier_next,
		    ARRAY_LEN(en_modifier_next)))
		return 0;
	/* "the park's": the head is itself a possessive of something else */
	if (possessive_stem(t, &w[h]))
		return 0;

	/* left: name-like words back to a stop word, a break or another project */
	size_t first = h;
	size_t company_last = SIZE_MAX;
	while (first > 0 && h - first < MAX_EN_NAME_WORDS && w[first].joined) {
		const struct word *pw = &w[first - 1];
		const char *ps = t + pw->start;
		size_t pk = pw->end - pw->start;
		if (word_is(ps, pk, "and") && first >= 2 && w[first - 1].joined &&
		    en_word_specific(t, &w[first - 2]) &&
		    is_upper((unsigned char)t[w[first - 2].start]) ==
			    is_upper((unsigned char)t[w[first].start])) {
			first--;        /* "Science and Technology Park", "fishery and photovoltaic" */
			continue;
		}
		if (word_in(ps, pk, en_stop, ARRAY_LEN(en_stop)) || word_is_amountish(ps, pk) ||
		    word_is(ps, pk, "project") || word_is(ps, pk, "projects"))
			break;
		size_t stem = possessive_stem(t, pw);
		if (stem) {
			if (word_in(ps, stem, en_not_owner, ARRAY_LEN(en_not_owner)))
				break;
			if (company_last == SIZE_MAX)
				company_last = first - 1;
		}
		first--;
	}
	/* a leading "and" is not part of the name */
	while (first < h && word_is(t + w[first].start, w[first].end - w[first].start, "and"))
		first++;

	/* right: "Phase I", "of the X Y", "for Core NEV Parts", "in Zhoushan" */
	size_t last = h;
	if (last + 2 < nw && w[last + 1].joined &&
	    word_is(t + w[last + 1].start, w[last + 1].end - w[last + 1].start, "phase") &&
	    w[last + 2].joined && en_is_phase_marker(t, &w[last + 2]))
		last += 2;
	else if (last + 1 < nw && w[last + 1].joined && en_is_phase_marker(t, &w[last + 1]) &&
		 word_is(hw, hk, "phase"))
		last += 1;
	if (last + 2 < nw && w[last + 1].joined &&
	    (word_is(t + w[last + 1].start, w[last + 1].end - w[last + 1].start, "of") ||
	     word_is(t + w[last + 1].start, w[last + 1].end - w[last + 1].start, "for"))) {
		size_t q = last + 2;
		if (q < nw && w[q].joined && word_is(t + w[q].start, w[q].end - w[q].start, "the"))
			q++;
		size_t caps = 0;
		while (q + caps < nw && caps < 8 && w[q + caps].joined &&
		       !(caps == 0 && is_digit((unsigned char)t[w[q].start])) &&
		       (is_upper((unsigned char)t[w[q + caps].start]) ||
			is_digit((unsigned char)t[w[q + caps].start])) &&
		       !word_in(t + w[q + caps].start, w[q + caps].end - w[q + caps].start, en_stop,
				ARRAY_LEN(en_stop)))
			caps++;
		if (caps > 0)
			last = q + caps - 1;
	}

	/* something beyond generic words must name it */
	int specific = 0, capitals = 0;
	for (size_t i = first; i <= last; i++) {
		const char *ws = t + w[i].start;
		size_t k = w[i].end - w[i].start;
		if (i != h && en_word_specific(t, &w[i]) && !inside_place(d, w[i].start))
			specific = 1;
		capitals += is_upper((unsigned char)ws[0]) != 0;
		if (word_in(ws, k, en_not_project, ARRAY_LEN(en_not_project)))
			return 0;
	}
	uint32_t end = w[last].end;
	if (!specific) {
		/* individuated by its own amount: "a project of more than $100 million" */
		uint32_t amount_end;
		if (last == h && h + 1 < nw && w[h + 1].joined &&
		    (word_is(t + w[h + 1].start, w[h + 1].end - w[h + 1].start, "of") ||
		     word_is(t + w[h + 1].start, w[h + 1].end - w[h + 1].start, "worth")) &&
		    investment_amount_near(d, w[h + 1].end, 16, &amount_end))
			end = amount_end;
		else
			return 0;
	}
	/* a bare phase needs what it is a phase of */
	if (word_is(hw, hk, "phase") && last == h)
		return 0;
	if (en_designation_before(t, w, first))
		return 0;
	/* "undertaken by the Institute of ...", "built by X Engineering Center": the agent of a
	 * passive verb is who does the work, not the work */
	if (!word_is(hw, hk, "project") && passive_agent(t, w, first))
		return 0;
	/* "the X Project commenced in the Y Industrial Park": a park that something happens in
	 * or is located in is the site, not the undertaking */
	if (word_is(hw, hk, "park") && last == h && site_before(t, w, first))
		return 0;

	/* "Sciences (Shanghai Microsatellite ... Center": a parenthesis the name does not close
	 * (or closes without opening) is not part of it */
	uint32_t start = w[first].start, open_at = 0;
	int depth = 0;
	for (uint32_t q = start; q < end; q++) {
		if (t[q] == '(') {
			if (!depth)
				open_at = q;
			depth++;
		} else if (t[q] == ')') {
			if (depth)
				depth--;
			else
				start = q + 1;
		}
	}
	if (depth)
		start = open_at + 1;
	while (start < end && t[start] == ' ')
		start++;
	if (start > w[h].start)
		return 0;
	c->start = start;
	c->end = end;
	c->strong = word_is(hw, hk, "project");
	c->proper = capitals >= 2 && is_upper((unsigned char)hw[0]);
	c->company_start = c->company_end = 0;
	if (company_last != SIZE_MAX && company_last >= first) {
		c->company_start = w[first].start;
		c->company_end = w[company_last].start +
				 (uint32_t)possessive_stem(t, &w[company_last]);
	}
	return 1;
}

/* Chinese project words, longest first. `weak` ones must not run on into another word
 * (中心城市, 总部经济, 基地型). */
struct zh_head {
	const char *text;
	int weak;               /* must not run on into another word (工程师, 中心城市) */
	int strong;             /* names a project by itself: 项目, 工程 */
	int park;               /* an area other projects are located in */
};
static const struct zh_head zh_heads[] = {
	{"项目", 0, 1, 0}, {"工程", 1, 1, 0}, {"产业园", 0, 0, 1}, {"工业园", 0, 0, 1},
	{"科技园", 0, 0, 1}, {"创业园", 0, 0, 1}, {"软件园", 0, 0, 1}, {"研究院", 0, 0, 0},
	{"研究所", 1, 0, 0}, {"实验室", 0, 0, 0}, {"生产线", 0, 0, 0}, {"产线", 1, 0, 0},
	{"工厂", 0, 0, 0}, {"厂房", 1, 0, 0}, {"基地", 1, 0, 0}, {"园区", 1, 0, 1},
	{"中心", 1, 0, 0}, {"总部", 1, 0, 0}, {"小镇", 1, 0, 1}, {"大楼", 1, 0, 0},
	{"新城", 1, 0, 1}, {"处理厂", 0, 0, 0}, {"净化厂", 0, 0, 0}, {"水厂", 1, 0, 0},
	{"电厂", 1, 0, 0}, {"电站", 1, 0, 0},
};

/* Does the name [start, p) open with a rank (国家级, 省级, 世界级), after an optional quote? */
static int zh_rank_title(const char *t, size_t start, size_t p)
{
	static const char *const ranks[] = {"国家级", "省级", "市级", "世界级", "国际级", "全国性"};
	if (starts_with(t + start, p - start, "“"))
		start += 3;
	for (size_t i = 0; i < ARRAY_LEN(ranks); i++)
		if (starts_with(t + start, p - start, ranks[i]))
			return 1;
	return 0;
}

/* Does the name starting at `start` follow a verb of location (位于, 落户, 坐落在)? */
static int zh_site_before(const char *t, size_t lo, size_t start)
{
	static const char *const marks[] = {"位于", "落户", "落户于", "落户在", "坐落于", "坐落在",
					    "入驻", "进驻", "落地", "地处"};
	for (size_t i = 0; i < ARRAY_LEN(marks); i++)
		if (ends_with_at(t, lo, start, marks[i]))
			return 1;
	return 0;
}

/* What may follow a weak project word: punctuation, a function word or a verb. */
static const char *const zh_may_follow[] = {
	"的", "在", "于", "已", "正", "将", "和", "与", "及", "等", "是", "由", "位", "落", "签", "开",
	"动", "竣", "建", "投", "项", "工", "一", "二", "三", "四", "全", "共", "总", "占", "成", "顺",
	"启", "揭", "入", "举", "也", "今", "目", "计", "拟", "预", "主", "还", "并", "作", "为", "首",
	"把", "让", "以", "可", "能", "会", "年", "到", "达", "暨", "正", "落", "集", "揭", "奠", "封",
	"试", "获", "被", "这", "该", "其", "内", "里", "之", "则", "就", "都", "又", "后", "于", "(",
	"即", "近", "再", "仍", "从", "自", "迎", "实", "完", "通", "加", "如", "像", "同", "跟",
	"向", "对", "给", "让", "使", "所", "着", "过", "来", "去", "上", "下", "前", "中", "外",
};

/* Boundaries met going left from a Chinese project word: verbs, function words, time words. */
static const struct lit zh_left_stop[] = {
	L("签约"), L("签署"), L("签订"), L("开工"), L("动工"), L("奠基"), L("竣工"), L("建成"), L("投产"),
	L("达产"), L("启动"), L("启用"), L("揭牌"), L("落户"), L("落地"), L("推进"), L("引进"), L("举行"),
	L("实施"), L("打造"), L("加快"), L("加速"), L("包括"), L("位于"), L("总投资"), L("投资"), L("计划"),
	L("集中"), L("参加"), L("出席"), L("宣布"), L("作为"), L("成为"), L("支持"), L("围绕"), L("聚焦"),
	L("以及"), L("还有"), L("其中"), L("目前"), L("今年"), L("去年"), L("近日"), L("日前"), L("此次"),
	L("本次"), L("通过"), L("完成"), L("实现"), L("开展"), L("推动"), L("带动"), L("形成"), L("拥有"),
	L("建立"), L("设立"), L("成立"), L("入驻"), L("进驻"), L("引入"), L("承接"), L("主要"), L("正式"),
	L("全面"), L("积极"), L("持续"), L("进行"), L("获得"), L("列入"), L("纳入"), L("涵盖"), L("涉及"),
	L("达成"), L("举办"), L("召开"), L("参观"), L("考察"), L("调研"), L("视察"), L("走进"), L("来到"),
	L("前往"), L("了解"), L("表示"), L("介绍"), L("指出"), L("负责"), L("助力"), L("部署"), L("谋划"),
	L("启动"), L("加紧"), L("全力"), L("着力"), L("重点推进"), L("开建"), L("新开工"), L("续建"), L("签下"),
	L("挂牌"), L("揭幕"), L("迎来"), L("标志"), L("共同"), L("携手"), L("联合"), L("分别"), L("同时"),
	L("据悉"), L("据了解"), L("据介绍"), L("据统计"), L("称"), L("是"), L("为"), L("在"), L("于"), L("与"),
	L("和"), L("及"), L("对"), L("向"), L("从"), L("把"), L("被"), L("将"), L("由"), L("也"), L("等"),
	L("的"), L("了"), L("即"), L("该"), L("这"), L("此"), L("批"), L("暨"), L("或"), L("同"), L("就"),
	L("让"), L("已"), L("正"), L("并"), L("共"), L("还"), L("又"), L("都"), L("拟"), L("如"), L("像"),
	L("至"), L("到"), L("其"), L("当"), L("得知"), L("我"), L("抓实"), L("促进"), L("代表"), L("招引"),
	L("以来"), L("累计"), L("新增"), L("重视"), L("打响"), L("争创"), L("创建"), L("争取"), L("服务"),
	L("保障"), L("确保"), L("上马"), L("包含"), L("推出"), L("发布"), L("公布"), L("亮相"), L("加强"),
	L("力促"), L("掀起"), L("抓好"), L("做好"), L("狠抓"), L("聚力"), L("加大"), L("强化"), L("优化"),
	L("深化"), L("储备"), L("引育"), L("攻坚"), L("紧扣"), L("瞄准"), L("依托"), L("对接"), L("服务于"),
	L("不少"), L("许多"), L("众多"),
	L("以"), L("见证"), L("抓"), L("所涉"), L("希望"), L("支撑"), L("建设"), L("助推"),
	L("带来"), L("承载"), L("迎接"), L("租赁"), L("租用"),
};

/* Generic words: a Chinese name made only of these (plus the project word) names nothing. */
static const char *const zh_generic[] = {
	"重点", "重大", "产业化", "产业", "新建", "扩建", "改建", "建设", "开工", "签约", "集中",
	"优质", "外资", "内资", "市级", "省级", "县级", "区级", "示范", "龙头", "标志性", "引领性",
	"高端", "先进", "相关", "配套", "招商", "投资", "前沿", "领域", "民生", "基础设施", "社会",
	"创新", "科技", "研发", "生产", "制造", "智能", "智造", "现代", "新型", "新兴", "战略性",
	"首批", "首个", "全国", "全省", "全市", "全区", "本地", "大型", "一期", "二期", "三期",
	"首期", "后续", "上述", "以上", "下列", "各类", "各", "类", "多", "个", "大", "新", "好",
	"本", "该", "此", "其", "这", "些", "单体", "单个", "亿元", "万元", "合作", "工业", "服务",
	"平台", "载体", "公司", "子", "分", "单", "老", "旧", "建", "高", "型", "级", "性",
	"私营", "民营", "国有", "台资", "港资", "民资", "上下游", "产业链", "标杆", "灯塔", "拿地",
	"扩产", "存量", "改扩建", "科创", "国家级", "省内", "市内", "区内", "最大", "规模", "百亿",
	"千亿", "亿级", "号", "某", "若干", "部分", "其他", "整体", "一批", "系列", "样板", "亮点",
	"头号", "第一", "首位", "重中之重", "新开工", "续建", "竣工", "投产", "季度", "热点",
	"不少", "许多", "众多", "部分", "全年", "年度", "当年", "今年", "明年", "片区", "开发",
	"精品", "绿色", "生态", "世界级", "出口", "未来",
};

/* Chinese words that make a name something other than a project. */
static const char *const zh_not_project[] = {
	"会议", "大会", "论坛", "峰会", "博览会", "展会", "联盟", "协会", "基金", "委员会",
	"管委会", "政府", "政策", "规划", "方案", "行动", "活动", "办公室",
	"部门", "日报", "晚报", "商报", "新闻", "政务", "党群", "党建", "会展中心", "展览",
	"经济", "集群", "商会", "服务中心", "指挥部", "推介", "洽谈",
};

static int zh_match_list(const char *t, size_t p, size_t hi, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (starts_with(t + p, hi - p, list[i]))
			return (int)strlen(list[i]);
	return 0;
}

/* Is there a Chinese numeral character (一 二 两 十 百 ...) at t[q]? */
static int cjk_numeral_at(const char *t, size_t hi, size_t q, size_t *len)
{
	static const char *const numerals[] = {"一", "二", "两", "三", "四", "五", "六", "七", "八",
					       "九", "十", "百", "千", "万", "亿", "零", "〇"};
	*len = 3;
	for (size_t i = 0; i < ARRAY_LEN(numerals); i++)
		if (starts_with(t + q, hi - q, numerals[i]))
			return 1;
	return 0;
}

/* A count just before the name or just after the project word: a batch (16个重点项目). */
static int zh_counted(const char *t, size_t lo, size_t start, size_t end, size_t hi)
{
	if (ends_with_at(t, lo, start, "批") || ends_with_at(t, lo, start, "等") ||
	    ends_with_at(t, lo, start, "类") || ends_with_at(t, lo, start, "余"))
		return 1;
	/* 16个 / 两个 / 几项 are counts; 首个, 一个 and 第5个 are not */
	if ((ends_with_at(t, lo, start, "个") || ends_with_at(t, lo, start, "项")) && start >= lo + 4) {
		size_t q = start - 3, dl;
		if (is_digit((unsigned char)t[q - 1]) && !(q >= lo + 4 && ends_with_at(t, lo, q - 1, "第")))
			return 1;
		if (q >= lo + 3 && cjk_numeral_at(t, q, q - 3, &dl) && !ends_with_at(t, lo, q, "一") &&
		    !ends_with_at(t, lo, q - 3, "第"))
			return 1;
	}
	/* 3条生产线, 两座工厂: the name opens with a count and a measure word */
	static const char *const measures[] = {"条", "座", "家", "栋", "幢", "所", "处", "个", "批",
					       "项", "大"};
	size_t q = start, dl;
	while (q < end && (is_digit((unsigned char)t[q]) || cjk_numeral_at(t, end, q, &dl)))
		q += is_digit((unsigned char)t[q]) ? 1 : 3;
	if (q > start)
		for (size_t i = 0; i < ARRAY_LEN(measures); i++)
			if (starts_with(t + q, end - q, measures[i]))
				return 1;
	size_t p = end;
	int digits = 0;
	while (p < hi && p - end < 12 && (is_digit((unsigned char)t[p]) || t[p] == ' ')) {
		digits += is_digit((unsigned char)t[p]);
		p++;
	}
	return digits && (starts_with(t + p, hi - p, "个") || starts_with(t + p, hi - p, "项"));
}

/* A name that describes a class of projects rather than one: an amount threshold inside it
 * (超亿美元外资项目, 超10亿元项目), a "major/key" head (重大项目, 重点项目, 产业大项目) or a
 * sector head (制造业项目, 服务业项目; 产业项目 and 企业 are not sectors). [start, p) is the
 * part before the project word. */
static int zh_names_a_class(const char *t, size_t lo, size_t start, size_t p)
{
	for (size_t q = start; q + 3 < p; q++) {
		if (memcmp(t + q, "超", 3) != 0 && memcmp(t + q, "逾", 3) != 0)
			continue;
		size_t r = q + 3, dl;
		if (is_digit((unsigned char)t[r]) || cjk_numeral_at(t, p, r, &dl))
			return 1;
	}
	if (!starts_with(t + p, 6, "项目"))
		return 0;
	if (ends_with_at(t, lo, p, "重大") || ends_with_at(t, lo, p, "重点") ||
	    (ends_with_at(t, lo, p, "大") && p >= start + 6))
		return 1;
	return ends_with_at(t, lo, p, "业") && p >= start + 6 && !ends_with_at(t, lo, p, "产业") &&
	       !ends_with_at(t, lo, p, "企业") && !ends_with_at(t, lo, p, "事业") &&
	       !ends_with_at(t, lo, p, "物业");
}

/* "某市作为全国最大的光伏产业基地", "成为世界级装备产业中心": what a place is or becomes is a
 * designation, not an undertaking. Looks back through the name's own clause. */
static int zh_designation_before(const char *t, size_t lo, size_t start)
{
	size_t from = start > lo + 120 ? start - 120 : lo;
	static const char *const stops[] = {",", "。", ";", ":", "!", "?", "，", "；", "：",
					    "！", "？"};
	size_t clause = last_of(t, from, start, stops, ARRAY_LEN(stops), 0);
	if (clause)
		from = clause;
	static const char *const marks[] = {"作为", "成为", "定位为", "打造成", "建成为", "被评为",
					    "获评", "获批", "入选", "称号"};
	return last_of(t, from, start, marks, ARRAY_LEN(marks), 0) != 0;
}

/* Builds the Chinese candidate whose project word starts at p; sets *next past it. */
static int zh_candidate(const struct doc *d, size_t lo, size_t hi, size_t p,
			struct candidate *c, size_t *next)
{
	const char *t = d->t;
	const struct zh_head *head = NULL;
	for (size_t i = 0; i < ARRAY_LEN(zh_heads); i++)
		if (starts_with(t + p, hi - p, zh_heads[i].text)) {
			head = &zh_heads[i];
			break;
		}
	if (!head)
		return 0;
	size_t end = p + strlen(head->text);
	int strong = head->strong;
	/* absorb following project words and phase markers: 产业园项目, 基地一期项目, (一期) */
	for (int guard = 0; guard < 4; guard++) {
		static const char *const tails[] = {
			"项目", "工程", "一期", "二期", "三期", "四期", "首期", "(一期)", "(二期)",
			"(三期)", "建设项目", "新建项目", "建设工程", "新建工程", "基地",
		};
		int k = zh_match_list(t, end, hi, tails, ARRAY_LEN(tails));
		if (!k)
			break;
		if (starts_with(t + end, hi - end, "项目") || starts_with(t + end, hi - end, "工程"))
			strong = 1;
		end += (size_t)k;
	}
	*next = end;
	if (head->weak && end == p + strlen(head->text) && end < hi) {
		int len;
		uint32_t cp = cp_at(t, hi, end, &len);
		if (is_cjk_ideograph(cp) &&
		    !zh_match_list(t, end, hi, zh_may_follow, ARRAY_LEN(zh_may_follow)))
			return 0;
	}
	if (end < hi && starts_with(t + end, hi - end, "经济"))
		return 0;

	/* left extension */
	size_t start = p;
	int chars = 0, paren = 0;
	while (start > lo && chars < MAX_ZH_NAME_CHARS) {
		size_t k = char_before(t, lo, start);
		size_t q = start - k;
		unsigned char b = (unsigned char)t[q];
		if (b == ')') {
			paren++;
		} else if (b == '(') {
			if (!paren)
				break;
			paren--;
		} else if (k == 1 && !is_alnum(b) && b != '-' && b != '.') {
			if (!(b == ' ' && paren))
				break;
		} else if (k == 3 && !is_cjk_at(t, hi, q) && !starts_with(t + q, hi - q, "·") &&
			   !starts_with(t + q, hi - q, "—") && !starts_with(t + q, hi - q, "“") &&
			   !starts_with(t + q, hi - q, "”")) {
			break;
		} else if (k == 2 || k == 4) {
			break;
		}
		if (starts_with(t + q, hi - q, "“")) {
			/* an opening quote ends the name: inside it when the name closes it */
			if (contains_bytes(t, start, p, "”"))
				start = q;
			break;
		}
		if (!paren && k == 3) {
			/* a boundary word ending here stops the name (有 of 有限公司 does not) */
			int stop = 0;
			for (size_t i = 0; i < ARRAY_LEN(zh_left_stop) && !stop; i++) {
				const struct lit *w = &zh_left_stop[i];
				if (start < lo + w->n || t[start - 1] != w->s[w->n - 1] ||
				    memcmp(t + start - w->n, w->s, w->n) != 0)
					continue;
				stop = 1;
			}
			if (ends_with_at(t, lo, start, "有") && !starts_with(t + start, hi - start, "限"))
				stop = 1;
			if ((ends_with_at(t, lo, start, "年") || ends_with_at(t, lo, start, "月") ||
			     ends_with_at(t, lo, start, "日") || ends_with_at(t, lo, start, "个")) &&
			    start - 3 > lo && is_digit((unsigned char)t[start - 4]))
				stop = 1;
			if (ends_with_at(t, lo, start, "个") && !ends_with_at(t, lo, start - 3, "第") &&
			    !(start - 3 > lo && is_digit((unsigned char)t[start - 4])))
				stop = 1;
			if (stop)
				break;
		}
		start = q;
		chars++;
	}
	if (paren)
		return 0;
	/* drop leading quotes/connectors and a lone "个" */
	while (start < p && (t[start] == '-' || t[start] == '.' || t[start] == ' ' ||
			     starts_with(t + start, hi - start, "”") ||
			     starts_with(t + start, hi - start, "·") ||
			     starts_with(t + start, hi - start, "—")))
		start += t[start] == '-' || t[start] == '.' || t[start] == ' ' ? 1 : 3;
	/* a name that opens a quote keeps it only with its closing quote */
	if (starts_with(t + start, hi - start, "“") && !contains_bytes(t, start, p, "”"))
		start += 3;

	/* a leading verb of building is not part of the name: 建设XX中心 */
	static const char *const lead_verbs[] = {"投资建设", "建设", "新建", "打造", "投资", "开工",
						 "签约", "推进", "加快"};
	for (int again = 1; again;) {
		again = 0;
		int k = zh_match_list(t, start, p, lead_verbs, ARRAY_LEN(lead_verbs));
		if (k && start + (size_t)k < p) {
			start += (size_t)k;
			again = 1;
		}
	}

	/* 我国 / 全国 / 全省 are not cut in two: "国海洋工程" is no name */
	if ((ends_with_at(t, lo, start, "我") || ends_with_at(t, lo, start, "全") ||
	     ends_with_at(t, lo, start, "本")) &&
	    (starts_with(t + start, p - start, "国") || starts_with(t + start, p - start, "省") ||
	     starts_with(t + start, p - start, "市") || starts_with(t + start, p - start, "区") ||
	     starts_with(t + start, p - start, "县")))
		start += 3;
	if (zh_counted(t, lo, start, end, hi))
		return 0;

	/* generic check: strip generic words, places and numbers from the part before the
	 * project word; at least two characters must remain */
	int specific = 0;
	for (size_t q = start; q < p;) {
		int k = zh_match_list(t, q, p, zh_generic, ARRAY_LEN(zh_generic));
		if (k) {
			q += (size_t)k;
			continue;
		}
		int len;
		size_t dlen;
		cp_at(t, p, q, &len);
		int numeral = is_digit((unsigned char)t[q]) || cjk_numeral_at(t, p, q, &dlen);
		specific += (is_cjk_at(t, p, q) || is_alpha((unsigned char)t[q])) && !numeral &&
			    !inside_place(d, q);
		q += (size_t)len;
	}
	/* 第5个工厂: an ordinal individuates */
	if (starts_with(t + start, p - start, "第") && start + 3 < p && is_digit((unsigned char)t[start + 3]))
		specific += 2;
	if (specific < 2)
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(zh_not_project); i++)
		if (contains_bytes(t, start, end, zh_not_project[i]))
			return 0;
	if (zh_names_a_class(t, lo, start, p) || (!strong && zh_designation_before(t, lo, start)))
		return 0;
	/* “国家级石化产业基地”, 世界级汽车产业中心: a rank opening a name is a title or a goal */
	if (!strong && zh_rank_title(t, start, p))
		return 0;
	/* "落户X产业园", "位于X工业园": a park something is located in is its site */
	if (!strong && head->park && zh_site_before(t, lo, start))
		return 0;
	c->start = (uint32_t)start;
	c->end = (uint32_t)end;
	c->strong = strong;
	c->proper = 0;
	c->company_start = c->company_end = 0;
	return 1;
}

/* ---------------------------------------------------------------- sentence cues */

static const char *const en_cues[] = {
	"invest", "investment", "invested", "signed", "signing", "contract", "agreement",
	"construction", "built", "build", "building", "started", "start", "launched", "completed",
	"operation", "production", "operational", "unveiled", "inaugurated", "established",
	"set up", "settled", "located", "groundbreaking", "broke ground", "commenced", "plans",
	"planned", "expected", "will", "producing", "opened", "landed", "kicked off", "create",
	"created", "creating", "partnered", "foundation", "develop", "developing", "developed",
	"construct", "constructed", "under construction", "project", "sign", "signs", "start",
	"starts", "open", "opens", "complete", "completes",
};
static const char *const zh_cues[] = {
	"投资", "签约", "签署", "签订", "开工", "动工", "奠基", "竣工", "建成", "投产", "启用",
	"揭牌", "落户", "落地", "建设", "开建", "运营", "入驻", "引进", "计划", "拟", "启动",
	"成立", "挂牌", "亿元", "万元", "施工", "达产", "量产", "封顶", "完工", "推进", "打造",
	"新建", "在建", "投用",
};

static int sentence_has_cue(const char *t, size_t lo, size_t hi)
{
	for (size_t i = 0; i < ARRAY_LEN(en_cues); i++)
		if (contains_phrase(t, lo, hi, en_cues[i]))
			return 1;
	for (size_t i = 0; i < ARRAY_LEN(zh_cues); i++)
		if (contains_bytes(t, lo, hi, zh_cues[i]))
			return 1;
	return 0;
}

/* "The construction content includes a production base, an R&D center, ...": what a
 * project includes are its parts, unless a batch of projects is being listed. */
static int is_component(const char *t, size_t lo, size_t start)
{
	static const char *const en[] = {"includes", "include", "including", "consists of",
					  "comprising", "comprises", "composed of", "accommodate",
					  "accommodates", "will house"};
	static const char *const zh[] = {"包括", "包含", "涵盖", "内容为", "建设内容", "该项目将",
					 "项目将打造", "项目将建设", "项目将新建", "项目建成后"};
	size_t from = start > lo + 400 ? start - 400 : lo;
	size_t e = last_of(t, from, start, en, ARRAY_LEN(en), 1);
	size_t z = last_of(t, from, start, zh, ARRAY_LEN(zh), 0);
	size_t at = e > z ? e : z;
	if (!at)
		return 0;
	static const char *const zh_batch[] = {"个项目", "个重点项目", "个重大项目", "批项目",
					       "项目共", "一批", "多个", "个产业项目"};
	return !last_of(t, from, at, en_batch_words, ARRAY_LEN(en_batch_words), 1) &&
	       !last_of(t, from, at, zh_batch, ARRAY_LEN(zh_batch), 0);
}

/* The line around a sentence (at most 4000 bytes each way). */
static struct span paragraph_of(const char *t, size_t n, struct span s)
{
	size_t a = s.start, b = s.end;
	while (a > 0 && t[a - 1] != '\n' && s.start - a < 4000)
		a--;
	while (b < n && t[b] != '\n' && b - s.end < 4000)
		b++;
	struct span p = {(uint32_t)a, (uint32_t)b};
	return p;
}

/* Is [s, e) a place name and nothing else (a development zone named like a park)? */
static int span_is_place(const struct place *pl, size_t np, uint32_t s, uint32_t e)
{
	for (size_t i = first_place_from(pl, np, s > 64 ? s - 64 : 0); i < np && pl[i].start <= s;
	     i++)
		if (pl[i].start <= s && pl[i].end >= e)
			return 1;
	return 0;
}

/* ---------------------------------------------------------------- merging */

/* The comparison key of a name: lower-case letters, digits and CJK characters, without the
 * words every project name shares. */
static void name_key(const struct doc *d, uint32_t s, uint32_t e, struct buf *out)
{
	const char *t = d->t;
	static const char *const drop[] = {"the", "a", "an", "of", "and", "project", "projects",
					   "s", "its", "phase", "new"};
	buf_clear(out);
	size_t p = s;
	while (p < e) {
		unsigned char c = (unsigned char)t[p];
		if (is_alnum(c)) {
			size_t q = p;
			while (q < e && is_alnum((unsigned char)t[q]))
				q++;
			if (!word_in(t + p, q - p, drop, ARRAY_LEN(drop)))
				for (size_t i = p; i < q; i++)
					buf_putc(out, (char)(is_upper((unsigned char)t[i]) ? t[i] | 0x20 : t[i]));
			p = q;
			continue;
		}
		int len;
		uint32_t cp = cp_at(t, e, p, &len);
		if (inside_place(d, p) && len == 3 && p + 3 < e) {
			/* 广德寻钠... and 寻钠... are one project: places do not tell names apart */
			p += 3;
			continue;
		}
		if (is_cjk_ideograph(cp) && !(starts_with(t + p, e - p, "项目")))
			buf_append(out, t + p, (size_t)len);
		else if (starts_with(t + p, e - p, "项目"))
			len = 6;
		p += (size_t)len;
	}
	buf_cstr(out);
}

/* The phase a name states (一期 / Phase II / second phase), 0 when none. */
static int name_phase(const char *t, uint32_t s, uint32_t e)
{
	static const struct { const char *text; int phase; } marks[] = {
		{"一期", 1}, {"二期", 2}, {"三期", 3}, {"四期", 4}, {"首期", 1},
		{"phase i ", 1}, {"phase ii", 2}, {"phase iii", 3}, {"phase 1", 1}, {"phase 2", 2},
		{"phase 3", 3}, {"first phase", 1}, {"second phase", 2}, {"third phase", 3},
		{"phase one", 1}, {"phase two", 2},
	};
	int found = 0;
	for (size_t m = 0; m < ARRAY_LEN(marks); m++) {
		size_t k = strlen(marks[m].text);
		for (size_t p = s; p + k <= e + (marks[m].text[k - 1] == ' '); p++) {
			if (marks[m].text[k - 1] == ' ' && p + k - 1 == e) {
				if (word_is(t + p, k - 1, "phase i")) /* "Phase I" at the end */
					found = marks[m].phase;
				continue;
			}
			if (p + k <= e && word_is(t + p, k, marks[m].text) &&
			    (p + k == e || !is_alpha((unsigned char)t[p + k]) ||
			     (unsigned char)marks[m].text[0] >= 0x80))
				found = marks[m].phase;
		}
	}
	return found;
}

/* "容百动力型锂电材料综合基地" and "容百新能源公司动力型锂电材料综合基地", "孚能" and "孚能科技
 * 新能源汽车电池": a shorter Chinese key that opens with the same character and whose
 * characters all appear, in order, in the longer key, with at least two that are not generic
 * words, names the same project (a company's short name or a name without a qualifier). */
static int zh_alias_of(const char *shorter, const char *longer)
{
	if (memcmp(shorter, longer, 3) != 0)
		return 0;
	int own = 0;
	const char *q = longer;
	for (size_t p = 0; shorter[p];) {
		size_t k = (size_t)zh_match_list(shorter, p, strlen(shorter), zh_generic,
						 ARRAY_LEN(zh_generic));
		size_t step = k ? k : 1;
		while (step < 4 && ((unsigned char)shorter[p + step] & 0xC0) == 0x80)
			step++;         /* one whole character when no generic word starts here */
		if (!k)
			own++;
		/* find this piece next in the longer key */
		const char *hit = NULL;
		for (const char *r = q; *r; r++)
			if (strncmp(r, shorter + p, step) == 0) {
				hit = r;
				break;
			}
		if (!hit)
			return 0;
		q = hit + step;
		p += step;
	}
	return own >= 2;
}

/* Same project? Equal keys, one key inside the other, or a long shared start that is more
 * than generic words (翔蜂新能源产业园一期 / 翔蜂新能源项目一期); never two different phases. */
static int keys_same(const char *a, const char *b, int phase_a, int phase_b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (!la || !lb)
		return 0;
	if (phase_a && phase_b && phase_a != phase_b)
		return 0;
	if (strcmp(a, b) == 0)
		return 1;
	const char *shorter = la < lb ? a : b, *longer = la < lb ? b : a;
	size_t ls = la < lb ? la : lb;
	if (ls >= 8 && strstr(longer, shorter) != NULL)
		return 1;
	size_t common = 0;
	while (common < ls && a[common] == b[common])
		common++;
	while (common > 0 && ((unsigned char)a[common] & 0xC0) == 0x80)
		common--;       /* whole characters only */
	if ((unsigned char)a[0] >= 0x80) {
		int own = 0;
		for (size_t p = 0; p + 3 <= common;) {
			int k = zh_match_list(a, p, common, zh_generic, ARRAY_LEN(zh_generic));
			if (k) {
				p += (size_t)k;
				continue;
			}
			own++;
			p += 3;
		}
		if (common >= 12 && own >= 2)
			return 1;
		return zh_alias_of(shorter, longer);
	}
	return 0;       /* Latin names often open with a shared place: "Chengdu-Chongqing ..." */
}

/* ---------------------------------------------------------------- assembly */

static void add_chain(struct project *p, const char *id)
{
	for (int i = 0; i < p->n_chains; i++)
		if (strcmp(p->chains[i], id) == 0)
			return;
	if (p->n_chains < EXTRACT_MAX_PROJECT_CHAINS)
		snprintf(p->chains[p->n_chains++], EXTRACT_ID_MAX, "%s", id);
}

/* The chain (not segment) of a chain mention id "chain/segment". */
static void chain_root(const char *id, char out[EXTRACT_ID_MAX])
{
	snprintf(out, EXTRACT_ID_MAX, "%s", id);
	char *slash = strchr(out, '/');
	if (slash)
		*slash = 0;
}

static void chains_in(const struct doc *d, uint32_t lo, uint32_t hi, struct project *p)
{
	char root[EXTRACT_ID_MAX];
	for (size_t i = first_chain_from(d->chains, d->n_chains, lo);
	     i < d->n_chains && d->chains[i].start < hi; i++) {
		chain_root(d->chains[i].id, root);
		add_chain(p, root);
	}
}

/* The investment amount of the candidate: the first one after its name and before the next
 * candidate, else one just before the name since the previous candidate. */
/* Does [lo, hi) hold a clause break? */
static int clause_break_in(const char *t, uint32_t lo, uint32_t hi)
{
	static const char *const breaks[] = {",", ";", "、", "，", "；", "。", ":", "："};
	for (size_t i = 0; i < ARRAY_LEN(breaks); i++)
		if (contains_bytes(t, lo, hi, breaks[i]))
			return 1;
	return 0;
}

static int amount_for(const struct doc *d, uint32_t name_start, uint32_t name_end,
		      uint32_t prev_end, uint32_t next_start, uint32_t sent_start, uint32_t sent_end,
		      struct amount *out)
{
	uint32_t limit = next_start < sent_end ? next_start : sent_end;
	/* "a project of more than $100 million": the name carries its own amount */
	for (size_t i = first_amount_from(d, name_start); i < d->n_amounts; i++) {
		const struct found_amount *a = &d->amounts[i];
		if (a->hit.amount.start >= name_end)
			break;
		if (a->hit.amount.start >= name_start && a->hit.amount.end <= name_end &&
		    a->role == AMOUNT_INVESTMENT && !a->hit.vague && a->hit.amount.end == name_end) {
			*out = a->hit.amount;
			return 1;
		}
	}
	/* "3 billion yuan of X", "8-billion-yuan X", "10亿元的X": an amount that leads the name */
	for (size_t i = first_amount_from(d, prev_end); i < d->n_amounts; i++) {
		const struct found_amount *a = &d->amounts[i];
		if (a->hit.amount.end > name_start)
			break;
		size_t gap = name_start - a->hit.amount.end;
		const char *g = d->t + a->hit.amount.end;
		if (a->hit.amount.start >= prev_end && a->role == AMOUNT_INVESTMENT && !a->hit.vague &&
		    (gap <= 1 || (gap == 4 && word_is(g, 4, " of ")) ||
		     (gap == 3 && memcmp(g, "的", 3) == 0))) {
			*out = a->hit.amount;
			return 1;
		}
	}
	for (size_t i = first_amount_from(d, name_end); i < d->n_amounts; i++) {
		const struct found_amount *a = &d->amounts[i];
		if (a->hit.amount.start >= limit || a->hit.amount.start - name_end > 260)
			break;
		if (a->role != AMOUNT_INVESTMENT || a->hit.vague)
			continue;
		*out = a->hit.amount;
		return 1;
	}
	for (size_t i = first_amount_from(d, name_start); i-- > 0;) {
		const struct found_amount *a = &d->amounts[i];
		if (a->hit.amount.end > name_start)
			continue;
		if (a->hit.amount.start < prev_end || name_start - a->hit.amount.end > 48)
			break;
		if (a->role != AMOUNT_INVESTMENT || a->hit.vague)
			break;
		/* "X项目总投资30亿元,在扬设立Y中心": the amount is the previous name's own */
		if (prev_end > sent_start && !clause_break_in(d->t, prev_end, a->hit.amount.start))
			break;
		*out = a->hit.amount;
		return 1;
	}
	return 0;
}

/* "the X project in Lianyungang City", "X项目落户滨湖区": the place the words right after the
 * name locate it in (before a dateline or a place earlier in the sentence). */
static const char *place_right_after(const struct doc *d, uint32_t end, uint32_t sent_end)
{
	static const char *const links[] = {" in ", " at ", ", located in ", " located in ",
					    " based in ", "落户", "位于", "落地", "在", "选址"};
	uint32_t p = end;
	size_t k = 0;
	if (end >= sent_end)
		return NULL;
	for (size_t i = 0; i < ARRAY_LEN(links) && !k; i++)
		if (starts_with(d->t + p, sent_end - p, links[i]))
			k = strlen(links[i]);
	if (!k)
		return NULL;
	p += (uint32_t)k;
	if (p + 4 <= sent_end && word_is(d->t + p, 4, "the "))
		p += 4;
	size_t i = first_place_from(d->places, d->n_places, p);
	if (i >= d->n_places || d->places[i].start != p || !d->places[i].code[0])
		return NULL;
	/* a name of another province counts only when the text keeps naming it (as best_place) */
	if (d->focus[0] && memcmp(d->focus, d->places[i].code, 2) != 0 &&
	    d->places[i].province_count < 3)
		return NULL;
	return d->places[i].code;
}

static void region_for(const struct doc *d, const struct candidate *c, struct span sent,
		       uint32_t prev_end, char out[EXTRACT_ID_MAX])
{
	const struct place *pl = d->places;
	size_t np = d->n_places;
	/* the name itself, then its own clause before it (lists: "A县..., B市...项目"), then the
	 * sentence; a province from the name may be narrowed by the sentence */
	const char *r = best_place(pl, np, c->start, c->end, NULL, c->start, d->focus);
	if (!r)
		r = place_right_after(d, c->end, sent.end);
	if (!r && prev_end < c->start)
		r = best_place(pl, np, prev_end, c->start, NULL, c->start, d->focus);
	if (!r || code_level(r) == 1) {
		const char *s = best_place(pl, np, sent.start, sent.end, r, c->start, d->focus);
		if (s && (!r || code_level(s) > code_level(r)))
			r = s;
	}
	/* nothing said: the document's own place; a wider one said: narrowed to the document's
	 * place when that lies inside it and the text keeps returning to it */
	if (d->focus[0] && (!r || ((d->focus_score >= 2 || code_level(r) == 1) &&
				   code_level(d->focus) > code_level(r) && code_within(d->focus, r))))
		r = d->focus;
	snprintf(out, EXTRACT_ID_MAX, "%s", r ? r : "");
}

/* Finds the company the sentence attaches: a possessive in the name, else "由X投资", "X投资建设"
 * or "invested by X" where X ends like a company name. */
static void company_for(const struct doc *d, const struct candidate *c, struct span sent,
			uint32_t *cs, uint32_t *ce)
{
	*cs = *ce = 0;
	if (c->company_end > c->company_start) {
		*cs = c->company_start;
		*ce = c->company_end;
		return;
	}
	static const char *const zh_company_ends[] = {"有限公司", "股份公司", "集团", "公司"};
	const char *t = d->t;
	for (size_t p = sent.start; p + 3 <= sent.end; p++) {
		if (!starts_with(t + p, sent.end - p, "由"))
			continue;
		for (size_t q = p + 3; q < sent.end && q - p < 90; q++) {
			for (size_t k = 0; k < ARRAY_LEN(zh_company_ends); k++) {
				size_t l = strlen(zh_company_ends[k]);
				if (q + l <= sent.end && memcmp(t + q, zh_company_ends[k], l) == 0 &&
				    q + l + 6 <= sent.end &&
				    (starts_with(t + q + l, sent.end - q - l, "投资") ||
				     starts_with(t + q + l, sent.end - q - l, "建设") ||
				     starts_with(t + q + l, sent.end - q - l, "投建"))) {
					*cs = (uint32_t)(p + 3);
					*ce = (uint32_t)(q + l);
					return;
				}
			}
			if (t[q] == ',' || t[q] == '.')
				break;
		}
	}
}

static struct draft *find_draft(struct doc *d, const char *key, int phase)
{
	for (size_t i = 0; i < d->n_drafts; i++)
		if (keys_same(d->drafts[i].key, key, d->drafts[i].phase, phase) ||
		    (d->drafts[i].long_key &&
		     keys_same(d->drafts[i].long_key, key, d->drafts[i].phase, phase)))
			return &d->drafts[i];
	return NULL;
}

static void record_span(struct doc *d, uint32_t s, uint32_t e, size_t draft)
{
	if (d->n_spans == d->cap_spans) {
		d->cap_spans = d->cap_spans ? d->cap_spans * 2 : 16;
		d->spans = xrealloc(d->spans, d->cap_spans * sizeof *d->spans);
		d->span_draft = xrealloc(d->span_draft, d->cap_spans * sizeof *d->span_draft);
	}
	d->spans[d->n_spans].start = s;
	d->spans[d->n_spans].end = e;
	d->span_draft[d->n_spans] = draft;
	d->n_spans++;
}

static void accept_candidate(struct doc *d, const struct candidate *c, struct span sent,
			     uint32_t sent_index, uint32_t prev_end, uint32_t next_start,
			     struct buf *key)
{
	name_key(d, c->start, c->end, key);
	if (!key->len)
		return;
	int phase = name_phase(d->t, c->start, c->end);
	struct draft *dr = find_draft(d, key->data, phase);
	struct amount amt;
	int has_amt = amount_for(d, c->start, c->end, prev_end, next_start, sent.start, sent.end,
				 &amt);
	/* every candidate of a sentence shares its stage words: read them once */
	if (d->stages[sent_index] < 0)
		d->stages[sent_index] = (signed char)stage_in(d->t, sent.start, sent.end);
	enum project_status st = (enum project_status)d->stages[sent_index];
	if (!dr) {
		if (d->n_drafts >= MAX_PROJECTS)
			return;
		if (d->n_drafts == d->cap_drafts) {
			d->cap_drafts = d->cap_drafts ? d->cap_drafts * 2 : 8;
			d->drafts = xrealloc(d->drafts, d->cap_drafts * sizeof *d->drafts);
		}
		dr = &d->drafts[d->n_drafts++];
		memset(dr, 0, sizeof *dr);
		dr->key = xstrdup(key->data);
		dr->phase = phase;
		dr->p.name = xstrndup(d->orig + c->start, c->end - c->start);
		dr->p.name_start = c->start;
		dr->p.name_end = c->end;
		dr->p.start = sent.start;
		dr->p.end = sent.end;
		region_for(d, c, sent, prev_end, dr->p.region);
		chains_in(d, c->start, c->end, &dr->p);
		if (!dr->p.n_chains)
			chains_in(d, sent.start, sent.end, &dr->p);
		uint32_t cs, ce;
		company_for(d, c, sent, &cs, &ce);
		if (ce > cs) {
			dr->p.company = xstrndup(d->orig + cs, ce - cs);
			dr->company_start = cs;
			dr->company_end = ce;
		}
		struct span where;
		if (event_date_in(d->t, sent.start, sent.end, d->pub_date, dr->p.date, &where)) {
			dr->date_start = where.start;
			dr->date_end = where.end;
		}
	} else {
		/* a repeat: it may add what the first mention lacked; its longer name is kept
		 * for matching later aliases ("欣旺达X基地" after "欣旺达Y项目") */
		size_t kl = strlen(key->data);
		if (kl > strlen(dr->key) && (!dr->long_key || kl > strlen(dr->long_key))) {
			free(dr->long_key);
			dr->long_key = xstrdup(key->data);
		}
		if (!dr->p.region[0])
			region_for(d, c, sent, prev_end, dr->p.region);
		if (!dr->p.n_chains)
			chains_in(d, c->start, c->end, &dr->p);
		if (!dr->p.company) {
			uint32_t cs, ce;
			company_for(d, c, sent, &cs, &ce);
			if (ce > cs) {
				dr->p.company = xstrndup(d->orig + cs, ce - cs);
				dr->company_start = cs;
				dr->company_end = ce;
			}
		}
		struct span where;
		if (!dr->p.date[0] &&
		    event_date_in(d->t, sent.start, sent.end, d->pub_date, dr->p.date, &where)) {
			dr->date_start = where.start;
			dr->date_end = where.end;
		}
	}
	if (has_amt && !dr->p.has_amount) {
		dr->p.has_amount = 1;
		dr->p.amount = amt;
	}
	if (st > dr->p.status)
		dr->p.status = st;
	if (dr->n_sentences < (int)ARRAY_LEN(dr->sentences) &&
	    (!dr->n_sentences || dr->sentences[dr->n_sentences - 1] != sent_index))
		dr->sentences[dr->n_sentences++] = sent_index;
	dr->n_spans++;
	record_span(d, c->start, c->end, (size_t)(dr - d->drafts));
}

/* "The project has a total investment of 5.2 billion yuan.": an amount in one of the next two
 * sentences that name no project of their own and speak of investment. */
static void amount_from_following(const struct doc *d, struct draft *dr, const struct span *sents,
				  size_t ns, const unsigned char *named)
{
	static const char *const cues[] = {"invest", "cost", "投资", "投入"};
	for (int m = 0; m < dr->n_sentences; m++) {
		for (size_t si = dr->sentences[m] + 1; si < ns && si <= dr->sentences[m] + 3; si++) {
			if (named[si])
				break;
			for (size_t i = first_amount_from(d, sents[si].start); i < d->n_amounts; i++) {
				const struct found_amount *a = &d->amounts[i];
				if (a->hit.amount.start >= sents[si].end)
					break;
				if (a->role != AMOUNT_INVESTMENT || a->hit.vague)
					break;
				int cue = 0;
				for (size_t c = 0; c < ARRAY_LEN(cues) && !cue; c++)
					cue = contains_bytes(d->t, sents[si].start, sents[si].end, cues[c]);
				if (!cue)
					break;
				dr->p.has_amount = 1;
				dr->p.amount = a->hit.amount;
				return;
			}
		}
	}
}

/* Does an amount (of any role) lie in [lo, hi)? */
static int amount_between(const struct doc *d, uint32_t lo, uint32_t hi)
{
	size_t a = first_amount_from(d, lo);
	return a < d->n_amounts && d->amounts[a].hit.amount.start < hi;
}

/* All candidates of one sentence, in order. */
static size_t sentence_candidates(struct doc *d, struct span sent, struct candidate *out,
				  size_t cap, struct word *words, size_t word_cap)
{
	size_t k = 0;
	const char *t = d->t;
	/* English */
	size_t nw = en_words(t, sent.start, sent.end, words, word_cap);
	for (size_t h = 0; h < nw && k < cap; h++) {
		struct candidate c;
		if (en_candidate(d, words, nw, h, &c)) {
			if (k && out[k - 1].end + 1 >= c.start) {
				/* "Industrial Park project": keep the longer reach; "X project pile
				 * foundation project" is still X */
				if (c.start <= out[k - 1].end && c.end > out[k - 1].end) {
					if (c.start < out[k - 1].start) {
						out[k - 1].start = c.start;
						out[k - 1].company_start = c.company_start;
						out[k - 1].company_end = c.company_end;
					}
					out[k - 1].end = c.end;
					out[k - 1].strong |= c.strong;
					out[k - 1].proper |= c.proper;
				}
				continue;
			}
			out[k++] = c;
		}
	}
	/* Chinese */
	size_t ek = k;
	for (size_t p = sent.start; p < sent.end && k < cap;) {
		unsigned char b = (unsigned char)t[p];
		if (b < 0xE4 || b > 0xE9) {
			p++;
			continue;
		}
		size_t next = p + 3;
		struct candidate c;
		if (zh_candidate(d, sent.start, sent.end, p, &c, &next)) {
			/* "X研究院集成电路封装材料生产基地": a name that runs on, without a break, into
			 * a later project word is that later project's owner or site; one name */
			if (k > ek && c.start < out[k - 1].end && c.start >= out[k - 1].start) {
				c.start = out[k - 1].start;
				c.strong |= out[k - 1].strong;
				out[k - 1] = c;
			} else {
				out[k++] = c;
			}
		}
		p = next > p ? next : p + 1;
	}
	/* merge the two ordered runs */
	if (ek && k > ek) {
		struct candidate tmp[64];
		size_t i = 0, j = ek, m = 0;
		while ((i < ek || j < k) && m < ARRAY_LEN(tmp)) {
			if (j >= k || (i < ek && out[i].start <= out[j].start))
				tmp[m++] = out[i++];
			else
				tmp[m++] = out[j++];
		}
		memcpy(out, tmp, m * sizeof *out);
		k = m;
	}
	return k;
}

/* A zone or town name made only of words that many places share ("Economic Development
 * Zone", "Industrial Park", 城南, 高新区): it identifies nothing on its own. */
static int generic_zone_name(const char *t, uint32_t s, uint32_t e)
{
	static const char *const en[] = {
		"economic", "development", "zone", "industrial", "park", "high-tech", "hi-tech",
		"high", "tech", "technology", "technological", "and", "new", "area", "district",
		"national", "provincial", "export", "processing", "free", "trade", "bonded",
		"comprehensive", "pilot", "demonstration", "science", "innovation", "city", "town",
		"the", "of", "village", "street", "subdistrict", "energy", "industry", "modern",
		"south", "north", "east", "west", "central", "port", "logistics", "hi", "sci",
	};
	static const char *const zh[] = {
		"经济技术开发区", "经济开发区", "高新技术产业开发区", "高新技术产业园区", "高新区",
		"开发区", "工业园区", "工业园", "产业园区", "产业园", "园区", "新区", "城南", "城北",
		"城东", "城西", "城中", "城关", "新城", "新能源", "新材料", "高新", "技术", "科技",
		"创新", "经济", "国家级", "省级", "综合保税区", "保税区", "自贸区", "现代", "产业",
		"街道", "镇", "乡", "区", "新", "东", "南", "西", "北", "中",
	};
	int specific = 0;
	for (size_t p = s; p < e && !specific;) {
		unsigned char c = (unsigned char)t[p];
		if (is_alnum(c)) {
			size_t q = p;
			while (q < e && (is_alnum((unsigned char)t[q]) || t[q] == '-'))
				q++;
			specific = !word_in(t + p, q - p, en, ARRAY_LEN(en));
			p = q;
		} else if (c >= 0x80) {
			size_t k = 0;
			for (size_t i = 0; i < ARRAY_LEN(zh) && !k; i++)
				if (starts_with(t + p, e - p, zh[i]))
					k = strlen(zh[i]);
			if (!k) {
				specific = 1;
				break;
			}
			p += k;
		} else {
			p++;
		}
	}
	return !specific;
}

/* "Methuselah Medical Technology (Shanghai) Co Ltd", "科西嘉(上海)智慧科技有限公司": a place in
 * parentheses inside a company name is where the company is registered. */
static int registered_place(const char *t, size_t n, uint32_t s, uint32_t e)
{
	if (s == 0 || t[s - 1] != '(' || e >= n || t[e] != ')')
		return 0;
	size_t p = e + 1;
	while (p < n && t[p] == ' ')
		p++;
	static const char *const marks[] = {"Co", "Company", "Ltd", "Limited", "Inc", "Corp",
					    "Technology", "Biotechnology", "Group"};
	for (size_t i = 0; i < ARRAY_LEN(marks); i++) {
		size_t k = strlen(marks[i]);
		if (p + k <= n && memcmp(t + p, marks[i], k) == 0 &&
		    (p + k == n || !is_alpha((unsigned char)t[p + k])))
			return 1;
	}
	for (size_t q = p; q < n && q < p + 30; q++)
		if (starts_with(t + q, n - q, "有限公司") || starts_with(t + q, n - q, "股份"))
			return 1;
	return 0;
}

/* "Taiwan-funded", "Hong Kong-invested", 台资/港资: where the money comes from is not where
 * the project is. e is the end of the place mention. */
static int origin_place(const char *t, size_t n, uint32_t e)
{
	static const char *const marks[] = {"-funded", "-invested", "-owned", "-financed",
					    "-backed", "资企业", "资项目"};
	for (size_t i = 0; i < ARRAY_LEN(marks); i++) {
		size_t k = strlen(marks[i]);
		if (e + k <= n && memcmp(t + e, marks[i], k) == 0)
			return 1;
	}
	return 0;
}

static int province_index(const char *code)
{
	return (code[0] - '0') * 10 + (code[1] - '0');
}

static int cmp_code(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

static void collect_places(struct doc *d, const struct extraction *x)
{
	size_t np = 0, nc = 0;
	for (size_t i = 0; i < x->n_mentions; i++) {
		np += x->mentions[i].kind == MENTION_REGION;
		nc += x->mentions[i].kind == MENTION_CHAIN;
	}
	d->places = xcalloc(np + 1, sizeof *d->places);
	d->chains = xcalloc(nc + 1, sizeof *d->chains);
	for (size_t i = 0; i < x->n_mentions; i++) {
		const struct mention *m = &x->mentions[i];
		if (m->kind == MENTION_REGION) {
			struct place *p = &d->places[d->n_places++];
			p->start = m->start;
			p->end = m->end;
			char code[EXTRACT_ID_MAX];
			division_of(d->ex, m->id, code);
			memcpy(p->code, code, 7);
			p->code[6] = 0;
			if (!is_code(m->id) && generic_zone_name(d->t, m->start, m->end))
				p->code[0] = 0;
			if (registered_place(d->t, d->n, m->start, m->end) ||
			    origin_place(d->t, d->n, m->end))
				p->code[0] = 0;
			p->count = is_code(m->id);      /* provisional: 1 for a division named as such */
		} else if (m->kind == MENTION_CHAIN) {
			struct chain_hit *c = &d->chains[d->n_chains++];
			c->start = m->start;
			c->end = m->end;
			snprintf(c->id, sizeof c->id, "%s", m->id);
		}
	}
	/* a zone or town counts only in a province the text names a division of (城南 is a
	 * town name in many provinces); then the count of each division */
	unsigned char named_province[100] = {0};
	for (size_t i = 0; i < d->n_places; i++)
		if (d->places[i].code[0] && d->places[i].count)
			named_province[province_index(d->places[i].code)] = 1;
	int province_count[100] = {0};
	for (size_t i = 0; i < d->n_places; i++) {
		struct place *p = &d->places[i];
		if (p->code[0] && !p->count && !named_province[province_index(p->code)])
			p->code[0] = 0;
		if (p->code[0])
			province_count[province_index(p->code)]++;
	}
	/* per-division counts: sort the codes, then count runs (linear after the sort) */
	size_t n_codes = 0;
	char (*codes)[7] = xmalloc((d->n_places + 1) * sizeof *codes);
	for (size_t i = 0; i < d->n_places; i++)
		if (d->places[i].code[0])
			memcpy(codes[n_codes++], d->places[i].code, 7);
	qsort(codes, n_codes, sizeof *codes, cmp_code);
	for (size_t i = 0; i < d->n_places; i++) {
		struct place *p = &d->places[i];
		p->count = 0;
		p->province_count = 0;
		if (!p->code[0])
			continue;
		char(*hit)[7] = bsearch(p->code, codes, n_codes, sizeof *codes, cmp_code);
		size_t lo = (size_t)(hit - codes), hi = lo;
		while (lo > 0 && strcmp(codes[lo - 1], p->code) == 0)
			lo--;
		while (hi < n_codes && strcmp(codes[hi], p->code) == 0)
			hi++;
		p->count = (int)(hi - lo);
		p->province_count = province_count[province_index(p->code)];
	}
	free(codes);
}

static void collect_amounts(struct doc *d, const struct span *sents, size_t ns)
{
	size_t cap = 16, si = 0, from = 0;
	d->amounts = xmalloc(cap * sizeof *d->amounts);
	struct amount_hit hit;
	while (amount_find_next(d->t, d->n, from, &hit)) {
		if (d->n_amounts == cap) {
			cap *= 2;
			d->amounts = xrealloc(d->amounts, cap * sizeof *d->amounts);
		}
		while (si + 1 < ns && sents[si].end <= hit.amount.start)
			si++;
		size_t lo = ns ? sents[si].start : 0;
		if (lo > hit.amount.start)
			lo = hit.amount.start;
		struct found_amount *fa = &d->amounts[d->n_amounts++];
		fa->hit = hit;
		size_t hi = ns && sents[si].end > hit.amount.end ? sents[si].end : hit.amount.end;
		if (not_investment_before(d->t, lo, hit.amount.start) ||
		    not_investment_after(d->t, hit.amount.end, hi))
			fa->role = AMOUNT_OTHER;
		else if (zh_batch_before(d->t, lo, hit.amount.start) ||
			 en_batch_before(d->t, lo, hit.amount.start) ||
			 zh_count_follows(d->t, hit.amount.end, hi))
			fa->role = AMOUNT_BATCH;
		else
			fa->role = AMOUNT_INVESTMENT;
		from = hit.resume > hit.amount.start ? hit.resume : hit.amount.start + 1;
	}
}

/* A singular candidate right before a "batch" amount of its sentence reclaims it when the batch
 * word precedes the candidate ("six projects ..., including the X project with a total
 * investment of CNY 10 billion"). */
static void reclaim_amounts(struct doc *d, struct span sent, const struct candidate *cs,
			    size_t nc)
{
	for (size_t i = first_amount_from(d, sent.start);
	     i < d->n_amounts && d->amounts[i].hit.amount.start < sent.end; i++) {
		struct found_amount *a = &d->amounts[i];
		if (a->role != AMOUNT_BATCH)
			continue;
		for (size_t j = 0; j < nc; j++) {
			if (cs[j].end > a->hit.amount.start || a->hit.amount.start - cs[j].end > 60)
				continue;
			/* no batch word between the candidate and the amount ("X base projects
			 * have" is still X's own plural) */
			uint32_t from = cs[j].end;
			if (from + 9 <= a->hit.amount.start && word_is(d->t + from, 9, " projects"))
				from += 9;
			if (!en_batch_before(d->t, from, a->hit.amount.start) &&
			    !zh_batch_before(d->t, from, a->hit.amount.start))
				a->role = AMOUNT_INVESTMENT;
		}
	}
}

/* Text order: by start, the longer first, then by kind (a total order, so qsort is
 * deterministic). */
static int cmp_mention_order(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->id, y->id);
}

void extract_projects(const struct extractor *ex, const char *text, size_t n,
		      const char *lang, const char *pub_date, struct extraction *out)
{
	(void)lang;
	if (!text || n == 0 || n > UINT32_MAX - 8)
		return;
	struct doc d;
	memset(&d, 0, sizeof d);
	d.ex = ex;
	d.orig = text;
	d.n = n;
	d.pub_date = pub_date ? pub_date : "";
	char *folded = xmalloc(n + 1);
	fold_text_t2s(text, n, folded);
	folded[n] = 0;
	d.t = folded;

	collect_places(&d, out);
	/* the first line, when it is short enough to be a headline */
	size_t head = 0;
	while (head < n && (folded[head] == '\n' || folded[head] == ' '))
		head++;
	const char *nl = memchr(folded + head, '\n', n - head < 300 ? n - head : 300);
	document_focus(d.places, d.n_places, nl ? (uint32_t)(nl - folded) : 0, d.focus,
		       &d.focus_score);
	size_t ns;
	struct span *sents = split_sentences(folded, n, &ns);
	collect_amounts(&d, sents, ns);

	struct candidate cands[64];
	struct word *words = xmalloc(512 * sizeof *words);
	unsigned char *named = xcalloc(ns + 1, 1);     /* sentences that name a project */
	d.stages = xmalloc(ns + 1);
	memset(d.stages, -1, ns + 1);
	struct buf key = {0};
	for (size_t si = 0; si < ns; si++) {
		struct span s = sents[si];
		size_t nc = sentence_candidates(&d, s, cands, ARRAY_LEN(cands), words, 512);
		if (!nc)
			continue;
		reclaim_amounts(&d, s, cands, nc);
		int cue = sentence_has_cue(folded, s.start, s.end) ||
			  amount_between(&d, s.start, s.end);
		int para_cue = -1;      /* computed when a proper name needs it */
		uint32_t prev_end = s.start;
		for (size_t i = 0; i < nc; i++) {
			const struct candidate *c = &cands[i];
			uint32_t next_start = i + 1 < nc ? cands[i + 1].start : s.end;
			int ok = cue || c->strong;
			if (!ok && c->proper) {
				/* a proper-named work in a list: the paragraph says what happens */
				if (para_cue < 0) {
					struct span para = paragraph_of(folded, n, s);
					para_cue = sentence_has_cue(folded, para.start, para.end);
				}
				ok = para_cue;
			}
			if (ok && !c->strong && is_component(folded, s.start, c->start))
				ok = 0;
			if (ok && !span_is_place(d.places, d.n_places, c->start, c->end)) {
				accept_candidate(&d, c, s, (uint32_t)si, prev_end, next_start, &key);
				named[si] = 1;
			}
			prev_end = c->end;
		}
	}
	buf_free(&key);
	free(words);
	for (size_t i = 0; i < d.n_drafts; i++)
		if (!d.drafts[i].p.has_amount)
			amount_from_following(&d, &d.drafts[i], sents, ns, named);
	free(named);
	free(d.stages);

	/* hand the projects and their mentions over to out */
	size_t base = out->n_projects;
	for (size_t i = 0; i < d.n_drafts; i++) {
		struct project *p = extraction_add_project(out);
		*p = d.drafts[i].p;
		free(d.drafts[i].key);
		free(d.drafts[i].long_key);
	}
	char id[EXTRACT_ID_MAX];
	for (size_t i = 0; i < d.n_amounts; i++)
		if (!d.amounts[i].hit.vague)
			extraction_add_mention(out, MENTION_AMOUNT, "", d.amounts[i].hit.amount.start,
					       d.amounts[i].hit.amount.end);
	for (size_t i = 0; i < d.n_spans; i++) {
		snprintf(id, sizeof id, "%zu", base + d.span_draft[i]);
		extraction_add_mention(out, MENTION_PROJECT, id, d.spans[i].start, d.spans[i].end);
	}
	for (size_t i = 0; i < d.n_drafts; i++) {
		const struct draft *dr = &d.drafts[i];
		if (dr->company_end > dr->company_start)
			extraction_add_mention(out, MENTION_COMPANY, "", dr->company_start,
					       dr->company_end);
		if (dr->p.date[0] && dr->date_end > dr->date_start)
			extraction_add_mention(out, MENTION_DATE, dr->p.date, dr->date_start,
					       dr->date_end);
	}
	/* keep the whole mention list in text order, as step 1 left it */
	if (out->n_mentions > 1)
		qsort(out->mentions, out->n_mentions, sizeof *out->mentions, cmp_mention_order);
	free(d.drafts);
	free(d.spans);
	free(d.span_draft);
	free(d.amounts);
	free(d.places);
	free(d.chains);
	free(sents);
	free(folded);
}
