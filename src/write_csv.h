/* SPDX-License-Identifier: GPL-3.0-or-later */
/* write_csv.h — records → CSV, one row per (document, item) (doc/output.md §5). */
#ifndef SLX_WRITE_CSV_H
#define SLX_WRITE_CSV_H

#include "record.h"

/* Append the header and the rows of RECORDS (SlxRecord *) to OUT, RFC 4180
 * (CRLF, quotes where needed), UTF-8 without a BOM. */
void slx_write_csv(GString *out, const GPtrArray *records);

/* Append the header and one row per (document, requirement check) of
 * RECORDS: file, service, id, label, item, result, because, value (the
 * deciding value as compact JSON) (doc/output.md §7). */
void slx_write_csv_checks(GString *out, const GPtrArray *records);

/* Append one field, quoted if it holds a comma, a quote or a line break. */
void slx_csv_field(GString *out, const char *field);

#endif
