/* view_help.c: the `?` screen, generated from the request table in keys.h so that it lists
 * exactly the keys the program binds. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	.name = "help",
	.layout = help_layout,
	.draw = help_draw,
	.request = help_request,
	.status = help_status,
	.destroy = help_destroy,
};

struct view *help_view_new(struct app *a)
{
	struct help_view *hv = xcalloc(1, sizeof *hv);
	hv->base.ops = &help_ops;
	hv->base.app = a;
	return &hv->base;
}
