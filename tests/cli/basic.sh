#!/bin/sh
# basic.sh: index, search, export and stats on a small corpus made here in five encodings;
# the cache's location and schema; --help and --version.
. tests/lib.sh
. tests/cli/cli-helpers

cd "$TMP" || exit 1
DB=$TMP/c.db
put corpus/en/suzhou.txt 'url: https://example.com/suzhou-battery
Suzhou signs lithium battery project
Release time: 2023-04-13

SUZHOU -- A lithium battery plant worth 2.4 billion yuan was signed in Suzhou Industrial Park.
The plant will supply batteries for new-energy vehicles across the Yangtze River Delta.
'
put corpus/zh/hefei.md '合肥新能源汽车产业链加快发展
发表于: 2022-08-17

合肥市新能源汽车产量增长，锂电池和光伏项目在长三角加快集聚。
'
put_enc corpus/zh/gb.txt GB18030 '无锡集成电路项目签约
2024年01月16日

无锡市集成电路产业链签约一批项目，总投资五十亿元。
'
put_enc corpus/tw/big5.TXT BIG5 '長三角積體電路產業
2023.04.12

長三角地區的積體電路產業鏈在蘇州集聚，總投資十億元。
'
put_utf16le corpus/u16.text 'Ningbo port expands
July 31, 2024

Ningbo-Zhoushan port adds container berths for trade with the delta.
'
put corpus/ignored.pdf 'not a text file battery'
put corpus/notes.csv 'battery,1'

cs index --db "$DB" corpus
check_rc "index exits 0" 0
check_summary "summary counts a first index" "5 5 0 0 0 0"
check_not_contains "wrong extensions are not reported as failures" "$(cat "$TMP/err")" "ignored.pdf"

check_eq "export lists the five documents by path as given" "$(doc_paths "$DB" | tr '\n' ' ')" \
	"corpus/en/suzhou.txt corpus/tw/big5.TXT corpus/u16.text corpus/zh/gb.txt corpus/zh/hefei.md "

"$CHAINSCOPE" export --db "$DB" --format jsonl documents > "$TMP/docs.jsonl" 2> "$TMP/err"
check "export documents jsonl is valid JSON, one object per line, exactly the keys" python3 -c '
import json, sys
lines = open(sys.argv[1], "rb").read().decode("utf-8").splitlines()
assert len(lines) == 5, len(lines)
for l in lines:
    d = json.loads(l)
    assert sorted(d) == sorted(["path","title","date","lang","encoding","text","regions","chains","projects"]), sorted(d)
    for k in ("regions", "chains", "projects"): assert isinstance(d[k], list), k
    assert d["date"] is None or (isinstance(d["date"], str) and len(d["date"]) == 10)
    assert d["lang"] in ("en", "zh", "und")
' "$TMP/docs.jsonl"

check_eq "encoding UTF-8" "$(doc_field "$DB" corpus/en/suzhou.txt encoding)" "UTF-8"
check_eq "encoding GB18030" "$(doc_field "$DB" corpus/zh/gb.txt encoding)" "GB18030"
check_eq "encoding BIG5" "$(doc_field "$DB" corpus/tw/big5.TXT encoding)" "BIG5"
check_eq "encoding UTF-16LE" "$(doc_field "$DB" corpus/u16.text encoding)" "UTF-16LE"
check_eq "title after the url: line" "$(doc_field "$DB" corpus/en/suzhou.txt title)" "Suzhou signs lithium battery project"
check_eq "title of a Big5 file" "$(doc_field "$DB" corpus/tw/big5.TXT title)" "長三角積體電路產業"
check_eq "date Release time:" "$(doc_field "$DB" corpus/en/suzhou.txt date)" "2023-04-13"
check_eq "date 发表于:" "$(doc_field "$DB" corpus/zh/hefei.md date)" "2022-08-17"
check_eq "date 年月日 in GB18030" "$(doc_field "$DB" corpus/zh/gb.txt date)" "2024-01-16"
check_eq "date dotted in Big5" "$(doc_field "$DB" corpus/tw/big5.TXT date)" "2023-04-12"
check_eq "date Month D, YYYY in UTF-16" "$(doc_field "$DB" corpus/u16.text date)" "2024-07-31"
check_eq "lang en" "$(doc_field "$DB" corpus/en/suzhou.txt lang)" "en"
check_eq "lang zh (GB18030)" "$(doc_field "$DB" corpus/zh/gb.txt lang)" "zh"
check_eq "lang zh (Big5)" "$(doc_field "$DB" corpus/tw/big5.TXT lang)" "zh"
check_not_contains "the url: line is not part of the text" "$(doc_field "$DB" corpus/en/suzhou.txt text)" "url: https"
check_contains "the text is the decoded text" "$(doc_field "$DB" corpus/zh/gb.txt text)" "无锡市集成电路产业链签约一批项目"

# search, text and jsonl
cs search --db "$DB" battery
check_rc "search exits 0" 0
check_contains "search text output names the file" "$(cat "$TMP/out")" "corpus/en/suzhou.txt"
cs search --db "$DB" --format jsonl battery
check_rc "search jsonl exits 0" 0
check "search jsonl has exactly path,title,date,snippet,score" python3 -c '
import json, sys
lines = open(sys.argv[1], "rb").read().decode("utf-8").splitlines()
assert len(lines) == 1, lines
for l in lines:
    d = json.loads(l)
    assert sorted(d) == ["date", "path", "score", "snippet", "title"], sorted(d)
    assert isinstance(d["score"], (int, float))
    assert "batter" in d["snippet"].lower()
