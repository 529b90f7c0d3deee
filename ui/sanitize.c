/* sanitize.c: the one gate between document text and the terminal (see sanitize.h). Owns the
 * choice of placeholders; must not measure layout (textwidth.c) or draw. */
#include "sanitize.h"
#include "textwidth.h"

#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int is_bidi_control(uint32_t cp)
{
	return cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

size_t san_char(const char *s, size_t n, int flags, char out[SAN_MAX], int *placeholder)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;
	int len = utf8_decode(u, n, &cp);
	int ascii = flags & SAN_ASCII;
	*placeholder = 1;
	if (cp == 0xfffd && !(len == 3 && u[0] == 0xef && u[1] == 0xbf && u[2] == 0xbd)) {
		/* an invalid or truncated sequence: one replacement per byte */
		snprintf(out, SAN_MAX, "%s", ascii ? "?" : "\xef\xbf\xbd");
		return 1;
	}
	if (cp == '\t') {
		snprintf(out, SAN_MAX, " ");
		*placeholder = 0;
		return 1;
	}
	if (cp < 0x20 || cp == 0x7f) {
		if (ascii) {
			snprintf(out, SAN_MAX, "^%c", cp == 0x7f ? '?' : (char)(cp + '@'));
		} else {
			/* U+2400.. Control Pictures: ESC shows as ␛, DEL as ␡ */
			struct buf b = {0};
			buf_put_utf8(&b, cp == 0x7f ? 0x2421 : 0x2400 + cp);
			snprintf(out, SAN_MAX, "%s", buf_cstr(&b));
			buf_free(&b);
		}
		return (size_t)len;
	}
	if (cp < 0x7f) {
		out[0] = (char)cp;
		out[1] = '\0';
		*placeholder = 0;
		return 1;
	}
	if ((cp >= 0x80 && cp < 0xa0) || is_bidi_control(cp) || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0xfeff || tw_char_width(cp) < 0) {
		snprintf(out, SAN_MAX, "<U+%04X>", (unsigned)cp);
		return (size_t)len;
	}
	if (ascii) {
		snprintf(out, SAN_MAX, "?");
		return (size_t)len;
	}
	memcpy(out, s, (size_t)len);
	out[len] = '\0';
	*placeholder = 0;
	return (size_t)len;
}

void san_string(const char *s, size_t n, int flags, struct buf *out)
{
	char r[SAN_MAX];
	int have_base = 0;
	size_t i = 0;
	while (i < n) {
		int ph;
		size_t used = san_char(s + i, n - i, flags, r, &ph);
		if (!ph && !have_base && (unsigned char)r[0] >= 0x80) {
			uint32_t cp;
			utf8_decode((const unsigned char *)r, strlen(r), &cp);
			if (tw_char_width(cp) == 0)
				buf_puts(out, "\xe2\x97\x8c");   /* U+25CC dotted circle */
		}
		buf_puts(out, r);
		have_base = 1;
		i += used;
	}
}

int san_locale_flags(void)
{
	const char *cs = nl_langinfo(CODESET);
	return (cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0)) ? 0 : SAN_ASCII;
}
