/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sheet/xlsx.c — an Office Open XML workbook (.xlsx, .xlsm) → blocks.
 *
 * The package is read as Excel reads it (ECMA-376 Part 1, §18): the
 * package relationships name the workbook part, the workbook's
 * relationships name its sheets, shared strings and styles; the workbook
 * lists the sheets in order.  Each part is streamed (zip.c): a sheet is
 * never a tree in memory, only the cells it holds.
 *
 * What a cell shows:
 *   - a shared or inline string, its rich-text runs joined and its
 *     phonetic runs (<rPh>, the furigana over a kanji name) left out;
 *   - a number through its style's number format (numfmt.c): 0.999 under
 *     "0.0%" is 99.9%, a date serial is a date;
 *   - a formula by its cached value; a boolean as TRUE or FALSE; an
 *     error as its code (#N/A).
 * Hidden sheets, rows and columns are a vendor's helpers, not its answer. */
#include "sheet/internal.h"
#include "sheet/numfmt.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char *name;
    char *part;        /* the sheet's part in the package */
    gboolean hidden;
} XlsxSheet;

typedef struct {
    SlxZip *zip;
    SlxDocument *doc;
    GPtrArray *strings;      /* the shared strings (char *) */
    GHashTable *formats;     /* numFmtId → custom format code (char *) */
    GArray *cell_formats;    /* cellXfs index → numFmtId (guint) */
    gboolean date1904;
    SlxCellBudget budget;    /* the workbook's cells */
} Xlsx;

static void
xlsx_sheet_clear(gpointer p)
{
    XlsxSheet *s = p;
    g_free(s->name);
    g_free(s->part);
}

/* ---- text -------------------------------------------------------------- */

/* TEXT with the escapes of ECMA-376 §22.9.2.19 decoded: _x000D_ is a
 * carriage return (dropped, the line feed after it is kept), _x005F_ an
 * underscore; any other _xHHHH_ the character it names. */
static char *
xlsx_unescape(const char *text)
{
    if (strstr(text, "_x") == NULL)
        return g_strdup(text);
    GString *out = g_string_sized_new(strlen(text));
    for (const char *p = text; *p;) {
        if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit(p[2]) && g_ascii_isxdigit(p[3]) &&
            g_ascii_isxdigit(p[4]) && g_ascii_isxdigit(p[5]) && p[6] == '_') {
            gunichar c = (gunichar)strtoul((char[]){p[2], p[3], p[4], p[5], '\0'}, NULL, 16);
            if (c != '\r' && g_unichar_validate(c) && c != 0)
                g_string_append_unichar(out, c);
            p += 7;
        } else {
            g_string_append_c(out, *p++);
        }
    }
    return g_string_free(out, FALSE);
}

/* The text of the element the reader is on (<si>, <is>, <v>, <t>), read
 * up to its end: the text of its <t> runs (or its own, for <v>), phonetic
 * runs left out. */
static char *
xlsx_element_text(xmlTextReaderPtr r)
{
    GString *text = g_string_new(NULL);
    if (xmlTextReaderIsEmptyElement(r))
        return g_string_free(text, FALSE);
    int depth = xmlTextReaderDepth(r);
    gboolean own = slx_xml_is(r, XML_READER_TYPE_ELEMENT, "v") ||
                   slx_xml_is(r, XML_READER_TYPE_ELEMENT, "t");
    int phonetic = -1, run = -1;
    int type;
    while ((type = slx_xml_next(r)) != -1) {
        int d = xmlTextReaderDepth(r);
        if (type == XML_READER_TYPE_END_ELEMENT && d == depth)
            break;
        if (type == XML_READER_TYPE_ELEMENT && !xmlTextReaderIsEmptyElement(r)) {
            if (phonetic < 0 && (slx_xml_is(r, type, "rPh") || slx_xml_is(r, type, "phoneticPr")))
                phonetic = d;
            else if (run < 0 && slx_xml_is(r, type, "t"))
                run = d;
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            if (d == phonetic)
                phonetic = -1;
            if (d == run)
                run = -1;
        } else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                    type == XML_READER_TYPE_WHITESPACE) &&
                   phonetic < 0 && (own || run >= 0)) {
            const xmlChar *v = xmlTextReaderConstValue(r);
            if (v)
                g_string_append(text, (const char *)v);
        }
    }
    char *unescaped = xlsx_unescape(text->str);
    g_string_free(text, TRUE);
    return unescaped;
}

/* ---- package structure ------------------------------------------------- */

/* TARGET of a relationship of the part in directory BASE, as a part name:
 * "/xl/workbook.xml" is absolute, "worksheets/sheet1.xml" relative, and
 * ".." climbs. */
