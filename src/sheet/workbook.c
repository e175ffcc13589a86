/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sheet/workbook.c — the workbook readers' module, slaxtract-sheet.so
 * (libzip, libxml2, FreeXL: 2 ms of a start that a run without workbooks
 * does not pay): which workbook a zip is, and the reader for each kind.
 *
 * A zip is an Office Open XML workbook when its [Content_Types].xml
 * declares a spreadsheet main part, an OpenDocument spreadsheet when its
 * mimetype part says so; any other zip (a .docx, a .jar) is not a
 * workbook.  An OLE2 file is told by its stream names, which need no
 * library: read_sheet_load.c does that before loading this. */
#include "read_sheet.h"
#include "sheet/internal.h"
#include "error.h"

#include <gmodule.h>
#include <libxml/parser.h>
#include <string.h>

/* Content types of a workbook's main part (ECMA-376 Part 1 §12.3.23). */
static const char *const workbook_main_types[] = {
    "spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml",
    "ms-excel.sheet.macroEnabled.main+xml", "ms-excel.template.macroEnabled.main+xml",
};

static SlxWorkbookKind
workbook_zip_kind(const guint8 *bytes, gsize len)
{
    g_autoptr(SlxZip) z = slx_zip_open(bytes, len, NULL);
    if (z == NULL)
        return SLX_WORKBOOK_NONE;
    gsize n;
    g_autofree char *mimetype = slx_zip_read(z, "mimetype", 256, &n);
    if (mimetype && g_str_has_prefix(g_strstrip(mimetype),
                                     "application/vnd.oasis.opendocument.spreadsheet"))
        return SLX_WORKBOOK_ODS;
    g_autofree char *types = slx_zip_read(z, "[Content_Types].xml", 1 << 20, &n);
    for (gsize i = 0; types && i < G_N_ELEMENTS(workbook_main_types); i++)
        if (strstr(types, workbook_main_types[i]))
            return SLX_WORKBOOK_XLSX;
    if (types && strstr(types, "ms-excel.sheet.binary.macroEnabled.main"))
        return SLX_WORKBOOK_BINARY;
    return SLX_WORKBOOK_NONE;
}

static SlxDocument *
workbook_read(SlxWorkbookKind kind, const guint8 *bytes, gsize len, guint *sheets,
              GError **error)
{
    *sheets = 0;
    xmlInitParser();   /* once per process, before the first parse; a no-op after it */
    switch (kind) {
    case SLX_WORKBOOK_XLSX: return slx_read_xlsx(bytes, len, sheets, error);
    case SLX_WORKBOOK_ODS: return slx_read_ods(bytes, len, sheets, error);
    case SLX_WORKBOOK_XLS: return slx_read_xls(bytes, len, sheets, error);
    case SLX_WORKBOOK_ENCRYPTED:
        g_set_error(error, SLX_ERROR, SLX_ERROR_ENCRYPTED,
                    "the workbook is encrypted with a password (Office protection): not read");
        return NULL;
    case SLX_WORKBOOK_BINARY:
        g_set_error(error, SLX_ERROR, SLX_ERROR_WORKBOOK,
                    "an Excel binary workbook (.xlsb) is not read: save it as .xlsx");
        return NULL;
    case SLX_WORKBOOK_NONE:
        break;
    }
    g_set_error(error, SLX_ERROR, SLX_ERROR_BINARY, "not a workbook");
    return NULL;
}

G_MODULE_EXPORT const SlxReadSheetModule slx_read_sheet_module = {workbook_zip_kind,
                                                                  workbook_read};
