/* test_normalize.c: unit tests for normalize_text(): NFC, full-width folding, line endings,
 * spaces and paragraphs, and the removal of controls, terminal escape sequences, bidi and
 * zero-width characters; invalid UTF-8. Must not test decoding or metadata. */
#include <stdlib.h>
#include "check.h"
#include "normalize.h"

#define FFFD "\xef\xbf\xbd"

/* Normalises a C string into a static buffer and returns it (one result at a time). */
static const char *norm(const char *in)
{
	static struct buf out;
	buf_free(&out);
	normalize_text(in, strlen(in), &out);
	return out.len ? buf_cstr(&out) : "";
}

static const char *norm_n(const char *in, size_t n)
{
	static struct buf out;
	buf_free(&out);
	normalize_text(in, n, &out);
	return out.len ? buf_cstr(&out) : "";
}

static int utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int len = *p < 0x80 ? 1 : (*p >= 0xC2 && *p <= 0xDF) ? 2 : (*p >= 0xE0 && *p <= 0xEF) ? 3
			: (*p >= 0xF0 && *p <= 0xF4) ? 4 : 0;
		if (!len) return 0;
		for (int k = 1; k < len; k++)
			if ((p[k] & 0xC0) != 0x80) return 0;
		p += len;
	}
	return 1;
}

TEST(plain_text_is_unchanged)
{
	CHECK_STR(norm("Suzhou signs a battery project.\nSecond line."),
		  "Suzhou signs a battery project.\nSecond line.");
	CHECK_STR(norm("长三角一体化发展。"), "长三角一体化发展。");
	CHECK_STR(norm(""), "");
}

TEST(nfc_composes)
{
	CHECK_STR(norm("cafe\xcc\x81"), "caf\xc3\xa9");              /* e + U+0301 -> é */
	CHECK_STR(norm("A\xcc\x8a"), "\xc3\x85");                     /* A + ring -> Å */
}

TEST(fullwidth_ascii_folds)
{
	CHECK_STR(norm("ＡＢＣ１２３ｘｙｚ"), "ABC123xyz");
	CHECK_STR(norm("ｈｅｌｌｏ，ｗｏｒｌｄ！"), "hello,world!");
	CHECK_STR(norm("（１）"), "(1)");
	CHECK_STR(norm("投资５０亿元"), "投资50亿元");
	CHECK_STR(norm("发表于：2023"), "发表于:2023");
	/* ideographic space is a space */
	CHECK_STR(norm("长三角\xe3\x80\x80示范区"), "长三角 示范区");
	/* the ideographic full stop is not a full-width ASCII form and stays */
	CHECK_STR(norm("结束。"), "结束。");
}

TEST(line_endings)
{
	CHECK_STR(norm("a\r\nb\rc\nd"), "a\nb\nc\nd");
	CHECK_STR(norm("a\r\n\r\nb"), "a\n\nb");
}

TEST(tabs_and_other_spaces_become_one_space)
{
	CHECK_STR(norm("a\tb"), "a b");
	CHECK_STR(norm("a \t  b"), "a b");
	CHECK_STR(norm("a\xc2\xa0\xc2\xa0" "b"), "a b");            /* no-break spaces */
	CHECK_STR(norm("a\xe2\x80\x83" "b"), "a b");                /* em space */
}

TEST(spaces_collapsed_and_trimmed_at_line_ends)
{
	CHECK_STR(norm("one    two     three"), "one two three");
	CHECK_STR(norm("end of line   \nnext"), "end of line\nnext");
	CHECK_STR(norm("last line   "), "last line");
}

TEST(paragraphs_kept_blank_runs_collapsed)
{
	CHECK_STR(norm("p1\n\np2"), "p1\n\np2");
	CHECK_STR(norm("p1\n\n\n\n\np2"), "p1\n\np2");
	CHECK_STR(norm("p1\n   \n \t \np2"), "p1\n\np2");
	CHECK_STR(norm("p1\r\n\r\n\r\n\r\np2"), "p1\n\np2");
}

TEST(control_characters_removed)
{
	CHECK_STR(norm("a\x01" "b\x7f" "c\x08" "d"), "abcd");
	CHECK_STR(norm("a\xc2\x86" "b"), "ab");                       /* U+0086, a C1 control */
	CHECK_STR(norm("bell\x07!"), "bell!");
}

TEST(csi_sequences_removed)
{
	CHECK_STR(norm("\x1b[31mred\x1b[0m text"), "red text");
	CHECK_STR(norm("\x1b[1;2Hx\x1b[2Jy"), "xy");
	CHECK_STR(norm("a\x1b[?25lb"), "ab");
	CHECK_STR(norm("a\xc2\x9b" "31mb"), "ab");                    /* 8-bit CSI (U+009B) */
}

