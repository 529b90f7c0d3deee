/* view_main.c: the main view: Regions, Chains and Projects side by side over a preview, with
 * faceted drill-down. Enter on a region or chain pushes a filter on the breadcrumb (and walks
 * into its subdivisions), Backspace pops it and puts every pane back where it was. Owns the
 * breadcrumb and the pane layout; the lists themselves are list panes over browse.h. */
#include "app.h"
#include "listpane.h"
#include "sanitize.h"
#include "textwidth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CRUMBS 32

enum { P_REGIONS, P_CHAINS, P_PROJECTS, N_PANES };

struct saved_pos {
	int valid, line;
	struct browse_key key;
	char narrow[256];
};

struct crumb {
	int is_chain;
	char id[BROWSE_ID_MAX];
	char label[160];
	char pane_parent[BROWSE_ID_MAX];  /* whose children the pane lists after this filter */
	int focus;
	struct saved_pos saved[N_PANES];  /* the panes as they were before this filter */
};

struct main_view {
	struct view base;
	struct list_pane panes[N_PANES];
	int focus;
	WINDOW *preview;
	int preview_h, preview_w;
	struct crumb crumbs[MAX_CRUMBS];
	int n_crumbs;
	struct browse_totals totals;
};

/* ---- rows ---- */

static void draw_tree_row(struct app *a, WINDOW *win, int y, int x, int w, const struct browse_row *r, attr_t base)
{
	struct buf name = {0}, num = {0};
	buf_puts(&name, r->has_children ? (a->ascii_draw ? "+ " : "\xe2\x96\xb8 ") : "  ");
	buf_puts(&name, r->name);
	int numw = 6, docw = w >= 44 ? 7 : 0;
	/* the Chinese name when it fits beside the English one */
	if (r->name_zh && r->name_zh[0] && !(a->san_flags & SAN_ASCII) &&
	    tw_width(name.data, name.len) + 1 + tw_width(r->name_zh, strlen(r->name_zh)) <= w - numw - docw) {
		buf_putc(&name, ' ');
		buf_puts(&name, r->name_zh);
	}
	format_count(&num, r->n_projects);
	draw_text(a, win, y, x, w - numw - docw, buf_cstr(&name), base);
	draw_fit(a, win, y, x + w - numw - docw, numw, buf_cstr(&num), base ? base : a->attr[EL_NUMBER], 1);
	if (docw) {
		buf_clear(&num);
		format_count(&num, r->n_docs);
		buf_puts(&num, "d");
		draw_fit(a, win, y, x + w - docw, docw, buf_cstr(&num), base ? base : a->attr[EL_DIM], 1);
	}
	buf_free(&name);
	buf_free(&num);
}

static void draw_project_row(struct app *a, WINDOW *win, int y, int x, int w, const struct browse_row *r, attr_t base)
{
	struct buf amt = {0};
	format_amount(a, &amt, r->has_amount, r->amount, r->currency);
	int amtw = amount_width(a);
	if (w >= 90) {
		/* name, region, chain, amount, date, stage, sources */
		int rest = w - amtw - 11 - 10 - 4;
		int namew = rest * 45 / 100, regw = rest * 22 / 100, chw = rest - namew - regw;
		int cx = x;
		draw_text(a, win, y, cx, namew, r->name, base); cx += namew;
		draw_text(a, win, y, cx, regw, r->sub, base ? base : a->attr[EL_DIM]); cx += regw;
		draw_text(a, win, y, cx, chw, r->sub2, base ? base : a->attr[EL_DIM]); cx += chw;
		draw_fit(a, win, y, cx, amtw, buf_cstr(&amt), base ? base : a->attr[EL_NUMBER], 1); cx += amtw;
		draw_fit(a, win, y, cx, 11, r->date, base, 1); cx += 11;
		draw_text(a, win, y, cx, 10, r->status, base ? base : a->attr[EL_DIM]); cx += 10;
		char src[16];
		snprintf(src, sizeof src, "%lld", (long long)r->n_sources);
		draw_fit(a, win, y, cx, 4, src, base, 1);
	} else if (w >= 56) {
		int namew = w - amtw - 11;
		draw_text(a, win, y, x, namew, r->name, base);
		draw_fit(a, win, y, x + namew, amtw, buf_cstr(&amt), base ? base : a->attr[EL_NUMBER], 1);
		draw_fit(a, win, y, x + namew + amtw, 11, r->date, base, 1);
	} else {
		draw_text(a, win, y, x, w - amtw, r->name, base);
		draw_fit(a, win, y, x + w - amtw, amtw, buf_cstr(&amt), base ? base : a->attr[EL_NUMBER], 1);
	}
	buf_free(&amt);
}

