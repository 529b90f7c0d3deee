/* amount.h: money amounts as news text writes them, in English and Chinese ("15.4 billion yuan",
 * "RMB 6.4 billion", "US$6.7 billion", "6.4亿元", "8600万元", "1.2万亿元", "三十亿元"), normalised to
 * a value in units and an ISO currency code, with the span of the original text.
 * Owns the number, scale and currency forms only: which amount belongs to which project is
 * projects.c's business. Must not allocate, and must stay linear in the text it scans. */
#ifndef CHAINSCOPE_AMOUNT_H
#define CHAINSCOPE_AMOUNT_H

#include <stddef.h>
#include <stdint.h>
#include "extract.h"

struct amount_hit {
	struct amount amount;   /* value, currency and the span as written (absolute offsets) */
	int vague;              /* 百亿级, 数十亿元, "billions": names a size, not a figure */
	int converted;          /* a parenthetical conversion followed and was skipped */
	uint32_t resume;        /* where the next search should start */
};

/* Finds the first amount that starts at or after byte `from` of text[0..n). Returns 1 and
 * fills hit, or 0 when there is none. A conversion in parentheses right after an amount
 * ("43.5 billion yuan (US$6.7 billion)") is not reported separately: hit->resume skips it. */
int amount_find_next(const char *text, size_t n, size_t from, struct amount_hit *hit);

/* Parses the amount that starts exactly at s[0..n) (after optional spaces). Returns the bytes
 * consumed (0 when s does not start with an amount). Convenience for tests and callers that
 * already know where an amount is. */
size_t amount_parse_at(const char *s, size_t n, struct amount_hit *hit);

#endif
