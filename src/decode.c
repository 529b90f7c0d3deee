/* decode.c: encoding detection and conversion to UTF-8. Order: BOM (UTF-8, UTF-16LE/BE); NUL
 * bytes in the first KB without a BOM mean binary; valid (or nearly valid) UTF-8; else the better
 * of GB18030 and Big5 (the one that decodes cleanly, and of those the one whose characters are
 * more often in the common-character tier of either standard); else Windows-1252; else binary.
 * Must not normalise: the output is the text as the file says it. */
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define SNIFF_BYTES 1024
#define DETECT_BYTES (256u << 10)   /* legacy encodings are chosen on this much of the file */

/* Bitset over the BMP of "common" ideographs: GB2312 level 1 (3755 characters) and Big5
 * level 1 (5401 characters), computed once through iconv itself so no table is shipped. */
static unsigned char common_cjk[0x10000 / 8];
static pthread_once_t common_once = PTHREAD_ONCE_INIT;

static void mark_common_from(const char *encoding, unsigned lead_lo, unsigned lead_hi,
			     const unsigned char *trails, size_t ntrails)
{
	iconv_t cd = iconv_open("UTF-32LE", encoding);
	if (cd == (iconv_t)-1)
		return;
	for (unsigned lead = lead_lo; lead <= lead_hi; lead++) {
		for (size_t t = 0; t < ntrails; t++) {
			char in[2] = { (char)lead, (char)trails[t] };
			unsigned char out[8];
			char *ip = in, *op = (char *)out;
			size_t il = 2, ol = sizeof out;
			iconv(cd, NULL, NULL, NULL, NULL);
			if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || ol != sizeof out - 4)
				continue;
			unsigned cp = out[0] | (unsigned)out[1] << 8 | (unsigned)out[2] << 16;
			if (cp >= 0x3400 && cp < 0x10000)
				common_cjk[cp >> 3] |= (unsigned char)(1u << (cp & 7));
		}
	}
	iconv_close(cd);
}

static void build_common_cjk(void)
{
	unsigned char trails[192];
	size_t n = 0;
	for (unsigned t = 0xA1; t <= 0xFE; t++)
		trails[n++] = (unsigned char)t;
	mark_common_from("GB18030", 0xB0, 0xD7, trails, n);          /* GB2312 level 1 */
	n = 0;
	for (unsigned t = 0x40; t <= 0x7E; t++)
		trails[n++] = (unsigned char)t;
	for (unsigned t = 0xA1; t <= 0xFE; t++)
		trails[n++] = (unsigned char)t;
	mark_common_from("BIG5", 0xA4, 0xC6, trails, n);             /* Big5 level 1 */
}

static int is_common_cjk(uint32_t cp)
{
	return cp < 0x10000 && (common_cjk[cp >> 3] & (1u << (cp & 7)));
}

/* Converts with iconv, replacing each undecodable byte with U+FFFD. Returns the number of
 * replacements, or -1 when the converter cannot be opened. */
static long convert_lossy(const char *from, const unsigned char *in, size_t n, struct buf *out)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return -1;
	long errors = 0;
	char *ip = (char *)in;
	size_t il = n;
	while (il > 0) {
		buf_reserve(out, il * 2 + 16);
		char *op = out->data + out->len;
		size_t ol = out->cap - out->len - 1;
		size_t r = iconv(cd, &ip, &il, &op, &ol);
		out->len = (size_t)(op - out->data);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		/* EILSEQ or EINVAL (truncated at the end): replace one byte and go on */
		errors++;
		buf_put_utf8(out, 0xFFFD);
		ip++;
		il--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	/* flush any shift state */
	buf_reserve(out, 16);
	char *op = out->data + out->len;
	size_t ol = out->cap - out->len - 1;
	iconv(cd, NULL, NULL, &op, &ol);
	out->len = (size_t)(op - out->data);
	out->data[out->len] = '\0';
	iconv_close(cd);
	return errors;
}

struct utf8_census {
	size_t multibyte, invalid;
	int truncated_tail;
};

static struct utf8_census utf8_scan(const unsigned char *s, size_t n)
{
	struct utf8_census c = { 0, 0, 0 };
	size_t i = 0;
	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		int len = utf8_decode(s + i, n - i, &cp);
		if (cp == 0xFFFD && len == 1) {
			/* a sequence cut off by the end of the file: truncation, not another encoding */
			int want = utf8_seq_len(s[i]);
			int cut = want > 1 && (size_t)want > n - i;
			for (size_t k = i + 1; cut && k < n; k++)
				cut = (s[k] & 0xC0) == 0x80;
			if (cut) {
				c.truncated_tail = 1;
				break;
			}
			c.invalid++;
		} else {
			c.multibyte++;
		}
		i += (size_t)len;
	}
	return c;
}

/* A few invalid sequences among valid ones is damaged UTF-8, not another encoding: in a
 * GB18030, Big5 or Windows-1252 file most high bytes fail as UTF-8. */
static int mostly_utf8(struct utf8_census c)
{
	if (c.invalid == 0)
		return 1;
	return c.multibyte >= 2 * c.invalid && c.invalid <= 1 + c.multibyte / 50;
}

