/* meta.h: document metadata read from the normalised text: the leading `url:` line, the title,
 * the publication date (../shared/corpus/GUIDELINES.md rules) and the language. Owns the date
 * forms; must not look at file names or URLs for dates, and must not change the text. */
#ifndef CHAINSCOPE_META_H
#define CHAINSCOPE_META_H

#include <stddef.h>

struct doc_meta {
	char *url;          /* NULL when there is no leading url: line */
	char *title;        /* never NULL; "" for an empty document */
	char date[11];      /* YYYY-MM-DD or "" */
	char lang[4];       /* "en", "zh" or "und" */
	size_t body_start;  /* offset of the text after the url: line */
};

void meta_extract(const char *text, size_t n, struct doc_meta *m);
void meta_free(struct doc_meta *m);

/* Parses one date expression starting exactly at s (e.g. "2023-04-13", "2024.01.16",
 * "July 31, 2024", "31 July 2024", "2022年02月09日", "11-12-2019" as DD-MM-YYYY). Writes
 * YYYY-MM-DD to out and returns the number of bytes consumed, or 0 when s does not start with a
 * complete, valid date (year, month and day all present). */
size_t parse_date_at(const char *s, size_t n, char out[11]);

/* The publication date: a date expression near the top of the text, preferring labelled ones
 * (date, Release time, Updated, 发表于, 发布时间...). Writes "" when there is none. */
void find_publication_date(const char *text, size_t n, char out[11]);

/* "zh" when CJK ideographs are a large enough share of the letters, "en" for Latin text,
 * "und" for empty or other text. */
const char *detect_lang(const char *text, size_t n);

#endif
