/* util.h: small things every stage uses: checked allocation, a growable byte buffer, a 64-bit
 * hash, messages. Owns no policy; must not know about documents, SQL or the terminal. */
#ifndef CHAINSCOPE_UTIL_H
#define CHAINSCOPE_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A growable byte string, always NUL-terminated when len > 0 or after buf_cstr(). */
struct buf {
	char *data;
	size_t len, cap;
};
void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const void *p, size_t n);
void buf_putc(struct buf *b, char c);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *buf_cstr(struct buf *b);
void buf_clear(struct buf *b);
void buf_free(struct buf *b);

/* Appends the UTF-8 encoding of code point cp. */
void buf_put_utf8(struct buf *b, uint32_t cp);

/* Decodes one UTF-8 sequence at s[0..n). Returns its length (1..4) and sets *cp; on an invalid
 * or truncated sequence returns 1 and sets *cp to 0xFFFD. n must be > 0. */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Bytes of a well-formed UTF-8 sequence starting with lead byte c (1 for invalid leads). */
int utf8_seq_len(unsigned char c);

/* The largest length <= max at which s (of at least max bytes) can be cut without splitting
 * a UTF-8 sequence. */
size_t utf8_cut(const char *s, size_t max);

/* 64-bit hash of a byte string (not cryptographic; for change detection and keys). */
uint64_t hash64(const void *p, size_t n, uint64_t seed);

/* qsort that accepts an empty (possibly NULL) array: qsort(NULL, 0, ...) is undefined. */
void sort_array(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* Index of the first of n records (each `size` bytes, sorted by the uint32_t field at `offset`)
 * whose field is >= key. */
size_t lower_bound_u32(const void *base, size_t n, size_t size, size_t offset, uint32_t key);

/* Messages to stderr prefixed with "chainscope: ". */
void warnx_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void diex(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Monotonic seconds. */
double now_seconds(void);

#endif
