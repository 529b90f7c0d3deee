#!/bin/sh
# fuzz.sh: runs the libFuzzer pipeline target (decode + normalise + meta + extract) for a
# bounded time over the seed corpus: FUZZ_SECONDS (default 60), -timeout=10 per input,
# -rss_limit_mb=2048. ok when it ends without a crash, leak, timeout or out-of-memory report.
. tests/lib.sh
FUZZER=${FUZZER:-build/fuzz/fuzz-pipeline}
SECONDS_TO_RUN=${FUZZ_SECONDS:-60}
if [ ! -x "$FUZZER" ]; then
	skip "fuzz pipeline for ${SECONDS_TO_RUN}s" "$FUZZER not built (make fuzz needs clang)"
	exit 0
fi
# the run mutates a copy: the seeds in the repository stay as written
corpus="$TMP/corpus"
mkdir -p "$corpus" "$TMP/artifacts"
cp tests/fuzz/seeds/* "$corpus"/ 2>/dev/null
"$FUZZER" -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
	-detect_leaks=1 -print_final_stats=1 -artifact_prefix="$TMP/artifacts/" \
	"$corpus" > "$TMP/fuzz.log" 2>&1
status=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$TMP/fuzz.log")
if [ $status -eq 0 ] && ! ls "$TMP/artifacts" | grep -q .; then
	ok "fuzz pipeline for ${SECONDS_TO_RUN}s (${runs:-?} inputs, no crash, leak or timeout)"
else
	not_ok "fuzz pipeline for ${SECONDS_TO_RUN}s (exit $status)"
	grep -m5 'ERROR\|SUMMARY\|Timeout\|out-of-memory\|runtime error' "$TMP/fuzz.log" | sed 's/^/#   /'
	for a in "$TMP"/artifacts/*; do
		[ -f "$a" ] || continue
		mkdir -p build/fuzz/artifacts && cp "$a" build/fuzz/artifacts/
		echo "#   input kept in build/fuzz/artifacts/$(basename "$a")"
	done
fi
