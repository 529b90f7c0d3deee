# ui-bench.mk: rules for the browser benchmark's programs, read together with the main Makefile:
#   make -f Makefile -f bench/ui-bench.mk build/bench/ui-gen build/bench/ui-drive
# (bench/ui-bench does this).
build/bench/ui-gen: bench/ui_gen.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(CORE_OBJ) $(LIBS)

build/bench/ui-drive: bench/ui_drive.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< -lutil
