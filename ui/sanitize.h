/* sanitize.h: turns untrusted text (document titles, bodies, names) into text that is safe to
 * send to a terminal: control characters, escape sequences, C1 controls, bidirectional overrides,
 * line separators, unprintable code points and invalid UTF-8 become visible placeholders, so no
 * byte of a document can move the cursor, change colours or reorder what is shown. */
#ifndef CHAINSCOPE_SANITIZE_H
#define CHAINSCOPE_SANITIZE_H

#include <stddef.h>
#include "util.h"

#define SAN_MAX 16                /* longest rendering of one character, with its NUL */

enum san_flags {
	SAN_ASCII = 1,            /* the terminal cannot show UTF-8: only printable ASCII out */
};

/* Renders the character starting at s[0..n) (n > 0) into out (NUL-terminated). Returns the bytes
 * of s consumed (1..4); *placeholder is set when the rendering is a placeholder rather than the
 * character itself. A tab renders as one space. */
size_t san_char(const char *s, size_t n, int flags, char out[SAN_MAX], int *placeholder);

/* Appends the rendering of s[0..n) to out. A zero-width character with nothing before it to
 * attach to gets a dotted circle, so it cannot combine with whatever the screen shows left of
 * the text. */
void san_string(const char *s, size_t n, int flags, struct buf *out);

/* The flags for the current locale: SAN_ASCII unless its codeset is UTF-8. */
int san_locale_flags(void);

#endif
