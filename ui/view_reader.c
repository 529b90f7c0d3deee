/* view_reader.c: the reader: a document's text wrapped to the window, with the search matches,
 * the project's evidence and the region and chain mentions highlighted by byte offsets into
 * documents.text, n/N between matches. Every character goes through the sanitiser. Must not run
 * SQL (browse.h). */
#include "app.h"
#include "sanitize.h"
#include "textwidth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct line { uint32_t start, end; };

struct reader_view {
	struct view base;
	struct browse_document doc;
	int64_t project;
	int has_search;
	WINDOW *win;
	int h, w;
	struct line *lines;
	size_t n_lines;
	size_t top;
	enum browse_mark jump_mark;   /* what n/N move between */
	int have_jump;
	ssize_t cur_match;            /* index into doc.spans */
	int wrapped_w;
	uint32_t longest_span;
};

/* Wraps the text into lines of at most w columns (as rendered by the sanitiser), breaking
 * after a space when one is in the second half of the line. */
static void reader_wrap(struct reader_view *r, int w)
{
	free(r->lines);
	r->lines = NULL;
	r->n_lines = 0;
	size_t cap = 0;
	const char *t = r->doc.text;
	size_t n = r->doc.text_len, i = 0, start = 0, last_space = 0;
	int col = 0, col_at_space = 0;
	char rend[SAN_MAX];
	if (w < 4)
		w = 4;
	for (;;) {
		int end_line = 0;
		size_t brk = i;
		if (i >= n || t[i] == '\n') {
			end_line = 1;
		} else {
			int ph;
			size_t used = san_char(t + i, n - i, r->base.app->san_flags, rend, &ph);
			int cw = tw_width(rend, strlen(rend));
			if (col + cw > w) {
				end_line = 1;
				if (last_space > start && col_at_space > w / 2)
					brk = last_space;
			} else {
				if (t[i] == ' ') {
					last_space = i + 1;
					col_at_space = col + 1;
				}
				col += cw;
				i += used;
				continue;
			}
		}
		if (end_line) {
			if (r->n_lines == cap) {
				cap = cap ? cap * 2 : 256;
				r->lines = xrealloc(r->lines, cap * sizeof *r->lines);
			}
			r->lines[r->n_lines++] = (struct line){ (uint32_t)start, (uint32_t)brk };
			if (i >= n)
				break;
			if (brk == i && t[i] == '\n')
				i++;
			else
				i = brk;
			start = i;
			col = 0;
			last_space = 0;
			col_at_space = 0;
		}
	}
	r->wrapped_w = w;
}

