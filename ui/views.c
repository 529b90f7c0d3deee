/* views.c: the views opened over the main view: project detail (fields and sources), the reader
 * (a document with its evidence highlighted, n/N between matches), search results, statistics
 * (bar charts and a per-year sparkline) and help (generated from keys.h). Each is a struct of
 * function pointers; none keeps more than a screenful of rows except the reader's document.
 * Must not run SQL (browse.c does) or write bytes to the terminal except through draw.c. */
#include "app.h"
#include "listpane.h"
#include "sanitize.h"
#include "textwidth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ================= project detail ================= */

struct detail_view {
	struct view base;
	struct browse_project p;
	int loaded;
	WINDOW *head;
	int head_h, w;
	struct list_pane sources;
};

static void draw_source_row(struct app *a, WINDOW *win, int y, int x, int w, const struct browse_row *r, attr_t base)
{
	draw_fit(a, win, y, x, 11, r->date[0] ? r->date : "-", base ? base : a->attr[EL_DIM], 0);
	int amtw = w >= 70 ? 20 : 0;
	draw_text(a, win, y, x + 11, w - 11 - amtw - (amtw ? 1 : 0), r->name, base);
	if (amtw)
		draw_text(a, win, y, x + w - amtw, amtw, r->sub, base ? base : a->attr[EL_NUMBER]);
}

static void detail_layout(struct view *v, int y, int x, int h, int w)
{
	struct detail_view *d = (struct detail_view *)v;
	d->head_h = h >= 16 ? 8 : 5;
	d->w = w;
	if (d->head)
		delwin(d->head);
	d->head = newwin(d->head_h, w, y, x);
	lp_set_window(&d->sources, newwin(h - d->head_h, w, y + d->head_h, x), 0);
	if (!d->sources.n)
		lp_reload(&d->sources);
}

static void head_field(struct app *a, WINDOW *win, int *y, int h, int w, const char *label, const char *value)
{
	if (*y >= h || !value || !*value)
		return;
	draw_text(a, win, *y, 1, 10, label, a->attr[EL_DIM]);
	draw_text(a, win, *y, 11, w - 12, value, A_NORMAL);
	(*y)++;
}

static void detail_draw(struct view *v)
{
	struct detail_view *d = (struct detail_view *)v;
	struct app *a = v->app;
	werase(d->head);
	int y = 0;
	draw_text(a, d->head, y++, 0, d->w, d->p.name, a->attr[EL_TITLE_FOCUS]);
	struct buf t = {0};
	head_field(a, d->head, &y, d->head_h, d->w, "company", d->p.company);
	buf_printf(&t, "%s %s", d->p.region, d->p.region_zh);
	if (d->p.region_path[0])
		buf_printf(&t, "  (%s)", d->p.region_path);
	head_field(a, d->head, &y, d->head_h, d->w, "region", buf_cstr(&t));
	head_field(a, d->head, &y, d->head_h, d->w, "chains", d->p.chains);
	buf_clear(&t);
	format_amount(a, &t, d->p.has_amount, d->p.amount, d->p.currency);
	if (d->p.has_amount)
		buf_printf(&t, " (%.0f %s)", d->p.amount, d->p.currency);
	head_field(a, d->head, &y, d->head_h, d->w, "amount", buf_cstr(&t));
	buf_clear(&t);
	buf_printf(&t, "%s%s%s", d->p.status, d->p.date[0] ? "  " : "", d->p.date);
	head_field(a, d->head, &y, d->head_h, d->w, "stage", buf_cstr(&t));
	buf_free(&t);
	wnoutrefresh(d->head);
	lp_draw(&d->sources);
}

static int detail_request(struct view *v, enum request req)
{
	struct detail_view *d = (struct detail_view *)v;
	if (lp_request(&d->sources, req))
		return 1;
	if (req == REQ_NEXT_MATCH || req == REQ_PREV_MATCH) {
		lp_move(&d->sources, req == REQ_NEXT_MATCH ? 1 : -1);
		return 1;
	}
	if (req == REQ_ENTER) {
		const struct browse_row *r = lp_current(&d->sources);
		if (r)
			app_push(v->app, reader_view_new(v->app, r->num_id, d->p.id, NULL));
		return 1;
	}
	return 0;
}

static void detail_status(struct view *v, struct buf *left, struct buf *right)
{
	struct detail_view *d = (struct detail_view *)v;
	buf_printf(left, "Project: %s", d->p.name ? d->p.name : "");
	buf_printf(right, "%lld source%s  Enter: read", (long long)d->p.n_sources, d->p.n_sources == 1 ? "" : "s");
}