static char *
xlsx_resolve(const char *base, const char *target)
{
    g_autofree char *joined = target[0] == '/' ? g_strdup(target + 1)
                                               : g_strconcat(base, target, NULL);
    g_auto(GStrv) parts = g_strsplit(joined, "/", -1);
    GPtrArray *kept = g_ptr_array_new();
    for (char **p = parts; *p; p++) {
        if (strcmp(*p, "..") == 0) {
            if (kept->len > 0)
                g_ptr_array_remove_index(kept, kept->len - 1);
        } else if (**p && strcmp(*p, ".") != 0) {
            g_ptr_array_add(kept, *p);
        }
    }
    g_ptr_array_add(kept, NULL);
    char *name = g_strjoinv("/", (char **)kept->pdata);
    g_ptr_array_free(kept, TRUE);
    return name;
}

/* The directory of PART with its slash ("xl/" for "xl/workbook.xml"). */
static char *
xlsx_dir(const char *part)
{
    const char *slash = strrchr(part, '/');
    return slash ? g_strndup(part, (gsize)(slash - part + 1)) : g_strdup("");
}

/* The relationships of PART: Id → resolved target, and, in TYPES, the
 * last word of each type ("worksheet", "sharedStrings", "styles") → target. */
static void
xlsx_relationships(Xlsx *x, const char *part, GHashTable *ids, GHashTable *types)
{
    g_autofree char *dir = xlsx_dir(part);
    g_autofree char *rels = g_strdup_printf("%s_rels/%s.rels", dir, part + strlen(dir));
    xmlTextReaderPtr r = slx_zip_xml(x->zip, rels);
    if (r == NULL)
        return;
    int type;
    while ((type = slx_xml_next(r)) != -1) {
        if (!slx_xml_is(r, XML_READER_TYPE_ELEMENT, "Relationship"))
            continue;
        g_autofree char *id = slx_xml_attr(r, "Id");
        g_autofree char *kind = slx_xml_attr(r, "Type");
        g_autofree char *target = slx_xml_attr(r, "Target");
        g_autofree char *mode = slx_xml_attr(r, "TargetMode");
        if (target == NULL || (mode && strcmp(mode, "External") == 0))
            continue;
        char *resolved = xlsx_resolve(dir, target);
        const char *word = kind ? strrchr(kind, '/') : NULL;
        if (types && word)
            g_hash_table_insert(types, g_strdup(word + 1), g_strdup(resolved));
        if (ids && id)
            g_hash_table_insert(ids, g_strdup(id), resolved);
        else
            g_free(resolved);
    }
    xmlFreeTextReader(r);
}

/* The workbook part the package names (an Office document's main part). */
static char *
xlsx_workbook_part(Xlsx *x)
{
    g_autoptr(GHashTable) types = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    xlsx_relationships(x, "", NULL, types);
    /* The package's own relationships are "_rels/.rels": the part "" in "". */
    const char *main_part = g_hash_table_lookup(types, "officeDocument");
    if (main_part && slx_zip_has(x->zip, main_part))
        return g_strdup(main_part);
    return slx_zip_has(x->zip, "xl/workbook.xml") ? g_strdup("xl/workbook.xml") : NULL;
}

/* The sheets the workbook lists, in order, with their parts. */
static GArray *
xlsx_sheets(Xlsx *x, const char *workbook, GHashTable *ids)
{
    GArray *sheets = g_array_new(FALSE, TRUE, sizeof(XlsxSheet));
    g_array_set_clear_func(sheets, xlsx_sheet_clear);
    xmlTextReaderPtr r = slx_zip_xml(x->zip, workbook);
    if (r == NULL)
        return sheets;
    int type;
    while ((type = slx_xml_next(r)) != -1) {
        if (slx_xml_is(r, XML_READER_TYPE_ELEMENT, "workbookPr")) {
            x->date1904 = slx_xml_attr_true(r, "date1904");
        } else if (slx_xml_is(r, XML_READER_TYPE_ELEMENT, "sheet")) {
            g_autofree char *id = slx_xml_attr(r, "id");
            g_autofree char *state = slx_xml_attr(r, "state");
            const char *part = id ? g_hash_table_lookup(ids, id) : NULL;
            if (part == NULL)
                continue;
            XlsxSheet s = {slx_xml_attr(r, "name"), g_strdup(part),
                           state && strcmp(state, "visible") != 0};
            g_array_append_val(sheets, s);
        }
    }
    xmlFreeTextReader(r);
    return sheets;
}

