/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_sheet.h — a vendor's workbook (.xlsx/.xlsm, .ods, legacy .xls) → blocks.
 *
 * The METI checklist is an Excel form, and many vendors return the
 * workbook itself.  Every visible sheet becomes, in workbook order, a
 * SLX_BLOCK_SHEET block (its name) followed by its visible rows as table
 * rows: cells as the sheet shows them (numbers through their number
 * format, formulas by their cached value, rich text joined, furigana
 * left out), merged cells copied into the rows they cover.  What a sheet
 * means (a cover sheet, a sample, the checklist) is segmentation's job.
 * The readers are in src/sheet/, the module slaxtract-sheet.so, which
 * read_sheet_load.c loads for the first zip of a run. */
#ifndef SLX_READ_SHEET_H
#define SLX_READ_SHEET_H

#include "document.h"

typedef enum {
    SLX_WORKBOOK_NONE,       /* not a workbook */
    SLX_WORKBOOK_XLSX,       /* Office Open XML: .xlsx, .xlsm, .xltx */
    SLX_WORKBOOK_ODS,        /* OpenDocument spreadsheet */
    SLX_WORKBOOK_XLS,        /* BIFF in an OLE2 compound file */
    SLX_WORKBOOK_ENCRYPTED,  /* an Office file protected by a password (OLE2 EncryptedPackage) */
    SLX_WORKBOOK_BINARY,     /* an Excel binary workbook (.xlsb): known, not read */
} SlxWorkbookKind;

/* What BYTES are, judged by content: the zip's content types or mimetype
 * part, or the OLE2 compound file's stream names. */
SlxWorkbookKind slx_workbook_kind(const guint8 *bytes, gsize len);

/* "xlsx", "ods", "xls" (an encrypted or binary workbook is reported as "xlsx"). */
const char *slx_workbook_kind_name(SlxWorkbookKind kind);

/* Read the workbook of KIND in BYTES.  *SHEETS receives the sheets read.
 * On failure returns NULL with ERROR (SLX_ERROR_WORKBOOK,
 * SLX_ERROR_ENCRYPTED; an .xlsb is SLX_ERROR_WORKBOOK, saying so). */
SlxDocument *slx_read_workbook(SlxWorkbookKind kind, const guint8 *bytes, gsize len,
                               guint *sheets, GError **error);

/* What the module slaxtract-sheet.so (sheet/workbook.c) exports, by the
 * name SLX_READ_SHEET_MODULE. */
typedef struct {
    SlxWorkbookKind (*zip_kind)(const guint8 *bytes, gsize len);   /* a zip's kind, or NONE */
    SlxDocument *(*read)(SlxWorkbookKind kind, const guint8 *bytes, gsize len, guint *sheets,
                         GError **error);                        /* slx_read_workbook */
} SlxReadSheetModule;
#define SLX_READ_SHEET_MODULE "slx_read_sheet_module"

#endif
