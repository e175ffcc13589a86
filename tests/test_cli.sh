#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_cli.sh — the slaxtract command as a user runs it: options, exit
# status, one record per input in input order, bad input reported per
# document without losing the others, pattern files from --patterns.
set -u
TEST_NAME=cli
. "$(dirname "$0")/testlib.sh"
SEED="$top_srcdir/corpus/001_18d14cfe463b0bb2.txt"

# --version, --help, usage errors
out=$("$SLX" --version); st=$?
check "--version prints the version" '[ $st -eq 0 ] && echo "$out" | grep -q "^slaxtract [0-9]"'
check "--version in GNU form: copyright, licence, no warranty" 'echo "$out" | grep -q "^Copyright (C) " && echo "$out" | grep -q "GPLv3+" && echo "$out" | grep -q "NO WARRANTY"'
out=$("$SLX" --help); st=$?
check "--help lists the options" '[ $st -eq 0 ] && echo "$out" | grep -q -- "--patterns" && echo "$out" | grep -q -- "--format"'
check "--help names FILE once on its usage line, and where to report bugs" '[ $(echo "$out" | grep "^  slaxtract" | grep -o FILE | wc -l) -eq 1 ] && echo "$out" | grep -q "^Report bugs"'
"$SLX" >/dev/null 2>"$T/err"; st=$?
check "no input files: exit 2" '[ $st -eq 2 ] && grep -q "no input files" "$T/err"'
"$SLX" --format yaml "$SEED" >/dev/null 2>"$T/err"; st=$?
check "unknown format: exit 2" '[ $st -eq 2 ] && grep -q "unknown format" "$T/err"'
"$SLX" --bogus "$SEED" >/dev/null 2>"$T/err"; st=$?
check "unknown option: exit 2" '[ $st -eq 2 ]'

# without --format, -o FILE's extension says the format
for ext in jsonl json csv xlsx html htm HTML; do
    "$SLX" -q -o "$T/by-ext.$ext" "$SEED" 2>"$T/err"; st=$?
    check "-o FILE.$ext: exit 0" '[ $st -eq 0 ]'
done
check "-o .jsonl and .json: JSON Lines" 'head -c 9 "$T/by-ext.jsonl" | grep -q "^{\"file\"" && cmp -s "$T/by-ext.jsonl" "$T/by-ext.json"'
check "-o .csv: CSV" 'head -1 "$T/by-ext.csv" | grep -q "file,service,id,key"'
check "-o .xlsx: a workbook (a zip)" '[ "$(head -c 2 "$T/by-ext.xlsx")" = "PK" ]'
check "-o .html, .htm, .HTML: the page" 'grep -q "<!DOCTYPE html>" "$T/by-ext.html" && cmp -s "$T/by-ext.html" "$T/by-ext.htm" && cmp -s "$T/by-ext.html" "$T/by-ext.HTML"'
"$SLX" -q -o "$T/report.txt" "$SEED" 2>"$T/err"; st=$?
check "-o FILE with an unknown extension and no --format: exit 2, nothing written" '[ $st -eq 2 ] && grep -q "give --format" "$T/err" && [ ! -e "$T/report.txt" ]'
"$SLX" -q -f jsonl -o "$T/report.txt" "$SEED" 2>"$T/err"; st=$?
check "--format wins over the extension" '[ $st -eq 0 ] && head -c 9 "$T/report.txt" | grep -q "^{\"file\""'

# a good document
"$SLX" "$SEED" >"$T/one" 2>"$T/err"; st=$?
check "a good document: exit 0, one line" '[ $st -eq 0 ] && [ $(wc -l <"$T/one") -eq 1 ]'
check "the record has the contract's fields" 'grep -q "^{\"file\":\"$SEED\",\"format\":\"text\",\"encoding\":\"UTF-8\",\"sha256\":\"[0-9a-f]\{64\}\",\"pages\":null," "$T/one"'
check "49 items, nothing missing, no error" '[ $(grep -o "\"id\":\"[0-9]*\"" "$T/one" | wc -l) -eq 49 ] && grep -q "\"missing\":\[\],\"warnings\":\[\],\"error\":null}$" "$T/one"'
check "sha256 is of the bytes" 'grep -q "\"sha256\":\"$(sha256sum "$SEED" | cut -d" " -f1)\"" "$T/one"'

# bad input among good: every record is there, in order, exit 1
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >"$T/image.png"
: >"$T/empty.txt"
printf '   \n\t\n' >"$T/blank.txt"
head -c 600 "$SEED" >"$T/broken.txt"; printf '\377' >>"$T/broken.txt"; tail -c +601 "$SEED" >>"$T/broken.txt"
printf '%%PDF-1.4\n%%\342\343\317\323\n' >"$T/doc.pdf"
printf '<!DOCTYPE html><html><body><table></table></body></html>\n' >"$T/page.html"
printf 'hello\nworld\n' >"$T/prose.txt"
mkfifo "$T/afifo"
"$SLX" "$SEED" "$T/missing.txt" "$T/afifo" "$T/empty.txt" "$T/blank.txt" "$T/image.png" \
    "$T/broken.txt" "$T/doc.pdf" "$T/page.html" "$T/prose.txt" "$SEED" >"$T/batch" 2>"$T/err"; st=$?
check "a batch with bad documents: exit 1" '[ $st -eq 1 ]'
check "one record per input" '[ $(wc -l <"$T/batch") -eq 11 ]'
line() { sed -n "${1}p" "$T/batch"; }
# expect_error LINE FILE CODE: the record names FILE, has no items, and an
# error with CODE and a message.
expect_error() {
    n=$1 file=$2 code=$3
    check "line $n: $file → error $code" \
        'line $n | grep -q "\"file\":\"[^\"]*$file\"" && line $n | grep -q "\"items\":\[\]" && line $n | grep -q "\"error\":{\"code\":\"$code\",\"message\":\"[^\"]"'
}
check "line 1: the seed, complete" 'line 1 | grep -q "\"error\":null" && [ $(line 1 | grep -o "\"id\":" | wc -l) -eq 49 ]'
expect_error 2 missing.txt not_found
expect_error 3 afifo not_a_file
expect_error 4 empty.txt empty
expect_error 5 blank.txt empty
expect_error 6 image.png binary
expect_error 7 broken.txt invalid_utf8
expect_error 8 doc.pdf pdf_error
expect_error 9 page.html no_table
expect_error 10 prose.txt no_table
check "line 11: the seed again, complete" '[ "$(line 11)" = "$(line 1)" ]'
check "the PDF is recognized by content" 'line 8 | grep -q "\"format\":\"pdf\""'
check "the HTML is recognized by content" 'line 9 | grep -q "\"format\":\"html\""'
check "no record for a missing file has a sha256" 'line 2 | grep -q "\"sha256\":null"'
check "stderr names each failed document as it comes, GNU style" 'grep -q "^slaxtract: $T/missing.txt: not_found (" "$T/err" && grep -q "^slaxtract: $T/afifo: not_a_file (" "$T/err" && [ $(grep -c "^slaxtract: $T/" "$T/err") -eq 9 ]'
check "... and a summary at the end" 'tail -1 "$T/err" | grep -q "^slaxtract: 11 documents, 98 items found, 9 failed (.*empty 2.*), 0 files skipped"'
"$SLX" -q "$T/missing.txt" >/dev/null 2>"$T/err"; st=$?
check "-q: the failure named, no summary" '[ $st -eq 1 ] && [ $(wc -l <"$T/err") -eq 1 ] && grep -q "not_found" "$T/err"'

