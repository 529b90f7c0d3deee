/* term.c: owning the terminal: checks before curses starts (a tty, a usable TERM), ncursesw set
 * up (ESCDELAY low, keypad, no echo, cbreak so Ctrl-Z and Ctrl-C still signal), and the promise
 * that the terminal is restored whatever happens: on quit, on SIGHUP/SIGTERM/SIGINT/SIGQUIT, and
 * from a crash handler that uses only async-signal-safe calls. Ctrl-Z and SIGWINCH are left to
 * ncurses, which restores the screen on fg and reports KEY_RESIZE. Must not draw anything. */
#include "app.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t quit_signal;
static struct termios saved_tty;
static int have_saved_tty, curses_on;
/* what the crash handler writes: leave the alternate screen, show the cursor, plain attributes */
static char crash_reset[256];
static size_t crash_reset_len;

static void on_quit_signal(int sig)
{
	quit_signal = sig;
}

static void on_crash(int sig)
{
	if (crash_reset_len)
		(void)!write(STDOUT_FILENO, crash_reset, crash_reset_len);
	if (have_saved_tty)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
	static const char msg[] = "chainscope: crashed; terminal restored\n";
	(void)!write(STDERR_FILENO, msg, sizeof msg - 1);
	signal(sig, SIG_DFL);
	raise(sig);
}

int term_quit_signal(void)
{
	return quit_signal;
}

static void append_cap(const char *name)
{
	const char *s = tigetstr((char *)name);
	if (!s || s == (char *)-1)
		return;
	size_t n = strlen(s);
	if (crash_reset_len + n < sizeof crash_reset) {
		memcpy(crash_reset + crash_reset_len, s, n);
		crash_reset_len += n;
	}
}

int term_start(struct app *a, char *err, size_t errlen)
{
	const char *term = getenv("TERM");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, errlen, "the browser needs a terminal (use `chainscope search` or `export` in scripts)");
		return -1;
	}
	if (!term || !*term || strcmp(term, "dumb") == 0) {
		snprintf(err, errlen, "TERM=%s cannot show the browser: it needs cursor movement; set TERM to your "
			 "terminal (xterm-256color, screen, linux, vt100, ...) or use `chainscope search` and `stats`",
			 term && *term ? term : "(unset)");
		return -1;
	}
	if (tcgetattr(STDIN_FILENO, &saved_tty) == 0)
		have_saved_tty = 1;
	/* Esc must answer at once; a user's ESCDELAY wins */
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		snprintf(err, errlen, "TERM=%s: unknown terminal type (no terminfo entry)", term);
		return -1;
	}
	set_term(scr);
	curses_on = 1;
	if (tigetstr("cup") == NULL || tigetstr("cup") == (char *)-1) {
		term_stop();
		snprintf(err, errlen, "TERM=%s cannot move the cursor: the browser cannot run on it", term);
		return -1;
	}
	append_cap("sgr0");
	append_cap("cnorm");
	append_cap("rmkx");
	append_cap("rmcup");
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	curs_set(0);
	colors_init(a);

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_quit_signal;      /* no SA_RESTART: the key read returns at once */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
	sigaction(SIGILL, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
	return 0;
}

void term_stop(void)
{
	if (!curses_on)
		return;
	curses_on = 0;
	curs_set(1);
	endwin();
	if (have_saved_tty)
		tcsetattr(STDIN_FILENO, TCSADRAIN, &saved_tty);
	fflush(stdout);
}
