# chainscope: plain make, no autotools. `make`, `make run`, `make check`, `make bench`, `make install`.
# Libraries come from pkg-config; scripts/install-deps.sh installs or names what is missing.

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/chainscope
MANDIR   ?= $(PREFIX)/share/man/man1
DESTDIR  ?=
CC       ?= cc
CFLAGS   ?= -O2 -g
VERSION  := 0.1.0

# Recursive (=) so pkg-config runs after build/.deps has installed what it needs.
PKG_CFLAGS = $(shell pkg-config --cflags sqlite3 ncursesw libutf8proc)
PKG_LIBS   = $(shell pkg-config --libs sqlite3 ncursesw libutf8proc)
# iconv is in glibc; other libcs want -liconv.
ICONV_LIBS = $(shell printf '#include <iconv.h>\nint main(void){return iconv_open("","")==0;}\n' | \
	$(CC) -x c - -o /dev/null >/dev/null 2>&1 || echo -liconv)

WARN      = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2
DEFS      = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DCHAINSCOPE_VERSION='"$(VERSION)"' \
	-DCHAINSCOPE_DATADIR='"$(DATADIR)"'
ALL_CFLAGS = $(WARN) $(DEFS) -Isrc -Iui -Ibuild/gen $(PKG_CFLAGS) $(CFLAGS) -MMD -MP
LIBS       = $(PKG_LIBS) $(ICONV_LIBS) -lpthread -lm

SANFLAGS  = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

CORE_SRC  = $(filter-out src/main.c src/fold_gen.c,$(wildcard src/*.c))
UI_SRC    = $(wildcard ui/*.c)
MAIN_SRC  = src/main.c
UNIT_SRC  = $(wildcard tests/unit/test_*.c)

OBJ       = $(patsubst %.c,build/obj/%.o,$(CORE_SRC) $(UI_SRC) $(MAIN_SRC))
CORE_OBJ  = $(patsubst %.c,build/obj/%.o,$(CORE_SRC))
ASAN_OBJ  = $(patsubst %.c,build/asan/obj/%.o,$(CORE_SRC) $(UI_SRC) $(MAIN_SRC))
ASAN_CORE = $(patsubst %.c,build/asan/obj/%.o,$(CORE_SRC))
UNIT_BIN  = $(patsubst tests/unit/%.c,build/tests/%,$(UNIT_SRC))
ASAN_UNIT = $(patsubst tests/unit/%.c,build/asan/tests/%,$(UNIT_SRC))
GEN       = build/gen/t2s_table.h

SAMPLE_DB = build/sample.db

# `make V=1` shows whole commands.
ifeq ($(V),1)
Q =
say = @true
else
Q = @
say = @printf '  %-6s %s\n'
endif

.PHONY: all run check bench install uninstall clean deps fuzz unit
all: chainscope

deps: build/.deps
build/.deps: scripts/install-deps.sh
	@mkdir -p build
	@CHAINSCOPE_BUILD_ONLY=$(if $(filter check bench fuzz,$(MAKECMDGOALS)),,1) sh scripts/install-deps.sh
	@touch $@

# The traditional->simplified fold table, generated from OpenCC's dictionaries at build time so
# that the index and every later query fold the same way (the table is part of the binary).
build/fold-gen: src/fold_gen.c build/.deps
	@mkdir -p build
	$(say) GEN $@
	$(Q)$(CC) $(WARN) $(DEFS) $(CFLAGS) $(shell pkg-config --cflags opencc) -o $@ src/fold_gen.c \
		$(shell pkg-config --libs opencc)
$(GEN): build/fold-gen
	@mkdir -p build/gen
	$(Q)build/fold-gen > $@.tmp && mv $@.tmp $@

chainscope: $(OBJ)
	$(say) LD $@
	$(Q)$(CC) $(CFLAGS) -o $@ $(OBJ) $(LIBS)

build/obj/%.o: %.c build/.deps $(GEN)
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/asan/obj/%.o: %.c build/.deps $(GEN)
	@mkdir -p $(dir $@)
	$(say) CC-SAN $<
	$(Q)$(CC) $(ALL_CFLAGS) $(SANFLAGS) -c -o $@ $<

build/asan/chainscope: $(ASAN_OBJ)
	$(say) LD-SAN $@
	$(Q)$(CC) $(SANFLAGS) -o $@ $(ASAN_OBJ) $(LIBS)

build/tests/%: tests/unit/%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(say) TEST $@
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(CORE_OBJ) $(LIBS)

build/asan/tests/%: tests/unit/%.c $(ASAN_CORE)
	@mkdir -p $(dir $@)
	$(say) TEST $@
	$(Q)$(CC) $(ALL_CFLAGS) $(SANFLAGS) -Itests/unit -o $@ $< $(ASAN_CORE) $(LIBS)

# libFuzzer target for decode+normalise+extract (clang from Debian).
FUZZ_SRC = $(CORE_SRC)
build/fuzz/fuzz-pipeline: tests/fuzz/fuzz_pipeline.c $(FUZZ_SRC) $(GEN)
	@mkdir -p $(dir $@)
	$(say) FUZZ $@
	$(Q)clang $(WARN) $(DEFS) -Isrc -Ibuild/gen $(PKG_CFLAGS) -O1 -g \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-o $@ tests/fuzz/fuzz_pipeline.c $(FUZZ_SRC) $(LIBS)
fuzz: build/fuzz/fuzz-pipeline

unit: $(UNIT_BIN) $(ASAN_UNIT)

run: chainscope
	./chainscope index --db $(SAMPLE_DB) assets/sample
	./chainscope --db $(SAMPLE_DB)

check: chainscope build/asan/chainscope $(UNIT_BIN) $(ASAN_UNIT) build/fuzz/fuzz-pipeline
	@sh tests/run-tests

bench: chainscope
	@sh bench/run-bench

install: chainscope
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 755 chainscope $(DESTDIR)$(BINDIR)/chainscope
	install -m 644 assets/regions.tsv assets/chains.tsv $(DESTDIR)$(DATADIR)/
	install -m 644 man/chainscope.1 $(DESTDIR)$(MANDIR)/chainscope.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/chainscope $(DESTDIR)$(MANDIR)/chainscope.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build chainscope

-include $(OBJ:.o=.d) $(ASAN_OBJ:.o=.d)

# Benchmark programs (bench/run-bench and bench/ui-bench build them through make).
BENCH_BIN = build/bench/fts-baseline build/bench/search-bench build/bench/ui-gen
build/bench/fts-baseline: bench/fts_baseline.c $(CORE_OBJ)
build/bench/search-bench: bench/search_bench.c $(CORE_OBJ)
build/bench/ui-gen: bench/ui_gen.c $(CORE_OBJ)
$(BENCH_BIN):
	@mkdir -p $(dir $@)
	$(say) LD $@
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(CORE_OBJ) $(LIBS)
build/bench/ui-drive: bench/ui_drive.c
	@mkdir -p $(dir $@)
	$(say) LD $@
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< -lutil
