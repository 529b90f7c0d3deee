/* ui.c: the browser's entry point and main loop: open the cache, own the terminal, lay out the
 * view stack, read a key, turn it into a request, repaint what changed (wnoutrefresh + one
 * doupdate; never clear() per key). Also the status bar and the `/` and `f` prompts.
 * CHAINSCOPE_TRACE_FILE, when set, receives the time to the first screen and per key (for
 * bench/ui-bench). Must not run SQL itself (browse.h) or write unsanitised text (draw.c). */
#include "app.h"
#include "sanitize.h"
#include "textwidth.h"
#include "ui.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static FILE *trace_file;

static double ms_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void layout_view(struct app *a, struct view *v)
{
	v->ops->layout(v, 0, 0, a->rows - 1, a->cols);
}

void app_push(struct app *a, struct view *v)
{
	v->below = a->top;
	a->top = v;
	if (!a->too_small) {
		layout_view(a, v);
		if (v->ops->opened)
			v->ops->opened(v);
	}
}

void app_pop(struct app *a)
{
	struct view *v = a->top;
	if (!v || !v->below)
		return;
	a->top = v->below;
	v->ops->destroy(v);
	/* the view below was covered: lay it out again in case the size changed meanwhile */
	a->relayout = 1;
}

static void relayout(struct app *a)
{
	getmaxyx(stdscr, a->rows, a->cols);
	a->too_small = a->rows < UI_MIN_H || a->cols < UI_MIN_W;
	if (a->status_win)
		delwin(a->status_win);
	a->status_win = newwin(1, a->cols, a->rows - 1, 0);
	keypad(a->status_win, TRUE);
	wtimeout(a->status_win, 500);
	werase(stdscr);
	wnoutrefresh(stdscr);
	if (a->too_small)
		return;
	/* every view in the stack, so going back finds its windows sized */
	for (struct view *v = a->top; v; v = v->below)
		layout_view(a, v);
}

static void draw_status(struct app *a)
{
	WINDOW *w = a->status_win;
	int cols = a->cols;
	if (a->prompt != PROMPT_NONE) {
		const char *p = a->prompt == PROMPT_SEARCH ? "/" : "filter: ";
		struct buf line = {0};
		buf_puts(&line, p);
		buf_puts(&line, buf_cstr(&a->prompt_text));
		/* keep the end of a long entry in view */
		const char *s = buf_cstr(&line);
		size_t n = strlen(s);
		while (tw_width(s, n) > cols - 2) {
			s += utf8_seq_len((unsigned char)*s);
			n = strlen(s);
		}
		draw_text(a, w, 0, 0, cols, s, A_NORMAL);
		int cx = tw_width(s, n);
		wmove(w, 0, cx < cols ? cx : cols - 1);
		buf_free(&line);
		curs_set(1);
		wnoutrefresh(w);
		return;
	}
	curs_set(0);
	struct buf left = {0}, right = {0};
	a->top->ops->status(a->top, &left, &right);
	attr_t at = a->attr[EL_STATUS];
	int rw = tw_width(buf_cstr(&right), right.len) + 2;
	if (rw > cols / 2)
		rw = cols / 2;
	if (a->message[0])
		draw_text(a, w, 0, 0, cols - rw, a->message, a->message_is_error ? a->attr[EL_ERROR] : at);
	else
		draw_text(a, w, 0, 0, cols - rw, buf_cstr(&left), at);
	buf_putc(&right, ' ');
	draw_fit(a, w, 0, cols - rw, rw, buf_cstr(&right), at, 1);
	buf_free(&left);
	buf_free(&right);
	wnoutrefresh(w);
}

static void draw_all(struct app *a)
{
	if (a->too_small) {
		werase(stdscr);
		char msg[96];
		snprintf(msg, sizeof msg, "terminal too small: %dx%d, need %dx%d", a->cols, a->rows, UI_MIN_W, UI_MIN_H);
		draw_text(a, stdscr, a->rows / 2, 0, a->cols, msg, A_BOLD);
		wnoutrefresh(stdscr);
	} else {
		a->top->ops->draw(a->top);
		draw_status(a);
	}
	doupdate();
}

static void start_search(struct app *a, const char *text)
{
	struct view *main = a->top;
	while (main->below)
		main = main->below;
	struct browse_filter f;
	main_view_filter(main, &f, NULL);
	char err[256];
	struct browse_search *s = browse_search_open(a->b, text, &f, err, sizeof err);
	if (!s) {
		ui_message(a, 1, "%s", err);
		return;
	}
	snprintf(a->last_search, sizeof a->last_search, "%s", text);
	/* a new search replaces the results of the last one */
	while (a->top->below && strcmp(a->top->ops->name, "main") != 0)
		app_pop(a);
	app_push(a, search_view_new(a, s, text));
}