static void detail_destroy(struct view *v)
{
	struct detail_view *d = (struct detail_view *)v;
	browse_project_clear(&d->p);
	lp_free(&d->sources);
	if (d->head)
		delwin(d->head);
	free(d);
}

static const struct view_ops detail_ops = {
	"detail", detail_layout, detail_draw, detail_request, detail_status, NULL, detail_destroy,
};

struct view *detail_view_new(struct app *a, int64_t project_id)
{
	struct detail_view *d = xcalloc(1, sizeof *d);
	d->base.ops = &detail_ops;
	d->base.app = a;
	if (browse_project(a->b, project_id, &d->p) != 0) {
		ui_message(a, 1, "%s", browse_errmsg(a->b));
		d->p.name = xstrdup("");
		d->p.company = xstrdup(""); d->p.region = xstrdup(""); d->p.region_zh = xstrdup("");
		d->p.region_path = xstrdup(""); d->p.chains = xstrdup(""); d->p.status = xstrdup(""); d->p.date = xstrdup("");
	}
	lp_init(&d->sources, a, "Sources", draw_source_row);
	d->sources.spec.list = BL_SOURCES;
	d->sources.spec.project_id = project_id;
	d->sources.focused = 1;
	return &d->base;
}

/* ================= reader ================= */

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

static const struct view_ops reader_ops = {
	"reader", reader_layout, reader_draw, reader_request, reader_status, NULL, reader_destroy,
};

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

/* The reader opens at its first match once it knows its size. */
static void reader_first_match(struct view *v)
{
	struct reader_view *r = (struct reader_view *)v;
	if (r->have_jump && (r->jump_mark == BM_SEARCH || r->jump_mark == BM_PROJECT) && r->cur_match < 0)
		reader_jump(r, 1);
}

/* ================= search results ================= */

struct search_view {
	struct view base;
	struct browse_search *s;
	char text[512];
	struct list_pane list;
	WINDOW *preview;
	int ph, w;
};

static void draw_result_row(struct app *a, WINDOW *win, int y, int x, int w, const struct browse_row *r, attr_t base)
{
	draw_fit(a, win, y, x, 11, r->date[0] ? r->date : "-", base ? base : a->attr[EL_DIM], 0);
	draw_text(a, win, y, x + 11, w - 11, r->name, base);
}

static void search_layout(struct view *v, int y, int x, int h, int w)
{
	struct search_view *s = (struct search_view *)v;
	s->ph = h >= 16 ? 6 : 4;
	s->w = w;
	lp_set_window(&s->list, newwin(h - s->ph, w, y, x), 0);
	if (s->preview)
		delwin(s->preview);
	s->preview = newwin(s->ph, w, y + h - s->ph, x);
	if (!s->list.n)
		lp_reload(&s->list);
}

/* The snippet with its \1..\2 marks shown as highlights, wrapped over the preview's lines. */
static void draw_snippet(struct app *a, WINDOW *win, int y0, int h, int w, const char *snip)
{
	int y = y0, col = 0, on = 0;
	char rend[SAN_MAX];
	size_t n = strlen(snip);
	wmove(win, y, 1);
	for (size_t i = 0; i < n && y < h;) {
		if (snip[i] == '\1' || snip[i] == '\2') {
			on = snip[i] == '\1';
			i++;
			continue;
		}
		int ph;
		size_t used = san_char(snip + i, n - i, a->san_flags, rend, &ph);
		if (snip[i] == '\n')
			snprintf(rend, sizeof rend, " "), ph = 0;
		int cw = tw_width(rend, strlen(rend));
		if (col + cw > w - 2) {
			if (++y >= h)
				break;
			col = 0;
			wmove(win, y, 1);
		}
		if (cw == 0 && col == 0) {
			i += used;
			continue;
		}
		wattrset(win, ph ? a->attr[EL_PLACEHOLDER] : on ? a->attr[EL_MATCH] : A_NORMAL);
		waddnstr(win, rend, (int)strlen(rend));
		col += cw;
		i += used;
	}
	wattrset(win, A_NORMAL);
}

static void search_draw(struct view *v)
{
	struct search_view *s = (struct search_view *)v;
	struct app *a = v->app;
	lp_draw(&s->list);
	werase(s->preview);
	draw_hline(a, s->preview, 0, 0, s->w, a->attr[EL_RULE]);
	const struct browse_row *r = lp_current(&s->list);
	if (r) {
		draw_text(a, s->preview, 0, 2, s->w - 4, r->sub2, a->attr[EL_DIM]);
		draw_snippet(a, s->preview, 1, s->ph, s->w, r->sub);
	}
	wnoutrefresh(s->preview);
}

