/* amount.c: recognises money amounts in English and Chinese news text and normalises them to a
 * value in units and a currency code (see amount.h). Owns the number forms (Arabic digits with
 * thousands separators and decimals, Chinese numerals), the scales (million, billion, bln, 万,
 * 亿, 万亿 ...) and the currency markers before and after the number.
 * Must not decide what an amount is for (investment, output value, batch total): that is
 * projects.c's job. Must not allocate; every scan is bounded and linear. */
#include "amount.h"
#include "util.h"

#include <string.h>

struct unit {
	const char *text;
	double factor;
};

struct currency_mark {
	const char *text;
	const char *code;
	int needs_boundary;     /* a Latin word: must not run on into more letters */
};

/* Currency written before the number. Longest first where one is a prefix of another. */
static const struct currency_mark prefix_marks[] = {
	{"U.S.$", "USD", 0}, {"US$", "USD", 0}, {"HK$", "HKD", 0}, {"NT$", "TWD", 0},
	{"RMB", "CNY", 1}, {"CNY", "CNY", 1}, {"USD", "USD", 1}, {"EUR", "EUR", 1},
	{"HKD", "HKD", 1}, {"GBP", "GBP", 1}, {"JPY", "JPY", 1},
	{"$", "USD", 0}, {"\xe2\x82\xac", "EUR", 0}, {"\xc2\xa3", "GBP", 0},
	{"\xc2\xa5", "CNY", 0}, {"\xef\xbf\xa5", "CNY", 0},
	{"人民币", "CNY", 0}, {"人民幣", "CNY", 0},
};

/* Currency written after the number (and its scale). */
static const struct currency_mark suffix_marks[] = {
	{"yuan", "CNY", 1}, {"renminbi", "CNY", 1}, {"RMB", "CNY", 1}, {"CNY", "CNY", 1},
	{"U.S. dollars", "USD", 1}, {"US dollars", "USD", 1}, {"USD", "USD", 1},
	{"Hong Kong dollars", "HKD", 1}, {"HK dollars", "HKD", 1}, {"HKD", "HKD", 1},
	{"dollars", "USD", 1}, {"dollar", "USD", 1},
	{"euros", "EUR", 1}, {"euro", "EUR", 1}, {"EUR", "EUR", 1},
	{"pounds", "GBP", 1}, {"GBP", "GBP", 1}, {"yen", "JPY", 1}, {"JPY", "JPY", 1},
	{"美元", "USD", 0}, {"美金", "USD", 0}, {"欧元", "EUR", 0}, {"歐元", "EUR", 0},
	{"港元", "HKD", 0}, {"港币", "HKD", 0}, {"港幣", "HKD", 0}, {"日元", "JPY", 0},
	{"英镑", "GBP", 0}, {"英鎊", "GBP", 0}, {"新台币", "TWD", 0}, {"新台幣", "TWD", 0},
	{"元人民币", "CNY", 0}, {"元人民幣", "CNY", 0}, {"元", "CNY", 0}, {"圆", "CNY", 0},
	{"人民币", "CNY", 0}, {"人民幣", "CNY", 0},
};

/* Scales after Arabic digits or Chinese numerals. Longest first. */
static const struct unit latin_scales[] = {
	{"hundred million", 1e8}, {"trillion", 1e12}, {"billion", 1e9}, {"million", 1e6},
	{"thousand", 1e3}, {"bln", 1e9}, {"mln", 1e6}, {"bn", 1e9}, {"mn", 1e6},
};
static const struct unit cjk_scales[] = {
	{"万亿", 1e12}, {"萬億", 1e12}, {"千亿", 1e11}, {"千億", 1e11}, {"百亿", 1e10},
	{"百億", 1e10}, {"十亿", 1e9}, {"十億", 1e9}, {"亿", 1e8}, {"億", 1e8},
	{"千万", 1e7}, {"千萬", 1e7}, {"百万", 1e6}, {"百萬", 1e6}, {"十万", 1e5},
	{"十萬", 1e5}, {"万", 1e4}, {"萬", 1e4},
};

