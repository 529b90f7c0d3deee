/* fold.h: the character folds shared by the tokenizer, the query parser and the gazetteer:
 * traditional to simplified Chinese (one code point to one, from OpenCC's tables at build time)
 * and ASCII case. Every fold maps a 3-byte UTF-8 character to a 3-byte one, so folded text has
 * the same byte offsets as the original. */
#ifndef CHAINSCOPE_FOLD_H
#define CHAINSCOPE_FOLD_H

#include <stddef.h>
#include <stdint.h>

/* The simplified form of a traditional character, or cp itself. */
uint32_t fold_t2s(uint32_t cp);

/* Writes to out[0..n) the text in[0..n) with traditional characters folded to simplified (byte
 * for byte the same length; out may equal in). */
void fold_text_t2s(const char *in, size_t n, char *out);

/* True for code points the tokenizer treats as CJK ideographs (one token per character). */
int is_cjk_ideograph(uint32_t cp);

#endif
