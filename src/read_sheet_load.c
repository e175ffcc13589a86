/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_sheet_load.c — the workbook readers, from the module
 * slaxtract-sheet.so (sheet/: libzip, libxml2, FreeXL), loaded by a run's
 * first zip; and what an OLE2 compound file is, told by its stream names
 * without any library.  An OLE2 file is an Excel 97–2003 workbook when it
 * holds a Workbook (or BIFF5 Book) stream, and an Office file encrypted
 * with a password when it holds an EncryptedPackage stream (Excel saves a
 * protected .xlsx so). */
#include "read_sheet.h"
#include "document.h"
#include "error.h"
#include "module.h"
#include "child.h"

#include <string.h>

SLX_MODULE_CALLBACKS(read_sheet_load, slx_error_quark, slx_block_take_cell, slx_document_add,
                     slx_document_add_row, slx_document_free, slx_document_new,
                     slx_document_warn, slx_child_exit, slx_child_limit_memory, slx_write_all);

static const guint8 read_sheet_ole2_magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

static const SlxReadSheetModule *
read_sheet_load(GError **error)
{
    return slx_module_table("sheet", SLX_READ_SHEET_MODULE, "the workbook reader",
                            SLX_ERROR_WORKBOOK, error);
}

/* Does the OLE2 file in BYTES have a directory entry named NAME?  Entries
 * are 128 bytes in 512-byte sectors, each opening with its UTF-16LE name
 * and a NUL, so a name is looked for at every 128th byte only. */
static gboolean
read_sheet_has_stream(const guint8 *bytes, gsize len, const char *name)
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

SlxWorkbookKind
slx_workbook_kind(const guint8 *bytes, gsize len)
{
    if (len >= 4 && memcmp(bytes, "PK\003\004", 4) == 0) {
        const SlxReadSheetModule *m = read_sheet_load(NULL);
        /* Without its module no zip can be told: taken for a workbook, it
         * fails as one, saying that the module is missing. */
        return m ? m->zip_kind(bytes, len) : SLX_WORKBOOK_XLSX;
    }
    if (len >= 512 && memcmp(bytes, read_sheet_ole2_magic, 8) == 0) {
        if (read_sheet_has_stream(bytes, len, "EncryptedPackage"))
            return SLX_WORKBOOK_ENCRYPTED;
        if (read_sheet_has_stream(bytes, len, "Workbook") ||
            read_sheet_has_stream(bytes, len, "Book"))
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
    const SlxReadSheetModule *m = read_sheet_load(error);
    return m ? m->read(kind, bytes, len, sheets, error) : NULL;
}
