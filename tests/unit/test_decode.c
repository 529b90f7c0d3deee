/* test_decode.c: unit tests for decode_bytes(): BOMs, UTF-8, UTF-16, GB18030 against Big5, the
 * Windows-1252 fallback, broken and binary input. The legacy byte strings below were produced
 * with iconv(1) from the UTF-8 text next to them; no corpus text is used. Must not test
 * normalisation (test_normalize.c) beyond checking that a BOM never reaches the text. */
#include <stdlib.h>
#include "check.h"
#include "decode.h"
#include "normalize.h"

/* True when s[0..n) is well-formed UTF-8 (no surrogates, no overlongs). */
static int utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned c = p[i];
		size_t len; unsigned cp;
		if (c < 0x80) { i++; continue; }
		else if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
		else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
		else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
		else return 0;
		if (i + len > n) return 0;
		for (size_t k = 1; k < len; k++) {
			if ((p[i + k] & 0xC0) != 0x80) return 0;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += len;
	}
	return 1;
}

struct decoded {
	enum decode_status status;
	const char *encoding;
	struct buf out;
	char why[256];
};

static void decode(const char *bytes, size_t n, struct decoded *d)
{
	memset(d, 0, sizeof *d);
	d->encoding = NULL;
	d->status = decode_bytes((const unsigned char *)bytes, n, &d->out, &d->encoding,
				 d->why, sizeof d->why);
}

static const char *text_of(struct decoded *d) { return d->out.len ? buf_cstr(&d->out) : ""; }

#define FFFD "\xef\xbf\xbd"

TEST(plain_utf8_is_kept_as_is)
{
	const char in[] = "Hi \xe9\x95\xbf\xe4\xb8\x89\xe8\xa7\x92 \xf0\x9f\x98\x80 \xef\xbd\x81"; /* Hi 长三角 😀 ａ */
	struct decoded d;
	decode(in, sizeof in - 1, &d);
	CHECK_INT(d.status, DECODE_OK);
	CHECK_STR(d.encoding, "UTF-8");
	CHECK_STR(text_of(&d), in);
	buf_free(&d.out);
}

TEST(pure_ascii_is_utf8)
{
	const char in[] = "Suzhou signs a 2.4 billion yuan battery project.\n";
	struct decoded d;
	decode(in, sizeof in - 1, &d);
	CHECK_INT(d.status, DECODE_OK);
	CHECK_STR(d.encoding, "UTF-8");
	CHECK_STR(text_of(&d), in);
	buf_free(&d.out);
}

TEST(utf8_bom_is_detected_and_never_reaches_the_text)
{
	const char in[] = "\xef\xbb\xbf" "Hi \xe9\x95\xbf\xe4\xb8\x89\xe8\xa7\x92";
	struct decoded d;
	decode(in, sizeof in - 1, &d);
	CHECK_INT(d.status, DECODE_OK);
	CHECK_STR(d.encoding, "UTF-8");
	/* the text itself is unchanged; the BOM is gone at the latest after normalisation */
	CHECK(strstr(text_of(&d), "Hi \xe9\x95\xbf\xe4\xb8\x89\xe8\xa7\x92") != NULL);
	struct buf norm = {0};
	normalize_text(d.out.data, d.out.len, &norm);
	CHECK_STR(norm.len ? buf_cstr(&norm) : "", "Hi \xe9\x95\xbf\xe4\xb8\x89\xe8\xa7\x92");
	buf_free(&norm);
	buf_free(&d.out);
}

TEST(utf16le_with_bom)
{
	/* "Hi 长三角 😀" (with a surrogate pair) */
	const char in[] = "\xff\xfe" "\x48\x00\x69\x00\x20\x00\x7f\x95\x09\x4e\xd2\x89\x20\x00\x3d\xd8\x00\xde";
	struct decoded d;
	decode(in, sizeof in - 1, &d);
	CHECK_INT(d.status, DECODE_OK);
	CHECK_STR(d.encoding, "UTF-16LE");
	CHECK_STR(text_of(&d), "Hi \xe9\x95\xbf\xe4\xb8\x89\xe8\xa7\x92 \xf0\x9f\x98\x80");
	buf_free(&d.out);
}