static void append_utf8_lossy(const unsigned char *s, size_t n, struct buf *out)
{
	buf_reserve(out, n);
	size_t i = 0;
	while (i < n) {
		size_t run = i;
		while (run < n && s[run] < 0x80)
			run++;
		buf_append(out, s + i, run - i);
		i = run;
		if (i >= n)
			break;
		uint32_t cp;
		int len = utf8_decode(s + i, n - i, &cp);
		if (cp == 0xFFFD && len == 1)
			buf_put_utf8(out, 0xFFFD);
		else
			buf_append(out, s + i, (size_t)len);
		i += (size_t)len;
	}
}

struct candidate {
	const char *name;        /* reported name */
	const char *iconv_names[3];
	const char *used;        /* the iconv name that decoded best */
	struct buf text;
	long errors;
	size_t cjk, common;
};

static void census_cjk(struct candidate *c)
{
	const unsigned char *s = (const unsigned char *)c->text.data;
	size_t n = c->text.len, i = 0;
	c->cjk = c->common = 0;
	while (i < n) {
		uint32_t cp;
		i += (size_t)utf8_decode(s + i, n - i, &cp);
		if (cp >= 0x3400 && cp <= 0x9FFF) {
			c->cjk++;
			c->common += (size_t)is_common_cjk(cp);
		}
	}
}

static void try_candidate(struct candidate *c, const unsigned char *in, size_t n)
{
	c->errors = -1;
	for (int i = 0; i < 3 && c->iconv_names[i]; i++) {
		buf_clear(&c->text);
		c->errors = convert_lossy(c->iconv_names[i], in, n, &c->text);
		c->used = c->iconv_names[i];
		if (c->errors == 0)
			break;
	}
	if (c->errors >= 0)
		census_cjk(c);
}

static int candidate_usable(const struct candidate *c)
{
	if (c->errors < 0)
		return 0;
	if (c->errors > 1 + (long)(c->cjk / 200))
		return 0;
	/* mostly rare characters: this is some other encoding read through the wrong glasses */
	return c->cjk == 0 || c->common * 10 >= c->cjk * 3;
}

static enum decode_status say(char *why, size_t whylen, enum decode_status st, const char *msg)
{
	if (why && whylen)
		snprintf(why, whylen, "%s", msg);
	return st;
}

enum decode_status decode_bytes(const unsigned char *in, size_t n, struct buf *out,
				const char **encoding, char *why, size_t whylen)
{
	pthread_once(&common_once, build_common_cjk);
	*encoding = "UTF-8";
	if (n >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF) {
		append_utf8_lossy(in + 3, n - 3, out);
		return DECODE_OK;
	}
	if (n >= 2 && ((in[0] == 0xFF && in[1] == 0xFE) || (in[0] == 0xFE && in[1] == 0xFF))) {
		int le = in[0] == 0xFF;
		*encoding = le ? "UTF-16LE" : "UTF-16BE";
		if (convert_lossy(*encoding, in + 2, n - 2, out) < 0)
			return say(why, whylen, DECODE_ERROR, "iconv cannot convert UTF-16");
		return DECODE_OK;
	}
	size_t sniff = n < SNIFF_BYTES ? n : SNIFF_BYTES;
	if (memchr(in, '\0', sniff))
		return say(why, whylen, DECODE_BINARY, "binary file (NUL bytes, no UTF-16 byte-order mark)");
	struct utf8_census u = utf8_scan(in, n);
	if (mostly_utf8(u)) {
		append_utf8_lossy(in, n, out);
		return DECODE_OK;
	}
	struct candidate gb = { "GB18030", { "GB18030", NULL, NULL }, NULL, { 0 }, 0, 0, 0 };
	struct candidate big5 = { "BIG5", { "CP950", "BIG5-HKSCS", "BIG5" }, NULL, { 0 }, 0, 0, 0 };
	size_t detect = n < DETECT_BYTES ? n : DETECT_BYTES;
	try_candidate(&gb, in, detect);
	try_candidate(&big5, in, detect);
	struct candidate *pick = NULL;
	int gb_ok = candidate_usable(&gb), big5_ok = candidate_usable(&big5);
	if (gb_ok && big5_ok) {
		/* compare shares of common characters; ties go to GB18030 */
		pick = big5.common * (gb.cjk ? gb.cjk : 1) > gb.common * (big5.cjk ? big5.cjk : 1) ? &big5 : &gb;
	} else if (gb_ok) {
		pick = &gb;
	} else if (big5_ok) {
		pick = &big5;
	}
	enum decode_status st = DECODE_OK;
	if (pick) {
		*encoding = pick->name;
		if (detect == n)
			buf_append(out, pick->text.data, pick->text.len);
		else
			convert_lossy(pick->used, in, n, out);
	} else {
		struct buf cp1252 = { 0 };
		long errors = convert_lossy("WINDOWS-1252", in, n, &cp1252);
		if (errors == 0) {
			*encoding = "WINDOWS-1252";
			buf_append(out, cp1252.data, cp1252.len);
		} else {
			st = say(why, whylen, DECODE_BINARY, "binary or unknown encoding (not UTF-8, GB18030, Big5 or Windows-1252)");
		}
		buf_free(&cp1252);
	}
	buf_free(&gb.text);
	buf_free(&big5.text);
	return st;
}