static void
xlsx_read_strings(Xlsx *x, const char *part)
{
    xmlTextReaderPtr r = part ? slx_zip_xml(x->zip, part) : NULL;
    if (r == NULL)
        return;
    int type;
    while ((type = slx_xml_next(r)) != -1)
        if (slx_xml_is(r, XML_READER_TYPE_ELEMENT, "si"))
            g_ptr_array_add(x->strings, xlsx_element_text(r));
    xmlFreeTextReader(r);
}

/* The custom number formats and each cell format's number format. */
static void
xlsx_read_styles(Xlsx *x, const char *part)
{
    xmlTextReaderPtr r = part ? slx_zip_xml(x->zip, part) : NULL;
    if (r == NULL)
        return;
    int type, in_cell_xfs = -1;
    while ((type = slx_xml_next(r)) != -1) {
        if (slx_xml_is(r, XML_READER_TYPE_ELEMENT, "numFmt")) {
            guint64 id = slx_xml_attr_uint(r, "numFmtId", G_MAXUINT64);
            char *code = slx_xml_attr(r, "formatCode");
            if (id != G_MAXUINT64 && code)
                g_hash_table_insert(x->formats, GUINT_TO_POINTER((guint)id), code);
            else
                g_free(code);
        } else if (slx_xml_is(r, XML_READER_TYPE_ELEMENT, "cellXfs") &&
                   !xmlTextReaderIsEmptyElement(r)) {
            in_cell_xfs = xmlTextReaderDepth(r);
        } else if (slx_xml_is(r, XML_READER_TYPE_END_ELEMENT, "cellXfs")) {
            in_cell_xfs = -1;
        } else if (in_cell_xfs >= 0 && slx_xml_is(r, XML_READER_TYPE_ELEMENT, "xf") &&
                   xmlTextReaderDepth(r) == in_cell_xfs + 1) {
            guint id = (guint)MIN(slx_xml_attr_uint(r, "numFmtId", 0), G_MAXUINT);
            g_array_append_val(x->cell_formats, id);
        }
    }
    xmlFreeTextReader(r);
}

/* ---- a sheet ----------------------------------------------------------- */

/* A cell reference ("AB12") → 0-based column and row; FALSE if it is none. */
static gboolean
xlsx_cell_ref(const char *ref, guint *col, guint *row)
{
    guint64 c = 0, n = 0;
    const char *p = ref;
    for (; g_ascii_isalpha(*p) && c < 100000; p++)
        c = c * 26 + (guint64)(g_ascii_toupper(*p) - 'A' + 1);
    for (; g_ascii_isdigit(*p) && n < 100000000; p++)
        n = n * 10 + (guint64)(*p - '0');
    if (c == 0 || n == 0 || *p)
        return FALSE;
    *col = (guint)MIN(c - 1, G_MAXUINT);
    *row = (guint)(n - 1);
    return TRUE;
}

/* What a cell of type T (the t attribute), style S and raw VALUE shows. */
static char *
xlsx_cell_text(Xlsx *x, const char *t, guint64 s, char *value)
{
    if (t && strcmp(t, "s") == 0) {
        guint64 i;
        const char *shared = NULL;
        if (g_ascii_string_to_unsigned(g_strstrip(value), 10, 0, G_MAXUINT, &i, NULL) &&
            i < x->strings->len)
            shared = g_ptr_array_index(x->strings, i);
        g_free(value);
        return g_strdup(shared ? shared : "");
    }
    if (t && strcmp(t, "b") == 0) {
        gboolean yes = strcmp(g_strstrip(value), "1") == 0;
        g_free(value);
        return g_strdup(yes ? "TRUE" : "FALSE");
    }
    if (t && strcmp(t, "n") != 0)
        return value;          /* str, inlineStr, e, d: the text itself */
    char *end;
    double number = g_ascii_strtod(value, &end);
    if (end == value || *g_strchug(end) != '\0')
        return value;
    guint id = s < x->cell_formats->len ? g_array_index(x->cell_formats, guint, s) : 0;
    const char *code = g_hash_table_lookup(x->formats, GUINT_TO_POINTER(id));
    if (code == NULL)
        code = slx_numfmt_builtin(id);
    g_free(value);
    return slx_numfmt_format(code, number, x->date1904);
}

/* Read the <c> element the reader is on into G; *COL is the next column. */
static void
xlsx_read_cell(Xlsx *x, xmlTextReaderPtr r, SlxGrid *g, guint row, guint *col)
{
    g_autofree char *ref = slx_xml_attr(r, "r");
    g_autofree char *t = slx_xml_attr(r, "t");
    guint64 s = slx_xml_attr_uint(r, "s", 0);
    guint c = *col, ref_row;
    if (ref && !xlsx_cell_ref(ref, &c, &ref_row))
        c = *col;
    *col = c + 1;
    if (xmlTextReaderIsEmptyElement(r))
        return;
    char *value = NULL;
    int depth = xmlTextReaderDepth(r), type;
    while ((type = slx_xml_next(r)) != -1) {
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth)
            break;
        if (value == NULL && (slx_xml_is(r, XML_READER_TYPE_ELEMENT, "v") ||
                              slx_xml_is(r, XML_READER_TYPE_ELEMENT, "is")))
            value = xlsx_element_text(r);
    }
    if (value)
        slx_grid_put(g, &x->budget, row, c, xlsx_cell_text(x, t, s, value));
}

