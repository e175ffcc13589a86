/* SPDX-License-Identifier: GPL-3.0-or-later */
/* write_xlsx_load.c — the workbook writer, from the module
 * slaxtract-xlsx.so (write_xlsx.c), loaded when a workbook is written:
 * libxlsxwriter and the libcrypto it brings cost every other run's start
 * a millisecond (README, "Speed"). */
#include "write_xlsx.h"
#include "error.h"
#include "classify.h"
#include "module.h"
#include "record.h"
#include "report.h"
#include "write_jsonl.h"

SLX_MODULE_CALLBACKS(write_xlsx_load, slx_error_quark, slx_answer_label, slx_answer_name,
                     slx_flags_joined, slx_record_item, slx_report_error, slx_report_error_short,
                     slx_report_flag_label, slx_report_flag_meaning, slx_report_flags,
                     slx_report_format, slx_report_labels, slx_report_status, slx_report_where,
                     slx_write_values);

gboolean
slx_write_xlsx(const char *path, const GPtrArray *records, const SlxCatalog *catalog, guint *cut,
               GError **error)
{
    const SlxWriteXlsxModule *m = slx_module_table("xlsx", SLX_WRITE_XLSX_MODULE,
                                                   "the workbook writer", SLX_ERROR_READ, error);
    return m != NULL && m->write(path, records, catalog, cut, error);
}
