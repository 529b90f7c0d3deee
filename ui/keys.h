/* keys.h: the browser's requests, their default keys and their help text, as one X-macro: the
 * key map, the `?` screen, the config file's action names and the man page's key list
 * (man/chainscope.1, checked by tests/ui/man-keys.sh) all come from this table, so they cannot
 * drift apart. Keys: a character, C-x (control), S-Tab, or a name: Up Down Left Right PgUp PgDn
 * Home End Enter Backspace Esc Tab Space. */
#ifndef CHAINSCOPE_UI_KEYS_H
#define CHAINSCOPE_UI_KEYS_H

/*  X(ENUM, action name, default keys, help) */
#define UI_REQUESTS(X) \
	X(UP,        "up",             "k Up",                 "Move up") \
	X(DOWN,      "down",           "j Down",               "Move down") \
	X(HALF_UP,   "half-page-up",   "C-u",                  "Move up half a page") \
	X(HALF_DOWN, "half-page-down", "C-d",                  "Move down half a page") \
	X(PAGE_UP,   "page-up",        "PgUp b",               "Move up a page") \
	X(PAGE_DOWN, "page-down",      "PgDn Space",           "Move down a page") \
	X(FIRST,     "first",          "g Home",               "Go to the first line") \
	X(LAST,      "last",           "G End",                "Go to the last line") \
	X(ENTER,     "enter",          "Enter l Right",        "Drill in: filter by the region or chain, open the project, the source or the search result") \
	X(BACK,      "back",           "Backspace Esc h Left", "Go back: close the view, or take the last filter off the breadcrumb") \
	X(NEXT_PANE, "next-pane",      "Tab",                  "Focus the next pane") \
	X(PREV_PANE, "prev-pane",      "S-Tab",                "Focus the previous pane") \
	X(PANE_1,    "focus-regions",  "1",                    "Focus the Regions pane") \
	X(PANE_2,    "focus-chains",   "2",                    "Focus the Chains pane") \
	X(PANE_3,    "focus-projects", "3",                    "Focus the Projects pane") \
	X(SEARCH,    "search",         "/",                    "Search the documents: words, phrases in quotes, prefix*, AND OR NOT, region:NAME chain:ID year:YYYY lang:xx") \
	X(NEXT_MATCH, "next-match",    "n",                    "Next match in the reader, next result in a list") \
	X(PREV_MATCH, "prev-match",    "N",                    "Previous match in the reader, previous result in a list") \
	X(FILTER,    "filter",         "f",                    "Narrow the focused list by name in English, Chinese or pinyin; Enter keeps it, Esc clears it") \
	X(SORT,      "sort",           "s",                    "Cycle the sort of the focused list: count, name (projects: amount, date, name)") \
	X(STATS,     "stats",          "S",                    "Statistics for the current filters: bar charts and projects per year") \
	X(HELP,      "help",           "?",                    "Show the keys") \
	X(REDRAW,    "redraw",         "C-l",                  "Redraw the whole screen") \
	X(QUIT,      "quit",           "q",                    "Go back; quit at the top") \
	X(QUIT_NOW,  "quit-now",       "Q",                    "Quit at once")

enum request {
	REQ_NONE,
#define X(e, name, keys, help) REQ_##e,
	UI_REQUESTS(X)
#undef X
	REQ_COUNT
};

/* Display elements whose colours the config file can set:
 *  X(ENUM, name, fg, bg, attributes, monochrome attributes) */
#define UI_ELEMENTS(X) \
	X(TITLE,       "title",        COLOR_WHITE,  COLOR_BLUE,   0,          A_REVERSE) \
	X(TITLE_FOCUS, "title-focus",  COLOR_BLACK,  COLOR_CYAN,   A_BOLD,     A_REVERSE | A_BOLD) \
	X(CURSOR,      "cursor",       COLOR_BLACK,  COLOR_CYAN,   0,          A_REVERSE) \
	X(CURSOR_IDLE, "cursor-idle",  COLOR_BLACK,  COLOR_WHITE,  0,          A_UNDERLINE) \
	X(STATUS,      "status",       COLOR_WHITE,  COLOR_BLUE,   0,          A_REVERSE) \
	X(ERROR,       "error",        COLOR_WHITE,  COLOR_RED,    A_BOLD,     A_REVERSE | A_BOLD) \
	X(NUMBER,      "number",       COLOR_YELLOW, -1,           0,          0) \
	X(DIM,         "dim",          COLOR_CYAN,   -1,           0,          0) \
	X(HEADING,     "heading",      COLOR_GREEN,  -1,           A_BOLD,     A_BOLD) \
	X(MATCH,       "match",        COLOR_BLACK,  COLOR_YELLOW, 0,          A_REVERSE) \
	X(EVIDENCE,    "evidence",     COLOR_GREEN,  -1,           A_BOLD,     A_BOLD) \
	X(MENTION,     "mention",      COLOR_CYAN,   -1,           A_UNDERLINE, A_UNDERLINE) \
	X(PLACEHOLDER, "placeholder",  COLOR_MAGENTA, -1,          A_BOLD,     A_BOLD) \
	X(BAR,         "bar",          COLOR_GREEN,  -1,           0,          0) \
	X(RULE,        "rule",         COLOR_BLUE,   -1,           0,          0)

enum element {
#define X(e, name, fg, bg, attr, mono) EL_##e,
	UI_ELEMENTS(X)
#undef X
	EL_COUNT
};

#endif