TEST(utf16be_with_bom)
{
	const char in[] = "\xfe\xff" "\x00\x48\x00\x69\x00\x20\x95\x7f\x4e\x09\x89\xd2\x00\x20\xd8\x3d\xde\x00";
	struct decoded d;
	decode(in, sizeof in - 1, &d);
	CHECK_INT(d.status, DECODE_OK);
	CHECK_STR(d.encoding, "UTF-16BE");
	CHECK_STR(text_of(&d), "Hi \xe9\x95\xbf\xe4\xb8\x89\xe8\xa7\x92 \xf0\x9f\x98\x80");
	buf_free(&d.out);
}

TEST(utf16_with_odd_length_or_lone_surrogate_does_not_break)
{
	/* a truncated last code unit, then a lone high surrogate followed by 'A' */
	const char odd[] = "\xff\xfe" "\x48\x00\x69\x00\x20";
	const char lone[] = "\xff\xfe" "\x48\x00\x3d\xd8\x41\x00";
	struct decoded d;
	decode(odd, sizeof odd - 1, &d);
	if (d.status == DECODE_OK) {
		CHECK(utf8_valid(d.out.data, d.out.len));
		CHECK(strncmp(text_of(&d), "Hi", 2) == 0);
	}
	buf_free(&d.out);
	decode(lone, sizeof lone - 1, &d);
	if (d.status == DECODE_OK) {
		CHECK(utf8_valid(d.out.data, d.out.len));
		CHECK(strncmp(text_of(&d), "H", 1) == 0);
	}
	buf_free(&d.out);
}

TEST(gb18030_simplified_chinese)
{
	/* 长三角一体化发展，新能源汽车产业链在苏州和杭州加快集聚。 (also decodes as Big5, to mojibake) */
	const char in[] = "\xb3\xa4\xc8\xfd\xbd\xc7\xd2\xbb\xcc\xe5\xbb\xaf\xb7\xa2\xd5\xb9\xa3\xac"
		"\xd0\xc2\xc4\xdc\xd4\xb4\xc6\xfb\xb3\xb5\xb2\xfa\xd2\xb5\xc1\xb4\xd4\xda\xcb\xd5"
		"\xd6\xdd\xba\xcd\xba\xbc\xd6\xdd\xbc\xd3\xbf\xec\xbc\xaf\xbe\xdb\xa1\xa3";
	struct decoded d;
	decode(in, sizeof in - 1, &d);
	CHECK_INT(d.status, DECODE_OK);
	CHECK_STR(d.encoding, "GB18030");
	CHECK_STR(text_of(&d), "长三角一体化发展，新能源汽车产业链在苏州和杭州加快集聚。");
	buf_free(&d.out);
}

TEST(big5_traditional_chinese)
{
	/* 長三角一體化發展，新能源汽車產業鏈在蘇州和杭州加快集聚。 (also decodes as GB18030) */
	const char in[] = "\xaa\xf8\xa4\x54\xa8\xa4\xa4\x40\xc5\xe9\xa4\xc6\xb5\x6f\xae\x69\xa1\x41"
		"\xb7\x73\xaf\xe0\xb7\xbd\xa8\x54\xa8\xae\xb2\xa3\xb7\x7e\xc3\xec\xa6\x62\xc4\xac"
		"\xa6\x7b\xa9\x4d\xaa\x43\xa6\x7b\xa5\x5b\xa7\xd6\xb6\xb0\xbb\x45\xa1\x43";
	struct decoded d;
	decode(in, sizeof in - 1, &d);
	CHECK_INT(d.status, DECODE_OK);
	CHECK_STR(d.encoding, "BIG5");
	CHECK_STR(text_of(&d), "長三角一體化發展，新能源汽車產業鏈在蘇州和杭州加快集聚。");
	buf_free(&d.out);
}

