/* config.c: the key map and colours: defaults from keys.h, then the user's config file
 * ($XDG_CONFIG_HOME/chainscope/config). Owns the key names and the config syntax; must not draw
 * or query the cache. Config lines:
 *   bind KEY ACTION      unbind KEY      color ELEMENT FG [BG] [bold] [underline] [reverse]
 */
#include "app.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *name, *keys, *help;
} requests[REQ_COUNT] = {
	[REQ_NONE] = { "none", "", "" },
#define X(e, n, k, h) [REQ_##e] = { n, k, h },
	UI_REQUESTS(X)
#undef X
};

const char *request_name(enum request r) { return requests[r].name; }
const char *request_keys(enum request r) { return requests[r].keys; }
const char *request_help(enum request r) { return requests[r].help; }

static const struct { const char *name; int code; } key_names[] = {
	{"Up", KEY_UP}, {"Down", KEY_DOWN}, {"Left", KEY_LEFT}, {"Right", KEY_RIGHT},
	{"PgUp", KEY_PPAGE}, {"PgDn", KEY_NPAGE}, {"Home", KEY_HOME}, {"End", KEY_END},
	{"Enter", '\n'}, {"Backspace", KEY_BACKSPACE}, {"Esc", 27}, {"Tab", '\t'}, {"S-Tab", KEY_BTAB},
	{"Space", ' '},
};

/* The keymap slots of a key name (Enter and Backspace have several codes), or 0 on error. */
static int key_codes(const char *name, int codes[3])
{
	size_t n = strlen(name);
	if (n == 1 && (unsigned char)name[0] > ' ' && (unsigned char)name[0] < 127) {
		codes[0] = name[0];
		return 1;
	}
	if (n == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-' && isalpha((unsigned char)name[2])) {
		codes[0] = tolower((unsigned char)name[2]) & 0x1f;
		return 1;
	}
	for (size_t i = 0; i < ARRAY_LEN(key_names); i++)
		if (strcasecmp(name, key_names[i].name) == 0) {
			codes[0] = key_names[i].code;
			if (codes[0] == '\n') {
				codes[1] = '\r';
				codes[2] = KEY_ENTER;
				return 3;
			}
			if (codes[0] == KEY_BACKSPACE) {
				codes[1] = 127;
				codes[2] = 8;
				return 3;
			}
			return 1;
		}
	return 0;
}

static void bind_keys(struct app *a, const char *keys, enum request r)
{
	char tmp[128];
	snprintf(tmp, sizeof tmp, "%s", keys);
	for (char *save, *k = strtok_r(tmp, " ", &save); k; k = strtok_r(NULL, " ", &save)) {
		int codes[3], n = key_codes(k, codes);
		for (int i = 0; i < n; i++)
			if (codes[i] >= 0 && codes[i] < (int)ARRAY_LEN(a->keymap))
				a->keymap[codes[i]] = r;
	}
}

void keymap_defaults(struct app *a)
{
	memset(a->keymap, 0, sizeof a->keymap);
	for (int r = 1; r < REQ_COUNT; r++)
		bind_keys(a, requests[r].keys, (enum request)r);
}

enum request keymap_lookup(const struct app *a, int is_key_code, wint_t ch)
{
	if (is_key_code) {
		if (ch == KEY_ENTER)
			ch = '\n';
		return ch < ARRAY_LEN(a->keymap) ? a->keymap[ch] : REQ_NONE;
	}
	/* characters: only ASCII is bindable; function key codes start above 0400 */
	return ch < 0x100 ? a->keymap[ch] : REQ_NONE;
}

/* ---- colours ---- */

static const struct { const char *name; short fg, bg; attr_t attr, mono; } element_defaults[EL_COUNT] = {
#define X(e, n, f, b, at, mo) [EL_##e] = { n, f, b, at, mo },
	UI_ELEMENTS(X)
#undef X
};

static struct { short fg, bg; attr_t attr; int set; } element_config[EL_COUNT];

static const char *color_names[] = { "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white" };

static int parse_color(const char *s, short *c)
{
	if (strcasecmp(s, "default") == 0) {
		*c = -1;
		return 0;
	}
	for (int i = 0; i < 8; i++)
		if (strcasecmp(s, color_names[i]) == 0) {
			*c = (short)i;
			return 0;
		}
	char *end;
	long v = strtol(s, &end, 10);
	if (*s && !*end && v >= 0 && v < 256) {
		*c = (short)v;
		return 0;
	}
	return -1;
}