static void
xlsx_read_sheet(Xlsx *x, const XlsxSheet *sheet)
{
    xmlTextReaderPtr r = slx_zip_xml(x->zip, sheet->part);
    if (r == NULL) {
        slx_document_warn(x->doc, "sheet %s: its part %s is missing", sheet->name, sheet->part);
        return;
    }
    g_autoptr(SlxGrid) g = slx_grid_new();
    guint row = 0, col = 0;
    gboolean started = FALSE;
    int type;
    while ((type = slx_xml_next(r)) != -1) {
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        if (slx_xml_is(r, type, "col") && slx_xml_attr_true(r, "hidden")) {
            guint64 lo = slx_xml_attr_uint(r, "min", 1), hi = slx_xml_attr_uint(r, "max", lo);
            for (guint64 c = MAX(lo, 1); c <= MIN(hi, SLX_GRID_MAX_COLUMNS); c++)
                slx_grid_hide_column(g, (guint)(c - 1));
        } else if (slx_xml_is(r, type, "row")) {
            guint64 n = slx_xml_attr_uint(r, "r", 0);
            row = n > 0 ? (guint)MIN(n - 1, G_MAXUINT - 1) : (started ? row + 1 : 0);
            started = TRUE;
            col = 0;
            if (slx_xml_attr_true(r, "hidden"))
                slx_grid_hide_row(g, row);
        } else if (slx_xml_is(r, type, "c")) {
            xlsx_read_cell(x, r, g, row, &col);
        } else if (slx_xml_is(r, type, "mergeCell")) {
            g_autofree char *ref = slx_xml_attr(r, "ref");
            char *colon = ref ? strchr(ref, ':') : NULL;
            guint c1, r1, c2, r2;
            if (colon) {
                *colon = '\0';
                if (xlsx_cell_ref(ref, &c1, &r1) && xlsx_cell_ref(colon + 1, &c2, &r2))
                    slx_grid_merge(g, r1, c1, r2, c2);
            }
        }
    }
    xmlFreeTextReader(r);
    slx_grid_emit(g, sheet->name, x->doc);
}

/* ---- the workbook -------------------------------------------------------- */

SlxDocument *
slx_read_xlsx(const guint8 *bytes, gsize len, guint *sheets_read, GError **error)
{
    *sheets_read = 0;
    g_autoptr(SlxZip) zip = slx_zip_open(bytes, len, error);
    if (zip == NULL)
        return NULL;
    Xlsx x = {.zip = zip};
    g_autofree char *workbook = xlsx_workbook_part(&x);
    if (workbook == NULL) {
        g_set_error(error, SLX_ERROR, SLX_ERROR_WORKBOOK,
                    "an Office package without a workbook part");
        return NULL;
    }
    g_autoptr(GHashTable) ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr(GHashTable) types = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    xlsx_relationships(&x, workbook, ids, types);
    x.doc = slx_document_new();
    x.strings = g_ptr_array_new_with_free_func(g_free);
    x.formats = g_hash_table_new_full(NULL, NULL, NULL, g_free);
    x.cell_formats = g_array_new(FALSE, FALSE, sizeof(guint));
    xlsx_read_strings(&x, g_hash_table_lookup(types, "sharedStrings"));
    xlsx_read_styles(&x, g_hash_table_lookup(types, "styles"));

    GArray *sheets = xlsx_sheets(&x, workbook, ids);
    for (guint i = 0; i < sheets->len; i++) {
        const XlsxSheet *s = &g_array_index(sheets, XlsxSheet, i);
        /* A chart sheet or a dialog sheet has no cells. */
        if (s->hidden || !g_str_has_suffix(s->part, ".xml") || strstr(s->part, "chartsheets/") ||
            strstr(s->part, "dialogsheets/"))
            continue;
        xlsx_read_sheet(&x, s);
        (*sheets_read)++;
    }
    slx_cell_budget_warn(&x.budget, x.doc);
    slx_zip_warn(zip, x.doc);
    g_array_free(sheets, TRUE);
    g_ptr_array_unref(x.strings);
    g_hash_table_destroy(x.formats);
    g_array_free(x.cell_formats, TRUE);
    return x.doc;
}
