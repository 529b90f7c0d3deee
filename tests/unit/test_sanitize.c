/* test_sanitize.c: no byte of untrusted text reaches the terminal as a control: escape
 * sequences, C0/C1 controls, bidi overrides, invalid UTF-8 become visible placeholders
 * (ui/sanitize.c, compiled in as the ui objects are not in the unit tests' core library). */
#include "textwidth.c"   /* first: it sets the feature macros wcwidth needs */
#include "check.h"
#include "sanitize.c"

#include <locale.h>

static char *san(const char *s, size_t n, int flags)
{
	static char out[512];
	struct buf b = {0};
	san_string(s, n, flags, &b);
	snprintf(out, sizeof out, "%s", b.len ? buf_cstr(&b) : "");
	buf_free(&b);
	return out;
}

/* True when s holds no byte a terminal would act on. */
static int terminal_safe(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int len = utf8_decode(u + i, n - i, &cp);
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f)
			return 0;
		if (cp == 0xfffd && !(len == 3 && u[i] == 0xef))
			return 0;
		i += (size_t)len;
	}
	return 1;
}

TEST(plain_text_unchanged)
{
	CHECK_STR(san("Suzhou 苏州 e\xcc\x81", strlen("Suzhou 苏州 e\xcc\x81"), 0), "Suzhou 苏州 e\xcc\x81");
	CHECK_STR(san("a\tb", 3, 0), "a b");
}

TEST(escape_sequences_visible)
{
	const char *s = "red\x1b[31mX\x1b]0;title\x07 \x1b[2J";
	char *r = san(s, strlen(s), 0);
	CHECK(terminal_safe(r));
	CHECK(strstr(r, "\xe2\x90\x9b[31m") != NULL);          /* ␛[31m */
	CHECK(strstr(r, "\xe2\x90\x87") != NULL);              /* BEL as ␇ */
	r = san(s, strlen(s), SAN_ASCII);
	CHECK(strstr(r, "^[[31m") != NULL);
	CHECK(strstr(r, "^G") != NULL);
	CHECK(terminal_safe(r));
}

TEST(c1_bidi_and_separators)
{
	const char *s = "a\xc2\x9b" "31m b\xe2\x80\xae" "evil\xe2\x80\xac c\xe2\x81\xa6x\xe2\x81\xa9 d\xe2\x80\xa8" "e\x7f";
	char *r = san(s, strlen(s), 0);
	CHECK(terminal_safe(r));
	CHECK(strstr(r, "<U+009B>") != NULL);
	CHECK(strstr(r, "<U+202E>") != NULL);
	CHECK(strstr(r, "<U+2066>") != NULL);
	CHECK(strstr(r, "<U+2028>") != NULL);
	CHECK(strstr(r, "\xe2\x90\xa1") != NULL);              /* DEL as ␡ */
}

TEST(invalid_utf8)
{
	const char s[] = "ok\xff\xfe\xe8\x8b";   /* two invalid bytes, a truncated sequence */
	char *r = san(s, sizeof s - 1, 0);
	CHECK(terminal_safe(r));
	CHECK_STR(r, "ok\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	CHECK_STR(san(s, sizeof s - 1, SAN_ASCII), "ok????");
	CHECK_STR(san("\xef\xbf\xbd", 3, 0), "\xef\xbf\xbd");  /* a real U+FFFD stays itself */
}

TEST(ascii_terminal)
{
	CHECK_STR(san("苏州 ok", strlen("苏州 ok"), SAN_ASCII), "?? ok");
	CHECK_STR(san("\x01", 1, SAN_ASCII), "^A");
}

TEST(leading_combining_mark)
{
	/* a combining mark first would merge into the cell left of the text */
	CHECK_STR(san("\xcc\x81x", 3, 0), "\xe2\x97\x8c\xcc\x81x");
}

TEST(every_byte_safe)
{
	/* all single bytes and many two-byte pairs */
	char s[2];
	for (int a = 0; a < 256; a++)
		for (int b = 0; b < 256; b += 7) {
			s[0] = (char)a; s[1] = (char)b;
			CHECK(terminal_safe(san(s, 2, 0)));
			CHECK(terminal_safe(san(s, 2, SAN_ASCII)));
		}
}

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8")) {
		printf("skip - test_sanitize: no UTF-8 locale\nok - test_sanitize: nothing to run\n");
		return 0;
	}
	RUN(plain_text_unchanged);
	RUN(escape_sequences_visible);
	RUN(c1_bidi_and_separators);
	RUN(invalid_utf8);
	RUN(ascii_terminal);
	RUN(leading_combining_mark);
	RUN(every_byte_safe);
	CHECK_DONE();
}
