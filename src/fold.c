/* fold.c: traditional->simplified character fold (table generated at build time from OpenCC,
 * see fold_gen.c) and the CJK ideograph test. Owns no text policy beyond the fold itself. */
#include "fold.h"

#include <pthread.h>
#include <string.h>
#include "t2s_table.h"

int is_cjk_ideograph(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F) ||
	       cp == 0x3007;
}

/* A direct table over U+3400..U+FAFF (100 KB), filled once from the sorted pairs: the fold is
 * on the hot path of tokenizing and matching every CJK character. */
#define FOLD_LO 0x3400u
#define FOLD_HI 0xFAFFu
static uint16_t fold_table[FOLD_HI - FOLD_LO + 1];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static void fold_table_init(void)
{
	for (uint32_t cp = FOLD_LO; cp <= FOLD_HI; cp++)
		fold_table[cp - FOLD_LO] = (uint16_t)cp;
	for (size_t i = 0; i < sizeof(t2s_pairs) / sizeof(t2s_pairs[0]); i++)
		fold_table[t2s_pairs[i].from - FOLD_LO] = t2s_pairs[i].to;
}

uint32_t fold_t2s(uint32_t cp)
{
	if (cp < FOLD_LO || cp > FOLD_HI)
		return cp;
	pthread_once(&fold_once, fold_table_init);
	return fold_table[cp - FOLD_LO];
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
