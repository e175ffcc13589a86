/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_read_sheet.c — workbooks → blocks: xlsx packages built here in
 * memory (libzip), part by part, so that each case shows the XML it reads;
 * ODS the same; the corpus .xls read by FreeXL against its .xlsx twin;
 * which bytes are a workbook; number formats, table-driven; and the
 * bounds (a zip bomb, a cell at XFD, a DTD). */
#include "error.h"
#include "read.h"
#include "read_sheet.h"
#include "sheet/numfmt.h"
#include "testutil.h"

#include <zip.h>

/* ---- building packages ------------------------------------------------- */

typedef struct {
    const char *name, *data;
} Part;

/* A zip of PARTS (NULL-terminated by name), as bytes. */
static GBytes *
zip_of(const Part *parts)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_source_keep(src);
    zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    assert_non_null(za);
    for (const Part *p = parts; p->name; p++) {
        zip_source_t *s = zip_source_buffer(za, p->data, strlen(p->data), 0);
        assert_true(zip_file_add(za, p->name, s, ZIP_FL_ENC_UTF_8) >= 0);
    }
    assert_int_equal(zip_close(za), 0);
    assert_int_equal(zip_source_open(src), 0);
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t len = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    guint8 *buf = g_malloc((gsize)len);
    assert_int_equal(zip_source_read(src, buf, (zip_uint64_t)len), len);
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&ze);
    return g_bytes_new_take(buf, (gsize)len);
}

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static const char xlsx_types[] =
    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";
static const char xlsx_rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL "officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>";
/* Two sheets, the second listed first; shared strings and styles. */
static const char xlsx_workbook_rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" REL "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL "worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL "sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"" REL "styles\" Target=\"styles.xml\"/>"
    "</Relationships>";

/* An xlsx package of WORKBOOK, SHEET1, SHEET2, STRINGS and STYLES (NULL:
 * an empty part of its kind). */
static GBytes *
xlsx_of(const char *workbook, const char *sheet1, const char *sheet2, const char *strings,
        const char *styles)
{
    g_autofree char *wb = g_strdup_printf(
        "<workbook " NS ">%s</workbook>",
        workbook ? workbook : "<sheets><sheet name=\"S1\" sheetId=\"1\" r:id=\"rId1\"/></sheets>");
    g_autofree char *s1 = g_strdup_printf("<worksheet " NS ">%s</worksheet>", sheet1 ? sheet1 : "");
    g_autofree char *s2 = g_strdup_printf("<worksheet " NS ">%s</worksheet>", sheet2 ? sheet2 : "");
    g_autofree char *ss = g_strdup_printf("<sst " NS ">%s</sst>", strings ? strings : "");
    g_autofree char *st = g_strdup_printf("<styleSheet " NS ">%s</styleSheet>", styles ? styles : "");
    const Part parts[] = {
        {"[Content_Types].xml", xlsx_types}, {"_rels/.rels", xlsx_rels},
        {"xl/workbook.xml", wb}, {"xl/_rels/workbook.xml.rels", xlsx_workbook_rels},
        {"xl/worksheets/sheet1.xml", s1}, {"xl/worksheets/sheet2.xml", s2},
        {"xl/sharedStrings.xml", ss}, {"xl/styles.xml", st}, {NULL, NULL},
    };
    return zip_of(parts);
}

/* The blocks of a document, one per line: "sheet S1", "row a|b|c". */
static char *
blocks_of(const SlxDocument *doc)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < doc->blocks->len; i++) {
        const SlxBlock *b = g_ptr_array_index(doc->blocks, i);
        g_string_append_printf(s, "%s%s ", s->len ? "\n" : "", slx_block_kind_name(b->kind));
        for (guint c = 0; c < b->cells->len; c++)
            g_string_append_printf(s, "%s%s", c ? "|" : "", slx_block_cell(b, c));
    }
    return g_string_free(s, FALSE);
}