static int search_request(struct view *v, enum request req)
{
	struct search_view *s = (struct search_view *)v;
	if (lp_request(&s->list, req))
		return 1;
	if (req == REQ_NEXT_MATCH || req == REQ_PREV_MATCH) {
		lp_move(&s->list, req == REQ_NEXT_MATCH ? 1 : -1);
		return 1;
	}
	if (req == REQ_ENTER) {
		const struct browse_row *r = lp_current(&s->list);
		if (r) {
			struct view *rv = reader_view_new(v->app, r->num_id, 0, s->s);
			app_push(v->app, rv);
		}
		return 1;
	}
	return 0;
}

static void search_status(struct view *v, struct buf *left, struct buf *right)
{
	struct search_view *s = (struct search_view *)v;
	int capped;
	int64_t n = browse_search_count(s->s, &capped);
	buf_printf(left, "/%s", s->text);
	buf_printf(right, "%lld%s match%s%s", (long long)n, capped ? "+" : "", n == 1 ? "" : "es",
		   browse_search_ranked(s->s) ? ", best first" : n ? ", newest first (too many to rank)" : "");
}

static void search_destroy(struct view *v)
{
	struct search_view *s = (struct search_view *)v;
	lp_free(&s->list);
	if (s->preview)
		delwin(s->preview);
	browse_search_close(s->s);
	free(s);
}

static const struct view_ops search_ops = {
	"search", search_layout, search_draw, search_request, search_status, NULL, search_destroy,
};

struct view *search_view_new(struct app *a, struct browse_search *bs, const char *text)
{
	struct search_view *s = xcalloc(1, sizeof *s);
	s->base.ops = &search_ops;
	s->base.app = a;
	s->s = bs;
	snprintf(s->text, sizeof s->text, "%s", text);
	lp_init(&s->list, a, "Documents", draw_result_row);
	s->list.spec.list = BL_SEARCH;
	s->list.spec.search = bs;
	s->list.focused = 1;
	return &s->base;
}

/* ================= statistics ================= */

#define STAT_BARS 12
#define STAT_YEARS 40

struct stats_view {
	struct view base;
	struct browse_filter f;
	char crumb[512];
	struct browse_bar regions[STAT_BARS], chains[STAT_BARS];
	int n_regions, n_chains;
	int64_t years[STAT_YEARS];
	int n_years, first_year;
	WINDOW *win;
	int h, w;
};

/* A bar of value/max over w columns in eighths (Unicode) or whole '#' (ASCII). */
static void bar(const struct app *a, struct buf *out, double value, double max, int w)
{
	if (max <= 0 || w <= 0)
		return;
	double cells = value / max * w;
	int full = (int)cells;
	if (a->ascii_draw) {
		for (int i = 0; i < full; i++)
			buf_putc(out, '#');
		if (full == 0 && value > 0)
			buf_putc(out, '.');
		return;
	}
	for (int i = 0; i < full; i++)
		buf_puts(out, "\xe2\x96\x88");
	int eighths = (int)((cells - full) * 8);
	static const char *part[] = { "", "\xe2\x96\x8f", "\xe2\x96\x8e", "\xe2\x96\x8d", "\xe2\x96\x8c",
				      "\xe2\x96\x8b", "\xe2\x96\x8a", "\xe2\x96\x89" };
	if (full < w && eighths > 0)
		buf_puts(out, part[eighths]);
	else if (full == 0 && value > 0)
		buf_puts(out, part[1]);
}