TEST(gb18030_or_big5_chosen_by_common_characters)
{
	/* Both byte strings decode without error in both encodings; only the common-character
	 * count tells them apart. */
	const char gb[] = "\xc9\xcf\xba\xa3\xca\xd0\xc6\xd6\xb6\xab\xd0\xc2\xc7\xf8\xb5\xc4\xbc\xaf"
		"\xb3\xc9\xb5\xe7\xc2\xb7\xcf\xee\xc4\xbf\xc7\xa9\xd4\xbc\xa3\xac\xd7\xdc\xcd\xb6"
		"\xd7\xca\xca\xae\xd2\xda\xd4\xaa\xa1\xa3";
	const char big5[] = "\xa4\x57\xae\xfc\xa5\xab\xae\xfa\xaa\x46\xb7\x73\xb0\xcf\xaa\xba\xbf\x6e"
		"\xc5\xe9\xb9\x71\xb8\xf4\xb6\xb5\xa5\xd8\xc3\xb1\xac\xf9\xa1\x41\xc1\x60\xa7\xeb"
		"\xb8\xea\xa4\x51\xbb\xf5\xa4\xb8\xa1\x43";
	struct decoded d;
	decode(gb, sizeof gb - 1, &d);
	CHECK_STR(d.encoding, "GB18030");
	CHECK_STR(text_of(&d), "上海市浦东新区的集成电路项目签约，总投资十亿元。");
	buf_free(&d.out);
	decode(big5, sizeof big5 - 1, &d);
	CHECK_STR(d.encoding, "BIG5");
	CHECK_STR(text_of(&d), "上海市浦東新區的積體電路項目簽約，總投資十億元。");
	buf_free(&d.out);
}

TEST(gb18030_with_ascii_mixed_in)
{
	/* "GDP 增长 5.2%" in GB18030 */
	const char in[] = "GDP \xd4\xf6\xb3\xa4 5.2%\n";
	struct decoded d;
	decode(in, sizeof in - 1, &d);
	CHECK_INT(d.status, DECODE_OK);
	CHECK_STR(d.encoding, "GB18030");
	CHECK_STR(text_of(&d), "GDP 增长 5.2%\n");
	buf_free(&d.out);
}

TEST(windows1252_fallback)
{
	/* "Café – “quoted” price €5 naïve": invalid as UTF-8, GB18030 and Big5 */
	const char in[] = "\x43\x61\x66\xe9\x20\x96\x20\x93\x71\x75\x6f\x74\x65\x64\x94\x20\x70\x72"
		"\x69\x63\x65\x20\x80\x35\x20\x6e\x61\xef\x76\x65";
	struct decoded d;
	decode(in, sizeof in - 1, &d);
	CHECK_INT(d.status, DECODE_OK);
	CHECK_STR(d.encoding, "WINDOWS-1252");
	CHECK_STR(text_of(&d), "Café – “quoted” price €5 naïve");
	buf_free(&d.out);
}

TEST(truncated_utf8_tail_stays_utf8)
{
	/* long Chinese UTF-8 text cut in the middle of 长 (E9 95 BF) */
	struct buf in = {0};
	for (int i = 0; i < 20; i++)
		buf_puts(&in, "长三角新能源汽车产业链加快集聚。");
	size_t good = in.len;
	buf_append(&in, "\xe9\x95", 2);
	struct decoded d;
	decode(in.data, in.len, &d);
	CHECK_INT(d.status, DECODE_OK);
	CHECK_STR(d.encoding, "UTF-8");
	CHECK(d.out.len >= good && memcmp(d.out.data, in.data, good) == 0);
	CHECK(strstr(text_of(&d) + good, FFFD) != NULL);
	CHECK(utf8_valid(d.out.data, d.out.len));
	buf_free(&d.out);
	buf_free(&in);
}

TEST(truncated_utf8_in_short_english_text)
{
	const char in[] = "Price \xe2\x82\xac" "5 in Hangzhou \xe2\x82"; /* € then a cut € */
	struct decoded d;
	decode(in, sizeof in - 1, &d);
	CHECK_INT(d.status, DECODE_OK);
	CHECK_STR(d.encoding, "UTF-8");
	CHECK(strncmp(text_of(&d), "Price \xe2\x82\xac" "5 in Hangzhou ", 20) == 0);
	CHECK(strstr(text_of(&d), FFFD) != NULL);
	CHECK(utf8_valid(d.out.data, d.out.len));
	buf_free(&d.out);
}

TEST(stray_invalid_byte_in_utf8_becomes_replacement)
{
	const char in[] = "\xe9\x95\xbf\xe4\xb8\x89\xe8\xa7\x92 news \xff more text \xe5\x85\x89\xe4\xbc\x8f";
	struct decoded d;
	decode(in, sizeof in - 1, &d);
	CHECK_INT(d.status, DECODE_OK);
	CHECK_STR(d.encoding, "UTF-8");
	CHECK_STR(text_of(&d), "\xe9\x95\xbf\xe4\xb8\x89\xe8\xa7\x92 news " FFFD " more text \xe5\x85\x89\xe4\xbc\x8f");
	buf_free(&d.out);
}