/* ---- filters ---- */

static void current_filter(const struct main_view *m, struct browse_filter *f, char *rparent, char *cparent)
{
	memset(f, 0, sizeof *f);
	rparent[0] = cparent[0] = '\0';
	for (int i = 0; i < m->n_crumbs; i++) {
		const struct crumb *c = &m->crumbs[i];
		snprintf(c->is_chain ? f->chain : f->region, BROWSE_ID_MAX, "%s", c->id);
		snprintf(c->is_chain ? cparent : rparent, BROWSE_ID_MAX, "%s", c->pane_parent);
	}
}

void main_view_filter(struct view *v, struct browse_filter *f, struct buf *crumb)
{
	struct main_view *m = (struct main_view *)v;
	char rp[BROWSE_ID_MAX], cp[BROWSE_ID_MAX];
	current_filter(m, f, rp, cp);
	if (crumb) {
		if (!m->n_crumbs)
			buf_puts(crumb, "All");
		for (int i = 0; i < m->n_crumbs; i++)
			buf_printf(crumb, "%s%s", i ? (v->app->ascii_draw ? " > " : " \xe2\x80\xba ") : "", m->crumbs[i].label);
	}
}

/* Points every pane at the current filter and reloads it, at saved positions when given. */
static void apply_filter(struct main_view *m, const struct saved_pos *saved)
{
	struct browse_filter f;
	char rp[BROWSE_ID_MAX], cp[BROWSE_ID_MAX];
	current_filter(m, &f, rp, cp);
	for (int p = 0; p < N_PANES; p++) {
		struct list_pane *lp = &m->panes[p];
		lp->spec.filter = f;
		snprintf(lp->spec.parent, sizeof lp->spec.parent, "%s", p == P_REGIONS ? rp : cp);
		if (saved && saved[p].valid) {
			snprintf(lp->narrow, sizeof lp->narrow, "%s", saved[p].narrow);
			lp_reload_at(lp, &saved[p].key, saved[p].line);
		} else {
			lp->narrow[0] = '\0';
			lp_reload(lp);
		}
	}
	browse_totals(m->base.app->b, &f, &m->totals);
}

static void push_crumb(struct main_view *m, const struct browse_row *r, int is_chain)
{
	if (m->n_crumbs == MAX_CRUMBS) {
		ui_message(m->base.app, 1, "too many filters: go back first");
		return;
	}
	struct crumb *c = &m->crumbs[m->n_crumbs];
	memset(c, 0, sizeof *c);
	c->is_chain = is_chain;
	c->focus = m->focus;
	snprintf(c->id, sizeof c->id, "%s", r->id);
	snprintf(c->label, sizeof c->label, "%s", r->name);
	for (int p = 0; p < N_PANES; p++) {
		const struct browse_row *cur = lp_current(&m->panes[p]);
		if (cur) {
			c->saved[p].valid = 1;
			c->saved[p].key = cur->key;
			c->saved[p].line = lp_cursor_line(&m->panes[p]);
		}
		_Static_assert(sizeof c->saved[p].narrow == sizeof m->panes[p].narrow, "narrow buffers");
		memcpy(c->saved[p].narrow, m->panes[p].narrow, sizeof c->saved[p].narrow);
	}
	/* walk into the subdivisions; a leaf keeps showing its siblings */
	const struct list_pane *lp = &m->panes[is_chain ? P_CHAINS : P_REGIONS];
	snprintf(c->pane_parent, sizeof c->pane_parent, "%s", r->has_children ? r->id : lp->spec.parent);
	m->n_crumbs++;
	apply_filter(m, NULL);
	if (!r->has_children) {
		/* keep the chosen leaf selected among its siblings */
		struct list_pane *own = &m->panes[is_chain ? P_CHAINS : P_REGIONS];
		lp_reload_at(own, &c->saved[is_chain ? P_CHAINS : P_REGIONS].key, c->saved[is_chain ? P_CHAINS : P_REGIONS].line);
	}
}

static int pop_crumb(struct main_view *m)
{
	if (!m->n_crumbs)
		return 0;
	struct crumb c = m->crumbs[--m->n_crumbs];
	m->focus = c.focus;
	for (int p = 0; p < N_PANES; p++)
		m->panes[p].focused = p == m->focus;
	apply_filter(m, c.saved);
	return 1;
}

/* ---- the view ---- */

