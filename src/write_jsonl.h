/* SPDX-License-Identifier: GPL-3.0-or-later */
/* write_jsonl.h — a record → one line of JSON (doc/output.md §1). */
#ifndef SLX_WRITE_JSONL_H
#define SLX_WRITE_JSONL_H

#include "record.h"

/* Append the JSON object of R and a newline to OUT. */
void slx_write_jsonl(GString *out, const SlxRecord *r);

/* Append VALUES (SlxValue *) as a JSON array, doc/output.md §3. */
void slx_write_values(GString *out, const GPtrArray *values);
/* One value as a JSON object. */
void slx_write_value(GString *out, const SlxValue *v);

#endif
