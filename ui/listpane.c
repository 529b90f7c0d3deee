/* listpane.c: the reusable list pane (see listpane.h). Owns the row window, keyset paging and
 * partial repaint; must not know what the rows mean (the row_draw_fn and the spec say). */
#include "listpane.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void lp_init(struct list_pane *lp, struct app *a, const char *title, row_draw_fn draw_row)
{
	memset(lp, 0, sizeof *lp);
	lp->app = a;
	snprintf(lp->title, sizeof lp->title, "%s", title);
	lp->draw_row = draw_row;
	lp->total = -1;
	lp->pos0 = -1;
}

static void clear_rows(struct list_pane *lp)
{
	for (int i = 0; i < lp->n; i++)
		browse_row_clear(&lp->rows[i]);
	lp->n = lp->top = lp->cur = 0;
	lp->at_start = lp->at_end = 0;
	lp->pos0 = -1;
	lp->error = 0;
	lp->drawn_valid = 0;
}

void lp_free(struct list_pane *lp)
{
	clear_rows(lp);
	free(lp->rows);
	lp->rows = NULL;
	lp->cap = 0;
	if (lp->win)
		delwin(lp->win);
	lp->win = NULL;
}

void lp_set_window(struct list_pane *lp, WINDOW *win, int separator)
{
	if (lp->win)
		delwin(lp->win);
	lp->win = win;
	lp->separator = separator;
	getmaxyx(win, lp->h, lp->w);
	lp->drawn_valid = 0;
	/* keep the cursor on screen in the new size */
	int vis = lp_visible(lp);
	if (lp->cur >= lp->top + vis)
		lp->top = lp->cur - vis + 1;
	if (lp->top < 0)
		lp->top = 0;
}

int lp_visible(const struct list_pane *lp)
{
	return lp->h > 1 ? lp->h - 1 : 1;
}

/* Rows kept in memory: a few screens, whatever the size of the list. */
static int row_budget(const struct list_pane *lp)
{
	return 4 * lp_visible(lp) + 32;
}

static void reserve(struct list_pane *lp, int n)
{
	if (n <= lp->cap)
		return;
	int cap = lp->cap ? lp->cap : 64;
	while (cap < n)
		cap *= 2;
	lp->rows = xrealloc(lp->rows, (size_t)cap * sizeof *lp->rows);
	lp->cap = cap;
}

static void fetch_failed(struct list_pane *lp)
{
	lp->error = 1;
	ui_message(lp->app, 1, "%s: %s", lp->title, browse_errmsg(lp->app->b));
}

/* Drops rows far from the cursor so memory stays a few screens. */
static void trim(struct list_pane *lp)
{
	int budget = row_budget(lp), vis = lp_visible(lp);
	if (lp->n <= budget)
		return;
	int front = lp->top - vis;             /* rows above the screen beyond one page */
	if (front > lp->n - budget)
		front = lp->n - budget;
	if (front > 0) {
		for (int i = 0; i < front; i++)
			browse_row_clear(&lp->rows[i]);
		memmove(lp->rows, lp->rows + front, (size_t)(lp->n - front) * sizeof *lp->rows);
		lp->n -= front;
		lp->top -= front;
		lp->cur -= front;
		if (lp->pos0 >= 0)
			lp->pos0 += front;
		lp->at_start = 0;
	}
	int keep = lp->top + vis + vis;
	if (lp->n > budget && keep < lp->n) {
		for (int i = keep; i < lp->n; i++)
			browse_row_clear(&lp->rows[i]);
		lp->n = keep;
		lp->at_end = 0;
	}
}

/* The first page of the list and its count. */
static void fetch_first(struct list_pane *lp, int k)
{
	reserve(lp, k);
	int64_t total = -1;
	int got = browse_fetch_first(lp->app->b, &lp->spec, k, lp->rows, &total);
	if (got < 0) {
		fetch_failed(lp);
		return;
	}
	lp->n = got;
	lp->at_end = got < k;
	lp->total = total;
	lp->drawn_valid = 0;
}

static int fetch_after(struct list_pane *lp, int k)
{
	if (lp->at_end || k <= 0)
		return 0;
	reserve(lp, lp->n + k);
	const struct browse_key *key = lp->n ? &lp->rows[lp->n - 1].key : NULL;
	int got = browse_fetch(lp->app->b, &lp->spec, key, 1, k, lp->rows + lp->n);
	if (got < 0) {
		fetch_failed(lp);
		return 0;
	}
	lp->n += got;
	if (got < k)
		lp->at_end = 1;
	lp->drawn_valid = 0;
	return got;
}

