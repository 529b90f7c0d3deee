/* test_textwidth.c: column widths and width-aware truncation (ui/textwidth.c): CJK is two
 * columns, combining marks zero, truncation never splits a character or overflows. The ui
 * objects are not part of the core library the unit tests link, so the module is compiled in. */
#include "textwidth.c"   /* first: it sets the feature macros wcwidth needs */
#include "check.h"

#include <locale.h>
#include <stdlib.h>

static char *fit(const char *s, int cols, const char *ell, int right)
{
	static char out[256];
	struct buf b = {0};
	tw_fit_pad(&b, s, strlen(s), cols, ell, right);
	snprintf(out, sizeof out, "%s", b.len ? buf_cstr(&b) : "");
	buf_free(&b);
	return out;
}

TEST(widths)
{
	CHECK_INT(tw_width("abc", 3), 3);
	CHECK_INT(tw_width("苏州", strlen("苏州")), 4);
	CHECK_INT(tw_width("e\xcc\x81", 3), 1);            /* e + combining acute */
	CHECK_INT(tw_width("\xf0\x9f\x94\x8b", 4), 2);      /* battery emoji */
	CHECK_INT(tw_width("\xff", 1), 1);                  /* invalid byte: one replacement */
	CHECK_INT(tw_char_width(0x1b), -1);
	CHECK_INT(tw_char_width(0x4e2d), 2);
	CHECK_INT(tw_char_width(0x301), 0);
}

TEST(fit_never_splits)
{
	int used;
	const char *s = "a苏州b";
	/* 2 columns: "a" fits, 苏 would need columns 2-3 */
	CHECK_INT(tw_fit(s, strlen(s), 2, &used), 1);
	CHECK_INT(used, 1);
	CHECK_INT(tw_fit(s, strlen(s), 3, &used), 4);
	CHECK_INT(used, 3);
	/* the combining mark stays with its base */
	CHECK_INT(tw_fit("e\xcc\x81x", 4, 1, &used), 3);
	CHECK_INT(tw_fit("", 0, 5, &used), 0);
	CHECK_INT(tw_fit("abc", 3, 0, &used), 0);
	/* a truncated multibyte sequence is not extended past n */
	CHECK_INT(tw_fit("\xe8\x8b", 2, 10, &used), 2);
}

TEST(fit_pad_exact_columns)
{
	CHECK_STR(fit("abc", 5, "~", 0), "abc  ");
	CHECK_STR(fit("abc", 5, "~", 1), "  abc");
	CHECK_STR(fit("abcdef", 4, "~", 0), "abc~");
	CHECK_STR(fit("苏州工业园区", 6, "~", 0), "苏州 ~");   /* 苏州 is 4, 工 would straddle */
	CHECK_STR(fit("苏州工业园区", 7, "…", 0), "苏州工…");
	CHECK_STR(fit("x", 0, "~", 0), "");
	/* every result is exactly the width asked for */
	const char *samples[] = {"长三角 Yangtze River Delta 一体化", "e\xcc\x81\xcc\x81tude", "\xf0\x9f\x94\x8b battery", "a"};
	for (size_t i = 0; i < ARRAY_LEN(samples); i++)
		for (int cols = 1; cols < 40; cols++) {
			char *r = fit(samples[i], cols, "~", 0);
			CHECK_INT(tw_width(r, strlen(r)), cols);
		}
}

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8")) {
		printf("skip - test_textwidth: no UTF-8 locale\nok - test_textwidth: nothing to run\n");
		return 0;
	}
	RUN(widths);
	RUN(fit_never_splits);
	RUN(fit_pad_exact_columns);
	CHECK_DONE();
}
