/* view_search.c: the results of a `/` search: documents with date and title, the selected one's
 * snippet below with its matches highlighted; Enter opens the reader at the first match. Must not
 * run SQL (browse.h) or write unsanitised text. */
#include "app.h"
#include "listpane.h"
#include "sanitize.h"
#include "textwidth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	if (w < 100) {
		draw_text(a, win, y, x + 11, w - 11, r->name, base);
		return;
	}
	/* wide: the title, then the snippet on the same line (its match marks dropped) */
	int titlew = (w - 11) * 2 / 5;
	draw_text(a, win, y, x + 11, titlew, r->name, base);
	struct buf snip = {0};
	for (const char *p = r->sub; p && *p; p++)
		if (*p != '\1' && *p != '\2')
			buf_putc(&snip, *p == '\n' ? ' ' : *p);
	draw_text(a, win, y, x + 12 + titlew, w - 12 - titlew, snip.len ? buf_cstr(&snip) : "", base ? base : a->attr[EL_DIM]);
	buf_free(&snip);
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
	.name = "search",
	.layout = search_layout,
	.draw = search_draw,
	.request = search_request,
	.status = search_status,
	.destroy = search_destroy,
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
