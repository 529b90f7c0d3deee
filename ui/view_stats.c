/* view_stats.c: the `S` statistics for the current filters: investment and project counts by
 * region and by chain as horizontal bars (Unicode eighths, or # in ASCII), projects per year as a
 * sparkline. Must not run SQL (browse.h). */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	.name = "stats",
	.layout = stats_layout,
	.draw = stats_draw,
	.request = stats_request,
	.status = stats_status,
	.destroy = stats_destroy,
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