static char *
read_workbook(GBytes *bytes, guint *sheets, GPtrArray **warnings)
{
    gsize len;
    const guint8 *data = g_bytes_get_data(bytes, &len);
    GError *e = NULL;
    guint n;
    SlxDocument *doc = slx_read_workbook(slx_workbook_kind(data, len), data, len, &n, &e);
    if (doc == NULL)
        fail_msg("%s", e->message);
    if (sheets)
        *sheets = n;
    char *text = blocks_of(doc);
    if (warnings)
        *warnings = g_ptr_array_ref(doc->warnings);
    slx_document_free(doc);
    return text;
}

#define ROW(r, cells) "<row r=\"" #r "\">" cells "</row>"
#define STR(ref, i) "<c r=\"" ref "\" t=\"s\"><v>" #i "</v></c>"
#define NUM(ref, style, v) "<c r=\"" ref "\" s=\"" #style "\"><v>" v "</v></c>"

/* ---- xlsx -------------------------------------------------------------- */

typedef struct {
    const char *name;
    const char *workbook, *sheet1, *sheet2, *strings, *styles;
    const char *want;
} XlsxCase;

static const char xlsx_styles[] =
    "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"0&quot;世代&quot;\"/></numFmts>"
    "<cellStyleXfs><xf numFmtId=\"0\"/></cellStyleXfs>"   /* not a cell format */
    "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/>"
    "<xf numFmtId=\"165\"/><xf numFmtId=\"10\"/></cellXfs>";

static const XlsxCase xlsx_cases[] = {
    {"shared strings: rich runs joined, furigana left out", NULL,
     "<sheetData>" ROW(1, STR("A1", 0) STR("B1", 1)) "</sheetData>", NULL,
     "<si><r><rPr><b/></rPr><t>平日 9:00~18:00</t></r><r><t xml:space=\"preserve\"> (祝日除く)</t></r></si>"
     "<si><t>稼働率</t><rPh sb=\"0\" eb=\"3\"><t>カドウリツ</t></rPh><phoneticPr fontId=\"1\"/></si>",
     NULL, "sheet S1\nrow 平日 9:00~18:00 (祝日除く)|稼働率"},
    {"numbers through their formats", NULL,
     "<sheetData>" ROW(1, NUM("A1", 1, "0.999") NUM("B1", 2, "46113") NUM("C1", 3, "7")
                          NUM("D1", 4, "0.9995") NUM("E1", 0, "99.9") NUM("F1", 9, "3"))
     "</sheetData>", NULL, NULL, xlsx_styles, "sheet S1\nrow 99.9%|2026/4/1|7世代|99.95%|99.9|3"},
    {"the 1904 date system",
     "<workbookPr date1904=\"1\"/><sheets><sheet name=\"S1\" sheetId=\"1\" r:id=\"rId1\"/></sheets>",
     "<sheetData>" ROW(1, NUM("A1", 2, "0")) "</sheetData>", NULL, NULL, xlsx_styles,
     "sheet S1\nrow 1904/1/1"},
    {"inline strings, booleans, errors, formulas by their cached value", NULL,
     "<sheetData>" ROW(1, "<c r=\"A1\" t=\"inlineStr\"><is><t>有</t></is></c>"
                          "<c r=\"B1\" t=\"b\"><v>1</v></c><c r=\"C1\" t=\"e\"><v>#N/A</v></c>"
                          "<c r=\"D1\" t=\"str\"><f>A1&amp;\"り\"</f><v>有り</v></c>"
                          "<c r=\"E1\"><f>1+1</f></c>") "</sheetData>",
     NULL, NULL, NULL, "sheet S1\nrow 有|TRUE|#N/A|有り"},
    {"escapes: _x000D_ dropped, _x005F_ an underscore", NULL,
     "<sheetData>" ROW(1, STR("A1", 0)) "</sheetData>", NULL,
     "<si><t>1行目_x000D_\n2行目_x005F_x</t></si>", NULL, "sheet S1\nrow 1行目\n2行目_x"},
    {"sheets in workbook order, hidden sheets left out",
     "<sheets><sheet name=\"回答\" sheetId=\"2\" r:id=\"rId2\"/>"
     "<sheet name=\"集計\" sheetId=\"3\" r:id=\"rId1\" state=\"hidden\"/></sheets>",
     "<sheetData>" ROW(1, STR("A1", 1)) "</sheetData>",
     "<sheetData>" ROW(1, STR("A1", 0)) "</sheetData>", "<si><t>見える</t></si><si><t>隠れ</t></si>",
     NULL, "sheet 回答\nrow 見える"},
    {"hidden rows and columns left out, blank rows skipped", NULL,
     "<cols><col min=\"2\" max=\"2\" hidden=\"1\"/></cols><sheetData>"
     ROW(1, STR("A1", 0) STR("B1", 1) STR("C1", 0)) "<row r=\"2\" hidden=\"1\">" STR("A2", 1) "</row>"
     ROW(3, "<c r=\"A3\" s=\"0\"/>") ROW(4, STR("C4", 0)) "</sheetData>",
     NULL, "<si><t>a</t></si><si><t>b</t></si>", NULL, "sheet S1\nrow a|a\nrow |a"},
    {"a merged cell copied into the rows it covers, first column only", NULL,
     "<sheetData>" ROW(1, STR("A1", 0) STR("C1", 1)) ROW(2, STR("C2", 1)) ROW(3, STR("C3", 1))
     "</sheetData><mergeCells><mergeCell ref=\"A1:B2\"/></mergeCells>",
     NULL, "<si><t>可用性</t></si><si><t>x</t></si>", NULL,
     "sheet S1\nrow 可用性||x\nrow 可用性||x\nrow ||x"},
    {"cells without references follow each other", NULL,
     "<sheetData><row>" STR("", 0) STR("", 1) "</row><row>" STR("", 1) "</row></sheetData>",
     NULL, "<si><t>a</t></si><si><t>b</t></si>", NULL, "sheet S1\nrow a|b\nrow b"},
};

