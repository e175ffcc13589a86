/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sheet/numfmt.h — a number as a workbook's number format shows it.
 *
 * An .xlsx cell stores 0.999 and a format code "0.0%"; the vendor saw
 * 99.9%, and that is what the checklist says.  ODS stores the text shown,
 * so only the xlsx reader needs this. */
#ifndef SLX_SHEET_NUMFMT_H
#define SLX_SHEET_NUMFMT_H

#include <glib.h>

/* The format code of a built-in number format id (ECMA-376 §18.8.30, with
 * the Japanese locale's dates for 14 and 27–58), or NULL for an id with
 * none: such a cell is shown as General. */
const char *slx_numfmt_builtin(guint id);

/* VALUE shown as the format CODE shows it (NULL or "" is General).
 * DATE1904: the workbook counts dates from 1904-01-01 (workbookPr
 * date1904), not from 1900-01-00.  Returns a new string. */
char *slx_numfmt_format(const char *code, double value, gboolean date1904);

#endif
