#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_html_report.sh — the HTML comparison page in a real browser
# (Debian's headless Chromium): the DOM after the page's script has run has
# one row per item and one column per document, a #q= address filters
# rows, the page fetches nothing; a screenshot is written for a person to
# look at (tests/report.png).
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
check "the vendor text is on the cell" 'grep -q "title=\"前日分\"" "$T/dom.html"'

browse "file://$T/report.html#q=RPO" --dump-dom > "$T/filtered.html"
hidden=$(grep -o '<tr data-id="[^"]*" data-search="[^"]*" hidden=""' "$T/filtered.html" | wc -l)
check "#q=RPO leaves the RPO row (48 hidden): $hidden" '[ "$hidden" -eq 48 ]'
check "... and the RPO row visible" 'grep -q "<tr data-id=\"29\" data-search=\"[^\"]*\">" "$T/filtered.html"'

out="$top_builddir/tests/report.png"
browse "file://$T/report.html" --screenshot="$out" --window-size=1400,900 --hide-scrollbars >/dev/null
check "a screenshot is written ($out)" '[ -s "$out" ]'

finish
