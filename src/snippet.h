/* snippet.h: the FTS5 auxiliary function cs_snippet(), a replacement for FTS5's snippet()
 * whose cost does not grow with the square of the matches in a document (snippet() scores every
 * match against every other, which takes hours on a 50 MB line full of one word). */
#ifndef CHAINSCOPE_SNIPPET_H
#define CHAINSCOPE_SNIPPET_H

#include <sqlite3.h>

/* Registers cs_snippet(fts_table, open, close, ellipsis, max_tokens) with db's FTS5: a window of
 * about max_tokens tokens of the text column (the title when the text has no match) around the
 * best of the first matches, with every matched token wrapped in open/close. */
int snippet_register(sqlite3 *db);
/* It also registers cs_highlight(fts_table, open, close, max_bytes): the text column's first
 * max_bytes (0 = all) with every matched token wrapped in open/close, in time linear in that
 * prefix whatever the number of matches. */

#endif