TEST(nul_bytes_mean_binary)
{
	const char in[] = "plain text\0with a NUL\0 and more";
	struct decoded d;
	decode(in, sizeof in - 1, &d);
	CHECK_INT(d.status, DECODE_BINARY);
	CHECK(d.why[0] != '\0');
	buf_free(&d.out);
}

TEST(utf16_without_bom_is_binary)
{
	const char in[] = "h\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0";
	struct decoded d;
	decode(in, sizeof in - 1, &d);
	CHECK_INT(d.status, DECODE_BINARY);
	buf_free(&d.out);
}

TEST(png_header_is_binary)
{
	const char in[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
	struct decoded d;
	decode(in, sizeof in - 1, &d);
	CHECK_INT(d.status, DECODE_BINARY);
	buf_free(&d.out);
}

TEST(empty_input_is_empty_text)
{
	struct decoded d;
	decode("", 0, &d);
	CHECK_INT(d.status, DECODE_OK);
	CHECK_INT(d.out.len, 0);
	buf_free(&d.out);
}

TEST(bom_only_is_empty_text)
{
	struct decoded d;
	decode("\xef\xbb\xbf", 3, &d);
	CHECK_INT(d.status, DECODE_OK);
	if (d.out.len) {   /* a kept BOM must vanish in normalisation */
		struct buf norm = {0};
		normalize_text(d.out.data, d.out.len, &norm);
		CHECK_INT(norm.len, 0);
		buf_free(&norm);
	}
	buf_free(&d.out);
	decode("\xff\xfe", 2, &d);
	CHECK_INT(d.status, DECODE_OK);
	CHECK_INT(d.out.len, 0);
	buf_free(&d.out);
}

TEST(any_high_bytes_give_valid_utf8_or_binary)
{
	/* deterministic pseudo-random bytes without NUL: whatever the verdict, never invalid output */
	unsigned char junk[4096];
	uint32_t x = 2463534242u;
	for (int round = 0; round < 50; round++) {
		for (size_t i = 0; i < sizeof junk; i++) {
			x ^= x << 13; x ^= x >> 17; x ^= x << 5;
			junk[i] = (unsigned char)(round % 2 ? 0x80 | (x & 0x7F) : (x % 255) + 1);
		}
		struct decoded d;
		decode((const char *)junk, sizeof junk, &d);
		CHECK(d.status == DECODE_OK || d.status == DECODE_BINARY);
		if (d.status == DECODE_OK) {
			CHECK(d.encoding != NULL);
			CHECK(utf8_valid(d.out.data, d.out.len));
		}
		buf_free(&d.out);
	}
}

TEST(appends_to_existing_buffer)
{
	struct decoded d;
	memset(&d, 0, sizeof d);
	buf_puts(&d.out, "prefix:");
	d.status = decode_bytes((const unsigned char *)"abc", 3, &d.out, &d.encoding, d.why, sizeof d.why);
	CHECK_INT(d.status, DECODE_OK);
	CHECK_STR(text_of(&d), "prefix:abc");
	buf_free(&d.out);
}

int main(void)
{
	RUN(plain_utf8_is_kept_as_is);
	RUN(pure_ascii_is_utf8);
	RUN(utf8_bom_is_detected_and_never_reaches_the_text);
	RUN(utf16le_with_bom);
	RUN(utf16be_with_bom);
	RUN(utf16_with_odd_length_or_lone_surrogate_does_not_break);
	RUN(gb18030_simplified_chinese);
	RUN(big5_traditional_chinese);
	RUN(gb18030_or_big5_chosen_by_common_characters);
	RUN(gb18030_with_ascii_mixed_in);
	RUN(windows1252_fallback);
	RUN(truncated_utf8_tail_stays_utf8);
	RUN(truncated_utf8_in_short_english_text);
	RUN(stray_invalid_byte_in_utf8_becomes_replacement);
	RUN(nul_bytes_mean_binary);
	RUN(utf16_without_bom_is_binary);
	RUN(png_header_is_binary);
	RUN(empty_input_is_empty_text);
	RUN(bom_only_is_empty_text);
	RUN(any_high_bytes_give_valid_utf8_or_binary);
	RUN(appends_to_existing_buffer);
	CHECK_DONE();
}
