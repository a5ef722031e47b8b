#!/usr/bin/env bash
# Fails when a src/ folder includes a header from a folder the pipeline direction forbids
# (parse -> model -> figures -> pdf/epub -> build -> cli; base below everything).
set -euo pipefail
src=$1
declare -A allowed=(
  [base]="base"
  [model]="base model"
  [parse]="base model parse"
  [media]="base media"
  [text]="base text"
  [highlight]="base model highlight"
  [figure]="base model media text figure"
  [epub]="base model media text figure highlight epub"
  [pdf]="base model media text figure highlight pdf"
  [build]="base model parse media text figure epub pdf highlight build"
  [cli]="base model parse media text figure epub pdf build highlight cli"
)
status=0
for dir in "${!allowed[@]}"; do
  [[ -d $src/$dir ]] || continue
  while IFS= read -r line; do
    file=${line%%:*}
    target=$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"$line")
    if [[ " ${allowed[$dir]} " != *" $target "* ]]; then
      echo "forbidden include edge $dir -> $target: $line"
      status=1
    fi
  done < <(grep -rHE '^#include "[a-z_]+/' "$src/$dir" || true)
done
# C libraries are wrapped in one place each.
check_owner() {  # header, allowed file pattern
  local hits
  hits=$(grep -rlE "#include <$1" "$src" | grep -vE "$2" || true)
  if [[ -n $hits ]]; then echo "<$1> included outside its wrapper: $hits"; status=1; fi
}
check_owner 'cmark-gfm' 'parse/(cmark_tree|markdown)\.(cpp|hpp)$'
check_owner 'gumbo' 'parse/raw_html\.cpp$'
check_owner 'yaml-cpp' 'parse/(front_matter|settings_file)\.cpp$'
check_owner 'zip\.h' 'epub/zip_archive\.cpp$'
check_owner 'webp/' 'media/webp_image\.cpp$'
check_owner 'graphviz/' 'figure/graphviz_layout\.cpp$'
check_owner 'fontconfig/' 'text/font_system\.cpp$'
check_owner 'KSyntaxHighlighting/' 'highlight/code_highlighter\.cpp$'
check_owner 'Q[A-Z]' 'highlight/code_highlighter\.cpp$'
check_owner 'zlib\.h' 'media/(png_writer|png_stream|raw_deflate|zlib_default_level)\.cpp$'
check_owner 'ft2build' 'text/(cff_table_reads|glyph_use)(_override)?\.cpp$'
[[ $status == 0 ]] && echo "include edges ok"
exit $status
