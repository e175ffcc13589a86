#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_xlsx.sh — the workbook read back by a real consumer (openpyxl, from
# Debian's python3-openpyxl) and its cells checked against the JSON of the
# same documents: 比較 (answer / primary, the text as a comment, frozen
# header and item columns, filters), 明細 (the rows, numbers as numbers),
# 文書 (one row per document); with requirements, 判定 (○ / × / ? and the
# reason per requirement and document, coloured by result).
set -u
TEST_NAME=xlsx
. "$(dirname "$0")/testlib.sh"
PY=/usr/bin/python3      # Debian's, where python3-openpyxl lives
cd "$top_srcdir/corpus"
set -- 00[1-4]_????????????????.txt 101_markdown_no_number_column.md 105_soumu_disclosure_lookalike.txt missing.txt

"$SLX" "$@" > "$T/all.jsonl" 2>/dev/null
"$SLX" --format xlsx -o "$T/cmp.xlsx" "$@" 2>/dev/null; st=$?
if [ "$st" -ne 1 ] || [ ! -s "$T/cmp.xlsx" ]; then
    echo "FAIL - slaxtract --format xlsx: exit $st"; echo "xlsx: 0 passed, 1 failed"; exit 1
fi
# With requirements: the 判定 sheet after 比較, one row per requirement.
REQ="$top_srcdir/patterns/requirements/example.ini"
"$SLX" --requirements "$REQ" "$@" > "$T/checked.jsonl" 2>/dev/null
"$SLX" --requirements "$REQ" --format xlsx -o "$T/checked.xlsx" "$@" 2>/dev/null
# A response longer than a cell holds (Excel: 32767 characters).
{
    printf 'No.\t項目\t回答\n1\tサービス時間\t'
    head -c 40000 /dev/zero | tr '\0' 'x'
    printf '\n'
} >"$T/long.txt"
"$SLX" --format xlsx -o "$T/long.xlsx" "$T/long.txt" 2>"$T/long.err"
grep -q "1 response longer than a workbook cell holds (32767 characters) was cut" "$T/long.err" ||
    { echo "FAIL - a cut response is named on stderr"; cat "$T/long.err"; echo "xlsx: 0 passed, 1 failed"; exit 1; }
