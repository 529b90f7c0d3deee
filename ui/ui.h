/* ui.h: the browser's entry point, called by main.c. The browser reads the cache through
 * src/browse.h (keyset-paginated queries); it owns the terminal from initscr to endwin. */
#ifndef CHAINSCOPE_UI_H
#define CHAINSCOPE_UI_H

struct ui_options {
	int ascii;               /* --ascii: plain drawing, no Unicode blocks or line art */
};

/* Runs the browser on the cache at db_path until the user quits. Returns the process exit
 * status (0, or 1 with a message on stderr when the terminal or the cache is unusable). */
int ui_run(const char *db_path, const struct ui_options *opt);

#endif
