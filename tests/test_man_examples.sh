#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_man_examples.sh — the EXAMPLES of slaxtract(1) run as written, as
# jq runs its manual's examples: each command between .nf and .fi, its
# roff escapes undone, in a directory holding what the page says it holds
# (vendors/ with a text export, a PDF, a web page, a workbook and an
# e-mail; mine.ini; my-aliases.ini), with the built slaxtract first on
# PATH.  A command must exit 0 (3 where it asks --fail-on-check) and write
# something; an example that stops working fails here, not for a reader.
# The page itself must format without a warning.
set -u
TEST_NAME=man-examples
. "$(dirname "$0")/testlib.sh"

C="$top_srcdir/corpus"
mkdir -p "$T/ex/vendors" "$T/bin"
cp "$C/001_18d14cfe463b0bb2.txt" "$T/ex/vendors/acme.txt"
cp "$C/002_a6f81986ff207687.portrait.pdf" "$T/ex/vendors/acme.pdf"
cp "$C/003_52953a724f7f6c3d.table.html" "$T/ex/vendors/acme.html"
cp "$C/004_bb7f902170d09515.xlsx" "$T/ex/vendors/acme.xlsx"
cp "$C/122_email_iso2022jp.eml" "$T/ex/vendors/acme.eml"
cp "$top_srcdir/patterns/requirements/example.ini" "$T/ex/mine.ini"
{ printf '[catalog]\nid = meti-cloud-sla\n'
  sed -e '1,/^\[section 1\]/{/^\[section 1\]/!d}' \
      -e 's/^aliases = サービス提供時間;/aliases = ご利用可能時間帯;サービス提供時間;/' \
      "$top_srcdir/patterns/meti-cloud-sla.ini"; } >"$T/ex/my-aliases.ini"
ln -s "$SLX" "$T/bin/slaxtract"

# The commands of the EXAMPLES section, one per line: roff's \- is -, a
# line ending in | goes on with the next.
sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$top_srcdir/src/slaxtract.1" |
    awk '/^\.nf/ {inside = 1; cmd = ""; next}
         /^\.fi/ {inside = 0; print cmd; next}
         inside {gsub(/\\-/, "-"); sub(/^ +/, ""); cmd = cmd (cmd == "" ? "" : " ") $0}' >"$T/commands"
n=$(wc -l <"$T/commands")
check "the page has examples to run ($n)" '[ "$n" -ge 8 ]'
check "they cover PDF, HTML, workbooks, requirements and directories" \
    'grep -q "\.pdf" "$T/commands" && grep -q "\.html" "$T/commands" && grep -q "\.xlsx" "$T/commands" &&
     grep -q -- "--requirements" "$T/commands" && grep -q "vendors/\( \|$\||\)" "$T/commands"'

i=0
while IFS= read -r cmd; do
    i=$((i + 1))
    (cd "$T/ex" && PATH="$T/bin:$PATH" sh -c "$cmd" >"$T/out.$i" 2>"$T/err.$i"); st=$?
    want=0
    case $cmd in *--fail-on-check*) want=3 ;; esac
    check "example $i exits $want: $cmd" '[ $st -eq $want ] || { cat "$T/err.$i"; false; }'
    # Its output: the file of -o or of a redirection, else standard output.
    target=$(echo "$cmd" | sed -n -e 's/.* -o \([^ ]*\).*/\1/p' -e 's/.* > *\([^ ]*\).*/\1/p' | head -1)
    if [ -n "$target" ]; then
        check "example $i writes $target" '[ -s "$T/ex/$target" ] && [ "$T/ex/$target" -nt "$T/commands" ]'
    else
        check "example $i writes to standard output" '[ -s "$T/out.$i" ]'
    fi
done <"$T/commands"

check "the directory example read all five documents" '[ $(wc -l <"$T/ex/answers.jsonl") -eq 5 ] && ! grep -q "\"error\":{" "$T/ex/answers.jsonl"'
check "the workbook and the page were written by extension" \
    '[ "$(head -c 2 "$T/ex/vendors.xlsx")" = "PK" ] && grep -q "<!DOCTYPE html>" "$T/ex/vendors.html"'
if command -v groff >/dev/null; then
    groff -k -man -ww -z "$top_srcdir/src/slaxtract.1" 2>"$T/groff"
    check "the page is clean under groff -k -man -ww" '[ ! -s "$T/groff" ] || { cat "$T/groff"; false; }'
else
    fail "no groff (Debian's groff-base)"
fi
check "the checks CSV has a row per document and requirement" \
    '[ $(($(wc -l <"$T/ex/checks.csv") - 1)) -eq $((5 * $(grep -c "^\[" "$T/ex/mine.ini"))) ]'
finish