/* Words just before a bare "N亿" (no currency written) that make it money. */
static const char *const money_context[] = {
	"投资", "投資", "投入", "总额", "總額", "资金", "資金", "合同额", "合同額", "融资", "融資",
};

static int is_ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alnum(unsigned char c) { return is_ascii_alpha(c) || is_digit(c); }

/* Case-insensitive ASCII comparison of a literal at s[0..n); returns its length or 0. */
static size_t match_literal(const char *s, size_t n, const char *lit, int fold_case)
{
	if (n == 0)
		return 0;
	unsigned char a0 = (unsigned char)s[0], b0 = (unsigned char)lit[0];
	if (a0 != b0 && !(fold_case && is_ascii_alpha(a0) && (a0 | 0x20) == (b0 | 0x20)))
		return 0;       /* most tries fail on the first byte, before strlen */
	size_t k = strlen(lit);
	if (k > n)
		return 0;
	for (size_t i = 0; i < k; i++) {
		unsigned char a = (unsigned char)s[i], b = (unsigned char)lit[i];
		if (a == b)
			continue;
		if (fold_case && is_ascii_alpha(a) && is_ascii_alpha(b) && (a | 0x20) == (b | 0x20))
			continue;
		return 0;
	}
	return k;
}

static size_t match_mark(const char *s, size_t n, const struct currency_mark *m)
{
	size_t k = match_literal(s, n, m->text, 1);
	if (k && m->needs_boundary && k < n && is_ascii_alpha((unsigned char)s[k]))
		return 0;
	return k;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* The value of a Chinese digit character at s, or -1; *len gets its byte length. */
static int cjk_digit(const char *s, size_t n, size_t *len)
{
	static const char *const digits[] = {
		"零", "一", "二", "三", "四", "五", "六", "七", "八", "九",
	};
	*len = 3;
	if (n < 3)
		return -1;
	for (int d = 0; d < 10; d++)
		if (memcmp(s, digits[d], 3) == 0)
			return d;
	if (memcmp(s, "〇", 3) == 0)
		return 0;
	if (memcmp(s, "两", 3) == 0 || memcmp(s, "兩", 3) == 0)
		return 2;
	return -1;
}

/* The multiplier of a Chinese positional character (十 百 千), or 0. */
static int cjk_position(const char *s, size_t n)
{
	if (n < 3)
		return 0;
	if (memcmp(s, "十", 3) == 0)
		return 10;
	if (memcmp(s, "百", 3) == 0)
		return 100;
	if (memcmp(s, "千", 3) == 0)
		return 1000;
	return 0;
}

/* Parses a Chinese numeral below ten thousand (三十, 两, 一百二十, 百) at s. A positional
 * character that is followed by a scale is left to the scale (百亿 is 1 x 百亿), so 十/百/千
 * directly before 万/亿 are not consumed when no digit precedes them. Returns bytes used. */
static size_t parse_cjk_numeral(const char *s, size_t n, double *value)
{
	size_t i = 0, len;
	double section = 0;
	int digit = -1, any = 0;
	while (i < n && i < 40) {
		int d = cjk_digit(s + i, n - i, &len);
		if (d >= 0) {
			digit = d;
			i += len;
			any = 1;
			continue;
		}
		int pos = cjk_position(s + i, n - i);
		if (!pos)
			break;
		section += (digit >= 0 ? digit : 1) * pos;
		digit = -1;
		i += 3;
		any = 1;
	}
	if (!any)
		return 0;
	*value = section + (digit > 0 ? digit : 0);
	return i;
}

/* Parses Arabic digits with optional thousands separators and one decimal part. */
static size_t parse_arabic(const char *s, size_t n, double *value)
{
	size_t i = 0;
	double v = 0;
	while (i < n && i < 32) {
		unsigned char c = (unsigned char)s[i];
		if (is_digit(c)) {
			v = v * 10 + (c - '0');
			i++;
		} else if (c == ',' && i > 0 && i + 3 < n && is_digit((unsigned char)s[i + 1]) &&
			   is_digit((unsigned char)s[i + 2]) && is_digit((unsigned char)s[i + 3]) &&
			   (i + 4 == n || !is_digit((unsigned char)s[i + 4]))) {
			/* "1,000": a comma counts only before exactly three digits */
			i++;
		} else {
			break;
		}
	}
	if (i == 0)
		return 0;
	if (i + 1 < n && s[i] == '.' && is_digit((unsigned char)s[i + 1])) {
		double scale = 0.1;
		i++;
		while (i < n && is_digit((unsigned char)s[i]) && scale > 1e-12) {
			v += (s[i] - '0') * scale;
			scale /= 10;
			i++;
		}
		while (i < n && is_digit((unsigned char)s[i]))
			i++;
	}
	*value = v;
	return i;
}

/* "a billion euros", "two million yuan": a number word, only when a Latin scale follows. */
static size_t parse_number_word(const char *text, size_t at, size_t n, double *value)
{
	static const char *const words[] = {"a", "one", "two", "three", "four", "five", "six",
					    "seven", "eight", "nine", "ten"};
	if (at > 0 && is_ascii_alpha((unsigned char)text[at - 1]))
		return 0;
	for (size_t w = 0; w < ARRAY_LEN(words); w++) {
		size_t k = match_literal(text + at, n - at, words[w], 1);
		if (!k || at + k >= n || text[at + k] != ' ')
			continue;
		const char *s = text + at + k + 1;
		size_t left = n - at - k - 1;
		if (match_literal(s, left, "billion", 1) || match_literal(s, left, "million", 1) ||
		    match_literal(s, left, "trillion", 1)) {
			*value = w == 0 ? 1 : (double)w;
			return k;
		}
	}
	return 0;
}

static size_t match_scale(const char *s, size_t n, const struct unit *units, size_t count,
			  int latin, double *factor)
{
	for (size_t u = 0; u < count; u++) {
		size_t k = match_literal(s, n, units[u].text, latin);
		if (!k)
			continue;
		if (latin && k < n && is_ascii_alpha((unsigned char)s[k]))
			continue;
		*factor = units[u].factor;
		return k;
	}
	return 0;
}

/* True when one of the words in money_context ends within a few characters before pos. */
static int money_context_before(const char *text, size_t pos)
{
	size_t lo = pos > 15 ? pos - 15 : 0;
	for (size_t w = 0; w < ARRAY_LEN(money_context); w++) {
		size_t k = strlen(money_context[w]);
		for (size_t p = lo; p + k <= pos; p++)
			if (memcmp(text + p, money_context[w], k) == 0)
				return 1;
	}
	return 0;
}

static int preceded_by(const char *text, size_t pos, const char *lit)
{
	size_t k = strlen(lit);
	return pos >= k && memcmp(text + pos - k, lit, k) == 0;
}

/* The core: an amount starting exactly at text[at], with text[0..at) available for context. */
static size_t parse_amount(const char *text, size_t n, size_t at, struct amount_hit *hit)
{
	const char *s = text + at;
	size_t len = n - at, i = 0;
	const char *currency = NULL;
	int prefix_latin = 0;

	memset(hit, 0, sizeof *hit);
	for (size_t m = 0; m < ARRAY_LEN(prefix_marks); m++) {
		size_t k = match_mark(s, len, &prefix_marks[m]);
		if (k) {
			currency = prefix_marks[m].code;
			prefix_latin = prefix_marks[m].needs_boundary;
			i = skip_spaces(s, len, k);
			break;
		}
	}
	if (currency && prefix_latin && at > 0 && is_alnum((unsigned char)text[at - 1]))
		return 0;

	double number = 0, factor = 1;
	size_t k = parse_arabic(s + i, len - i, &number);
	int cjk_numeral = 0;
	if (!k)
		k = parse_number_word(text, at + i, n, &number);
	if (k) {
		size_t p = at + i;
		if (!currency && p > 0 && (is_alnum((unsigned char)text[p - 1]) || text[p - 1] == '.'))
			return 0;
	} else {
		k = parse_cjk_numeral(s + i, len - i, &number);
		if (!k) {
			/* 百亿 / 十亿 with no digit before: the scale carries the value */
			double f;
			if (match_scale(s + i, len - i, cjk_scales, ARRAY_LEN(cjk_scales), 0, &f) &&
			    (memcmp(s + i, "百", 3) == 0 || memcmp(s + i, "十", 3) == 0 ||
			     memcmp(s + i, "千", 3) == 0)) {
				number = 1;
				cjk_numeral = 1;
			} else {
				return 0;
			}
		} else {
			cjk_numeral = 1;
		}
	}
	i += k;

	/* scale: "billion", " bln", "-billion", 亿, 万亿 */
	size_t j = i;
	if (!cjk_numeral) {
		size_t sp = j;
		while (sp < len && (s[sp] == ' ' || s[sp] == '-') && sp - j < 2)
			sp++;
		size_t sk = match_scale(s + sp, len - sp, latin_scales, ARRAY_LEN(latin_scales), 1,
					&factor);
		if (sk) {
			j = sp + sk;
		} else if (currency && j < len && (s[j] == 'm' || s[j] == 'M' || s[j] == 'b' ||
						  s[j] == 'B' || s[j] == 'k' || s[j] == 'K') &&
			   (j + 1 == len || !is_ascii_alpha((unsigned char)s[j + 1]))) {
			factor = (s[j] | 0x20) == 'm' ? 1e6 : (s[j] | 0x20) == 'b' ? 1e9 : 1e3;
			j++;
		}
	}
	if (j == i) {
		size_t sk = match_scale(s + j, len - j, cjk_scales, ARRAY_LEN(cjk_scales), 0, &factor);
		j += sk;
	}
	int has_scale = j > i;
	int cjk_scale = has_scale && (unsigned char)s[j - 1] >= 0x80;
	if (cjk_numeral && !cjk_scale && number < 10)
		return 0;       /* 一元, 三元: too small and too ambiguous to be an investment */

	/* currency after the number */
	size_t after = j;
	{
		size_t sp = j;
		if (!cjk_scale && !cjk_numeral) {
			while (sp < len && (s[sp] == ' ' || s[sp] == '-') && sp - j < 2)
				sp++;
		}
		for (size_t m = 0; m < ARRAY_LEN(suffix_marks); m++) {
			const struct currency_mark *mk = &suffix_marks[m];
			if ((unsigned char)mk->text[0] >= 0x80 && sp != j)
				continue;       /* 元 follows the number directly */
			if ((unsigned char)mk->text[0] < 0x80 && cjk_numeral)
				continue;
			size_t ck = match_mark(s + sp, len - sp, mk);
			if (ck) {
				if (!currency)
					currency = mk->code;
				after = sp + ck;
				break;
			}
		}
	}
	if (!currency) {
		/* "总投资20亿": money only by its context */
		if (cjk_scale && factor >= 1e8 && money_context_before(text, at))
			currency = "CNY";
		else
			return 0;
	}
	if (!has_scale && !cjk_numeral && number == 0)
		return 0;

	/* vague sizes: 数十亿元, 几百亿, 百亿级, 千亿级 */
	if (cjk_numeral) {
		if (preceded_by(text, at, "数") || preceded_by(text, at, "數") ||
		    preceded_by(text, at, "几") || preceded_by(text, at, "幾"))
			hit->vague = 1;
		static const char *const size_words[] = {"级", "級", "量级", "量級", "多"};
		for (size_t w = 0; w < ARRAY_LEN(size_words); w++)
			if (match_literal(s + after, len - after, size_words[w], 0))
				hit->vague = 1;
	}

	hit->amount.value = number * factor;
	memcpy(hit->amount.currency, currency, strlen(currency) + 1);
	hit->amount.start = (uint32_t)at;
	hit->amount.end = (uint32_t)(at + after);
	hit->resume = hit->amount.end;
	return after;
}

/* After an amount, "(US$6.7 billion)" or "（约合5亿美元）" is a conversion of the same sum. */
static void skip_conversion(const char *text, size_t n, struct amount_hit *hit)
{
	size_t i = skip_spaces(text, n, hit->amount.end);
	if (i >= n || text[i] != '(')
		return;
	size_t close = i + 1;
	while (close < n && close - i < 60 && text[close] != ')' && text[close] != '\n')
		close++;
	if (close >= n || text[close] != ')')
		return;
	struct amount_hit inner;
	for (size_t p = i + 1; p < close; p++) {
		if (parse_amount(text, close, p, &inner)) {
			hit->converted = 1;
			hit->resume = (uint32_t)(close + 1);
			return;
		}
	}
}

/* At a word start: an upper-case code ("RMB", "US$", "HK$") or a short word followed by
 * " billion" / " million" / " trillion" ("a billion euros"). Cheap, so that ordinary words
 * are not parsed as amounts. */
static int latin_can_start(const char *text, size_t n, size_t i)
{
	if (i > 0 && is_ascii_alpha((unsigned char)text[i - 1]))
		return 0;
	unsigned char c = (unsigned char)text[i];
	if (c >= 'A' && c <= 'Z' && i + 1 < n &&
	    ((text[i + 1] >= 'A' && text[i + 1] <= 'Z') || text[i + 1] == '$' || text[i + 1] == '.'))
		return 1;
	size_t e = i;
	while (e < n && e - i < 6 && is_ascii_alpha((unsigned char)text[e]))
		e++;
	if (e + 2 >= n || text[e] != ' ')
		return 0;
	unsigned char s = (unsigned char)text[e + 1] | 0x20;
	return s == 'b' || s == 'm' || s == 't';
}

/* A Chinese numeral, a positional 十百千, or 人 of 人民币. */
static int cjk_can_start(const char *s, size_t n)
{
	size_t len;
	return cjk_digit(s, n, &len) >= 0 || cjk_position(s, n) ||
	       (n >= 3 && memcmp(s, "人", 3) == 0);
}

static int could_start_amount(unsigned char c)
{
	return is_digit(c) || c == '$' || c == 'R' || c == 'a' || c == 'A' || c == 'o' || c == 'O' ||
	       c == 't' || c == 'T' || c == 'f' || c == 'F' || c == 's' || c == 'S' || c == 'e' ||
	       c == 'n' || c == 'C' || c == 'U' || c == 'H' ||
	       c == 'E' || c == 'G' || c == 'J' || c == 'N' || c == 0xE2 || c == 0xC2 ||
	       c == 0xEF || (c >= 0xE3 && c <= 0xE9);
}

int amount_find_next(const char *text, size_t n, size_t from, struct amount_hit *hit)
{
	for (size_t i = from; i < n; i++) {
		unsigned char c = (unsigned char)text[i];
		if ((c & 0xC0) == 0x80 || !could_start_amount(c))
			continue;
		if (is_ascii_alpha(c) && !latin_can_start(text, n, i))
			continue;       /* a currency code, or a number word before a scale */
		if (c >= 0xE3 && c <= 0xE9 && !cjk_can_start(text + i, n - i))
			continue;       /* most Chinese characters cannot open an amount */
		if (parse_amount(text, n, i, hit)) {
			skip_conversion(text, n, hit);
			return 1;
		}
		/* skip the rest of a number so "12,345" is not retried at "2,345" */
		while (i + 1 < n && (is_digit((unsigned char)text[i]) || text[i] == ',' ||
				     text[i] == '.') && is_digit((unsigned char)text[i + 1]))
			i++;
	}
	return 0;
}

size_t amount_parse_at(const char *s, size_t n, struct amount_hit *hit)
{
	size_t i = skip_spaces(s, n, 0);
	size_t k = parse_amount(s, n, i, hit);
	if (!k)
		return 0;
	skip_conversion(s, n, hit);
	return i + k;
}
