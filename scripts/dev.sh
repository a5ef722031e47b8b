#!/usr/bin/env bash
# postpress developer entry point on Debian 12.
#   scripts/dev.sh samples   install what is missing, build, convert samples/ into out/
#   scripts/dev.sh test      install what is missing, build, run the whole test suite; then the same
#                            suite built with AddressSanitizer and UBSan (build-sanitize/)
#   scripts/dev.sh build     install what is missing and build only
#   scripts/dev.sh sanitize  only the sanitizer half of `test`
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build_dir=${BUILD_DIR:-$root/build}

build_packages=(g++ cmake make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libkf5syntaxhighlighting-dev
                libpugixml-dev libzip-dev libgumbo-dev libwebp-dev zlib1g-dev
                libpango1.0-dev libcairo2-dev libgraphviz-dev
                fonts-liberation2 fonts-noto-cjk fonts-symbola fonts-dejavu-core)
test_packages=(catch2 epubcheck default-jre-headless unzip python3 qpdf poppler-utils)

source "$root/scripts/install_missing.sh"

build() {
  cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DPOSTPRESS_TESTS="$1" >/dev/null
  cmake --build "$build_dir" -j"$(nproc)"
}

# The whole suite again, built with AddressSanitizer and UBSan at -O1 (fast, and the reports exact). Leaks
# that C libraries keep on purpose are listed, with reasons, in tests/lsan.supp; any report fails the test
# that produced it.
sanitize_suite() {
  local dir=${SANITIZE_BUILD_DIR:-$root/build-sanitize}
  cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O1 -g" \
        -DPOSTPRESS_SANITIZE=ON -DPOSTPRESS_TESTS=ON >/dev/null
  cmake --build "$dir" -j"$(nproc)"
  echo "== the test suite under AddressSanitizer and UBSan"
  (cd "$dir" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     LSAN_OPTIONS=suppressions=$root/tests/lsan.supp ctest --output-on-failure -j"$(nproc)")
}

samples() {
  local pp=$build_dir/src/postpress out=$root/out
  mkdir -p "$out"
  declare -A book_title=([en]="postpress samples" [zh]="postpress 示例文集" [ja]="postpress サンプル集" [ko]="postpress 예제 모음")
  for lang_dir in "$root"/samples/blog/*/; do
    local lang
    lang=$(basename "$lang_dir")
    mkdir -p "$out/$lang"
    for post in "$lang_dir"*.md; do
      "$pp" --strict "$post" -o "$out/$lang/$(basename "${post%.md}").epub"
      "$pp" --strict "$post" -o "$out/$lang/$(basename "${post%.md}").pdf"
    done
    "$pp" --strict --sort date --title "${book_title[$lang]:-postpress samples}" "$lang_dir"*.md -o "$out/book-$lang.epub"
    "$pp" --strict --sort date --title "${book_title[$lang]:-postpress samples}" --print "$lang_dir"*.md -o "$out/book-$lang.pdf"
  done
  "$pp" --strict --title "postpress samples: en · 中文 · 日本語 · 한국어" --author "postpress" \
    "$root"/samples/blog/*/*.md -o "$out/samples-all-languages.epub"
  "$pp" --strict --title "postpress samples: en · 中文 · 日本語 · 한국어" --author "postpress" --print \
    "$root"/samples/blog/*/*.md -o "$out/samples-all-languages.pdf"
  echo "wrote:"
  (cd "$root" && find out -name '*.epub' -o -name '*.pdf' | sort | sed 's/^/  /')
}

case "${1:-}" in
  samples)
    install_missing "${build_packages[@]}"
    build OFF
    samples
    ;;
  test)
    install_missing "${build_packages[@]}" "${test_packages[@]}"
    build ON
    echo "== the test suite"
    (cd "$build_dir" && ctest --output-on-failure -j"$(nproc)")
    # It fits CI's time budget (docs/reliability.md has the figures), so every run is also a sanitizer run.
    sanitize_suite
    ;;
  build)
    install_missing "${build_packages[@]}"
    build OFF
    ;;
  sanitize)
    install_missing "${build_packages[@]}" "${test_packages[@]}"
    sanitize_suite
    ;;
  *)
    echo "usage: scripts/dev.sh samples|test|build|sanitize" >&2
    exit 2
    ;;
esac