static void draw_bars(struct app *a, WINDOW *win, int *y, int h, int w, const char *title, struct browse_bar *bars, int n)
{
	if (*y >= h)
		return;
	draw_text(a, win, (*y)++, 1, w - 2, title, a->attr[EL_HEADING]);
	if (n == 0 && *y < h)
		draw_text(a, win, (*y)++, 3, w - 4, "no projects here", a->attr[EL_DIM]);
	double max = 0;
	int64_t maxn = 0;
	for (int i = 0; i < n; i++) {
		if (bars[i].amount > max) max = bars[i].amount;
		if (bars[i].n_projects > maxn) maxn = bars[i].n_projects;
	}
	int labw = w >= 80 ? 26 : w / 3, numw = amount_width(a) + 1, cntw = 7, barw = w - 2 - labw - numw - cntw - 2;
	struct buf t = {0};
	for (int i = 0; i < n && *y < h; i++, (*y)++) {
		draw_text(a, win, *y, 1, labw, bars[i].label, A_NORMAL);
		buf_clear(&t);
		/* investment when any is known, else the project count */
		if (max > 0)
			bar(a, &t, bars[i].amount, max, barw);
		else
			bar(a, &t, (double)bars[i].n_projects, (double)maxn, barw);
		draw_text(a, win, *y, 2 + labw, barw, t.len ? buf_cstr(&t) : "", a->attr[EL_BAR]);
		buf_clear(&t);
		format_amount(a, &t, bars[i].amount > 0, bars[i].amount, "CNY");
		draw_fit(a, win, *y, 2 + labw + barw, numw, t.len ? buf_cstr(&t) : "-", a->attr[EL_NUMBER], 1);
		buf_clear(&t);
		buf_printf(&t, "%lldp", (long long)bars[i].n_projects);
		draw_fit(a, win, *y, 2 + labw + barw + numw, cntw, buf_cstr(&t), a->attr[EL_DIM], 1);
	}
	buf_free(&t);
	(*y)++;
}

static void stats_layout(struct view *v, int y, int x, int h, int w)
{
	struct stats_view *s = (struct stats_view *)v;
	if (s->win)
		delwin(s->win);
	s->win = newwin(h, w, y, x);
	s->h = h;
	s->w = w;
}

static void stats_draw(struct view *v)
{
	struct stats_view *s = (struct stats_view *)v;
	struct app *a = v->app;
	werase(s->win);
	struct buf t = {0};
	buf_printf(&t, " Statistics: %s", s->crumb);
	draw_text(a, s->win, 0, 0, s->w, buf_cstr(&t), a->attr[EL_TITLE_FOCUS]);
	int y = 2, h = s->h;
	/* leave room for the sparkline at the bottom */
	int bars_h = h - 4;
	int per = (bars_h - y) / 2;
	draw_bars(a, s->win, &y, y + per, s->w, "Investment and projects by region", s->regions, s->n_regions);
	draw_bars(a, s->win, &y, bars_h, s->w, "Investment and projects by chain", s->chains, s->n_chains);
	y = h - 3;
	buf_clear(&t);
	int64_t max = 0;
	for (int i = 0; i < s->n_years; i++)
		if (s->years[i] > max)
			max = s->years[i];
	draw_text(a, s->win, y, 1, s->w - 2, "Projects per year", a->attr[EL_HEADING]);
	if (s->n_years == 0) {
		draw_text(a, s->win, y + 1, 3, s->w - 4, "no dated projects", a->attr[EL_DIM]);
	} else {
		static const char *ticks[] = { "\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
					       "\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88" };
		static const char ascii_ticks[] = ".:-=+*#@";
		for (int i = 0; i < s->n_years; i++) {
			int lvl = max ? (int)((s->years[i] * 7 + max - 1) / max) : 0;
			if (lvl > 7) lvl = 7;
			if (s->years[i] == 0)
				buf_putc(&t, ' ');
			else if (a->ascii_draw)
				buf_putc(&t, ascii_ticks[lvl]);
			else
				buf_puts(&t, ticks[lvl]);
		}
		buf_printf(&t, "  %d-%d, peak %lld", s->first_year, s->first_year + s->n_years - 1, (long long)max);
		draw_text(a, s->win, y + 1, 3, s->w - 4, buf_cstr(&t), a->attr[EL_BAR]);
	}
	buf_free(&t);
	wnoutrefresh(s->win);
}

static int stats_request(struct view *v, enum request req)
{
	(void)v;
	return req == REQ_UP || req == REQ_DOWN || req == REQ_ENTER;
}

static void stats_status(struct view *v, struct buf *left, struct buf *right)
{
	(void)v;
	buf_puts(left, "Statistics for the current filters");
	buf_puts(right, "q: back");
}

static void stats_destroy(struct view *v)
{
	struct stats_view *s = (struct stats_view *)v;
	browse_bars_clear(s->regions, s->n_regions);
	browse_bars_clear(s->chains, s->n_chains);
	if (s->win)
		delwin(s->win);
	free(s);
}

static const struct view_ops stats_ops = {
	"stats", stats_layout, stats_draw, stats_request, stats_status, NULL, stats_destroy,
};

