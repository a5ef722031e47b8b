#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, clang), assembles their seeds from samples/ and the Mermaid
# fixtures, runs each for a while and prints what it did.
#   scripts/fuzz.sh [-t SECONDS] [-p PARALLEL] [target...]     (default: 60 s each, one at a time, all targets)
# Everything goes under $BUILD_DIR (default /tmp/postpress-fuzz): fuzz/corpus/<target> keeps what the runs
# found between runs, fuzz/artifacts/<target> the crash-, timeout-, oom- and leak- files, fuzz/logs the logs.
# Replay one input: $BUILD_DIR/tests/fuzz/<target> <file>
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build_dir=${BUILD_DIR:-/tmp/postpress-fuzz}
work=$build_dir/fuzz
seconds=60
parallel=1
all_targets=(front_matter_fuzz markdown_fuzz mermaid_flowchart_fuzz mermaid_sequence_fuzz mermaid_render_fuzz)

# The biggest input each target is given: a post with a long front matter, a post the size of the samples,
# a large diagram, and for rendering a diagram that still lays out in milliseconds.
declare -A max_len=([front_matter_fuzz]=8192 [markdown_fuzz]=32768 [mermaid_flowchart_fuzz]=8192
                    [mermaid_sequence_fuzz]=8192 [mermaid_render_fuzz]=4096)
declare -A dict=([front_matter_fuzz]=markdown [markdown_fuzz]=markdown [mermaid_flowchart_fuzz]=mermaid
                 [mermaid_sequence_fuzz]=mermaid [mermaid_render_fuzz]=mermaid)

build_packages=(clang libclang-rt-14-dev cmake make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
                libyaml-cpp-dev libkf5syntaxhighlighting-dev libpugixml-dev libzip-dev libgumbo-dev libwebp-dev
                zlib1g-dev libpango1.0-dev libcairo2-dev libgraphviz-dev
                fonts-liberation2 fonts-noto-cjk fonts-symbola fonts-dejavu-core)

source "$root/scripts/install_missing.sh"

build() {
  # Debug keeps NDEBUG off; the fuzz flags' -O1 comes after the build type's -O0.
  CC=clang CXX=clang++ cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=Debug -DPOSTPRESS_FUZZ=ON \
    -DPOSTPRESS_TESTS=OFF >/dev/null
  cmake --build "$build_dir" -j"${JOBS:-$(nproc)}" --target "$@"
}

# The ```mermaid blocks of the sample posts, one file each.
mermaid_blocks() {
  local out=$1 post
  for post in "$root"/samples/blog/*/*.md; do
    awk -v out="$out" -v stem="$(basename "$(dirname "$post")")-$(basename "${post%.md}")" '
      /^```mermaid[ \t]*$/ { n++; file = sprintf("%s/%s-%d.mmd", out, stem, n); inside = 1; next }
      inside && /^```[ \t]*$/ { inside = 0; close(file); next }
      inside { print > file }' "$post"
  done
}

# Seeds are rebuilt on every run (they are small); the corpus directories keep growing across runs.
prepare_seeds() {
  local seeds=$work/seeds
  rm -rf "$seeds"
  mkdir -p "$seeds"/{posts,mermaid,mermaid-steered}
  local f
  for f in "$root"/samples/blog/*/*.md; do
    cp "$f" "$seeds/posts/$(basename "$(dirname "$f")")-$(basename "$f")"
  done
  cp "$root"/tests/fixtures/mermaid/*.mmd "$seeds/mermaid/"
  mermaid_blocks "$seeds/mermaid"
  # The parser targets read their first byte as a switch (tests/fuzz/steered_source.hpp): ' ' (even) passes
  # the fixture as written.
  for f in "$seeds"/mermaid/*.mmd; do
    { printf ' '; cat "$f"; } >"$seeds/mermaid-steered/$(basename "$f")"
  done
}

seed_dir() {
  case $1 in
    front_matter_fuzz | markdown_fuzz) echo "$work/seeds/posts" ;;
    mermaid_render_fuzz) echo "$work/seeds/mermaid" ;;
    *) echo "$work/seeds/mermaid-steered" ;;
  esac
}

run_target() {
  local target=$1
  local corpus=$work/corpus/$target artifacts=$work/artifacts/$target
  mkdir -p "$corpus" "$artifacts" "$work/logs"
  # The first directory is the corpus libFuzzer writes to; the seed directory is only read.
  # -close_fd_mask=2 silences the libraries' own stderr (Graphviz warnings); libFuzzer and the sanitizers
  # still report on a duplicate of it.
  LSAN_OPTIONS=suppressions=$root/tests/lsan.supp \
    "$build_dir/tests/fuzz/$target" "$corpus" "$(seed_dir "$target")" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len="${max_len[$target]}" \
    -dict="$root/tests/fuzz/${dict[$target]}.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
    -close_fd_mask=2 >"$work/logs/$target.log" 2>&1 || true
}

summary() {
  local target=$1 log=$work/logs/$1.log
  local ran execs rate cov corp
  # A run that found something stops early and prints no "Done" line.
  ran=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1 s/p' "$log" | tail -1)
  ran=${ran:-stopped}
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
  # corp: what libFuzzer keeps in memory; files: the corpus folder, which also holds inputs since reduced.
  corp=$(grep -o 'corp: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
  printf '%-24s %8s %10s execs %6s exec/s %6s cov %6s corp %6s files\n' "$target" "$ran" "${execs:-?}" \
    "${rate:-?}" "${cov:-?}" "${corp:-?}" "$(find "$work/corpus/$target" -type f | wc -l)"
  local crash
  for crash in "$work/artifacts/$target"/*; do
    [[ -e $crash ]] && echo "    found: $crash"
  done
  grep -m1 -E '^==[0-9]+==ERROR|runtime error:|^==[0-9]+== ERROR' "$log" | sed 's/^/    /' || true
}

while getopts "t:p:" opt; do
  case $opt in
    t) seconds=$OPTARG ;;
    p) parallel=$OPTARG ;;
    *)
      echo "usage: scripts/fuzz.sh [-t SECONDS] [-p PARALLEL] [target...]" >&2
      exit 2
      ;;
  esac
done
shift $((OPTIND - 1))
targets=("$@")
((${#targets[@]})) || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [[ -v max_len[$t] ]] || { echo "unknown target $t; known: ${all_targets[*]}" >&2; exit 2; }
done

install_missing "${build_packages[@]}"
build "${targets[@]}"
prepare_seeds
echo "fuzzing ${targets[*]} for $seconds s each, $parallel at a time; logs in $work/logs"
for t in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= parallel)); do wait -n || true; done
  run_target "$t" &
done
wait
for t in "${targets[@]}"; do summary "$t"; done