static void
test_xlsx_cases(void **state)
{
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(xlsx_cases); i++) {
        const XlsxCase *c = &xlsx_cases[i];
        g_autoptr(GBytes) b = xlsx_of(c->workbook, c->sheet1, c->sheet2, c->strings, c->styles);
        g_autofree char *got = read_workbook(b, NULL, NULL);
        if (strcmp(got, c->want) != 0)
            fail_msg("%s:\n  got  %s\n  want %s", c->name, got, c->want);
    }
}

/* A shared-strings part with a DTD and an entity: nothing of it is read. */
static void
test_xlsx_dtd(void **state)
{
    (void)state;
    const char *strings = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"AAAAAAAAAA\">"
                          "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                          "<sst " NS "><si><t>&b;</t></si></sst>";
    g_autofree char *s1 = g_strdup_printf("<worksheet " NS "><sheetData>" ROW(1, STR("A1", 0))
                                          "</sheetData></worksheet>");
    const Part parts[] = {
        {"[Content_Types].xml", xlsx_types}, {"_rels/.rels", xlsx_rels},
        {"xl/workbook.xml", "<workbook " NS "><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels", xlsx_workbook_rels},
        {"xl/worksheets/sheet1.xml", s1}, {"xl/sharedStrings.xml", strings}, {NULL, NULL},
    };
    g_autoptr(GBytes) b = zip_of(parts);
    g_autofree char *got = read_workbook(b, NULL, NULL);
    assert_string_equal(got, "sheet S");
}

