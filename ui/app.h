/* app.h: what the browser's modules share: the application state, the view interface (a view is
 * a struct of function pointers, as in tig's view.h), the key map and the drawing helpers.
 * Internal to ui/; main.c only sees ui.h. */
#ifndef CHAINSCOPE_UI_APP_H
#define CHAINSCOPE_UI_APP_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <ncurses.h>
#include <stdint.h>
#include "browse.h"
#include "keys.h"
#include "util.h"

#define UI_MIN_W 40
#define UI_MIN_H 12

struct app;

struct view {
	const struct view_ops *ops;
	struct app *app;
	struct view *below;           /* the view this one was opened from */
};

struct view_ops {
	const char *name;
	/* (re)creates the view's windows for the area y, x, h, w (the screen minus the status bar) */
	void (*layout)(struct view *v, int y, int x, int h, int w);
	/* draws what changed and wnoutrefresh()es it */
	void (*draw)(struct view *v);
	/* handles a request; returns 0 when the view has no use for it */
	int (*request)(struct view *v, enum request req);
	/* the status bar's left (breadcrumb or position) and right (totals) parts */
	void (*status)(struct view *v, struct buf *left, struct buf *right);
	/* the text the `f` prompt edits changed (views with lists) */
	void (*narrow)(struct view *v, const char *text, int done);
	void (*destroy)(struct view *v);
	/* optional: called once after the first layout (the view knows its size) */
	void (*opened)(struct view *v);
};

enum prompt_kind { PROMPT_NONE, PROMPT_SEARCH, PROMPT_FILTER };

struct app {
	struct browse *b;
	struct view *top;             /* the view on screen; ->below leads back to the main view */
	int ascii_draw;               /* --ascii or a non-UTF-8 locale: no line art, no blocks */
	int san_flags;                /* sanitiser flags for the locale */
	int use_color;
	attr_t attr[EL_COUNT];
	enum request keymap[512];     /* ASCII characters and ncurses KEY_ codes */
	WINDOW *status_win;
	int rows, cols;
	int too_small;
	int relayout, quit;
	char message[512];            /* shown in the status bar until the next key */
	int message_is_error;
	enum prompt_kind prompt;
	struct buf prompt_text;
	char last_search[512];
};

/* config.c */
void keymap_defaults(struct app *a);
/* Reads $XDG_CONFIG_HOME/chainscope/config (or ~/.config/...): bind/unbind/color lines. Problems
 * are reported through a->message, never fatal. */
void config_load(struct app *a);
/* Sets up colours (after initscr) from the defaults and the config file's color lines. */
void colors_init(struct app *a);
enum request keymap_lookup(const struct app *a, int is_key_code, wint_t ch);
/* The name, default keys and help of a request, for the help view. */
const char *request_name(enum request r);
const char *request_keys(enum request r);
const char *request_help(enum request r);

/* term.c */
int term_start(struct app *a, char *err, size_t errlen);
void term_stop(void);
/* A signal that asks us to quit (SIGHUP, SIGTERM, SIGINT), or 0. */
int term_quit_signal(void);

/* draw.c */
void ui_message(struct app *a, int is_error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Writes s (untrusted: sanitised here) at y, x in exactly w columns, with attribute attr;
 * placeholders get the placeholder colour. */
void draw_text(struct app *a, WINDOW *win, int y, int x, int w, const char *s, attr_t attr);
/* Same for text already laid out in a buffer of columns (trusted, from our own formatting). */
void draw_fit(struct app *a, WINDOW *win, int y, int x, int w, const char *s, attr_t attr, int align_right);
void draw_hline(struct app *a, WINDOW *win, int y, int x, int w, attr_t attr);
void draw_vline(struct app *a, WINDOW *win, int y, int x, int h, attr_t attr);
/* "¥1.2bn", "$35m", "" when none. */
void format_amount(const struct app *a, struct buf *out, int has_amount, double value, const char *currency);
void format_count(struct buf *out, int64_t n);
/* Columns an amount from format_amount takes at most ("CNY 123.4bn" without Unicode symbols). */
int amount_width(const struct app *a);

/* views */
struct view *main_view_new(struct app *a, char *err, size_t errlen);
struct view *detail_view_new(struct app *a, int64_t project_id);
struct view *reader_view_new(struct app *a, int64_t doc_id, int64_t project_id, struct browse_search *search);
struct view *search_view_new(struct app *a, struct browse_search *s, const char *text);
struct view *stats_view_new(struct app *a, const struct browse_filter *f, const char *crumb);
struct view *help_view_new(struct app *a);
/* Loads the main view's lists (after its first layout: page sizes depend on it). */
void main_view_load(struct view *v);
/* The filter of the main view (for search and statistics). */
void main_view_filter(struct view *main, struct browse_filter *f, struct buf *crumb);

void app_push(struct app *a, struct view *v);
void app_pop(struct app *a);

#endif
