/* view_detail.c: the project detail view: every field of a merged project over the list of its
 * sources (documents with date, title and the amount as written); Enter opens the reader on a
 * source with the project's evidence marked. Must not run SQL (browse.h) or write unsanitised text. */
#include "app.h"
#include "listpane.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	.name = "detail",
	.layout = detail_layout,
	.draw = detail_draw,
	.request = detail_request,
	.status = detail_status,
	.destroy = detail_destroy,
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