/* A cell at XFD1 costs nothing: it is dropped, and the document says so. */
static void
test_xlsx_far_column(void **state)
{
    (void)state;
    g_autoptr(GBytes) b = xlsx_of(NULL, "<sheetData>" ROW(1, STR("A1", 0) STR("XFD1", 0))
                                  "<row r=\"1048576\">" STR("A1048576", 0) "</row></sheetData>",
                                  NULL, "<si><t>a</t></si>", NULL);
    GPtrArray *w;
    g_autofree char *got = read_workbook(b, NULL, &w);
    assert_string_equal(got, "sheet S1\nrow a\nrow a");
    assert_int_equal(w->len, 1);
    assert_non_null(strstr(g_ptr_array_index(w, 0), "beyond column"));
    g_ptr_array_unref(w);
}

/* A sheet part that inflates a thousand times is read up to its bound
 * only, and the document says so. */
static void
test_xlsx_zip_bomb(void **state)
{
    (void)state;
    GString *sheet = g_string_new("<worksheet " NS "><sheetData>" ROW(1, STR("A1", 0)));
    for (guint i = 0; i < (10u << 20); i++)
        g_string_append(sheet, "<x/>");
    g_string_append(sheet, "</sheetData></worksheet>");
    const Part parts[] = {
        {"[Content_Types].xml", xlsx_types}, {"_rels/.rels", xlsx_rels},
        {"xl/workbook.xml", "<workbook " NS "><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels", xlsx_workbook_rels},
        {"xl/worksheets/sheet1.xml", sheet->str}, {"xl/sharedStrings.xml", "<sst " NS "><si><t>a</t></si></sst>"},
        {NULL, NULL},
    };
    g_autoptr(GBytes) b = zip_of(parts);
    g_string_free(sheet, TRUE);
    assert_true(g_bytes_get_size(b) < (1 << 20));
    GPtrArray *w;
    g_autofree char *got = read_workbook(b, NULL, &w);
    assert_string_equal(got, "sheet S\nrow a");     /* the row before the bound */
    gboolean warned = FALSE;
    for (guint i = 0; i < w->len; i++)
        warned = warned || strstr(g_ptr_array_index(w, i), "zip bomb") != NULL;
    assert_true(warned);
    g_ptr_array_unref(w);
}

/* A part cut short (a damaged file): the rows before the damage are read
 * (libxml2's reader gives up on the chunk it meets the error in), and the
 * document says where it stopped. */
static void
test_xlsx_damaged_part(void **state)
{
    (void)state;
    GString *rows = g_string_new("<sheetData>");
    for (guint r = 1; r <= 200; r++)
        g_string_append_printf(rows, "<row r=\"%u\"><c r=\"A%u\" t=\"s\"><v>0</v></c></row>", r, r);
    g_string_append(rows, "<row r=\"201\"><c r=\"A201\" t=\"s\"><v>0");
    g_autoptr(GBytes) b = xlsx_of(NULL, rows->str, NULL, "<si><t>a</t></si>", NULL);
    g_string_free(rows, TRUE);
    GPtrArray *w;
    g_autofree char *got = read_workbook(b, NULL, &w);
    assert_true(g_str_has_prefix(got, "sheet S1\nrow a\nrow a\n"));
    assert_int_equal(w->len, 1);
    assert_non_null(strstr(g_ptr_array_index(w, 0), "damaged XML"));
    assert_non_null(strstr(g_ptr_array_index(w, 0), "xl/worksheets/sheet1.xml"));
    g_ptr_array_unref(w);
}

/* ---- ods ----------------------------------------------------------------- */

#define ODS_NS "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
               "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
               "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
               "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""

