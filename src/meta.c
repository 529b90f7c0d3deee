/* meta.c: metadata from the normalised text: the leading url: line, the title (the first line
 * that reads like a headline), the publication date (a labelled or line-leading date near the
 * top, following ../shared/corpus/GUIDELINES.md: year, month and day in one expression; an
 * event date inside a sentence is not a publication date) and the language. Must not look at
 * file names or the URL for dates, and must not modify the text. */
#include "meta.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "fold.h"
#include "util.h"

#define TOP_LINES 25          /* the publication date and title are looked for this high up */
#define TOP_BYTES 4000
#define TITLE_MAX_BYTES 300

/* ---- dates ---- */

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

static int valid_ymd(int y, int m, int d)
{
	return y >= 1980 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

static size_t read_number(const char *s, size_t n, size_t i, int maxdigits, int *value)
{
	size_t start = i;
	int v = 0;
	while (i < n && i - start < (size_t)maxdigits && isdigit((unsigned char)s[i]))
		v = v * 10 + (s[i++] - '0');
	*value = v;
	return i - start;
}

static int is_digit_at(const char *s, size_t n, size_t i)
{
	return i < n && isdigit((unsigned char)s[i]);
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

static const char *const month_names[] = {
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december",
};

/* Month name (full, or 3-letter abbreviation with optional '.', "Sept") at s[i]. */
static size_t read_month_name(const char *s, size_t n, size_t i, int *month)
{
	/* every month name starts with one of these letters */
	if (i >= n || !strchr("jfmasond", tolower((unsigned char)s[i])))
		return 0;
	for (int m = 0; m < 12; m++) {
		size_t full = strlen(month_names[m]);
		if (i + full <= n && strncasecmp(s + i, month_names[m], full) == 0 &&
		    !(i + full < n && isalpha((unsigned char)s[i + full]))) {
			*month = m + 1;
			return full;
		}
	}
	for (int m = 0; m < 12; m++) {
		size_t len = (m == 8 && i + 4 <= n && strncasecmp(s + i, "sept", 4) == 0) ? 4 : 3;
		if (i + len <= n && strncasecmp(s + i, month_names[m], len) == 0 &&
		    !(i + len < n && isalpha((unsigned char)s[i + len]))) {
			*month = m + 1;
			return len + (i + len < n && s[i + len] == '.');
		}
	}
	return 0;
}

static size_t finish_date(int y, int m, int d, size_t consumed, char out[11])
{
	if (!valid_ymd(y, m, d))
		return 0;
	/* valid_ymd bounds every field, so the digits below are exact */
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return consumed;
}

/* 2023-04-13, 2023/4/13, 2023.01.16, 2022年02月09日 */
static size_t parse_ymd(const char *s, size_t n, char out[11])
{
	int y, m, d;
	size_t i = read_number(s, n, 0, 4, &y);
	if (i != 4)
		return 0;
	if (i + 3 <= n && memcmp(s + i, "年", 3) == 0) {
		size_t j = skip_spaces(s, n, i + 3), k;
		if (!(k = read_number(s, n, j, 2, &m)))
			return 0;
		j = skip_spaces(s, n, j + k);
		if (j + 3 > n || memcmp(s + j, "月", 3) != 0)
			return 0;
		j = skip_spaces(s, n, j + 3);
		if (!(k = read_number(s, n, j, 2, &d)))
			return 0;
		j += k;
		j = skip_spaces(s, n, j);
		if (j + 3 <= n && (memcmp(s + j, "日", 3) == 0 || memcmp(s + j, "号", 3) == 0))
			return finish_date(y, m, d, j + 3, out);
		return 0;
	}
	if (i >= n || (s[i] != '-' && s[i] != '/' && s[i] != '.'))
		return 0;
	char sep = s[i++];
	size_t k = read_number(s, n, i, 2, &m);
	if (!k || i + k >= n || s[i + k] != sep)
		return 0;
	i += k + 1;
	k = read_number(s, n, i, 2, &d);
	if (!k || is_digit_at(s, n, i + k))
		return 0;
	i += k;
	return finish_date(y, m, d, i, out);
}

/* 11-12-2019 (day first with - or .), 12/11/2019 (month first with /) */
static size_t parse_dmy(const char *s, size_t n, char out[11])
{
	int a, b, y;
	size_t i = read_number(s, n, 0, 2, &a);
	if (!i || i >= n || (s[i] != '-' && s[i] != '/' && s[i] != '.'))
		return 0;
	char sep = s[i++];
	size_t k = read_number(s, n, i, 2, &b);
	if (!k || i + k >= n || s[i + k] != sep)
		return 0;
	i += k + 1;
	k = read_number(s, n, i, 4, &y);
	if (k != 4 || is_digit_at(s, n, i + k))
		return 0;
	i += k;
	int day = a, month = b;
	if (sep == '/' || a > 12) {
		if (sep == '/' && b <= 12 && a <= 12) {
			month = a;
			day = b;
		} else if (a > 12) {
			day = a;
			month = b;
		} else {
			month = a;
			day = b;
		}
	}
	return finish_date(y, month, day, i, out);
}

/* July 31, 2024 / Jul. 31 2024 / 31 July 2024 / 31 Jul, 2024 */
static size_t parse_named_month(const char *s, size_t n, char out[11])
{
	int m, d, y;
	size_t i, k;
	if ((k = read_month_name(s, n, 0, &m))) {
		i = skip_spaces(s, n, k);
		if (!(k = read_number(s, n, i, 2, &d)) || is_digit_at(s, n, i + k))
			return 0;
		i += k;
		if (i + 2 <= n && (strncasecmp(s + i, "st", 2) == 0 || strncasecmp(s + i, "nd", 2) == 0 ||
				   strncasecmp(s + i, "rd", 2) == 0 || strncasecmp(s + i, "th", 2) == 0))
			i += 2;
		if (i < n && s[i] == ',')
			i++;
		i = skip_spaces(s, n, i);
		if ((k = read_number(s, n, i, 4, &y)) != 4 || is_digit_at(s, n, i + k))
			return 0;
		return finish_date(y, m, d, i + k, out);
	}
	if (!(k = read_number(s, n, 0, 2, &d)))
		return 0;
	i = skip_spaces(s, n, k);
	if (i == k && !(i < n && isalpha((unsigned char)s[i])))
		return 0;
	if (!(k = read_month_name(s, n, i, &m)))
		return 0;
	i += k;
	if (i < n && s[i] == ',')
		i++;
	i = skip_spaces(s, n, i);
	if ((k = read_number(s, n, i, 4, &y)) != 4 || is_digit_at(s, n, i + k))
		return 0;
	return finish_date(y, m, d, i + k, out);
}

size_t parse_date_at(const char *s, size_t n, char out[11])
{
	size_t k;
	if (!n)
		return 0;
	if (isdigit((unsigned char)s[0])) {
		if ((k = parse_ymd(s, n, out)) || (k = parse_dmy(s, n, out)) || (k = parse_named_month(s, n, out)))
			return k;
		return 0;
	}
	if (isalpha((unsigned char)s[0]))
		return parse_named_month(s, n, out);
	return 0;
}

/* ---- lines ---- */

struct line {
	const char *s;
	size_t n;
};

/* The next line at *pos (without its newline); returns 0 at the end. */
static int next_line(const char *text, size_t n, size_t *pos, struct line *l)
{
	if (*pos >= n)
		return 0;
	const char *nl = memchr(text + *pos, '\n', n - *pos);
	size_t end = nl ? (size_t)(nl - text) : n;
	l->s = text + *pos;
	l->n = end - *pos;
	*pos = nl ? end + 1 : n;
	return 1;
}

static int starts_with_ci(const char *s, size_t n, const char *prefix)
{
	size_t p = strlen(prefix);
	return n >= p && strncasecmp(s, prefix, p) == 0;
}

static int contains_ci(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	int first = tolower((unsigned char)needle[0]);
	for (size_t i = 0; i + k <= n; i++)
		if (tolower((unsigned char)s[i]) == first && strncasecmp(s + i, needle, k) == 0)
			return 1;
	return 0;
}

/* Words that, just before a date, say it is the page's own date. */
static const char *const date_labels[] = {
	"date", "release time", "released", "release", "updated", "update", "published", "publish",
	"posted", "post time", "time", "created", "source", "发表于", "发表时间", "发布时间", "发布日期",
	"发布", "更新时间", "时间", "日期", "来源", "發表於", "發表時間", "發佈時間", "發布時間", "發佈日期",
	"發布日期", "更新時間", "時間", "來源", "更新",
};

/* True when the text just before position at (same line) ends with a date label, ignoring
 * spaces, ':' and '|' and "•". */
static int labelled_before(const char *line, size_t at)
{
	size_t end = at;
	while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == ':' || line[end - 1] == '|'))
		end--;
	for (size_t i = 0; i < ARRAY_LEN(date_labels); i++) {
		size_t k = strlen(date_labels[i]);
		if (end >= k && strncasecmp(line + end - k, date_labels[i], k) == 0 &&
		    (end == k || !isalpha((unsigned char)line[end - k - 1])))
			return 1;
	}
	return 0;
}

