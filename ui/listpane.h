/* listpane.h: the one reusable list (htop's Panel): a window over a keyset-paginated list from
 * browse.h. It holds a few screens of rows around the cursor, fetches more as the cursor moves,
 * and repaints only the lines that changed (the old and new cursor line when nothing scrolled). */
#ifndef CHAINSCOPE_UI_LISTPANE_H
#define CHAINSCOPE_UI_LISTPANE_H

#include "app.h"

struct list_pane;
/* Draws one row in w columns at line y of the pane's window. */
typedef void (*row_draw_fn)(struct app *a, WINDOW *win, int y, int x, int w, const struct browse_row *r, attr_t base);

struct list_pane {
	struct app *app;
	WINDOW *win;
	int h, w;                     /* window size; line 0 is the title, the rest are rows */
	int separator;                /* draw a vertical rule in the last column */
	char title[64];
	struct browse_spec spec;
	char narrow[256];             /* the `f` text, owned (spec.narrow points here) */
	row_draw_fn draw_row;
	struct browse_row *rows;      /* contiguous rows of the list, in list order */
	int n, cap;
	int top, cur;                 /* first visible row, cursor (indexes into rows) */
	int64_t pos0;                 /* position of rows[0] in the list, -1 when unknown */
	int at_start, at_end;         /* rows[0] is the first row / rows[n-1] the last */
	int64_t total;
	int focused;
	int error;                    /* the last fetch failed */
	/* what is on screen, to repaint only what changed */
	int drawn_top, drawn_cur, drawn_valid;
};

void lp_init(struct list_pane *lp, struct app *a, const char *title, row_draw_fn draw_row);
void lp_free(struct list_pane *lp);
void lp_set_window(struct list_pane *lp, WINDOW *win, int separator);
/* Loads the list from its first row. */
void lp_reload(struct list_pane *lp);
/* Loads the list around key (the row with that key, or its neighbour if gone), putting it on
 * screen line `line` (0 = first row line). */
void lp_reload_at(struct list_pane *lp, const struct browse_key *key, int line);
void lp_move(struct list_pane *lp, int delta);
void lp_first(struct list_pane *lp);
void lp_last(struct list_pane *lp);
int lp_visible(const struct list_pane *lp);   /* row lines */
const struct browse_row *lp_current(const struct list_pane *lp);
/* The cursor's line on screen (for lp_reload_at after going back). */
int lp_cursor_line(const struct list_pane *lp);
/* Handles the movement requests; returns 0 for others. */
int lp_request(struct list_pane *lp, enum request req);
void lp_draw(struct list_pane *lp);
void lp_invalidate(struct list_pane *lp);

#endif
