/* export.h: `chainscope export` and `search` output: JSON Lines, CSV and TSV writers that are
 * valid for any content (control characters escaped, invalid UTF-8 replaced), and the terminal
 * sanitiser for text output. Must not run SQL: rows come from store.c. */
#ifndef CHAINSCOPE_EXPORT_H
#define CHAINSCOPE_EXPORT_H

#include <stdio.h>
#include "store.h"

enum export_format { FORMAT_JSONL, FORMAT_CSV, FORMAT_TSV, FORMAT_TEXT };
enum export_table { TABLE_DOCUMENTS, TABLE_PROJECTS, TABLE_REGIONS, TABLE_CHAINS };

/* Writes table in format to out. Returns 0, or -1 with the store's error. */
int export_table(struct store *st, enum export_table table, enum export_format format, FILE *out);

/* Writes s as a JSON string (with quotes). n = (size_t)-1 for NUL-terminated. */
void json_write_string(FILE *out, const char *s, size_t n);

/* Writes s for a terminal: control characters and escape sequences become visible (^[ , ^M,
 * <U+202E>), invalid UTF-8 becomes U+FFFD. */
void write_sanitized(FILE *out, const char *s);

#endif