static size_t line_of(const struct reader_view *r, uint32_t off)
{
	size_t lo = 0, hi = r->n_lines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (r->lines[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static int mark_rank(enum browse_mark m)
{
	switch (m) {
	case BM_SEARCH: return 6;
	case BM_PROJECT_NAME: return 5;
	case BM_PROJECT: return 4;
	case BM_REGION: case BM_CHAIN: return 3;
	case BM_AMOUNT: case BM_COMPANY: return 2;
	default: return 1;
	}
}

static attr_t mark_attr(const struct app *a, enum browse_mark m)
{
	switch (m) {
	case BM_SEARCH: return a->attr[EL_MATCH];
	case BM_PROJECT_NAME: return a->attr[EL_EVIDENCE] | A_UNDERLINE;
	case BM_PROJECT: return a->attr[EL_EVIDENCE];
	case BM_REGION: case BM_CHAIN: case BM_AMOUNT: case BM_COMPANY: return a->attr[EL_MENTION];
	default: return A_NORMAL;
	}
}

/* The first span that can cover offset o: spans are sorted by start and none is longer than
 * longest_span, so a binary search skips the ones that end before o. */
static size_t first_span(const struct reader_view *r, uint32_t o)
{
	uint32_t from = o > r->longest_span ? o - r->longest_span : 0;
	size_t lo = 0, hi = r->doc.n_spans;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (r->doc.spans[mid].start < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void reader_layout(struct view *v, int y, int x, int h, int w)
{
	struct reader_view *r = (struct reader_view *)v;
	if (r->win)
		delwin(r->win);
	r->win = newwin(h, w, y, x);
	r->h = h;
	r->w = w;
	uint32_t keep = r->n_lines ? r->lines[r->top < r->n_lines ? r->top : 0].start : 0;
	if (r->wrapped_w != w - 2)
		reader_wrap(r, w - 2);
	r->top = line_of(r, keep);
}

static void reader_draw(struct view *v)
{
	struct reader_view *r = (struct reader_view *)v;
	struct app *a = v->app;
	werase(r->win);
	struct buf t = {0};
	buf_printf(&t, " %s", r->doc.title);
	draw_text(a, r->win, 0, 0, r->w, buf_cstr(&t), a->attr[EL_TITLE_FOCUS]);
	buf_free(&t);
	int rows = r->h - 1;
	for (int i = 0; i < rows && r->top + (size_t)i < r->n_lines; i++) {
		const struct line *ln = &r->lines[r->top + (size_t)i];
		wmove(r->win, i + 1, 1);
		int col = 0;
		char rend[SAN_MAX];
		for (uint32_t o = ln->start; o < ln->end;) {
			/* the strongest evidence covering this byte */
			attr_t at = A_NORMAL;
			int best = 0;
			for (size_t s = first_span(r, o); s < r->doc.n_spans && r->doc.spans[s].start <= o; s++) {
				const struct browse_span *sp = &r->doc.spans[s];
				if (o < sp->end && mark_rank(sp->mark) > best) {
					best = mark_rank(sp->mark);
					at = mark_attr(a, sp->mark);
					if (r->cur_match >= 0 && (size_t)r->cur_match == s)
						at |= A_BOLD | A_REVERSE;
				}
			}
			int ph;
			size_t used = san_char(r->doc.text + o, ln->end - o, a->san_flags, rend, &ph);
			int cw = tw_width(rend, strlen(rend));
			if (col + cw > r->w - 2)
				break;
			if (cw == 0 && col == 0) {
				o += (uint32_t)used;
				continue;
			}
			wattrset(r->win, ph ? a->attr[EL_PLACEHOLDER] : at);
			waddnstr(r->win, rend, (int)strlen(rend));
			col += cw;
			o += (uint32_t)used;
		}
	}
	wattrset(r->win, A_NORMAL);
	wnoutrefresh(r->win);
}

/* Moves to the next (dir 1) or previous match after the current one or the screen's top. */
static void reader_jump(struct reader_view *r, int dir)
{
	if (!r->have_jump) {
		ui_message(r->base.app, 0, "no matches in this document");
		return;
	}
	ssize_t n = (ssize_t)r->doc.n_spans, i = r->cur_match;
	if (i < 0) {
		/* from the top of the screen */
		uint32_t from = r->n_lines ? r->lines[r->top].start : 0;
		for (i = dir > 0 ? 0 : n - 1; i >= 0 && i < n; i += dir)
			if (r->doc.spans[i].mark == r->jump_mark && (dir > 0 ? r->doc.spans[i].start >= from : r->doc.spans[i].start < from))
				break;
	} else {
		for (i += dir; i >= 0 && i < n; i += dir)
			if (r->doc.spans[i].mark == r->jump_mark)
				break;
	}
	if (i < 0 || i >= n) {
		ui_message(r->base.app, 0, dir > 0 ? "no more matches below" : "no more matches above");
		return;
	}
	r->cur_match = i;
	size_t ln = line_of(r, r->doc.spans[i].start);
	size_t third = (size_t)(r->h - 1) / 3;
	r->top = ln > third ? ln - third : 0;
}

static int reader_request(struct view *v, enum request req)
{
	struct reader_view *r = (struct reader_view *)v;
	size_t rows = (size_t)(r->h > 1 ? r->h - 1 : 1);
	size_t max_top = r->n_lines > rows ? r->n_lines - rows : 0;
	size_t step = 0;
	int down = 1;
	switch (req) {
	case REQ_DOWN: step = 1; break;
	case REQ_UP: step = 1; down = 0; break;
	case REQ_HALF_DOWN: step = rows / 2 ? rows / 2 : 1; break;
	case REQ_HALF_UP: step = rows / 2 ? rows / 2 : 1; down = 0; break;
	case REQ_PAGE_DOWN: step = rows; break;
	case REQ_PAGE_UP: step = rows; down = 0; break;
	case REQ_FIRST: r->top = 0; return 1;
	case REQ_LAST: r->top = max_top; return 1;
	case REQ_NEXT_MATCH: reader_jump(r, 1); return 1;
	case REQ_PREV_MATCH: reader_jump(r, -1); return 1;
	case REQ_ENTER: return 1;
	default: return 0;
	}
	if (down)
		r->top = r->top + step > max_top ? max_top : r->top + step;
	else
		r->top = r->top > step ? r->top - step : 0;
	return 1;
}

static void reader_status(struct view *v, struct buf *left, struct buf *right)
{
	struct reader_view *r = (struct reader_view *)v;
	buf_printf(left, "%s %s", r->doc.date, r->doc.path);
	size_t rows = (size_t)(r->h > 1 ? r->h - 1 : 1);
	size_t pct = r->n_lines <= rows ? 100 : (r->top + rows) * 100 / r->n_lines;
	size_t matches = 0;
	for (size_t i = 0; i < r->doc.n_spans; i++)
		matches += r->have_jump && r->doc.spans[i].mark == r->jump_mark;
	if (matches)
		buf_printf(right, "%zu %s  n/N  ", matches, r->jump_mark == BM_SEARCH ? "matches" : "evidence");
	buf_printf(right, "%zu%%", pct > 100 ? 100 : pct);
}

static void reader_destroy(struct view *v)
{
	struct reader_view *r = (struct reader_view *)v;
	browse_document_clear(&r->doc);
	free(r->lines);
	if (r->win)
		delwin(r->win);
	free(r);
}

/* The reader opens at its first match once it knows its size. */
static void reader_first_match(struct view *v)
{
	struct reader_view *r = (struct reader_view *)v;
	if (r->have_jump && (r->jump_mark == BM_SEARCH || r->jump_mark == BM_PROJECT) && r->cur_match < 0)
		reader_jump(r, 1);
}

static const struct view_ops reader_ops = {
	.name = "reader",
	.layout = reader_layout,
	.draw = reader_draw,
	.request = reader_request,
	.status = reader_status,
	.destroy = reader_destroy,
	.opened = reader_first_match,
};

/* The reader shows at most this much of a document: wrapping is linear but a pathological
 * 50 MB line would still stall every key; the rest is reachable with `chainscope export`. */
#define READER_MAX_BYTES ((size_t)BROWSE_MARKS_MAX_BYTES)
static const char reader_cut_note[] = "\n\n[... the reader shows the first MiB of this document ...]";

static void truncate_document(struct browse_document *d)
{
	if (d->text_len <= READER_MAX_BYTES)
		return;
	size_t cut = utf8_cut(d->text, READER_MAX_BYTES);
	size_t kept = 0;
	for (size_t i = 0; i < d->n_spans; i++)
		if (d->spans[i].end <= cut)
			d->spans[kept++] = d->spans[i];
	d->n_spans = kept;
	d->text = xrealloc(d->text, cut + sizeof reader_cut_note);
	memcpy(d->text + cut, reader_cut_note, sizeof reader_cut_note);
	d->text_len = cut + sizeof reader_cut_note - 1;
}

struct view *reader_view_new(struct app *a, int64_t doc_id, int64_t project_id, struct browse_search *search)
{
	struct reader_view *r = xcalloc(1, sizeof *r);
	r->base.ops = &reader_ops;
	r->base.app = a;
	r->project = project_id;
	r->cur_match = -1;
	if (browse_document(a->b, doc_id, project_id, search, &r->doc) != 0) {
		ui_message(a, 1, "%s", browse_errmsg(a->b));
		r->doc.title = xstrdup("(missing document)");
		r->doc.path = xstrdup(""); r->doc.date = xstrdup(""); r->doc.lang = xstrdup(""); r->doc.url = xstrdup("");
		r->doc.text = xstrdup("");
	}
	truncate_document(&r->doc);
	for (size_t i = 0; i < r->doc.n_spans; i++)
		if (r->doc.spans[i].end - r->doc.spans[i].start > r->longest_span)
			r->longest_span = r->doc.spans[i].end - r->doc.spans[i].start;
	/* n/N move between the strongest kind of mark the document has */
	static const enum browse_mark order[] = { BM_SEARCH, BM_PROJECT, BM_PROJECT_NAME, BM_REGION, BM_CHAIN };
	for (size_t k = 0; k < ARRAY_LEN(order) && !r->have_jump; k++)
		for (size_t i = 0; i < r->doc.n_spans; i++)
			if (r->doc.spans[i].mark == order[k]) {
				r->jump_mark = order[k];
				r->have_jump = 1;
				break;
			}
	return &r->base;
}