# pattern files
printf '[catalog]\nid = x\n[item 1]\nkey = a\nname = b\ncolor = red\n' >"$T/bad.ini"
"$SLX" --patterns "$T/bad.ini" "$SEED" >"$T/out" 2>"$T/err"; st=$?
check "a broken pattern file: exit 2, file:line: message" '[ $st -eq 2 ] && grep -q "^slaxtract: $T/bad.ini:6: unknown key .color." "$T/err" && [ ! -s "$T/out" ]'
"$SLX" --patterns "$T/nonexistent.ini" "$SEED" >/dev/null 2>"$T/err"; st=$?
check "a missing pattern file: exit 2" '[ $st -eq 2 ] && grep -q "nonexistent.ini" "$T/err"'
"$SLX" --patterns-dir "$T" "$SEED" >/dev/null 2>"$T/err"; st=$?
check "a pattern directory without a catalog: exit 2" '[ $st -eq 2 ]'

# an analyst adds an alias without recompiling
printf 'No\t種別\tサービスレベル項目\t回答\n1\t可用性\tご利用可能時間帯\t24時間365日\n2\t\t計画停止予定通知\t有\n' >"$T/alias.txt"
"$SLX" "$T/alias.txt" >"$T/before"
printf '[catalog]\nid = meti-cloud-sla\n' >"$T/head.ini"
sed -e '1,/^\[section 1\]/{/^\[section 1\]/!d}' \
    -e 's/^aliases = サービス提供時間;/aliases = ご利用可能時間帯;サービス提供時間;/' \
    "$top_srcdir/patterns/meti-cloud-sla.ini" >"$T/body.ini"
cat "$T/head.ini" "$T/body.ini" >"$T/alias.ini"
"$SLX" --patterns "$T/alias.ini" "$T/alias.txt" >"$T/after"; st=$?
check "without the alias the row is an extra" 'grep -q "\"extra_items\":\[{\"no\":\"1\",\"name\":\"ご利用可能時間帯\"" "$T/before"'
check "with the alias it is item 1" '[ $st -eq 0 ] && grep -q "\"items\":\[{\"id\":\"1\",\"key\":\"service_hours\"" "$T/after"'
SLAXTRACT_PATTERNS_DIR="$T" "$SLX" "$SEED" >/dev/null 2>&1; st=$?
check "SLAXTRACT_PATTERNS_DIR is honoured" '[ $st -eq 2 ]'

# PDF: a password, a wrong password, a cut-off file, a scan without text
# (read by OCR, which finds nothing there: no_text; or, in a build without
# Tesseract, ocr_error saying so).
PDFS="$top_srcdir/tests/data"
"$SLX" --version >"$T/version"
if grep -q "^OCR: Tesseract [0-9]" "$T/version"; then ocr=yes; else ocr=no; fi
head -c 2000 "$PDFS/small.pdf" >"$T/cut.pdf"
"$SLX" "$PDFS/small.pdf" "$PDFS/encrypted.pdf" "$T/cut.pdf" "$PDFS/no-text.pdf" "$PDFS/small.pdf" \
    >"$T/batch" 2>"$T/err"; st=$?
check "a PDF batch with bad documents: exit 1, one record each" '[ $st -eq 1 ] && [ $(wc -l <"$T/batch") -eq 5 ]'
check "line 1: small.pdf, 3 items on page 1" 'line 1 | grep -q "\"format\":\"pdf\",[^{]*\"pages\":1," && [ $(line 1 | grep -o "\"page\":1," | wc -l) -eq 3 ] && line 1 | grep -q "\"error\":null"'
expect_error 2 encrypted.pdf encrypted
expect_error 3 cut.pdf pdf_error
if [ $ocr = yes ]; then
    expect_error 4 no-text.pdf no_text
    unread='no_text_layer: 1 of 2 pages have no text layer (scanned?) and OCR found no text'
else
    check "line 4: no-text.pdf → ocr_error, OCR not built in" 'line 4 | grep -q "\"code\":\"ocr_error\",\"message\":\"OCR is not built in"'
    unread='ocr: 1 of 2 pages have no text layer and OCR could not read them (OCR is not built in'
fi
check "line 5: small.pdf again, the same" '[ "$(line 5)" = "$(line 1)" ]'
"$SLX" "$PDFS/mixed.pdf" >"$T/batch"; st=$?
check "a PDF with one page without text: its items, and a warning that says it was not read" '[ $st -eq 0 ] && line 1 | grep -q "\"pages\":2,\"ocr\":false," && [ "$(line 1 | sed "s/.*\"items\"://; s/,\"warnings\".*//")" = "$("$SLX" "$PDFS/small.pdf" | sed "s/.*\"items\"://; s/,\"warnings\".*//")" ] && line 1 | grep -qF "\"warnings\":[\"$unread"'
"$SLX" --ocr=never "$PDFS/mixed.pdf" "$PDFS/no-text.pdf" >"$T/batch" 2>/dev/null; st=$?
check "--ocr=never: the page without text is not read, and a PDF of none is no_text" '[ $st -eq 1 ] && line 1 | grep -q "and were not read (--ocr=never)" && line 2 | grep -q "\"code\":\"no_text\",\"message\":\"[^\"]*OCR is off"'

# OCR: the options, and what a build without Tesseract says.
for bad in "--ocr=sometimes" "--ocr-lang=jpn;rm" "--ocr-lang=+eng"; do
    "$SLX" "$bad" "$SEED" >/dev/null 2>"$T/err"; st=$?
    check "$bad: a usage error" '[ $st -eq 2 ] && grep -q "ocr" "$T/err" && grep -q "Try .slaxtract --help" "$T/err"'
