#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_html_report.sh — the HTML comparison page in a real browser
# (Debian's headless Chromium): the DOM after the page's script has run has
# one row per item and one column per document, a #q= address filters
# rows, the page fetches nothing; a failed document's column and the
# documents' table say its error; review flags carry a mark and a legend;
# printed to PDF, every column is on the page; a screenshot is written for
# a person to look at (tests/report.png).
set -u
TEST_NAME=html-report
. "$(dirname "$0")/testlib.sh"

BROWSER=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$BROWSER" ]; then
    fail "no chromium (scripts/setup installs Debian's)"
    finish
    exit
fi
browse() {   # browse URL ARGS...: Chromium headless, no network of its own
    url=$1; shift
    timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$T/profile" "$@" "$url" 2>/dev/null
}

cd "$top_srcdir/corpus"
"$SLX" --format html -o "$T/report.html" 00[1-4]_????????????????.txt 101_markdown_no_number_column.md 2>/dev/null
check "the page is written" '[ -s "$T/report.html" ]'
check "the page is self-contained (no external resource)" \
    '! grep -Eq "<(link|img|script)[^>]* (src|href)=" "$T/report.html"'

browse "file://$T/report.html" --dump-dom > "$T/dom.html"
rows=$(grep -o '<tr data-id="[^"]*"' "$T/dom.html" | wc -l)
docs=$(grep -o '<th class="doc"' "$T/dom.html" | wc -l)
cells=$(grep -o '<td class="doc' "$T/dom.html" | wc -l)
check "one row per catalog item (49): $rows" '[ "$rows" -eq 49 ]'
check "one column per document (5): $docs" '[ "$docs" -eq 5 ]'
check "every row has a cell per document: $cells" '[ "$cells" -eq $((49 * 5)) ]'
check "cells are coloured by answer" 'grep -q "class=\"doc a-yes\"" "$T/dom.html" && grep -q "class=\"doc a-undisclosed\"" "$T/dom.html"'
check "the vendor text is on the cell" 'grep -q "title=\"前日分 (" "$T/dom.html"'

check "the page's header words are the workbook's" 'grep -q "<th class=\"name\">サービスレベル項目</th>" "$T/dom.html"'
check "the figure on a line of its own, no separator" 'grep -q "<summary>有<span class=\"primary\">7世代</span></summary>" "$T/dom.html"'
check "the tooltip says page-less confidence" 'grep -q "title=\"前日分 (確度 [0-9.]*)\"" "$T/dom.html"'
check "flagged cells carry the mark, the legend names the flags" 'grep -q "<span class=\"flag\" title=\"[^\"]*\">⚑</span>" "$T/dom.html" && grep -q "<dt>低確度</dt>" "$T/dom.html"'

# A failed document among them: its column and its row say so.
"$SLX" --format html -o "$T/failed.html" 001_18d14cfe463b0bb2.txt "$T/nosuch.pdf" 2>/dev/null
browse "file://$T/failed.html" --dump-dom > "$T/failed-dom.html"
check "a failed document's header says its error" 'grep -q "<th class=\"doc error\"[^>]*>nosuch.pdf<span class=\"err\">エラー not_found</span></th>" "$T/failed-dom.html"'
check "... its cells say エラー, not —" '[ $(grep -o "data-answer=\"error\">エラー</td>" "$T/failed-dom.html" | wc -l) -eq 49 ]'
check "... and the documents' table gives its status and message" 'grep -q "<tr class=\"error\" data-status=\"error\"><td>[^<]*nosuch.pdf</td><td class=\"a-error\">エラー</td>" "$T/failed-dom.html" && grep -q "エラー not_found: " "$T/failed-dom.html"'

# A scan read by OCR: the documents' table says so.
if "$SLX" --version | grep -q "^OCR: Tesseract"; then
    "$SLX" -q --format html -o "$T/scan.html" 001_18d14cfe463b0bb2.txt "$top_srcdir/tests/data/scan-small.pdf"
    check "a scan's 形式 is pdf (OCR), a text's its format" 'grep -q "scan-small.pdf</td><td>[^<]*</td><td>pdf (OCR)</td>" "$T/scan.html" && grep -q "001_18d14cfe463b0bb2.txt</td><td>[^<]*</td><td>text</td>" "$T/scan.html"'
fi

# With requirements: the checks table has the workbook's 判定 columns.
"$SLX" -q -r "$top_srcdir/patterns/requirements/example.ini" --format html -o "$T/checked.html" 001_18d14cfe463b0bb2.txt
check "the checks table's headers are 判定's (id, 要件, 項目)" 'grep -q "<table id=\"checks\">" "$T/checked.html" && grep -q "<th class=\"id\">id</th><th class=\"req\">要件</th><th class=\"item\">項目</th>" "$T/checked.html"'

# Two documents of one service: their columns are told apart by file name.
cp 001_18d14cfe463b0bb2.txt "$T/copy.txt"
"$SLX" -q --format html -o "$T/twice.html" 001_18d14cfe463b0bb2.txt "$T/copy.txt"
check "one service twice: headers told apart by file name" 'grep -q ">Active! gate SS (001_18d14cfe463b0bb2.txt)</th>" "$T/twice.html" && grep -q ">Active! gate SS (copy.txt)</th>" "$T/twice.html"'

# Printed: every document's column on the first page (A4 landscape).
browse "file://$T/report.html" --no-pdf-header-footer --print-to-pdf="$T/report.pdf" >/dev/null
if command -v pdftotext >/dev/null; then
    pdftotext -f 1 -l 1 -layout "$T/report.pdf" "$T/page1.txt"
    check "printed: the first page is landscape" 'pdfinfo "$T/report.pdf" | grep -q "Page size: *841"'
    check "printed: every document's column is on the first page" 'grep -q "Active! gate SS" "$T/page1.txt" && grep -q "BtoBプラットフォーム" "$T/page1.txt" && grep -q "MSSV3クラウド機能" "$T/page1.txt" && grep -q "音読さん" "$T/page1.txt" && grep -q "勤怠クラウドPro" "$T/page1.txt"'
    check "printed: no filter box" '! grep -q "絞り込み" "$T/page1.txt"'
    check "printed: the header row on the second page too" 'pdftotext -f 2 -l 2 -layout "$T/report.pdf" - | grep -q "サービスレベル項目"'
else
    fail "no pdftotext (scripts/setup installs poppler-utils)"
fi

browse "file://$T/report.html#q=RPO" --dump-dom > "$T/filtered.html"
hidden=$(grep -o '<tr data-id="[^"]*" data-search="[^"]*" hidden=""' "$T/filtered.html" | wc -l)
check "#q=RPO leaves the RPO row (48 hidden): $hidden" '[ "$hidden" -eq 48 ]'
check "... and the RPO row visible" 'grep -q "<tr data-id=\"29\" data-search=\"[^\"]*\">" "$T/filtered.html"'

out="$top_builddir/tests/report.png"
browse "file://$T/report.html" --screenshot="$out" --window-size=1400,900 --hide-scrollbars >/dev/null
check "a screenshot is written ($out)" '[ -s "$out" ]'

finish