/* Only spaces and bullets before position at. */
static int leads_line(const char *line, size_t at)
{
	for (size_t i = 0; i < at; ) {
		unsigned char c = (unsigned char)line[i];
		if (c == ' ' || c == '|' || c == '-' || c == '(' || c == '[') {
			i++;
		} else if (i + 3 <= at && memcmp(line + i, "\xe2\x80\xa2", 3) == 0) {   /* • */
			i += 3;
		} else {
			return 0;
		}
	}
	return 1;
}

/* After a line-leading date: a time, nothing, or a short tail (a source name, "By ..."), not a
 * sentence running on, which would make it an event date. */
static int short_tail(const char *rest, size_t n)
{
	size_t i = skip_spaces(rest, n, 0);
	if (i >= n)
		return 1;
	if (rest[i] == ',' || (i + 3 <= n && memcmp(rest + i, "，", 3) == 0))
		return 0;
	return n - i <= 80 || isdigit((unsigned char)rest[i]);
}

/* A dateline: "NANJING, March 3, 2023 (Xinhua) --" - capitals and a comma before the date. */
static int after_dateline_city(const char *line, size_t at)
{
	size_t i = 0, caps = 0;
	while (i < at && (isupper((unsigned char)line[i]) || line[i] == ' ' || line[i] == '\''))
		caps += isupper((unsigned char)line[i++]) != 0;
	return caps >= 3 && i < at && line[i] == ',' && leads_line(line + i + 1, at - i - 1);
}

