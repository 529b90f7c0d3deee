#!/bin/sh
# install-deps.sh: make sure the libraries and tools chainscope builds and tests with are present.
# Used by `make` (once, through build/.deps) and by .ci/run. On Debian, run as root, it installs
# what is missing with apt-get; elsewhere it names the packages and fails.
set -u
missing_pkgs=""
need_pc() { # pkg-config name, Debian package
	pkg-config --exists "$1" 2>/dev/null || missing_pkgs="$missing_pkgs $2"
}
need_cmd() { # command, Debian package
	command -v "$1" >/dev/null 2>&1 || missing_pkgs="$missing_pkgs $2"
}
need_file() { # file, Debian package
	[ -e "$1" ] || missing_pkgs="$missing_pkgs $2"
}
need_cmd cc gcc
need_cmd make make
need_cmd pkg-config pkg-config
if command -v pkg-config >/dev/null 2>&1; then
	need_pc sqlite3 libsqlite3-dev
	need_pc ncursesw libncurses-dev
	need_pc opencc libopencc-dev
	need_pc libutf8proc libutf8proc-dev
fi
need_file /usr/share/opencc/t2s.json libopencc-data
# tests: terminal tests, the scorer, the fuzzer
if [ "${CHAINSCOPE_BUILD_ONLY:-}" = "" ]; then
	need_cmd tmux tmux
	need_cmd python3 python3
	need_cmd sqlite3 sqlite3
	need_cmd clang clang
	clang_rt=$(ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a 2>/dev/null | head -n 1)
	[ -n "$clang_rt" ] || [ "$(uname -m)" != x86_64 ] || missing_pkgs="$missing_pkgs libclang-rt-dev"
	need_cmd iconv libc-bin
fi
[ -z "$missing_pkgs" ] && exit 0
echo "chainscope: missing build/test dependencies; Debian packages:$missing_pkgs" >&2
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "chainscope: installing them with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends $missing_pkgs >&2 && exit 0
	echo "chainscope: apt-get failed; install the packages above by hand" >&2
	exit 1
fi
echo "chainscope: install them (e.g. sudo apt-get install$missing_pkgs) and run make again" >&2
exit 1