done
if [ $ocr = yes ]; then
    SCAN="$top_srcdir/corpus/151_scan_calc_gray_200dpi.pdf"
    "$SLX" --ocr-lang=xyz "$SCAN" >"$T/batch" 2>/dev/null; st=$?
    check "--ocr-lang with no language data: ocr_error, said plainly" '[ $st -eq 1 ] && line 1 | grep -q "\"code\":\"ocr_error\",\"message\":\"OCR cannot start for the languages .xyz.: is their Tesseract data installed"'
    "$SLX" --timeout 0.5 "$top_srcdir/corpus/152_scan_writer_300dpi.pdf" "$PDFS/small.pdf" >"$T/batch" 2>/dev/null; st=$?
    check "--timeout bounds a document's OCR, and the batch goes on" '[ $st -eq 1 ] && line 1 | grep -q "\"code\":\"timeout\"" && line 2 | grep -q "\"error\":null"'
    # Tesseract is in a module loaded for the first page that needs OCR.
    LD_DEBUG=libs "$SLX" "$SEED" >/dev/null 2>"$T/ld-text"
    LD_DEBUG=libs "$SLX" "$SCAN" >/dev/null 2>"$T/ld-scan"
    check "the OCR module and Tesseract are loaded for a scan, not for a text" '! grep -q "libtesseract" "$T/ld-text" && grep -q "slaxtract-ocr.so" "$T/ld-scan" && grep -q "libtesseract" "$T/ld-scan"'
    SLAXTRACT_OCR_MODULE=/nonexistent/ocr.so "$SLX" "$SCAN" "$SEED" >"$T/batch" 2>/dev/null; st=$?
    check "without its module a scan is ocr_error, and the batch goes on" '[ $st -eq 1 ] && line 1 | grep -q "\"code\":\"ocr_error\",\"message\":\"OCR cannot start: its module /nonexistent/ocr.so" && line 2 | grep -q "\"error\":null"'
    "$SLX" --ocr=always "$PDFS/small.pdf" >"$T/batch" 2>/dev/null; st=$?
    check "--ocr=always: a text PDF read by OCR, its items still found" '[ $st -eq 0 ] && line 1 | grep -q "\"ocr\":true" && [ $(line 1 | grep -o "\"page\":1," | wc -l) -eq 3 ]'
else
    check "--version says OCR is not built in" 'grep -q "^OCR: not built in" "$T/version"'
    "$SLX" --ocr=always "$SEED" >/dev/null 2>"$T/err"; st=$?
    check "--ocr=always without Tesseract: a usage error that says so" '[ $st -eq 2 ] && grep -q "OCR is not built in" "$T/err"'
fi
# The other modules (src/module.h): a text document loads none of them;
# each is loaded by what needs it, and a missing one costs only that.
EML="$top_srcdir/corpus/122_email_iso2022jp.eml"
LD_DEBUG=libs "$SLX" "$SEED" >/dev/null 2>"$T/ld-text"
check "a UTF-8 text loads no module, nor ICU, libxml2, libzip, FreeXL, Poppler, qpdf, GMime, SQLite or libxlsxwriter" '! grep -q -E "slaxtract-[a-z]+\.so|libicu|libxml2|libzip|libfreexl|libpoppler|libqpdf|libgmime|libsqlite3|libxlsxwriter" "$T/ld-text"'
# A text in another charset loads ICU's module; a web page, the HTML
# reader's (libxml2); a workbook, the workbook readers' (libzip, libxml2,
# FreeXL): each only that.
SJIS="$top_srcdir/corpus/001_18d14cfe463b0bb2.cp932.txt"
HTML="$top_srcdir/corpus/001_18d14cfe463b0bb2.table.html"
BOOK="$top_srcdir/corpus/001_18d14cfe463b0bb2.xlsx"
LD_DEBUG=libs "$SLX" "$SJIS" >"$T/batch" 2>"$T/ld-sjis"; st=$?
check "a Shift_JIS text loads the charset module and ICU, and nothing else" '[ $st -eq 0 ] && grep -q "slaxtract-charset\.so" "$T/ld-sjis" && grep -q libicuuc "$T/ld-sjis" && ! grep -q -E "slaxtract-(html|sheet|pdf)\.so|libxml2|libzip" "$T/ld-sjis" && line 1 | grep -q "\"encoding\":\"Shift_JIS\""'
LD_DEBUG=libs "$SLX" "$HTML" >"$T/batch" 2>"$T/ld-html"; st=$?
check "a UTF-8 web page loads the HTML module and libxml2, not the workbook readers" '[ $st -eq 0 ] && grep -q "slaxtract-html\.so" "$T/ld-html" && grep -q libxml2 "$T/ld-html" && ! grep -q -E "slaxtract-(sheet|pdf|charset)\.so|libzip" "$T/ld-html" && line 1 | grep -q "\"error\":null"'
LD_DEBUG=libs "$SLX" "$BOOK" >"$T/batch" 2>"$T/ld-book"; st=$?
check "a workbook loads the workbook module, libzip and FreeXL, not the HTML reader" '[ $st -eq 0 ] && grep -q "slaxtract-sheet\.so" "$T/ld-book" && grep -q libzip "$T/ld-book" && grep -q libfreexl "$T/ld-book" && ! grep -q -E "slaxtract-(html|pdf|charset)\.so" "$T/ld-book" && line 1 | grep -q "\"format\":\"xlsx\",.*\"error\":null"'
SLAXTRACT_CHARSET_MODULE=/nonexistent/charset.so "$SLX" "$SJIS" "$SEED" >"$T/batch" 2>/dev/null; st=$?
check "without its module a Shift_JIS text is decode_error, said plainly, and the batch goes on" '[ $st -eq 1 ] && line 1 | grep -q "\"code\":\"decode_error\",\"message\":\"the charset converter cannot start: its module /nonexistent/charset.so" && line 2 | grep -q "\"error\":null"'
SLAXTRACT_HTML_MODULE=/nonexistent/html.so "$SLX" "$HTML" "$SEED" >"$T/batch" 2>/dev/null; st=$?
check "without its module a web page is read_error, said plainly, and the batch goes on" '[ $st -eq 1 ] && line 1 | grep -q "\"code\":\"read_error\",\"message\":\"the HTML reader cannot start: its module /nonexistent/html.so" && line 2 | grep -q "\"error\":null"'
SLAXTRACT_SHEET_MODULE=/nonexistent/sheet.so "$SLX" "$BOOK" "$SEED" >"$T/batch" 2>/dev/null; st=$?
check "without its module a workbook is workbook_error, said plainly, and the batch goes on" '[ $st -eq 1 ] && line 1 | grep -q "\"code\":\"workbook_error\",\"message\":\"the workbook reader cannot start: its module /nonexistent/sheet.so" && line 2 | grep -q "\"error\":null"'
LD_DEBUG=libs "$SLX" "$PDFS/small.pdf" >/dev/null 2>"$T/ld-pdf"
check "a PDF loads the PDF reader's module, and Poppler and qpdf with it" 'grep -q "slaxtract-pdf\.so" "$T/ld-pdf" && grep -q libpoppler-glib "$T/ld-pdf" && grep -q libqpdf "$T/ld-pdf" && ! grep -q -E "slaxtract-(email|cache|xlsx)\.so" "$T/ld-pdf"'
# A PDF named so among the inputs: the module is loaded while the patterns
# compile, once, and the workers inherit it; a PDF named otherwise is read
# all the same (the name is only a hint), its worker loading the module.
mkdir -p "$T/unnamed"
cp "$PDFS/small.pdf" "$T/unnamed/one"; cp "$PDFS/small.pdf" "$T/unnamed/two.dat"
LD_DEBUG=libs "$SLX" -j 2 "$PDFS/small.pdf" "$T/unnamed/one" "$T/unnamed/two.dat" >"$T/batch" 2>"$T/ld-named"; st=$?
check "PDFs named so: the PDF module loaded once, for every worker" '[ $st -eq 0 ] && [ $(grep -c "calling init:.*slaxtract-pdf\.so" "$T/ld-named") -eq 1 ] && [ $(grep -c "\"format\":\"pdf\"" "$T/batch") -eq 3 ]'
LD_DEBUG=libs "$SLX" -j 2 "$T/unnamed/one" "$T/unnamed/two.dat" >"$T/batch" 2>"$T/ld-unnamed"; st=$?
check "PDFs not named so: read all the same, a worker loading the module" '[ $st -eq 0 ] && grep -q "calling init:.*slaxtract-pdf\.so" "$T/ld-unnamed" && [ $(grep -c "\"format\":\"pdf\",.*\"error\":null" "$T/batch") -eq 2 ]'
SLAXTRACT_PDF_MODULE=/nonexistent/pdf.so "$SLX" "$PDFS/small.pdf" "$SEED" >"$T/batch" 2>/dev/null; st=$?
check "without its module a PDF is pdf_error, said plainly, and the batch goes on" '[ $st -eq 1 ] && line 1 | grep -q "\"code\":\"pdf_error\",\"message\":\"the PDF reader cannot start: its module /nonexistent/pdf.so" && line 2 | grep -q "\"error\":null"'
LD_DEBUG=libs "$SLX" -q -o "$T/mod.xlsx" --cache "$T/mod.db" "$EML" >/dev/null 2>"$T/ld-all"; st=$?
check "an e-mail, --cache and a workbook load their modules and their libraries" '[ $st -eq 0 ] && [ -s "$T/mod.xlsx" ] && [ -s "$T/mod.db" ] && (for m in email:libgmime cache:libsqlite3 xlsx:libxlsxwriter; do grep -q "slaxtract-${m%%:*}\.so" "$T/ld-all" && grep -q "${m#*:}" "$T/ld-all" || exit 1; done)'
SLAXTRACT_EMAIL_MODULE=/nonexistent/email.so "$SLX" "$EML" "$SEED" >"$T/batch" 2>/dev/null; st=$?
check "without its module an e-mail is read_error, said plainly, and the batch goes on" '[ $st -eq 1 ] && line 1 | grep -q "\"code\":\"read_error\",\"message\":\"the e-mail reader cannot start: its module /nonexistent/email.so" && line 2 | grep -q "\"error\":null"'
SLAXTRACT_XLSX_MODULE=/nonexistent/xlsx.so "$SLX" -q -o "$T/none.xlsx" "$SEED" 2>"$T/err"; st=$?
check "without its module no workbook is written: exit 2, said plainly" '[ $st -eq 2 ] && grep -q "the workbook writer cannot start: its module /nonexistent/xlsx.so" "$T/err" && [ ! -e "$T/none.xlsx" ]'
SLAXTRACT_CACHE_MODULE=/nonexistent/cache.so "$SLX" -q --cache "$T/none.db" "$SEED" >"$T/batch" 2>"$T/err"; st=$?
check "without its module --cache is said, and the run goes on uncached" '[ $st -eq 0 ] && grep -q "the cache cannot start: its module /nonexistent/cache.so" "$T/err" && line 1 | grep -q "\"error\":null" && [ ! -e "$T/none.db" ]'
"$SLX" --password wrong "$PDFS/encrypted.pdf" >"$T/batch" 2>"$T/err"; st=$?
expect_error 1 encrypted.pdf encrypted
check "a wrong password says so" '[ $st -eq 1 ] && line 1 | grep -q "password given does not open"'
"$SLX" --password secret "$PDFS/encrypted.pdf" >"$T/batch"; st=$?
check "the right password opens it: the same items as the plain PDF" '[ $st -eq 0 ] && [ "$(line 1 | sed "s/.*\"items\"://")" = "$("$SLX" "$PDFS/small.pdf" | sed "s/.*\"items\"://")" ]'