/* A key while a prompt is open. Text is kept as UTF-8; Backspace removes a whole character. */
static void prompt_key(struct app *a, int is_code, wint_t ch)
{
	struct buf *t = &a->prompt_text;
	enum prompt_kind kind = a->prompt;
	if (!is_code && (ch == 27 || ch == 7)) {                   /* Esc, C-g */
		a->prompt = PROMPT_NONE;
		if (kind == PROMPT_FILTER && a->top->ops->narrow)
			a->top->ops->narrow(a->top, "", 1);
		return;
	}
	if ((!is_code && (ch == '\n' || ch == '\r')) || (is_code && ch == KEY_ENTER)) {
		a->prompt = PROMPT_NONE;
		char *text = xstrdup(buf_cstr(t));
		if (kind == PROMPT_SEARCH && text[0])
			start_search(a, text);
		else if (kind == PROMPT_FILTER && a->top->ops->narrow)
			a->top->ops->narrow(a->top, text, 1);
		free(text);
		return;
	}
	if ((is_code && ch == KEY_BACKSPACE) || (!is_code && (ch == 127 || ch == 8))) {
		if (t->len == 0) {
			a->prompt = PROMPT_NONE;
		} else {
			size_t i = t->len - 1;
			while (i > 0 && ((unsigned char)t->data[i] & 0xc0) == 0x80)
				i--;
			t->len = i;
			t->data[i] = '\0';
		}
	} else if (!is_code && ch == 21) {                           /* C-u */
		buf_clear(t);
	} else if (!is_code && ch >= 0x20 && ch != 0x7f && t->len < 400) {
		buf_put_utf8(t, (uint32_t)ch);
	} else {
		return;
	}
	if (kind == PROMPT_FILTER && a->top->ops->narrow)
		a->top->ops->narrow(a->top, buf_cstr(t), 0);
}

static void open_prompt(struct app *a, enum prompt_kind k)
{
	a->prompt = k;
	buf_clear(&a->prompt_text);
	buf_puts(&a->prompt_text, "");
}

/* Requests every view shares. */
static void global_request(struct app *a, enum request req)
{
	struct view *main = a->top;
	while (main->below)
		main = main->below;
	switch (req) {
	case REQ_QUIT_NOW: a->quit = 1; break;
	case REQ_QUIT: case REQ_BACK:
		if (a->top->below)
			app_pop(a);
		else if (req == REQ_QUIT)
			a->quit = 1;
		break;
	case REQ_HELP: app_push(a, help_view_new(a)); break;
	case REQ_SEARCH: open_prompt(a, PROMPT_SEARCH); break;
	case REQ_FILTER:
		if (a->top->ops->narrow)
			open_prompt(a, PROMPT_FILTER);
		else
			ui_message(a, 0, "nothing to filter here");
		break;
	case REQ_STATS: {
		struct browse_filter f;
		struct buf crumb = {0};
		main_view_filter(main, &f, &crumb);
		app_push(a, stats_view_new(a, &f, buf_cstr(&crumb)));
		buf_free(&crumb);
		break;
	}
	case REQ_REDRAW: clearok(curscr, TRUE); a->relayout = 1; break;
	default: break;
	}
}

static void describe_key(char *out, size_t n, int is_code, wint_t ch)
{
	if (is_code)
		snprintf(out, n, "%s", keyname((int)ch) ? keyname((int)ch) : "?");
	else if (ch < 0x20)
		snprintf(out, n, "^%c", (char)(ch + '@'));
	else if (ch < 0x7f)
		snprintf(out, n, "%c", (char)ch);
	else
		snprintf(out, n, "U+%04X", (unsigned)ch);
}

int ui_run(const char *db_path, const struct ui_options *opt)
{
	double t0 = ms_now();
	setlocale(LC_ALL, "");
	struct app app;
	memset(&app, 0, sizeof app);
	struct app *a = &app;
	a->san_flags = san_locale_flags();
	a->ascii_draw = (opt && opt->ascii) || (a->san_flags & SAN_ASCII);
	const char *tf = getenv("CHAINSCOPE_TRACE_FILE");
	if (tf && *tf)
		trace_file = fopen(tf, "w");
	char err[512];
	a->b = browse_open(db_path, err, sizeof err);
	if (!a->b) {
		fprintf(stderr, "chainscope: %s\n", err);
		return 1;
	}
	keymap_defaults(a);
	config_load(a);
	if (term_start(a, err, sizeof err) != 0) {
		fprintf(stderr, "chainscope: %s\n", err);
		browse_close(a->b);
		return 1;
	}
	a->top = main_view_new(a, err, sizeof err);
	relayout(a);
	main_view_load(a->top);
	draw_all(a);
	if (trace_file) {
		fprintf(trace_file, "first-screen %.3f\n", ms_now() - t0);
		fflush(trace_file);
	}

	/* the loop: one key, one request, one repaint */
	while (!a->quit && !term_quit_signal()) {
		wint_t ch;
		int r = wget_wch(a->status_win, &ch);
		if (r == ERR)
			continue;                  /* timeout or a signal: check the quit flag */
		double k0 = ms_now();
		int is_code = r == KEY_CODE_YES;
		if (is_code && ch == KEY_RESIZE) {
			a->relayout = 1;
		} else if (a->prompt != PROMPT_NONE) {
			prompt_key(a, is_code, ch);
		} else {
			a->message[0] = '\0';
			enum request req = keymap_lookup(a, is_code, ch);
			if (!a->too_small && req != REQ_NONE && !a->top->ops->request(a->top, req))
				global_request(a, req);
			else if (a->too_small && (req == REQ_QUIT || req == REQ_QUIT_NOW))
				a->quit = 1;
		}
		if (a->quit)
			break;
		if (a->relayout) {
			a->relayout = 0;
			relayout(a);
		}
		draw_all(a);
		if (trace_file) {
			char kn[32];
			describe_key(kn, sizeof kn, is_code, ch);
			fprintf(trace_file, "key %s %.3f\n", kn, ms_now() - k0);
			fflush(trace_file);
		}
	}
	int sig = term_quit_signal();
	while (a->top) {
		struct view *below = a->top->below;
		a->top->ops->destroy(a->top);
		a->top = below;
	}
	if (a->status_win)
		delwin(a->status_win);
	term_stop();
	buf_free(&a->prompt_text);
	browse_close(a->b);
	if (trace_file)
		fclose(trace_file);
	return sig ? 128 + sig : 0;
}
