#!/bin/sh
# bad_inputs.sh: files the indexer must survive: binary, empty, a 50 MB single line, a file over
# the 64 MiB limit, unreadable files (chmod 000 when not root; a dangling symlink, which even
# root cannot read; a FIFO, which must not block), wrong extensions and a symlink loop. Each is
# reported on stderr with its path (wrong extensions are skipped silently), the exit status is 0
# and the good files are indexed.
. tests/lib.sh
. tests/cli/cli-helpers

cd "$TMP" || exit 1
DB=$TMP/c.db
put in/good.txt 'Changzhou robot park
Release time: 2023-05-06

Changzhou opens a robot park. goodword
'
printf 'PK\003\004\000\000binary\000stuff\377\376 goodword\n' > in/binary.txt
: > in/empty.txt
put in/wrong.pdf 'goodword in a pdf'
put in/wrong.txt.orig 'goodword in a backup'
mkdir -p in/sub
ln -s .. in/sub/loop
ln -s /nonexistent/gone.txt in/dangling.txt
mkfifo in/pipe.txt
truncate -s 65M in/toobig.txt          # sparse: over the 64 MiB limit, no disk used
# 50 MB on one line: words, no newline
python3 -c '
import sys
w = b"hugeword lithium battery Suzhou investment \xe9\x95\xbf\xe4\xb8\x89\xe8\xa7\x92 "
n = 50 * 1000 * 1000 // len(w)
with open(sys.argv[1], "wb") as f:
    f.write(b"Huge line title " + w * n)
' in/hugeline.txt
unreadable=""
if [ "$(id -u)" != 0 ]; then
	put in/secret.txt 'cannot read me'
	chmod 000 in/secret.txt
	unreadable=in/secret.txt
fi

if [ -x /usr/bin/time ]; then timer="/usr/bin/time -f %e:%M -o $TMP/time"; else timer=""; fi
start=$(date +%s)
$timer timeout 300 "$CHAINSCOPE" index --db "$DB" in > "$TMP/out" 2> "$TMP/err"
rc=$?
end=$(date +%s)
check_rc "index of bad inputs exits 0" 0
no_crash "index of bad inputs: no crash"
err=$(cat "$TMP/err")
check_contains "binary file reported with its path" "$err" "in/binary.txt"
check_contains "dangling symlink reported with its path" "$err" "dangling.txt"
check_contains "file over 64 MiB reported with its path" "$err" "in/toobig.txt"
check_contains "symlink loop reported" "$err" "loop"
check_not_contains "wrong extension .pdf skipped silently" "$err" "wrong.pdf"
check_not_contains "wrong extension .orig skipped silently" "$err" "wrong.txt.orig"
check_not_contains "an empty file is not an error" "$err" "empty.txt"
check_not_contains "the huge line is not an error" "$err" "hugeline.txt"
if [ -n "$unreadable" ]; then
	check_contains "unreadable (chmod 000) file reported" "$err" "secret.txt"
else
	skip "unreadable (chmod 000) file reported" "running as root, who reads anything; the dangling symlink and FIFO cover unreadable files"
fi
check "messages are prefixed chainscope:" grep -q '^chainscope: .*binary.txt' "$TMP/err"

counts
set -- $got
check_eq "summary: good, empty and huge indexed" "$2" "3"
# binary + too big + dangling (+ chmod 000); the FIFO may be skipped or counted as failed
want_failed=3; [ -n "$unreadable" ] && want_failed=4
if [ -n "$6" ] && [ "$6" -ge "$want_failed" ] && [ "$6" -le $((want_failed + 1)) ]; then ok "summary counts the failures"
else not_ok "summary counts the failures"; echo "#   summary: $got (want failed $want_failed or $((want_failed + 1)))"; fi

check_eq "indexed documents" "$(doc_paths "$DB" | tr '\n' ' ')" "in/empty.txt in/good.txt in/hugeline.txt "
check_eq "empty file indexed as empty" "$(doc_field "$DB" in/empty.txt text)" ""
cs search --db "$DB" --format jsonl goodword
check_eq "binary and wrong-extension content not indexed" "$(hit_paths)" "in/good.txt"
# a word that occurs a million times in one document: the snippet must not take forever
t0=$(date +%s)
timeout 60 "$CHAINSCOPE" search --db "$DB" --format jsonl hugeword > "$TMP/out" 2> "$TMP/err"
rc=$?
t1=$(date +%s)
check_rc "search in the huge line ends within 60 s (took $((t1 - t0)) s)" 0
check_eq "the huge line is searchable" "$(hit_paths)" "in/hugeline.txt"
check "the huge line's title is bounded" python3 -c '
import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(l)
    assert len(d["title"]) < 10000, len(d["title"])
    assert len(d["snippet"]) < 10000, len(d["snippet"])
' "$TMP/out"

# time and memory for the run with the 50 MB line (sanitizer builds are slower and bigger)
secs=$((end - start))
if [ "$secs" -le 240 ]; then ok "50 MB line indexed in bounded time (${secs} s)"; else not_ok "50 MB line took ${secs} s"; fi
if [ -n "$timer" ] && [ -s "$TMP/time" ]; then
	kb=$(tail -n 1 "$TMP/time" | cut -d: -f2)
	case $CHAINSCOPE in *asan*) limit=3000000;; *) limit=1000000;; esac
	if [ "$kb" -le "$limit" ]; then ok "50 MB line: peak RSS $((kb / 1024)) MB"
	else not_ok "50 MB line: peak RSS $((kb / 1024)) MB over $((limit / 1024)) MB"; fi
else
	skip "50 MB line: peak RSS" "/usr/bin/time not installed"
fi

# a second run: the good files are unchanged
cs index --db "$DB" in
check_rc "second run exits 0" 0
counts
set -- $got
check_eq "second run: the three good files unchanged" "$5" "3"

# a DIR that does not exist, and a DIR that is a file
cs index --db "$DB" nowhere
no_crash "missing DIR: no crash"
check_contains "missing DIR reported" "$(cat "$TMP/err")" "nowhere"
check_eq "missing DIR: the cache is untouched" "$(doc_paths "$DB" | tr '\n' ' ')" "in/empty.txt in/good.txt in/hugeline.txt "