static GBytes *
ods_of(const char *styles, const char *tables)
{
    g_autofree char *content = g_strdup_printf(
        "<office:document-content " ODS_NS "><office:automatic-styles>%s</office:automatic-styles>"
        "<office:body><office:spreadsheet>%s</office:spreadsheet></office:body>"
        "</office:document-content>", styles ? styles : "", tables);
    const Part parts[] = {
        {"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
        {"content.xml", content}, {NULL, NULL},
    };
    return zip_of(parts);
}

#define CELL(t) "<table:table-cell><text:p>" t "</text:p></table:table-cell>"

static const struct {
    const char *name, *styles, *tables, *want;
} ods_cases[] = {
    {"paragraphs, spaces, tabs and line breaks; comments left out", NULL,
     "<table:table table:name=\"回答\"><table:table-row>"
     "<table:table-cell><office:annotation><text:p>社内メモ</text:p></office:annotation>"
     "<text:p>平日<text:s text:c=\"2\"/>9:00<text:tab/>x</text:p><text:p>2行目<text:line-break/>3</text:p>"
     "</table:table-cell></table:table-row></table:table>",
     "sheet 回答\nrow 平日  9:00\tx\n2行目\n3"},
    {"repeated rows and cells: an empty run moves on, a filled one is copied", NULL,
     "<table:table table:name=\"S\"><table:table-row>"
     "<table:table-cell table:number-columns-repeated=\"2\"><text:p>a</text:p></table:table-cell>"
     "<table:table-cell table:number-columns-repeated=\"16000\"/>" CELL("z") "</table:table-row>"
     "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell/></table:table-row>"
     "<table:table-row table:number-rows-repeated=\"2\">" CELL("b") "</table:table-row></table:table>",
     "sheet S\nrow a|a\nrow b\nrow b"},
    {"a merged cell copied down; covered cells show nothing", NULL,
     "<table:table table:name=\"S\"><table:table-row>"
     "<table:table-cell table:number-rows-spanned=\"2\"><text:p>可用性</text:p></table:table-cell>"
     CELL("x") "</table:table-row><table:table-row>"
     "<table:covered-table-cell><text:p>古い値</text:p></table:covered-table-cell>" CELL("y")
     "</table:table-row></table:table>",
     "sheet S\nrow 可用性|x\nrow 可用性|y"},
    {"hidden rows, columns and sheets left out; a value without text",
     "<style:style style:name=\"ta2\" style:family=\"table\">"
     "<style:table-properties table:display=\"false\"/></style:style>",
     "<table:table table:name=\"隠し\" table:style-name=\"ta2\"><table:table-row>" CELL("h")
     "</table:table-row></table:table><table:table table:name=\"S\">"
     "<table:table-column/><table:table-column table:visibility=\"collapse\"/>"
     "<table:table-row>" CELL("a") CELL("b")
     "<table:table-cell office:value-type=\"float\" office:value=\"0.5\"/></table:table-row>"
     "<table:table-row table:visibility=\"collapse\">" CELL("c") "</table:table-row></table:table>",
     "sheet S\nrow a|0.5"},
};

static void
test_ods_cases(void **state)
{
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(ods_cases); i++) {
        g_autoptr(GBytes) b = ods_of(ods_cases[i].styles, ods_cases[i].tables);
        g_autofree char *got = read_workbook(b, NULL, NULL);
        if (strcmp(got, ods_cases[i].want) != 0)
            fail_msg("%s:\n  got  %s\n  want %s", ods_cases[i].name, got, ods_cases[i].want);
    }
}

/* ---- xls: FreeXL reads what LibreOffice saved as the .xlsx says ------ */

static char *
read_file_blocks(const char *name, guint *sheets)
{
    g_autofree char *path = g_build_filename(SLX_SOURCE_DIR, "corpus", name, NULL);
    gchar *data;
    gsize len;
    assert_true(g_file_get_contents(path, &data, &len, NULL));
    g_autoptr(GBytes) b = g_bytes_new_take(data, len);
    return read_workbook(b, sheets, NULL);
}

/* The same sheet saved as .xls and as .xlsx gives the same cells, except
 * where the .xlsx copies a merged cell down: FreeXL does not say which
 * cells are merged, so the .xls leaves the rows below empty. */
/* Bytes that are not UTF-8 in a cell (libxml2 recovers past them, as it
 * must to read damaged files) are no cell text as they stand: each is
 * U+FFFD, and every block is UTF-8.  The workbook is the one the fuzzer
 * found (tests/fuzz/regress/read_workbook/). */