static int parse_line(struct app *a, char *line, char *why, size_t whylen)
{
	char *w[8];
	int n = 0;
	for (char *save, *t = strtok_r(line, " \t", &save); t && n < 8; t = strtok_r(NULL, " \t", &save))
		w[n++] = t;
	if (n == 0)
		return 0;
	if (strcmp(w[0], "bind") == 0 && n == 3) {
		int codes[3];
		if (!key_codes(w[1], codes))
			return snprintf(why, whylen, "unknown key '%s'", w[1]), -1;
		for (int r = 1; r < REQ_COUNT; r++)
			if (strcmp(w[2], requests[r].name) == 0) {
				bind_keys(a, w[1], (enum request)r);
				return 0;
			}
		return snprintf(why, whylen, "unknown action '%s'", w[2]), -1;
	}
	if (strcmp(w[0], "unbind") == 0 && n == 2) {
		if (!key_codes(w[1], (int[3]){0}))
			return snprintf(why, whylen, "unknown key '%s'", w[1]), -1;
		bind_keys(a, w[1], REQ_NONE);
		return 0;
	}
	if (strcmp(w[0], "color") == 0 && n >= 3) {
		int e;
		for (e = 0; e < EL_COUNT; e++)
			if (strcmp(w[1], element_defaults[e].name) == 0)
				break;
		if (e == EL_COUNT)
			return snprintf(why, whylen, "unknown element '%s'", w[1]), -1;
		short fg, bg = -1;
		int i = 3;
		if (parse_color(w[2], &fg))
			return snprintf(why, whylen, "unknown colour '%s'", w[2]), -1;
		if (n > 3 && parse_color(w[3], &bg) == 0)
			i = 4;
		attr_t at = 0;
		for (; i < n; i++) {
			if (strcmp(w[i], "bold") == 0) at |= A_BOLD;
			else if (strcmp(w[i], "underline") == 0) at |= A_UNDERLINE;
			else if (strcmp(w[i], "reverse") == 0) at |= A_REVERSE;
			else return snprintf(why, whylen, "unknown colour or attribute '%s'", w[i]), -1;
		}
		element_config[e].fg = fg;
		element_config[e].bg = bg;
		element_config[e].attr = at;
		element_config[e].set = 1;
		return 0;
	}
	return snprintf(why, whylen, "expected bind KEY ACTION, unbind KEY or color ELEMENT FG [BG] [ATTR...]"), -1;
}

void config_load(struct app *a)
{
	char path[4096];
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && *xdg)
		snprintf(path, sizeof path, "%s/chainscope/config", xdg);
	else if (home && *home)
		snprintf(path, sizeof path, "%s/.config/chainscope/config", home);
	else
		return;
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	char line[1024];
	int lineno = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		line[strcspn(line, "\r\n")] = '\0';
		char why[160];
		if (parse_line(a, line, why, sizeof why) && !a->message[0])
			ui_message(a, 1, "config line %d: %s (%s)", lineno, why, path);
	}
	fclose(f);
}

void colors_init(struct app *a)
{
	const char *no_color = getenv("NO_COLOR");
	a->use_color = has_colors() && !(no_color && *no_color);
	if (a->use_color) {
		start_color();
		use_default_colors();
	}
	for (int e = 0; e < EL_COUNT; e++) {
		if (!a->use_color) {
			a->attr[e] = element_defaults[e].mono;
			continue;
		}
		short fg = element_defaults[e].fg, bg = element_defaults[e].bg;
		attr_t at = element_defaults[e].attr;
		if (element_config[e].set) {
			fg = element_config[e].fg;
			bg = element_config[e].bg;
			at = element_config[e].attr;
		}
		if (fg >= COLORS) fg = -1;
		if (bg >= COLORS) bg = -1;
		if (e + 1 < COLOR_PAIRS && init_pair((short)(e + 1), fg, bg) == OK)
			a->attr[e] = COLOR_PAIR(e + 1) | at;
		else
			a->attr[e] = element_defaults[e].mono;
	}
}
