/* textwidth.c: column arithmetic for UTF-8 text (see textwidth.h). Owns width measurement and
 * truncation only; must not sanitise (sanitize.c does) or touch the terminal. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700    /* wcwidth */
#endif
#include "textwidth.h"

#include <string.h>
#include <wchar.h>

int tw_char_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return -1;
	if (cp < 0x7f)
		return 1;
	/* wcwidth is what ncurses uses to place cells, so the two never disagree. */
	int w = wcwidth((wchar_t)cp);
	return w > 2 ? 2 : w;
}

/* Width of the character at s[0..n): the sanitiser shows unprintable ones as one column. */
static int char_cols(const char *s, size_t n, int *len)
{
	uint32_t cp;
	*len = utf8_decode((const unsigned char *)s, n, &cp);
	int w = tw_char_width(cp);
	return w < 0 ? 1 : w;
}

int tw_width(const char *s, size_t n)
{
	int cols = 0;
	size_t i = 0;
	while (i < n) {
		int len;
		cols += char_cols(s + i, n - i, &len);
		i += (size_t)len;
	}
	return cols;
}

size_t tw_fit(const char *s, size_t n, int cols, int *used)
{
	int acc = 0;
	size_t i = 0;
	while (i < n) {
		int len, w = char_cols(s + i, n - i, &len);
		if (acc + w > cols)
			break;
		acc += w;
		i += (size_t)len;
	}
	if (used)
		*used = acc;
	return i;
}

void tw_fit_pad(struct buf *out, const char *s, size_t n, int cols, const char *ellipsis, int align_right)
{
	if (cols <= 0)
		return;
	int total = tw_width(s, n);
	if (total <= cols) {
		if (align_right)
			for (int i = total; i < cols; i++)
				buf_putc(out, ' ');
		buf_append(out, s, n);
		if (!align_right)
			for (int i = total; i < cols; i++)
				buf_putc(out, ' ');
		return;
	}
	int used;
	size_t keep = tw_fit(s, n, cols - 1, &used);
	buf_append(out, s, keep);
	/* a wide character that did not fit leaves a gap: fill it so the column stays exact */
	for (int i = used; i < cols - 1; i++)
		buf_putc(out, ' ');
	buf_puts(out, ellipsis);
}
