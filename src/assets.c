/* assets.c: finds the directory of regions.tsv and chains.tsv. Order: $CHAINSCOPE_ASSETS;
 * assets/ beside the executable (running from a build tree); the installed data directory. */
#include "assets.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef CHAINSCOPE_DATADIR
#define CHAINSCOPE_DATADIR "/usr/local/share/chainscope"
#endif

static int has_assets(const char *dir)
{
	char p[PATH_MAX];
	int n = snprintf(p, sizeof p, "%s/regions.tsv", dir);
	return n > 0 && (size_t)n < sizeof p && access(p, R_OK) == 0;
}

const char *assets_dir(void)
{
	static char dir[PATH_MAX];
	const char *env = getenv("CHAINSCOPE_ASSETS");
	if (env && *env && has_assets(env)) {
		snprintf(dir, sizeof dir, "%s", env);
		return dir;
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			/* ./chainscope and build/asan/chainscope both live in the tree */
			static const char *const rel[] = { "assets", "../assets", "../../assets", "../share/chainscope" };
			for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
				int k = snprintf(dir, sizeof dir, "%s/%s", exe, rel[i]);
				if (k > 0 && (size_t)k < sizeof dir && has_assets(dir))
					return dir;
			}
		}
	}
	if (has_assets(CHAINSCOPE_DATADIR)) {
		snprintf(dir, sizeof dir, "%s", CHAINSCOPE_DATADIR);
		return dir;
	}
	return NULL;
}
