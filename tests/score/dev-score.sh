#!/bin/sh
# dev-score.sh: indexes ../shared/corpus/dev and scores the export against the hand-written gold
# with ../shared/tools/score-extraction, English and Chinese separately, at the minimums.
# Skips (with a message) where ../shared is absent, as in a user's clone.
. tests/lib.sh
gold="$SHARED/corpus/dev-gold.jsonl"
scorer="$SHARED/tools/score-extraction"
if [ ! -f "$gold" ] || [ ! -x "$scorer" ]; then
	skip "extraction score on the dev corpus" "no $SHARED/corpus (a clone without ../shared)"
	exit 0
fi
mins="regions=0.90,chains=0.80,projects=0.70,amount=0.85,project_region=0.75,date=0.90"
if ! "$CHAINSCOPE" index --quiet --db "$TMP/dev.db" "$SHARED/corpus/dev" 2>"$TMP/index.err"; then
	not_ok "indexing the dev corpus"; sed 's/^/#   /' "$TMP/index.err"; exit 0
fi
"$CHAINSCOPE" export --db "$TMP/dev.db" --format jsonl documents > "$TMP/dev.jsonl"
for lang in en zh; do
	if out=$(python3 "$scorer" "$gold" "$TMP/dev.jsonl" --lang $lang --min "$mins"); then
		ok "dev extraction score [$lang] meets $mins"
	else
		not_ok "dev extraction score [$lang] below $mins"
	fi
	echo "$out" | sed 's/^/#   /'
done
