#!/bin/sh
# make-sample-encodings.sh: regenerates the legacy-encoded articles of the bundled sample corpus
# (assets/sample/*.txt) from their UTF-8 originals in assets/sample/src/NAME.utf8, and checks
# that each one decodes back to its original byte for byte.
#
#   sh assets/make-sample-encodings.sh          rewrite the encoded files, then verify them
#   sh assets/make-sample-encodings.sh --check  only verify: the files on disk must equal what
#                                               this script would write (exit 1 otherwise)
#
# The sources are kept in UTF-8 because editors and diffs handle it; the encoded copies exist so
# that `chainscope index assets/sample` exercises the decoder on every encoding it supports.
# Needs only a POSIX shell, iconv, cmp and od.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
sample="$here/sample"
src="$sample/src"

mode="write"
case "${1:-}" in
"") ;;
--check) mode=check ;;
*) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

# NAME ENCODING, one a line. ENCODING is one of:
#   gb18030, big5        plain iconv conversion, no BOM
#   utf16le-bom          FF FE + UTF-16LE
#   utf16be-bom          FE FF + UTF-16BE
#   utf8-bom             EF BB BF + the UTF-8 text
#   utf8-crlf            the UTF-8 text with CR LF line endings
TABLE='
zh-shaoxing-ic-fab                 gb18030
zh-xuancheng-heterojunction-pv     gb18030
zht-kunshan-display                big5
zht-nanjing-wafer-fab              big5
zh-huzhou-energy-storage           utf16le-bom
en-nantong-offshore-wind           utf16be-bom
en-wuhu-low-altitude               utf8-bom
en-qingpu-demo-zone-signing        utf8-crlf
'

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sample-enc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# encode ENCODING SOURCE OUTPUT: writes the encoded form of SOURCE to OUTPUT.
encode() {
	case "$1" in
	gb18030) iconv -f UTF-8 -t GB18030 "$2" >"$3" ;;
	big5) iconv -f UTF-8 -t BIG5 "$2" >"$3" ;;
	utf16le-bom) { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$2"; } >"$3" ;;
	utf16be-bom) { printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$2"; } >"$3" ;;
	utf8-bom) { printf '\357\273\277'; cat "$2"; } >"$3" ;;
	utf8-crlf) awk '{ printf "%s\r\n", $0 }' "$2" >"$3" ;;
	*) echo "unknown encoding $1" >&2; return 1 ;;
	esac
}

# decode ENCODING FILE OUTPUT: the inverse of encode, written independently of it (BOMs are
# checked and stripped by byte count) so that a mistake in one is caught by the other.
decode() {
	case "$1" in
	gb18030) iconv -f GB18030 -t UTF-8 "$2" >"$3" ;;
	big5) iconv -f BIG5 -t UTF-8 "$2" >"$3" ;;
	utf16le-bom)
		[ "$(head -c 2 "$2" | od -An -tx1 | tr -d ' \n')" = fffe ] || return 1
		tail -c +3 "$2" | iconv -f UTF-16LE -t UTF-8 >"$3" ;;
	utf16be-bom)
		[ "$(head -c 2 "$2" | od -An -tx1 | tr -d ' \n')" = feff ] || return 1
		tail -c +3 "$2" | iconv -f UTF-16BE -t UTF-8 >"$3" ;;
	utf8-bom)
		[ "$(head -c 3 "$2" | od -An -tx1 | tr -d ' \n')" = efbbbf ] || return 1
		tail -c +4 "$2" | iconv -f UTF-8 -t UTF-8 >"$3" ;;
	utf8-crlf)
		# every line must end in CR LF; then dropping the CRs gives the original back
		[ "$(tr -cd '\n' <"$2" | wc -c)" -eq "$(tr -cd '\r' <"$2" | wc -c)" ] || return 1
		tr -d '\r' <"$2" | iconv -f UTF-8 -t UTF-8 >"$3" ;;
	*) return 1 ;;
	esac
}

failed=0
echo "$TABLE" | while read -r name enc; do
	[ -n "$name" ] || continue
	source_file="$src/$name.utf8"
	target="$sample/$name.txt"
	if [ ! -f "$source_file" ]; then
		echo "not ok - $name: missing source $source_file" >&2
		exit 1
	fi
	# the source must itself be valid UTF-8 without a BOM or CRs, or the round trip means little
	if ! iconv -f UTF-8 -t UTF-8 "$source_file" >/dev/null 2>&1; then
		echo "not ok - $name: source is not valid UTF-8" >&2
		exit 1
	fi
	if [ "$(head -c 3 "$source_file" | od -An -tx1 | tr -d ' \n')" = efbbbf ] ||
		[ "$(tr -cd '\r' <"$source_file" | wc -c)" -ne 0 ]; then
		echo "not ok - $name: source has a BOM or CR characters" >&2
		exit 1
	fi
	if ! encode "$enc" "$source_file" "$tmp/$name.enc" 2>"$tmp/err"; then
		echo "not ok - $name: cannot encode as $enc: $(cat "$tmp/err")" >&2
		exit 1
	fi
	if [ "$mode" = write ]; then
		cp "$tmp/$name.enc" "$target"
	elif ! cmp -s "$tmp/$name.enc" "$target"; then
		echo "not ok - $name.txt differs from its source (run $0)" >&2
		exit 1
	fi
	if ! decode "$enc" "$target" "$tmp/$name.back" 2>/dev/null ||
		! cmp -s "$tmp/$name.back" "$source_file"; then
		echo "not ok - $name.txt ($enc) does not decode back to its source" >&2
		exit 1
	fi
	echo "ok - $name.txt ($enc)"
done || failed=1

exit $failed
