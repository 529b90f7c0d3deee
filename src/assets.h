/* assets.h: where the program's data files live: $CHAINSCOPE_ASSETS, then ./assets beside the
 * executable (a build tree), then the installed data directory. */
#ifndef CHAINSCOPE_ASSETS_H
#define CHAINSCOPE_ASSETS_H

/* The directory holding regions.tsv and chains.tsv, or NULL. Static storage. */
const char *assets_dir(void);

#endif
