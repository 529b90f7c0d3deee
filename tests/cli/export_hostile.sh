#!/bin/sh
# export_hostile.sh: JSON, CSV and TSV output stay valid for hostile content: control characters,
# terminal escapes, quotes and backslashes, invalid UTF-8 in the text and in file names, file
# names with spaces, quotes, tabs and newlines.
. tests/lib.sh
. tests/cli/cli-helpers

cd "$TMP" || exit 1
DB=$TMP/c.db
mkdir -p h
printf 'Title with "quotes", back\\slash and a tab\there\nBody \001\002\003\033[31mred\033[0m \033]0;pwned\007 text\n"quoted, with comma"\nline\r\nwith CR\177 and DEL \342\200\256reversed\342\200\254 \342\200\250 sep hostileword\n' > h/controls.txt
printf 'Invalid UTF-8 \377\376 here \300\257 and a cut \345\205 in the middle hostileword \351\225\277\344\270\211\350\247\222\n' > h/invalid.txt
printf 'Name test hostileword\n' > "h/sp ace \"q\" back\\slash.txt"
printf 'Tab name hostileword\n' > "$(printf 'h/tab\tname.txt')"
printf 'Newline name hostileword\n' > "$(printf 'h/new\nline.txt')"
printf 'Bad name hostileword\n' > "$(printf 'h/bad\377name.txt')"
printf 'Comma, name hostileword\n' > "h/comma,name.md"

cs index --db "$DB" h
check_rc "index of hostile content exits 0" 0
no_crash "index of hostile content: no crash"
counts
set -- $got
check_eq "all seven files indexed" "$2" "7"

cs export --db "$DB" --format jsonl documents
check_rc "export jsonl exits 0" 0
check "jsonl: valid UTF-8, one valid JSON object per line, exact keys, no raw controls" python3 -c '
import json, sys
raw = open(sys.argv[1], "rb").read()
text = raw.decode("utf-8")                       # strict: invalid UTF-8 fails here
lines = text.split("\n")
assert lines[-1] == "", "no final newline"
lines = lines[:-1]
assert len(lines) == 7, len(lines)
for l in lines:
    assert not any(ord(c) < 0x20 for c in l), repr(l)
    d = json.loads(l)
    assert sorted(d) == sorted(["path","title","date","lang","encoding","text","regions","chains","projects"])
    assert "\x1b" not in d["text"] and "\x07" not in d["text"] and "\x01" not in d["text"], repr(d["text"])
    assert "\u202e" not in d["text"], "bidi override kept"
    assert "\r" not in d["text"]
' "$TMP/out"
check "jsonl: the control-character document keeps its words" python3 -c '
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
d = [d for d in docs if d["path"] == "h/controls.txt"][0]
assert "Body" in d["text"] and "red" in d["text"] and "text" in d["text"], d["text"]
assert "pwned" not in d["text"], d["text"]
assert "\"quoted, with comma\"" in d["text"]
assert "back\\slash" in d["title"], d["title"]
' "$TMP/out"
check "jsonl: hostile file names are exported (newline, tab, quote, comma; bad bytes made valid)" python3 -c '
import json, sys
paths = sorted(json.loads(l)["path"] for l in open(sys.argv[1], encoding="utf-8"))
want = ["h/comma,name.md", "h/new\nline.txt", "h/sp ace \"q\" back\\slash.txt", "h/tab\tname.txt"]
for w in want: assert w in paths, (w, paths)
assert any(p.startswith("h/bad") and p.endswith("name.txt") for p in paths), paths
' "$TMP/out"

# CSV: RFC 4180 quoting. TSV: no quoting, tab/newline/backslash escaped as \t \n \\.
# (File names with invalid UTF-8 are passed through as bytes here; only JSON promises UTF-8.)
cs export --db "$DB" --format csv documents
check_rc "export csv exits 0" 0
check "csv: header plus seven records of equal width, names with comma and newline quoted" python3 -c '
import csv, io, sys
text = open(sys.argv[1], "rb").read().decode("utf-8", "surrogateescape")
rows = list(csv.reader(io.StringIO(text, newline="")))
assert "path" in rows[0] and "title" in rows[0], rows[0]
assert len(rows) == 8, (len(rows), rows)
assert all(len(r) == len(rows[0]) for r in rows), [len(r) for r in rows]
p, t = rows[0].index("path"), rows[0].index("title")
got = [r[p] for r in rows[1:]]
assert "h/comma,name.md" in got and "h/new\nline.txt" in got and "h/tab\tname.txt" in got, got
assert any(r[t].startswith("Title with \"quotes\", back\\slash") for r in rows[1:]), [r[t] for r in rows]
' "$TMP/out"
cs export --db "$DB" --format tsv documents
check_rc "export tsv exits 0" 0
check "tsv: header plus seven lines with the same number of tab-separated fields" python3 -c '
import sys
lines = open(sys.argv[1], "rb").read().decode("utf-8", "surrogateescape").split("\n")
assert lines[-1] == "", "no final newline"
rows = [l.rstrip("\r").split("\t") for l in lines[:-1]]
assert "path" in rows[0], rows[0]
assert len(rows) == 8, (len(rows), rows)
assert all(len(r) == len(rows[0]) for r in rows), [len(r) for r in rows]
' "$TMP/out"

cs search --db "$DB" --format jsonl hostileword
check_rc "search jsonl exits 0" 0
check "search jsonl over hostile content: valid JSON, seven hits" python3 -c '
import json, sys
lines = open(sys.argv[1], "rb").read().decode("utf-8").splitlines()
assert len(lines) == 7, len(lines)
for l in lines:
    assert not any(ord(c) < 0x20 for c in l), repr(l)
    d = json.loads(l)
    assert sorted(d) == ["date", "path", "score", "snippet", "title"]
' "$TMP/out"
cs search --db "$DB" hostileword
check_rc "search text exits 0" 0
check "search text output has no terminal escapes" python3 -c '
import sys
t = open(sys.argv[1], "rb").read()
assert b"\x1b]" not in t and b"\x07" not in t and b"\x1b[31m" not in t, t
' "$TMP/out"
