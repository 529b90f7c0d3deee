/* fold.c: traditional->simplified character fold (table generated at build time from OpenCC,
 * see fold_gen.c) and the CJK ideograph test. Owns no text policy beyond the fold itself. */
#include "fold.h"

#include <string.h>
#include "t2s_table.h"

int is_cjk_ideograph(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F) ||
	       cp == 0x3007;
}

uint32_t fold_t2s(uint32_t cp)
{
	if (cp < 0x3400 || cp > 0xFAFF)
		return cp;
	size_t lo = 0, hi = sizeof(t2s_pairs) / sizeof(t2s_pairs[0]);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t2s_pairs[mid].from < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < sizeof(t2s_pairs) / sizeof(t2s_pairs[0]) && t2s_pairs[lo].from == cp)
		return t2s_pairs[lo].to;
	return cp;
}

void fold_text_t2s(const char *in, size_t n, char *out)
{
	const unsigned char *s = (const unsigned char *)in;
	if (out != in)
		memmove(out, in, n);
	for (size_t i = 0; i + 2 < n; ) {
		if ((s[i] & 0xF0) == 0xE0 && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
			uint32_t cp = ((uint32_t)(s[i] & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) |
				      (s[i + 2] & 0x3F);
			uint32_t to = fold_t2s(cp);
			if (to != cp) {
				out[i] = (char)(0xE0 | (to >> 12));
				out[i + 1] = (char)(0x80 | ((to >> 6) & 0x3F));
				out[i + 2] = (char)(0x80 | (to & 0x3F));
			}
			i += 3;
		} else {
			i++;
		}
	}
}
