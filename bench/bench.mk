# bench.mk: extra rules for the benchmark programs, read together with the main Makefile:
#   make -f Makefile -f bench/bench.mk build/bench/search-bench
# (bench/run-bench does this; the rule could move into the Makefile beside fts-baseline's).
build/bench/search-bench: bench/search_bench.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(CORE_OBJ) $(LIBS)
