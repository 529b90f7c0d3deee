/* normalize.h: from decoded UTF-8 to the canonical text every later stage reads. Owns NFC
 * (utf8proc), folding of full-width ASCII and punctuation, line-ending and whitespace rules,
 * and the removal of control characters, terminal escape sequences and bidi/zero-width
 * controls. Must not interpret the text (titles, dates and the url: line are meta.c's). */
#ifndef CHAINSCOPE_NORMALIZE_H
#define CHAINSCOPE_NORMALIZE_H

#include <stddef.h>
#include "util.h"

/* Appends the normalised form of in[0..n) (valid or invalid UTF-8) to out: NFC, full-width
 * forms folded to ASCII, CRLF/CR to LF, tabs and other spaces to one space, runs of spaces
 * collapsed, spaces trimmed at line ends, more than one blank line collapsed to one (paragraphs
 * kept), C0/C1 controls, ESC sequences, bidi overrides and zero-width characters removed,
 * invalid UTF-8 replaced by U+FFFD. Linear in n; memory O(n). */
void normalize_text(const char *in, size_t n, struct buf *out);

#endif