# parallel processing keeps the order of the files
set -- "$top_srcdir"/corpus/*.txt "$top_srcdir"/corpus/*.html "$T/missing.txt" "$SEED"
"$SLX" -j 1 "$@" > "$T/serial" 2>/dev/null
"$SLX" -j 4 "$@" > "$T/parallel" 2>/dev/null; st=$?
nfiles=$#
check "-j 4: exit 1 (the missing file), the same output as -j 1, in order" '[ $st -eq 1 ] && cmp -s "$T/serial" "$T/parallel" && [ $(wc -l < "$T/parallel") -eq $nfiles ]'

# output formats and -o
"$SLX" --format csv "$SEED" >"$T/out.csv"; st=$?
check "csv: exit 0, a byte order mark, the header" '[ $st -eq 0 ] && [ "$(head -c 3 "$T/out.csv" | od -An -tx1 | tr -d " ")" = "efbbbf" ] && head -1 "$T/out.csv" | grep -q "file,service,id,key,name,category,no,answer,primary,values,text,page,confidence,flags"'
check "csv: one row per item, CRLF" '[ $(grep -c "$(printf "\r")\$" "$T/out.csv") -eq 50 ]'
"$SLX" --format csv --csv-encoding cp932 -o "$T/sjis.csv" "$SEED"; st=$?
check "csv cp932: decodes as CP932 to the UTF-8 rows" '[ $st -eq 0 ] && iconv -f CP932 -t UTF-8 "$T/sjis.csv" > "$T/back.csv" && [ "$(tail -c +4 "$T/out.csv" | md5sum)" = "$(md5sum < "$T/back.csv")" ]'
printf '1\tサービス時間\t𠮷野家の24時間365日\n2\t計画停止予定通知\t=1+1 14日前に通知\n' >"$T/lossy.txt"
"$SLX" -q --format csv --csv-encoding cp932 -o "$T/lossy.csv" "$T/lossy.txt" 2>"$T/err"; st=$?
check "csv cp932: what CP932 cannot hold is counted on stderr" '[ $st -eq 0 ] && grep -q "1 character that CP932 cannot hold was written as .?. (the first: U+20BB7" "$T/err"'
check "csv: a cell that would be a formula is kept text" 'iconv -f CP932 -t UTF-8 "$T/lossy.csv" | grep -q ",\"\?'"'"'=1+1 14日前に通知\"\?,"'
"$SLX" --format csv --csv-encoding latin1 "$SEED" >/dev/null 2>"$T/err"; st=$?
check "csv: an unknown encoding is a usage error" '[ $st -eq 2 ] && grep -q "unknown CSV encoding" "$T/err"'
"$SLX" --format xlsx "$SEED" >/dev/null 2>"$T/err"; st=$?
check "xlsx without -o: exit 2" '[ $st -eq 2 ] && grep -q "needs -o" "$T/err"'
"$SLX" --format xlsx -o "$T/book.xlsx" "$SEED"; st=$?
check "xlsx: a zip workbook" '[ $st -eq 0 ] && [ "$(head -c 2 "$T/book.xlsx")" = "PK" ]'
# A workbook is read as one, whatever its name: the report itself, renamed.
cp "$T/book.xlsx" "$T/report.bin"
"$SLX" "$T/report.bin" >"$T/report.json"; st=$?
check "a workbook named .bin is read as xlsx" '[ $st -eq 0 ] && grep -q "\"format\": *\"xlsx\"" "$T/report.json" && grep -q "\"pages\": *[1-9]" "$T/report.json"'
"$SLX" --format html "$SEED" >"$T/page.out"; st=$?
check "html to standard output" '[ $st -eq 0 ] && grep -q "<table id=\"comparison\">" "$T/page.out"'
# hostile vendor text and file names are text in the page, never markup
# (an HTML document's &lt;script&gt; is the text <script> in the response)
mkdir "$T/hostile"
H="$T/hostile/<img src=x onerror=alert(1)>.html"
printf '<html><body><table><tr><th>No.</th><th>項目</th><th>回答</th></tr><tr><td>1</td><td>サービス時間</td><td>&lt;script&gt;alert(1)&lt;/script&gt; 24時間365日</td></tr><tr><td>2</td><td>計画停止予定通知</td><td>&quot;&gt;&lt;svg onload=alert(2)&gt; 有</td></tr></table></body></html>' >"$H"
"$SLX" --format html "$H" >"$T/hostile.html"; st=$?
check "html: hostile text and file name escaped" '[ $st -eq 0 ] && ! grep -q "<script>alert" "$T/hostile.html" && ! grep -q "<img src=x" "$T/hostile.html" && ! grep -q "<svg onload" "$T/hostile.html" && grep -q "&lt;script&gt;alert(1)&lt;/script&gt;" "$T/hostile.html" && grep -q "&lt;img src=x onerror=alert(1)&gt;" "$T/hostile.html"'
"$SLX" -o "$T/records.jsonl" "$SEED" "$T/missing.txt"; st=$?
check "-o: written whole, exit 1 for the missing file" '[ $st -eq 1 ] && [ $(wc -l < "$T/records.jsonl") -eq 2 ]'
check "-o: no temporary file left" '[ -z "$(ls -A "$T" | grep "^\.")" ]'
want_mode=$(printf "%o" $((0666 & ~0$(umask))))
check "-o: the mode a new file gets ($want_mode)" '[ "$(stat -c %a "$T/records.jsonl")" = "$want_mode" ]'
"$SLX" -o "$T/nodir/x.jsonl" "$SEED" 2>"$T/err"; st=$?
check "-o into a missing directory: exit 2" '[ $st -eq 2 ] && [ ! -e "$T/nodir" ]'

# a signal during -o removes the temporary file and still ends the run by it
PDFS=$(ls "$top_srcdir"/corpus/*.pdf | head -12)
for sig in TERM INT HUP; do
    mkdir "$T/sig$sig"
    # (a shell starts background jobs with SIGINT ignored: undo that)
    env --default-signal=INT,TERM,HUP "$SLX" -j 1 -o "$T/sig$sig/out.jsonl" $PDFS $PDFS >/dev/null 2>&1 &
    pid=$!
    # wait until the temporary file exists, then signal
    for i in $(seq 1 100); do [ -n "$(ls -A "$T/sig$sig")" ] && break; sleep 0.05; done
    sleep 0.3
    kill -$sig $pid
    wait $pid; st=$?
    check "SIG$sig during -o: the run ends by it ($st), no file left" '[ $st -gt 128 ] && [ -z "$(ls -A "$T/sig$sig")" ]'
done
# an ignored SIGHUP (nohup) stays ignored: the run completes and writes its file
mkdir "$T/nohup"
nohup "$SLX" -j 1 -o "$T/nohup/out.jsonl" $PDFS >/dev/null 2>&1 &
pid=$!
for i in $(seq 1 100); do [ -n "$(ls -A "$T/nohup")" ] && break; sleep 0.05; done
kill -HUP $pid
wait $pid; st=$?
check "nohup: SIGHUP stays ignored, the file is written" '[ $st -eq 0 ] && [ $(wc -l <"$T/nohup/out.jsonl") -eq 12 ]'

# a file name that is not UTF-8: valid JSON, the bytes kept in file_raw
BAD=$(printf "$T/ベンダー\\377\\376%%.txt")
cp "$SEED" "$BAD"
"$SLX" "$BAD" >"$T/badname" 2>"$T/err"; st=$?
check "a file name that is not UTF-8: exit 0, a UTF-8 line" '[ $st -eq 0 ] && iconv -f UTF-8 -t UTF-8 "$T/badname" >/dev/null'
SHOWN=$(printf 'ベンダー\357\277\275\357\277\275%%.txt')
check "... the name shown with U+FFFD, the bytes in file_raw" 'grep -qF "$SHOWN\",\"file_raw\":\"" "$T/badname" && grep -qF "ベンダー%FF%FE%25.txt\"" "$T/badname"'
"$SLX" --format xlsx -o "$T/badname.xlsx" "$BAD"; st=$?
check "... and the workbook is written" '[ $st -eq 0 ] && [ -s "$T/badname.xlsx" ]'

# a 20000-pt page whose content is under a filter the content reader does
# not decode must be rendered: too large to render, it is read without
# rules and named in a warning (it crashed cairo's scan, losing the batch)
HEX=$(printf 'BT /F1 12 Tf 100 100 Td (1 Service hours 24 hours a day) Tj ET' | od -An -tx1 | tr -d ' \n')
{
    printf '%%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n'
    printf '2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n'
    printf '3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 20000 20000]/Contents 4 0 R'
    printf '/Resources<</Font<</F1 5 0 R>>>>>> endobj\n'
    printf '4 0 obj <</Length %d/Filter/ASCIIHexDecode>> stream\n%s>\nendstream endobj\n' $((${#HEX} + 1)) "$HEX"
    printf '5 0 obj <</Type/Font/Subtype/Type1/BaseFont/Helvetica>> endobj\n'
    printf 'trailer <</Root 1 0 R>>\n%%%%EOF\n'
} >"$T/huge.pdf"
"$SLX" "$T/huge.pdf" "$SEED" >"$T/huge" 2>"$T/err"; st=$?
check "a page too large to render: no crash, both records" '[ $st -le 1 ] && [ $(wc -l <"$T/huge") -eq 2 ] && tail -1 "$T/huge" | grep -q "\"error\":null"'
check "... the page named in a warning" 'head -1 "$T/huge" | grep -q "1 of 1 pages are too large to render"'

# a Flate bomb: a page whose drawing decodes to 64 MiB (one page of PDF,
# 64 KB) is not rendered nor read by Poppler, and says so
/usr/bin/python3 - "$T/bomb.pdf" <<'PYEOF'
import sys, zlib
co = zlib.compressobj(9)
data = co.compress(b"BT /F1 12 Tf 50 760 Td (1 Service hours 24/7) Tj ET\n")
for _ in range(64):
    data += co.compress(b" " * (1 << 20))
data += co.flush()
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>", None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
out, offs = bytearray(b"%PDF-1.4\n"), []
for i, o in enumerate(objs, 1):
    offs.append(len(out))
    body = (b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
            if o is None else o)
    out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
out += b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(out)
PYEOF
"$SLX" "$T/bomb.pdf" "$SEED" >"$T/bomb" 2>"$T/err"; st=$?
check "a Flate bomb: both records, the page named in a warning, not read" '[ $st -le 1 ] && [ $(wc -l <"$T/bomb") -eq 2 ] && head -1 "$T/bomb" | grep -q "decompression bomb" && tail -1 "$T/bomb" | grep -q "\"error\":null"'

# a FIFO, a device: not_a_file without being opened for reading, the batch goes on
mkfifo "$T/fifo"
timeout 20 "$SLX" "$T/fifo" /dev/zero "$SEED" >"$T/special" 2>"$T/err"; st=$?
check "a FIFO and /dev/zero do not block the batch: exit 1, three records" '[ $st -eq 1 ] && [ $(wc -l <"$T/special") -eq 3 ]'
check "... each not_a_file, the seed read" '[ $(grep -c "\"code\":\"not_a_file\"" "$T/special") -eq 2 ] && tail -1 "$T/special" | grep -q "\"error\":null"'

# an output that cannot be written: exit 2, said on stderr, no file left
"$SLX" "$SEED" >/dev/full 2>"$T/err"; st=$?
check "standard output on a full disk: exit 2, the error named" '[ $st -eq 2 ] && grep -q "stdout: No space left on device" "$T/err"'
mkdir "$T/ro" && chmod 555 "$T/ro"
"$SLX" -o "$T/nodir/out.jsonl" "$SEED" 2>"$T/err"; st=$?
check "-o into a directory that does not exist: exit 2, the path named" '[ $st -eq 2 ] && grep -q "nodir/out.jsonl" "$T/err"'
if [ "$(id -u)" -ne 0 ]; then
    "$SLX" -o "$T/ro/out.jsonl" "$SEED" 2>"$T/err"; st=$?
    check "-o into a directory that cannot be written: exit 2, nothing left there" '[ $st -eq 2 ] && [ -z "$(ls -A "$T/ro")" ]'
fi
chmod 755 "$T/ro"

# --max-bytes: a bigger file is too_large, never read; the batch goes on
head -c 300000 /dev/zero | tr '\0' 'a' >"$T/big.txt"
"$SLX" --max-bytes 200000 "$T/big.txt" "$SEED" >"$T/limited" 2>"$T/err"; st=$?
check "--max-bytes: too_large for the bigger file, exit 1, the seed read" '[ $st -eq 1 ] && head -1 "$T/limited" | grep -q "\"code\":\"too_large\"" && head -1 "$T/limited" | grep -q "\"sha256\":null" && tail -1 "$T/limited" | grep -q "\"error\":null"'
"$SLX" --max-bytes 0 "$SEED" >/dev/null 2>"$T/err"; st=$?
check "--max-bytes 0: no limit" '[ $st -eq 0 ]'
"$SLX" --max-bytes -1 "$SEED" >/dev/null 2>"$T/err"; st=$?
check "--max-bytes -1: a usage error" '[ $st -eq 2 ] && grep -q "max-bytes" "$T/err"'

# Every document is read in a worker process: one past --timeout is the
# error timeout, one past --max-memory dies as crashed, and the batch goes on.
# (A text of 19 MB takes seconds; under AddressSanitizer no memory limit
# can be set, so that check is skipped there.)
awk 'BEGIN { for (i = 0; i < 30000; i++) printf "%d\tサービス時間\t24時間365日 %0200d\n", i % 49 + 1, 0 }' >"$T/slow.txt"
"$SLX" --timeout 0.3 "$T/slow.txt" "$SEED" >"$T/timed" 2>"$T/err"; st=$?
check "--timeout: timeout for the slow file, the seed read, in order" '[ $st -eq 1 ] && head -1 "$T/timed" | grep -q "\"code\":\"timeout\"" && tail -1 "$T/timed" | grep -q "\"error\":null"'
if ! ldd "$SLX" 2>/dev/null | grep -q libasan; then
    "$SLX" --max-memory 1000000 "$SEED" "$SEED" >"$T/starved" 2>"$T/err"; st=$?
    check "--max-memory: a starved worker is crashed, every record written" '[ $st -eq 1 ] && [ $(grep -c "\"code\":\"crashed\"" "$T/starved") -eq 2 ] && grep -q "max-memory" "$T/starved"'
    # One worker: the second document waits in its queue, and is read by
    # the worker forked after the first one died.
    "$SLX" -j 1 --max-memory 1000000 "$SEED" "$SEED" >"$T/starved1" 2>"$T/err"; st=$?
    check "-j 1 --max-memory: both documents crashed, each in a worker of its own" '[ $st -eq 1 ] && [ $(grep -c "\"code\":\"crashed\"" "$T/starved1") -eq 2 ]'
fi
"$SLX" -j 3 "$SEED" "$T/slow.txt" "$SEED" "$SEED" >"$T/order" 2>"$T/err"; st=$?
check "-j 3: records in the order of the files" '[ $st -eq 0 ] && [ $(wc -l <"$T/order") -eq 4 ] && sed -n 2p "$T/order" | grep -q "slow.txt"'
# A worker reads document after document and is replaced after a number
# of them (batch.c): 150 reads of one file over two workers are each the
# record of reading it alone, and a worker stopped past --timeout is
# replaced without losing the documents around it.
"$SLX" "$SEED" >"$T/alone" 2>/dev/null
# shellcheck disable=SC2046
"$SLX" -j 2 $(yes "$SEED" | head -150) >"$T/many" 2>"$T/err"; st=$?
check "150 documents over two workers: each as read alone" '[ $st -eq 0 ] && [ $(wc -l <"$T/many") -eq 150 ] && [ $(sort -u "$T/many" | wc -l) -eq 1 ] && head -1 "$T/many" | cmp -s - "$T/alone"'
"$SLX" --timeout 0.3 "$SEED" "$SEED" "$T/slow.txt" "$SEED" "$SEED" >"$T/around" 2>"$T/err"; st=$?
check "a worker stopped mid-batch: the documents before and after it read" '[ $st -eq 1 ] && sed -n 3p "$T/around" | grep -q "\"code\":\"timeout\"" && [ $(sed 3d "$T/around" | sort -u | wc -l) -eq 1 ] && head -1 "$T/around" | cmp -s - "$T/alone"'
# One worker holds the document after the one it reads: stopped past
# --timeout, it had not begun the next, which another worker reads.
"$SLX" -j 1 --timeout 0.3 "$SEED" "$T/slow.txt" "$SEED" >"$T/queued" 2>"$T/err"; st=$?
check "-j 1: the document queued behind a stopped one is read by the next worker" '[ $st -eq 1 ] && [ $(wc -l <"$T/queued") -eq 3 ] && sed -n 2p "$T/queued" | grep -q "\"code\":\"timeout\"" && tail -1 "$T/queued" | cmp -s - "$T/alone"'
"$SLX" --timeout -1 "$SEED" >/dev/null 2>"$T/err"; st=$?
check "--timeout -1: a usage error" '[ $st -eq 2 ] && grep -q "timeout" "$T/err"'

# Archive runs: a directory tree walked, standard input, a list of names,
# shards that together are one run, a page limit.
mkdir -p "$T/tree/b" "$T/tree/.hidden"
cp "$SEED" "$T/tree/a.txt"; cp "$SEED" "$T/tree/b/c.TXT"; cp "$SEED" "$T/tree/.hidden/d.txt"
printf 'x' >"$T/tree/logo.png"; ln -s .. "$T/tree/b/up"
"$SLX" "$T/tree" >"$T/walked" 2>"$T/err"; st=$?
check "a directory: its documents in name order, hidden and other files skipped, the loop named" '[ $st -eq 0 ] && [ $(wc -l <"$T/walked") -eq 2 ] && head -1 "$T/walked" | grep -q "tree/a.txt" && grep -q "symlink loop" "$T/err" && tail -1 "$T/err" | grep -q "1 file skipped"'
"$SLX" --hidden "$T/tree" >"$T/walked" 2>/dev/null
check "--hidden: hidden entries walked too" '[ $(wc -l <"$T/walked") -eq 3 ]'
"$SLX" - <"$SEED" >"$T/stdin" 2>/dev/null; st=$?
check "-: a document from standard input, named -" '[ $st -eq 0 ] && grep -q "^{\"file\":\"-\",\"format\":\"text\"" "$T/stdin" && [ $(grep -o "\"id\":" "$T/stdin" | wc -l) -eq 49 ]'
"$SLX" --max-bytes 100 - <"$SEED" >"$T/stdin" 2>/dev/null
check "-: never read past --max-bytes" 'grep -q "\"code\":\"too_large\"" "$T/stdin"'
find "$T/tree" -name '*.txt' -print0 | "$SLX" -q --files-from - -0 >"$T/listed"; st=$?
check "--files-from - -0: the names find -print0 writes" '[ $st -eq 0 ] && [ $(wc -l <"$T/listed") -eq 2 ]'
"$SLX" - --files-from - <"$SEED" >/dev/null 2>"$T/err"; st=$?
check "- and --files-from -: a usage error" '[ $st -eq 2 ] && grep -q "standard input" "$T/err"'
ALL="$SEED corpus/002_a6f81986ff207687.txt corpus/003_52953a724f7f6c3d.txt corpus/004_bb7f902170d09515.txt corpus/101_markdown_no_number_column.md corpus/119_html_label_value_cards.html"
(cd "$top_srcdir" && "$SLX" -q $ALL) | sort >"$T/one"
for k in 1 2 3; do (cd "$top_srcdir" && "$SLX" -q --shard $k/3 $ALL) >"$T/shard$k"; done
sort "$T/shard1" "$T/shard2" "$T/shard3" >"$T/shards"
check "--shard K/3: the three shards together are one run" '[ -s "$T/one" ] && cmp -s "$T/one" "$T/shards" && [ -s "$T/shard1" ] && [ -s "$T/shard2" ]'
"$SLX" --shard 4/3 "$SEED" >/dev/null 2>"$T/err"; st=$?
check "--shard 4/3: a usage error" '[ $st -eq 2 ] && grep -q "shard" "$T/err"'
"$SLX" --max-pages 2 "$top_srcdir/corpus/001_18d14cfe463b0bb2.portrait.pdf" >"$T/paged" 2>/dev/null; st=$?
check "--max-pages: a longer PDF is too_large, not read" '[ $st -eq 1 ] && grep -q "more than --max-pages 2" "$T/paged"'

mkdir -p "$T/arch0"
for f in "$top_srcdir"/corpus/00[1-4]_*.txt "$top_srcdir"/corpus/10[1-9]_*; do cp "$f" "$T/arch0/"; done
# An archive of good and broken documents in a tree: every document gets
# exactly one record, the good ones as a clean run gives them; what is not
# a document (a PNG, a zip) is skipped; the symlink loop and the FIFO do not
# stop it; exit 1; stderr names each failure.
mkdir -p "$T/mixed/good" "$T/mixed/bad/deeper"
cp "$SEED" "$T/mixed/good/seed.txt"; cp "$top_srcdir/corpus/134_workbook_cover_sample.xlsx" "$T/mixed/good/"
cp "$top_srcdir/tests/data/small.pdf" "$T/mixed/good/small.pdf"
: >"$T/mixed/bad/zero.pdf"
head -c 3000 "$top_srcdir/tests/data/small.pdf" >"$T/mixed/bad/cut.pdf"
cp "$top_srcdir/tests/data/encrypted.pdf" "$T/mixed/bad/encrypted.pdf"
head -c 4096 /dev/urandom >"$T/mixed/bad/deeper/noise.pdf"
printf '\211PNG\r\n\032\n' >"$T/mixed/bad/logo.png"; printf 'PK\005\006' >"$T/mixed/bad/old.zip"
mkfifo "$T/mixed/bad/pipe.txt"; ln -s .. "$T/mixed/bad/deeper/loop"
"$SLX" "$T/mixed" >"$T/mixed.out" 2>"$T/err"; st=$?
check "an archive tree: one record per document, exit 1" '[ $st -eq 1 ] && [ $(wc -l <"$T/mixed.out") -eq 8 ]'
check "... each failure named on stderr" '[ $(grep -c "^slaxtract: $T/mixed/bad/.*: [a-z_]* (" "$T/err") -eq 5 ] && grep -q "pipe.txt: not_a_file" "$T/err" && grep -q "encrypted.pdf: encrypted" "$T/err" && grep -q "symlink loop" "$T/err" && tail -1 "$T/err" | grep -q "2 files skipped"'
"$SLX" "$T/mixed/good" >"$T/clean" 2>/dev/null
grep "/good/" "$T/mixed.out" >"$T/good"
check "... the good ones as a clean run gives them" 'cmp -s "$T/clean" "$T/good"'
# A long PDF past --timeout: its worker stopped, the next document read.
qpdf --empty --pages $(for i in 1 2 3 4 5 6 7 8 9 10; do printf '%s ' "$top_srcdir/corpus/001_18d14cfe463b0bb2.narrow.pdf"; done) -- "$T/long.pdf"
"$SLX" --timeout 0.2 "$T/long.pdf" "$SEED" >"$T/long.out" 2>/dev/null; st=$?
check "--timeout on a long PDF: timeout, the next document read" '[ $st -eq 1 ] && head -1 "$T/long.out" | grep -q "\"code\":\"timeout\"" && tail -1 "$T/long.out" | grep -q "\"error\":null"'
# On a terminal, a progress line; -q silences it.
script -qec "'"$SLX"' '"$SEED"' '"$SEED"' >/dev/null" /dev/null >"$T/tty" 2>&1
check "a progress line and the summary on a terminal" 'grep -q "2/2 documents" "$T/tty" && grep -q "2 documents, 98 items found" "$T/tty"'
script -qec "'"$SLX"' -q '"$SEED"' >/dev/null" /dev/null >"$T/tty" 2>&1
check "-q on a terminal: nothing" '[ ! -s "$T/tty" ]'

# The README's shard recipes: K given, from Slurm's SLURM_ARRAY_TASK_ID and
# from a Kubernetes Indexed Job's JOB_COMPLETION_INDEX, merged: one run;
# and the GNU parallel recipe itself, the local host its only login.
export SLAXTRACT="$SLX"
RUN="$top_srcdir/scripts/shard-run" MERGE="$top_srcdir/scripts/shard-merge"
"$RUN" 3 "$T/sh" 1 -- "$T/arch0"
SLURM_ARRAY_TASK_ID=2 "$RUN" 3 "$T/sh" -- "$T/arch0"
JOB_COMPLETION_INDEX=2 "$RUN" 3 "$T/sh" -- "$T/arch0"
"$MERGE" 3 "$T/sh"
"$SLX" -q "$T/arch0" | sort >"$T/whole"
sort "$T/sh/all.jsonl" >"$T/merged"
check "shard recipes (K, Slurm, Kubernetes), merged: one run" '[ -s "$T/whole" ] && cmp -s "$T/whole" "$T/merged"'
rm "$T/sh/shard-2-of-3.jsonl"
"$MERGE" 3 "$T/sh" "$T/none.jsonl" 2>"$T/err"; st=$?
check "shard-merge: a missing shard is named, nothing written" '[ $st -eq 1 ] && grep -q "shard 2 of 3" "$T/err" && [ ! -e "$T/none.jsonl" ]'
printf ':\n' >"$T/sshlogins"
parallel --will-cite --sshloginfile "$T/sshlogins" "$RUN" 3 "$T/par" {} -- "$T/arch0" ::: 1 2 3; st=$?
"$MERGE" 3 "$T/par"
sort "$T/par/all.jsonl" >"$T/merged"
check "GNU parallel recipe: the shards merged are one run" '[ $st -eq 0 ] && cmp -s "$T/whole" "$T/merged"'

# --cache: a re-run takes unchanged documents from the cache, unread (under a
# --timeout no reading could meet), byte for byte; a changed one is read; a
# file that is no cache is moved aside and a new one made.
mkdir -p "$T/arch"
cp "$SEED" "$T/arch/a.txt"; cp "$top_srcdir/corpus/002_a6f81986ff207687.txt" "$T/arch/b.txt"
cp "$top_srcdir/corpus/134_workbook_cover_sample.xlsx" "$T/arch/c.xlsx"
"$SLX" -q --cache "$T/cache.db" "$T/arch" >"$T/run1"; st=$?
"$SLX" -q --cache "$T/cache.db" --timeout 0.000001 "$T/arch" >"$T/run2"; st2=$?
check "--cache: the re-run is the first, unread" '[ $st -eq 0 ] && [ $st2 -eq 0 ] && cmp -s "$T/run1" "$T/run2" && [ $(wc -l <"$T/run2") -eq 3 ]'
cp "$top_srcdir/corpus/003_52953a724f7f6c3d.txt" "$T/arch/b.txt"
"$SLX" -q --cache "$T/cache.db" "$T/arch" >"$T/run3"
check "--cache: a changed document is read again" '! cmp -s "$T/run1" "$T/run3" && sed -n 1p "$T/run3" | cmp -s - "$(sed -n 1p "$T/run1" >"$T/l1"; echo "$T/l1")"'
# Interrupted while it writes the cache, the next run finds it sound.
mkdir -p "$T/arch2"; cp "$T/arch/"* "$T/arch2/"; cp "$T/slow.txt" "$T/arch2/z-slow.txt"
"$SLX" -q -j 1 --cache "$T/int.db" "$T/arch2" >/dev/null 2>&1 &
pid=$!
sleep 1; kill -INT $pid; wait $pid 2>/dev/null
"$SLX" --cache "$T/int.db" "$T/arch" >"$T/after" 2>"$T/err"; st=$?
check "--cache interrupted by SIGINT: the next run finds it sound" '[ $st -eq 0 ] && ! grep -q "not a usable cache" "$T/err" && [ $(wc -l <"$T/after") -eq 3 ]'
echo "not a database" >"$T/bad.db"
"$SLX" --cache "$T/bad.db" "$SEED" >"$T/run4" 2>"$T/err"; st=$?
check "--cache: a damaged cache is moved aside and made anew" '[ $st -eq 0 ] && grep -q "not a usable cache" "$T/err" && [ -s "$T/bad.db.damaged" ] && grep -q "\"error\":null" "$T/run4"'

# requirement checks (doc/output.md §7)
REQ="$top_srcdir/patterns/requirements/example.ini"
"$SLX" --requirements "$REQ" "$SEED" >"$T/checked" 2>"$T/err"; st=$?
check "--requirements: exit 0, a checks array" '[ $st -eq 0 ] && grep -q "\"checks\":\[{\"id\":\"service-hours\"" "$T/checked"'
check "--requirements: rpo passes with its reason" 'grep -q "\"id\":\"rpo\",\"label\":\"RPO 24時間以内\",\"item\":\"29\",\"result\":\"pass\",\"because\":\"1日 (86400秒) ≤ 24h\"" "$T/checked"'
"$SLX" "$SEED" >"$T/unchecked"
check "without --requirements: no checks member" '! grep -q "\"checks\"" "$T/unchecked"'
"$SLX" --requirements "$REQ" --fail-on-check "$SEED" >/dev/null 2>&1; st=$?
check "--fail-on-check with a failed check: exit 3" '[ $st -eq 3 ]'
"$SLX" --requirements "$REQ" --fail-on-check "$SEED" "$T/missing.txt" >/dev/null 2>&1; st=$?
check "--fail-on-check: a failed document's exit 1 comes first" '[ $st -eq 1 ]'
printf '[dr]\nitem = disaster_recovery\nkind = answer\nanswer = yes;partial;no\n' >"$T/lenient.ini"
"$SLX" --requirements "$T/lenient.ini" --fail-on-check "$SEED" >/dev/null 2>&1; st=$?
check "--fail-on-check with every check passing: exit 0" '[ $st -eq 0 ]'
printf '[rpo]\nitem = rpo\nkind = duration\nmax = soon\n' >"$T/broken.ini"
"$SLX" --requirements "$T/broken.ini" "$SEED" >/dev/null 2>"$T/err"; st=$?
check "a broken requirements file: exit 2, file:line" '[ $st -eq 2 ] && grep -q "broken.ini:4: .soon. is not a duration" "$T/err"'
"$SLX" --requirements "$T/nosuch.ini" "$SEED" >/dev/null 2>"$T/err"; st=$?
check "a missing requirements file: exit 2" '[ $st -eq 2 ]'
"$SLX" --format csv --checks "$SEED" >/dev/null 2>"$T/err"; st=$?
check "--checks without --requirements: exit 2" '[ $st -eq 2 ] && grep -q "checks goes with" "$T/err"'
"$SLX" --fail-on-check "$SEED" >/dev/null 2>"$T/err"; st=$?
check "--fail-on-check without --requirements: exit 2" '[ $st -eq 2 ]'
"$SLX" --requirements "$REQ" --format csv --checks "$SEED" "$SEED" >"$T/checks.csv"; st=$?
check "--format csv --checks: a row per (document, check)" '[ $st -eq 0 ] && [ $(wc -l <"$T/checks.csv") -eq 23 ] && head -1 "$T/checks.csv" | grep -q "file,service,id,label,item,result,because,value"'
"$SLX" --requirements "$REQ" --format html "$SEED" >"$T/checked.html"; st=$?
check "html: the checks table above the comparison, linked to the items" '[ $st -eq 0 ] && grep -q "<table id=\"checks\">" "$T/checked.html" && grep -q "href=\"#item-29\"" "$T/checked.html" && grep -q "id=\"item-29\"" "$T/checked.html"'

finish