static int fetch_before(struct list_pane *lp, int k)
{
	if (lp->at_start || k <= 0)
		return 0;
	reserve(lp, lp->n + k);
	struct browse_row *tmp = xcalloc((size_t)k, sizeof *tmp);
	const struct browse_key *key = lp->n ? &lp->rows[0].key : NULL;
	int got = browse_fetch(lp->app->b, &lp->spec, key, -1, k, tmp);
	if (got < 0) {
		free(tmp);
		fetch_failed(lp);
		return 0;
	}
	memmove(lp->rows + got, lp->rows, (size_t)lp->n * sizeof *lp->rows);
	for (int i = 0; i < got; i++)
		lp->rows[got - 1 - i] = tmp[i];      /* nearest first -> list order */
	free(tmp);
	lp->n += got;
	lp->top += got;
	lp->cur += got;
	if (lp->pos0 >= 0)
		lp->pos0 -= got;
	if (got < k) {
		lp->at_start = 1;
		lp->pos0 = 0;
	}
	lp->drawn_valid = 0;
	return got;
}

static void count(struct list_pane *lp)
{
	lp->total = browse_count(lp->app->b, &lp->spec);
}

void lp_reload(struct list_pane *lp)
{
	clear_rows(lp);
	lp->spec.narrow = lp->narrow;
	lp->at_start = 1;
	lp->pos0 = 0;
	fetch_first(lp, 2 * lp_visible(lp));
}

void lp_reload_at(struct list_pane *lp, const struct browse_key *key, int line)
{
	if (!key) {
		lp_reload(lp);
		return;
	}
	clear_rows(lp);
	lp->spec.narrow = lp->narrow;
	int vis = lp_visible(lp);
	if (line < 0)
		line = 0;
	if (line >= vis)
		line = vis - 1;
	/* rows before the anchor, then the anchor (or what took its place) and after */
	struct browse_key anchor = *key;
	reserve(lp, 1);
	struct browse_row *before = xcalloc((size_t)vis + 1, sizeof *before);
	int b = browse_fetch(lp->app->b, &lp->spec, &anchor, -1, vis, before);
	if (b < 0) {
		free(before);
		fetch_failed(lp);
		return;
	}
	reserve(lp, b + 2 * vis);
	for (int i = 0; i < b; i++)
		lp->rows[b - 1 - i] = before[i];
	free(before);
	lp->n = b;
	lp->at_start = b < vis;
	lp->pos0 = lp->at_start ? 0 : -1;
	if (b == 0)
		lp->at_start = 1;
	lp->at_end = 0;
	fetch_after(lp, 2 * vis);
	lp->cur = b < lp->n ? b : lp->n - 1;
	if (lp->cur < 0)
		lp->cur = 0;
	lp->top = lp->cur - line;
	if (lp->top < 0)
		lp->top = 0;
	count(lp);
}

void lp_move(struct list_pane *lp, int delta)
{
	int vis = lp_visible(lp);
	if (lp->n == 0)
		return;
	int target = lp->cur + delta;
	if (target >= lp->n)
		fetch_after(lp, target - lp->n + 1 + vis);
	else if (target < 0) {
		fetch_before(lp, -target + vis);
		target = lp->cur + delta;     /* the cursor index moved with the rows prepended */
	}
	if (target >= lp->n)
		target = lp->n - 1;
	if (target < 0)
		target = 0;
	/* a page move scrolls the page with it, as in less */
	if (delta >= vis || delta <= -vis)
		lp->top += target - lp->cur;
	lp->cur = target;
	if (lp->top > lp->cur)
		lp->top = lp->cur;
	if (lp->cur >= lp->top + vis)
		lp->top = lp->cur - vis + 1;
	if (lp->top < 0)
		lp->top = 0;
	trim(lp);
}

void lp_first(struct list_pane *lp)
{
	if (lp->at_start && lp->n) {
		lp->cur = lp->top = 0;
		return;
	}
	int64_t total = lp->total;
	lp_reload(lp);
	lp->total = total;
}

void lp_last(struct list_pane *lp)
{
	if (lp->at_end && lp->n) {
		lp_move(lp, lp->n - 1 - lp->cur);
		return;
	}
	int64_t total = lp->total;
	clear_rows(lp);
	lp->spec.narrow = lp->narrow;
	lp->at_end = 1;
	fetch_before(lp, 2 * lp_visible(lp));
	lp->total = total;
	if (lp->total >= 0 && lp->total <= BROWSE_COUNT_CAP && lp->pos0 < 0)
		lp->pos0 = lp->total - lp->n;
	lp->cur = lp->n ? lp->n - 1 : 0;
	lp->top = lp->cur - lp_visible(lp) + 1;
	if (lp->top < 0)
		lp->top = 0;
}