"$PY" - "$T/cmp.xlsx" "$T/all.jsonl" "$T/checked.xlsx" "$T/checked.jsonl" "$T/long.xlsx" <<'PYEOF'
import json, sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
docs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
passed = failed = 0
def check(what, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL -", what, detail)

label = {"yes": "有", "partial": "一部", "no": "無", "undisclosed": "非公開",
         "not_applicable": "該当なし", "unknown": "不明"}
check("three sheets", wb.sheetnames == ["比較", "明細", "文書"], wb.sheetnames)

cmp = wb["比較"]
check("比較: a row per catalog item, then the flags' legend", cmp.cell(50, 3).value is not None and
      cmp.cell(51, 3).value is None and cmp.cell(52, 3).value.startswith("⚑"), cmp.max_row)
check("比較: the legend names every flag", [cmp.cell(r, 3).value.split(":")[0] for r in range(53, 60)] ==
      ["⚑ 番号不一致", "⚑ 規定内容不一致", "⚑ 同上", "⚑ 途切れ", "⚑ 重複", "⚑ 設定例のまま", "⚑ 低確度"])
check("比較: a column per document", cmp.max_column == 3 + len(docs), cmp.max_column)
check("比較: the page's header words", [cmp.cell(1, c).value for c in (1, 2, 3)] == ["No", "種別", "サービスレベル項目"])
check("比較: header and item columns frozen", cmp.freeze_panes == "D2", cmp.freeze_panes)
check("比較: filters on", cmp.auto_filter.ref is not None)
for name in ("比較",):
    ws = wb[name]
    check(f"{name}: A4 landscape, fit to the page's width",
          ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9" and
          ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (1, None) and
          ws.page_setup.fitToHeight == 0, (ws.page_setup.orientation, ws.page_setup.paperSize))
    check(f"{name}: the header row and the item columns on every page",
          ws.print_title_rows in ("1:1", "$1:$1") and ws.print_title_cols in ("A:C", "$A:$C"),
          (ws.print_title_rows, ws.print_title_cols))
flag_words = {"number_mismatch": "番号不一致", "template_mismatch": "規定内容不一致", "same_as_previous": "同上",
              "truncated": "途切れ", "duplicate": "重複", "template_example": "設定例のまま",
              "low_confidence": "低確度"}
flagged = 0
for j, d in enumerate(docs):
    col = 4 + j
    head = d["service"] or d["file"].split("/")[-1]
    got = cmp.cell(1, col).value
    if d["error"]:
        check(f"比較: a failed document's header says its error: {d['file']}",
              got == head + "\nエラー " + d["error"]["code"], got)
        check(f"比較: ... and the message in its comment",
              cmp.cell(1, col).comment is not None and d["error"]["message"] in cmp.cell(1, col).comment.text)
    else:
        check(f"比較: header of {d['file']}", got == head, got)
    items = {it["id"]: it for it in d["items"]}
    for row in range(2, 51):
        iid = str(cmp.cell(row, 1).value)
        cell = cmp.cell(row, col)
        it = items.get(iid)
        if it is None:
            want = "(エラー)" if d["error"] else "(記載なし)"
            check(f"比較 {iid}/{d['file']}", cell.value == want, cell.value)
            continue
        want = label[it["answer"]] + (" ⚑" if it["flags"] else "") + ("\n" + it["primary"] if it["primary"] else "")
        check(f"比較 {iid}/{d['file']}", cell.value == want, f"{cell.value!r} != {want!r}")
        note = cell.comment.text if cell.comment else ""
        check(f"比較 comment {iid}/{d['file']}", note.startswith(it["text"][:200]) and
              "確度 %.2f" % it["confidence"] in note and ("p.%d" % it["page"] in note if it["page"] else True), note[-60:])
        for fl in it["flags"]:
            flagged += 1
            check(f"比較 comment names flag {fl} {iid}/{d['file']}", "⚑" in note and flag_words[fl] in note, note[-60:])
check("比較: some flags were there to show", flagged > 0, flagged)

det = wb["明細"]
rows = [(d, it) for d in docs for it in d["items"]]
check("明細: a row per (document, item)", det.max_row == 1 + len(rows), det.max_row)
head = [c.value for c in det[1]]
check("明細: the CSV columns", head == ["file", "service", "id", "key", "name", "category", "no",
      "answer", "primary", "values", "text", "page", "confidence", "flags"], head)
for r, (d, it) in enumerate(rows, start=2):
    got = [c.value for c in det[r]]
    check(f"明細 row {r}: id as a number", got[2] == int(it["id"]), got[2])
    check(f"明細 row {r}: answer", got[7] == it["answer"], got[7])
    check(f"明細 row {r}: confidence as a number", isinstance(got[12], (int, float)) and
          abs(got[12] - it["confidence"]) < 1e-9, got[12])
    check(f"明細 row {r}: values", json.loads(got[9]) == it["values"])

doc = wb["文書"]
check("文書: a row per document", doc.max_row == 1 + len(docs), doc.max_row)
check("文書: Japanese headers with a status", [c.value for c in doc[1]][:2] == ["ファイル", "状態"])
for r, d in enumerate(docs, start=2):
    got = [c.value for c in doc[r]]
    check(f"文書 row {r}: file", got[0] == d["file"], got[0])
    status = "エラー" if d["error"] else "警告あり" if d["warnings"] else "読込済"
    check(f"文書 row {r}: status", got[1] == status, got[1])
    check(f"文書 row {r}: items found", got[7] == len(d["items"]), got[7])
    check(f"文書 row {r}: missing", got[8] == len(d["missing"]), got[8])
    check(f"文書 row {r}: error", (got[10] is not None) == (d["error"] is not None) and
          (d["error"] is None or d["error"]["code"] in got[10] and d["error"]["message"] in got[10]), got[10])
# The workbook of the same documents checked against the example
# requirements: 判定 after 比較.
wb = openpyxl.load_workbook(sys.argv[3])
docs = [json.loads(l) for l in open(sys.argv[4], encoding="utf-8")]
check("four sheets, 判定 after 比較", wb.sheetnames == ["比較", "判定", "明細", "文書"], wb.sheetnames)
ws = wb["判定"]
checks = docs[0]["checks"]
check("判定: a row per requirement", ws.max_row == 1 + len(checks), ws.max_row)
check("判定: a column per document", ws.max_column == 3 + len(docs), ws.max_column)
check("判定: header and requirement columns frozen", ws.freeze_panes == "D2", ws.freeze_panes)
check("判定: A4 landscape, the header row and the requirement columns on every page",
      ws.page_setup.orientation == "landscape" and ws.print_title_rows in ("1:1", "$1:$1") and ws.print_title_cols in ("A:C", "$A:$C"))
mark = {"pass": "○", "fail": "×", "unknown": "?"}
fill = {"pass": "FFD9F2D0", "fail": "FFF8CBAD", "unknown": "FFE7E6E6"}
for r, c0 in enumerate(checks, start=2):
    check(f"判定 row {r}: the requirement", ws.cell(r, 1).value == c0["id"] and
          ws.cell(r, 2).value == c0["label"], ws.cell(r, 1).value)
    for k, d in enumerate(docs):
        c = d["checks"][r - 2]
        cell = ws.cell(r, 4 + k)
        want = mark[c["result"]] + " " + c["because"]
        check(f"判定 {c['id']}/{d['file']}", cell.value == want, f"{cell.value!r} != {want!r}")
        check(f"判定 colour {c['id']}/{d['file']}", cell.fill.fgColor.rgb == fill[c["result"]],
              cell.fill.fgColor.rgb)
# A 40000-character response: cut to the 32767 characters a cell holds.
det = openpyxl.load_workbook(sys.argv[5])["明細"]
text = det.cell(2, 11).value or ""
check("明細: a response longer than a cell is cut to 32767 characters, not lost",
      len(text) == 32767 and text.endswith("…") and text.startswith("xxx"), len(text))
print(f"xlsx: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PYEOF