static void
test_ods_invalid_utf8(void **state)
{
    (void)state;
    g_autofree char *path = g_build_filename(SLX_SOURCE_DIR, "tests", "fuzz", "regress",
                                             "read_workbook", "invalid-utf8-cells.ods", NULL);
    char *data;
    gsize len;
    assert_true(g_file_get_contents(path, &data, &len, NULL));
    g_autoptr(GBytes) b = g_bytes_new_take(data, len);
    g_autofree char *got = read_workbook(b, NULL, NULL);
    assert_true(g_utf8_validate(got, -1, NULL));
    assert_non_null(strstr(got, "\xef\xbf\xbd"));   /* U+FFFD */
}

static void
test_xls_like_xlsx(void **state)
{
    (void)state;
    guint xls_sheets, xlsx_sheets;
    g_autofree char *xls = read_file_blocks("003_52953a724f7f6c3d.xls", &xls_sheets);
    g_autofree char *xlsx = read_file_blocks("003_52953a724f7f6c3d.xlsx", &xlsx_sheets);
    assert_int_equal(xls_sheets, 1);
    assert_int_equal(xlsx_sheets, 1);
    g_auto(GStrv) a = g_strsplit(xls, "\n", -1), b = g_strsplit(xlsx, "\n", -1);
    assert_int_equal(g_strv_length(a), g_strv_length(b));
    guint merged = 0;
    for (guint i = 0; a[i]; i++) {
        g_auto(GStrv) ca = g_strsplit(a[i], "|", -1), cb = g_strsplit(b[i], "|", -1);
        g_auto(GStrv) above = g_strsplit(i > 0 ? b[i - 1] : "", "|", -1);
        assert_int_equal(g_strv_length(ca), g_strv_length(cb));
        for (guint c = 0; ca[c]; c++) {
            if (strcmp(ca[c], cb[c]) == 0)
                continue;
            if (*ca[c] == '\0' && c < g_strv_length(above) && strcmp(cb[c], above[c]) == 0) {
                merged++;
                continue;
            }
            fail_msg("line %u cell %u: xls %s, xlsx %s", i + 1, c + 1, ca[c], cb[c]);
        }
    }
    assert_true(merged > 0);
}

/* ---- which bytes are a workbook ------------------------------------------ */