struct view *stats_view_new(struct app *a, const struct browse_filter *f, const char *crumb)
{
	struct stats_view *s = xcalloc(1, sizeof *s);
	s->base.ops = &stats_ops;
	s->base.app = a;
	s->f = *f;
	snprintf(s->crumb, sizeof s->crumb, "%s", crumb);
	s->n_regions = browse_stat_bars(a->b, f, 0, s->regions, STAT_BARS);
	s->n_chains = browse_stat_bars(a->b, f, 1, s->chains, STAT_BARS);
	s->n_years = browse_stat_years(a->b, f, &s->first_year, s->years, STAT_YEARS);
	if (s->n_regions < 0 || s->n_chains < 0 || s->n_years < 0) {
		ui_message(a, 1, "statistics: %s", browse_errmsg(a->b));
		if (s->n_regions < 0) s->n_regions = 0;
		if (s->n_chains < 0) s->n_chains = 0;
		if (s->n_years < 0) s->n_years = 0;
	}
	return &s->base;
}

/* ================= help ================= */

struct help_view {
	struct view base;
	WINDOW *win;
	int h, w, top, n_lines;
};

static const char *help_tail[] = {
	"",
	"In the f prompt: type to narrow, Enter keeps the narrowed list, Esc clears it.",
	"In the / prompt: Enter searches, Esc cancels; a bad query is reported below.",
	"Keys and colours: $XDG_CONFIG_HOME/chainscope/config (see chainscope(1)):",
	"  bind KEY ACTION    unbind KEY    color ELEMENT FG [BG] [bold|underline|reverse]",
	"NO_COLOR turns colours off; --ascii draws without Unicode line art.",
};

static void help_layout(struct view *v, int y, int x, int h, int w)
{
	struct help_view *hv = (struct help_view *)v;
	if (hv->win)
		delwin(hv->win);
	hv->win = newwin(h, w, y, x);
	hv->h = h;
	hv->w = w;
}

static void help_draw(struct view *v)
{
	struct help_view *hv = (struct help_view *)v;
	struct app *a = v->app;
	werase(hv->win);
	draw_text(a, hv->win, 0, 0, hv->w, " Keys", a->attr[EL_TITLE_FOCUS]);
	int n = REQ_COUNT - 1 + (int)ARRAY_LEN(help_tail);
	hv->n_lines = n;
	for (int i = 0; i + 1 < hv->h && hv->top + i < n; i++) {
		int k = hv->top + i;
		if (k < REQ_COUNT - 1) {
			enum request r = (enum request)(k + 1);
			draw_text(a, hv->win, i + 1, 1, 24, request_keys(r), a->attr[EL_HEADING]);
			draw_text(a, hv->win, i + 1, 26, hv->w - 27, request_help(r), A_NORMAL);
		} else {
			draw_text(a, hv->win, i + 1, 1, hv->w - 2, help_tail[k - (REQ_COUNT - 1)], a->attr[EL_DIM]);
		}
	}
	wnoutrefresh(hv->win);
}

static int help_request(struct view *v, enum request req)
{
	struct help_view *hv = (struct help_view *)v;
	int max_top = hv->n_lines - (hv->h - 1);
	if (max_top < 0) max_top = 0;
	switch (req) {
	case REQ_DOWN: case REQ_PAGE_DOWN: case REQ_HALF_DOWN:
		hv->top += req == REQ_DOWN ? 1 : hv->h / 2;
		break;
	case REQ_UP: case REQ_PAGE_UP: case REQ_HALF_UP:
		hv->top -= req == REQ_UP ? 1 : hv->h / 2;
		break;
	case REQ_FIRST: hv->top = 0; break;
	case REQ_LAST: hv->top = max_top; break;
	case REQ_HELP: app_pop(v->app); return 1;
	default: return 0;
	}
	if (hv->top > max_top) hv->top = max_top;
	if (hv->top < 0) hv->top = 0;
	return 1;
}

static void help_status(struct view *v, struct buf *left, struct buf *right)
{
	(void)v;
	buf_puts(left, "Help");
	buf_puts(right, "q: back");
}

static void help_destroy(struct view *v)
{
	struct help_view *hv = (struct help_view *)v;
	if (hv->win)
		delwin(hv->win);
	free(hv);
}

static const struct view_ops help_ops = {
	"help", help_layout, help_draw, help_request, help_status, NULL, help_destroy,
};

struct view *help_view_new(struct app *a)
{
	struct help_view *hv = xcalloc(1, sizeof *hv);
	hv->base.ops = &help_ops;
	hv->base.app = a;
	return &hv->base;
}

/* Called by app_push after the first layout of a reader. */
void views_after_layout(struct view *v);
void views_after_layout(struct view *v)
{
	if (v->ops == &reader_ops)
		reader_first_match(v);
}
