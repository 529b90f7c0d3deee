/* check.h: the unit-test harness. Each TEST is a function; RUN prints "ok - name" or
 * "not ok - name" (with the failing checks above it) for tests/run-tests to count. */
#ifndef CHAINSCOPE_CHECK_H
#define CHAINSCOPE_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_case_failed, check_total_failed;

#define CHECK(cond) do { \
	if (!(cond)) { check_case_failed = 1; \
		printf("#   %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); } \
} while (0)

#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (!g_ || !w_ || strcmp(g_, w_) != 0) { check_case_failed = 1; \
		printf("#   %s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
		       g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } \
} while (0)

#define CHECK_INT(got, want) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ != w_) { check_case_failed = 1; \
		printf("#   %s:%d: %s = %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); } \
} while (0)

#define TEST(name) static void name(void)
#define RUN(name) do { \
	check_case_failed = 0; name(); \
	printf("%s - %s: %s\n", check_case_failed ? "not ok" : "ok", __FILE__, #name); \
	check_total_failed |= check_case_failed; \
} while (0)
#define CHECK_DONE() return check_total_failed

#endif