static void
test_kind(void **state)
{
    (void)state;
    g_autoptr(GBytes) xlsx = xlsx_of(NULL, NULL, NULL, NULL, NULL);
    g_autoptr(GBytes) ods = ods_of(NULL, "");
    const Part docx_parts[] = {
        {"[Content_Types].xml", "<Types><Override ContentType=\"application/vnd.openxmlformats-"
                                "officedocument.wordprocessingml.document.main+xml\"/></Types>"},
        {NULL, NULL}};
    g_autoptr(GBytes) docx = zip_of(docx_parts);
    const Part odt_parts[] = {{"mimetype", "application/vnd.oasis.opendocument.text"}, {NULL, NULL}};
    g_autoptr(GBytes) odt = zip_of(odt_parts);
    const Part xlsb_parts[] = {
        {"[Content_Types].xml", "<Types><Override ContentType=\"application/vnd.ms-excel.sheet."
                                "binary.macroEnabled.main\"/></Types>"},
        {NULL, NULL}};
    g_autoptr(GBytes) xlsb = zip_of(xlsb_parts);
    /* OLE2 compound files: a directory entry at 512 + 128 names a stream. */
    guint8 ole[1024] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    const struct {
        const char *name;
        const guint8 *data;
        gsize len;
        SlxWorkbookKind kind;
    } cases[] = {
        {"xlsx", g_bytes_get_data(xlsx, NULL), g_bytes_get_size(xlsx), SLX_WORKBOOK_XLSX},
        {"ods", g_bytes_get_data(ods, NULL), g_bytes_get_size(ods), SLX_WORKBOOK_ODS},
        {"docx", g_bytes_get_data(docx, NULL), g_bytes_get_size(docx), SLX_WORKBOOK_NONE},
        {"odt", g_bytes_get_data(odt, NULL), g_bytes_get_size(odt), SLX_WORKBOOK_NONE},
        {"xlsb", g_bytes_get_data(xlsb, NULL), g_bytes_get_size(xlsb), SLX_WORKBOOK_BINARY},
        {"a damaged zip", (const guint8 *)"PK\003\004garbage", 11, SLX_WORKBOOK_NONE},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
        if (slx_workbook_kind(cases[i].data, cases[i].len) != cases[i].kind)
            fail_msg("%s: not judged as it is", cases[i].name);
    static const struct {
        const char *stream;
        SlxWorkbookKind kind;
    } streams[] = {
        {"Workbook", SLX_WORKBOOK_XLS}, {"Book", SLX_WORKBOOK_XLS},
        {"EncryptedPackage", SLX_WORKBOOK_ENCRYPTED}, {"WordDocument", SLX_WORKBOOK_NONE},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(streams); i++) {
        memset(ole + 8, 0, sizeof ole - 8);
        for (gsize k = 0; streams[i].stream[k]; k++)
            ole[640 + 2 * k] = (guint8)streams[i].stream[k];
        if (slx_workbook_kind(ole, sizeof ole) != streams[i].kind)
            fail_msg("OLE2 with %s: not judged as it is", streams[i].stream);
    }
    /* The format read.c reports, and an encrypted workbook's error. */
    assert_int_equal(slx_sniff_format(g_bytes_get_data(ods, NULL), g_bytes_get_size(ods)),
                     SLX_FORMAT_ODS);
    memset(ole + 8, 0, sizeof ole - 8);
    for (gsize k = 0; k < 16; k++)
        ole[640 + 2 * k] = (guint8)"EncryptedPackage"[k];
    GError *e = NULL;
    guint n;
    assert_null(slx_read_workbook(SLX_WORKBOOK_ENCRYPTED, ole, sizeof ole, &n, &e));
    assert_int_equal(e->code, SLX_ERROR_ENCRYPTED);
    g_clear_error(&e);
    /* An OLE2 file that says Workbook but is none: FreeXL's error, not a crash. */
    memset(ole + 8, 0, sizeof ole - 8);
    for (gsize k = 0; k < 8; k++)
        ole[640 + 2 * k] = (guint8)"Workbook"[k];
    assert_null(slx_read_workbook(SLX_WORKBOOK_XLS, ole, sizeof ole, &n, &e));
    assert_int_equal(e->code, SLX_ERROR_WORKBOOK);
    g_clear_error(&e);
    /* An .xlsb says what it is. */
    assert_null(slx_read_workbook(SLX_WORKBOOK_BINARY, g_bytes_get_data(xlsb, NULL),
                                  g_bytes_get_size(xlsb), &n, &e));
    assert_non_null(strstr(e->message, ".xlsb"));
    g_clear_error(&e);
    /* A zip with the content type but no workbook part. */
    const Part empty_parts[] = {{"[Content_Types].xml", xlsx_types}, {NULL, NULL}};
    g_autoptr(GBytes) empty = zip_of(empty_parts);
    assert_null(slx_read_workbook(SLX_WORKBOOK_XLSX, g_bytes_get_data(empty, NULL),
                                  g_bytes_get_size(empty), &n, &e));
    assert_int_equal(e->code, SLX_ERROR_WORKBOOK);
    g_clear_error(&e);
}

/* ---- number formats ------------------------------------------------------ */

static const struct {
    const char *code;
    double value;
    const char *want;
} formats[] = {
    {NULL, 0.1 + 0.2, "0.3"},           /* General: what the cell shows, not the binary */
    {"General", 99.9, "99.9"},
    {"General", 1.0 / 3, "0.333333333"},    /* eleven characters, as a default column shows it */
    {"General", 123456789012.0, "1.23457E+11"},
    {"General", -5, "-5"},
    {"0", 7.5, "8"},
    {"0.0%", 0.999, "99.9%"},
    {"0.00%", 0.9995, "99.95%"},
    {"0%", -0.25, "-25%"},
    {"#,##0", 1234567, "1,234,567"},
    {"#,##0.00", 1234.5, "1,234.50"},
    {"0.00", 2.675, "2.68"},            /* halves away from zero, as shown */
    {"0.0#", 1.5, "1.5"},
    {"0.0#", 1.25, "1.25"},
    {"#.00", 0.5, ".50"},
    {"0,", 12345, "12"},                /* a trailing comma scales by 1000 */
    {"000-0000", 1234567, "123-4567"},
    {"0.00E+00", 12345, "1.23E+04"},
    {"0\"世代\"", 7, "7世代"},
    {"\"¥\"#,##0", 5000, "¥5,000"},
    {"[$¥-411]#,##0", 5000, "¥5,000"},
    {"#,##0;[Red]-#,##0", -1234, "-1,234"},
    {"0;(0);\"-\"", -3, "(3)"},
    {"0;(0);\"-\"", 0, "-"},
    {"[>=100]\"多\";\"少\"", 150, "多"},
    {"[>=100]\"多\";\"少\"", 5, "少"},
    {"General\"件\"", 3, "3件"},
    {"@", 12, "12"},
    {"# ?/?", 1.5, "1.5"},              /* fractions: shown as General */
    {"0_);(0)", 3, "3 "},
    {"yyyy/m/d", 46113, "2026/4/1"},
    {"yyyy\"年\"m\"月\"d\"日\"", 46113, "2026年4月1日"},
    {"[$-411]ggge\"年\"m\"月\"d\"日\"", 46113, "令和8年4月1日"},
    {"[$-411]ge.m.d", 32516, "H1.1.8"},
    {"m/d/yy", 60, "2/29/00"},          /* the 1900 system's leap day */
    {"mmm d, yyyy", 46113, "Apr 1, 2026"},
    {"dddd", 46113, "Wednesday"},
    {"aaa", 46113, "水"},
    {"h:mm", 0.5, "12:00"},
    {"h:mm AM/PM", 0.75, "6:00 PM"},
    {"hh:mm:ss", 0.000011574, "00:00:01"},
    {"[h]:mm:ss", 1.5, "36:00:00"},
    {"mm:ss.0", 0.5 / 86400, "00:00.5"},
    {"yyyy/mm/dd hh:mm", 46113.5, "2026/04/01 12:00"},
    {"yyyy/m/d", -1, "-1"},             /* before the epoch: General */
};

static void
test_numfmt(void **state)
{
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(formats); i++) {
        g_autofree char *got = slx_numfmt_format(formats[i].code, formats[i].value, FALSE);
        if (strcmp(got, formats[i].want) != 0)
            fail_msg("%s of %g: got %s, want %s", formats[i].code ? formats[i].code : "(General)",
                     formats[i].value, got, formats[i].want);
    }
    g_autofree char *d = slx_numfmt_format("yyyy/m/d", 0, TRUE);
    assert_string_equal(d, "1904/1/1");
    assert_string_equal(slx_numfmt_builtin(9), "0%");
    assert_null(slx_numfmt_builtin(23));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xlsx_cases),
        cmocka_unit_test(test_xlsx_dtd),
        cmocka_unit_test(test_xlsx_far_column),
        cmocka_unit_test(test_xlsx_zip_bomb),
        cmocka_unit_test(test_xlsx_damaged_part),
        cmocka_unit_test(test_ods_cases),
        cmocka_unit_test(test_ods_invalid_utf8),
        cmocka_unit_test(test_xls_like_xlsx),
        cmocka_unit_test(test_kind),
        cmocka_unit_test(test_numfmt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
