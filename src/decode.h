/* decode.h: from a file's raw bytes to UTF-8. Owns encoding detection (BOM, UTF-8, GB18030 vs
 * Big5 by common characters, Windows-1252) and the iconv conversion. Must not alter the text
 * beyond re-encoding it: normalisation is normalize.c's job. */
#ifndef CHAINSCOPE_DECODE_H
#define CHAINSCOPE_DECODE_H

#include <stddef.h>
#include "util.h"

enum decode_status {
	DECODE_OK = 0,
	DECODE_BINARY,      /* NUL bytes without a UTF-16 BOM, or no encoding fits */
	DECODE_ERROR,       /* iconv unavailable or out of memory */
};

/* Decodes in[0..n) to UTF-8 appended to out. *encoding is set to a static name such as
 * "UTF-8", "UTF-16LE", "GB18030", "BIG5", "WINDOWS-1252". A UTF-8 file with a few invalid
 * sequences (a truncated tail, a stray byte) stays UTF-8 with U+FFFD in their place. On failure
 * a reason is written to why. Thread-safe. */
enum decode_status decode_bytes(const unsigned char *in, size_t n, struct buf *out,
				const char **encoding, char *why, size_t whylen);

#endif
