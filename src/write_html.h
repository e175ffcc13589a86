/* SPDX-License-Identifier: GPL-3.0-or-later */
/* write_html.h — records → one self-contained HTML comparison page. */
#ifndef SLX_WRITE_HTML_H
#define SLX_WRITE_HTML_H

#include "record.h"

/* Append the page comparing RECORDS over CATALOG's items to OUT. */
void slx_write_html(GString *out, const GPtrArray *records, const SlxCatalog *catalog);

#endif
