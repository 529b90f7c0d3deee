/* tokenizer.h: the FTS5 tokenizer "chainscope": Latin/digit words case-folded (the porter
 * wrapper stems them), CJK as single characters with the following bigram colocated, folded
 * traditional->simplified, so any Chinese word of one or more characters is found in either
 * script. Owns tokenization only; must not know the schema. */
#ifndef CHAINSCOPE_TOKENIZER_H
#define CHAINSCOPE_TOKENIZER_H

#include <sqlite3.h>

#define CHAINSCOPE_TOKENIZER "chainscope"
/* Bump when tokens change: caches built with another version are rebuilt. */
#define CHAINSCOPE_TOKENIZER_VERSION 1

/* db's FTS5 API, or NULL when SQLite was built without FTS5. */
fts5_api *fts5_api_of(sqlite3 *db);

/* Registers the tokenizer with db's FTS5. Returns SQLITE_OK or an error code. */
int tokenizer_register(sqlite3 *db);

/* Calls cb for each token of text as the tokenizer would emit it in a query (for tests and
 * for the highlighter): token bytes, its source offsets, and whether it is colocated. */
typedef int (*token_cb)(void *ctx, int colocated, const char *tok, int ntok, int start, int end);
int tokenize_text(const char *text, int n, int for_query, void *ctx, token_cb cb);

#endif