/* " 17:16" or " 18:47:32" right after a date. */
static int followed_by_time(const char *s, size_t n)
{
	size_t i = skip_spaces(s, n, 0);
	int h, m;
	size_t k = read_number(s, n, i, 2, &h);
	if (!k || i + k >= n || s[i + k] != ':')
		return 0;
	i += k + 1;
	return read_number(s, n, i, 2, &m) == 2 && h < 24 && m < 60;
}

static int is_date_start(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if (i > 0 && (isalnum((unsigned char)s[i - 1])))
		return 0;
	return isdigit(c) || (isalpha(c) && i + 3 <= n);
}

void find_publication_date(const char *text, size_t n, char out[11])
{
	out[0] = '\0';
	size_t pos = 0;
	struct line l;
	for (int lines = 0; lines < TOP_LINES && pos < TOP_BYTES && next_line(text, n, &pos, &l); lines++) {
		for (size_t i = 0; i < l.n; i++) {
			if (!is_date_start(l.s, l.n, i))
				continue;
			char d[11];
			size_t k = parse_date_at(l.s + i, l.n - i, d);
			if (!k)
				continue;
			int labelled = labelled_before(l.s, i);
			int leading = leads_line(l.s, i) && short_tail(l.s + i + k, l.n - i - k);
			/* "Seetao 2022-06-20 17:16", "来源:中国新闻网 2022-11-15 18:47:32": a timestamp
			 * after a short source name is the page's own date */
			int stamped = i <= 60 && followed_by_time(l.s + i + k, l.n - i - k);
			if (labelled || leading || stamped || after_dateline_city(l.s, i)) {
				memcpy(out, d, 11);
				return;
			}
			i += k - 1;
		}
	}
}

/* ---- title ---- */

static size_t count_cjk(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; ) {
		uint32_t cp;
		i += (size_t)utf8_decode((const unsigned char *)s + i, n - i, &cp);
		c += is_cjk_ideograph(cp) != 0;
	}
	return c;
}

static size_t count_words(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		if (isalpha((unsigned char)s[i]) && (i == 0 || !isalpha((unsigned char)s[i - 1])))
			w++;
	return w;
}

static const char *const boilerplate_words[] = {
	"menu", "subscribe", "sign in", "log in", "login", "register", "copyright", "all rights reserved",
	"share to", "share this", "home >", "home page", "skip to", "cookie", "首页", "登录", "注册",
	"分享", "当前位置", "您的位置", "您现在的位置", "责任编辑", "设为首页", "收藏本站", "版权所有",
	"记者", "記者", "综合报道", "綜合報導", "通讯员", "通訊員",
};

/* Strips a leading date label and date ("date 2023-04-13 Title") from a line. */
static struct line strip_leading_date(struct line l)
{
	size_t i = skip_spaces(l.s, l.n, 0);
	for (size_t j = 0; j < ARRAY_LEN(date_labels); j++)
		if (starts_with_ci(l.s + i, l.n - i, date_labels[j])) {
			i += strlen(date_labels[j]);
			while (i < l.n && (l.s[i] == ' ' || l.s[i] == ':'))
				i++;
			break;
		}
	char d[11];
	size_t k = parse_date_at(l.s + i, l.n - i, d);
	if (!k)
		return l;
	i += k;
	/* a time after the date */
	i = skip_spaces(l.s, l.n, i);
	while (i < l.n && (isdigit((unsigned char)l.s[i]) || l.s[i] == ':'))
		i++;
	i = skip_spaces(l.s, l.n, i);
	struct line r = { l.s + i, l.n - i };
	return r;
}

