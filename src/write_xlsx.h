/* SPDX-License-Identifier: GPL-3.0-or-later */
/* write_xlsx.h — records → an Excel workbook with libxlsxwriter
 * (doc/output.md §5): 比較 (items × documents), 明細 (the CSV rows, typed),
 * 文書 (one row per document). */
#ifndef SLX_WRITE_XLSX_H
#define SLX_WRITE_XLSX_H

#include "record.h"

/* Write the workbook of RECORDS against CATALOG's items to PATH.  *CUT
 * counts the responses cut at what a cell or a comment holds (they end in
 * 「…」). */
gboolean slx_write_xlsx(const char *path, const GPtrArray *records, const SlxCatalog *catalog,
                        guint *cut, GError **error);

/* What the module slaxtract-xlsx.so (write_xlsx.c) exports, by the name
 * SLX_WRITE_XLSX_MODULE; write_xlsx_load.c loads it for slx_write_xlsx. */
typedef struct {
    gboolean (*write)(const char *path, const GPtrArray *records, const SlxCatalog *catalog,
                      guint *cut, GError **error);
} SlxWriteXlsxModule;
#define SLX_WRITE_XLSX_MODULE "slx_write_xlsx_module"

#endif
