/* normalize.c: the canonical form of document text. One pass decodes code points (invalid
 * UTF-8 becomes U+FFFD), drops terminal escape sequences and control, bidi and zero-width
 * characters, folds full-width ASCII and odd spaces, applies the line and space rules, and hands
 * chunks cut at safe points to utf8proc for NFC. Chunks keep memory bounded on a 50 MB line.
 * Must not interpret the text. */
#include "normalize.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define CHUNK_BYTES (64u << 10)

struct normalizer {
	struct buf *out;
	struct buf chunk;         /* cleaned text waiting for NFC */
	int chunk_needs_nfc;      /* holds a code point that NFC may change */
	int pending_space;        /* a space to write before the next visible character */
	int pending_newlines;     /* newlines to write before the next visible character */
	int at_start;             /* nothing visible written yet */
};

static void flush_chunk(struct normalizer *nz)
{
	struct buf *c = &nz->chunk;
	if (!c->len)
		return;
	if (nz->chunk_needs_nfc) {
		utf8proc_uint8_t *nfc = NULL;
		utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)c->data, (utf8proc_ssize_t)c->len,
						  &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (r >= 0) {
			buf_append(nz->out, nfc, (size_t)r);
			free(nfc);
			buf_clear(c);
			nz->chunk_needs_nfc = 0;
			return;
		}
		free(nfc);
	}
	buf_append(nz->out, c->data, c->len);
	buf_clear(c);
	nz->chunk_needs_nfc = 0;
}

/* Code points for which the text is certainly already NFC: below U+0300, CJK ideographs and
 * CJK punctuation, the ASCII-folded full-width block. */
static int nfc_stable(uint32_t cp)
{
	return cp < 0x300 || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF);
}

/* A boundary before cp is safe for NFC when cp is a starter that never composes with what
 * precedes it: ASCII and CJK ideographs. */
static int nfc_boundary_before(uint32_t cp)
{
	return cp < 0x80 || (cp >= 0x4E00 && cp <= 0x9FFF);
}

static void put_visible(struct normalizer *nz, uint32_t cp)
{
	if (nfc_boundary_before(cp) && nz->chunk.len >= CHUNK_BYTES)
		flush_chunk(nz);
	if (!nz->at_start) {
		if (nz->pending_newlines) {
			buf_append(&nz->chunk, "\n\n", nz->pending_newlines > 1 ? 2 : 1);
		} else if (nz->pending_space) {
			buf_putc(&nz->chunk, ' ');
		}
	}
	nz->pending_space = nz->pending_newlines = 0;
	nz->at_start = 0;
	if (!nfc_stable(cp))
		nz->chunk_needs_nfc = 1;
	buf_put_utf8(&nz->chunk, cp);
}

static int is_removed_format_char(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) ||   /* bidi embeddings and overrides */
	       (cp >= 0x2066 && cp <= 0x2069) ||   /* bidi isolates */
	       cp == 0x200E || cp == 0x200F || cp == 0x061C ||
	       cp == 0x200B || cp == 0x2060 || cp == 0xFEFF ||   /* zero-width space, joiners kept */
	       cp == 0x00AD;                        /* soft hyphen */
}

static int is_space_char(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\v' || cp == 0xA0 || cp == 0x1680 ||
	       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Length of the escape sequence starting at s[0] == ESC (or the C1 CSI/OSC introducers,
 * already decoded by the caller into esc_kind). Unterminated string sequences end at a newline
 * so a stray ESC cannot swallow the document. */
static size_t skip_escape(const unsigned char *s, size_t n, size_t i, char kind)
{
	if (kind == '[') {                 /* CSI: parameters, intermediates, one final byte */
		while (i < n && s[i] >= 0x20 && s[i] <= 0x3F)
			i++;
		while (i < n && s[i] >= 0x20 && s[i] <= 0x2F)
			i++;
		if (i < n && s[i] >= 0x40 && s[i] <= 0x7E)
			i++;
		return i;
	}
	if (kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_') {
		/* string sequences end with BEL or ST (ESC \ or U+009C) */
		while (i < n && s[i] != '\n') {
			if (s[i] == 0x07)
				return i + 1;
			if (s[i] == 0x1B && i + 1 < n && s[i + 1] == '\\')
				return i + 2;
			if (s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0x9C)
				return i + 2;
			i++;
		}
		return i;
	}
	return i;
}

void normalize_text(const char *in, size_t n, struct buf *out)
{
	const unsigned char *s = (const unsigned char *)in;
	struct normalizer nz = { .out = out, .at_start = 1 };
	buf_reserve(out, n);
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t len;
		if (s[i] < 0x80) {
			cp = s[i];
			len = 1;
		} else {
			len = (size_t)utf8_decode(s + i, n - i, &cp);
		}
		i += len;
		if (cp == 0x1B) {
			if (i < n && s[i] >= 0x20 && s[i] <= 0x2F) {
				/* nF: intermediates then one final byte ("ESC ( B") */
				while (i < n && s[i] >= 0x20 && s[i] <= 0x2F)
					i++;
				if (i < n && s[i] >= 0x30 && s[i] <= 0x7E)
					i++;
			} else if (i < n && s[i] >= 0x30 && s[i] <= 0x7E) {
				char kind = (char)s[i++];
				i = skip_escape(s, n, i, kind);
			}
			continue;
		}
		if (cp == 0x9B) {
			i = skip_escape(s, n, i, '[');
			continue;
		}
		if (cp == 0x9D) {
			i = skip_escape(s, n, i, ']');
			continue;
		}
		if (cp == '\r') {
			if (i < n && s[i] == '\n')
				i++;
			cp = '\n';
		}
		if (cp == '\n' || cp == '\f' || cp == 0x2028 || cp == 0x2029) {
			nz.pending_space = 0;
			nz.pending_newlines += cp == 0x2029 ? 2 : 1;
			continue;
		}
		if (is_space_char(cp)) {
			nz.pending_space = 1;
			continue;
		}
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || is_removed_format_char(cp))
			continue;
		if (cp >= 0xFF01 && cp <= 0xFF5E)   /* full-width ASCII and punctuation */
			cp -= 0xFEE0;
		put_visible(&nz, cp);
	}
	flush_chunk(&nz);
	buf_free(&nz.chunk);
	buf_cstr(out);
}