TEST(osc_sequences_removed)
{
	CHECK_STR(norm("\x1b]0;evil title\x07" "after"), "after");
	CHECK_STR(norm("\x1b]8;;http://example.com\x1b\\link\x1b]8;;\x1b\\"), "link");
}

TEST(other_escape_sequences_removed)
{
	CHECK_STR(norm("\x1b" "cX"), "X");                            /* RIS */
	CHECK_STR(norm("a\x1b(Bb"), "ab");                            /* charset designation */
	CHECK_STR(norm("a\x1bP1;2|payload\x1b\\b"), "ab");            /* DCS ... ST */
	CHECK_STR(norm("trailing escape\x1b"), "trailing escape");
	CHECK_STR(norm("unterminated \x1b[12;"), "unterminated");
}

TEST(bidi_and_zero_width_removed)
{
	CHECK_STR(norm("a\xe2\x80\xae" "b\xe2\x80\xac" "c"), "abc");  /* RLO, PDF */
	CHECK_STR(norm("a\xe2\x81\xa6" "b\xe2\x81\xa9" "c"), "abc");  /* LRI, PDI */
	CHECK_STR(norm("a\xe2\x80\x8f" "b"), "ab");                   /* RLM */
	CHECK_STR(norm("a\xe2\x80\x8b" "b"), "ab");                   /* zero-width space */
	CHECK_STR(norm("\xef\xbb\xbf" "a\xef\xbb\xbf" "b"), "ab");    /* BOM / ZWNBSP */
}

TEST(invalid_utf8_replaced)
{
	CHECK_STR(norm("a\xff" "b"), "a" FFFD "b");
	CHECK(strstr(norm("a\xc0\xaf" "b"), "\xc0") == NULL);
	CHECK(utf8_valid(norm("a\xc0\xaf" "b")));
	CHECK(utf8_valid(norm("\xed\xa0\x80 surrogate")));
	const char *t = norm("tail \xe9\x95");
	CHECK(strncmp(t, "tail ", 5) == 0 && strstr(t, FFFD) != NULL && utf8_valid(t));
}

TEST(embedded_nul_does_not_truncate_or_leak)
{
	const char in[] = "before\0after";
	const char *t = norm_n(in, sizeof in - 1);
	CHECK(strncmp(t, "before", 6) == 0);
	CHECK(strstr(t, "after") != NULL);
}

TEST(output_is_idempotent)
{
	const char *hostile = "\xef\xbb\xbf  Ｔｉｔｌｅ\x1b[1m！\x1b[0m\r\n\r\n\r\n"
		"body\t\ttext\xe2\x80\xae rev\xe2\x80\xac \xff\xfe end  \n\n\n";
	char first[512];
	snprintf(first, sizeof first, "%s", norm(hostile));
	CHECK_STR(norm(first), first);
	CHECK(utf8_valid(first));
	CHECK(strchr(first, '\x1b') == NULL);
	CHECK(strchr(first, '\r') == NULL);
	CHECK(strchr(first, '\t') == NULL);
}

TEST(appends_to_existing_buffer)
{
	struct buf out = {0};
	buf_puts(&out, "x:");
	normalize_text("Ａ", 3, &out);
	CHECK_STR(buf_cstr(&out), "x:A");
	buf_free(&out);
}

TEST(long_single_line_is_linear)
{
	/* 8 MB of words on one line with controls sprinkled in: must finish quickly */
	size_t n = 8u << 20;
	char *in = malloc(n);
	CHECK(in != NULL);
	if (!in) return;
	for (size_t i = 0; i < n; i++)
		in[i] = (i % 97 == 0) ? '\x01' : (i % 7 == 0) ? ' ' : 'a' + (char)(i % 26);
	double t0 = now_seconds();
	struct buf out = {0};
	normalize_text(in, n, &out);
	double dt = now_seconds() - t0;
	CHECK(out.len > n / 2 && out.len < n);
	CHECK(memchr(out.data, '\x01', out.len) == NULL);
	CHECK(dt < 10.0);   /* generous even under ASan; a quadratic pass takes hours */
	buf_free(&out);
	free(in);
}

int main(void)
{
	RUN(plain_text_is_unchanged);
	RUN(nfc_composes);
	RUN(fullwidth_ascii_folds);
	RUN(line_endings);
	RUN(tabs_and_other_spaces_become_one_space);
	RUN(spaces_collapsed_and_trimmed_at_line_ends);
	RUN(paragraphs_kept_blank_runs_collapsed);
	RUN(control_characters_removed);
	RUN(csi_sequences_removed);
	RUN(osc_sequences_removed);
	RUN(other_escape_sequences_removed);
	RUN(bidi_and_zero_width_removed);
	RUN(invalid_utf8_replaced);
	RUN(embedded_nul_does_not_truncate_or_leak);
	RUN(output_is_idempotent);
	RUN(appends_to_existing_buffer);
	RUN(long_single_line_is_linear);
	CHECK_DONE();
}