' "$TMP/out"
cs search --db "$DB" --format jsonl batteries
check_eq "stemming: batteries finds battery" "$(hit_paths)" "corpus/en/suzhou.txt"
cs search --db "$DB" --format jsonl 长三角
check_eq "长三角 finds simplified and traditional (Big5) documents" "$(hit_paths | tr '\n' ' ')" "corpus/tw/big5.TXT corpus/zh/hefei.md "
cs search --db "$DB" --format jsonl 集成电路
check_eq "集成电路 finds GB18030 and Big5 (積體電路 is another word: only GB)" "$(hit_paths | tr '\n' ' ')" "corpus/zh/gb.txt "
cs search --db "$DB" --format jsonl 锂
check_eq "a one-character word" "$(hit_paths)" "corpus/zh/hefei.md"
cs search --db "$DB" --format jsonl 光伏
check_eq "光伏" "$(hit_paths)" "corpus/zh/hefei.md"
cs search --db "$DB" --format jsonl 'ningbo OR suzhou'
check_eq "OR across UTF-16 and UTF-8 files" "$(hit_paths | tr '\n' ' ')" "corpus/en/suzhou.txt corpus/u16.text "
cs search --db "$DB" --limit 1 --format jsonl 'ningbo OR suzhou OR 长三角'
check_eq "--limit 1 gives one hit" "$(grep -c . "$TMP/out")" "1"
cs search --db "$DB" --format jsonl 'new-energy'
check_eq "hyphenated word" "$(hit_paths)" "corpus/en/suzhou.txt"
cs search --db "$DB" --format jsonl 'semicond*'
check_eq "no hits: no output" "$(cat "$TMP/out")" ""
no_crash "no hits: no crash"

# export formats
cs export --db "$DB" --format csv documents
check_rc "export csv exits 0" 0
check "csv: header row and five records with proper quoting" python3 -c '
import csv, io, sys
rows = list(csv.reader(io.StringIO(open(sys.argv[1], "rb").read().decode("utf-8"), newline="")))
assert "path" in rows[0] and "title" in rows[0], rows[0]
assert len(rows) == 6, len(rows)
assert all(len(r) == len(rows[0]) for r in rows)
t = rows[0].index("title")
assert any(r[t] == "无锡集成电路项目签约" for r in rows[1:]), rows
' "$TMP/out"
cs export --db "$DB" --format tsv documents
check_rc "export tsv exits 0" 0
check "tsv: header row, five records, same number of fields" python3 -c '
import csv, io, sys
rows = list(csv.reader(io.StringIO(open(sys.argv[1], "rb").read().decode("utf-8"), newline=""), delimiter="\t"))
assert "path" in rows[0], rows[0]
assert len(rows) == 6, len(rows)
assert all(len(r) == len(rows[0]) for r in rows), [len(r) for r in rows]
' "$TMP/out"
for what in projects regions chains; do
	for f in jsonl csv tsv; do
		cs export --db "$DB" --format $f $what
		check_rc "export $what --format $f exits 0" 0
	done
done

# stats
cs stats --db "$DB"
check_rc "stats exits 0" 0
check_contains "stats counts documents" "$(cat "$TMP/out")" "5"

# the cache
check_eq "schema version is set" "$(sql "$DB" 'PRAGMA user_version')" "$SCHEMA_VERSION"
check_eq "WAL mode" "$(sql "$DB" 'PRAGMA journal_mode')" "wal"
check_eq "documents table" "$(sql "$DB" 'SELECT count(*) FROM documents')" "5"

# cache location: --db, $CHAINSCOPE_DB, $XDG_CACHE_HOME
cs index corpus
check_rc "index without --db" 0
check "default cache under XDG_CACHE_HOME" test -s "$XDG_CACHE_HOME/chainscope/cache.db"
CHAINSCOPE_DB=$TMP/env.db "$CHAINSCOPE" index corpus > /dev/null 2>&1
check "CHAINSCOPE_DB names the cache" test -s "$TMP/env.db"
CHAINSCOPE_DB=$TMP/env.db "$CHAINSCOPE" index --db "$TMP/flag.db" corpus > /dev/null 2>&1
check "--db wins over CHAINSCOPE_DB" test -s "$TMP/flag.db"

# absolute DIR: paths as given
cs index --db "$TMP/abs.db" "$TMP/corpus/zh"
check_eq "paths under an absolute DIR" "$(doc_paths "$TMP/abs.db" | tr '\n' ' ')" "$TMP/corpus/zh/gb.txt $TMP/corpus/zh/hefei.md "

# help and version
cs --help
check_rc "--help exits 0" 0
check_contains "--help shows index" "$(cat "$TMP/out")" "index"
check_contains "--help shows search" "$(cat "$TMP/out")" "search"
cs --version
check_rc "--version exits 0" 0
check_contains "--version prints the version" "$(cat "$TMP/out")" "0.1.0"