const struct browse_row *lp_current(const struct list_pane *lp)
{
	return lp->n ? &lp->rows[lp->cur] : NULL;
}

int lp_cursor_line(const struct list_pane *lp)
{
	return lp->cur - lp->top;
}

int lp_request(struct list_pane *lp, enum request req)
{
	int vis = lp_visible(lp);
	switch (req) {
	case REQ_UP: lp_move(lp, -1); return 1;
	case REQ_DOWN: lp_move(lp, 1); return 1;
	case REQ_HALF_UP: lp_move(lp, -(vis / 2 > 0 ? vis / 2 : 1)); return 1;
	case REQ_HALF_DOWN: lp_move(lp, vis / 2 > 0 ? vis / 2 : 1); return 1;
	case REQ_PAGE_UP: lp_move(lp, -vis); return 1;
	case REQ_PAGE_DOWN: lp_move(lp, vis); return 1;
	case REQ_FIRST: lp_first(lp); return 1;
	case REQ_LAST: lp_last(lp); return 1;
	default: return 0;
	}
}

void lp_invalidate(struct list_pane *lp)
{
	lp->drawn_valid = 0;
}

static const char *sort_name(enum browse_sort s)
{
	switch (s) {
	case BS_COUNT: return "count";
	case BS_NAME: return "name";
	case BS_AMOUNT: return "amount";
	case BS_DATE: return "date";
	}
	return "";
}

static void draw_line(struct list_pane *lp, int i)
{
	struct app *a = lp->app;
	int w = lp->w - (lp->separator ? 1 : 0);
	int idx = lp->top + i, y = i + 1;
	if (idx < lp->n) {
		attr_t base = A_NORMAL;
		if (idx == lp->cur)
			base = lp->focused ? a->attr[EL_CURSOR] : a->attr[EL_CURSOR_IDLE];
		lp->draw_row(a, lp->win, y, 0, w, &lp->rows[idx], base);
	} else {
		wattrset(lp->win, A_NORMAL);
		wmove(lp->win, y, 0);
		for (int c = 0; c < w; c++)
			waddch(lp->win, ' ');
		if (i == 0 && lp->n == 0)
			draw_text(a, lp->win, y, 1, w - 1, lp->error ? "(error)" : lp->narrow[0] ? "no match" : "(none)",
				  a->attr[EL_DIM]);
	}
}

void lp_draw(struct list_pane *lp)
{
	struct app *a = lp->app;
	if (!lp->win)
		return;
	int w = lp->w - (lp->separator ? 1 : 0), vis = lp_visible(lp);
	/* the title: name, count, position, sort and narrowing */
	struct buf t = {0};
	buf_printf(&t, " %s", lp->title);
	if (lp->narrow[0])
		buf_printf(&t, " f:%s", lp->narrow);
	if (lp->total > BROWSE_COUNT_CAP)
		buf_printf(&t, " (%d+)", BROWSE_COUNT_CAP);
	else if (lp->total >= 0)
		buf_printf(&t, " (%lld)", (long long)lp->total);
	if (lp->spec.list != BL_SEARCH && lp->spec.list != BL_SOURCES)
		buf_printf(&t, " %s%s", a->ascii_draw ? "v" : "\xe2\x86\x93", sort_name(lp->spec.sort));
	draw_text(a, lp->win, 0, 0, w, buf_cstr(&t), lp->focused ? a->attr[EL_TITLE_FOCUS] : a->attr[EL_TITLE]);
	if (lp->pos0 >= 0 && lp->n && w > 30) {
		buf_clear(&t);
		buf_printf(&t, "%lld ", (long long)(lp->pos0 + lp->cur + 1));
		int tw = (int)t.len;
		draw_fit(a, lp->win, 0, w - tw, tw, buf_cstr(&t), lp->focused ? a->attr[EL_TITLE_FOCUS] : a->attr[EL_TITLE], 1);
	}
	buf_free(&t);
	if (lp->drawn_valid && lp->drawn_top == lp->top) {
		if (lp->drawn_cur != lp->cur) {
			draw_line(lp, lp->drawn_cur - lp->top);
			draw_line(lp, lp->cur - lp->top);
		} else {
			draw_line(lp, lp->cur - lp->top);   /* focus may have changed its colour */
		}
	} else {
		for (int i = 0; i < vis; i++)
			draw_line(lp, i);
		if (lp->separator)
			draw_vline(a, lp->win, 0, lp->w - 1, lp->h, a->attr[EL_RULE]);
	}
	lp->drawn_top = lp->top;
	lp->drawn_cur = lp->cur;
	lp->drawn_valid = 1;
	wnoutrefresh(lp->win);
}