static void main_layout(struct view *v, int y, int x, int h, int w)
{
	struct main_view *m = (struct main_view *)v;
	int ph = h >= 22 ? 6 : h >= 16 ? 5 : 4;
	int lh = h - ph;
	int side = w / 4;
	if (side < 12) side = 12;
	if (side > 40) side = 40;
	int widths[N_PANES] = { side, side, w - 2 * side };
	int cx = x;
	for (int p = 0; p < N_PANES; p++) {
		lp_set_window(&m->panes[p], newwin(lh, widths[p], y, cx), p < N_PANES - 1);
		cx += widths[p];
	}
	if (m->preview)
		delwin(m->preview);
	m->preview = newwin(ph, w, y + lh, x);
	m->preview_h = ph;
	m->preview_w = w;
}

static void preview_line(struct app *a, WINDOW *win, int *y, int h, int w, const char *label, const char *text, attr_t attr)
{
	if (*y >= h || !text || !*text)
		return;
	int lw = label ? 12 : 0;
	if (label)
		draw_text(a, win, *y, 1, lw, label, a->attr[EL_DIM]);
	draw_text(a, win, *y, 1 + lw, w - 2 - lw, text, attr);
	(*y)++;
}

static void draw_preview(struct main_view *m)
{
	struct app *a = m->base.app;
	WINDOW *win = m->preview;
	int h = m->preview_h, w = m->preview_w, y = 1;
	werase(win);
	const char *names[N_PANES] = { "Region", "Chain", "Project" };
	draw_hline(a, win, 0, 0, w, a->attr[EL_RULE]);
	draw_text(a, win, 0, 2, (int)strlen(names[m->focus]) + 2, names[m->focus], a->attr[EL_HEADING]);
	const struct browse_row *r = lp_current(&m->panes[m->focus]);
	struct buf t = {0};
	if (!r) {
		preview_line(a, win, &y, h, w, NULL, m->panes[m->focus].narrow[0] ? "Nothing matches the filter text (Esc clears it)"
			     : "Nothing here under the current filters (Backspace takes the last one off)", a->attr[EL_DIM]);
	} else if (m->focus == P_PROJECTS) {
		preview_line(a, win, &y, h, w, NULL, r->name, A_BOLD);
		preview_line(a, win, &y, h, w, "company", r->name_zh, A_NORMAL);
		buf_printf(&t, "%s", r->sub);
		preview_line(a, win, &y, h, w, "region", buf_cstr(&t), A_NORMAL);
		preview_line(a, win, &y, h, w, "chains", r->sub2, A_NORMAL);
		buf_clear(&t);
		format_amount(a, &t, r->has_amount, r->amount, r->currency);
		buf_printf(&t, "%s%s%s%s  %lld source%s", t.len ? "  " : "", r->status, r->date[0] ? "  " : "", r->date,
			   (long long)r->n_sources, r->n_sources == 1 ? "" : "s");
		preview_line(a, win, &y, h, w, "amount", buf_cstr(&t), A_NORMAL);
	} else {
		static const char *levels[] = { "macro-region", "province", "prefecture", "county", "zone" };
		buf_printf(&t, "%s %s", r->name, r->name_zh);
		if (m->focus == P_REGIONS && r->level >= 0 && r->level <= 4)
			buf_printf(&t, "  (%s)", levels[r->level]);
		preview_line(a, win, &y, h, w, NULL, buf_cstr(&t), A_BOLD);
		buf_clear(&t);
		buf_printf(&t, "%lld projects, %lld documents", (long long)r->n_projects, (long long)r->n_docs);
		if (r->amount > 0) {
			buf_puts(&t, ", investment ");
			format_amount(a, &t, 1, r->amount, "CNY");
		}
		preview_line(a, win, &y, h, w, NULL, buf_cstr(&t), A_NORMAL);
		preview_line(a, win, &y, h, w, NULL, r->has_children ? "Enter: filter by it and list its subdivisions"
			     : "Enter: filter by it", a->attr[EL_DIM]);
	}
	buf_free(&t);
	wnoutrefresh(win);
}

static void main_draw(struct view *v)
{
	struct main_view *m = (struct main_view *)v;
	for (int p = 0; p < N_PANES; p++)
		lp_draw(&m->panes[p]);
	draw_preview(m);
}

static void set_focus(struct main_view *m, int p)
{
	m->focus = (p + N_PANES) % N_PANES;
	for (int i = 0; i < N_PANES; i++)
		m->panes[i].focused = i == m->focus;
}

