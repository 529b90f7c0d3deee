/* draw.c: the only place text reaches a window: every string goes through the sanitiser and is
 * fitted to its columns (textwidth.c), so nothing a document contains can move the cursor or
 * overflow a pane. Also the status message and number formats. Must not query the cache. */
#include "app.h"
#include "sanitize.h"
#include "textwidth.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void ui_message(struct app *a, int is_error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->message, sizeof a->message, fmt, ap);
	va_end(ap);
	a->message_is_error = is_error;
}

/* Columns of the sanitised rendering of s. */
static int rendered_width(const struct app *a, const char *s, size_t n)
{
	char r[SAN_MAX];
	int cols = 0, ph;
	for (size_t i = 0; i < n;) {
		i += san_char(s + i, n - i, a->san_flags, r, &ph);
		cols += tw_width(r, strlen(r));
	}
	return cols;
}

static void draw_sanitized(struct app *a, WINDOW *win, int y, int x, int w, const char *s, attr_t attr, int align_right)
{
	if (w <= 0)
		return;
	size_t n = strlen(s);
	int total = rendered_width(a, s, n);
	int limit = total > w ? w - 1 : w;
	int col = 0;
	wmove(win, y, x);
	if (align_right && total < w) {
		wattrset(win, attr);
		for (; col < w - total; col++)
			waddch(win, ' ');
	}
	char r[SAN_MAX];
	int leading = 1;
	for (size_t i = 0; i < n;) {
		int ph;
		size_t used = san_char(s + i, n - i, a->san_flags, r, &ph);
		int rw = tw_width(r, strlen(r));
		if (col + rw > (align_right && total < w ? w : limit))
			break;
		if (rw == 0 && leading && !ph) {
			/* a combining mark with no base here would join the cell to its left */
			i += used;
			continue;
		}
		wattrset(win, ph ? (a->attr[EL_PLACEHOLDER] | (attr & A_REVERSE)) : attr);
		waddnstr(win, r, (int)strlen(r));
		col += rw;
		leading = 0;
		i += used;
	}
	wattrset(win, attr);
	if (total > w) {
		/* a wide character that did not fit leaves a gap before the ellipsis */
		for (; col < w - 1; col++)
			waddch(win, ' ');
		waddstr(win, a->ascii_draw || (a->san_flags & SAN_ASCII) ? "~" : "\xe2\x80\xa6");
		col++;
	}
	for (; col < w; col++)
		waddch(win, ' ');
}

void draw_text(struct app *a, WINDOW *win, int y, int x, int w, const char *s, attr_t attr)
{
	draw_sanitized(a, win, y, x, w, s ? s : "", attr, 0);
}

void draw_fit(struct app *a, WINDOW *win, int y, int x, int w, const char *s, attr_t attr, int align_right)
{
	draw_sanitized(a, win, y, x, w, s ? s : "", attr, align_right);
}

void draw_hline(struct app *a, WINDOW *win, int y, int x, int w, attr_t attr)
{
	wattrset(win, attr);
	if (a->ascii_draw)
		mvwhline(win, y, x, '-', w);
	else
		mvwhline_set(win, y, x, WACS_HLINE, w);
}

void draw_vline(struct app *a, WINDOW *win, int y, int x, int h, attr_t attr)
{
	wattrset(win, attr);
	if (a->ascii_draw)
		mvwvline(win, y, x, '|', h);
	else
		mvwvline_set(win, y, x, WACS_VLINE, h);
}

void format_amount(const struct app *a, struct buf *out, int has_amount, double v, const char *cur)
{
	if (!has_amount)
		return;
	int plain = a->ascii_draw || (a->san_flags & SAN_ASCII);
	const char *sym = NULL;
	if (!strcmp(cur, "CNY") || !*cur) sym = plain ? "CNY " : "\xc2\xa5";
	else if (!strcmp(cur, "USD")) sym = "$";
	else if (!strcmp(cur, "EUR")) sym = plain ? "EUR " : "\xe2\x82\xac";
	else if (!strcmp(cur, "GBP")) sym = plain ? "GBP " : "\xc2\xa3";
	if (sym)
		buf_puts(out, sym);
	else
		buf_printf(out, "%.3s ", cur);
	if (v >= 1e9)
		buf_printf(out, "%.1fbn", v / 1e9);
	else if (v >= 1e6)
		buf_printf(out, v >= 1e8 ? "%.0fm" : "%.1fm", v / 1e6);
	else if (v >= 1e3)
		buf_printf(out, "%.0fk", v / 1e3);
	else
		buf_printf(out, "%.0f", v);
}

int amount_width(const struct app *a)
{
	return a->ascii_draw || (a->san_flags & SAN_ASCII) ? 11 : 9;
}

void format_count(struct buf *out, int64_t n)
{
	if (n >= 1000000)
		buf_printf(out, "%.1fM", (double)n / 1e6);
	else if (n >= 100000)
		buf_printf(out, "%lldk", (long long)(n / 1000));
	else
		buf_printf(out, "%lld", (long long)n);
}