static int title_like(struct line l)
{
	if (l.n == 0 || l.n > 400)
		return 0;
	/* navigation: "Home | News | Economy", "首页 > 财经 > 正文" */
	size_t bars = 0, crumbs = 0;
	for (size_t i = 0; i < l.n; i++) {
		bars += l.s[i] == '|';
		crumbs += l.s[i] == '>';
	}
	if (bars >= 2 || crumbs >= 2)
		return 0;
	/* a byline or source line: "来源:...", "Source: ...", "By ..." */
	static const char *const byline_starts[] = { "来源", "來源", "source", "by ", "作者", "编辑", "editor", "记者" };
	for (size_t i = 0; i < ARRAY_LEN(byline_starts); i++)
		if (starts_with_ci(l.s, l.n, byline_starts[i]))
			return 0;
	for (size_t i = 0; i < ARRAY_LEN(boilerplate_words); i++)
		if (contains_ci(l.s, l.n, boilerplate_words[i]))
			return 0;
	size_t cjk = count_cjk(l.s, l.n);
	return cjk >= 6 || (cjk == 0 && count_words(l.s, l.n) >= 4);
}

static int date_or_source_line(struct line l)
{
	char d[11];
	for (size_t i = 0; i < l.n; i++)
		if (is_date_start(l.s, l.n, i) && parse_date_at(l.s + i, l.n - i, d))
			return 1;
	return contains_ci(l.s, l.n, "来源") || contains_ci(l.s, l.n, "source:");
}

static char *copy_title(struct line l)
{
	size_t n = l.n;
	while (n > 0 && l.s[n - 1] == ' ')
		n--;
	if (n > TITLE_MAX_BYTES) {
		n = TITLE_MAX_BYTES;
		while (n > 0 && ((unsigned char)l.s[n] & 0xC0) == 0x80)
			n--;
	}
	return xstrndup(l.s, n);
}

/* Markdown heading marks and list bullets before a headline. */
static struct line strip_markup(struct line l)
{
	while (l.n && (l.s[0] == '#' || l.s[0] == ' ' || l.s[0] == '*')) {
		l.s++;
		l.n--;
	}
	return l;
}

static char *find_title(const char *text, size_t n)
{
	struct line orig[TOP_LINES], cand[TOP_LINES];
	int ncand = 0;
	struct line first = { NULL, 0 };
	size_t pos = 0;
	struct line l;
	for (int lines = 0; lines < TOP_LINES && next_line(text, n, &pos, &l); lines++) {
		if (l.n == 0)
			continue;
		if (!first.s)
			first = l;
		orig[ncand] = l;
		cand[ncand++] = strip_markup(strip_leading_date(l));
	}
	/* A headline is usually followed by its date or source line: prefer such a line. */
	for (int i = 0; i + 1 < ncand; i++)
		if (title_like(cand[i]) && (date_or_source_line(orig[i + 1]) ||
					    (i + 2 < ncand && date_or_source_line(orig[i + 2]))))
			return copy_title(cand[i]);
	for (int i = 0; i < ncand; i++)
		if (title_like(cand[i]))
			return copy_title(cand[i]);
	if (first.s)
		return copy_title(first);
	return xstrdup("");
}

/* ---- language ---- */

const char *detect_lang(const char *text, size_t n)
{
	size_t cjk = 0, latin = 0;
	for (size_t i = 0; i < n; ) {
		unsigned char c = (unsigned char)text[i];
		if (c < 0x80) {
			latin += isalpha(c) != 0;
			i++;
			continue;
		}
		uint32_t cp;
		i += (size_t)utf8_decode((const unsigned char *)text + i, n - i, &cp);
		cjk += is_cjk_ideograph(cp) != 0;
	}
	if (cjk + latin < 10)
		return "und";
	/* a Chinese character carries about as much as a five-letter word */
	return cjk * 5 >= latin ? "zh" : "en";
}

/* ---- the whole ---- */

void meta_extract(const char *text, size_t n, struct doc_meta *m)
{
	memset(m, 0, sizeof *m);
	size_t pos = 0;
	struct line l;
	/* the url: line, the first non-empty line */
	while (next_line(text, n, &pos, &l)) {
		if (l.n == 0)
			continue;
		if (starts_with_ci(l.s, l.n, "url:")) {
			size_t i = skip_spaces(l.s, l.n, 4);
			m->url = xstrndup(l.s + i, l.n - i);
			m->body_start = pos;
		}
		break;
	}
	while (m->body_start < n && text[m->body_start] == '\n')
		m->body_start++;
	const char *body = text + m->body_start;
	size_t body_n = n - m->body_start;
	m->title = find_title(body, body_n);
	find_publication_date(body, body_n, m->date);
	snprintf(m->lang, sizeof m->lang, "%s", detect_lang(body, body_n));
}

void meta_free(struct doc_meta *m)
{
	free(m->url);
	free(m->title);
	m->url = m->title = NULL;
}