static void cycle_sort(struct list_pane *lp)
{
	enum browse_sort s = lp->spec.sort;
	if (lp->spec.list == BL_PROJECTS)
		s = s == BS_AMOUNT ? BS_DATE : s == BS_DATE ? BS_NAME : BS_AMOUNT;
	else
		s = s == BS_COUNT ? BS_NAME : BS_COUNT;
	lp->spec.sort = s;
	lp_reload(lp);
}

static int main_request(struct view *v, enum request req)
{
	struct main_view *m = (struct main_view *)v;
	struct list_pane *lp = &m->panes[m->focus];
	if (lp_request(lp, req))
		return 1;
	switch (req) {
	case REQ_NEXT_PANE: set_focus(m, m->focus + 1); return 1;
	case REQ_PREV_PANE: set_focus(m, m->focus - 1); return 1;
	case REQ_PANE_1: set_focus(m, P_REGIONS); return 1;
	case REQ_PANE_2: set_focus(m, P_CHAINS); return 1;
	case REQ_PANE_3: set_focus(m, P_PROJECTS); return 1;
	case REQ_NEXT_MATCH: lp_move(lp, 1); return 1;
	case REQ_PREV_MATCH: lp_move(lp, -1); return 1;
	case REQ_SORT: cycle_sort(lp); return 1;
	case REQ_ENTER: {
		const struct browse_row *r = lp_current(lp);
		if (!r)
			return 1;
		if (m->focus == P_PROJECTS) {
			app_push(v->app, detail_view_new(v->app, r->num_id));
			return 1;
		}
		struct browse_row copy = *r;   /* the pane reloads under us */
		push_crumb(m, &copy, m->focus == P_CHAINS);
		return 1;
	}
	case REQ_BACK:
		if (lp->narrow[0]) {
			lp->narrow[0] = '\0';
			lp_reload(lp);
			return 1;
		}
		if (!pop_crumb(m))
			ui_message(v->app, 0, "at the top: q quits");
		return 1;
	case REQ_QUIT:
		if (!pop_crumb(m))
			v->app->quit = 1;
		return 1;
	default:
		return 0;
	}
}

static void main_status(struct view *v, struct buf *left, struct buf *right)
{
	struct main_view *m = (struct main_view *)v;
	main_view_filter(v, &(struct browse_filter){0}, left);
	buf_printf(right, "%lld project%s", (long long)m->totals.n_projects, m->totals.n_projects == 1 ? "" : "s");
	if (m->totals.amount > 0) {
		buf_puts(right, m->totals.converted ? (v->app->ascii_draw ? " ~" : " \xe2\x89\x88") : " ");
		format_amount(v->app, right, 1, m->totals.amount, "CNY");
	}
	buf_printf(right, "  %lld docs", (long long)m->totals.n_docs);
}

static void main_narrow(struct view *v, const char *text, int done)
{
	struct main_view *m = (struct main_view *)v;
	struct list_pane *lp = &m->panes[m->focus];
	if (strcmp(lp->narrow, text) != 0 || done) {
		snprintf(lp->narrow, sizeof lp->narrow, "%s", text);
		lp_reload(lp);
	}
}

static void main_destroy(struct view *v)
{
	struct main_view *m = (struct main_view *)v;
	for (int p = 0; p < N_PANES; p++)
		lp_free(&m->panes[p]);
	if (m->preview)
		delwin(m->preview);
	free(m);
}

static const struct view_ops main_ops = {
	.name = "main",
	.layout = main_layout,
	.draw = main_draw,
	.request = main_request,
	.status = main_status,
	.narrow = main_narrow,
	.destroy = main_destroy,
};

struct view *main_view_new(struct app *a, char *err, size_t errlen)
{
	(void)err; (void)errlen;
	struct main_view *m = xcalloc(1, sizeof *m);
	m->base.ops = &main_ops;
	m->base.app = a;
	lp_init(&m->panes[P_REGIONS], a, "Regions", draw_tree_row);
	lp_init(&m->panes[P_CHAINS], a, "Chains", draw_tree_row);
	lp_init(&m->panes[P_PROJECTS], a, "Projects", draw_project_row);
	m->panes[P_REGIONS].spec.list = BL_REGIONS;
	m->panes[P_CHAINS].spec.list = BL_CHAINS;
	m->panes[P_PROJECTS].spec.list = BL_PROJECTS;
	m->panes[P_PROJECTS].spec.sort = BS_AMOUNT;
	set_focus(m, P_REGIONS);
	return &m->base;
}

/* The first load needs the windows (page sizes), so ui.c calls this after the first layout. */
void main_view_load(struct view *v)
{
	apply_filter((struct main_view *)v, NULL);
}
