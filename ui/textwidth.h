/* textwidth.h: display width of UTF-8 text in terminal columns (CJK two, combining marks zero)
 * and width-aware truncation and padding that never split a character and never exceed the
 * columns given. Works on text already passed through the sanitiser (sanitize.h); invalid bytes
 * count one column each, as the sanitiser renders them as one replacement character. */
#ifndef CHAINSCOPE_TEXTWIDTH_H
#define CHAINSCOPE_TEXTWIDTH_H

#include <stddef.h>
#include <stdint.h>
#include "util.h"

/* Columns of one code point as the terminal library counts them (wcwidth in the current locale):
 * 0 for combining and zero-width characters, 1 or 2 otherwise, -1 when not printable. */
int tw_char_width(uint32_t cp);

/* Columns of s[0..n). Unprintable code points count 1 (the sanitiser replaces them). */
int tw_width(const char *s, size_t n);

/* The byte length of the longest prefix of s[0..n) that fits in cols columns, ending on a
 * character boundary and keeping the zero-width characters that follow the last one that fits.
 * *used (may be NULL) gets the columns of that prefix. */
size_t tw_fit(const char *s, size_t n, int cols, int *used);

/* Appends s[0..n) to out in exactly cols columns: truncated with the ellipsis (a one-column
 * string, e.g. "…" or "~") when too wide, padded with spaces when short (on the right, or on the
 * left when align_right). A two-column character that would straddle the edge becomes a space. */
void tw_fit_pad(struct buf *out, const char *s, size_t n, int cols, const char *ellipsis, int align_right);

#endif
