/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sheet/workbook.c — which workbook a file is, judged by its content, and
 * the reader for it.
 *
 * A zip is an Office Open XML workbook when its [Content_Types].xml
 * declares a spreadsheet main part, an OpenDocument spreadsheet when its
 * mimetype part says so; any other zip (a .docx, a .jar) is not a
 * workbook.  An OLE2 compound file is an Excel 97–2003 workbook when it
 * holds a Workbook (or BIFF5 Book) stream, and an Office file encrypted
 * with a password when it holds an EncryptedPackage stream (Excel saves
 * a protected .xlsx so). */
#include "read_sheet.h"
#include "sheet/internal.h"
#include "error.h"

#include <string.h>

/* Content types of a workbook's main part (ECMA-376 Part 1 §12.3.23). */
static const char *const workbook_main_types[] = {
    "spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml",
    "ms-excel.sheet.macroEnabled.main+xml", "ms-excel.template.macroEnabled.main+xml",
};

static const guint8 workbook_ole2_magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

/* Does the OLE2 file in BYTES have a directory entry named NAME?  Entries
 * are 128 bytes in 512-byte sectors, each opening with its UTF-16LE name
 * and a NUL, so a name is looked for at every 128th byte only. */
static gboolean
workbook_has_stream(const guint8 *bytes, gsize len, const char *name)
{
    guint8 pattern[66] = {0};
    gsize n = MIN(strlen(name), 32);
    for (gsize i = 0; i < n; i++)
        pattern[2 * i] = (guint8)name[i];
    gsize plen = 2 * n + 2;
    for (gsize i = 512; i + plen <= len; i += 128)
        if (memcmp(bytes + i, pattern, plen) == 0)
            return TRUE;
    return FALSE;
}

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

SlxWorkbookKind
slx_workbook_kind(const guint8 *bytes, gsize len)
{
    if (len >= 4 && memcmp(bytes, "PK\003\004", 4) == 0)
        return workbook_zip_kind(bytes, len);
    if (len >= 512 && memcmp(bytes, workbook_ole2_magic, 8) == 0) {
        if (workbook_has_stream(bytes, len, "EncryptedPackage"))
            return SLX_WORKBOOK_ENCRYPTED;
        if (workbook_has_stream(bytes, len, "Workbook") || workbook_has_stream(bytes, len, "Book"))
            return SLX_WORKBOOK_XLS;
    }
    return SLX_WORKBOOK_NONE;
}

const char *
slx_workbook_kind_name(SlxWorkbookKind kind)
{
    switch (kind) {
    case SLX_WORKBOOK_ODS: return "ods";
    case SLX_WORKBOOK_XLS: return "xls";
    default: return "xlsx";
    }
}

SlxDocument *
slx_read_workbook(SlxWorkbookKind kind, const guint8 *bytes, gsize len, guint *sheets,
                  GError **error)
{
    *sheets = 0;
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
