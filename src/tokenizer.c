/* tokenizer.c: the FTS5 tokenizer "chainscope" (used as 'porter chainscope', so Latin words are
 * stemmed by FTS5's porter wrapper). Words of letters and digits are case-folded and stripped
 * of diacritics; an apostrophe inside a word is dropped (China's -> chinas -> china after
 * stemming; Xi'an = Xian); digit groups keep their separators (15.4, 1,000). A CJK run is
 * indexed as one token per character with the next bigram colocated at the same position; a
 * query turns a run of two or more characters into consecutive bigrams (a phrase), so any word
 * of one or more characters matches. CJK is folded traditional->simplified first.
 * Must not know the schema. */
#include "tokenizer.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "fold.h"
#include "util.h"

#define MAX_TOKEN_BYTES 128   /* longer words (base64 blobs, URLs) are cut, their offsets kept */

enum cclass { C_SEP, C_WORD, C_CJK, C_APOS, C_NUMSEP };

static enum cclass classify(uint32_t cp)
{
	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_')
			return C_WORD;
		if (cp == '\'')
			return C_APOS;
		if (cp == '.' || cp == ',')
			return C_NUMSEP;
		return C_SEP;
	}
	if (cp == 0x2019)
		return C_APOS;
	if (is_cjk_ideograph(cp) || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF))
		return C_CJK;
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return C_WORD;
	default:
		return C_SEP;
	}
}

struct cursor {
	const unsigned char *s;
	int n, i;
};

static int peek(const struct cursor *c, int at, uint32_t *cp)
{
	if (at >= c->n)
		return 0;
	return utf8_decode(c->s + at, (size_t)(c->n - at), cp);
}

