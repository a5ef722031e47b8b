#!/usr/bin/env bash
# The same input gives the same bytes: across runs, time zones and thread counts; SOURCE_DATE_EPOCH
# changes only the timestamps.
source "$(dirname "$0")/lib.sh"
posts=("$SAMPLES"/blog/*/*.md)
args=(--title "Repro" "${posts[@]}")
"$PP" "${args[@]}" -o "$WORK/a.epub"
TZ=Asia/Tokyo "$PP" "${args[@]}" -j 1 -o "$WORK/b.epub"
TZ=America/Los_Angeles "$PP" "${args[@]}" -j 2 -o "$WORK/c.epub"
a=$(sha256sum <"$WORK/a.epub"); b=$(sha256sum <"$WORK/b.epub"); c=$(sha256sum <"$WORK/c.epub")
[[ $a == "$b" && $a == "$c" ]] && pass "identical bytes across runs, time zones and thread counts" || fail "bytes differ"

SOURCE_DATE_EPOCH=1700000000 "$PP" "${args[@]}" -o "$WORK/d.epub"
[[ $(sha256sum <"$WORK/d.epub") != "$a" ]] && pass "SOURCE_DATE_EPOCH changes the bytes" || fail "SOURCE_DATE_EPOCH ignored"
opf=$(unzip -p "$WORK/d.epub" EPUB/package.opf)
grep -q '<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>' <<<"$opf" \
  && pass "dcterms:modified from SOURCE_DATE_EPOCH" || fail "dcterms:modified not from SOURCE_DATE_EPOCH"
dates=$(unzip -l "$WORK/d.epub" | awk '$2 ~ /^[0-9][0-9][0-9][0-9]-/ {print $2}' | sort -u)
[[ $dates == 2023-11-14 ]] \
  && pass "zip times from SOURCE_DATE_EPOCH" || fail "zip times not from SOURCE_DATE_EPOCH"
# Without it, the newest post date: independent of when the build ran.
opf_a=$(unzip -p "$WORK/a.epub" EPUB/package.opf)
newest=$(grep -o 'dcterms:modified">[^<]*' <<<"$opf_a" | cut -d'>' -f2)
[[ $newest == 2026-* ]] && pass "dcterms:modified from post dates ($newest)" || fail "dcterms:modified is $newest"
# The identifier is stable and name-based: the same for the same title and posts.
id_a=$(grep -o 'urn:uuid:[^<]*' <<<"$opf_a")
id_d=$(grep -o 'urn:uuid:[^<]*' <<<"$opf")
[[ -n $id_a && $id_a == "$id_d" ]] && pass "stable identifier $id_a" || fail "identifier changed"
finish
