/* snippet.c: cs_snippet(), the search results' snippet, and cs_highlight(), the reader's marks. It looks at the first SNIPPET_SCAN
 * phrase matches only, picks the window of max_tokens tokens that holds the most distinct
 * phrases (the earliest on ties), and tokenizes the column only up to the end of that window, so
 * its cost is bounded by the window's position, never by the number of matches. Owns snippet
 * building; must not know the schema beyond "column 0 title, column 1 text". */
#include "snippet.h"

#include <stdlib.h>
#include <string.h>
#include "tokenizer.h"
#include "util.h"

#define SNIPPET_SCAN 64          /* matches considered when choosing the window */
#define SNIPPET_MAX_TOKENS 64

struct match {
	int phrase, col, pos, len;   /* token position and length in tokens */
};

struct window_tokens {
	int want_start, want_end;    /* token positions [start, end) of the window */
	int pos;                     /* position of the token being delivered */
	int first_byte, last_byte;   /* byte span of the window's tokens */
	int have_first;
	int *tok_start, *tok_end;    /* per window position: byte span (first token at a position) */
};

static int collect_window(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	(void)tok;
	(void)ntok;
	struct window_tokens *w = ctx;
	if (tflags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	int pos = w->pos++;
	if (pos < w->want_start)
		return SQLITE_OK;
	if (pos >= w->want_end)
		return SQLITE_DONE;      /* stop tokenizing: the rest of the column is not needed */
	int k = pos - w->want_start;
	w->tok_start[k] = start;
	w->tok_end[k] = end;
	if (!w->have_first) {
		w->first_byte = start;
		w->have_first = 1;
	}
	w->last_byte = end;
	return SQLITE_OK;
}

/* Number of distinct phrases among matches[i..] that start inside [pos, pos + width). */
static int window_score(const struct match *m, int n, int i, int width)
{
	unsigned long long seen = 0;
	int score = 0;
	for (int j = i; j < n && m[j].col == m[i].col && m[j].pos < m[i].pos + width; j++) {
		int bit = m[j].phrase & 63;
		if (!(seen & (1ULL << bit))) {
			seen |= 1ULL << bit;
			score++;
		}
	}
	return score;
}

static int position_matched(const struct match *m, int nm, int col, int pos)
{
	for (int i = 0; i < nm; i++)
		if (m[i].col == col && pos >= m[i].pos && pos < m[i].pos + m[i].len)
			return 1;
	return 0;
}

static void cs_snippet(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
		       int nval, sqlite3_value **vals)
{
	if (nval != 4) {
		sqlite3_result_error(ctx, "cs_snippet wants (open, close, ellipsis, max_tokens)", -1);
		return;
	}
	const char *open = (const char *)sqlite3_value_text(vals[0]);
	const char *close = (const char *)sqlite3_value_text(vals[1]);
	const char *ellipsis = (const char *)sqlite3_value_text(vals[2]);
	int width = sqlite3_value_int(vals[3]);
	if (!open || !close || !ellipsis)
		open = close = ellipsis = "";
	if (width < 4 || width > SNIPPET_MAX_TOKENS)
		width = 24;

	int ninst = 0;
	if (api->xInstCount(fts, &ninst) != SQLITE_OK)
		ninst = 0;
	if (ninst > SNIPPET_SCAN)
		ninst = SNIPPET_SCAN;
	struct match m[SNIPPET_SCAN];
	int nm = 0, text_matches = 0;
	for (int i = 0; i < ninst; i++) {
		int phrase, col, off;
		if (api->xInst(fts, i, &phrase, &col, &off) != SQLITE_OK)
			break;
		m[nm].phrase = phrase;
		m[nm].col = col;
		m[nm].pos = off;
		m[nm].len = api->xPhraseSize(fts, phrase);
		text_matches += col == 1;
		nm++;
	}
	/* prefer the text column: a snippet of the title repeats the title */
	int col = text_matches || nm == 0 ? 1 : 0;
	int best = -1, best_score = 0;
	for (int i = 0; i < nm; i++) {
		if (m[i].col != col)
			continue;
		int s = window_score(m, nm, i, width);
		if (s > best_score) {
			best = i;
			best_score = s;
		}
	}
	int start_pos = 0;
	if (best >= 0) {
		/* a little context before the first match */
		start_pos = m[best].pos - width / 4;
		if (start_pos < 0)
			start_pos = 0;
	}
	const char *text;
	int n;
	if (api->xColumnText(fts, col, &text, &n) != SQLITE_OK || !text) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	struct window_tokens w = { start_pos, start_pos + width, 0, 0, 0, 0, NULL, NULL };
	w.tok_start = xcalloc((size_t)width, sizeof *w.tok_start);
	w.tok_end = xcalloc((size_t)width, sizeof *w.tok_end);
	int rc = api->xTokenize(fts, text, n, &w, collect_window);
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		free(w.tok_start);
		free(w.tok_end);
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	struct buf out = { 0 };
	if (w.have_first) {
		if (start_pos > 0)
			buf_puts(&out, ellipsis);
		int ntok = (w.pos < w.want_end ? w.pos : w.want_end) - w.want_start;
		int at = w.first_byte;
		for (int k = 0; k < ntok; k++) {
			if (!position_matched(m, nm, col, w.want_start + k))
				continue;
			/* a run of matched tokens, overlapping ones included (CJK bigrams share a
			 * character), becomes one marked span */
			int span_start = w.tok_start[k], span_end = w.tok_end[k];
			while (k + 1 < ntok && position_matched(m, nm, col, w.want_start + k + 1) &&
			       w.tok_start[k + 1] <= span_end) {
				k++;
				if (w.tok_end[k] > span_end)
					span_end = w.tok_end[k];
			}
			if (span_start < at)
				span_start = at;
			buf_append(&out, text + at, (size_t)(span_start - at));
			buf_puts(&out, open);
			buf_append(&out, text + span_start, (size_t)(span_end - span_start));
			buf_puts(&out, close);
			at = span_end;
		}
		if (w.last_byte > at)
			buf_append(&out, text + at, (size_t)(w.last_byte - at));
		if (w.pos >= w.want_end && w.last_byte < n)
			buf_puts(&out, ellipsis);
	}
	/* newlines inside a one-line snippet read as spaces */
	for (size_t i = 0; i < out.len; i++)
		if (out.data[i] == '\n')
			out.data[i] = ' ';
	sqlite3_result_text(ctx, out.data ? out.data : "", (int)out.len, SQLITE_TRANSIENT);
	buf_free(&out);
	free(w.tok_start);
	free(w.tok_end);
}

/* ---- cs_highlight ---- */

struct highlight_walk {
	const Fts5ExtensionApi *api;
	Fts5Context *fts;
	const char *text;
	int max_bytes;
	int pos;                 /* position of the token being delivered */
	int inst, ninst;         /* next phrase instance in the text column, by position */
	int open_end;            /* byte where the current mark ends, or -1 */
	int at;                  /* bytes of text copied so far */
	const char *open, *close;
	struct buf out;
};

/* Copies text up to byte `to` into the output. */
static void copy_to(struct highlight_walk *h, int to)
{
	if (to > h->at) {
		buf_append(&h->out, h->text + h->at, (size_t)(to - h->at));
		h->at = to;
	}
}

static int highlight_token(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	(void)tok;
	(void)ntok;
	struct highlight_walk *h = ctx;
	if (tflags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	if (start >= h->max_bytes)
		return SQLITE_DONE;
	int pos = h->pos++;
	/* skip instances that end before this position or are in the title */
	for (;;) {
		if (h->inst >= h->ninst)
			break;
		int phrase, col, off;
		if (h->api->xInst(h->fts, h->inst, &phrase, &col, &off) != SQLITE_OK)
			return SQLITE_DONE;
		int len = h->api->xPhraseSize(h->fts, phrase);
		if (col != 1 || off + len <= pos) {
			h->inst++;
			continue;
		}
		if (off <= pos) {
			/* this token is matched: open a mark or extend the open one */
			if (h->open_end < 0) {
				copy_to(h, start);
				buf_puts(&h->out, h->open);
			}
			if (end > h->open_end)
				h->open_end = end;
			return SQLITE_OK;
		}
		break;
	}
	if (h->open_end >= 0 && start >= h->open_end) {
		copy_to(h, h->open_end);
		buf_puts(&h->out, h->close);
		h->open_end = -1;
	}
	return SQLITE_OK;
}

/* cs_highlight(fts_table, open, close, max_bytes): the text column's first max_bytes (cut at a
 * token) with every matched token, or run of them, wrapped in open/close. Linear in max_bytes,
 * whatever the number of matches, unlike FTS5's highlight() over a whole 50 MB document. */
static void cs_highlight(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
			 int nval, sqlite3_value **vals)
{
	if (nval != 3) {
		sqlite3_result_error(ctx, "cs_highlight wants (open, close, max_bytes)", -1);
		return;
	}
	const char *text;
	int n;
	if (api->xColumnText(fts, 1, &text, &n) != SQLITE_OK || !text) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	struct highlight_walk h = { api, fts, text, sqlite3_value_int(vals[2]), 0, 0, 0, -1, 0,
				    (const char *)sqlite3_value_text(vals[0]),
				    (const char *)sqlite3_value_text(vals[1]), { 0 } };
	if (!h.open || !h.close)
		h.open = h.close = "";
	if (h.max_bytes <= 0 || h.max_bytes > n)
		h.max_bytes = n;
	if (api->xInstCount(fts, &h.ninst) != SQLITE_OK)
		h.ninst = 0;
	int rc = api->xTokenize(fts, text, n, &h, highlight_token);
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		buf_free(&h.out);
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	if (h.open_end >= 0) {
		copy_to(&h, h.open_end);
		buf_puts(&h.out, h.close);
	}
	copy_to(&h, (int)utf8_cut(text, (size_t)h.max_bytes < (size_t)n ? (size_t)h.max_bytes : (size_t)n));
	if (h.max_bytes >= n)
		copy_to(&h, n);
	sqlite3_result_text(ctx, h.out.data ? h.out.data : "", (int)h.out.len, SQLITE_TRANSIENT);
	buf_free(&h.out);
}

int snippet_register(sqlite3 *db)
{
	fts5_api *api = fts5_api_of(db);
	if (!api)
		return SQLITE_ERROR;
	int rc = api->xCreateFunction(api, "cs_snippet", NULL, cs_snippet, NULL);
	if (rc == SQLITE_OK)
		rc = api->xCreateFunction(api, "cs_highlight", NULL, cs_highlight, NULL);
	return rc;
}