/* Appends the folded form of the word characters in s[start..end) (apostrophes dropped) to tok. */
static void fold_word(const unsigned char *s, int start, int end, struct buf *tok)
{
	int ascii = 1;
	for (int i = start; i < end; i++)
		if (s[i] >= 0x80)
			ascii = 0;
	buf_clear(tok);
	if (ascii) {
		for (int i = start; i < end && tok->len < MAX_TOKEN_BYTES; i++) {
			unsigned char c = s[i];
			if (c == '\'')
				continue;
			buf_putc(tok, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
		}
		return;
	}
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t r = utf8proc_map(s + start, end - start, &folded,
					  UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK |
					  UTF8PROC_IGNORE);
	if (r < 0) {
		free(folded);
		buf_append(tok, s + start, (size_t)(end - start));
		return;
	}
	for (utf8proc_ssize_t i = 0; i < r; ) {
		uint32_t cp;
		int len = utf8_decode(folded + i, (size_t)(r - i), &cp);
		if (cp != '\'' && cp != 0x2019) {
			if (tok->len + (size_t)len > MAX_TOKEN_BYTES)
				break;
			buf_append(tok, folded + i, (size_t)len);
		}
		i += len;
	}
	free(folded);
}

static void put_folded_cjk(struct buf *tok, uint32_t cp)
{
	buf_put_utf8(tok, fold_t2s(cp));
}

/* Tokenizes text, calling emit for every token. */
static int run_tokenizer(const char *text, int n, int for_query, int for_highlight, void *ctx,
			 int (*emit)(void *, int, const char *, int, int, int))
{
	struct cursor c = { (const unsigned char *)text, n, 0 };
	struct buf tok = { 0 };
	int rc = 0;
	while (c.i < c.n && rc == 0) {
		uint32_t cp;
		int len = peek(&c, c.i, &cp);
		enum cclass k = classify(cp);
		if (k == C_WORD) {
			int start = c.i, end = c.i + len;
			int last_digit = cp < 0x80 && cp >= '0' && cp <= '9';
			for (;;) {
				uint32_t cp2, cp3;
				int l2 = peek(&c, end, &cp2);
				if (!l2)
					break;
				enum cclass k2 = classify(cp2);
				if (k2 == C_WORD) {
					last_digit = cp2 >= '0' && cp2 <= '9';
					end += l2;
					continue;
				}
				/* Xi'an, China's: an apostrophe between letters; 15.4, 1,000: a separator
				 * between digits */
				int l3 = peek(&c, end + l2, &cp3);
				if (l3 && classify(cp3) == C_WORD &&
				    ((k2 == C_APOS && !last_digit) ||
				     (k2 == C_NUMSEP && last_digit && cp3 >= '0' && cp3 <= '9'))) {
					end += l2 + l3;
					last_digit = cp3 >= '0' && cp3 <= '9';
					continue;
				}
				break;
			}
			fold_word(c.s, start, end, &tok);
			if (tok.len)
				rc = emit(ctx, 0, tok.data, (int)tok.len, start, end);
			c.i = end;
		} else if (k == C_CJK) {
			int start = c.i, next = c.i + len;
			uint32_t cp2 = 0;
			int l2 = peek(&c, next, &cp2);
			int has_next = l2 && classify(cp2) == C_CJK;
			if (for_query) {
				/* a lone character is a unigram; otherwise bigrams, one per position */
				buf_clear(&tok);
				put_folded_cjk(&tok, cp);
				if (has_next) {
					put_folded_cjk(&tok, cp2);
					rc = emit(ctx, 0, tok.data, (int)tok.len, start, next + l2);
					/* the last bigram of the run ends the run */
					uint32_t cp3;
					int l3 = peek(&c, next + l2, &cp3);
					if (!(l3 && classify(cp3) == C_CJK))
						c.i = next + l2;
					else
						c.i = next;
					continue;
				}
				/* lone character: only when the previous character was not CJK */
				uint32_t prevcp = 0;
				int prev_cjk = 0;
				if (start > 0) {
					int p = start - 1;
					while (p > 0 && (c.s[p] & 0xC0) == 0x80)
						p--;
					peek(&c, p, &prevcp);
					prev_cjk = classify(prevcp) == C_CJK;
				}
				if (!prev_cjk)
					rc = emit(ctx, 0, tok.data, (int)tok.len, start, next);
				c.i = next;
			} else if (for_highlight && has_next) {
				/* FTS5 highlights with the first token at each position only: the bigram
				 * first, so a matched phrase of bigrams covers its last character too */
				buf_clear(&tok);
				put_folded_cjk(&tok, cp);
				put_folded_cjk(&tok, cp2);
				rc = emit(ctx, 0, tok.data, (int)tok.len, start, next + l2);
				if (rc == 0) {
					buf_clear(&tok);
					put_folded_cjk(&tok, cp);
					rc = emit(ctx, FTS5_TOKEN_COLOCATED, tok.data, (int)tok.len, start, next);
				}
				c.i = next;
			} else {
				buf_clear(&tok);
				put_folded_cjk(&tok, cp);
				rc = emit(ctx, 0, tok.data, (int)tok.len, start, next);
				if (rc == 0 && has_next) {
					put_folded_cjk(&tok, cp2);
					rc = emit(ctx, FTS5_TOKEN_COLOCATED, tok.data, (int)tok.len, start, next + l2);
				}
				c.i = next;
			}
		} else {
			c.i += len;
		}
	}
	buf_free(&tok);
	return rc;
}

int tokenize_text(const char *text, int n, int for_query, void *ctx, token_cb cb)
{
	return run_tokenizer(text, n, for_query, 0, ctx, cb);
}

/* ---- FTS5 glue ---- */

struct fts_tokenizer {
	int unused;
};

static int tok_create(void *udata, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)udata;
	(void)argv;
	if (argc > 0)
		return SQLITE_ERROR;
	*out = (Fts5Tokenizer *)xcalloc(1, sizeof(struct fts_tokenizer));
	return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *t)
{
	free(t);
}

struct fts_emit_ctx {
	void *ctx;
	int (*x_token)(void *, int, const char *, int, int, int);
};

static int fts_emit(void *p, int colocated, const char *tok, int ntok, int start, int end)
{
	struct fts_emit_ctx *e = p;
	return e->x_token(e->ctx, colocated, tok, ntok, start, end);
}

static int tok_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int n,
			int (*x_token)(void *, int, const char *, int, int, int))
{
	(void)t;
	struct fts_emit_ctx e = { ctx, x_token };
	int for_query = (flags & FTS5_TOKENIZE_QUERY) != 0;
	return run_tokenizer(text, n, for_query, (flags & FTS5_TOKENIZE_AUX) != 0, &e, fts_emit);
}

fts5_api *fts5_api_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return api;
}

int tokenizer_register(sqlite3 *db)
{
	fts5_api *api = fts5_api_of(db);
	if (!api)
		return SQLITE_ERROR;
	static fts5_tokenizer tok = { tok_create, tok_delete, tok_tokenize };
	return api->xCreateTokenizer(api, CHAINSCOPE_TOKENIZER, NULL, &tok, NULL);
}
